"""bench/floor.py answers the event API's first pages with the API's own bytes.

The floor is what bench/compare measures the project against, so it must
return the same document: the same keys in the same order, the same values,
the same `next` links. It reads the database through its own connection, so
these tests commit their data (transactional, with the reference data put
back afterwards).
"""

import datetime
from urllib.parse import urlsplit
from wsgiref.util import setup_testing_defaults

import pytest
from django.core.management import call_command
from django.db import connection
from psycopg2.extensions import make_dsn

from bench.floor import Floor, cursor_at
from events.models import Event, EventOrganization, Participation
from tests.factories import (
    CompetitionFactory,
    CountryFactory,
    EditionFactory,
    EventFactory,
    EventOrganizationFactory,
    OrganizationFactory,
    OutcomeFactory,
    OutcomePartyFactory,
    ParticipationFactory,
    PersonFactory,
    QuoteFactory,
    RegionFactory,
    ReportedFiguresFactory,
    SourceFactory,
    TopicFactory,
)

pytestmark = [
    pytest.mark.postgresql,  # the floor builds its JSON in PostgreSQL
    pytest.mark.django_db(transaction=True),
]


def floor_dsn() -> str:
    settings = connection.settings_dict
    options = {
        "dbname": settings["NAME"],
        "user": settings["USER"],
        "password": settings["PASSWORD"],
        "host": settings["HOST"],
        "port": settings["PORT"],
    }
    return make_dsn(**{key: value for key, value in options.items() if value})


@pytest.fixture
def floor():
    app = Floor(floor_dsn())
    yield app
    if app.connection is not None:
        app.connection.close()


def get(app: Floor, path: str, query: str = "") -> tuple[str, bytes]:
    environ: dict = {}
    setup_testing_defaults(environ)
    environ.update(PATH_INFO=path, QUERY_STRING=query, HTTP_HOST="testserver")
    answer: dict = {}

    def start_response(status: str, headers: list) -> None:
        answer["status"] = status

    body = b"".join(app(environ, start_response))
    return answer["status"], body


@pytest.fixture
def events():
    """Events that exercise every part of the document, and some that must stay out."""
    call_command("load_demo_data", verbosity=0)
    kg = CountryFactory(code="QK", name_en="Qyrgyz", name_ru="Кыргыз", name_ky="Кыргызстан")
    other = CountryFactory(code="QZ", name_en="Another", name_ru=None)
    region = RegionFactory(country=kg, code="QK-GB")
    topics = [
        TopicFactory(name_en="Youth", name_ky="Жаштар"),
        TopicFactory(name_en="Culture"),
    ]
    union = OrganizationFactory(short_name_en="EPA", name_ky="Евразия ассамблеясы", country=other)
    ministry = OrganizationFactory(kind="ministry", name_ru="")
    # Names only in Russian: every language falls back to them.
    russian_only = PersonFactory(
        given_name_en=None,
        family_name_en=None,
        given_name_ru="Ольга",
        family_name_ru="Орлова",
        country=kg,
    )
    kyrgyz = PersonFactory(given_name_ky="Айбек", family_name_ky=None, family_name_en="")

    timed = EventFactory(
        title_ky="Тегерек үстөл",
        start_date=datetime.date(2023, 4, 24),
        start_time=datetime.time(10, 0),
        end_time=datetime.time(12, 30),
        timezone="Asia/Bishkek",
        host_country=kg,
        region=region,
        venue_en="House of Friendship",
        city_en="Bishkek",
        city_ru="Бишкек",
        summary_en="",
        summary_ru="Итоги",
        body_en="<p>First\nsecond “line”</p>",
        online_url="https://stream.example.org/1",
        image="events/round-table.jpg",
    )
    timed.topics.set(topics)
    timed.countries.set([kg, other])
    EventOrganizationFactory(event=timed, organization=union, order=1)
    EventOrganizationFactory(
        event=timed, organization=ministry, role=EventOrganization.Role.HOST, order=0
    )
    ParticipationFactory(event=timed, person=russian_only, role=Participation.Role.MODERATOR)
    ParticipationFactory(event=timed, person=kyrgyz, position=None, position_title_ky="Эксперт")
    ParticipationFactory(
        event=timed,
        person=None,
        position=None,
        organization=union,
        role=Participation.Role.ATTENDEE,
        position_title_en="Representative",
    )
    QuoteFactory(
        event=timed,
        person=russian_only,
        text="Дружба народов.",
        language="ru",
        translation_en="Friendship of peoples.",
    )
    SourceFactory(
        event=timed,
        publisher_organization=union,
        rubric_ru="Регионы России",
        publisher="Kabar",
        published_at=datetime.datetime(2023, 4, 24, 21, 42, 7, 123456, tzinfo=datetime.UTC),
    )
    SourceFactory(event=timed, url="", published_at=None)

    all_day = EventFactory(
        start_date=datetime.date(2023, 4, 24),
        end_date=datetime.date(2023, 4, 26),
        timezone="Europe/Moscow",
        host_country=None,
    )
    EventFactory(  # same day, a later time: listed first
        start_date=datetime.date(2023, 4, 24),
        start_time=datetime.time(18, 15),
        timezone="America/New_York",
        status=Event.Status.CANCELLED,
    )
    EventFactory(
        start_date=datetime.date(2023, 7, 1),
        start_time=datetime.time(9, 30, 15, 250000),
        end_date=datetime.date(2023, 7, 2),
        end_time=datetime.time(8, 0),
        timezone="Asia/Kolkata",
    )
    EventFactory(start_date=datetime.date(2022, 1, 5), start_time=datetime.time(9), timezone="UTC")
    EventFactory(start_date=datetime.date(2021, 3, 1), parent=timed)
    draft = EventFactory(start_date=datetime.date(2024, 1, 1), status=Event.Status.DRAFT)
    EventFactory(start_date=datetime.date(2021, 3, 2), parent=draft)
    later = EventFactory(start_date=datetime.date(2024, 4, 24), title_ky="Кийинки жолугушуу")
    memorandum = OutcomeFactory(
        event=timed,
        order=0,
        text_ru="Стороны договорились",
        date=datetime.date(2023, 4, 25),
        document_url="https://example.org/memorandum.pdf",
    )
    OutcomePartyFactory(outcome=memorandum, organization=union, order=1)
    OutcomePartyFactory(outcome=memorandum, organization=None, country=kg, order=0)
    plans = [(later, datetime.date(2024, 12, 31)), (draft, None)]  # a period, a day
    for order, (follow_up, end) in enumerate(plans, start=1):
        OutcomeFactory(
            event=timed,
            order=order,
            kind="plan",
            planned_start=datetime.date(2024, 4, 1),
            planned_end=end,
            follow_up=follow_up,  # a draft is not named to the public
        )
    ReportedFiguresFactory(event=timed, regions=None, text_ky="")
    edition = EditionFactory(competition=CompetitionFactory(title_ky="Сынак"), year=2021)
    EventFactory(start_date=datetime.date(2021, 3, 1), edition=edition, status="postponed")
    return {"timed": timed, "all_day": all_day, "draft": draft, "union": union}


