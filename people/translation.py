"""Translated fields (en/ru/ky) and change history.

History is registered here rather than on the models: the historical models
must be built after modeltranslation has added the per-language columns, or
they would miss them.
"""

from modeltranslation.translator import TranslationOptions, register
from simple_history import register as register_history

from people.models import Country, Organization, Person, Position, Region


class Translated(TranslationOptions):
    """A language left empty is stored as NULL, never as "": the API shows it
    as null ("not filled in") and the fallback to another language applies."""

    empty_values = None


@register(Country)
class CountryTranslation(Translated):
    fields = ("name", "iso_name")


@register(Region)
class RegionTranslation(Translated):
    fields = ("name", "iso_name")


@register(Organization)
class OrganizationTranslation(Translated):
    fields = ("name", "short_name", "description")


@register(Person)
class PersonTranslation(Translated):
    fields = ("given_name", "patronymic", "family_name", "honorific_prefix", "bio")


@register(Position)
class PositionTranslation(Translated):
    fields = ("title",)


# The search vector is derived from the other columns; it has no history.
register_history(Organization, app=__package__, excluded_fields=["search_vector"])
register_history(Person, app=__package__, excluded_fields=["search_vector", "search_names"])
register_history(Position, app=__package__)
