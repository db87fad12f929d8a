"""Counts over public events: statistics, the most involved countries and
organizations, and the partners of one country or organization.

Figures over every public event are cached (events/caching.py); each
function's docstring gives its queries on a cache miss.
"""

from collections.abc import Sequence
from typing import Any

from django.db import connections
from django.db.models import Count, F, Q, QuerySet
from django.db.models.functions import ExtractYear

from diplomacy.languages import localized
from events.caching import cached_aggregate
from events.models import Event, EventOrganization, Participation
from events.selectors.events import User, public_events, visible_events
from events.selectors.involvement import (
    involving_country,
    involving_organization,
    organizations_involved,
)
from people.models import Country, Organization, Region


def counted_pairs(
    pairs: Sequence[tuple[QuerySet, str, str]], *, limit: int | None = None
) -> list[tuple[Any, int]]:
    """How many distinct events each subject has, largest first (one query).

    Each part is a queryset with the names of its subject and event columns,
    e.g. (organization, event) from roles and from its people's participations.
    UNION drops the repeats, so an organization that both organized an event
    and sent a speaker counts it once, and the database groups what is left in
    one pass. The ORM cannot group over a UNION, so the outer query is written
    here around the SQL the ORM makes for the parts.
    """
    parts = [
        # Django's own QuerySet: modeltranslation's may reorder the columns of
        # values(), and UNION matches columns by position.
        QuerySet(model=part.model, query=part.query.clone())
        .order_by()
        .annotate(subject=F(subject), occasion=F(event))
        .values("subject", "occasion")
        for part, subject, event in pairs
    ]
    union = parts[0].union(*parts[1:])
    sql, params = union.query.sql_with_params()
    query = (
        f"SELECT subject, COUNT(*) AS event_count FROM ({sql}) pairs "  # noqa: S608
        "WHERE subject IS NOT NULL GROUP BY subject ORDER BY event_count DESC, subject"
    )
    if limit is not None:
        query += f" LIMIT {int(limit)}"
    with connections[union.db].cursor() as cursor:
        cursor.execute(query, params)
        return cursor.fetchall()


def _country_pairs(events: QuerySet[Event]) -> list[tuple[QuerySet, str, str]]:
    """(country, event) for the events' participating and host countries."""
    return [
        (Event.countries.through.objects.filter(event__in=events), "country", "event"),
        (Event.objects.filter(pk__in=events), "host_country", "pk"),
    ]


def _organization_pairs(events: QuerySet[Event]) -> list[tuple[QuerySet, str, str]]:
    """(organization, event) for every way an organization is part of the events."""
    participations = Participation.objects.filter(event__in=events)
    return [
        (EventOrganization.objects.filter(event__in=events), "organization", "event"),
        (participations, "organization", "event"),
        (participations, "position__organization", "event"),
    ]


def with_objects(
    model, counts: list[tuple[Any, int]], *, limit: int | None = None, name=str
) -> list:
    """(instance, count) for (pk, count) rows, largest count first, then by
    the name the page shows (`name` of the instance); one query."""
    instances = model.objects.in_bulk([pk for pk, _count in counts])
    rows = [(instances[pk], count) for pk, count in counts if pk in instances]
    rows.sort(key=lambda row: (-row[1], name(row[0]).casefold()))
    return rows if limit is None else rows[:limit]


def with_ties(counts: Sequence[tuple[Any, int]], limit: int | None) -> list[tuple[Any, int]]:
    """The first `limit` rows of counts (largest first), and every further row
    tied with the last of them: a tie for the tenth place shows all who share it."""
    rows = list(counts)
    if limit is None or len(rows) <= limit:
        return rows
    floor = rows[limit - 1][1]
    return [row for row in rows if row[1] >= floor]


def _brief_name(organization: Organization) -> str:
    return organization.brief_name


# --- over all public events -------------------------------------------------------


