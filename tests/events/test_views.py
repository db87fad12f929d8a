"""The public pages about events, driven through HTTP as a reader uses them."""

import datetime
import itertools

import pytest
from django.core.management import call_command

from events.models import Event, Participation
from events.search import refresh_event_search
from people.models import Country
from people.search import refresh_organization_search, refresh_person_search
from tests.factories import (
    CompetitionFactory,
    EditionFactory,
    EntryFactory,
    EventFactory,
    EventOrganizationFactory,
    NominationFactory,
    OrganizationFactory,
    ParticipationFactory,
    PersonFactory,
    QuoteFactory,
    RegionFactory,
    SourceFactory,
    TopicFactory,
    UserFactory,
)
from tests.pages import (
    SVG,
    check_page,
    find_all,
    headings,
    json_ld,
    queries_before_and_after_growth,
    text,
)

pytestmark = pytest.mark.django_db

SEED = "round-table-public-diplomacy-russia-kyrgyzstan-2023"
SEED_URL = f"/en/events/{SEED}/"
SEED_TITLE = (
    "International round table on the role of public diplomacy in the development "
    "of Russian-Kyrgyz relations"
)


@pytest.fixture
def seed(db):
    call_command("load_demo_data")
    return Event.objects.get(slug=SEED)


def _get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.content[:2000]
    return response


def _page(client, url, status=200):
    return check_page(_get(client, url, status).content)


def _section(tree, heading_id):
    """The <section> labelled by the heading with this id."""
    for section in find_all(tree, "section"):
        if section.get("aria-labelledby") == heading_id:
            return section
    raise AssertionError(f"no section {heading_id}")


def _list_titles(tree):
    return [text(element) for element in tree.iter() if element.get("class") == "event-item__title"]


def _meta(tree, key):
    for meta in find_all(tree, "meta"):
        if key in (meta.get("property"), meta.get("name")):
            return meta.get("content")
    return None


# --- the event page ------------------------------------------------------------


def test_event_page_shows_the_seed_round_table(client, seed):
    tree = _page(client, SEED_URL)
    assert text(tree.find(".//h1")) == SEED_TITLE
    facts = {
        text(row.find("dt")): row.find("dd")
        for row in tree.find(".//dl[@class='facts']").findall("div")
    }
    assert list(facts) == ["When", "Where", "Held as part of", "Countries taking part"]
    assert text(facts["When"]) == "April 24, 2023"
    assert text(facts["Where"]) == "Bishkek, Bishkek Shaary, Kyrgyzstan"
    assert text(facts["Held as part of"]) == (
        "the competition Leader of People's Diplomacy, 2023 edition"
    )
    assert [text(item) for item in facts["Countries taking part"].iter("li")] == [
        "Kyrgyzstan",
        "Russian Federation",
    ]
    assert text(tree.find(".//p[@class='eyebrow']")) == "Round table"


def test_event_page_groups_participants_by_role_in_order(client, seed):
    section = _section(_page(client, SEED_URL), "participants-heading")
    assert [text(h3) for h3 in section.iter("h3")] == ["Welcome address", "Moderation", "Attending"]
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
    section = _section(_page(client, event.get_absolute_url()), "participants-heading")
    assert [text(h3) for h3 in section.iter("h3")] == [
        "Welcome address",
        "Moderation",
        "Speakers",
        "Panelists",
        "Experts",
        "Jury",
        "Laureates",
        "Attending",
    ]


def test_event_page_groups_organizations_by_role(client, seed):
    section = _section(_page(client, SEED_URL), "organizations-heading")
    assert [text(h3) for h3 in section.iter("h3")] == ["Organized by", "Partners", "Supported by"]
    assert [link.get("href").split("/")[3] for link in section.iter("a")] == [
        "assembly-of-the-peoples-of-russia",
        "assembly-of-the-peoples-of-kyrgyzstan",
        "eurasian-peoples-assembly",
        "rossotrudnichestvo",
    ]


