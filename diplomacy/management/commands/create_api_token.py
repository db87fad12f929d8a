from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from knox.models import AuthToken
from knox.settings import knox_settings


class Command(BaseCommand):
    help = "Issue an API token for a user and print it once (only its hash is stored)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("username")
        parser.add_argument(
            "--days", type=int, default=None, help="Days until it expires (default: settings)."
        )

    def handle(self, *args, username: str, days: int | None, **options) -> None:
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user named {username!r}.")
        if not user.is_active:
            raise CommandError(f"The user {username!r} is inactive.")
        if days is not None and days < 1:
            raise CommandError("--days must be at least 1.")
        expiry = timedelta(days=days) if days else knox_settings.TOKEN_TTL
        instance, token = AuthToken.objects.create(user, expiry=expiry)
        self.stdout.write(f"{token}\n(expires {instance.expiry:%Y-%m-%d %H:%M} UTC)")
