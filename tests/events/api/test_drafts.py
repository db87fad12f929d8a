"""A draft is seen through the API by editors only: in lists, search, filters,
competitions and the list of removed events."""

import pytest

from tests.factories import EditorFactory
from tests.http import authorize
from tests.seed import SECRET

pytestmark = pytest.mark.django_db

READS = [
    "/api/v1/events/",
    "/api/v1/events/?q=Secret",
    "/api/v1/events/?topic=culture",
    "/api/v1/events/?organization=union",
    "/api/v1/events/?organization_involved=union",
    "/api/v1/events/?person=speaker",
    "/api/v1/events/?year=2023",
    "/api/v1/round-tables/",
    "/api/v1/competitions/",
    "/api/v1/competitions/cup/",
    "/api/v1/removed-events/?since=2000-01-01T00:00:00Z",
]


@pytest.mark.usefixtures("draft_world")
@pytest.mark.parametrize("url", READS)
def test_drafts_appear_nowhere_in_the_api_for_the_public(api_client, url):
    response = api_client.get(url)
    assert response.status_code == 200
    assert SECRET not in response.content.decode()
    assert "secret-summit" not in response.content.decode()


@pytest.mark.usefixtures("draft_world")
def test_a_draft_is_a_404_for_the_public_and_shown_to_editors(api_client, token_for):
    assert api_client.get("/api/v1/events/secret-summit/").status_code == 404
    authorize(api_client, token_for(EditorFactory()))
    assert api_client.get("/api/v1/events/secret-summit/").json()["status"] == "draft"
    competition = api_client.get("/api/v1/competitions/cup/").json()
    assert [event["slug"] for event in competition["editions"][0]["events"]] == [
        "open-forum",
        "secret-summit",
    ]
