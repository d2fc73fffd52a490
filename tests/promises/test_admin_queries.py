"""Admin change lists cost the same number of queries however many rows they show."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from followup.models import Update
from promises.models import Membership

pytestmark = pytest.mark.django_db

CHANGELISTS = [
    ("promises_promise", Membership.Role.KOMMUNPOLIS),
    ("promises_commitment", Membership.Role.KOMMUNPOLIS),
    ("followup_update", Membership.Role.SAMORDNARE),
]


@pytest.mark.parametrize(("changelist", "role"), CHANGELISTS, ids=[c for c, _r in CHANGELISTS])
def test_changelist_queries_do_not_grow_with_rows(
    client, make_locality, make_promise, make_commitment, make_editor, changelist, role
):
    locality = make_locality()
    client.force_login(make_editor(locality, role=role))

    def queries(rows):
        for _ in range(rows):
            promise = make_promise(locality=locality)
            commitment = make_commitment(promise=promise)
            Update.objects.create(promise=promise, commitment=commitment, text="Notering")
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse(f"admin:{changelist}_changelist")).status_code == 200
        return len(captured)

    assert queries(2) == queries(8)
