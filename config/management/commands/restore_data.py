from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from config.backup import is_postgresql, run_pg_tool
from config.cache import bump_content_generation
from promises.signals import bulk_write


class Command(BaseCommand):
    help = (
        "Restores a backup made by backup_data, replacing what the database holds: "
        "pg_restore --clean on PostgreSQL, flush and loaddata on SQLite."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The backup file to read.")
        parser.add_argument("--database", default="default")
        parser.add_argument("--no-input", action="store_true", help="Do not ask for confirmation.")

    def handle(self, *args, path, database, no_input, **options):
        source = Path(path)
        if not source.is_file():
            raise CommandError(f"No backup file at {source}.")
        connection = connections[database]
        name = connection.settings_dict["NAME"]
        if not no_input and input(f"Replace everything in {name!s} with {source}? [y/N] ") != "y":
            raise CommandError("Restore cancelled.")
        if is_postgresql(connection):
            connection.close()  # pg_restore drops tables; hold no lock on them
            command = [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                "--exit-on-error",
                "--dbname",
                name,
                str(source),
            ]
            run_pg_tool(command, connection)
        else:
            # One change for the page cache (every page) at the end, not one per row loaded.
            with bulk_write():
                call_command("flush", "--no-input", f"--database={database}", verbosity=0)
                call_command("loaddata", str(source), f"--database={database}", verbosity=0)
        if is_postgresql(connection):  # pg_restore sends no signal
            bump_content_generation()
        self.stdout.write(self.style.SUCCESS(f"Restored {source}."))
