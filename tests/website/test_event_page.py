"""An event's page (website/views/events.py, website/pages/event.py), through HTTP."""

import pytest

from events.models import Event, Participation
from tests.factories import (
    CountryFactory,
    EditionFactory,
    EventFactory,
    EventOrganizationFactory,
    OrganizationFactory,
    ParticipationFactory,
    QuoteFactory,
    SourceFactory,
    TopicFactory,
    UserFactory,
)
from tests.pages import (
    check_page,
    fetch,
    fetch_page,
    json_ld,
    list_titles,
    meta_content,
    queries_before_and_after_growth,
    section_of,
    text,
)
from tests.seed import SEED, SEED_TITLE, SEED_URL

pytestmark = pytest.mark.django_db


def _event_with(event, rows):
    for _ in range(rows):
        ParticipationFactory(event=event, role=Participation.Role.SPEAKER)
        ParticipationFactory(
            event=event,
            role=Participation.Role.ATTENDEE,
            person=None,
            position=None,
            position_title_en="Director",
            organization=OrganizationFactory(),
        )
        EventOrganizationFactory(event=event)
        QuoteFactory(event=event)
        SourceFactory(event=event)
        topic = TopicFactory()
        event.topics.add(topic)
        event.countries.add(CountryFactory())
        EventFactory(edition=event.edition).topics.add(topic)


def test_event_page_shows_the_seed_round_table(client, seed):
    tree = fetch_page(client, SEED_URL)
    assert text(tree.find(".//h1")) == SEED_TITLE
    facts = {
        text(row.find("dt")): row.find("dd")
        for row in tree.find(".//dl[@class='facts']").findall("div")
    }
    assert list(facts) == ["When", "Where", "Held as part of", "Countries taking part"]
    assert text(facts["When"]) == "24 April 2023"
    assert text(facts["Where"]) == "Bishkek, Kyrgyzstan"
    assert text(facts["Held as part of"]) == (
        "the competition Leader of People’s Diplomacy, 2023 edition"
    )
    assert [text(item) for item in facts["Countries taking part"].iter("li")] == [
        "Kyrgyzstan",
        "Russia",
    ]
    assert text(tree.find(".//p[@class='eyebrow']")) == "Round table"


def test_event_page_groups_participants_by_role_in_order(client, seed):
    section = section_of(fetch_page(client, SEED_URL), "participants-heading")
    assert [text(h3) for h3 in section.iter("h3")] == ["Welcome address", "Moderator", "Attending"]
    rows = [text(item) for item in section.iter("li")]
    assert rows[0] == (
        "Konstantin Kosachev Senator of the Russian Federation, Deputy Chairman of the "
        "Federation Council"
    )
    assert rows[1].startswith("Svetlana Smirnova First Deputy Secretary General")
    assert [row.split(" ")[1] for row in rows[2:9]] == [
        "Udovichenko",
        "Maksutov",
        "Zorin",
        "Musaev",
        "Khoperskaya",
        "Umetalieva",
        "Ruzin",
    ]
    assert rows[9] == (
        "Name not given in the source Director of the National Center for Public Diplomacy "
        "of the SCO National Center for Public Diplomacy of the SCO"
    )
    links = [link.get("href") for link in section.iter("a")]
    assert links[:2] == ["/en/people/konstantin-kosachev/", "/en/people/svetlana-smirnova/"]
    assert links[-1] == "/en/organizations/sco-national-center-for-public-diplomacy/"


def test_event_page_groups_participants_in_the_order_of_roles_not_of_entry(client):
    event = EventFactory()
    for role in reversed(Participation.Role.values):
        ParticipationFactory(event=event, role=role)
    section = section_of(fetch_page(client, event.get_absolute_url()), "participants-heading")
    assert [text(h3) for h3 in section.iter("h3")] == [
        "Welcome address",
        "Moderator",
        "Speakers",
        "Panelists",
        "Experts",
        "Jury",
        "Laureates",
        "Attending",
    ]


