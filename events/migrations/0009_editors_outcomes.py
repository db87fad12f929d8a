"""Editors may enter and correct outcomes, their parties and an event's
reported figures, as they do the rest of an event (see 0002_editors_group)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODELS = ["outcome", "outcomeparty", "reportedfigures"]
ACTIONS = ("view", "add", "change", "delete")


def grant(apps, schema_editor):
    app_config = apps.get_app_config("events")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    wanted = {f"{action}_{model}" for model in MODELS for action in ACTIONS}
    permissions = list(
        Permission.objects.filter(content_type__app_label="events", codename__in=wanted)
    )
    missing = wanted - {permission.codename for permission in permissions}
    if missing:
        raise RuntimeError(f"Permissions not found: {sorted(missing)}")
    group, _created = Group.objects.get_or_create(name="Editors")
    group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="events",
        codename__in=[f"{action}_{model}" for model in MODELS for action in ACTIONS],
    )
    for group in Group.objects.filter(name="Editors"):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0008_outcomes"),
        ("events", "0002_editors_group"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