def union_slug(events) -> str:
    return events["union"].slug


def walk(app, client, page_size: int) -> list[bytes]:
    """Follow `next` from the first page to the last, on both sides at once."""
    query = f"page_size={page_size}"
    pages = []
    while True:
        response = client.get(f"/api/v1/events/?{query}")
        status, body = get(app, "/api/v1/events/", query)
        assert (response.status_code, status) == (200, "200 OK")
        assert body == response.content
        pages.append(body)
        link = response.json()["next"]
        if link is None:
            return pages
        query = urlsplit(link).query


def test_floor_pages_identical_to_api(client, floor, events):
    # Each transactional test restores the reference data (seconds): one
    # test walks every page size.
    public = Event.objects.filter(status__in=Event.PUBLIC_STATUSES).count()
    for page_size in (1, 2, 20):
        pages = walk(floor, client, page_size)
        assert len(pages) == -(-public // page_size)
        assert all(b'"slug":"' + events["draft"].slug.encode() not in page for page in pages)

    response = client.get("/api/v1/events/")
    assert get(floor, "/api/v1/events/") == ("200 OK", response.content)
    results = response.json()["results"]
    timed = next(row for row in results if row["slug"] == events["timed"].slug)
    # What the fixture is there for did reach the document.
    assert (timed["start"], timed["end"]) == (
        "2023-04-24T10:00:00+06:00",
        "2023-04-24T12:30:00+06:00",
    )
    assert timed["participants"][0]["person"]["name"]["en"] == "Ольга Орлова"
    assert timed["participants"][2]["person"] is None
    assert timed["image"] == "http://testserver/media/events/round-table.jpg"
    assert [(row["kind"], row["carried_out"]) for row in timed["outcomes"]] == [
        ("memorandum", None),
        ("plan", True),
        ("plan", False),
    ]
    assert [party["country"] for party in timed["outcomes"][0]["parties"]] == [
        {"code": "QK", "name": {"en": "Qyrgyz", "ru": "Кыргыз", "ky": "Кыргызстан"}},
        None,
    ]
    assert timed["reported_figures"]["participants"] == 120
    assert timed["derived_figures"] == {"participants": 3, "countries": 2, "organizations": 3}
    assert timed["quotes"][0]["translations"]["en"] == "Friendship of peoples."
    assert timed["sources"][0]["publisher_organization"] == union_slug(events)

    link = client.get("/api/v1/events/?page_size=3").json()["next"]
    assert urlsplit(link).query == f"cursor={cursor_at(floor_dsn(), 3)}&page_size=3"


def test_floor_detail_identical_to_api(client, floor, events):
    for event in Event.objects.all():
        path = f"/api/v1/events/{event.slug}/"
        response = client.get(path)
        status, body = get(floor, path)
        if event.is_public:
            assert (status, body) == ("200 OK", response.content)
        else:
            assert (response.status_code, status) == (404, "404 Not Found")