def countries_with_events() -> QuerySet[Country]:
    """Countries that host or take part in a public event, by name."""
    codes = cached_aggregate("countries-with-events", _codes_of_countries_with_events)
    return Country.objects.filter(code__in=codes).order_by(localized("name"), "code")


def _codes_of_countries_with_events() -> list[str]:
    participating = Event.countries.through.objects.filter(event__in=public_events())
    return list(
        Country.objects.filter(
            Q(code__in=public_events().values("host_country"))
            | Q(code__in=participating.values("country"))
        ).values_list("code", flat=True)
    )


def years_with_events() -> list[int]:
    """The years public events start in, newest first."""
    return cached_aggregate(
        "years-with-events",
        lambda: [day.year for day in public_events().dates("start_date", "year", order="DESC")],
    )


def most_involved_countries(*, limit: int | None = None) -> list[tuple[Country, int]]:
    """Countries by the number of public events they hosted or took part in."""
    counts = cached_aggregate(
        "country-counts", lambda: counted_pairs(_country_pairs(public_events().values("pk")))
    )
    # At most one row per country (about 250), so ties are settled by name here.
    return with_objects(Country, with_ties(counts, limit))


def most_active_organizations(*, limit: int) -> list[tuple[Organization, int]]:
    """Organizations by the number of public events involving them, the first
    `limit` and those tied with the last of them."""
    counts = cached_aggregate(
        f"organization-counts:{limit}",
        lambda: with_ties(counted_pairs(_organization_pairs(public_events().values("pk"))), limit),
    )
    return with_objects(Organization, counts, name=_brief_name)


def statistics_figures(limit: int) -> dict[str, Any]:
    """The numbers behind the statistics page, without names or labels, so
    they are cached once for every language."""
    return cached_aggregate(f"statistics:{limit}", lambda: _statistics_figures(limit))


def _statistics_figures(limit: int) -> dict[str, Any]:
    events = public_events()
    per_year = (
        events.annotate(year=ExtractYear("start_date"))
        .values_list("year")
        .annotate(count=Count("pk"))
        .order_by("year")
    )
    hosts = (
        events.exclude(host_country=None)
        .order_by()
        .values_list("host_country")
        .annotate(count=Count("pk"))
        .order_by("-count", "host_country")
    )
    participants = Participation.objects.filter(event__in=events, person__isnull=False)
    return {
        "event_count": events.count(),
        "person_count": participants.values("person").distinct().count(),
        "organization_count": Organization.objects.filter(
            organizations_involved(events.values("pk"))
        ).count(),
        "country_count": len(_codes_of_countries_with_events()),
        "per_year": [tuple(row) for row in per_year],
        "kinds": dict(events.order_by().values_list("kind").annotate(count=Count("pk"))),
        "hosts": with_ties([tuple(row) for row in hosts], limit),
    }


# --- around one country or organization ---------------------------------------------


def partner_countries(
    country: Country, user: User, *, limit: int = 20
) -> list[tuple[Country, int]]:
    """Other countries involved in the same events, by the number shared (two queries)."""
    own = visible_events(user).filter(involving_country(country)).values("pk")
    counts = [row for row in counted_pairs(_country_pairs(own)) if row[0] != country.pk]
    return with_objects(Country, counts, limit=limit)


def organization_partners(
    organization: Organization, user: User, *, limit: int
) -> list[tuple[Organization, int]]:
    """Organizations most often involved in the same events as this one (two queries)."""
    own = visible_events(user).filter(involving_organization(organization)).values("pk")
    counts = counted_pairs(_organization_pairs(own), limit=limit + 1)
    counts = [row for row in counts if row[0] != organization.pk][:limit]
    return with_objects(Organization, counts, name=_brief_name)


def country_regions_with_events(country: Country, user: User) -> list[tuple[Region, int]]:
    """The country's regions that hosted events, by the number of them (two queries)."""
    by_region = (
        visible_events(user)
        .filter(host_country=country, region__isnull=False)
        .order_by()
        .values_list("region")
        .annotate(count=Count("pk"))
    )
    return with_objects(Region, list(by_region))
