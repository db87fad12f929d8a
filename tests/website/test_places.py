"""Countries: the list, a country's page and the two-country view (website/views/places.py)."""

import datetime
import itertools

import pytest

from people.models import Country
from tests.factories import (
    CountryFactory,
    EventFactory,
    OrganizationFactory,
    PersonFactory,
    RegionFactory,
)
from tests.pages import (
    fetch,
    fetch_page,
    headings,
    items_of,
    queries_before_and_after_growth,
    section_of,
    text,
)

pytestmark = pytest.mark.django_db


def test_country_list_counts_events_hosted_or_joined(client, seed):
    tree = fetch_page(client, "/en/countries/")
    assert [text(item) for item in tree.find(".//ul[@class='columns-list']").findall("li")] == [
        "Kyrgyzstan 1 event",
        "Russia 1 event",
    ]


def test_bilateral_page_groups_events_involving_both_by_year(client):
    kg, ru, kz = (Country.objects.get(code=code) for code in ("KG", "RU", "KZ"))
    EventFactory(
        title_en="In Bishkek with Russia", host_country=kg, start_date=datetime.date(2023, 4, 24)
    ).countries.add(ru)
    EventFactory(
        title_en="In Moscow with Kyrgyzstan", host_country=ru, start_date=datetime.date(2022, 3, 1)
    ).countries.add(kg)
    EventFactory(
        title_en="Both elsewhere", host_country=kz, start_date=datetime.date(2023, 1, 1)
    ).countries.add(kg, ru)
    EventFactory(title_en="Kyrgyzstan alone", host_country=kg)
    tree = fetch_page(client, "/en/countries/ru/with/kg/")
    assert text(tree.find(".//h1")) == "Russia and Kyrgyzstan"
    assert [(level, title) for level, title in headings(tree) if level > 1] == [
        (2, "2023"),
        (3, "In Bishkek with Russia"),
        (3, "Both elsewhere"),
        (2, "2022"),
        (3, "In Moscow with Kyrgyzstan"),
    ]


def test_bilateral_page_addresses(client):
    assert client.get("/en/countries/RU/with/KG/")["Location"] == "/en/countries/ru/with/kg/"
    assert client.get("/en/countries/ru/with/ru/")["Location"] == "/en/countries/ru/"
    assert client.get("/en/countries/ru/with/?country=KG")["Location"] == (
        "/en/countries/ru/with/kg/"
    )
    assert client.get("/en/countries/ru/with/zz/").status_code == 404
    assert client.get("/en/countries/ru/with/?country=zz").status_code == 400


def test_bilateral_page_queries_do_not_grow_with_rows(client, count_queries):
    kg, ru = Country.objects.get(code="KG"), Country.objects.get(code="RU")
    years = itertools.count(2000)

    def grow():
        EventFactory(host_country=kg, start_date=datetime.date(next(years), 1, 1)).countries.add(ru)

    before, after = queries_before_and_after_growth(
        count_queries, lambda: fetch(client, "/en/countries/kg/with/ru/"), grow
    )
    assert before == after


@pytest.mark.parametrize(
    "path",
    [
        "/en/countries/%00a/",
        "/en/countries/a%00/",
        "/en/countries/ru/with/%00a/",
        "/en/countries/é1/",
    ],
)
def test_country_addresses_that_are_no_iso_code_are_404(client, path):
    assert client.get(path).status_code == 404


def test_country_page_shows_events_held_there_and_involving_it(client, seed):
    tree = fetch_page(client, "/en/countries/ru/")
    assert text(tree.find(".//h1")) == "Russia"
    held = section_of(tree, "country-held-heading")
    assert text(held.find("h2")) == "Events held in Russia"
    assert text(held.find("p")) == "None on record."
    involving = section_of(tree, "country-involving-heading")
    assert [text(h3) for h3 in involving.iter("h3")] == [
        "International round table on the role of public diplomacy in the development of "
        "Russian-Kyrgyz relations"
    ]
    partners = section_of(tree, "country-partners-heading")
    link = partners.find(".//a")
    assert (text(link), link.get("href")) == (
        "Russia and Kyrgyzstan",
        "/en/countries/ru/with/kg/",
    )
    form = partners.find(".//form")
    assert form.get("action") == "/en/countries/ru/with/"
    assert "ru" not in [option.get("value") for option in form.iter("option")]
    organizations = section_of(tree, "organizations-heading")
    assert "Assembly of the Peoples of Russia" in items_of(organizations)
    regions = section_of(tree, "regions-heading")
    assert text(regions.find(".//summary")) == "83 regions"


def test_country_page_of_the_host_lists_its_regions_with_events(client, seed):
    tree = fetch_page(client, "/en/countries/kg/")
    held = section_of(tree, "country-held-heading")
    assert len(list(held.iter("h3"))) == 1
    by_region = section_of(tree, "country-regions-events-heading")
    assert items_of(by_region) == ["Bishkek 1 event"]
    assert by_region.find(".//a").get("href") == "/en/events/?region=kg-gb"
    regions = section_of(tree, "regions-heading")
    # Names as readers know them, never ISO codes or spellings ("Bishkek Shaary").
    assert items_of(regions) == [
        "Batken Region",
        "Bishkek",
        "Chüy Region",
        "Issyk-Kul Region",
        "Jalal-Abad Region",
        "Naryn Region",
        "Osh",
        "Osh Region",
        "Talas Region",
    ]
    assert regions.find("details").get("open") is not None


def test_country_page_addresses(client):
    response = client.get("/en/countries/KG/")
    assert (response.status_code, response["Location"]) == (301, "/en/countries/kg/")
    assert client.get("/en/countries/zz/").status_code == 404
    assert client.get("/en/countries/kgz/").status_code == 404
    tree = fetch_page(client, "/en/countries/tv/")
    assert [title for level, title in headings(tree) if level == 2] == [
        "Events held in Tuvalu",
        "Events elsewhere with Tuvalu taking part",
        "Tuvalu with other countries",
        "Regions",
    ]


def test_country_page_queries_do_not_grow_with_rows(client, count_queries):
    kg = Country.objects.get(code="KG")
    years = itertools.count(2000)

    def grow():
        for _ in range(2):
            region = RegionFactory(country=kg)
            EventFactory(
                host_country=kg, region=region, start_date=datetime.date(next(years), 1, 1)
            )
            elsewhere = EventFactory(host_country=CountryFactory())
            elsewhere.countries.add(kg)
            OrganizationFactory(country=kg)
            PersonFactory(country=kg)

    before, after = queries_before_and_after_growth(
        count_queries, lambda: client.get("/en/countries/kg/"), grow
    )
    assert before == after
