"""The role groups (Kommunpolis, Samordnare) with their model permissions, so a new
database is ready without clicking. The rights themselves live in promises.permissions."""

from django.db import migrations


def create_role_groups(apps, schema_editor):
    from promises.permissions import ensure_role_groups

    ensure_role_groups(apps)


def remove_role_groups(apps, schema_editor):
    from promises.permissions import GROUP_NAMES

    apps.get_model("auth", "Group").objects.filter(name__in=GROUP_NAMES.values()).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("promises", "0002_history"),
        ("situation", "0001_initial"),
        ("followup", "0002_history"),
    ]

    operations = [migrations.RunPython(create_role_groups, remove_role_groups)]
