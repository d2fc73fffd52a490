"""Schemathesis over the whole OpenAPI schema, in-process through the WSGI app: no server
error and no response that breaks the schema, with a bounded number of examples."""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from config.wsgi import application
from followup.api.views import api

pytestmark = pytest.mark.django_db

schema = schemathesis.openapi.from_dict(api.get_openapi_schema(path_prefix="/api/v1"))
schema.app = application  # requests go to the WSGI app in-process, no server, no network


@pytest.fixture(autouse=True)
def _any_host(settings):
    settings.ALLOWED_HOSTS = ["*"]  # the in-process client calls itself "localhost"


@schema.parametrize()
@settings(
    max_examples=20,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_api_answers_every_generated_request_within_its_schema(case, demo_data):
    case.call_and_validate()