def test_event_page_groups_organizations_by_role(client, seed):
    section = section_of(fetch_page(client, SEED_URL), "organizations-heading")
    assert [text(h3) for h3 in section.iter("h3")] == ["Organized by", "Partners", "Supported by"]
    assert [link.get("href").split("/")[3] for link in section.iter("a")] == [
        "assembly-of-the-peoples-of-russia",
        "assembly-of-the-peoples-of-kyrgyzstan",
        "eurasian-peoples-assembly",
        "rossotrudnichestvo",
    ]


def test_event_page_shows_quotes_topics_and_sources(client, seed):
    tree = fetch_page(client, SEED_URL)
    quotes = section_of(tree, "quotes-heading")
    assert [text(caption) for caption in quotes.iter("figcaption")] == [
        "— Konstantin Kosachev",
        "— Svetlana Smirnova",
    ]
    assert text(next(quotes.iter("blockquote"))).startswith(
        "Relations between states are called people’s relations for a reason."
    )
    assert next(quotes.iter("blockquote")).get("lang") == "en"
    topics = section_of(tree, "topics-heading")
    assert [text(link) for link in topics.iter("a")] == [
        "Culture",
        "Education",
        "Information space",
        "Interethnic relations",
        "Science",
    ]
    assert next(topics.iter("a")).get("href") == "/en/events/?topic=culture"
    sources = section_of(tree, "sources-heading")
    assert text(next(sources.iter("li"))) == (
        "The Eurasian Peoples’ Assembly brings Russia and Kyrgyzstan closer "
        "Eurasian Peoples’ Assembly, under “Regions of Russia”, published 24 April 2023, "
        "18:42 UTC"
    )
    publisher = next(sources.iter("a"))
    assert publisher.get("href") == "/en/organizations/eurasian-peoples-assembly/"
    assert [time.get("datetime") for time in sources.iter("time")] == [
        "2023-04-24",
        "2023-04-24T18:42:00+00:00",
    ]


def test_event_page_links_sources_and_names_their_publisher(client):
    event = EventFactory()
    SourceFactory(event=event, publisher="TASS", rubric_en="", url="https://example.org/a")
    sources = section_of(fetch_page(client, event.get_absolute_url()), "sources-heading")
    link = next(sources.iter("a"))
    assert (link.get("href"), text(link)) == ("https://example.org/a", event.sources.get().title)
    assert "TASS" in text(next(sources.iter("li")))


def test_event_page_body_is_the_sanitised_html(client, seed):
    tree = fetch_page(client, SEED_URL)
    body = tree.find(".//div[@class='prose']")
    assert len(body.findall("p")) == 7
    assert text(body.find("p")).startswith("Russia and Kyrgyzstan continue to develop")


@pytest.mark.parametrize(
    ("status", "message", "schema_status"),
    [
        ("cancelled", "This event was cancelled.", "EventCancelled"),
        (
            "postponed",
            "This event was postponed; the dates below are the ones first announced.",
            "EventPostponed",
        ),
    ],
)
def test_event_page_shows_cancelled_and_postponed_events_as_such(
    client, status, message, schema_status
):
    event = EventFactory(status=status)
    tree = fetch_page(client, event.get_absolute_url())
    assert text(tree.find(".//p[@class='status status--" + status + "']")) == message
    assert json_ld(tree)[0]["eventStatus"] == f"https://schema.org/{schema_status}"


def test_event_page_has_open_graph_tags(client, seed):
    tree = fetch_page(client, SEED_URL)
    assert meta_content(tree, "og:title") == SEED_TITLE
    assert meta_content(tree, "og:url") == f"http://localhost:8000{SEED_URL}"
    assert meta_content(tree, "og:type") == "website"
    assert meta_content(tree, "og:locale") == "en_GB"
    assert meta_content(tree, "og:description").startswith(
        "Bishkek hosted an international round table"
    )


