"""Matching what a report names to the registry's records.

Each proposal loads the candidate names once (a fixed handful of queries,
whatever the report's length) and matches in Python: names are folded (case,
ё/е, quotes, articles), transliterated to one Latin spelling so that
“Kosachev” and «Косачёв» meet, and compared with rapidfuzz when they differ
by a letter or two. A known post lifts a near match over the line.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from events.assistant.gazetteer import words
from events.models import Competition, Topic
from people.models import Country, Organization, Person, Position, Region

_LATIN_LETTERS = "a b v g d e e zh z i i k l m n o p r s t u f kh ts ch sh shch y e yu ya o u n i"
_CYRILLIC_TO_LATIN = dict(
    zip("абвгдеёжзийклмнопрстуфхцчшщыэюяөүңі", words(_LATIN_LETTERS), strict=True)
)
_CYRILLIC_TO_LATIN["ъ"] = _CYRILLIC_TO_LATIN["ь"] = ""
# Spelling variants of one sound in common romanisations, folded to one.
_LATIN_VARIANTS = [
    (r"kh", "h"), (r"dzh|dj|j", "zh"), (r"x", "ks"), (r"w", "v"), (r"ph", "f"), (r"ck|q", "k"),
    (r"tz", "ts"), (r"\bye", "e"), (r"yu|iu", "u"), (r"ya|ia", "a"), (r"yo|io", "e"),
    (r"ey|ei|ay|ai", "ei"), (r"iy|ii|yi|y", "i"), (r"(\w)\1", r"\1"),
]  # fmt: skip
_QUOTES = re.compile(r"[\"'«»“”„‘’`´]")
_ARTICLES = re.compile(r"\b(?:the|a|an)\b")
NAME_THRESHOLD = 88
ORG_THRESHOLD = 90


def fold(text: str) -> str:
    """Lower case, ё as е, no quotes or punctuation, single spaces."""
    text = _QUOTES.sub("", text.lower().replace("ё", "е"))
    text = re.sub(r"[^\w\s-]", " ", text).replace("-", " ")
    return " ".join(text.split())


def to_latin(text: str) -> str:
    return "".join(_CYRILLIC_TO_LATIN.get(char, char) for char in text.lower())


def name_key(name: str) -> str:
    """One Latin spelling of a person's name, whatever its script."""
    key = to_latin(fold(name))
    for pattern, replacement in _LATIN_VARIANTS:
        key = re.sub(pattern, replacement, key)
    return key


def org_key(name: str, lemmatize: Callable[[str], str] | None = None) -> str:
    key = _ARTICLES.sub(" ", fold(name))
    if lemmatize is not None and re.search(r"[а-я]", key):
        key = " ".join(lemmatize(word) for word in key.split())
    return " ".join(key.split())


@dataclass
class PersonRecord:
    slug: str
    keys: set[str]
    family_keys: set[str]
    organizations: set[str]
    titles: list[str]


def _person_records() -> list[PersonRecord]:
    fields = [
        f"{part}_{lang}" for part in ("given_name", "family_name") for lang in ("en", "ru", "ky")
    ]
    records = {}
    for row in Person.objects.values("pk", "slug", *fields):
        keys, family_keys = set(), set()
        for lang in ("en", "ru", "ky"):
            given, family = row[f"given_name_{lang}"] or "", row[f"family_name_{lang}"] or ""
            if family:
                family_keys.add(name_key(family))
            if given or family:
                keys.add(name_key(f"{given} {family}"))
        records[row["pk"]] = PersonRecord(row["slug"], keys, family_keys, set(), [])
    positions = Position.objects.values("person_id", "organization__slug", "title_en", "title_ru")
    for row in positions:
        record = records.get(row["person_id"])
        if record is not None:
            record.organizations.add(row["organization__slug"])
            record.titles.extend(fold(t) for t in (row["title_en"], row["title_ru"]) if t)
    return list(records.values())


