"""The event list with its filters, sorts and pages (website/views/events.py, website/forms.py)."""

import datetime

import pytest

from events.models import Event
from events.search import refresh_event_search
from people.models import Country
from tests.factories import (
    EventFactory,
    EventOrganizationFactory,
    OrganizationFactory,
    ParticipationFactory,
    PersonFactory,
    RegionFactory,
    TopicFactory,
)
from tests.pages import (
    check_page,
    fetch,
    fetch_page,
    list_titles,
    queries_before_and_after_growth,
    text,
)
from website.views import events as events_views

pytestmark = pytest.mark.django_db


def test_event_list_shows_public_events_newest_first(client):
    EventFactory(title_en="Old", start_date=datetime.date(2020, 1, 1))
    EventFactory(title_en="New", start_date=datetime.date(2024, 1, 1))
    EventFactory(title_en="Cancelled", start_date=datetime.date(2022, 1, 1), status="cancelled")
    EventFactory(title_en="Hidden", status=Event.Status.DRAFT)
    tree = fetch_page(client, "/en/events/")
    assert list_titles(tree) == ["New", "Cancelled", "Old"]
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
    return {"person": person, "organization": organization, "topic": topic}


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
    tree = fetch_page(client, f"/en/events/?{query}")
    assert list_titles(tree) == expected


@pytest.mark.parametrize(
    ("ordering", "expected"),
    [
        ("-start", ["Astana seminar", "Bishkek forum", "Moscow round table", "Online talk"]),
        ("start", ["Online talk", "Moscow round table", "Bishkek forum", "Astana seminar"]),
        ("title", ["Astana seminar", "Bishkek forum", "Moscow round table", "Online talk"]),
    ],
)
def test_event_list_sorts(client, catalogue, ordering, expected):
    assert list_titles(fetch_page(client, f"/en/events/?ordering={ordering}")) == expected


def test_event_list_sorts_titles_by_the_shown_language(client):
    EventFactory(title_en="Alpha", title_ru="Яблоко")
    EventFactory(title_en="Beta", title_ru="Арбуз")
    EventFactory(title_en="Gamma", title_ru=None)
    assert list_titles(fetch_page(client, "/ru/events/?ordering=title")) == [
        "Gamma",
        "Арбуз",
        "Яблоко",
    ]


def test_event_list_keeps_its_state_in_the_form(client, catalogue):
    tree = fetch_page(client, "/en/events/?kind=seminar&country=kz&year=2023&organization=union")
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
    form = fetch_page(client, "/en/events/").find(".//form[@class='filter-form']")
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
    tree = fetch_page(client, "/en/events/?kind=round_table&page=2")
    assert len(list_titles(tree)) == 20
    assert text(tree.find(".//h2[@id='results-heading']")) == "45 events"
    pages = tree.find(".//nav[@class='pagination']")
    links = {text(link): link.get("href") for link in pages.iter("a")}
    assert links["Previous"] == "?kind=round_table&page=1"
    assert links["Next"] == "?kind=round_table&page=3"
    assert [link.get("aria-current") for link in pages.iter("a") if text(link) == "2"] == ["page"]
    assert len(list_titles(fetch_page(client, "/en/events/?kind=round_table&page=3"))) == 5


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
    assert list_titles(tree) == ["Still listed"]


def test_event_list_beyond_its_last_page_is_empty_with_a_message(client):
    EventFactory()
    response = client.get("/en/events/?page=9999")
    assert response.status_code == 200
    tree = check_page(response.content)
    notice = tree.find(".//div[@class='notice notice--error']")
    assert [text(item) for item in notice.iter("li")] == ["There is no page 9999: this list has 1."]
    assert list_titles(tree) == []
    assert response["X-Robots-Tag"] == "noindex"


def test_event_list_past_its_count_cap_says_more_than_and_pages_on(
    client, monkeypatch, count_queries
):
    monkeypatch.setattr(events_views, "LIST_COUNT_CAP", 30)
    for day in range(45):
        EventFactory(
            title_en=f"Day {day:02}",
            start_date=datetime.date(2023, 1, 1) + datetime.timedelta(days=day),
        )
    first = fetch_page(client, "/en/events/")
    assert text(first.find(".//h2[@id='results-heading']")) == "More than 30 events"
    pages = first.find(".//nav[@class='pagination']")
    assert [text(item) for item in pages.iter("li")] == ["1", "2", "…", "Next"]
    # Past the cap: one row more than shown tells whether a next page exists.
    third = fetch_page(client, "/en/events/?page=3")
    assert list_titles(third) == [f"Day {day:02}" for day in range(4, -1, -1)]
    pages = third.find(".//nav[@class='pagination']")
    assert [text(item) for item in pages.iter("li")] == ["Previous", "1", "2", "3"]
    assert count_queries(lambda: client.get("/en/events/?page=3")) == count_queries(
        lambda: client.get("/en/events/")
    )
    response = client.get("/en/events/?page=4")
    notice = check_page(response.content).find(".//div[@class='notice notice--error']")
    assert [text(item) for item in notice.iter("li")] == [
        "There is no page 4: this list ends earlier."
    ]
    ru = fetch_page(client, "/ru/events/")
    assert text(ru.find(".//h2[@id='results-heading']")) == "Более 30 событий"


def test_event_list_links_its_calendar_with_the_same_filters(client, catalogue):
    tree = fetch_page(client, "/en/events/?kind=forum&page=1&ordering=title")
    link = tree.find(".//p[@class='subscribe']/a")
    assert link.get("href") == "/en/events.ics?kind=forum"


def test_event_list_queries_do_not_grow_with_rows(client, count_queries, catalogue):
    filtered = "/en/events/?country=ru&organization=union&person=anna&topic=culture&year=2023"
    russia = Country.objects.get(code="RU")

    def grow():
        # Rows for the whole list and for the filtered one alike.
        for _ in range(3):
            region = RegionFactory()
            event = EventFactory(host_country=region.country, region=region)
            event.topics.add(TopicFactory())
            match = EventFactory(host_country=russia, start_date=datetime.date(2023, 6, 1))
            match.topics.add(catalogue["topic"])
            EventOrganizationFactory(event=match, organization=catalogue["organization"])
            ParticipationFactory(event=match, person=catalogue["person"])

    for url in ("/en/events/", filtered):
        before, after = queries_before_and_after_growth(
            count_queries, lambda url=url: fetch(client, url), grow
        )
        assert before == after


@pytest.mark.parametrize(
    ("language", "heading", "button"),
    [("ru", "События", "Показать события"), ("ky", "Иш-чаралар", "Иш-чараларды көрсөтүү")],
)
def test_event_list_interface_is_translated(client, language, heading, button):
    tree = fetch_page(client, f"/{language}/events/")
    assert text(tree.find(".//h1")) == heading
    assert text(tree.find(".//form[@class='filter-form']//button")) == button