def test_event_page_in_russian_shows_russian_interface_and_content(client, seed):
    tree = fetch_page(client, f"/ru/events/{SEED}/")
    assert tree.get("lang") == "ru"
    assert text(tree.find(".//h1")).startswith("Международный круглый стол о роли")
    assert text(tree.find(".//h2[@id='participants-heading']")) == "Участники"
    assert text(tree.find(".//p[@class='eyebrow']")) == "Круглый стол"
    assert text(tree.find(".//dl[@class='facts']/div/dd")) == "24 апреля 2023 г."
    participants = section_of(tree, "participants-heading")
    assert text(next(participants.iter("a"))) == "Константин Косачёв"


def test_event_page_in_kyrgyz_shows_kyrgyz_interface(client, seed):
    tree = fetch_page(client, f"/ky/events/{SEED}/")
    assert text(tree.find(".//h2[@id='participants-heading']")) == "Катышуучулар"
    assert text(tree.find(".//h1")).startswith("Орус-кыргыз мамилелерин өнүктүрүүдөгү")


def test_event_page_marks_content_shown_in_a_fallback_language(client):
    event = EventFactory(title_en="Only in English", title_ru=None, summary_en="Summary")
    tree = fetch_page(client, f"/ky{event.get_absolute_url()[3:]}")
    h1 = tree.find(".//h1")
    assert (text(h1), h1.get("lang")) == ("Only in English", "en")
    assert tree.find(".//p[@class='lead']").get("lang") == "en"


def test_draft_event_is_not_found_by_the_public(client):
    event = EventFactory(status=Event.Status.DRAFT)
    fetch(client, event.get_absolute_url(), 404)
    fetch(client, f"/en/events/{event.slug}.ics", 404)
    client.force_login(UserFactory())
    fetch(client, event.get_absolute_url(), 404)
    assert list_titles(fetch_page(client, "/en/events/")) == []


def test_draft_event_is_previewed_by_editors_with_a_banner(editor_client):
    event = EventFactory(status=Event.Status.DRAFT, title_en="Coming forum")
    response = fetch(editor_client, event.get_absolute_url())
    tree = check_page(response.content)
    assert text(tree.find(".//div[@class='banner banner--draft']")) == (
        "Draft — This event is not published. Only editors can see this preview."
    )
    assert response["X-Robots-Tag"] == "noindex"
    assert response["Cache-Control"] == "private, no-store"
    listed = fetch_page(editor_client, "/en/events/")
    assert list_titles(listed) == ["Coming forum"]
    assert text(listed.find(".//span[@class='badge badge--draft']")) == "Draft"


def test_event_page_lists_related_events(client):
    edition = EditionFactory()
    topic = TopicFactory()
    event = EventFactory(edition=edition, title_en="Main")
    event.topics.add(topic)
    same_edition = EventFactory(edition=edition, title_en="Same edition")
    child = EventFactory(parent=event, title_en="Part of it")
    tagged = EventFactory(title_en="Same topic")
    tagged.topics.add(topic)
    EventFactory(title_en="Unrelated")
    draft = EventFactory(edition=edition, status=Event.Status.DRAFT, title_en="Draft")
    section = section_of(fetch_page(client, event.get_absolute_url()), "related-heading")
    titles = [text(h3) for h3 in section.iter("h3")]
    assert sorted(titles[:2]) == sorted([same_edition.title_en, child.title_en])
    assert titles[2:] == [tagged.title_en]
    assert draft.title_en not in titles


def test_event_page_queries_do_not_grow_with_rows(client, count_queries):
    event = EventFactory(edition=EditionFactory(), parent=EventFactory())
    before, after = queries_before_and_after_growth(
        count_queries,
        lambda: fetch(client, event.get_absolute_url()),
        lambda: _event_with(event, 2),
    )
    assert before == after


def test_event_page_cleans_a_body_written_around_the_services(client):
    event = EventFactory()
    # As an SQL import might: straight to the table, past the sanitiser.
    Event.objects.filter(pk=event.pk).update(body_en="<p>Hi</p><script>alert(1)</script>")
    html = client.get(event.get_absolute_url()).content.decode()
    assert "<p>Hi</p>" in html
    assert "alert(1)" not in html
