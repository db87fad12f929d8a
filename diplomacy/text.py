"""Cleaning text written by editors and partners: control characters, spacing
and the HTML of rich text."""

import re
from collections.abc import Sequence

import nh3
from django.db import models
from modeltranslation.utils import build_localized_fieldname
from slugify import slugify

from diplomacy.languages import LANGUAGE_CODES

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

# Rich text editors may use these; everything else (scripts, styles, event
# handlers, iframes) is stripped.
ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "cite", "em", "figcaption", "figure", "h2", "h3",
    "h4", "hr", "i", "img", "li", "ol", "p", "q", "s", "small", "strong", "sub", "sup",
    "table", "tbody", "td", "th", "thead", "tr", "u", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
}


def clean_text(value: str | None, *, single_line: bool) -> str | None:
    """Text without control characters, which feeds and calendars cannot carry;
    a name or title also on one line with single spaces."""
    if not value:
        return value
    value = _CONTROL.sub("", value)
    return " ".join(value.split()) if single_line else value.strip()


def clean_translations(instance: models.Model, fields: Sequence[str], *, single_line: bool) -> None:
    """clean_text() on every language's column of the given translated fields."""
    for field in fields:
        for language in LANGUAGE_CODES:
            name = build_localized_fieldname(field, language)
            setattr(instance, name, clean_text(getattr(instance, name), single_line=single_line))


def sanitize_html(html: str) -> str:
    """Rich text with only the tags and attributes above, links made safe."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )


def slug_base(text: str, *, max_length: int = 100) -> str:
    """A slug from any script (Cyrillic is transliterated), with room left for
    a "-2" … "-999" that unique_slug may add."""
    return slugify(text, max_length=max_length - 4, word_boundary=True) or "item"


def unique_slug(instance: models.Model, text: str, *, max_length: int = 100) -> str:
    """A slug from any script (Cyrillic is transliterated), unique in its table."""
    base = slug_base(text, max_length=max_length)
    # Every row, those in the trash too: they keep their slugs.
    others = type(instance)._base_manager.exclude(pk=instance.pk)
    taken = set(others.filter(slug__startswith=base).values_list("slug", flat=True))
    candidate, number = base, 2
    while candidate in taken:
        candidate = f"{base}-{number}"
        number += 1
    return candidate
