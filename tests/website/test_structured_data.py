"""schema.org JSON-LD of event pages (website/structured_data.py), read back with json."""

import datetime

import pytest

from tests.factories import (
    EventFactory,
)
from tests.pages import (
    check_page,
    fetch,
    fetch_page,
    find_all,
    json_ld,
    text,
)
from tests.seed import SEED_TITLE, SEED_URL

pytestmark = pytest.mark.django_db


def test_event_page_json_ld_describes_the_event(client, seed):
    (data,) = json_ld(fetch_page(client, SEED_URL))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Event"
    assert data["name"] == SEED_TITLE
    assert data["url"] == f"http://localhost:8000{SEED_URL}"
    assert (data["startDate"], data["endDate"]) == ("2023-04-24", "2023-04-24")
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"] == {
        "@type": "Place",
        "name": "Bishkek",
        "address": {
            "@type": "PostalAddress",
            "addressLocality": "Bishkek",
            "addressRegion": "Bishkek",
            "addressCountry": "KG",
        },
    }
    assert [item["name"] for item in data["organizer"]] == ["Assembly of the Peoples of Russia"]
    assert [item["name"] for item in data["performer"]] == [
        "Konstantin Kosachev",
        "Svetlana Smirnova",
    ]
    assert data["performer"][0] == {
        "@type": "Person",
        "name": "Konstantin Kosachev",
        "url": "http://localhost:8000/en/people/konstantin-kosachev/",
        "jobTitle": "Senator of the Russian Federation, Deputy Chairman of the Federation Council",
    }
    assert len(data["attendee"]) == 7
    assert data["superEvent"] == {
        "@type": "EventSeries",
        "name": "Leader of People’s Diplomacy 2023",
        "url": "http://localhost:8000/en/competitions/leader-of-peoples-diplomacy/",
    }


def test_event_page_json_ld_gives_times_with_the_venue_offset(client):
    event = EventFactory(
        start_time=datetime.time(10, 0), end_time=datetime.time(13, 30), timezone="Asia/Bishkek"
    )
    tree = fetch_page(client, event.get_absolute_url())
    (data,) = json_ld(tree)
    assert (data["startDate"], data["endDate"]) == (
        "2023-04-24T10:00:00+06:00",
        "2023-04-24T13:30:00+06:00",
    )
    when = text(tree.find(".//dl[@class='facts']/div/dd"))
    assert when == "24 April 2023, 10:00–13:30 Bishkek time"
    times = tree.find(".//dl[@class='facts']/div/dd").iter("time")
    assert [time.get("datetime") for time in times] == [
        "2023-04-24",
        "2023-04-24T10:00:00+06:00",
        "2023-04-24T13:30:00+06:00",
    ]


def test_event_page_json_ld_of_a_parent_event_and_an_online_one(client):
    parent = EventFactory(title_en="World Forum")
    child = EventFactory(parent=parent, online_url="https://example.org/live", venue_en="Hall A")
    (data,) = json_ld(fetch_page(client, child.get_absolute_url()))
    assert data["superEvent"] == {
        "@type": "Event",
        "name": "World Forum",
        "url": f"http://localhost:8000{parent.get_absolute_url()}",
    }
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert data["location"][1] == {"@type": "VirtualLocation", "url": "https://example.org/live"}


def test_event_page_does_not_name_a_draft_parent_to_the_public(client, editor):
    parent = EventFactory(title_en="Secret summit", status="draft")
    child = EventFactory(parent=parent, status="published")
    public = client.get(child.get_absolute_url()).content.decode()
    assert "Secret summit" not in public
    assert "superEvent" not in json_ld(fetch_page(client, child.get_absolute_url()))[0]
    client.force_login(editor)
    assert "Secret summit" in client.get(child.get_absolute_url()).content.decode()


def test_event_page_json_ld_cannot_close_its_script_element(client):
    title = "Forum </script><script>alert(1)</script> & more"
    event = EventFactory(title_en=title)
    response = fetch(client, event.get_absolute_url())
    assert b"</script><script>alert(1)" not in response.content
    tree = check_page(response.content)
    assert json_ld(tree)[0]["name"] == title
    assert len(find_all(tree, "script")) == 2  # the JSON-LD and site.js
