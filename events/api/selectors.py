"""Reads behind the events and competitions API, in a fixed number of queries."""

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db.models import Case, F, Prefetch, Q, QuerySet, Value, When, Window
from django.db.models.functions import Lag

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


def removed_events() -> QuerySet:
    """History records of events that left public view: deleted while public,
    or returned from a public status to draft.

    Only events the public once saw are named, so a draft's slug never leaks.
    """
    history = Event.history.model.objects.annotate(
        previous_status=Window(
            Lag("status"), partition_by=[F("id")], order_by=[F("history_date"), F("history_id")]
        )
    )
    public = list(Event.PUBLIC_STATUSES)
    deleted = Q(history_type="-", status__in=public)
    unpublished = Q(history_type="~", status=Event.Status.DRAFT, previous_status__in=public)
    return history.filter(deleted | unpublished).annotate(
        removed_at=F("history_date"),
        reason=Case(When(history_type="-", then=Value("deleted")), default=Value("unpublished")),
    )
