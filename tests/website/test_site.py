"""What every public page shares: languages, validity and accessibility, errors."""

import pytest

from tests.pages import (
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


@pytest.mark.parametrize(
    "url",
    [
        "/en/events/?year=99999999999999999999",
        "/en/events/?country=%00",
        "/en/events/?organization=%00&person=%00&topic=%00&region=%00&host_country=%00",
        "/en/events/?q=%00",
        "/en/events/?q=%26%7C%21%3A*()",
        "/en/events/?ordering=drop",
        "/en/events/?page=-1",
        "/en/events/?page=1e9",
        "/en/events/?kind=&country=&year=&topic=",
        "/en/events/?country=k",
        "/en/events.ics?country=%00&page=abc",
        "/en/search/?q=%00",
        "/en/search/?q=%26%7C%21",
        "/en/countries/ru/with/?country=%00",
        "/en/countries/ru/with/?country=",
        "/en/countries/%00/",
        "/en/countries/ru/with/x/",
        "/en/events/no-such-event/",
        "/en/events/no-such-event.ics",
        "/en/competitions/no-such-competition/",
        "/en/people/nobody/",
        "/en/organizations/nothing/",
    ],
)
def test_bad_addresses_and_parameters_never_give_a_500(client, seed, url):
    response = client.get(url)
    assert response.status_code in {200, 400, 404}, url


def test_favicon_is_served_for_every_page_including_the_admin(client):
    response = client.get("/favicon.ico")
    assert (response.status_code, response["Location"]) == (301, "/static/img/favicon.svg")
