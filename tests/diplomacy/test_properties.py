"""Properties that must hold for any input, checked with Hypothesis: the API's
cursors, slugs, search folding, HTML sanitising and text cleaning."""

import datetime
import re
import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rest_framework.exceptions import ValidationError

from diplomacy.api.pagination import decode_cursor, encode_cursor
from diplomacy.search import fold_text, query_words
from diplomacy.text import clean_text, sanitize_html, slug_base

# Sort keys as a cursor carries them: text, whole numbers, dates and moments.
KEY_VALUES = st.one_of(
    st.text(max_size=40),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.dates().map(datetime.date.isoformat),
    st.datetimes(timezones=st.just(datetime.UTC)).map(datetime.datetime.isoformat),
)
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@given(ordering=st.text(min_size=1, max_size=60), key=st.lists(KEY_VALUES, max_size=4))
def test_a_cursor_gives_back_what_it_was_made_of(ordering, key):
    token = encode_cursor(ordering, key)
    assert re.fullmatch(r"[A-Za-z0-9_-]*", token)  # safe in an address as it is
    assert decode_cursor(token) == (ordering, key)


@given(st.text(max_size=200))
def test_any_cursor_a_client_makes_up_is_a_400_or_a_cursor(token):
    try:
        ordering, key = decode_cursor(token)
    except ValidationError as error:
        detail = error.detail
    else:
        detail = None
        assert isinstance(ordering, str)
        assert isinstance(key, list)
    assert detail in (
        None,
        {"cursor": ["This cursor is not valid here; follow the `next` link as given."]},
    )


@given(st.text(max_size=300), st.integers(min_value=10, max_value=200))
def test_a_slug_is_short_lowercase_latin_from_any_text(text, max_length):
    slug = slug_base(text, max_length=max_length)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug)
    assert len(slug) <= max_length - 4


@given(
    st.text(alphabet="абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗөүңӨҮҢ'ʻ’ " + string.ascii_letters)
)
def test_folding_ignores_case_yo_and_kyrgyz_look_alikes(text):
    folded = fold_text(text)
    assert not {"ё", "ө", "ү", "ң"} & set(folded)
    assert folded == folded.lower()
    # Whatever a reader types for the same name folds to the same text.
    typed = text.upper().replace("Ё", "Е").replace("Ө", "О").replace("Ү", "У").replace("Ң", "Н")
    assert fold_text(typed) == folded


@given(st.text(max_size=500))
def test_a_query_has_at_most_eight_folded_words(text):
    words = query_words(text)
    assert len(words) <= 8
    assert all(re.fullmatch(r"\w+", word) and "ё" not in word for word in words)


TAGS = ["p", "a", "script", "img", "iframe", "style", "b", "svg", "object", "table", "td"]
ATTRIBUTES = ["href", "src", "onclick", "onerror", "style", "title", "alt", "colspan"]
VALUES = ["javascript:alert(1)", "https://example.org/", "x", "1", "data:text/html,<b>"]


@st.composite
def html(draw) -> str:
    """Markup a hostile editor or a pasted page might send."""
    parts = []
    for _ in range(draw(st.integers(min_value=0, max_value=6))):
        tag = draw(st.sampled_from(TAGS))
        attributes = " ".join(
            f'{draw(st.sampled_from(ATTRIBUTES))}="{draw(st.sampled_from(VALUES))}"'
            for _ in range(draw(st.integers(min_value=0, max_value=3)))
        )
        inner = draw(st.text(max_size=20))
        parts.append(f"<{tag} {attributes}>{inner}</{tag}>")
    return "".join(parts)


@settings(max_examples=200)
@given(html())
def test_sanitised_html_carries_no_script_and_is_stable(markup):
    clean = sanitize_html(markup)
    lowered = clean.lower()
    assert not re.search(r"<(script|iframe|style|object|svg)\b", lowered)
    assert not re.search(r"\son\w+=", lowered)
    # A link or an image never runs code (a title may say what it likes).
    assert not re.search(r'(href|src)="\s*(javascript|data):', lowered)
    assert sanitize_html(clean) == clean


@given(st.text(max_size=300), st.booleans())
def test_cleaned_text_has_no_control_characters_and_is_stable(text, single_line):
    clean = clean_text(text, single_line=single_line)
    assert not CONTROL.search(clean)
    assert clean_text(clean, single_line=single_line) == clean
    if single_line:
        assert not re.search(r"\s\s|\n", clean)
        assert clean == clean.strip()


@pytest.mark.django_db
@settings(max_examples=50, deadline=None)
@given(st.text(alphabet="ёЁеЕабвльөүңABCöüİı'ʻ’ ", max_size=30))
def test_the_database_and_python_fold_alike(text):
    """The database folds stored text as Python folds what a reader types."""
    from django.db import connection
    from django.db.models import Value

    from diplomacy.search import SQLITE_FOLD, fold
    from people.models import Country

    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {SQLITE_FOLD}(%s)", [text])
            in_database = cursor.fetchone()[0]
    else:
        rows = Country.objects.annotate(folded=fold(Value(text))).values_list("folded", flat=True)
        in_database = rows[0]
    assert in_database == fold_text(text)
