"""Schemathesis over the whole OpenAPI schema, in-process through the WSGI app: no server
error and no response that breaks the schema, with a bounded number of examples."""

import os

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from config.wsgi import application
from promises.api.views import api

pytestmark = pytest.mark.django_db

schema = schemathesis.openapi.from_dict(api.get_openapi_schema(path_prefix="/api/v1"))
schema.app = application  # requests go to the WSGI app in-process, no server, no network


@pytest.fixture(autouse=True)
def _in_process_wsgi(settings):
    settings.ALLOWED_HOSTS = ["*"]  # the in-process client calls itself "localhost"
    # As Django's own test client does: keep the test's connection (and its transaction)
    # open across requests instead of closing it at the end of each one.
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=int(os.environ.get("SCHEMATHESIS_MAX_EXAMPLES", "20")),
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_api_answers_every_generated_request_within_its_schema(case, demo_data):
    case.call_and_validate()
