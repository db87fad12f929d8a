"""Reads behind the events and competitions API, in a fixed number of queries."""

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db.models import Prefetch, QuerySet

from events.models import Competition, Edition, Entry, Event
from events.selectors import editions_with_figures, event_detail_queryset, visible_events


def events_for_api(user: AbstractBaseUser | AnonymousUser) -> QuerySet[Event]:
    return event_detail_queryset(user)


def competitions_for_api(user: AbstractBaseUser | AnonymousUser) -> QuerySet[Competition]:
    editions = editions_with_figures(Edition.objects.order_by("-year")).prefetch_related(
        "countries",
        "nominations",
        Prefetch(
            "entries",
            queryset=Entry.objects.select_related("person", "organization", "country", "region"),
        ),
        Prefetch("events", queryset=visible_events(user).order_by("start_date", "pk")),
    )
    return Competition.objects.prefetch_related(
        "organizers", Prefetch("editions", queryset=editions)
    )
