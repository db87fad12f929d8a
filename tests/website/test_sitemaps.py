"""sitemap.xml and robots.txt (website/sitemaps.py, website/views/meta.py), read back as XML."""

import xml.etree.ElementTree as ET

import pytest

from events.models import Event
from tests.factories import (
    CompetitionFactory,
    EventFactory,
    OrganizationFactory,
    PersonFactory,
)
from tests.pages import (
    SITE,
    queries_before_and_after_growth,
)
from tests.seed import SEED
from website.sitemaps import EventSitemap, SiteSitemap

pytestmark = pytest.mark.django_db


def test_sitemap_addresses_with_other_parameters_redirect_to_the_bare_one(client):
    response = client.get("/sitemap-events.xml?p=1&junk=2")
    assert (response.status_code, response["Location"]) == (301, "/sitemap-events.xml?p=1")
    assert client.get("/sitemap.xml?x=1")["Location"] == "/sitemap.xml"


SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


XHTML = "{http://www.w3.org/1999/xhtml}"


def _xml(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    # Our own responses, not untrusted XML.
    return ET.fromstring(response.content)  # noqa: S314


def _sitemap(client, url):
    """{address: {hreflang: alternate}} of a sitemap section."""
    root = _xml(client, url)
    assert root.tag == f"{SITEMAP}urlset"
    return {
        entry.find(f"{SITEMAP}loc").text: {
            link.get("hreflang"): link.get("href") for link in entry.findall(f"{XHTML}link")
        }
        for entry in root.findall(f"{SITEMAP}url")
    }


def test_sitemap_index_lists_a_sitemap_per_kind_of_page(client):
    root = _xml(client, "/sitemap.xml")
    assert root.tag == f"{SITEMAP}sitemapindex"
    assert [entry.find(f"{SITEMAP}loc").text for entry in root] == [
        f"{SITE}/sitemap-{section}.xml"
        for section in ("pages", "events", "competitions", "people", "organizations", "countries")
    ]


def test_sitemap_lists_every_public_event_in_every_language(client, seed):
    cancelled = EventFactory(status="cancelled")
    EventFactory(status=Event.Status.DRAFT, slug="secret")
    urls = _sitemap(client, "/sitemap-events.xml")
    expected = {
        f"{SITE}/{language}/events/{slug}/"
        for slug in (SEED, cancelled.slug)
        for language in ("en", "ru", "ky")
    }
    assert set(urls) == expected
    assert urls[f"{SITE}/ru/events/{SEED}/"] == {
        "en": f"{SITE}/en/events/{SEED}/",
        "ru": f"{SITE}/ru/events/{SEED}/",
        "ky": f"{SITE}/ky/events/{SEED}/",
        "x-default": f"{SITE}/events/{SEED}/",
    }


def test_sitemap_pages_split_items_and_languages_without_gaps(client, monkeypatch):
    monkeypatch.setattr(EventSitemap, "limit", 4)
    slugs = [EventFactory().slug for _ in range(3)]
    index = [entry.find(f"{SITEMAP}loc").text for entry in _xml(client, "/sitemap.xml")]
    assert index[1:4] == [
        f"{SITE}/sitemap-events.xml",
        f"{SITE}/sitemap-events.xml?p=2",
        f"{SITE}/sitemap-events.xml?p=3",
    ]
    pages = [list(_sitemap(client, f"/sitemap-events.xml?p={number}")) for number in (1, 2, 3)]
    assert [len(page) for page in pages] == [4, 4, 1]
    assert sorted(url for page in pages for url in page) == sorted(
        f"{SITE}/{language}/events/{slug}/" for slug in slugs for language in ("en", "ru", "ky")
    )


def test_sitemap_lists_people_organizations_competitions_countries_and_pages(client, seed):
    people = _sitemap(client, "/sitemap-people.xml")
    assert f"{SITE}/ky/people/konstantin-kosachev/" in people
    assert len(people) == 9 * 3
    organizations = _sitemap(client, "/sitemap-organizations.xml")
    assert len(organizations) == 13 * 3
    assert set(_sitemap(client, "/sitemap-competitions.xml")) == {
        f"{SITE}/{language}/competitions/leader-of-peoples-diplomacy/"
        for language in ("en", "ru", "ky")
    }
    countries = {url.split("/")[-2] for url in _sitemap(client, "/sitemap-countries.xml")}
    assert countries == {"kg", "ru"}
    pages = _sitemap(client, "/sitemap-pages.xml")
    assert f"{SITE}/en/statistics/" in pages
    assert f"{SITE}/ky/events/" in pages


def test_sitemap_queries_do_not_grow_with_rows(client, count_queries, monkeypatch):
    def grow():
        for _ in range(3):
            EventFactory()
            PersonFactory()
            OrganizationFactory()
            CompetitionFactory()

    for section in ("events", "people", "organizations", "competitions", "countries"):
        before, after = queries_before_and_after_growth(
            count_queries, lambda section=section: client.get(f"/sitemap-{section}.xml"), grow
        )
        assert before == after
    # Pages of two addresses, so that the index lists more pages as rows grow.
    monkeypatch.setattr(SiteSitemap, "limit", 2)
    before, after = queries_before_and_after_growth(
        count_queries, lambda: client.get("/sitemap.xml"), grow
    )
    assert before == after


def test_robots_txt_points_at_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode().splitlines() == [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /i18n/",
        "Disallow: /en/search/",
        "Disallow: /ru/search/",
        "Disallow: /ky/search/",
        "",
        f"Sitemap: {SITE}/sitemap.xml",
    ]