def test_event_page_shows_quotes_topics_and_sources(client, seed):
    tree = _page(client, SEED_URL)
    quotes = _section(tree, "quotes-heading")
    assert [text(caption) for caption in quotes.iter("figcaption")] == [
        "— Konstantin Kosachev",
        "— Svetlana Smirnova",
    ]
    assert text(next(quotes.iter("blockquote"))).startswith(
        "Relations between states are called people's relations for a reason."
    )
    assert next(quotes.iter("blockquote")).get("lang") == "en"
    topics = _section(tree, "topics-heading")
    assert [text(link) for link in topics.iter("a")] == [
        "Culture",
        "Education",
        "Information space",
        "Interethnic relations",
        "Science",
    ]
    assert next(topics.iter("a")).get("href") == "/en/events/?topic=culture"
    sources = _section(tree, "sources-heading")
    assert text(next(sources.iter("li"))) == (
        "The Eurasian Peoples' Assembly brings Russia and Kyrgyzstan closer under "
        "“Regions of Russia”, published April 24, 2023, 6:42 p.m. UTC"
    )
    assert next(sources.iter("time")).get("datetime") == "2023-04-24T18:42:00+00:00"


def test_event_page_links_sources_and_names_their_publisher(client):
    event = EventFactory()
    SourceFactory(event=event, publisher="TASS", rubric_en="", url="https://example.org/a")
    sources = _section(_page(client, event.get_absolute_url()), "sources-heading")
    link = next(sources.iter("a"))
    assert (link.get("href"), text(link)) == ("https://example.org/a", event.sources.get().title)
    assert "TASS" in text(next(sources.iter("li")))


def test_event_page_body_is_the_sanitised_html(client, seed):
    tree = _page(client, SEED_URL)
    body = tree.find(".//div[@class='prose']")
    assert len(body.findall("p")) == 7
    assert text(body.find("p")).startswith("Russia and Kyrgyzstan continue to develop")


def test_event_page_json_ld_describes_the_event(client, seed):
    (data,) = json_ld(_page(client, SEED_URL))
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
            "addressRegion": "Bishkek Shaary",
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
        "name": "Leader of People's Diplomacy 2023",
        "url": "http://localhost:8000/en/competitions/leader-of-peoples-diplomacy/",
    }


def test_event_page_json_ld_gives_times_with_the_venue_offset(client):
    event = EventFactory(
        start_time=datetime.time(10, 0), end_time=datetime.time(13, 30), timezone="Asia/Bishkek"
    )
    tree = _page(client, event.get_absolute_url())
    (data,) = json_ld(tree)
    assert (data["startDate"], data["endDate"]) == (
        "2023-04-24T10:00:00+06:00",
        "2023-04-24T13:30:00+06:00",
    )
    when = text(tree.find(".//dl[@class='facts']/div/dd"))
    assert when == "April 24, 2023, 10 a.m. – 1:30 p.m. (local time in Asia/Bishkek, UTC+06:00)"
    times = tree.find(".//dl[@class='facts']/div/dd").findall("time")
    assert [time.get("datetime") for time in times] == [
        "2023-04-24T10:00:00+06:00",
        "2023-04-24T13:30:00+06:00",
    ]


def test_event_page_json_ld_of_a_parent_event_and_an_online_one(client):
    parent = EventFactory(title_en="World Forum")
    child = EventFactory(parent=parent, online_url="https://example.org/live", venue_en="Hall A")
    (data,) = json_ld(_page(client, child.get_absolute_url()))
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
    assert "superEvent" not in json_ld(_page(client, child.get_absolute_url()))[0]
    client.force_login(editor)
    assert "Secret summit" in client.get(child.get_absolute_url()).content.decode()


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
    tree = _page(client, event.get_absolute_url())
    assert text(tree.find(".//p[@class='status status--" + status + "']")) == message
    assert json_ld(tree)[0]["eventStatus"] == f"https://schema.org/{schema_status}"


def test_event_page_has_open_graph_tags(client, seed):
    tree = _page(client, SEED_URL)
    assert _meta(tree, "og:title") == SEED_TITLE
    assert _meta(tree, "og:url") == f"http://localhost:8000{SEED_URL}"
    assert _meta(tree, "og:type") == "website"
    assert _meta(tree, "og:locale") == "en_GB"
    assert _meta(tree, "og:description").startswith("Bishkek hosted an international round table")


def test_every_page_links_its_other_languages(client, seed):
    tree = _page(client, SEED_URL)
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
    tree = _page(client, "/en/events/?kind=round_table&year=2023")
    switcher = tree.find(".//nav[@class='languages']")
    assert [link.get("href") for link in switcher.iter("a")][1] == (
        "/ru/events/?kind=round_table&year=2023"
    )


