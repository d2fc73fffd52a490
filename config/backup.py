"""Shared by the backup_data and restore_data commands."""


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
