from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events and competitions")

    def ready(self) -> None:
        # people's pages show events without people importing events.
        from events import people_pages
        from people import pages

        pages.register("person", people_pages.person_sections)
        pages.register("organization", people_pages.organization_sections)
        pages.register("country", people_pages.country_sections)
