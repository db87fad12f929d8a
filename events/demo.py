"""Loads the seed record (events/demo_data.py) through the service functions.

Running it again changes nothing: each row is compared with what is stored
and written only when it differs, so no history entries or timestamps move.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.db import models, transaction

from diplomacy.languages import LANGUAGE_CODES
from diplomacy.services import save_validated
from events import demo_data
from events.models import (
    Competition,
    Edition,
    Event,
    EventOrganization,
    Participation,
    Quote,
    Source,
    Topic,
)
from events.outcome_services import OUTCOME_DEFAULTS
from events.services import event_create, event_update
from people.models import Country, Organization, Person, Position
from people.reference import load_reference_data
from people.services import organization_save, person_save, position_save


@dataclass(frozen=True)
class DemoCounts:
    written: int


def translations(field: str, values: Mapping[str, str] | None) -> dict[str, str | None]:
    values = values or {}
    return {f"{field}_{language}": values.get(language) or None for language in LANGUAGE_CODES}


class _Writer:
    def __init__(self) -> None:
        self.written = 0

    def sync(self, instance: models.Model, values: Mapping[str, Any], save) -> models.Model:
        """Set values on the instance and save it only if any of them changed."""
        changed = instance.pk is None
        for name, value in values.items():
            if getattr(instance, name) != value:
                setattr(instance, name, value)
                changed = True
        if changed:
            save(instance)
            self.written += 1
        return instance


@transaction.atomic
def load_demo_data() -> DemoCounts:
    if not Country.objects.filter(code="KG").exists():
        load_reference_data()
    writer = _Writer()
    topics = _sync_topics(writer)
    organizations = _sync_organizations(writer)
    positions = _sync_people(writer, organizations)
    editions = _sync_competition(writer, organizations)
    _sync_event(writer, topics, organizations, positions, editions)
    return DemoCounts(written=writer.written)


def _sync_topics(writer: _Writer) -> dict[str, Topic]:
    topics = {}
    for slug, names in demo_data.TOPICS.items():
        topic = Topic.objects.filter(slug=slug).first() or Topic(slug=slug)
        topics[slug] = writer.sync(topic, translations("name", names), save_validated)
    return topics


def _sync_organizations(writer: _Writer) -> dict[str, Organization]:
    organizations = {}
    for slug, data in demo_data.ORGANIZATIONS.items():
        organization = Organization.objects.filter(slug=slug).first() or Organization(slug=slug)
        values = {
            "kind": data["kind"],
            "country_id": data["country"],
            **translations("name", data["name"]),
            **translations("short_name", data.get("short_name")),
        }
        organizations[slug] = writer.sync(
            organization, values, lambda row: organization_save(organization=row)
        )
    return organizations


def _sync_people(
    writer: _Writer, organizations: Mapping[str, Organization]
) -> dict[tuple[str, str], Position]:
    """The people and their positions, by (person's slug, position's key)."""
    positions = {}
    for slug, data in demo_data.PEOPLE.items():
        person = Person.objects.filter(slug=slug).first() or Person(slug=slug)
        values = {
            "country_id": data["country"],
            **translations("given_name", data["given_name"]),
            **translations("patronymic", data.get("patronymic")),
            **translations("family_name", data["family_name"]),
            **translations("bio", data.get("bio")),
        }
        writer.sync(person, values, lambda row: person_save(person=row))
        for key, (organization_slug, titles) in data["positions"].items():
            position = Position.objects.filter(
                person=person, title_en=titles["en"]
            ).first() or Position(person=person)
            values = {
                "organization_id": organizations[organization_slug].pk,
                **translations("title", titles),
            }
            positions[(slug, key)] = writer.sync(
                position, values, lambda row: position_save(position=row)
            )
    return positions


def _sync_competition(
    writer: _Writer, organizations: Mapping[str, Organization]
) -> dict[int, Edition]:
    """The competition, its organizers and its editions, by year."""
    data = demo_data.COMPETITION
    competition = Competition.objects.filter(slug=data["slug"]).first() or Competition(
        slug=data["slug"]
    )
    writer.sync(
        competition,
        {
            **translations("title", data["title"]),
            **translations("description", data["description"]),
        },
        save_validated,
    )
    organizers = [organizations[slug] for slug in data["organizers"]]
    if set(competition.organizers.all()) != set(organizers):
        competition.organizers.set(organizers)
        writer.written += 1
    editions = {}
    for year, edition_data in data["editions"].items():
        edition = Edition.objects.filter(competition=competition, year=year).first() or Edition(
            competition=competition, year=year
        )
        values = {
            "reported_regions": edition_data.get("reported_regions"),
            "reported_countries": edition_data.get("reported_countries"),
            **translations("reported_figures", edition_data.get("reported_figures")),
        }
        editions[year] = writer.sync(edition, values, save_validated)
        countries = set(edition_data.get("countries", []))
        if set(edition.countries.values_list("code", flat=True)) != countries:
            edition.countries.set(countries)
            writer.written += 1
    return editions


def _sync_event(writer, topics, organizations, positions, editions) -> None:
    data = demo_data.EVENT
    fields = {
        "slug": data["slug"],
        "kind": data["kind"],
        "status": data["status"],
        "start_date": data["start_date"],
        "timezone": data["timezone"],
        "host_country_id": data["host_country"],
        "region_id": data["region"],
        "edition_id": editions[data["edition_year"]].pk,
        **translations("title", data["title"]),
        **translations("city", data["city"]),
        **translations("summary", data["summary"]),
        **translations("body", data["body"]),
    }
    related = _event_rows(data, topics, organizations, positions)
    event = Event.objects.filter(slug=data["slug"]).first()
    if event is None:
        event_create(fields=fields, **related)
        writer.written += 1
    elif _event_differs(event, fields, related):
        event_update(event=event, fields=fields, **related)
        writer.written += 1


def _event_rows(data, topics, organizations, positions) -> dict[str, list]:
    """The event's topics, countries and nested rows, as event_create takes them."""
    people = {person.slug: person for person in Person.objects.filter(slug__in=demo_data.PEOPLE)}
    participants = [
        {
            "person": people[person_slug],
            "role": role,
            "position": positions[(person_slug, position_key)],
            **translations("position_title", worded),
        }
        for person_slug, role, position_key, worded in data["participants"]
    ] + [
        {
            "organization": organizations[organization_slug],
            "role": role,
            **translations("position_title", worded),
        }
        for organization_slug, role, worded in data["unnamed_participants"]
    ]
    return {
        "topics": [topics[slug] for slug in data["topics"]],
        "countries": list(Country.objects.filter(code__in=data["countries"])),
        "participants": participants,
        "organizations": [
            {"organization": organizations[slug], "role": role}
            for slug, role in data["organizations"]
        ],
        "quotes": [
            {
                "person": people[slug],
                "language": language,
                "text": text,
                **translations("translation", translated),
            }
            for slug, language, text, translated in data["quotes"]
        ],
        "sources": [
            {
                **translations("title", source["title"]),
                **translations("rubric", source["rubric"]),
                "publisher_organization": organizations[source["publisher"]],
                "published_at": source["published_at"],
            }
            for source in data["sources"]
        ],
        "outcomes": [
            {
                "slug": outcome["slug"],
                "kind": outcome["kind"],
                **translations("title", outcome["title"]),
                **translations("text", outcome.get("text")),
            }
            for outcome in data["outcomes"]
        ],
    }


