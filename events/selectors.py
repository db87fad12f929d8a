"""Reads of events that views, the API and the admin share."""

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db.models import Prefetch, QuerySet

from events.models import Event, EventOrganization, Participation, Quote, Source


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
    return (
        visible_events(user)
        .select_related("host_country", "region", "parent", "edition__competition")
        .prefetch_related(
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
    )
