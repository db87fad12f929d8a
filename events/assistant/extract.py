"""The service: from a report's text to a proposal, matched to the registry."""

import re
from collections.abc import Callable

from events.assistant.english import English
from events.assistant.facts import event_facts, layout
from events.assistant.language import detect_language
from events.assistant.matching import Registry, name_key, org_key
from events.assistant.proposal import (
    PERSON_ROLES,
    Evidence,
    OrganizationRef,
    Proposal,
    ProposedOrganization,
    ProposedPerson,
    ProposedQuote,
)
from events.assistant.rules import (
    Mention,
    OrgMention,
    Span,
    assign_roles,
    attach_titles,
    find_quotes,
    inside,
    organization_roles,
    quotations,
    quote_text,
    strongest,
)
from events.assistant.text import clean_report

Lemmatize = Callable[[str], str] | None


def propose_event(text: str, *, language: str | None = None) -> Proposal:
    """Read a report (Russian or English) and propose its event; nothing is saved.

    Raises ReportError with a one-line message for input it cannot read."""
    cleaned = clean_report(text)
    language = detect_language(cleaned, language)
    registry = Registry.load()
    if language == "ru":
        from events.assistant.russian import Russian

        lang = Russian(registry, cleaned)
        lemmatize = lang.lemmatize
    else:
        lang, lemmatize = English(registry), None
    mentions = lang.people(cleaned)
    unnamed = attach_titles(cleaned, mentions, lang)
    everyone = sorted(mentions + unnamed, key=lambda m: m.start)
    assign_roles(cleaned, everyone, lang)
    quote_spans = quotations(cleaned)
    titles = [Span(m.title_start, m.title_end) for m in everyone if m.title_start is not None]
    orgs = [
        org
        for org in lang.organizations(
            cleaned, lambda name: registry.match_organization(name, lemmatize) is not None
        )
        if not inside(org.start, titles) and not inside(org.start, quote_spans)
    ]
    organization_roles(cleaned, orgs, lang, mentions)
    nominative = getattr(lang, "nominative_phrase", None)
    event = event_facts(cleaned, language, registry, lambda at: inside(at, quote_spans), nominative)
    event.competition = _competition(cleaned, language, registry)
    head = layout(cleaned)
    source = {
        "title": head.headline or None,
        "rubric": head.rubric or None,
        "published_at": head.published.isoformat() if head.published else None,
    }
    people = _people(cleaned, everyone, registry, lemmatize)
    names = {person_key(p.name): p.name for p in people if p.name}
    quotes = [
        ProposedQuote(
            person=names.get(person_key(speaker.name), speaker.name),
            text=quote_text(cleaned[span.start : span.end]),
            language=language,
            evidence=Evidence(span.start, span.end, cleaned[span.start : span.end]),
        )
        for span, speaker in find_quotes(cleaned, mentions, lang)
    ]
    return Proposal(
        language=language,
        text=cleaned,
        event=event,
        people=people,
        organizations=_organizations(orgs, registry, lemmatize),
        quotes=quotes,
        source=source,
    )


def person_key(name: str) -> str:
    """Given and family name only: a patronymic given once and left out later
    is the same person."""
    parts = name.split()
    return name_key(f"{parts[0]} {parts[-1]}")


def _evidence(text: str, mention: Mention) -> Evidence:
    start = min(
        mention.start, mention.title_start if mention.title_start is not None else mention.start
    )
    end = max(mention.end, mention.title_end or mention.end)
    return Evidence(start, end, text[start:end])


def _people(
    text: str, mentions: list[Mention], registry: Registry, lemmatize: Lemmatize
) -> list[ProposedPerson]:
    """One entry per person: the first title given, the strongest role."""
    groups: dict[str, list[Mention]] = {}
    for index, mention in enumerate(mentions):
        key = person_key(mention.name) if mention.name else f"unnamed-{index}"
        groups.setdefault(key, []).append(mention)
    people = []
    for group in groups.values():
        first = next((m for m in group if m.title), group[0])
        roles = [m.role for m in group if m.role]
        organization = None
        if first.organization:
            organization = OrganizationRef(
                first.organization, registry.match_organization(first.organization, lemmatize)
            )
        person = ProposedPerson(
            name=first.name,
            title=first.title,
            role=min(roles, key=PERSON_ROLES.index) if roles else "attendee",
            evidence=_evidence(text, first),
            organization=organization,
        )
        if person.name:
            person.match = registry.match_person(
                person.name, title=person.title, organization=organization and organization.match
            )
        people.append(person)
    return people


def _organizations(
    orgs: list[OrgMention], registry: Registry, lemmatize: Lemmatize
) -> list[ProposedOrganization]:
    groups: dict[str, list[OrgMention]] = {}
    for org in orgs:
        if org.role is None:
            continue
        match = registry.match_organization(org.name, lemmatize)
        groups.setdefault(match or org_key(org.name, lemmatize), []).append(org)
    result = []
    for key, group in groups.items():
        first = group[0]
        evidence = Evidence(first.start, first.end, first.name)
        match = key if registry.match_organization(first.name, lemmatize) == key else None
        result.append(
            ProposedOrganization(first.name, strongest([o.role for o in group]), evidence, match)
        )
    return result


_COMPETITION = {
    "en": re.compile(r"\b(?:competition|contest|award)\s+[\"“«]([^\"”»]{3,120})[\"”»]", re.I),
    "ru": re.compile(r"\b(?:конкурс|преми)\w*\s+«([^»]{3,120})»", re.I),
}


def _competition(text: str, language: str, registry: Registry) -> OrganizationRef | None:
    match = _COMPETITION[language].search(text)
    if not match:
        return None
    name = match.group(1).strip()
    if name.isupper():
        small = {"of", "the", "and", "for", "in", "on", "to"}
        words = name.lower().split()
        name = " ".join(
            word if (index and word in small) or language == "ru" else word.capitalize()
            for index, word in enumerate(words)
        )
        name = name[:1].upper() + name[1:]
    return OrganizationRef(name, registry.match_competition(name))
