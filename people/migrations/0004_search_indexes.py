"""GIN indexes over the search vectors, on PostgreSQL only (SQLite searches
by substring and has no such index type)."""

from django.db import migrations

INDEXES = [
    ("people_person_search_gin", "people_person"),
    ("people_organization_search_gin", "people_organization"),
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, table in INDEXES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin (search_vector)"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _table in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("people", "0003_search_vector")]

    operations = [migrations.RunPython(create, drop)]
