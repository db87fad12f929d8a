"""Measuring the assistant against answer keys written by hand.

A key (JSON, beside its report) holds what an editor would enter: the event's
date, city and host country, the people with their titles and roles, the
organizations with theirs, and the quotations (the first words suffice).
"""

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from events.assistant.extract import person_key
from events.assistant.matching import fold
from events.assistant.proposal import Proposal

TARGETS = {"people_recall": 0.9, "people_precision": 0.9, "titles": 0.8, "roles": 0.8}


def _same_text(a: str | None, b: str | None) -> bool:
    """Exact after folding case and white space, as the targets are set."""
    return " ".join((a or "").split()).lower() == " ".join((b or "").split()).lower()


def _same_organization(a: str, b: str) -> bool:
    # A name given in full in the key and shortened in the report (or the
    # reverse) is the same organization.
    a, b = fold(a), fold(b)
    return bool(a and b) and (a == b or a in b or b in a)


@dataclass
class Score:
    """Counts for one report, or summed over several."""

    name: str
    people_expected: int = 0
    people_found: int = 0
    people_matched: int = 0
    titles_right: int = 0
    roles_right: int = 0
    orgs_expected: int = 0
    orgs_found: int = 0
    orgs_right: int = 0
    facts_expected: int = 0
    facts_right: int = 0
    quotes_expected: int = 0
    quotes_found: int = 0
    quotes_right: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: "Score") -> None:
        for name, value in vars(other).items():
            if isinstance(value, int):
                setattr(self, name, getattr(self, name) + value)

    @staticmethod
    def ratio(part: int, whole: int) -> float:
        return part / whole if whole else 1.0

    def rates(self) -> dict[str, float]:
        r = self.ratio
        return {
            "people_recall": r(self.people_matched, self.people_expected),
            "people_precision": r(self.people_matched, self.people_found),
            "titles": r(self.titles_right, self.people_matched),
            "roles": r(self.roles_right, self.people_matched),
            "orgs_recall": r(self.orgs_right, self.orgs_expected),
            "orgs_precision": r(self.orgs_right, self.orgs_found),
            "date_city_country": r(self.facts_right, self.facts_expected),
            "quotes_recall": r(self.quotes_right, self.quotes_expected),
            "quotes_precision": r(self.quotes_right, self.quotes_found),
        }


def _match_person(expected: dict, people: list, used: set[int]) -> int | None:
    for index, person in enumerate(people):
        if index in used:
            continue
        if (
            expected["name"]
            and person.name
            and person_key(person.name) == person_key(expected["name"])
        ):
            return index
        if not expected["name"] and not person.name and _same_text(person.title, expected["title"]):
            return index
    return None


def _score_people(score: Score, proposal: Proposal, key: dict) -> None:
    score.people_expected = len(key["people"])
    score.people_found = len(proposal.people)
    used: set[int] = set()
    for expected in key["people"]:
        index = _match_person(expected, proposal.people, used)
        if index is None:
            score.misses.append(f"person missing: {expected['name'] or expected['title']}")
            continue
        used.add(index)
        found = proposal.people[index]
        score.people_matched += 1
        if _same_text(found.title, expected["title"]):
            score.titles_right += 1
        else:
            score.misses.append(f"title of {expected['name']}: {found.title!r}")
        if found.role == expected["role"]:
            score.roles_right += 1
        else:
            score.misses.append(f"role of {expected['name']}: {found.role}")
    for index, person in enumerate(proposal.people):
        if index not in used:
            score.misses.append(f"person not in the key: {person.name or person.title}")


def _score_rest(score: Score, proposal: Proposal, key: dict) -> None:
    score.orgs_expected, score.orgs_found = len(key["organizations"]), len(proposal.organizations)
    for expected in key["organizations"]:
        if any(
            _same_organization(o.name, expected["name"]) and o.role == expected["role"]
            for o in proposal.organizations
        ):
            score.orgs_right += 1
        else:
            score.misses.append(f"organization: {expected['name']} ({expected['role']})")
    event, want = proposal.event, key["event"]
    checks = {
        "date": (event.start_date and event.start_date.isoformat()) == want["start_date"]
        and (event.end_date and event.end_date.isoformat()) == want.get("end_date"),
        "city": _same_text(event.city, want["city"]),
        "country": event.host_country == want["host_country"],
    }
    score.facts_expected, score.facts_right = len(checks), sum(checks.values())
    score.misses.extend(f"event {name} wrong" for name, right in checks.items() if not right)
    score.quotes_expected, score.quotes_found = len(key["quotes"]), len(proposal.quotes)
    for expected in key["quotes"]:
        if any(
            person_key(q.person) == person_key(expected["person"])
            and fold(q.text).startswith(fold(expected["text"]))
            for q in proposal.quotes
        ):
            score.quotes_right += 1
        else:
            score.misses.append(f"quote of {expected['person']}: {expected['text'][:30]}")


def score_report(proposal: Proposal, key: dict[str, Any], name: str = "") -> Score:
    score = Score(name)
    _score_people(score, proposal, key)
    _score_rest(score, proposal, key)
    return score


def corpus(directory: Path) -> list[tuple[Path, dict[str, Any]]]:
    """Each report (.txt) with its key (.json of the same name)."""
    pairs = []
    for report in sorted(directory.glob("*.txt")):
        key_path = report.with_suffix(".json")
        if key_path.exists():
            pairs.append((report, json.loads(key_path.read_text(encoding="utf-8"))))
    return pairs


COLUMNS = [
    ("people R", "people_recall"),
    ("people P", "people_precision"),
    ("titles", "titles"),
    ("roles", "roles"),
    ("orgs R", "orgs_recall"),
    ("orgs P", "orgs_precision"),
    ("date/city/country", "date_city_country"),
    ("quotes R", "quotes_recall"),
    ("quotes P", "quotes_precision"),
]


def table(scores: list[Score], total: Score) -> str:
    width = max(len(s.name) for s in [*scores, total])
    header = " | ".join([f"{'report':<{width}}", *(label for label, _ in COLUMNS)])
    lines = [header, "-" * len(header)]
    for score in [*scores, total]:
        rates = score.rates()
        cells = [f"{rates[key] * 100:>{len(label) - 1}.0f}%" for label, key in COLUMNS]
        lines.append(" | ".join([f"{score.name:<{width}}", *cells]))
    return "\n".join(lines)


def below_target(total: Score) -> list[str]:
    rates = total.rates()
    failed = [
        f"{name} {rates[name]:.0%} < {goal:.0%}"
        for name, goal in TARGETS.items()
        if rates[name] < goal
    ]
    if rates["date_city_country"] < 1:
        failed.append(f"date_city_country {rates['date_city_country']:.0%} < 100%")
    return failed
