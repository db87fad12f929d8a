"""One language per page, said honestly: dates, times and places as each
language writes them, fallbacks marked, quotes in translation with their
original, and the calques that were fixed kept out (issue 12)."""

import datetime
import re
from pathlib import Path

import polib
import pytest

from events.demo_data import EVENT
from tests.factories import EventFactory, PersonFactory, QuoteFactory
from tests.pages import fetch, fetch_page, section_of, text
from tests.seed import SEED

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ("en", "ru", "ky")


def _facts(tree) -> dict[str, str]:
    return {
        text(row.find("dt")): text(row.find("dd"))
        for row in tree.find(".//dl[@class='facts']").findall("div")
    }


def _notes(tree) -> list[str]:
    return [text(p) for p in tree.iter("p") if p.get("class") == "fallback-note"]


@pytest.mark.parametrize(
    ("language", "when", "where"),
    [
        ("en", "24 April 2023", "Bishkek, Kyrgyzstan"),
        ("ru", "24 апреля 2023 г.", "Бишкек, Кыргызстан"),
        ("ky", "2023-жылдын 24-апрели", "Бишкек, Кыргызстан"),
    ],
)
def test_seed_date_and_place_as_each_language_writes_them(client, seed, language, when, where):
    facts = list(_facts(fetch_page(client, f"/{language}/events/{SEED}/")).values())
    assert facts[:2] == [when, where]


@pytest.mark.parametrize(
    ("language", "published"),
    [
        ("en", "published 24 April 2023, 18:42 UTC"),
        ("ru", "опубликовано 24 апреля 2023 г., 18:42 UTC"),
        ("ky", "жарыяланган 2023-жылдын 24-апрели, 18:42 UTC"),
    ],
)
def test_seed_source_time_in_one_style(client, seed, language, published):
    sources = section_of(fetch_page(client, f"/{language}/events/{SEED}/"), "sources-heading")
    assert text(next(sources.iter("li"))).endswith(published)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "24 April 2023, 10:00–13:30 Almaty time"),
        ("ru", "24 апреля 2023 г., 10:00–13:30 по времени Алматы"),
        ("ky", "2023-жылдын 24-апрели, Алматы убактысы менен 10:00–13:30"),
    ],
)
def test_times_name_the_zone_by_its_city(client, language, expected):
    event = EventFactory(
        start_time=datetime.time(10), end_time=datetime.time(13, 30), timezone="Asia/Almaty"
    )
    tree = fetch_page(client, f"/{language}/events/{event.slug}/")
    assert next(iter(_facts(tree).values())) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            "30 December 2023, 18:00 Bishkek time – 2 January 2024, 12:00 Bishkek time",
        ),
        (
            "ru",
            "30 декабря 2023 г., 18:00 по времени Бишкека – "
            "2 января 2024 г., 12:00 по времени Бишкека",
        ),
        (
            "ky",
            "2023-жылдын 30-декабры, Бишкек убактысы менен 18:00 – "
            "2024-жылдын 2-январы, Бишкек убактысы менен 12:00",
        ),
    ],
)
def test_days_apart_each_with_its_time(client, language, expected):
    event = EventFactory(
        start_date=datetime.date(2023, 12, 30),
        start_time=datetime.time(18),
        end_date=datetime.date(2024, 1, 2),
        end_time=datetime.time(12),
        timezone="Asia/Bishkek",
    )
    tree = fetch_page(client, f"/{language}/events/{event.slug}/")
    assert next(iter(_facts(tree).values())) == expected


@pytest.mark.parametrize(
    ("zone", "expected"),
    [("Asia/Tokyo", "24 April 2023, 10:00 UTC+9"), ("UTC", "24 April 2023, 10:00 UTC")],
)
def test_a_zone_without_a_city_name_is_given_by_its_offset(client, zone, expected):
    event = EventFactory(start_time=datetime.time(10), timezone=zone)
    assert next(iter(_facts(fetch_page(client, event.get_absolute_url())).values())) == expected


