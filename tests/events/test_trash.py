"""The trash: an event, person or organization deleted by an editor or an
API client disappears from every read, and comes back whole when restored."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from diplomacy.services import ReferencedError
from events.models import Event
from events.selectors.figures import statistics_figures
from events.services import event_create, event_delete, event_purge, event_restore
from people.models import Organization, Person
from people.services import organization_delete, person_delete, person_restore
from tests.factories import (
    CompetitionFactory,
    CountryFactory,
    EditionFactory,
    EventFactory,
    EventOrganizationFactory,
    OrganizationFactory,
    ParticipationFactory,
    PersonFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

TITLE = "Vanishing forum"


def _trashed_event() -> Event:
    country, topic = CountryFactory(code="QQ"), TopicFactory(slug="culture")
    person = PersonFactory(slug="anna")
    organization = OrganizationFactory(slug="apr")
    edition = EditionFactory(competition=CompetitionFactory(slug="leader"), year=2023)
    event = EventFactory(
        slug="vanishing", title_en=TITLE, host_country=country, edition=edition, status="published"
    )
    ParticipationFactory(event=event, person=person)
    EventOrganizationFactory(event=event, organization=organization)
    event.topics.add(topic)
    event.countries.add(country)
    EventFactory(slug="child", parent=event)
    event_delete(event=event)
    return event


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/events/",
        "/api/v1/round-tables/",
        "/api/v1/events/?country=QQ",
        "/api/v1/events/?person=anna",
        "/api/v1/events/?organization=apr",
        "/api/v1/events/?topic=culture",
        "/api/v1/events/?q=vanishing",
        "/api/v1/competitions/leader/",
        "/en/events/",
        "/en/events/?country=qq",
        "/en/search/?q=vanishing",
        "/en/countries/qq/",
        "/en/people/anna/",
        "/en/organizations/apr/",
        "/en/competitions/leader/",
        "/en/events.ics",
        "/en/events/feed.atom",
        "/sitemap-events.xml",
        "/en/",
    ],
)
def test_a_trashed_event_is_in_no_list_page_feed_or_sitemap(client, url):
    _trashed_event()
    response = client.get(url)
    assert response.status_code == 200, url
    body = response.content.decode()
    assert TITLE not in body
    assert "/events/vanishing/" not in body


@pytest.mark.parametrize(
    "url", ["/api/v1/events/vanishing/", "/en/events/vanishing/", "/en/events/vanishing.ics"]
)
def test_a_trashed_event_is_not_found(client, url):
    _trashed_event()
    assert client.get(url).status_code == 404


def test_a_trashed_parent_is_named_nowhere(client, api_client):
    _trashed_event()
    assert api_client.get("/api/v1/events/child/").json()["parent"] is None
    assert TITLE not in client.get("/en/events/child/").content.decode()


def test_figures_leave_a_trashed_event_out():
    EventFactory(status="published")
    before = statistics_figures(10)["event_count"]
    event_delete(event=EventFactory(status="published"))
    assert statistics_figures(10)["event_count"] == before


def test_restore_brings_the_event_back_as_it_was(api_client):
    event = _trashed_event()
    event_restore(event=event)
    data = api_client.get("/api/v1/events/vanishing/").json()
    assert (data["title"]["en"], len(data["participants"]), len(data["organizations"])) == (
        TITLE,
        1,
        1,
    )
    assert [topic["slug"] for topic in data["topics"]] == ["culture"]
    assert api_client.get("/api/v1/events/child/").json()["parent"]["slug"] == "vanishing"
    assert [record.deleted_at is None for record in event.history.all()[:2]] == [True, False]


def test_a_trashed_events_slug_stays_taken():
    fields = {"title_en": "Forum", "kind": "forum", "start_date": "2024-01-01"}
    event_delete(event=event_create(fields=fields))
    assert event_create(fields=fields).slug == "forum-2024-2"
    with pytest.raises(ValidationError) as error:
        event_create(fields={**fields, "slug": "forum-2024"})
    assert error.value.message_dict == {
        "slug": [
            "A deleted event in the trash has this slug; restore or purge it, or choose another."
        ]
    }


def test_only_an_event_in_the_trash_can_be_purged():
    event = EventFactory()
    with pytest.raises(ValidationError):
        event_purge(event=event)
    event_delete(event=event)
    event_purge(event=event)
    assert not Event.all_objects.filter(pk=event.pk).exists()


def test_a_person_others_refer_to_stays_out_of_the_trash():
    participation = ParticipationFactory()
    with pytest.raises(ReferencedError) as error:
        person_delete(person=participation.person)
    assert error.value.records == [participation]
    assert Person.objects.filter(pk=participation.person_id).exists()


def test_a_trashed_person_or_organization_is_hidden_and_restorable(client, api_client):
    person = PersonFactory(slug="anna", family_name_en="Ivanova")
    organization = OrganizationFactory(slug="apr")
    person_delete(person=person)
    organization_delete(organization=organization)
    assert api_client.get("/api/v1/people/anna/").status_code == 404
    assert api_client.get("/api/v1/organizations/apr/").status_code == 404
    assert client.get("/en/people/anna/").status_code == 404
    assert "/people/anna/" not in client.get("/sitemap-people.xml").content.decode()
    assert api_client.get("/api/v1/people/").json()["results"] == []
    assert Organization.all_objects.get(slug="apr").deleted_at <= timezone.now()
    person_restore(person=person)
    assert api_client.get("/api/v1/people/anna/").status_code == 200
