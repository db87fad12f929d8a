"""A draft is seen by editors only: on every page, list, feed and figure of the
site, not only the event list and the event's own page."""

import pytest

from events.models import Event
from tests.pages import fetch, fetch_page, section_of, text
from tests.seed import SECRET

pytestmark = pytest.mark.django_db


def _site_pages(draft_world) -> list[str]:
    host, guest = draft_world["host"].code.lower(), draft_world["guest"].code.lower()
    open_forum = draft_world["events"]["published"].slug
    return [
        "/en/",
        "/en/events/",
        "/en/events/?topic=culture",
        "/en/events/?organization=union",
        "/en/events/?person=speaker",
        f"/en/events/{open_forum}/",
        "/en/search/?q=Secret",
        "/en/search/?q=summit",
        "/en/competitions/",
        "/en/competitions/cup/",
        "/en/countries/",
        f"/en/countries/{host}/",
        f"/en/countries/{guest}/",
        f"/en/countries/{host}/with/{guest}/",
        "/en/people/speaker/",
        "/en/organizations/union/",
        "/en/events.ics",
        "/en/events/feed.atom",
        "/sitemap-events.xml",
    ]


def test_drafts_appear_nowhere_on_the_public_site(client, draft_world):
    for url in _site_pages(draft_world):
        content = fetch(client, url).content.decode()
        assert SECRET not in content, url
        assert "secret-summit" not in content, url
    # The public twin is there, so the pages did show events.
    assert "Open forum" in fetch(client, "/en/competitions/cup/").content.decode()
    for url in ("/en/events/secret-summit/", "/en/events/secret-summit.ics"):
        assert client.get(url).status_code == 404


def test_drafts_are_not_counted_in_statistics(client, draft_world):
    tree = fetch_page(client, "/en/statistics/")
    totals = [text(element) for element in tree.find(".//dl[@class='totals']").iter("dd")]
    # One public event; its speaker; the union and the speaker's employer;
    # its host and participating countries.
    assert totals == ["1", "1", "2", "2"]
    kinds = section_of(tree, "per-kind-heading").find(".//table/tbody")
    assert [link.get("href") for link in kinds.iter("a")] == ["/en/events/?kind=round_table"]
    assert Event.objects.count() == 3


def test_editors_see_drafts_where_the_public_does_not(editor_client, draft_world):
    # The same pages, for an editor: the draft shows (marked), so the test
    # above really looks where a draft would appear.
    for url in ("/en/competitions/cup/", "/en/people/speaker/", "/en/search/?q=Secret"):
        assert SECRET in fetch(editor_client, url).content.decode(), url


def test_a_country_only_a_draft_involves_is_no_filter_choice(client, draft_world):
    from django.core.cache import cache

    from tests.factories import CountryFactory

    draft_world["events"]["draft"].countries.add(CountryFactory(name_en="Draftland"))
    cache.clear()
    page = fetch(client, "/en/events/").content.decode()
    # The published event's countries are offered; the draft's own is not.
    assert ("Guestland" in page, "Hostland" in page, "Draftland" in page) == (True, True, False)
    statistics = fetch(client, "/en/statistics/").content.decode()
    assert "Draftland" not in statistics
