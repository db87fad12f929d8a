"""Who and where an event involves: the events of a person, an organization
or a country, and the others involved with them."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, F, Q, QuerySet, TextChoices, Window
from django.db.models.functions import RowNumber

from events.models import Event, EventOrganization, Participation, Quote, Topic
from events.selectors.events import User, event_list_queryset, order_events, visible_events
from people.models import Country, Organization, Person, Position

# --- conditions on events ----------------------------------------------------------


def involving_country(country: Country | str) -> Q:
    """Events held in the country or with it among the participating countries."""
    participating = Event.countries.through.objects.filter(country=country).values("event_id")
    return Q(host_country=country) | Q(pk__in=participating)


def involving_organization(organization: Organization | Any) -> Q:
    """A role in the event, a participant on its behalf, or a participant holding
    a post in it: each makes an organization part of an event."""
    return (
        Q(pk__in=EventOrganization.objects.filter(organization=organization).values("event_id"))
        | Q(pk__in=Participation.objects.filter(organization=organization).values("event_id"))
        | Q(
            pk__in=Participation.objects.filter(position__organization=organization).values(
                "event_id"
            )
        )
    )


def organizations_involved(events: QuerySet[Event]) -> Q:
    """Organizations involved in any of the events (a values("pk") queryset)."""
    return (
        Q(pk__in=EventOrganization.objects.filter(event__in=events).values("organization"))
        | Q(pk__in=Participation.objects.filter(event__in=events).values("organization"))
        | Q(pk__in=Position.objects.filter(participations__event__in=events).values("organization"))
    )


def involving_person(person: Person) -> Q:
    return Q(pk__in=Participation.objects.filter(person=person).values("event_id"))


def with_topic(topic: Topic) -> Q:
    return Q(pk__in=Event.topics.through.objects.filter(topic=topic).values("event_id"))


# --- rows of a person's or an organization's events, by role ---------------------------


@dataclass
class RoleRows:
    """The first rows having one role, and how many have it in all."""

    role: str
    rows: list[Any]
    total: int


def capped_by_role(
    rows: QuerySet[Any], roles: type[TextChoices], *, order_by: Sequence[Any], limit: int
) -> list[RoleRows]:
    """Rows grouped by role in the order the choices declare, the first `limit`
    of each, with each role's total (two queries)."""
    totals = dict(rows.order_by().values_list("role").annotate(count=Count("pk")))
    ranked = rows.annotate(
        rank=Window(RowNumber(), partition_by=[F("role")], order_by=list(order_by))
    ).filter(rank__lte=limit)
    grouped: dict[str, list[Any]] = {}
    for row in ranked.order_by(*order_by):
        grouped.setdefault(row.role, []).append(row)
    return [
        RoleRows(role.value, grouped[role.value], totals.get(role.value, 0))
        for role in roles
        if role.value in grouped
    ]


EVENT_NEWEST_FIRST = (F("event__start_date").desc(), F("event__pk").desc())


def person_participations(person: Person, user: User, *, limit: int) -> list[RoleRows]:
    rows = Participation.objects.filter(
        person=person, event__in=visible_events(user)
    ).select_related("event__host_country", "position__organization", "organization")
    return capped_by_role(rows, Participation.Role, order_by=EVENT_NEWEST_FIRST, limit=limit)


def person_quotes(person: Person, user: User) -> list[Quote]:
    return list(
        Quote.objects.filter(person=person, event__in=visible_events(user))
        .select_related("event")
        .order_by("-event__start_date", "order", "pk")
    )


def organization_roles(organization: Organization, user: User, *, limit: int) -> list[RoleRows]:
    rows = EventOrganization.objects.filter(
        organization=organization, event__in=visible_events(user)
    ).select_related("event__host_country")
    return capped_by_role(rows, EventOrganization.Role, order_by=EVENT_NEWEST_FIRST, limit=limit)


def organization_people_at_events(
    organization: Organization, user: User, *, limit: int
) -> tuple[list[Participation], int]:
    """Participations on the organization's behalf or by holders of its posts,
    newest first, and how many there are (three queries)."""
    # The matching rows are found first, by two indexed lookups: asked in one
    # query with the newest-first order, the database walks every event in
    # that order looking for them.
    on_behalf = Participation.objects.filter(organization=organization)
    post_holders = Participation.objects.filter(position__organization=organization)
    union = on_behalf.order_by().values_list("pk").union(post_holders.order_by().values_list("pk"))
    ids = [pk for (pk,) in union]
    rows = (
        Participation.objects.filter(pk__in=ids, event__in=visible_events(user))
        .select_related("event__host_country", "person")
        .order_by(*EVENT_NEWEST_FIRST, "order", "pk")
    )
    return list(rows[:limit]), rows.count()


# --- a country's events -----------------------------------------------------------------


@dataclass(frozen=True)
class EventSample:
    """The first events of a list, and how many there are in all."""

    events: list[Event]
    total: int

    @property
    def more(self) -> int:
        return max(self.total - len(self.events), 0)


def sample(events: QuerySet[Event], *, limit: int) -> EventSample:
    return EventSample(events=list(order_events(events)[:limit]), total=events.count())


def country_held_and_involved(
    country: Country, user: User, *, limit: int
) -> tuple[EventSample, EventSample]:
    """Events held in the country, and events elsewhere it took part in (four queries)."""
    events = event_list_queryset(user)
    held = events.filter(host_country=country)
    involving = events.filter(involving_country(country)).exclude(host_country=country)
    return sample(held, limit=limit), sample(involving, limit=limit)


def events_involving_both(first: Country, second: Country, user: User) -> QuerySet[Event]:
    return (
        event_list_queryset(user).filter(involving_country(first)).filter(involving_country(second))
    )
