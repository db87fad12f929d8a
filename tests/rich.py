"""Events that exercise every part of the API's event document, and some that
must stay out: what tests/bench/test_floor.py and
tests/events/api/test_documents.py compare the SQL documents on."""

import datetime

from django.core.management import call_command
from django.utils import timezone

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


def rich_events() -> dict:
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
    # Part of an event in the trash: named to no one.
    trashed = EventFactory(start_date=datetime.date(2020, 2, 2), deleted_at=timezone.now())
    EventFactory(start_date=datetime.date(2020, 2, 3), parent=trashed)
    return {"timed": timed, "all_day": all_day, "draft": draft, "union": union}
