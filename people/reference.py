"""ISO 3166 countries and subdivisions from pycountry, with their names in the
site's languages taken from the translations that ship with the ISO data,
and the editorial names readers see where those are outdated, formal or
missing (people/editorial_names.py).

Each row keeps its ISO name (`iso_name_*`) beside the name shown (`name_*`).
Loading again updates the ISO names, and a shown name only where it is still
the one loaded before: a name an editor changed in the admin is kept."""

import gettext
from dataclasses import dataclass

import pycountry
from django.db import transaction

from diplomacy.pagecache import bump_after_commit
from people.editorial_names import COUNTRY_NAMES, REGION_NAMES
from people.models import Country, Region

# The ISO data is in English; Russian and Kyrgyz come from its catalogues.
TRANSLATED_LANGUAGES = ("ru", "ky")


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
    counts = ReferenceCounts(countries=_load_countries(), regions=_load_regions())
    bump_after_commit()  # bulk_create sends no post_save; pages name countries
    return counts


LANGUAGES = ("en", *TRANSLATED_LANGUAGES)
NAME_FIELDS = [
    "name",
    *(f"{field}_{language}" for field in ("name", "iso_name") for language in LANGUAGES),
]


def _names(
    iso: dict[str, str | None], editorial: dict[str, str], stored: Country | Region | None
) -> dict[str, str | None]:
    """The ISO names and the names shown, per language (see the module's docstring)."""
    names: dict[str, str | None] = {}
    for language in LANGUAGES:
        shown = editorial.get(language) or iso[language]
        if stored is not None:
            current = getattr(stored, f"name_{language}")
            loaded = getattr(stored, f"iso_name_{language}")
            if current not in (None, "", loaded, editorial.get(language)):
                shown = current  # changed in the admin
        names[f"iso_name_{language}"] = iso[language]
        names[f"name_{language}"] = shown
    names["name"] = names["name_en"]
    return names


def _load_countries() -> int:
    catalogues = _catalogues("iso3166-1")
    stored = Country.objects.in_bulk()
    countries = []
    for record in pycountry.countries:
        english = getattr(record, "common_name", None) or record.name
        iso = {"en": english} | {
            language: _translate(catalogue, english, record.name)
            for language, catalogue in catalogues.items()
        }
        names = _names(iso, COUNTRY_NAMES.get(record.alpha_2, {}), stored.get(record.alpha_2))
        countries.append(
            Country(code=record.alpha_2, alpha_3=record.alpha_3, numeric=record.numeric, **names)
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
    stored = Region.objects.in_bulk()
    regions = []
    for record in pycountry.subdivisions:
        iso = {"en": record.name} | {
            language: _translate(catalogue, record.name)
            for language, catalogue in catalogues.items()
        }
        names = _names(iso, REGION_NAMES.get(record.code, {}), stored.get(record.code))
        regions.append(
            Region(
                code=record.code,
                country_id=record.country_code,
                parent_id=record.parent_code,
                kind=record.type,
                **names,
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
