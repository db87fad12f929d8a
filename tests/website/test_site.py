"""What every public page shares: languages, validity and accessibility, errors."""

import pytest

from tests.pages import (
    fetch,
    fetch_page,
    find_all,
    text,
)
from tests.seed import SEED, SEED_URL

pytestmark = pytest.mark.django_db


def test_every_page_links_its_other_languages(client, seed):
    tree = fetch_page(client, SEED_URL)
    alternates = {
        link.get("hreflang"): link.get("href")
        for link in find_all(tree, "link")
        if link.get("rel") == "alternate" and link.get("hreflang")
    }
    assert alternates == {
        "en": f"http://localhost:8000/en/events/{SEED}/",
        "ru": f"http://localhost:8000/ru/events/{SEED}/",
        "ky": f"http://localhost:8000/ky/events/{SEED}/",
        "x-default": f"http://localhost:8000/events/{SEED}/",
    }
    # x-default sends each reader to their own language.
    response = client.get(f"/events/{SEED}/", HTTP_ACCEPT_LANGUAGE="ky")
    assert response["Location"] == f"/ky/events/{SEED}/"
    switcher = tree.find(".//nav[@class='languages']")
    assert [(link.get("href"), text(link)) for link in switcher.iter("a")] == [
        (f"/en/events/{SEED}/", "English"),
        (f"/ru/events/{SEED}/", "Русский"),
        (f"/ky/events/{SEED}/", "Кыргызча"),
    ]


def test_language_switcher_keeps_the_filters(client, seed):
    tree = fetch_page(client, "/en/events/?kind=round_table&year=2023")
    switcher = tree.find(".//nav[@class='languages']")
    assert [link.get("href") for link in switcher.iter("a")][1] == (
        "/ru/events/?kind=round_table&year=2023"
    )


def test_unknown_page_is_a_404_in_the_site_layout(client):
    tree = fetch_page(client, "/en/no-such-page/", 404)
    assert text(tree.find(".//h1")) == "Page not found"


@pytest.mark.parametrize("language", ["en", "ru", "ky"])
def test_every_page_is_valid_and_accessible(client, seed, language):
    urls = [
        "/",
        "/events/",
        "/events/?country=kg&year=2023&ordering=title",
        f"/events/{SEED}/",
        "/competitions/",
        "/competitions/leader-of-peoples-diplomacy/",
        "/search/?q=Bishkek",
        "/statistics/",
        "/countries/",
        "/countries/kg/",
        "/countries/ru/with/kg/",
        "/people/konstantin-kosachev/",
        "/organizations/assembly-of-the-peoples-of-russia/",
    ]
    for url in urls:
        tree = fetch_page(client, f"/{language}{url}")
        assert tree.get("lang") == language


NOT_UNDERSTOOD = "This filter was left out."
NOT_FOUND = "There is no page at this address, or it is not public."


@pytest.mark.parametrize(
    ("url", "status", "message"),
    [
        (
            "/en/events/?year=99999999999999999999",
            400,
            "Year: Ensure this value is less than or equal to 2200.",
        ),
        (
            "/en/events/?country=%00",
            400,
            "Country (host or taking part): Null characters are not allowed.",
        ),
        (
            "/en/events/?organization=%00&person=%00&topic=%00&region=%00&host_country=%00",
            400,
            "Person: Null characters are not allowed.",
        ),
        ("/en/events/?q=%00", 400, "Words: Null characters are not allowed."),
        ("/en/events/?q=%26%7C%21%3A*()", 200, "0 events"),
        (
            "/en/events/?ordering=drop",
            400,
            "Sort by: Select a valid choice. drop is not one of the available choices.",
        ),
        ("/en/events/?page=-1", 400, "“-1” is not a page number; here is the first page."),
        ("/en/events/?page=1e9", 400, "“1e9” is not a page number; here is the first page."),
        ("/en/events/?kind=&country=&year=&topic=", 200, "1 event"),
        ("/en/events/?country=k", 400, "Country (host or taking part): Select a valid choice."),
        ("/en/search/?q=%00", 400, "Null characters are not allowed."),
        ("/en/search/?q=%26%7C%21", 200, "Nobody found."),
        ("/en/countries/ru/with/?country=%00", 400, "Choose a country from the list."),
        ("/en/countries/ru/with/?country=", 400, "Choose a country from the list."),
        ("/en/countries/%00/", 404, NOT_FOUND),
        ("/en/countries/ru/with/x/", 404, NOT_FOUND),
        ("/en/events/no-such-event/", 404, NOT_FOUND),
        ("/en/competitions/no-such-competition/", 404, NOT_FOUND),
        ("/en/people/nobody/", 404, NOT_FOUND),
        ("/en/organizations/nothing/", 404, NOT_FOUND),
    ],
)
def test_bad_addresses_and_parameters_are_named_never_a_500(client, seed, url, status, message):
    tree = fetch_page(client, url, status)
    assert message in text(tree.find(".//main"))
    if message.endswith(":") or (
        status == 400 and url.startswith("/en/events/?") and "page" not in url
    ):
        assert NOT_UNDERSTOOD in text(tree.find(".//main"))


@pytest.mark.parametrize(
    ("url", "status", "body"),
    [
        ("/en/events.ics?country=%00&page=abc", 400, b"country: Null characters are not allowed."),
        ("/en/events/no-such-event.ics", 404, NOT_FOUND.encode()),
    ],
)
def test_bad_calendar_addresses_are_named_never_a_500(client, seed, url, status, body):
    response = fetch(client, url, status)
    assert body in response.content


def test_favicon_is_served_for_every_page_including_the_admin(client):
    response = client.get("/favicon.ico")
    assert (response.status_code, response["Location"]) == (301, "/static/img/favicon.svg")