@dataclass
class Registry:
    """The registry's names, loaded once per proposal."""

    people: list[PersonRecord]
    organizations: list[tuple[str, list[str], list[str]]]  # slug, names, short names
    countries: dict[str, str]  # folded name in any language → ISO code
    regions: dict[str, tuple[str, list[str]]]  # code → country, names
    topics: list[tuple[str, dict[str, str]]]  # slug, names by language
    competitions: list[tuple[str, list[str]]]
    _org_keys: dict[int, dict[str, str]] = field(default_factory=dict)

    @classmethod
    def load(cls) -> "Registry":
        langs = ("en", "ru", "ky")
        organizations = [
            (
                row["slug"],
                [row[f"name_{lang}"] for lang in langs if row[f"name_{lang}"]],
                [row[f"short_name_{lang}"] for lang in langs if row[f"short_name_{lang}"]],
            )
            for row in Organization.objects.values(
                "slug", *(f"{part}_{lang}" for part in ("name", "short_name") for lang in langs)
            )
        ]
        countries = {}
        for row in Country.objects.values("code", *(f"name_{lang}" for lang in langs)):
            for lang in langs:
                if row[f"name_{lang}"]:
                    countries.setdefault(fold(row[f"name_{lang}"]), row["code"])
        regions = {
            row["code"]: (
                row["country_id"],
                [row[f"name_{lang}"] for lang in langs if row[f"name_{lang}"]],
            )
            for row in Region.objects.values(
                "code", "country_id", *(f"name_{lang}" for lang in langs)
            )
        }
        topics = [
            (row["slug"], {lang: row[f"name_{lang}"] for lang in langs if row[f"name_{lang}"]})
            for row in Topic.objects.values("slug", *(f"name_{lang}" for lang in langs))
        ]
        competitions = [
            (row["slug"], [row[f"title_{lang}"] for lang in langs if row[f"title_{lang}"]])
            for row in Competition.objects.values("slug", *(f"title_{lang}" for lang in langs))
        ]
        return cls(_person_records(), organizations, countries, regions, topics, competitions)

    # People

    def match_person(
        self, name: str, *, title: str = "", organization: str | None = None
    ) -> str | None:
        """The slug of the person so named, or None; a matching post decides
        between namesakes and admits a slightly more distant spelling."""
        if not self.people:
            return None
        parts = name.split()
        key = name_key(f"{parts[0]} {parts[-1]}" if len(parts) > 2 else name)
        family = name_key(parts[-1])
        scored = []
        for record in self.people:
            score = (
                max(fuzz.ratio(key, candidate) for candidate in record.keys) if record.keys else 0
            )
            if family not in record.family_keys and score < 95:
                score -= 10
            if (organization and organization in record.organizations) or (
                title and any(fuzz.token_set_ratio(fold(title), t) >= 85 for t in record.titles)
            ):
                score += 8
            scored.append((score, record.slug))
        score, slug = max(scored)
        return slug if score >= NAME_THRESHOLD else None

    # Organizations

    def _keys(self, lemmatize: Callable[[str], str] | None) -> dict[str, str]:
        cache_key = id(lemmatize)
        if cache_key not in self._org_keys:
            keys = {}
            for slug, names, short_names in self.organizations:
                for name in [*names, *short_names]:
                    keys.setdefault(org_key(name, lemmatize), slug)
            self._org_keys[cache_key] = keys
        return self._org_keys[cache_key]

    def match_organization(
        self, name: str, lemmatize: Callable[[str], str] | None = None
    ) -> str | None:
        keys = self._keys(lemmatize)
        if not keys:
            return None
        key = org_key(name, lemmatize)
        if key in keys:
            return keys[key]
        if len(key) < 8:  # short names and acronyms only match exactly
            return None
        best = process.extractOne(key, list(keys), scorer=fuzz.ratio, score_cutoff=ORG_THRESHOLD)
        return keys[best[0]] if best else None

    def match_competition(self, name: str) -> str | None:
        key = org_key(name)
        for slug, titles in self.competitions:
            if any(fuzz.ratio(key, org_key(title)) >= ORG_THRESHOLD for title in titles):
                return slug
        return None

    # Places and topics

    def country_code(self, name: str) -> str | None:
        return self.countries.get(fold(name))

    def region_in_text(self, text: str, country: str | None) -> str | None:
        folded = f" {fold(text)} "
        for code, (region_country, names) in self.regions.items():
            if country and region_country != country:
                continue
            for region_name in names:
                key = fold(region_name)
                if len(key) > 4 and f" {key} " in folded:
                    return code
        return None


def topics_in_text(registry: Registry, text: str, language: str) -> list[str]:
    """Topics whose every word's stem occurs in the text, in the registry's order."""
    words = fold(text).split()
    found = []
    for slug, names in registry.topics:
        name = names.get(language) or names.get("en")
        if not name:
            continue
        stems = [word[: max(4, len(word) - 2)] for word in fold(name).split() if len(word) > 2]
        if stems and all(any(word.startswith(stem) for word in words) for stem in stems):
            found.append(slug)
    return found
