"""Shared by the backup_data and restore_data commands."""

import os
import subprocess

from django.core.management.base import CommandError


def is_postgresql(connection):
    return connection.vendor == "postgresql"


def pg_environment(connection):
    """libpq environment variables for pg_dump/pg_restore from Django's connection settings."""
    settings = connection.settings_dict
    values = {
        "PGHOST": settings.get("HOST"),
        "PGPORT": str(settings.get("PORT") or ""),
        "PGUSER": settings.get("USER"),
        "PGPASSWORD": settings.get("PASSWORD"),
        "PGDATABASE": settings.get("NAME"),
    }
    return {key: value for key, value in values.items() if value}


def run_pg_tool(command, connection):
    """Run pg_dump or pg_restore against `connection`; a clear CommandError if it fails."""
    result = subprocess.run(
        command, env=os.environ | pg_environment(connection), capture_output=True, text=True
    )
    if result.returncode != 0:
        raise CommandError(f"{command[0]} failed: {result.stderr.strip()}")
