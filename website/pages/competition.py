"""A competition's page: each edition's figures, winners and entries by nomination."""

from collections import defaultdict
from dataclasses import dataclass

from events.models import Competition, Edition, Entry, Event, Nomination
from people.models import Country

# Results in the order a reader cares about them.
RESULT_ORDER = [
    Entry.Result.WINNER,
    Entry.Result.LAUREATE,
    Entry.Result.FINALIST,
    Entry.Result.SPECIAL_MENTION,
    Entry.Result.PARTICIPANT,
]


@dataclass
class NominationEntries:
    nomination: Nomination | None
    entries: list[Entry]


@dataclass
class EditionPage:
    edition: Edition
    countries: list[Country]
    nominations: list[NominationEntries]
    winners: list[Entry]
    events: list[Event]


def edition_pages(competition: Competition) -> list[EditionPage]:
    """Each edition's entries by nomination, best results first, from a
    competition of competition_queryset (no queries)."""
    rank = {result.value: index for index, result in enumerate(RESULT_ORDER)}
    pages = []
    for edition in competition.editions.all():
        entries = sorted(edition.entries.all(), key=lambda entry: (rank[entry.result], entry.pk))
        by_nomination: dict[int | None, list[Entry]] = defaultdict(list)
        for entry in entries:
            by_nomination[entry.nomination_id].append(entry)
        groups = [
            NominationEntries(nomination, by_nomination.pop(nomination.pk))
            for nomination in edition.nominations.all()
            if nomination.pk in by_nomination
        ]
        if None in by_nomination:
            groups.append(NominationEntries(None, by_nomination.pop(None)))
        pages.append(
            EditionPage(
                edition=edition,
                countries=list(edition.countries.all()),
                nominations=groups,
                winners=[entry for entry in entries if entry.result == Entry.Result.WINNER],
                events=edition.visible_events,
            )
        )
    return pages
