from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connections

from config.backup import is_postgresql, run_pg_tool


class Command(BaseCommand):
    help = (
        "Backs the database up to a file: pg_dump's custom format on PostgreSQL, "
        "a JSON dump (dumpdata) on SQLite."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The backup file to write.")
        parser.add_argument("--database", default="default")

    def handle(self, *args, path, database, **options):
        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        connection = connections[database]
        if is_postgresql(connection):
            command = [
                "pg_dump",
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                "--file",
                str(target),
            ]
            run_pg_tool(command, connection)
        else:
            call_command(
                "dumpdata",
                "--natural-foreign",
                "--exclude=contenttypes",
                "--exclude=auth.permission",
                "--exclude=sessions",
                "--exclude=admin.logentry",
                f"--database={database}",
                "--indent=0",
                f"--output={target}",
                verbosity=0,
            )
        self.stdout.write(
            self.style.SUCCESS(f"Backed up to {target} ({target.stat().st_size} bytes).")
        )
