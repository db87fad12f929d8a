"""The event list's filters, one definition for the site's list, its
calendar, search and the API; and search matches for the search page."""

import datetime
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q, QuerySet

from diplomacy.languages import LANGUAGE_CODES, translated_fields
from diplomacy.search import exact_first, text_matches
from events.models import Event, EventOrganization, Topic
from events.search import search_events
from events.selectors.events import User, event_list_queryset, order_events
from events.selectors.involvement import (
    involving_country,
    involving_organization,
    involving_person,
    with_topic,
)
from events.selectors.outcomes import with_outcome
from people.models import Country, Organization, Person, Region


@dataclass(frozen=True)
class EventFilters:
    """The event list's filters, with one meaning each, for the site's list, its
    calendar, search and the API: every one given must match."""

    kind: str = ""
    # Held there, or with it among the participating countries.
    country: Country | None = None
    host_country: Country | None = None
    region: Region | None = None
    # The city's name in any language, matched whole and case-insensitively.
    city: str = ""
    # The organization has a role in the event (organizer, partner…).
    organization: Organization | None = None
    # The organization has a role, a participant speaks on its behalf, or a
    # participant holds a post in it.
    organization_involved: Organization | None = None
    person: Person | None = None
    parent: Event | None = None
    topic: Topic | None = None
    start_after: datetime.date | None = None
    start_before: datetime.date | None = None
    year: int | None = None
    updated_since: datetime.datetime | None = None
    q: str = ""
    # Has an outcome of this kind (agreement, memorandum, plan…).
    outcome_kind: str = ""
    # Has at least one outcome on record (True), or none (False).
    has_outcome: bool | None = None


def filter_events(events: QuerySet[Event], filters: EventFilters) -> QuerySet[Event]:
    """The events matching every filter given (see EventFilters)."""
    conditions = Q()
    if filters.kind:
        conditions &= Q(kind=filters.kind)
    if filters.country is not None:
        conditions &= involving_country(filters.country)
    if filters.host_country is not None:
        conditions &= Q(host_country=filters.host_country)
    if filters.region is not None:
        conditions &= Q(region=filters.region)
    if filters.city.strip():
        conditions &= _in_city(events, filters.city.strip())
    if filters.organization is not None:
        roles = EventOrganization.objects.filter(
            event=OuterRef("pk"), organization=filters.organization
        )
        conditions &= Q(Exists(roles))
    if filters.organization_involved is not None:
        conditions &= involving_organization(filters.organization_involved)
    if filters.person is not None:
        conditions &= involving_person(filters.person)
    if filters.parent is not None:
        conditions &= Q(parent=filters.parent)
    if filters.topic is not None:
        conditions &= with_topic(filters.topic)
    conditions &= _dates(filters)
    if filters.outcome_kind:
        conditions &= with_outcome(filters.outcome_kind)
    if filters.has_outcome is not None:
        conditions &= with_outcome() if filters.has_outcome else ~with_outcome()
    events = events.filter(conditions)
    if filters.q.strip():
        events = search_events(events, filters.q)
    return events


def _in_city(events: QuerySet[Event], city: str) -> Q:
    condition = Q()
    for language in LANGUAGE_CODES:
        condition |= text_matches(events, f"city_{language}", city, exact=True)
    return condition


def _dates(filters: EventFilters) -> Q:
    condition = Q()
    if filters.start_after is not None:
        condition &= Q(start_date__gte=filters.start_after)
    if filters.start_before is not None:
        condition &= Q(start_date__lte=filters.start_before)
    if filters.year is not None:
        condition &= Q(start_date__year=filters.year)
    if filters.updated_since is not None:
        condition &= Q(updated_at__gte=filters.updated_since)
    return condition


# The site's search ranks at most this many matches, the newest; more are
# "more than" this many, and not counted (see search_event_matches).
SEARCH_CANDIDATES = 100


@dataclass(frozen=True)
class EventMatches:
    events: list[Event]
    # How many match, up to `candidates`; `more` when there are more still.
    total: int
    more: bool = False


def search_event_matches(
    user: User, text: str, *, limit: int, candidates: int = SEARCH_CANDIDATES
) -> EventMatches:
    """The best-matching events the user may see, and how many match, up to
    `candidates` (three queries on PostgreSQL, whatever the number of matches).

    Ranking every match read and scored every matching event's vector (a
    word in 10% of 100,000 events: a third of a second), and counting them
    all again as much. Instead the newest `candidates` matches are taken
    (the GIN index, or the date index walked until enough are found), and
    only they are ranked: exact spellings first, then PostgreSQL's rank, then
    the newest.
    """
    matched = filter_events(event_list_queryset(user), EventFilters(q=text))
    found = list(order_events(matched).values_list("pk", flat=True)[: candidates + 1])
    shortlisted = matched.filter(pk__in=found[:candidates])
    ranked = exact_first(shortlisted, translated_fields("title"), text)
    rank = ["-search_rank"] if "search_rank" in matched.query.annotations else []
    ordered = ranked.order_by("-search_exact", *rank, "-start_date", "-pk")
    return EventMatches(
        events=list(ordered[:limit]),
        total=min(len(found), candidates),
        more=len(found) > candidates,
    )
