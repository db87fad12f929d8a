"""What events add to the pages of people, organizations and countries
(see people/pages.py for why these are registered rather than imported)."""

from django.http import HttpRequest

from events import site_selectors
from events.forms import PartnerCountryForm
from people.models import Country, Organization, Person
from people.pages import Section

# Rows per role on a person's or organization's page before "all N events".
PER_ROLE = 25
# Events listed per heading on a country's page.
PER_LIST = 20
PARTNERS = 10


def person_sections(request: HttpRequest, person: Person) -> list[Section]:
    return [
        Section(
            "events/sections/person_events.html",
            {
                "person": person,
                "groups": site_selectors.person_participations(
                    person, request.user, limit=PER_ROLE
                ),
                "quotes": site_selectors.person_quotes(person, request.user),
                "entries": site_selectors.person_entries(person),
            },
        )
    ]


def organization_sections(request: HttpRequest, organization: Organization) -> list[Section]:
    people, people_total = site_selectors.organization_people_at_events(
        organization, request.user, limit=PER_ROLE
    )
    return [
        Section(
            "events/sections/organization_events.html",
            {
                "organization": organization,
                "groups": site_selectors.organization_roles(
                    organization, request.user, limit=PER_ROLE
                ),
                "people": people,
                "people_total": people_total,
                "partners": site_selectors.organization_partners(
                    organization, request.user, limit=PARTNERS
                ),
                "competitions": site_selectors.organization_competitions(organization),
                "entries": site_selectors.organization_entries(organization),
            },
        )
    ]


def country_sections(request: HttpRequest, country: Country) -> list[Section]:
    return [
        Section(
            "events/sections/country_events.html",
            {
                "country": country,
                "events": site_selectors.country_events(country, request.user, limit=PER_LIST),
                "partner_form": PartnerCountryForm(exclude=country),
            },
        )
    ]