def test_event_page_in_russian_shows_russian_interface_and_content(client, seed):
    tree = _page(client, f"/ru/events/{SEED}/")
    assert tree.get("lang") == "ru"
    assert text(tree.find(".//h1")).startswith("Международный круглый стол о роли")
    assert text(tree.find(".//h2[@id='participants-heading']")) == "Участники"
    assert text(tree.find(".//p[@class='eyebrow']")) == "Круглый стол"
    assert text(tree.find(".//dl[@class='facts']/div/dd")) == "24 апреля 2023 г."
    participants = _section(tree, "participants-heading")
    assert text(next(participants.iter("a"))) == "Константин Косачёв"


def test_event_page_in_kyrgyz_shows_kyrgyz_interface(client, seed):
    tree = _page(client, f"/ky/events/{SEED}/")
    assert text(tree.find(".//h2[@id='participants-heading']")) == "Катышуучулар"
    assert text(tree.find(".//h1")).startswith("Орус-кыргыз мамилелерин өнүктүрүүдөгү")


def test_event_page_marks_content_shown_in_a_fallback_language(client):
    event = EventFactory(title_en="Only in English", title_ru=None, summary_en="Summary")
    tree = _page(client, f"/ky{event.get_absolute_url()[3:]}")
    h1 = tree.find(".//h1")
    assert (text(h1), h1.get("lang")) == ("Only in English", "en")
    assert tree.find(".//p[@class='lead']").get("lang") == "en"


def test_draft_event_is_not_found_by_the_public(client):
    event = EventFactory(status=Event.Status.DRAFT)
    _get(client, event.get_absolute_url(), 404)
    _get(client, f"/en/events/{event.slug}.ics", 404)
    client.force_login(UserFactory())
    _get(client, event.get_absolute_url(), 404)
    assert _list_titles(_page(client, "/en/events/")) == []


def test_draft_event_is_previewed_by_editors_with_a_banner(editor_client):
    event = EventFactory(status=Event.Status.DRAFT, title_en="Coming forum")
    response = _get(editor_client, event.get_absolute_url())
    tree = check_page(response.content)
    assert text(tree.find(".//div[@class='banner banner--draft']")) == (
        "Draft — This event is not published. Only editors can see this preview."
    )
    assert response["X-Robots-Tag"] == "noindex"
    assert response["Cache-Control"] == "private, no-store"
    listed = _page(editor_client, "/en/events/")
    assert _list_titles(listed) == ["Coming forum"]
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
    section = _section(_page(client, event.get_absolute_url()), "related-heading")
    titles = [text(h3) for h3 in section.iter("h3")]
    assert sorted(titles[:2]) == sorted([same_edition.title_en, child.title_en])
    assert titles[2:] == [tagged.title_en]
    assert draft.title_en not in titles


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
        event.countries.add(Country.objects.order_by("?").first())
        EventFactory(edition=event.edition).topics.add(topic)


def test_event_page_queries_do_not_grow_with_rows(client, count_queries):
    event = EventFactory(edition=EditionFactory(), parent=EventFactory())
    before, after = queries_before_and_after_growth(
        count_queries,
        lambda: _get(client, event.get_absolute_url()),
        lambda: _event_with(event, 2),
    )
    assert before == after


# --- the event list ------------------------------------------------------------


def test_event_list_shows_public_events_newest_first(client):
    EventFactory(title_en="Old", start_date=datetime.date(2020, 1, 1))
    EventFactory(title_en="New", start_date=datetime.date(2024, 1, 1))
    EventFactory(title_en="Cancelled", start_date=datetime.date(2022, 1, 1), status="cancelled")
    EventFactory(title_en="Hidden", status=Event.Status.DRAFT)
    tree = _page(client, "/en/events/")
    assert _list_titles(tree) == ["New", "Cancelled", "Old"]
    assert text(tree.find(".//h2[@id='results-heading']")) == "3 events"
    assert text(tree.find(".//span[@class='badge badge--cancelled']")) == "Cancelled"


