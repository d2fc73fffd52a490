"""A backup of the demo data, restored after a wipe, brings every row back."""

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection

from promises.demo.loader import load_demo_data
from promises.models import Promise

CONTENT_APPS = ("promises", "situation", "followup", "auth")


def _row_counts():
    return {
        model._meta.label: model._default_manager.count()
        for app in CONTENT_APPS
        for model in apps.get_app_config(app).get_models()
    }


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="pg_dump/pg_restore need PostgreSQL (CI's PostgreSQL pass runs this test)",
)
@pytest.mark.django_db(transaction=True)
def test_backup_wipe_and_restore_brings_every_row_back_on_postgresql(tmp_path, django_user_model):
    load_demo_data()
    django_user_model.objects.create_user("kommunpolis", "kp@example.se", "x" * 16)
    before = _row_counts()
    titles = sorted(Promise.objects.values_list("title", flat=True))
    backup = tmp_path / "medborgarloften.dump"

    call_command("backup_data", str(backup))
    call_command("flush", "--no-input", verbosity=0)
    assert Promise.objects.count() == 0
    call_command("restore_data", str(backup), "--no-input")

    assert _row_counts() == before
    assert sum(before.values()) > 100
    assert sorted(Promise.objects.values_list("title", flat=True)) == titles
    # Sequences come back too: a new row gets a fresh primary key.
    Promise.objects.create(
        locality=Promise.objects.first().locality, title="Ny", slug="ny-efter-restore"
    )


@pytest.mark.django_db(transaction=True)
def test_a_json_backup_restores_the_demo_data_on_any_database(tmp_path, settings):
    if connection.vendor == "postgresql":
        pytest.skip("PostgreSQL uses pg_dump (the test above)")
    load_demo_data()
    before = _row_counts()
    backup = tmp_path / "medborgarloften.json"

    call_command("backup_data", str(backup))
    call_command("restore_data", str(backup), "--no-input")

    assert _row_counts() == before
