"""The time zone of a place: from its country, and its city when the country
has several zones.

Countries with one zone get it with no question asked. Where a country has
several, the city decides when it is known (its name, in any of the site's
languages, is matched against the zone's own city and the cities listed
below); otherwise the capital's zone is the default. The IANA data comes from
tzdata's `zone.tab`, which names each country's own zones (Europe/Copenhagen,
where zone1970.tab would give Denmark Berlin's).
"""

import functools
import importlib.resources
import unicodedata
from collections import defaultdict

# Where a country has several zones, the capital's (or the one most events
# are held in) is the default.
CAPITAL_ZONES: dict[str, str] = {
    "RU": "Europe/Moscow",
    "KZ": "Asia/Almaty",
    "UZ": "Asia/Tashkent",
    "UA": "Europe/Kyiv",
    "MN": "Asia/Ulaanbaatar",
    "CN": "Asia/Shanghai",
    "US": "America/New_York",
    "CA": "America/Toronto",
    "MX": "America/Mexico_City",
    "BR": "America/Sao_Paulo",
    "AR": "America/Argentina/Buenos_Aires",
    "AU": "Australia/Sydney",
    "ID": "Asia/Jakarta",
    "ES": "Europe/Madrid",
    "PT": "Europe/Lisbon",
    "DE": "Europe/Berlin",
    "FR": "Europe/Paris",
    "GB": "Europe/London",
    "IT": "Europe/Rome",
    "CH": "Europe/Zurich",
    "NL": "Europe/Amsterdam",
    "TR": "Europe/Istanbul",
    "IN": "Asia/Kolkata",
    "CL": "America/Santiago",
    "EC": "America/Guayaquil",
    "NZ": "Pacific/Auckland",
    "MY": "Asia/Kuala_Lumpur",
    "CD": "Africa/Kinshasa",
    "KI": "Pacific/Tarawa",
    "FM": "Pacific/Pohnpei",
    "PF": "Pacific/Tahiti",
    "PG": "Pacific/Port_Moresby",
    "CY": "Asia/Nicosia",
}

# Cities in multi-zone countries whose names differ from their zone's (or are
# written in Cyrillic), mapped to the zone they keep. Names are compared
# folded (see _fold), so each is given once per script.
CITY_ZONES: dict[str, str] = {
    "москва": "Europe/Moscow",
    "санкт-петербург": "Europe/Moscow",
    "saint petersburg": "Europe/Moscow",
    "st. petersburg": "Europe/Moscow",
    "казань": "Europe/Moscow",
    "kazan": "Europe/Moscow",
    "нижний новгород": "Europe/Moscow",
    "nizhny novgorod": "Europe/Moscow",
    "сочи": "Europe/Moscow",
    "sochi": "Europe/Moscow",
    "уфа": "Asia/Yekaterinburg",
    "ufa": "Asia/Yekaterinburg",
    "екатеринбург": "Asia/Yekaterinburg",
    "челябинск": "Asia/Yekaterinburg",
    "chelyabinsk": "Asia/Yekaterinburg",
    "тюмень": "Asia/Yekaterinburg",
    "tyumen": "Asia/Yekaterinburg",
    "омск": "Asia/Omsk",
    "новосибирск": "Asia/Novosibirsk",
    "красноярск": "Asia/Krasnoyarsk",
    "иркутск": "Asia/Irkutsk",
    "улан-удэ": "Asia/Irkutsk",
    "ulan-ude": "Asia/Irkutsk",
    "якутск": "Asia/Yakutsk",
    "владивосток": "Asia/Vladivostok",
    "хабаровск": "Asia/Vladivostok",
    "khabarovsk": "Asia/Vladivostok",
    "калининград": "Europe/Kaliningrad",
    "самара": "Europe/Samara",
    "волгоград": "Europe/Volgograd",
    "астана": "Asia/Almaty",
    "astana": "Asia/Almaty",
    "алматы": "Asia/Almaty",
    "актобе": "Asia/Aqtobe",
    "aktobe": "Asia/Aqtobe",
    "костанай": "Asia/Qostanay",
    "kostanay": "Asia/Qostanay",
    "атырау": "Asia/Atyrau",
    "актау": "Asia/Aqtau",
    "aktau": "Asia/Aqtau",
    "уральск": "Asia/Oral",
    "uralsk": "Asia/Oral",
    "ташкент": "Asia/Tashkent",
    "самарканд": "Asia/Samarkand",
    "samarkand": "Asia/Samarkand",
    "new york": "America/New_York",
    "washington": "America/New_York",
    "los angeles": "America/Los_Angeles",
    "san francisco": "America/Los_Angeles",
    "chicago": "America/Chicago",
    "ottawa": "America/Toronto",
    "beijing": "Asia/Shanghai",
    "пекин": "Asia/Shanghai",
}


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold().replace("ё", "е").replace("_", " ")
    return " ".join(text.split())


@functools.cache
def country_zones() -> dict[str, tuple[str, ...]]:
    """Every country's zones, as zone.tab lists them."""
    table = importlib.resources.files("tzdata").joinpath("zoneinfo/zone.tab").read_text()
    zones: dict[str, list[str]] = defaultdict(list)
    for line in table.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        code, _coordinates, zone, *_comments = line.split("\t")
        zones[code].append(zone)
    return {code: tuple(names) for code, names in zones.items()}


def zone_for_place(*, country_code: str | None, city: str = "") -> str | None:
    """The IANA zone of a city in a country, or None when the country is not known."""
    if not country_code:
        return None
    zones = country_zones().get(country_code.upper(), ())
    if len(zones) == 1:
        return zones[0]
    folded = _fold(city)
    if folded:
        for zone in zones:
            if _fold(zone.rpartition("/")[2]) == folded:
                return zone
        if CITY_ZONES.get(folded) in zones:
            return CITY_ZONES[folded]
    if country_code.upper() in CAPITAL_ZONES:
        return CAPITAL_ZONES[country_code.upper()]
    return zones[0] if zones else None
