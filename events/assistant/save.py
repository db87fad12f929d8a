"""Turning an accepted proposal into a draft event, through the services.

Everything is written in one transaction: the new organizations and people
(with their posts), then the event with its participants, organizations,
quotes and source. Nothing is published: the event is a draft for an editor.
"""

import datetime
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils.translation import gettext as _

from events.assistant.matching import fold
from events.assistant.proposal import Proposal, ProposedPerson
from events.assistant.text import ReportError
from events.models import Event, Topic
from events.services import event_create
from people.models import Country, Organization, Person, Region
from people.services import organization_create, person_create

# A new organization's kind, guessed from its name; the editor corrects it.
_KINDS = [
    (("university", "университет", "academy", "академия", "institute", "институт"), "university"),
    (("ministry", "министерство"), "ministry"),
    (("embassy", "посольство", "consulate", "консульство"), "embassy"),
    (("association", "ассоциация"), "association"),
    (("union", "союз"), "international_union"),
    (("agency", "агентство", "chamber", "палата", "committee", "комитет"), "government_body"),
    (
        ("news", "magazine", "newspaper", "television", "media", "медиа", "журнал", "газета"),
        "media",
    ),
    (("assembly", "ассамблея", "foundation", "фонд", "centre", "center", "центр"), "ngo"),
]


def _kind(name: str) -> str:
    words = fold(name)
    return next((kind for keys, kind in _KINDS if any(key in words for key in keys)), "other")


class _Organizations:
    """Matched organizations by slug, new ones created once per name."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.by_name: dict[str, Organization] = {}

    def get(self, name: str, match: str | None) -> Organization:
        if match:
            return Organization.objects.get(slug=match)
        key = fold(name)
        if key not in self.by_name:
            self.by_name[key] = organization_create(
                fields={f"name_{self.language}": name[:300], "kind": _kind(name)}
            )
        return self.by_name[key]


def _split_name(name: str) -> dict[str, str]:
    parts = name.split()
    if len(parts) == 1:
        return {"given_name": parts[0]}
    if len(parts) == 2:
        return {"given_name": parts[0], "family_name": parts[1]}
    return {"given_name": parts[0], "patronymic": " ".join(parts[1:-1]), "family_name": parts[-1]}


def _person(entry: ProposedPerson, organization: Organization | None, language: str) -> Person:
    if entry.match:
        return Person.objects.get(slug=entry.match)
    fields = {f"{field}_{language}": value for field, value in _split_name(entry.name).items()}
    positions = []
    if entry.title:
        positions.append({f"title_{language}": entry.title[:300], "organization": organization})
    return person_create(fields=fields, positions=positions)


def _participants(proposal: Proposal, organizations: _Organizations) -> tuple[list, dict]:
    rows, people = [], {}
    for entry in proposal.people:
        organization = None
        if entry.organization:
            organization = organizations.get(entry.organization.name, entry.organization.match)
        if entry.name is None and organization is None:
            continue  # a post with neither a name nor a body cannot be recorded
        person = _person(entry, organization, proposal.language) if entry.name else None
        position = None
        if person is not None and not entry.match:
            position = person.positions.first()
        if person is not None:
            people[entry.name] = person
        rows.append(
            {
                "person": person,
                "role": entry.role,
                "position": position,
                f"position_title_{proposal.language}": entry.title[:500],
                "organization": organization,
            }
        )
    return rows, people


def _event_fields(proposal: Proposal) -> dict:
    event, language = proposal.event, proposal.language
    if event.start_date is None:
        raise ReportError(_("The report gives no date for the event; add one and try again."))
    host = Country.objects.filter(code=event.host_country).first()
    region = Region.objects.filter(code=event.region, country=host).first() if host else None
    title = event.title or proposal.source.get("title") or "Event from a report"
    return {
        "kind": event.kind or Event.Kind.MEETING,
        "status": Event.Status.DRAFT,
        f"title_{language}": title[:300],
        "start_date": event.start_date,
        "start_time": event.start_time,
        "end_date": event.end_date,
        "timezone": event.timezone or "UTC",
        f"city_{language}": event.city,
        f"venue_{language}": event.venue,
        f"summary_{language}": event.summary,
        "host_country": host,
        "region": region,
    }


def _sources(proposal: Proposal) -> list[dict]:
    # The report's headline and rubric, and what the editor adds in the admin:
    # the address and the publisher (a source needs a title: the headline, or
    # else the event's).
    source = proposal.source
    url, publisher = source.get("url") or "", source.get("publisher") or ""
    title = source.get("title") or ((url or publisher) and proposal.event.title)
    if not title:
        return []
    published = source.get("published_at")
    if published:
        zone = ZoneInfo(proposal.event.timezone or "UTC")
        published = datetime.datetime.fromisoformat(published).replace(tzinfo=zone)
    return [
        {
            f"title_{proposal.language}": title[:500],
            f"rubric_{proposal.language}": (source.get("rubric") or "")[:200],
            "url": url,
            "publisher": publisher[:300],
            "published_at": published,
        }
    ]


@transaction.atomic
def save_proposal(proposal: Proposal) -> Event:
    """Create the draft event with its new people, posts and organizations."""
    organizations = _Organizations(proposal.language)
    fields = _event_fields(proposal)
    participants, people = _participants(proposal, organizations)
    event_organizations = [
        {"organization": organizations.get(entry.name, entry.match), "role": entry.role}
        for entry in proposal.organizations
    ]
    quotes = [
        {"person": people[quote.person], "text": quote.text, "language": quote.language}
        for quote in proposal.quotes
        if quote.person in people
    ]
    return event_create(
        fields=fields,
        topics=Topic.objects.filter(slug__in=proposal.event.topics),
        countries=Country.objects.filter(code__in=proposal.event.countries),
        participants=participants,
        organizations=event_organizations,
        quotes=quotes,
        sources=_sources(proposal),
    )
