"""The role groups may see (and so pick from) the shared survey questions: refreshed from
promises.permissions, as promises' 0003_role_groups made them."""

from django.db import migrations


def refresh_role_groups(apps, schema_editor):
    from promises.permissions import ensure_role_groups

    ensure_role_groups(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("situation", "0003_shared_survey_questions"),
        ("promises", "0003_role_groups"),
    ]

    operations = [migrations.RunPython(refresh_role_groups, migrations.RunPython.noop)]
