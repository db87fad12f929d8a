"""The "Editors" group: what staff of assemblies, NGOs and agencies need to
enter and correct events, and nothing more (no users, tokens or settings).

Permissions are normally created after all migrations have run, so they are
created here first. A later model that editors should manage needs a migration
that adds its permissions to the group.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITED = {
    "events": [
        "event",
        "eventorganization",
        "participation",
        "quote",
        "source",
        "topic",
        "competition",
        "edition",
        "nomination",
        "entry",
    ],
    "people": ["person", "organization", "position"],
}
VIEWED = {"people": ["country", "region"]}


def editor_permission_codenames() -> set[tuple[str, str]]:
    codenames = set()
    for app_label, models in EDITED.items():
        for model in models:
            for action in ("view", "add", "change", "delete"):
                codenames.add((app_label, f"{action}_{model}"))
    for app_label, models in VIEWED.items():
        for model in models:
            codenames.add((app_label, f"view_{model}"))
    return codenames


def create_editors_group(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name="Editors")
    wanted = editor_permission_codenames()
    permissions = [
        permission
        for permission in Permission.objects.filter(
            content_type__app_label__in=["events", "people"]
        ).select_related("content_type")
        if (permission.content_type.app_label, permission.codename) in wanted
    ]
    missing = wanted - {(p.content_type.app_label, p.codename) for p in permissions}
    if missing:
        raise RuntimeError(f"Permissions not found: {sorted(missing)}")
    group.permissions.set(permissions)


def remove_editors_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Editors").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_initial"),
        ("people", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_editors_group, remove_editors_group)]
