"""Print every record as the API shows it to an editor, for comparing two
databases: a backup restored elsewhere holds exactly what the original does
when their snapshots are equal (scripts/backup_roundtrip.sh)."""

import json
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.urls import resolve
from rest_framework.test import APIRequestFactory, force_authenticate

# The lists a snapshot walks; drafts included, as an editor sees them.
LISTS = ["events", "competitions", "people", "organizations", "topics"]


class Command(BaseCommand):
    help = "Print every event, competition, person, organization and topic as the API shows them."

    def handle(self, *args, **options) -> None:
        snapshot = {name: self._rows(f"/api/v1/{name}/") for name in LISTS}
        self.stdout.write(json.dumps(snapshot, sort_keys=True, ensure_ascii=False, indent=1))
        counts = ", ".join(f"{name}: {len(rows)}" for name, rows in snapshot.items())
        self.stderr.write(f"Snapshot of {counts}.")

    def _rows(self, path: str) -> dict[str, dict]:
        # An unsaved superuser: sees drafts, owns no token, leaves no trace.
        reader = get_user_model()(username="snapshot", is_superuser=True, is_active=True)
        match = resolve(path)
        view = match.func.cls.as_view(match.func.actions, throttle_classes=[])
        factory = APIRequestFactory(SERVER_NAME=urlsplit(settings.SITE_URL).hostname or "localhost")
        rows: dict[str, dict] = {}
        url = f"{path}?page_size=100"
        while url:
            request = factory.get(url, HTTP_HOST=_host())
            force_authenticate(request, user=reader)
            response = view(request)
            response.render()
            if response.status_code != 200:
                raise CommandError(f"{url} answered {response.status_code}: {response.content!r}")
            body = json.loads(response.content)
            rows.update((row["slug"], row) for row in body["results"])
            url = body["next"] and body["next"].split(_host(), 1)[1]
        return rows


def _host() -> str:
    allowed = [
        host for host in settings.ALLOWED_HOSTS if host not in ("*",) and not host.startswith(".")
    ]
    return allowed[0] if allowed else "localhost"
