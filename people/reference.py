"""ISO 3166 countries and subdivisions from pycountry, with their names in the
site's languages taken from the translations that ship with the ISO data."""

import gettext
from dataclasses import dataclass

import pycountry
from django.db import transaction

from people.models import Country, Region

# The ISO data is in English; Russian and Kyrgyz come from its catalogues.
TRANSLATED_LANGUAGES = ("ru", "ky")


# Where the ISO catalogues have no Russian or Kyrgyz name, the official ones
# (from the Kyrgyz Republic's administrative division) fill the gap for the
# regions the seed record needs; extend as editors need more.
REGION_NAMES = {
    "KG-GB": {"ru": "Бишкек", "ky": "Бишкек шаары"},
    "KG-GO": {"ru": "Ош", "ky": "Ош шаары"},
    "KG-B": {"ru": "Баткенская область", "ky": "Баткен облусу"},
    "KG-C": {"ru": "Чуйская область", "ky": "Чүй облусу"},
    "KG-J": {"ru": "Джалал-Абадская область", "ky": "Жалал-Абад облусу"},
    "KG-N": {"ru": "Нарынская область", "ky": "Нарын облусу"},
    "KG-O": {"ru": "Ошская область", "ky": "Ош облусу"},
    "KG-T": {"ru": "Таласская область", "ky": "Талас облусу"},
    "KG-Y": {"ru": "Иссык-Кульская область", "ky": "Ысык-Көл облусу"},
}


@dataclass(frozen=True)
class ReferenceCounts:
    countries: int
    regions: int


def _catalogues(domain: str) -> dict[str, gettext.NullTranslations]:
    return {
        language: gettext.translation(
            domain, pycountry.LOCALES_DIR, languages=[language], fallback=True
        )
        for language in TRANSLATED_LANGUAGES
    }


def _translate(catalogue: gettext.NullTranslations, *candidates: str) -> str | None:
    """The first candidate the catalogue really translates, or None to fall back."""
    for text in candidates:
        translated = catalogue.gettext(text)
        if translated != text:
            return translated
    return None


@transaction.atomic
def load_reference_data() -> ReferenceCounts:
    """Insert or update every ISO 3166-1 country and 3166-2 subdivision.

    Safe to run again: rows are matched on their ISO code and updated in place.
    """
    return ReferenceCounts(countries=_load_countries(), regions=_load_regions())


NAME_FIELDS = ["name", "name_en", *(f"name_{language}" for language in TRANSLATED_LANGUAGES)]


def _load_countries() -> int:
    catalogues = _catalogues("iso3166-1")
    countries = []
    for record in pycountry.countries:
        english = getattr(record, "common_name", None) or record.name
        translations = {
            f"name_{language}": _translate(catalogue, english, record.name)
            for language, catalogue in catalogues.items()
        }
        countries.append(
            Country(
                code=record.alpha_2,
                alpha_3=record.alpha_3,
                numeric=record.numeric,
                name=english,
                name_en=english,
                **translations,
            )
        )
    Country.objects.bulk_create(
        countries,
        update_conflicts=True,
        unique_fields=["code"],
        update_fields=["alpha_3", "numeric", *NAME_FIELDS],
    )
    return len(countries)


def _load_regions() -> int:
    catalogues = _catalogues("iso3166-2")
    regions = []
    for record in pycountry.subdivisions:
        supplement = REGION_NAMES.get(record.code, {})
        translations = {
            f"name_{language}": _translate(catalogue, record.name) or supplement.get(language)
            for language, catalogue in catalogues.items()
        }
        regions.append(
            Region(
                code=record.code,
                country_id=record.country_code,
                parent_id=record.parent_code,
                name=record.name,
                name_en=record.name,
                kind=record.type,
                **translations,
            )
        )
    # Parents are inserted in the same statement batch; foreign keys are
    # checked at commit, so their order does not matter.
    Region.objects.bulk_create(
        regions,
        update_conflicts=True,
        unique_fields=["code"],
        update_fields=["country", "parent", "kind", *NAME_FIELDS],
        batch_size=1000,
    )
    return len(regions)
