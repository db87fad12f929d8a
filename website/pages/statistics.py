"""The statistics page: totals, and the rows of its charts."""

from dataclasses import dataclass

from events.models import Event
from events.selectors.figures import (
    most_active_organizations,
    most_involved_countries,
    statistics_figures,
)
from people.models import Country, Organization


@dataclass(frozen=True)
class Statistics:
    event_count: int
    person_count: int
    organization_count: int
    country_count: int
    per_year: list[tuple[int, int]]
    per_kind: list[tuple[str, str, int]]  # value, label, count
    per_host_country: list[tuple[Country, int]]
    top_organizations: list[tuple[Organization, int]]
    top_countries: list[tuple[Country, int]]


def statistics(*, limit: int = 10) -> Statistics:
    """Figures over public events only, whoever asks, with names in the reader's language."""
    figures = statistics_figures(limit)
    kinds = figures["kinds"]
    per_kind = sorted(
        ((kind.value, str(kind.label), kinds[kind.value]) for kind in Event.Kind if kind in kinds),
        key=lambda row: (-row[2], row[1]),
    )
    hosts = Country.objects.in_bulk([code for code, _count in figures["hosts"]])
    per_host_country = sorted(
        ((hosts[code], count) for code, count in figures["hosts"] if code in hosts),
        key=lambda row: (-row[1], str(row[0]).casefold()),
    )
    return Statistics(
        event_count=figures["event_count"],
        person_count=figures["person_count"],
        organization_count=figures["organization_count"],
        country_count=figures["country_count"],
        per_year=figures["per_year"],
        per_kind=per_kind,
        per_host_country=per_host_country,
        top_organizations=most_active_organizations(limit=limit),
        top_countries=most_involved_countries(limit=limit),
    )
