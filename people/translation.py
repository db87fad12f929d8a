"""Translated fields (en/ru/ky) and change history.

History is registered here rather than on the models: the historical models
must be built after modeltranslation has added the per-language columns, or
they would miss them.
"""

from modeltranslation.translator import TranslationOptions, register
from simple_history import register as register_history

from people.models import Country, Organization, Person, Position, Region


@register(Country)
class CountryTranslation(TranslationOptions):
    fields = ("name",)


@register(Region)
class RegionTranslation(TranslationOptions):
    fields = ("name",)


@register(Organization)
class OrganizationTranslation(TranslationOptions):
    fields = ("name", "short_name", "description")


@register(Person)
class PersonTranslation(TranslationOptions):
    fields = ("given_name", "patronymic", "family_name", "honorific_prefix", "bio")


@register(Position)
class PositionTranslation(TranslationOptions):
    fields = ("title",)


# The search vector is derived from the other columns; it has no history.
register_history(Organization, app=__package__, excluded_fields=["search_vector"])
register_history(Person, app=__package__, excluded_fields=["search_vector"])
register_history(Position, app=__package__)
