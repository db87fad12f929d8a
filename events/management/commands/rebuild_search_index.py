from django.core.management.base import BaseCommand

from events.models import Event
from events.search import refresh_event_search
from people.models import Organization, Person
from people.search import refresh_organization_search, refresh_person_search

BATCH = 2000


class Command(BaseCommand):
    help = "Recompute every stored search vector (PostgreSQL; a no-op on SQLite)."

    def handle(self, *args, **options) -> None:
        for model, refresh in (
            (Person, refresh_person_search),
            (Organization, refresh_organization_search),
            (Event, refresh_event_search),
        ):
            ids = list(model.objects.order_by("pk").values_list("pk", flat=True))
            for start in range(0, len(ids), BATCH):
                refresh(ids[start : start + BATCH])
            self.stdout.write(f"{model._meta.verbose_name_plural}: {len(ids)} indexed.")