@pytest.fixture
def catalogue(db):
    """Events that each filter picks apart."""
    kg, ru, kz = (Country.objects.get(code=code) for code in ("KG", "RU", "KZ"))
    person = PersonFactory(slug="anna")
    organization = OrganizationFactory(slug="union")
    topic = TopicFactory(slug="culture")
    bishkek = EventFactory(
        title_en="Bishkek forum",
        kind="forum",
        host_country=kg,
        region_id="KG-GB",
        start_date=datetime.date(2023, 4, 24),
    )
    bishkek.countries.add(ru)
    moscow = EventFactory(
        title_en="Moscow round table", host_country=ru, start_date=datetime.date(2022, 5, 1)
    )
    moscow.topics.add(topic)
    ParticipationFactory(event=moscow, person=person)
    astana = EventFactory(
        title_en="Astana seminar",
        kind="seminar",
        host_country=kz,
        start_date=datetime.date(2023, 9, 1),
    )
    EventOrganizationFactory(event=astana, organization=organization)
    online = EventFactory(
        title_en="Online talk",
        kind="meeting",
        host_country=None,
        start_date=datetime.date(2021, 2, 2),
    )
    ParticipationFactory(event=online, person=PersonFactory(), organization=organization)
    refresh_event_search(Event.objects.values_list("pk", flat=True))
    return {"person": person, "organization": organization}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kind=forum", ["Bishkek forum"]),
        ("country=kg", ["Bishkek forum"]),
        ("country=RU", ["Bishkek forum", "Moscow round table"]),
        ("host_country=ru", ["Moscow round table"]),
        ("region=kg-gb", ["Bishkek forum"]),
        ("year=2023", ["Astana seminar", "Bishkek forum"]),
        ("organization=union", ["Astana seminar"]),
        ("organization_involved=union", ["Astana seminar", "Online talk"]),
        ("person=anna", ["Moscow round table"]),
        ("topic=culture", ["Moscow round table"]),
        ("q=Astana", ["Astana seminar"]),
        ("country=ru&year=2023", ["Bishkek forum"]),
        ("year=2023&kind=seminar&organization=union", ["Astana seminar"]),
        ("country=ru&kind=seminar", []),
    ],
)
def test_event_list_filters_combine(client, catalogue, query, expected):
    tree = _page(client, f"/en/events/?{query}")
    assert _list_titles(tree) == expected


@pytest.mark.parametrize(
    ("ordering", "expected"),
    [
        ("-start", ["Astana seminar", "Bishkek forum", "Moscow round table", "Online talk"]),
        ("start", ["Online talk", "Moscow round table", "Bishkek forum", "Astana seminar"]),
        ("title", ["Astana seminar", "Bishkek forum", "Moscow round table", "Online talk"]),
    ],
)
def test_event_list_sorts(client, catalogue, ordering, expected):
    assert _list_titles(_page(client, f"/en/events/?ordering={ordering}")) == expected


def test_event_list_sorts_titles_by_the_shown_language(client):
    EventFactory(title_en="Alpha", title_ru="Яблоко")
    EventFactory(title_en="Beta", title_ru="Арбуз")
    EventFactory(title_en="Gamma", title_ru=None)
    assert _list_titles(_page(client, "/ru/events/?ordering=title")) == ["Gamma", "Арбуз", "Яблоко"]


def test_event_list_keeps_its_state_in_the_form(client, catalogue):
    tree = _page(client, "/en/events/?kind=seminar&country=kz&year=2023&organization=union")
    form = tree.find(".//form[@class='filter-form']")
    assert form.get("method") == "get"
    selected = {
        select.get("name"): option.get("value")
        for select in form.iter("select")
        for option in select.iter("option")
        if option.get("selected") is not None and option.get("value")
    }
    assert selected == {"kind": "seminar", "country": "kz", "year": "2023"}
    hidden = {
        field.get("name"): field.get("value")
        for field in form.iter("input")
        if field.get("type") == "hidden"
    }
    assert hidden == {"organization": "union"}
    active = tree.find(".//ul[@class='active-filters']")
    assert [text(item.find("strong")) for item in active.findall("li")] == [
        "Seminar",
        "Kazakhstan",
        "2023",
        catalogue["organization"].name,
    ]
    removal = [item.find("a").get("href") for item in active.findall("li")]
    assert removal[0] == "/en/events/?country=kz&year=2023&organization=union"


