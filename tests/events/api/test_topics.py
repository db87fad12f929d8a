"""Topics are a resource: listed and read by anyone, written with a token."""

import pytest
from django.contrib.auth.models import Permission

from events.models import Topic
from tests.factories import EditorFactory, EventFactory, TopicFactory, UserFactory
from tests.http import authorize, error_pairs

pytestmark = pytest.mark.django_db


def test_topics_are_listed_by_name_and_read_by_slug(api_client):
    TopicFactory(slug="culture", name_en="Culture", name_ru="Культура")
    TopicFactory(slug="education", name_en="Education", name_ru="Образование")
    listed = api_client.get("/api/v1/topics/").json()
    assert listed == {
        "next": None,
        "results": [
            {"slug": "culture", "name": {"en": "Culture", "ru": "Культура", "ky": None}},
            {"slug": "education", "name": {"en": "Education", "ru": "Образование", "ky": None}},
        ],
    }
    assert api_client.get("/api/v1/topics/?q=образ").json()["results"][0]["slug"] == "education"
    detail = api_client.get("/api/v1/topics/culture/")
    assert detail.json() == listed["results"][0]
    assert detail["ETag"]


def test_an_editor_creates_a_topic_and_tags_an_event_with_it(api_client, token_for):
    EventFactory(slug="forum")
    authorize(api_client, token_for(EditorFactory()))
    created = api_client.post(
        "/api/v1/topics/",
        {"name": {"en": "Interethnic relations", "ru": "Межнациональные отношения"}},
        format="json",
    )
    assert created.status_code == 201, created.json()
    assert created.json() == {
        "slug": "interethnic-relations",
        "name": {"en": "Interethnic relations", "ru": "Межнациональные отношения", "ky": None},
    }
    tagged = api_client.patch(
        "/api/v1/events/forum/", {"topics": ["interethnic-relations"]}, format="json"
    )
    assert [topic["slug"] for topic in tagged.json()["topics"]] == ["interethnic-relations"]
    renamed = api_client.patch(
        "/api/v1/topics/interethnic-relations/",
        {"name": {"ky": "Улуттар аралык мамилелер"}},
        format="json",
        HTTP_IF_MATCH=created["ETag"],
    )
    assert renamed.status_code == 200
    assert Topic.objects.get().name_ky == "Улуттар аралык мамилелер"


def test_topics_need_the_topic_permissions_and_cannot_be_deleted(api_client, token_for):
    TopicFactory(slug="culture")
    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="add_event"))
    authorize(api_client, token_for(user))
    body = {"name": {"en": "Science"}}
    assert api_client.post("/api/v1/topics/", body, format="json").status_code == 403
    user.user_permissions.add(Permission.objects.get(codename="add_topic"))
    assert api_client.post("/api/v1/topics/", body, format="json").status_code == 201
    assert api_client.patch("/api/v1/topics/culture/", body, format="json").status_code == 403
    authorize(api_client, token_for(EditorFactory()))
    assert api_client.delete("/api/v1/topics/culture/").status_code == 405


def test_topic_errors_name_the_field(api_client, token_for):
    TopicFactory(slug="culture")
    authorize(api_client, token_for(EditorFactory()))
    response = api_client.post("/api/v1/topics/", {"slug": "culture", "name": {}}, format="json")
    assert error_pairs(response) == [("name", "Give the text in at least one language.")]
    response = api_client.post(
        "/api/v1/topics/", {"slug": "culture", "name": {"en": "Culture"}}, format="json"
    )
    assert error_pairs(response) == [("slug", "Topic with this Slug already exists.")]