def _event_differs(event: Event, fields: Mapping[str, Any], related: Mapping[str, Any]) -> bool:
    if any(getattr(event, name) != value for name, value in fields.items()):
        return True
    if _outcomes_differ(event, related["outcomes"]):
        return True
    if set(event.topics.all()) != set(related["topics"]):
        return True
    if set(event.countries.all()) != set(related["countries"]):
        return True
    nested = [
        (EventOrganization, "organization_roles", related["organizations"]),
        (Participation, "participations", related["participants"]),
        (Quote, "quotes", related["quotes"]),
        (Source, "sources", related["sources"]),
    ]
    for _model, name, rows in nested:
        stored = list(getattr(event, name).all())
        if len(stored) != len(rows):
            return True
        for instance, row in zip(stored, rows, strict=True):
            for field, value in row.items():
                current = getattr(instance, field)
                # A participation's empty title is filled from its position.
                if field.startswith("position_title") and value is None:
                    continue
                if current != value:
                    return True
    return False


def _outcomes_differ(event: Event, rows: list[Mapping[str, Any]]) -> bool:
    """Whether the event's outcomes (the seed's have no parties) differ from the rows."""
    stored = list(event.outcomes.all())
    if len(stored) != len(rows):
        return True
    for outcome, row in zip(stored, rows, strict=True):
        expected = {**OUTCOME_DEFAULTS, **row}
        if any(getattr(outcome, name) != value for name, value in expected.items()):
            return True
        if outcome.parties.exists():
            return True
    return False
