"""The proposal: what the assistant read in a report, as typed dataclasses.

`Proposal.to_dict()` is the JSON shape documented in docs/assistant.md; the
API will serialise it as is, so it holds only JSON types (dates as ISO text).
"""

import datetime
from dataclasses import dataclass, field
from typing import Any

PERSON_ROLES = (
    "welcome_address",
    "moderator",
    "jury",
    "laureate",
    "expert",
    "panelist",
    "speaker",
    "attendee",
)  # in order of precedence: a person named twice keeps the first role here
ORGANIZATION_ROLES = (
    "organizer",
    "co_organizer",
    "host",
    "sponsor",
    "supporter",
    "partner",
    "media_partner",
)


@dataclass(frozen=True)
class Evidence:
    """Where in the (cleaned) text a fact was read: offsets and the span itself."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass
class OrganizationRef:
    name: str
    match: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "match": self.match}


@dataclass
class ProposedPerson:
    """A participant; `name` is None for a post given without its holder."""

    name: str | None
    title: str
    role: str
    evidence: Evidence
    organization: OrganizationRef | None = None
    match: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "match": self.match,
            "title": self.title,
            "organization": self.organization.to_dict() if self.organization else None,
            "role": self.role,
            "evidence": self.evidence.to_dict(),
        }


@dataclass
class ProposedOrganization:
    name: str
    role: str
    evidence: Evidence
    match: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "match": self.match,
            "role": self.role,
            "evidence": self.evidence.to_dict(),
        }


@dataclass
class ProposedQuote:
    person: str
    text: str
    language: str
    evidence: Evidence

    def to_dict(self) -> dict[str, Any]:
        return {
            "person": self.person,
            "text": self.text,
            "language": self.language,
            "evidence": self.evidence.to_dict(),
        }


def _translated(value: str | None, language: str) -> dict[str, str | None]:
    # Every translated field carries the three site languages; the report
    # fills its own, the editor the others.
    return {code: (value if code == language else None) for code in ("en", "ru", "ky")}


@dataclass
class ProposedEvent:
    language: str
    kind: str | None = None
    title: str = ""
    start_date: datetime.date | None = None
    start_time: datetime.time | None = None
    end_date: datetime.date | None = None
    city: str = ""
    host_country: str | None = None
    region: str | None = None
    timezone: str | None = None
    venue: str = ""
    summary: str = ""
    countries: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    competition: OrganizationRef | None = None
    # Where the date and the city were read, for the admin's review; not in
    # the JSON, whose shape is a published contract.
    evidence: dict[str, Evidence] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "title": _translated(self.title or None, self.language),
            "start_date": self.start_date.isoformat() if self.start_date else None,
            "start_time": self.start_time.strftime("%H:%M") if self.start_time else None,
            "end_date": self.end_date.isoformat() if self.end_date else None,
            "city": _translated(self.city or None, self.language),
            "host_country": self.host_country,
            "region": self.region,
            "timezone": self.timezone,
            "venue": _translated(self.venue or None, self.language),
            "summary": _translated(self.summary or None, self.language),
            "countries": list(self.countries),
            "topics": list(self.topics),
            "competition": self.competition.to_dict() if self.competition else None,
        }


@dataclass
class Proposal:
    """Everything proposed for one report. `text` is the cleaned text that the
    evidence offsets point into (markup removed, line ends normalised)."""

    language: str
    text: str
    event: ProposedEvent
    people: list[ProposedPerson] = field(default_factory=list)
    organizations: list[ProposedOrganization] = field(default_factory=list)
    quotes: list[ProposedQuote] = field(default_factory=list)
    source: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "language": self.language,
            "event": self.event.to_dict(),
            "people": [person.to_dict() for person in self.people],
            "organizations": [organization.to_dict() for organization in self.organizations],
            "quotes": [quote.to_dict() for quote in self.quotes],
            "source": dict(self.source),
        }
