"""Reads of events that views, the API and the admin share."""

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, Prefetch, QuerySet

from events.models import Edition, Event, EventOrganization, Participation, Quote, Source


def can_preview_drafts(user: AbstractBaseUser | AnonymousUser) -> bool:
    return bool(user.is_authenticated and user.has_perm("events.change_event"))


def visible_events(user: AbstractBaseUser | AnonymousUser) -> QuerySet[Event]:
    """Events the user may see: the public ones, and drafts for editors."""
    events = Event.objects.all()
    if can_preview_drafts(user):
        return events
    return events.filter(status__in=Event.PUBLIC_STATUSES)


def event_detail_queryset(user: AbstractBaseUser | AnonymousUser) -> QuerySet[Event]:
    """Everything an event page or API detail shows, in a fixed number of queries."""
    return with_event_details(visible_events(user))


def with_event_details(events: QuerySet[Event]) -> QuerySet[Event]:
    """The events with their places, people, organizations, quotes and sources."""
    return events.select_related(
        "host_country", "region", "parent", "edition__competition"
    ).prefetch_related(
        "topics",
        "countries",
        Prefetch(
            "organization_roles",
            queryset=EventOrganization.objects.select_related("organization"),
        ),
        Prefetch(
            "participations",
            queryset=Participation.objects.select_related(
                "person", "position__organization", "organization"
            ),
        ),
        Prefetch("quotes", queryset=Quote.objects.select_related("person")),
        Prefetch("sources", queryset=Source.objects.all()),
    )


def editions_with_figures(editions: QuerySet[Edition]) -> QuerySet[Edition]:
    """Editions annotated with the figures derived from their entries.

    `entry_count`, `entry_region_count` and `entry_country_count` sit beside
    the figures as the organizers reported them; they are computed, never
    stored, so they cannot drift from the entries.
    """
    return editions.annotate(
        entry_count=Count("entries", distinct=True),
        entry_region_count=Count("entries__region", distinct=True),
        entry_country_count=Count("entries__country", distinct=True),
    )
