"""The pages of a person and of an organization, with the events they took part in."""

from dataclasses import dataclass

from events.models import Competition, Entry, EventOrganization, Participation
from events.selectors.competitions import (
    organization_competitions,
    organization_entries,
    person_entries,
)
from events.selectors.events import User
from events.selectors.figures import organization_partners
from events.selectors.involvement import (
    organization_people_at_events,
    organization_roles,
    person_participations,
    person_quotes,
)
from events.selectors.outcomes import OutcomeSample, organization_agreements
from people.models import Organization, Person
from people.selectors import Members, NameVariant, name_variants, organization_members, written_name
from website.pages.event import RoleGroup, ShownQuote, shown_quote, with_headings

# Rows per role on a person's or organization's page before "all N events".
PER_ROLE = 25
PARTNERS = 10


@dataclass(frozen=True)
class PersonEvents:
    person: Person
    groups: list[RoleGroup]
    quotes: list[ShownQuote]
    entries: list[Entry]


@dataclass(frozen=True)
class PersonPage:
    person: Person
    written_name: NameVariant
    name_variants: list[NameVariant]
    events: PersonEvents


def person_page(person: Person, user: User) -> PersonPage:
    """A person (from person_queryset) with their events, quotes and entries."""
    groups = person_participations(person, user, limit=PER_ROLE)
    return PersonPage(
        person=person,
        written_name=written_name(person),
        name_variants=name_variants(person),
        events=PersonEvents(
            person=person,
            groups=with_headings(groups, Participation.Role),
            quotes=[shown_quote(quote) for quote in person_quotes(person, user)],
            entries=person_entries(person),
        ),
    )


@dataclass(frozen=True)
class OrganizationEvents:
    organization: Organization
    groups: list[RoleGroup]
    people: list[Participation]
    people_total: int
    partners: list[tuple[Organization, int]]
    competitions: list[Competition]
    entries: list[Entry]


@dataclass(frozen=True)
class OrganizationPage:
    organization: Organization
    members: Members
    events: OrganizationEvents
    # Agreements and memoranda it is a party to.
    agreements: OutcomeSample


def organization_page(organization: Organization, user: User) -> OrganizationPage:
    """An organization (from organization_with_parts) with its people and events."""
    people, people_total = organization_people_at_events(organization, user, limit=PER_ROLE)
    groups = organization_roles(organization, user, limit=PER_ROLE)
    return OrganizationPage(
        organization=organization,
        members=organization_members(organization),
        events=OrganizationEvents(
            organization=organization,
            groups=with_headings(groups, EventOrganization.Role),
            people=people,
            people_total=people_total,
            partners=organization_partners(organization, user, limit=PARTNERS),
            competitions=organization_competitions(organization),
            entries=organization_entries(organization),
        ),
        agreements=organization_agreements(organization, user, limit=PER_ROLE),
    )
