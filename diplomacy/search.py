"""Full-text search: PostgreSQL over stored, GIN-indexed tsvectors, with a plain
case-insensitive match on SQLite so local development needs no server.

Documents are indexed with the English, Russian and 'simple' configurations
and queries are matched against all three, so English and Russian words are
found by their stems and names in any script by prefix.

Text is folded the same way on both sides (`fold` in SQL, `fold_text` in
Python, and the function registered on SQLite), so that the spellings people
really type find each other:
- "ё" as "е", as Russian text uses them interchangeably;
- the Kyrgyz letters as their Russian look-alikes: ө as о, ү as у, ң as н
  («Өмүрбек» and «Омурбек», «Түгөлбай» and «Тугелбай» only half-way);
- apostrophes and modifier letters dropped, with which Uzbek Latin writes
  oʻ and gʻ (O'zbekiston, Oʻzbekiston, O’zbekiston, Ozbekiston);
- the soft sign after л dropped: «Гульнара» and «Гулнара», «Ильич» and «Илич».
Where both an exact and a folded spelling match, the exact one ranks first
(`exact_match`).
"""

import re
from collections.abc import Iterable, Sequence

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connections, models
from django.db.models import Case, F, Func, IntegerField, Q, TextField, Value, When
from django.db.models.lookups import Contains, Exact

from diplomacy.languages import LANGUAGE_CODES

# Which configuration stems which language's columns; languages PostgreSQL has
# no stemmer for are indexed word for word.
STEMMERS = {"en": "english", "ru": "russian"}
CONFIGS = {language: STEMMERS.get(language, "simple") for language in LANGUAGE_CODES}


def is_postgresql(queryset: models.QuerySet) -> bool:
    return connections[queryset.db].vendor == "postgresql"


# Letters folded to another (translate's pairs), and marks dropped.
FOLDED_FROM = "ёөүң"
FOLDED_TO = "еоун"
# The combining dot above is what Python's lower() leaves of a Turkish "İ"
# (PostgreSQL lower-cases it to a plain "i").
DROPPED_MARKS = "'’‘ʼʻʹ`´\u0307"
SOFT_SIGN = ("ль", "л")
_FOLD_TABLE = str.maketrans(FOLDED_FROM, FOLDED_TO, DROPPED_MARKS)


def fold(expression):
    """The text lower-cased and folded as `fold_text` does, in the database."""
    lowered = Func(expression, function="lower", output_field=TextField())
    translated = Func(
        lowered,
        Value(FOLDED_FROM + DROPPED_MARKS),
        Value(FOLDED_TO),
        function="translate",
        output_field=TextField(),
    )
    return Func(
        translated,
        Value(SOFT_SIGN[0]),
        Value(SOFT_SIGN[1]),
        function="replace",
        output_field=TextField(),
    )


def fold_text(text: str) -> str:
    """Lower-cased and folded for matching (see the module's docstring)."""
    return text.lower().translate(_FOLD_TABLE).replace(*SOFT_SIGN)


def translated_vector(field: str, weight: str) -> SearchVector:
    """A field in every language, each stemmed by its own configuration."""
    vector = None
    for language, config in CONFIGS.items():
        part = SearchVector(fold(F(f"{field}_{language}")), config=config, weight=weight)
        vector = part if vector is None else vector + part
    return vector


def names_vector(expressions: Sequence, weight: str) -> SearchVector:
    """Names are not stemmed: the 'simple' configuration, ё folded."""
    return SearchVector(
        *(fold(expression) for expression in expressions), config="simple", weight=weight
    )


# A query's first words only, and prefixes of three letters or more: "а:*"
# matches nearly everything and would make the database read every row.
MAX_WORDS = 8
MIN_PREFIX = 3


def query_words(text: str) -> list[str]:
    return re.findall(r"\w+", fold_text(text))[:MAX_WORDS]


