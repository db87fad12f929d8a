"""The service functions the admin and the API write through."""

import pytest
from django.core.exceptions import ValidationError

from diplomacy.services import NestedValidationError
from diplomacy.text import sanitize_html
from events.models import Event, Participation
from events.services import event_create, event_update, events_set_status
from people.models import Person
from people.services import person_create, person_update
from tests.factories import (
    CountryFactory,
    EventFactory,
    OrganizationFactory,
    PersonFactory,
    PositionFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


def _fields(**overrides):
    return {
        "title_en": "International round table",
        "title_ru": "Международный круглый стол",
        "kind": "round_table",
        "status": "published",
        "start_date": "2023-04-24",
        "timezone": "Asia/Bishkek",
        **overrides,
    }


def test_event_create_writes_the_event_and_everything_around_it():
    person = PersonFactory()
    position = PositionFactory(person=person, title_en="Rector", title_ru="Ректор")
    organization = OrganizationFactory()
    topic = TopicFactory()
    country = CountryFactory()
    event = event_create(
        fields=_fields(),
        topics=[topic],
        countries=[country],
        participants=[
            {"person": person, "role": "speaker", "position": position},
            {
                "organization": organization,
                "role": "attendee",
                "position_title_en": "Director",
            },
        ],
        organizations=[{"organization": organization, "role": "organizer"}],
        quotes=[{"person": person, "text": "Friendship", "language": "en"}],
        sources=[{"title_en": "Report", "url": "https://example.org/r"}],
    )
    event.refresh_from_db()
    assert event.slug == "international-round-table-2023"
    assert list(event.topics.all()) == [topic]
    assert list(event.countries.all()) == [country]
    assert [
        (p.person_id, p.role, p.position_title_en, p.position_title_ru, p.order)
        for p in event.participations.all()
    ] == [
        (person.pk, "speaker", "Rector", "Ректор", 0),
        (None, "attendee", "Director", None, 1),
    ]
    assert list(event.organization_roles.values_list("organization", "role")) == [
        (organization.pk, "organizer")
    ]
    assert list(event.quotes.values_list("text", flat=True)) == ["Friendship"]
    assert list(event.sources.values_list("title_en", flat=True)) == ["Report"]


def test_event_create_makes_unique_slugs_from_cyrillic_titles():
    first = event_create(fields=_fields(title_en=None, title_ru="Круглый стол"))
    second = event_create(fields=_fields(title_en=None, title_ru="Круглый стол"))
    assert (first.slug, second.slug) == ("kruglyi-stol-2023", "kruglyi-stol-2023-2")


def test_event_create_with_a_bad_row_writes_nothing():
    person = PersonFactory()
    with pytest.raises(NestedValidationError) as error:
        event_create(
            fields=_fields(),
            participants=[
                {"person": person, "role": "speaker"},
                {"person": person, "role": "speaker"},
            ],
        )
    assert error.value.nested == {
        "participations": {"1": {"__all__": ["This person already has this role in the event."]}}
    }
    assert Event.objects.count() == 0
    assert Participation.objects.count() == 0


def test_event_create_with_bad_fields_reports_them_by_name():
    with pytest.raises(ValidationError) as error:
        event_create(fields=_fields(kind="party", end_date="2023-04-01"))
    assert error.value.message_dict == {
        "kind": ["Value 'party' is not a valid choice."],
        "__all__": ["An event cannot end before it starts."],
    }
    assert Event.objects.count() == 0


def test_event_update_replaces_only_the_lists_it_is_given():
    person, other = PersonFactory.create_batch(2)
    organization = OrganizationFactory()
    event = event_create(
        fields=_fields(),
        participants=[{"person": person, "role": "speaker"}],
        organizations=[{"organization": organization, "role": "organizer"}],
    )
    event_update(
        event=event,
        fields={"title_en": "Renamed"},
        participants=[{"person": other, "role": "moderator"}],
    )
    event.refresh_from_db()
    assert event.title_en == "Renamed"
    assert event.slug == "international-round-table-2023"
    assert list(event.participations.values_list("person", "role")) == [(other.pk, "moderator")]
    assert list(event.organization_roles.values_list("organization", "role")) == [
        (organization.pk, "organizer")
    ]


def test_event_body_is_sanitised_in_every_language():
    event = event_create(
        fields=_fields(
            body_en='<p>Hello<script>alert(1)</script> <a href="javascript:x()">x</a></p>',
            body_ru='<p style="color:red" onclick="x()">Привет</p><iframe src="//e"></iframe>',
        )
    )
    assert event.body_en == '<p>Hello <a rel="noopener noreferrer nofollow">x</a></p>'
    assert event.body_ru == "<p>Привет</p>"


def test_sanitize_html_keeps_editorial_markup():
    html = '<h2>Title</h2><p><strong>Bold</strong> <a href="https://example.org">link</a></p>'
    assert sanitize_html(html) == (
        '<h2>Title</h2><p><strong>Bold</strong> <a href="https://example.org" '
        'rel="noopener noreferrer nofollow">link</a></p>'
    )


def test_events_set_status_changes_only_what_differs_and_records_history():
    draft, published = EventFactory(status="draft"), EventFactory(status="published")
    before = published.updated_at
    changed = events_set_status(events=Event.objects.all(), status="published")
    assert changed == 1
    draft.refresh_from_db()
    published.refresh_from_db()
    assert (draft.status, published.updated_at) == ("published", before)
    assert [record.status for record in draft.history.all()] == ["published", "draft"]


def test_person_create_and_update_with_positions():
    organization = OrganizationFactory()
    person = person_create(
        fields={"given_name_en": "Vladimir", "family_name_en": "Zorin", "family_name_ru": "Зорин"},
        positions=[
            {"organization": organization, "title_en": "Co-Chairman"},
            {"organization": organization, "title_en": "Member of the Presidium"},
        ],
    )
    assert person.slug == "vladimir-zorin"
    kept = person.positions.get(title_en="Co-Chairman")
    person_update(
        person=person,
        fields={"given_name_ru": "Владимир"},
        positions=[{"id": kept.pk, "title_en": "Co-Chairman of the Council"}],
    )
    person.refresh_from_db()
    assert person.given_name_ru == "Владимир"
    assert list(person.positions.values_list("pk", "title_en")) == [
        (kept.pk, "Co-Chairman of the Council")
    ]
    assert Person.objects.count() == 1


def test_titles_and_names_are_one_line_without_control_characters():
    event = event_create(
        fields=_fields(title_en="Forum\nof the\x0b peoples", summary_en="First.\n\nSecond\x07.")
    )
    assert (event.title_en, event.summary_en) == ("Forum of the peoples", "First.\n\nSecond.")
    person = person_create(fields={"given_name_en": "Anna\r\n", "family_name_en": " Ivanova\t"})
    assert (person.given_name_en, person.family_name_en) == ("Anna", "Ivanova")
