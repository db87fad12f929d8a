from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "people"
    verbose_name = _("People, organizations and places")

    def ready(self) -> None:
        from django.db.backends.signals import connection_created

        from people.search import register_sqlite_functions

        # Unicode-aware case folding for the SQLite search fallback.
        connection_created.connect(register_sqlite_functions)
