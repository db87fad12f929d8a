"""The editor's review of a proposal ("New event from a report" in the admin).

`evidence_segments` cuts the report's cleaned text into pieces, each with the
facts it supports, for the page to mark; `reviewed_proposal` builds the
proposal back from what the editor corrected, and `accept_review` saves it
through `save_proposal`, the path `draft_from_report --save` takes.
"""

import datetime
import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from events.assistant.proposal import (
    Evidence,
    OrganizationRef,
    Proposal,
    ProposedEvent,
    ProposedOrganization,
    ProposedPerson,
    ProposedQuote,
)
from events.assistant.save import save_proposal
from events.models import Event, EventOrganization, Participation

# Rows the editor adds or corrects have no span in the text.
NO_EVIDENCE = Evidence(0, 0, "")


@dataclass(frozen=True)
class Segment:
    """A piece of the report; `labels` name the facts read from it (none: plain text)."""

    text: str
    labels: tuple[str, ...] = ()


def _found(text: str, value: str) -> Evidence | None:
    """The first occurrence of a proposed value, in any case."""
    lowered = text.lower()
    at = lowered.find(value.lower()) if value and len(lowered) == len(text) else -1
    return Evidence(at, at + len(value), text[at : at + len(value)]) if at >= 0 else None


def evidence_spans(proposal: Proposal) -> list[tuple[Evidence, str]]:
    """Every span of the text the proposal read a fact from, with its label."""
    event, text = proposal.event, proposal.text
    spans = [
        (evidence, label)
        for evidence, label in (
            (_found(text, event.title), _("event: title")),
            (event.evidence.get("date"), _("event: date")),
            (event.evidence.get("city"), _("event: city")),
            (_found(text, event.venue), _("event: venue")),
        )
        if evidence is not None
    ]
    for number, person in enumerate(proposal.people, start=1):
        label = _("person %(number)d: %(name)s, %(role)s") % {
            "number": number,
            "name": person.name or _("name not given"),
            "role": Participation.Role(person.role).label,
        }
        spans.append((person.evidence, label))
    for number, organization in enumerate(proposal.organizations, start=1):
        label = _("organization %(number)d: %(name)s, %(role)s") % {
            "number": number,
            "name": organization.name,
            "role": EventOrganization.Role(organization.role).label,
        }
        spans.append((organization.evidence, label))
    for number, quote in enumerate(proposal.quotes, start=1):
        label = _("quote %(number)d: %(person)s") % {"number": number, "person": quote.person}
        spans.append((quote.evidence, label))
    return [(evidence, label) for evidence, label in spans if evidence.end > evidence.start]


def evidence_segments(proposal: Proposal) -> list[Segment]:
    """The whole text in order, cut where a span starts or ends."""
    text, spans = proposal.text, evidence_spans(proposal)
    cuts = sorted({0, len(text), *(e.start for e, _l in spans), *(e.end for e, _l in spans)})
    segments: list[Segment] = []
    for start, end in itertools.pairwise(cuts):
        labels = tuple(label for e, label in spans if e.start <= start and end <= e.end)
        if segments and segments[-1].labels == labels:
            segments[-1] = Segment(segments[-1].text + text[start:end], labels)
        else:
            segments.append(Segment(text[start:end], labels))
    return segments


def _organization(name: str, match: Any) -> OrganizationRef | None:
    if match is not None:
        return OrganizationRef(name=name or str(match), match=match.slug)
    return OrganizationRef(name=name) if name else None


def _event(language: str, fields: Mapping[str, Any]) -> ProposedEvent:
    host, region = fields.get("host_country"), fields.get("region")
    return ProposedEvent(
        language=language,
        kind=fields["kind"],
        title=fields["title"],
        start_date=fields["start_date"],
        start_time=fields.get("start_time"),
        end_date=fields.get("end_date"),
        city=fields.get("city") or "",
        host_country=host.code if host else None,
        region=region.code if region else None,
        timezone=fields.get("timezone") or None,
        venue=fields.get("venue") or "",
        summary=fields.get("summary") or "",
        countries=[country.code for country in fields.get("countries", [])],
        topics=[topic.slug for topic in fields.get("topics", [])],
    )


def _published(day: datetime.date | None, proposed: str | None) -> str | None:
    """The publication time the report gives, unless the editor gave another day."""
    if day is None:
        return proposed
    if proposed and datetime.datetime.fromisoformat(proposed).date() == day:
        return proposed
    return datetime.datetime.combine(day, datetime.time()).isoformat()


def reviewed_proposal(
    *,
    language: str,
    event: Mapping[str, Any],
    people: Sequence[Mapping[str, Any]],
    organizations: Sequence[Mapping[str, Any]],
    quotes: Sequence[Mapping[str, Any]],
    source: Mapping[str, Any],
) -> Proposal:
    """The proposal as the editor corrected it: rows as cleaned by the admin's
    forms (records for matches, codes and slugs read from them)."""
    proposed_people = [
        ProposedPerson(
            name=row.get("name") or (row["match"].name if row.get("match") else None),
            title=row.get("title") or "",
            role=row["role"],
            evidence=NO_EVIDENCE,
            organization=_organization(
                row.get("organization") or "", row.get("organization_match")
            ),
            match=row["match"].slug if row.get("match") else None,
        )
        for row in people
    ]
    names = {person.name for person in proposed_people if person.name}
    unknown = sorted({row["person"] for row in quotes} - names)
    if unknown:
        raise ValidationError(
            _("A quote's speaker must be one of the people: %(names)s.")
            % {"names": ", ".join(unknown)}
        )
    return Proposal(
        language=language,
        text="",
        event=_event(language, event),
        people=proposed_people,
        organizations=[
            ProposedOrganization(
                name=row.get("name") or row["match"].name,
                role=row["role"],
                evidence=NO_EVIDENCE,
                match=row["match"].slug if row.get("match") else None,
            )
            for row in organizations
        ],
        quotes=[ProposedQuote(row["person"], row["text"], language, NO_EVIDENCE) for row in quotes],
        source={
            "title": source.get("title") or None,
            "rubric": source.get("rubric") or None,
            "url": source.get("url") or "",
            "publisher": source.get("publisher") or "",
            "published_at": _published(source.get("published"), source.get("published_at")),
        },
    )


def accept_review(**corrected: Any) -> Event:
    """Save the corrected proposal as a draft event, in one transaction:
    `reviewed_proposal`'s arguments, then `save_proposal`."""
    return save_proposal(reviewed_proposal(**corrected))
