"""Which site languages an event's text is complete in: its title and its
summary, the two things every list and page shows. An event missing them in
a language is read there by fallback (marked as such to the reader)."""

from django.db.models import Q
from modeltranslation.utils import build_localized_fieldname

from diplomacy.languages import LANGUAGE_CODES
from events.models import Event

# What an event needs in a language to count as complete in it.
REQUIRED_TEXT = ("title", "summary")


def missing_languages(event: Event) -> list[str]:
    """The site languages the event lacks a title or a summary in, in the
    site's order; read from the instance, with no query."""
    return [
        language
        for language in LANGUAGE_CODES
        if any(
            not getattr(event, build_localized_fieldname(field, language), None)
            for field in REQUIRED_TEXT
        )
    ]


def missing_language_filter(language: str) -> Q:
    """Events lacking a title or a summary in the language."""
    condition = Q()
    for field in REQUIRED_TEXT:
        column = build_localized_fieldname(field, language)
        condition |= Q(**{f"{column}__isnull": True}) | Q(**{column: ""})
    return condition


def complete_filter() -> Q:
    """Events with a title and a summary in every site language."""
    condition = Q()
    for language in LANGUAGE_CODES:
        condition &= ~missing_language_filter(language)
    return condition