def test_event_list_offers_only_countries_and_years_with_events(client, catalogue):
    form = _page(client, "/en/events/").find(".//form[@class='filter-form']")
    options = {
        select.get("name"): [option.get("value") for option in select.iter("option")]
        for select in form.iter("select")
    }
    assert options["country"] == ["", "kz", "kg", "ru"]
    assert options["year"] == ["", "2023", "2022", "2021"]
    assert options["kind"][:3] == ["", "round_table", "competition"]
    assert options["topic"] == ["", "culture"]


def test_event_list_paginates_and_keeps_filters_in_page_links(client):
    for day in range(45):
        EventFactory(start_date=datetime.date(2023, 1, 1) + datetime.timedelta(days=day))
    tree = _page(client, "/en/events/?kind=round_table&page=2")
    assert len(_list_titles(tree)) == 20
    assert text(tree.find(".//h2[@id='results-heading']")) == "45 events"
    pages = tree.find(".//nav[@class='pagination']")
    links = {text(link): link.get("href") for link in pages.iter("a")}
    assert links["Previous"] == "?kind=round_table&page=1"
    assert links["Next"] == "?kind=round_table&page=3"
    assert [link.get("aria-current") for link in pages.iter("a") if text(link) == "2"] == ["page"]
    assert len(_list_titles(_page(client, "/en/events/?kind=round_table&page=3"))) == 5


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("year=abc", "Year: Enter a whole number. This filter was left out."),
        (
            "kind=party",
            "Kind: Select a valid choice. party is not one of the available choices. "
            "This filter was left out.",
        ),
        (
            "country=zz",
            "Country (host or taking part): Select a valid choice. That choice is not "
            "one of the available choices. This filter was left out.",
        ),
        (
            "organization=nobody",
            "Organization: Select a valid choice. That choice is not one of "
            "the available choices. This filter was left out.",
        ),
        ("page=abc", "“abc” is not a page number; here is the first page."),
        ("page=0", "“0” is not a page number; here is the first page."),
    ],
)
def test_event_list_reports_bad_parameters_and_leaves_them_out(client, query, message):
    EventFactory(title_en="Still listed")
    response = client.get(f"/en/events/?{query}")
    assert response.status_code == 400
    tree = check_page(response.content)
    notice = tree.find(".//div[@class='notice notice--error']")
    assert [text(item) for item in notice.iter("li")] == [message]
    assert _list_titles(tree) == ["Still listed"]


def test_event_list_beyond_its_last_page_is_empty_with_a_message(client):
    EventFactory()
    response = client.get("/en/events/?page=9999")
    assert response.status_code == 200
    tree = check_page(response.content)
    notice = tree.find(".//div[@class='notice notice--error']")
    assert [text(item) for item in notice.iter("li")] == ["There is no page 9999: this list has 1."]
    assert _list_titles(tree) == []
    assert response["X-Robots-Tag"] == "noindex"


def test_event_list_links_its_calendar_with_the_same_filters(client, catalogue):
    tree = _page(client, "/en/events/?kind=forum&page=1&ordering=title")
    link = tree.find(".//p[@class='subscribe']/a")
    assert link.get("href") == "/en/events.ics?kind=forum"


def test_event_list_queries_do_not_grow_with_rows(client, count_queries, catalogue):
    filtered = "/en/events/?country=ru&organization=union&person=anna&topic=culture&year=2023"

    def grow():
        for _ in range(3):
            region = RegionFactory()
            event = EventFactory(host_country=region.country, region=region)
            event.topics.add(TopicFactory())

    for url in ("/en/events/", filtered):
        before, after = queries_before_and_after_growth(
            count_queries, lambda url=url: _get(client, url), grow
        )
        assert before == after


# --- home, search, competitions, statistics, countries ------------------------------


def test_home_lists_upcoming_and_recent_events(client):
    today = datetime.date.today()
    EventFactory(title_en="Next week", start_date=today + datetime.timedelta(days=7))
    EventFactory(title_en="Tomorrow", start_date=today + datetime.timedelta(days=1))
    EventFactory(title_en="Last year", start_date=today - datetime.timedelta(days=365))
    EventFactory(title_en="Draft", start_date=today, status=Event.Status.DRAFT)
    tree = _page(client, "/en/")
    assert _list_titles(_section(tree, "upcoming-heading")) == ["Tomorrow", "Next week"]
    assert _list_titles(_section(tree, "recent-heading")) == ["Last year"]
    assert text(tree.find(".//h1")) == "Public diplomacy events"


