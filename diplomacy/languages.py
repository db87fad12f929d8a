"""The site's content languages, and reading translated fields in them.

Every translated field has a column per language (`title_en`, `title_ru`,
`title_ky`, added by django-modeltranslation); the set of languages is
`settings.LANGUAGES`, and this module is the one place that turns it into
column names, fallbacks and SQL.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, TextField, Value
from django.db.models.expressions import Combinable
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import get_language
from modeltranslation.utils import build_localized_fieldname, resolution_order

LANGUAGE_CODES: tuple[str, ...] = tuple(code for code, _name in settings.LANGUAGES)


def translated_fields(*fields: str) -> list[str]:
    """The per-language columns of translated fields: `name_en`, `name_ru`, …"""
    return [
        build_localized_fieldname(field, language)
        for field in fields
        for language in LANGUAGE_CODES
    ]


def fallback_languages() -> tuple[str, ...]:
    """The current language, then the ones modeltranslation falls back to."""
    return resolution_order(get_language() or settings.LANGUAGE_CODE)


def localized(field: str, prefix: str = "") -> Combinable:
    """A translated field in the current language, falling back as the models do.

    For ordering and grouping in SQL, where modeltranslation would use the
    current language's column alone and put untranslated rows first or last.
    """
    columns = [
        NullIf(
            F(f"{prefix}{build_localized_fieldname(field, language)}"),
            Value(""),
            output_field=TextField(),
        )
        for language in fallback_languages()
    ]
    return Coalesce(*columns, output_field=TextField())


def translated_sort_key(field: str) -> Coalesce:
    """The localized order, never null: keyset pages compare the key."""
    return Coalesce(localized(field), Value(""), output_field=TextField())


def content_language(instance: object, field: str) -> str:
    """The language the shown value of a translated field is really in.

    A Kyrgyz page may show a Russian title by fallback; marking it lang="ru"
    lets screen readers pronounce it right.
    """
    for language in fallback_languages():
        if getattr(instance, build_localized_fieldname(field, language), None):
            return language
    return get_language() or settings.LANGUAGE_CODE


def first_translation(instance: models.Model, field: str) -> str:
    """The field's value in the first language that has one (English first)."""
    for language in LANGUAGE_CODES:
        value = getattr(instance, build_localized_fieldname(field, language), None)
        if value:
            return value
    return getattr(instance, field, "") or ""