@pytest.mark.parametrize(
    ("language", "your_time", "day_month", "april"),
    [
        ("en", "%(time)s your time", "%(day)s %(month)s", "April"),
        ("ru", "%(time)s по вашему времени", "%(day)s %(month)s", "апреля"),
        ("ky", "сиздин убактыңыз менен %(time)s", "%(day)s-%(month)s", "апрели"),
    ],
)
def test_pages_give_the_script_the_words_for_the_readers_time(
    client, language, your_time, day_month, april
):
    html = fetch_page(client, f"/{language}/")
    assert (html.get("data-your-time"), html.get("data-day-month")) == (your_time, day_month)
    assert html.get("data-months").split("|")[3] == april


@pytest.mark.parametrize(
    ("language", "notes"),
    [("en", []), ("ru", []), ("ky", ["Бул текст орус тилинде гана бар."])],
)
def test_seed_page_marks_only_what_falls_back(client, seed, language, notes):
    tree = fetch_page(client, f"/{language}/events/{SEED}/")
    assert _notes(tree) == notes
    # The body has no Kyrgyz version: on /ky/ it is the Russian one, said so.
    expected = "ru" if language == "ky" else language
    assert tree.find(".//div[@class='prose']").get("lang") == expected


@pytest.mark.parametrize(
    ("language", "note"),
    [
        ("en", "This text is available in Russian only."),
        ("ky", "Бул текст орус тилинде гана бар."),
    ],
)
def test_a_title_missing_in_the_page_language_is_marked(client, language, note):
    event = EventFactory(title_en=None, title_ru="Форум дружбы", title_ky=None)
    tree = fetch_page(client, f"/{language}/events/{event.slug}/")
    h1 = tree.find(".//h1")
    assert (text(h1), h1.get("lang")) == ("Форум дружбы", "ru")
    assert _notes(tree) == [note]


@pytest.mark.parametrize(
    ("language", "translated", "caption", "original"),
    [
        (
            "ru",
            "Межгосударственные отношения не случайно называют отношениями между народами.",
            "— Константин Косачёв (перевод редакции)",
            "Оригинал на английском языке",
        ),
        (
            "ky",
            "Мамлекеттер аралык мамилелерди элдер аралык мамилелер деп бекеринен айтышпайт.",
            "— Константин Косачёв (редакциянын котормосу)",
            "Түп нускасы англис тилинде",
        ),
    ],
)
def test_quotes_in_the_readers_language_with_the_original_a_click_away(
    client, seed, language, translated, caption, original
):
    quotes = section_of(fetch_page(client, f"/{language}/events/{SEED}/"), "quotes-heading")
    figure = next(quotes.iter("figure"))
    shown, kept = list(figure.iter("blockquote"))
    assert shown.get("lang") == language
    assert text(shown).startswith(translated)
    assert text(figure.find("figcaption")) == caption
    details = figure.find("details")
    assert details.get("open") is None
    assert text(details.find("summary")) == original
    assert kept.get("lang") == "en"
    assert text(kept).startswith("Relations between states are called people’s relations")


def test_quotes_in_their_original_language_need_no_original(client, seed):
    quotes = section_of(fetch_page(client, f"/en/events/{SEED}/"), "quotes-heading")
    figure = next(quotes.iter("figure"))
    assert [quote.get("lang") for quote in figure.iter("blockquote")] == ["en"]
    assert figure.find("details") is None


def test_an_untranslated_quote_is_marked_as_in_another_language(client):
    quote = QuoteFactory(language="en", person=PersonFactory(given_name_ky="Айгүл"))
    tree = fetch_page(client, f"/ky/events/{quote.event.slug}/")
    figure = next(section_of(tree, "quotes-heading").iter("figure"))
    assert text(figure.find("p")) == "Бул текст англис тилинде гана бар."
    assert figure.find("blockquote").get("lang") == "en"


def test_a_short_name_in_another_language_is_not_put_beside_a_name(client, seed):
    organizations = section_of(fetch_page(client, f"/ky/events/{SEED}/"), "organizations-heading")
    assert text(next(organizations.iter("li"))) == "Россия элдеринин Ассамблеясы"
    organizations = section_of(fetch_page(client, f"/ru/events/{SEED}/"), "organizations-heading")
    assert text(next(organizations.iter("li"))) == "Ассамблея народов России (АНР)"