def test_home_queries_do_not_grow_with_rows(client, count_queries):
    def grow():
        for days in (-3, 3):
            EventFactory(start_date=datetime.date.today() + datetime.timedelta(days=days))
        CompetitionFactory()

    before, after = queries_before_and_after_growth(
        count_queries, lambda: _get(client, "/en/"), grow
    )
    assert before == after


@pytest.mark.parametrize(("language", "text_typed"), [("en", "Kosachev"), ("ru", "Косачёв")])
def test_search_finds_events_people_and_organizations(client, seed, language, text_typed):
    tree = _page(client, f"/{language}/search/?q={text_typed}")
    assert _list_titles(_section(tree, "found-events")) == [getattr(seed, f"title_{language}")]
    people = _section(tree, "found-people")
    assert [link.get("href") for link in people.iter("a")] == [
        f"/{language}/people/konstantin-kosachev/"
    ]


@pytest.mark.parametrize("text_typed", ["Rossotrudnichestvo", "Россотрудничество"])
def test_search_finds_organizations_in_either_script(client, seed, text_typed):
    tree = _page(client, f"/en/search/?q={text_typed}")
    organizations = _section(tree, "found-organizations")
    assert [link.get("href") for link in organizations.iter("a")] == [
        "/en/organizations/rossotrudnichestvo/"
    ]
    assert _list_titles(_section(tree, "found-events")) == [SEED_TITLE]


def test_search_without_words_shows_the_form_only(client, seed):
    tree = _page(client, "/en/search/?q=")
    assert [level for level, _ in headings(tree)] == [1]
    assert tree.find(".//input[@id='id_q']").get("value") == ""


def test_search_rejects_an_overlong_query(client):
    tree = _page(client, "/en/search/?q=" + "a" * 201, 400)
    assert text(tree.find(".//p[@class='notice notice--error']")) == (
        "Ensure this value has at most 200 characters (it has 201)."
    )


def test_search_queries_do_not_grow_with_rows(client, count_queries):
    def grow():
        for _ in range(3):
            person = PersonFactory(family_name_en="Ivanova")
            organization = OrganizationFactory(name_en="Ivanova foundation")
            event = EventFactory()
            ParticipationFactory(event=event, person=person)
            refresh_person_search([person.pk])
            refresh_organization_search([organization.pk])
            refresh_event_search([event.pk])

    before, after = queries_before_and_after_growth(
        count_queries, lambda: _get(client, "/en/search/?q=Ivanova"), grow
    )
    assert before == after


def test_competition_page_shows_reported_figures(client, seed):
    tree = _page(client, "/en/competitions/leader-of-peoples-diplomacy/")
    assert text(tree.find(".//h1")) == "Leader of People's Diplomacy"
    edition = _section(tree, "edition-2022")
    figures = {text(row.find("dt")): row.find("dd") for row in edition.find(".//dl").findall("div")}
    assert list(figures) == [
        "As reported by the organizers",
        "In the organizers' words",
        "Countries named",
    ]
    assert [text(item) for item in figures["As reported by the organizers"].iter("li")] == [
        "34 regions",
        "23 countries",
    ]
    assert text(figures["In the organizers' words"]) == (
        "Representatives of the non-profit sector from 34 regions of Russia and 23 countries"
    )
    assert [text(item) for item in figures["Countries named"].iter("li")] == [
        "Canada",
        "France",
        "Georgia",
        "India",
        "Italy",
        "Mexico",
        "Moldova",
        "Romania",
        "Saudi Arabia",
        "Türkiye",
        "Uzbekistan",
    ]
    events = _section(tree, "edition-2023")
    assert _list_titles(events) == [SEED_TITLE]


