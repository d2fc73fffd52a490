"""Data: a commitment's public status is the one its latest published status note sets.

Published notes get a publication time (their creation time: the best known). Then every
commitment's status is recomputed from its published status notes, the latest (date,
publication time) first; a commitment no published note gives a status becomes "not
reported": a status set without a note (the old default "not started", a draft note's
proposal, or demo data) does not exist any more."""

from django.db import migrations
from django.db.models import F
from django.db.models.functions import Coalesce


def forwards(apps, schema_editor):
    Update = apps.get_model("followup", "Update")
    Commitment = apps.get_model("promises", "Commitment")
    Update.objects.filter(published=True, published_at__isnull=True).update(
        published_at=F("created_at")
    )
    latest = {}
    notes = (
        Update.objects.filter(published=True, commitment__isnull=False)
        .exclude(new_status="")
        .order_by(
            Coalesce("date", "promise__ends_on", "promise__starts_on").desc(nulls_last=True),
            F("published_at").desc(nulls_last=True),
            F("pk").desc(),
        )
        .values_list("commitment_id", "new_status")
    )
    for commitment_id, status in notes:
        latest.setdefault(commitment_id, status)
    for commitment in Commitment.objects.only("pk", "status").iterator():
        status = latest.get(commitment.pk, "unreported")
        if commitment.status != status:
            Commitment.objects.filter(pk=commitment.pk).update(status=status)


class Migration(migrations.Migration):
    dependencies = [
        ("followup", "0009_update_published_at"),
        ("promises", "0005_commitment_starts_unreported"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