def search_query(text: str) -> SearchQuery | None:
    """Stemmed English and Russian words, or every word as a prefix."""
    words = query_words(text)
    if not words:
        return None
    terms = (f"{word}:*" if len(word) >= MIN_PREFIX else word for word in words)
    prefixes = SearchQuery(" & ".join(terms), config="simple", search_type="raw")
    phrase = " ".join(words)
    stemmed = [
        SearchQuery(phrase, config=config, search_type="websearch")
        for config in ("english", "russian")
    ]
    return prefixes | stemmed[0] | stemmed[1]


def search(
    queryset: models.QuerySet,
    text: str,
    *,
    fallback_fields: Iterable[str],
    rank: bool = True,
    similar_field: str | None = None,
) -> models.QuerySet:
    """Rows matching text: by full text on PostgreSQL, by substring elsewhere.

    With `similar_field` (a column of folded names), PostgreSQL also finds
    names spelt slightly differently ("Kosachov" for "Kosachev").
    """
    if is_postgresql(queryset):
        query = search_query(text)
        if query is None:
            return queryset.none()
        condition = Q(search_vector=query)
        if similar_field:
            folded = fold_text(" ".join(query_words(text))).lower()
            condition |= Q(**{f"{similar_field}__trigram_word_similar": folded})
        matched = queryset.filter(condition)
        if rank:
            matched = matched.annotate(search_rank=SearchRank(F("search_vector"), query))
        return matched
    words = query_words(text)
    if not words:
        return queryset.none()
    condition = Q()
    for word in words:
        word_condition = Q()
        for field in fallback_fields:
            word_condition |= text_matches(queryset, field, word)
        condition &= word_condition
    return queryset.filter(condition).distinct()


def text_matches(queryset: models.QuerySet, field: str, value: str, *, exact: bool = False) -> Q:
    """Case-insensitive match in any script.

    SQLite's own case folding knows only ASCII, so there a Python function
    registered on each connection (see DiplomacyConfig.ready) folds the text,
    "ё" to "е" included, as full-text search does on PostgreSQL.
    """
    if connections[queryset.db].vendor != "sqlite":
        return Q(**{f"{field}__{'iexact' if exact else 'icontains'}": value})
    folded = Func(F(field), function=SQLITE_FOLD, output_field=TextField())
    lookup = Exact if exact else Contains
    return Q(lookup(folded, fold_text(value)))


def exact_match(queryset: models.QuerySet, fields: Iterable[str], text: str) -> Q:
    """Rows where a field holds the words as typed, only case aside: these
    rank before rows found through folding ("Өмүрбек" before "Омурбек")."""
    phrase = " ".join(re.findall(r"[\w'’‘ʼʻ]+", text)[:MAX_WORDS])
    condition = Q()
    if not phrase:
        return condition
    for field in fields:
        if connections[queryset.db].vendor == "sqlite":
            lowered = Func(F(field), function=SQLITE_LOWER, output_field=TextField())
            condition |= Q(Contains(lowered, phrase.lower()))
        else:
            condition |= Q(**{f"{field}__icontains": phrase})
    return condition


def exact_first(queryset: models.QuerySet, fields: Iterable[str], text: str) -> models.QuerySet:
    """The queryset annotated with `search_exact` (1 for an exact match, else 0)."""
    condition = exact_match(queryset, fields, text)
    if not condition:
        return queryset.annotate(search_exact=Value(0, output_field=IntegerField()))
    return queryset.annotate(
        search_exact=Case(
            When(condition, then=Value(1)), default=Value(0), output_field=IntegerField()
        )
    )


# SQLite's own lower() knows only ASCII; these Python functions are
# registered on each connection (see DiplomacyConfig.ready).
SQLITE_FOLD = "diplomacy_fold"
SQLITE_LOWER = "diplomacy_lower"


def register_sqlite_functions(sender, connection, **kwargs) -> None:
    if connection.vendor == "sqlite":
        connection.connection.create_function(
            SQLITE_FOLD,
            1,
            lambda text: fold_text(text) if isinstance(text, str) else text,
            deterministic=True,
        )
        connection.connection.create_function(
            SQLITE_LOWER,
            1,
            lambda text: text.lower() if isinstance(text, str) else text,
            deterministic=True,
        )