def test_competition_page_derives_figures_from_entries_and_lists_winners(client):
    edition = EditionFactory(year=2024, reported_countries=3)
    nomination = NominationFactory(edition=edition, title_en="Best project")
    kg_region = RegionFactory(country=Country.objects.get(code="KG"), code="KG-XX")
    winner = EntryFactory(
        edition=edition,
        nomination=nomination,
        result="winner",
        country=kg_region.country,
        region=kg_region,
    )
    EntryFactory(
        edition=edition,
        nomination=nomination,
        result="laureate",
        country=Country.objects.get(code="RU"),
    )
    EntryFactory(edition=edition, nomination=None, result="participant")
    tree = _page(client, edition.competition.get_absolute_url())
    section = _section(tree, "edition-2024")
    figures = {text(row.find("dt")): row.find("dd") for row in section.find(".//dl").findall("div")}
    assert {name: [text(item) for item in dd.iter("li")] for name, dd in figures.items()} == {
        "As reported by the organizers": ["3 countries"],
        "From the entries on record": ["3 entries", "1 region", "2 countries"],
    }
    assert [text(h3) for h3 in section.iter("h3")] == [
        "Figures",
        "Winners",
        "Nominations and entries",
    ]
    assert [text(h4) for h4 in section.iter("h4")] == ["Best project", "Outside any nomination"]
    winners = section.find(".//ul[@class='people-list']")
    assert text(winners) == f"{winner.person.name} ({kg_region.name_en}, Kyrgyzstan) — Best project"
    assert winners.find("li/a").get("href") == winner.person.get_absolute_url()
    badges = [
        text(badge) for badge in section.iter("span") if "badge" in (badge.get("class") or "")
    ]
    assert badges == ["Winner", "Laureate", "Participant"]


def test_competition_pages_query_counts_do_not_grow_with_rows(client, count_queries):
    competition = CompetitionFactory()
    years = itertools.count(2000)

    def grow():
        edition = EditionFactory(competition=competition, year=next(years))
        nomination = NominationFactory(edition=edition)
        for _ in range(2):
            EntryFactory(edition=edition, nomination=nomination, organization=OrganizationFactory())
            EventFactory(edition=edition)
        edition.countries.add(Country.objects.order_by("?").first())
        competition.organizers.add(OrganizationFactory())

    for url in (competition.get_absolute_url(), "/en/competitions/"):
        before, after = queries_before_and_after_growth(
            count_queries, lambda url=url: _get(client, url), grow
        )
        assert before == after


def test_competition_list_counts_editions(client, seed):
    tree = _page(client, "/en/competitions/")
    assert [text(item) for item in tree.find(".//main//ul").findall("li")] == [
        "Leader of People's Diplomacy 2 editions"
    ]


def test_statistics_page_draws_charts_of_public_events(client):
    kg, ru = Country.objects.get(code="KG"), Country.objects.get(code="RU")
    organization = OrganizationFactory(name_en="Union", short_name_en="")
    for year, kind, host in [(2022, "forum", kg), (2023, "forum", kg), (2023, "seminar", ru)]:
        event = EventFactory(start_date=datetime.date(year, 5, 1), kind=kind, host_country=host)
        EventOrganizationFactory(event=event, organization=organization)
    # Involved twice in the last event (a role and a participant on its behalf),
    # and the host also listed among the participating countries: each counts once.
    ParticipationFactory(
        event=event, person=None, position=None, organization=organization, position_title_en="Head"
    )
    event.countries.add(ru)
    EventFactory(status=Event.Status.DRAFT, start_date=datetime.date(2019, 1, 1))
    tree = _page(client, "/en/statistics/")

    def chart(chart_id):
        svg = next(_section(tree, f"{chart_id}-heading").iter(f"{SVG}svg"))
        texts = list(svg.iter(f"{SVG}text"))
        labels = [text(label) for label in texts if label.get("class") == "chart__label"]
        values = [int(text(value)) for value in texts if value.get("class") == "chart__value"]
        return list(zip(labels, values, strict=True))

    assert chart("per-year") == [("2022", 1), ("2023", 2)]
    assert chart("per-kind") == [("Forum", 2), ("Seminar", 1)]
    assert chart("per-host-country") == [("Kyrgyzstan", 2), ("Russian Federation", 1)]
    assert chart("top-organizations") == [("Union", 3)]
    assert chart("top-countries") == [("Kyrgyzstan", 2), ("Russian Federation", 1)]
    totals = {
        text(row.find("dt")): text(row.find("dd")) for row in tree.find(".//dl[@class='totals']")
    }
    assert totals == {
        "Events": "3",
        "People taking part": "0",
        "Organizations involved": "1",
        "Countries involved": "2",
    }
    rows = _section(tree, "per-year-heading").find(".//table/tbody")
    assert [link.get("href") for link in rows.iter("a")] == [
        "/en/events/?year=2022",
        "/en/events/?year=2023",
    ]


