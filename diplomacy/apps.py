from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DiplomacyConfig(AppConfig):
    """What every app shares (no models): management commands, the admin's
    building blocks, and a search function for SQLite."""

    name = "diplomacy"
    verbose_name = _("Shared plumbing")

    def ready(self) -> None:
        from django.db.backends.signals import connection_created

        from diplomacy.pagecache import connect_signals
        from diplomacy.search import register_sqlite_functions

        # Unicode-aware case folding for the SQLite search fallback.
        connection_created.connect(register_sqlite_functions)
        # Any write to public data empties the page cache.
        connect_signals()
