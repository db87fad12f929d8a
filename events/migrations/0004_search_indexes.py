"""A GIN index over the events' search vector, on PostgreSQL only."""

from django.db import migrations


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS events_event_search_gin "
            "ON events_event USING gin (search_vector)"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS events_event_search_gin")


class Migration(migrations.Migration):
    dependencies = [("events", "0003_search_vector")]

    operations = [migrations.RunPython(create, drop)]
