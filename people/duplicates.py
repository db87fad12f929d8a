"""Likely duplicates of a person or an organization about to be created:
"Kosachev", "Kosachyov" and «Косачёв» are one man.

Names are compared by a key that writes every script in Latin letters and
evens out the usual transliteration variants (yo/e, ya/ia, kh/h, doubled
letters); candidates are first narrowed in the database by trigram
similarity (PostgreSQL) over every spelling, merged ones included, as typed
and in Latin letters.
"""

import re
from collections.abc import Iterable
from difflib import SequenceMatcher

from django.db.models import Q, QuerySet
from slugify import slugify

from diplomacy.languages import translated_fields
from diplomacy.search import fold_text, is_postgresql
from people.models import Organization, Person

# How alike two keys must be (0..1) to offer the record.
PERSON_THRESHOLD = 0.8
ORGANIZATION_THRESHOLD = 0.85
CANDIDATES = 200
VARIANTS = [("yo", "e"), ("jo", "e"), ("ya", "ia"), ("yu", "iu"), ("kh", "h"), ("y", "i")]


def name_key(text: str) -> str:
    """The name in Latin letters, lower case, with transliteration variants evened out."""
    key = slugify(text or "", separator=" ")
    for variant, plain in VARIANTS:
        key = key.replace(variant, plain)
    return re.sub(r"(\w)\1+", r"\1", key)


def _similarity(one: str, other: str) -> float:
    if not one or not other:
        return 0.0
    return SequenceMatcher(None, one, other).ratio()


def _words(names: Iterable[str]) -> list[str]:
    words = {word for name in names for word in re.findall(r"\w{3,}", fold_text(name or ""))}
    words |= {word for name in names for word in name_key(name).split() if len(word) >= 3}
    return sorted(words)


def _narrowed(queryset: QuerySet, fields: list[str], names: list[str]) -> QuerySet:
    if not is_postgresql(queryset):
        return queryset[:CANDIDATES]
    condition = Q()
    for word in _words(names):
        for field in fields:
            condition |= Q(**{f"{field}__trigram_word_similar": word})
    return queryset.filter(condition)[:CANDIDATES] if condition else queryset.none()


def _person_spellings(person: Person) -> list[str]:
    names = []
    for language in ("en", "ru", "ky"):
        given = getattr(person, f"given_name_{language}", None) or ""
        family = getattr(person, f"family_name_{language}", None) or ""
        names.append(f"{given} {family}".strip())
    return [name for name in (*names, *person.known_names.splitlines()) if name]


def likely_people(*, given_name: str, family_name: str, exclude: int | None = None) -> list[Person]:
    """People whose name is probably the one given, most alike first."""
    wanted = name_key(f"{given_name} {family_name}")
    if not wanted:
        return []
    people = Person.objects.exclude(pk=exclude).select_related("country")
    fields = [*translated_fields("given_name", "family_name"), "known_names"]
    scored = []
    for person in _narrowed(people, fields, [family_name or given_name]):
        spellings = _person_spellings(person)
        best = max(_similarity(wanted, name_key(name)) for name in spellings)
        # A family name alike with the given name's initial is as telling.
        family = max(
            _similarity(name_key(family_name), name_key(name.split()[-1])) for name in spellings
        )
        initial = name_key(given_name)[:1]
        if family >= 0.85 and (
            not initial or any(name_key(n).startswith(initial) for n in spellings)
        ):
            best = max(best, family)
        if best >= PERSON_THRESHOLD:
            scored.append((best, person))
    scored.sort(key=lambda pair: (-pair[0], pair[1].pk))
    return [person for _score, person in scored[:5]]


def likely_organizations(*, names: list[str], exclude: int | None = None) -> list[Organization]:
    """Organizations probably named as one of `names`, most alike first."""
    wanted = [name_key(name) for name in names if name_key(name)]
    if not wanted:
        return []
    organizations = Organization.objects.exclude(pk=exclude).select_related("country")
    fields = translated_fields("name", "short_name")
    scored = []
    for organization in _narrowed(organizations, [*fields, "known_names"], names):
        spellings = [
            getattr(organization, field, None) or "" for field in fields
        ] + organization.known_names.splitlines()
        keys = [name_key(name) for name in spellings if name]
        best = max((_similarity(one, other) for one in wanted for other in keys), default=0.0)
        if best >= ORGANIZATION_THRESHOLD:
            scored.append((best, organization))
    scored.sort(key=lambda pair: (-pair[0], pair[1].pk))
    return [organization for _score, organization in scored[:5]]
