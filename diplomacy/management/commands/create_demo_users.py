from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Create the local log-ins admin/admin and editor/editor (DEBUG only)."

    def handle(self, *args, **options) -> None:
        if not settings.DEBUG:
            raise CommandError(
                "create_demo_users only runs with DEBUG on: it sets well-known passwords."
            )
        admin, _ = User.objects.get_or_create(username="admin")
        admin.is_staff = admin.is_superuser = True
        admin.set_password("admin")
        admin.save()
        editor, _ = User.objects.get_or_create(username="editor")
        editor.is_staff = True
        editor.is_superuser = False
        editor.set_password("editor")
        editor.save()
        editor.groups.add(Group.objects.get(name="Editors"))
        self.stdout.write("Log-ins ready: admin/admin and editor/editor.")
