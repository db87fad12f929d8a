"""The home page: coming up, recent, competitions and the most involved countries."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from diplomacy.languages import localized
from events.models import Competition, Event
from events.selectors.events import User, event_list_queryset, order_events
from events.selectors.figures import most_involved_countries
from people.models import Country


@dataclass(frozen=True)
class Home:
    upcoming: list[Event]
    recent: list[Event]
    competitions: list[Competition]
    countries: list[Country]


def home(user: User, *, today: datetime.date | None = None) -> Home:
    today = today or timezone.localdate()
    events = event_list_queryset(user)
    return Home(
        upcoming=list(order_events(events.filter(start_date__gte=today), "start")[:5]),
        recent=list(order_events(events.filter(start_date__lt=today))[:8]),
        competitions=list(Competition.objects.order_by(localized("title"), "pk")[:6]),
        countries=[country for country, _count in most_involved_countries(limit=12)],
    )
