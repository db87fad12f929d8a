"""Country pages and the two-country view."""

from dataclasses import dataclass

from events.models import Event
from events.selectors.events import User, order_events
from events.selectors.figures import country_regions_with_events, partner_countries
from events.selectors.involvement import (
    EventSample,
    country_held_and_involved,
    events_involving_both,
)
from events.selectors.outcomes import OutcomeSample, agreements_between, country_agreements
from people.models import Country, Region
from people.selectors import CountryActors, country_actors, country_regions

# Organizations and people listed on a country page before "and N more".
COUNTRY_ACTORS_SHOWN = 30
# Events listed per heading on a country's page.
PER_LIST = 20


@dataclass(frozen=True)
class CountryEvents:
    held: EventSample
    involving: EventSample
    regions: list[tuple[Region, int]]
    partners: list[tuple[Country, int]]


@dataclass(frozen=True)
class CountryPage:
    country: Country
    regions: list[Region]
    actors: CountryActors
    events: CountryEvents
    # Agreements and memoranda it, or an organization based in it, is a party to.
    agreements: OutcomeSample


def country_page(country: Country, user: User) -> CountryPage:
    held, involving = country_held_and_involved(country, user, limit=PER_LIST)
    return CountryPage(
        country=country,
        regions=country_regions(country),
        actors=country_actors(country, limit=COUNTRY_ACTORS_SHOWN),
        events=CountryEvents(
            held=held,
            involving=involving,
            regions=country_regions_with_events(country, user),
            partners=partner_countries(country, user),
        ),
        agreements=country_agreements(country, user, limit=PER_LIST),
    )


@dataclass(frozen=True)
class YearGroup:
    year: int
    events: list[Event]


@dataclass(frozen=True)
class Bilateral:
    years: list[YearGroup]
    total: int
    shown: int
    # Agreements and memoranda with a party of each country.
    agreements: OutcomeSample


def bilateral(first: Country, second: Country, user: User, *, limit: int) -> Bilateral:
    """Events involving both countries, newest first, grouped by year."""
    events = events_involving_both(first, second, user)
    rows = list(order_events(events)[:limit])
    years: dict[int, list[Event]] = {}
    for event in rows:
        years.setdefault(event.start_date.year, []).append(event)
    return Bilateral(
        years=[YearGroup(year, grouped) for year, grouped in years.items()],
        total=events.count(),
        shown=len(rows),
        agreements=agreements_between(first, second, user, limit=limit),
    )