@pytest.mark.parametrize(
    ("language", "location"),
    [("en", "Bishkek, Kyrgyzstan"), ("ru", "Бишкек, Кыргызстан"), ("ky", "Бишкек, Кыргызстан")],
)
def test_calendar_location_says_the_place_as_the_page_does(client, seed, language, location):
    body = fetch(client, f"/{language}/events/{SEED}.ics").content.decode()
    unfolded = body.replace("\r\n ", "")
    assert f"LOCATION:{location.replace(',', chr(92) + ',')}" in unfolded


def test_a_region_that_adds_something_is_kept(client):
    from people.models import Country, Region

    event = EventFactory(
        city_en="Kazan",
        city_ru="Казань",
        host_country=Country.objects.get(code="RU"),
        region=Region.objects.get(code="RU-TA"),
    )
    facts = _facts(fetch_page(client, f"/ru/events/{event.slug}/"))
    assert facts["Где"] == "Казань, Республика Татарстан, Россия"


@pytest.mark.parametrize(
    ("language", "title", "pair"),
    [
        ("en", "Russia", "Russia and Kyrgyzstan"),
        ("ru", "Россия", "Россия и Кыргызстан"),
        ("ky", "Россия", "Россия жана Кыргызстан"),
    ],
)
def test_country_names_are_one_style_in_titles_and_pairs(client, seed, language, title, pair):
    country = fetch_page(client, f"/{language}/countries/ru/")
    assert text(country.find(".//h1")) == title
    bilateral = fetch_page(client, f"/{language}/countries/ru/with/kg/")
    assert text(bilateral.find(".//h1")) == pair


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_public_never_sees_iso_codes(client, seed, language):
    page = text(fetch_page(client, f"/{language}/countries/kg/").find(".//main"))
    assert not re.search(r"\b(KG|KGZ|KG-[A-Z]{1,2}|ISO)\b", page)


# --- wording: the calques fixed in issue 12 must not come back ----------------

CALQUES = {
    "ru": [
        "Модерация",
        "Спикеры",
        "Участвовавшие люди",
        "Вовлечённые организации",
        "(по сообщению)",
        "Цифры по открытым событиям",
        "События с участием страны",
        "вместе со страной",
        "откройте его строку в таблице",
        "Киргизия",
        "Российская Федерация и",
    ],
    "ky": [
        "Модерация",
        "Биргелешкен иш-чаралар",
        "сөздөр англисче же орусча",
        "Орус Федерациясы",
        "Апрель",
    ],
    "en": ["Shaary", "LEADER OF", "Russian Federation and", "local time in"],
}


@pytest.mark.parametrize("language", ["ru", "ky"])
def test_catalogues_hold_none_of_the_calques(language):
    catalogue = polib.pofile(str(ROOT / "locale" / language / "LC_MESSAGES" / "django.po"))
    found = [
        (entry.msgid, calque)
        for entry in catalogue
        for translation in [entry.msgstr, *entry.msgstr_plural.values()]
        for calque in CALQUES[language]
        if calque in translation
    ]
    assert found == []


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    "path",
    [f"events/{SEED}/", "statistics/", "countries/ru/", "countries/ru/with/kg/", "search/"],
)
def test_pages_hold_none_of_the_calques(client, seed, language, path):
    page = text(fetch_page(client, f"/{language}/{path}").find(".//main"))
    assert [calque for calque in CALQUES[language] if calque in page] == []


def test_demo_english_uses_one_apostrophe():
    def english(value):
        if isinstance(value, dict):
            for key, item in value.items():
                yield from ([item] if key == "en" and isinstance(item, str) else english(item))
        elif isinstance(value, list | tuple):
            for item in value:
                yield from english(item)

    assert [line for line in english(EVENT) if "'" in line] == []
    assert [line for line in english(EVENT) if "LEADER" in line] == []


def test_person_page_quotes_in_the_readers_language(client, seed):
    tree = fetch_page(client, "/ru/people/konstantin-kosachev/")
    figure = next(section_of(tree, "person-quotes-heading").iter("figure"))
    shown, kept = list(figure.iter("blockquote"))
    assert (shown.get("lang"), kept.get("lang")) == ("ru", "en")
    assert text(shown).startswith("Межгосударственные отношения не случайно")
    assert text(figure.find("figcaption")) == (
        f"— {EVENT['title']['ru']}, 24 апреля 2023 г. (перевод редакции)"
    )