def test_statistics_figures_are_cached_until_an_event_changes(client, count_queries):
    EventFactory(kind="forum", start_date=datetime.date(2022, 1, 1))
    first = count_queries(lambda: _get(client, "/en/statistics/"))
    again = count_queries(lambda: _get(client, "/en/statistics/"))
    assert again < first
    EventFactory(kind="forum", start_date=datetime.date(2023, 1, 1))
    tree = _page(client, "/en/statistics/")
    rows = _section(tree, "per-year-heading").find(".//table/tbody")
    assert [link.get("href") for link in rows.iter("a")] == [
        "/en/events/?year=2022",
        "/en/events/?year=2023",
    ]


def test_statistics_page_queries_do_not_grow_with_rows(client, count_queries):
    years = itertools.count(2000)

    def grow():
        for kind in ("forum", "seminar"):
            event = EventFactory(
                kind=kind,
                start_date=datetime.date(next(years), 1, 1),
                host_country=Country.objects.order_by("?").first(),
            )
            EventOrganizationFactory(event=event)
            ParticipationFactory(event=event)

    before, after = queries_before_and_after_growth(
        count_queries, lambda: _get(client, "/en/statistics/"), grow
    )
    assert before == after


def test_country_list_counts_events_hosted_or_joined(client, seed):
    tree = _page(client, "/en/countries/")
    assert [text(item) for item in tree.find(".//ul[@class='columns-list']").findall("li")] == [
        "Kyrgyzstan 1 event",
        "Russian Federation 1 event",
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
    tree = _page(client, "/en/countries/ru/with/kg/")
    assert text(tree.find(".//h1")) == "Russian Federation and Kyrgyzstan"
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
        count_queries, lambda: _get(client, "/en/countries/kg/with/ru/"), grow
    )
    assert before == after


def test_unknown_page_is_a_404_in_the_site_layout(client):
    tree = _page(client, "/en/no-such-page/", 404)
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
        tree = _page(client, f"/{language}{url}")
        assert tree.get("lang") == language


@pytest.mark.parametrize(
    ("language", "heading", "button"),
    [("ru", "События", "Показать события"), ("ky", "Иш-чаралар", "Иш-чараларды көрсөтүү")],
)
def test_event_list_interface_is_translated(client, language, heading, button):
    tree = _page(client, f"/{language}/events/")
    assert text(tree.find(".//h1")) == heading
    assert text(tree.find(".//form[@class='filter-form']//button")) == button


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


def test_event_page_json_ld_cannot_close_its_script_element(client):
    title = "Forum </script><script>alert(1)</script> & more"
    event = EventFactory(title_en=title)
    response = _get(client, event.get_absolute_url())
    assert b"</script><script>alert(1)" not in response.content
    tree = check_page(response.content)
    assert json_ld(tree)[0]["name"] == title
    assert len(find_all(tree, "script")) == 2  # the JSON-LD and site.js


def test_favicon_is_served_for_every_page_including_the_admin(client):
    response = client.get("/favicon.ico")
    assert (response.status_code, response["Location"]) == (301, "/static/img/favicon.svg")


def test_event_page_cleans_a_body_written_around_the_services(client):
    event = EventFactory()
    # As an SQL import might: straight to the table, past the sanitiser.
    Event.objects.filter(pk=event.pk).update(body_en="<p>Hi</p><script>alert(1)</script>")
    html = client.get(event.get_absolute_url()).content.decode()
    assert "<p>Hi</p>" in html
    assert "alert(1)" not in html


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


def test_sitemap_addresses_with_other_parameters_redirect_to_the_bare_one(client):
    response = client.get("/sitemap-events.xml?p=1&junk=2")
    assert (response.status_code, response["Location"]) == (301, "/sitemap-events.xml?p=1")
    assert client.get("/sitemap.xml?x=1")["Location"] == "/sitemap.xml"


@pytest.mark.parametrize(
    ("text", "status"), [("а", 200), ("а " * 50, 200), ("Kosachev " * 20, 200), ("x" * 201, 400)]
)
def test_search_takes_very_short_and_very_long_queries(client, text, status):
    assert client.get("/en/search/", {"q": text}).status_code == status
