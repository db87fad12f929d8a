"""Who may write through the API: tokens, model permissions, read-only resources."""

import pytest
from django.contrib.auth.models import Permission

from tests.factories import (
    EditorFactory,
    EventFactory,
    OrganizationFactory,
    PersonFactory,
    UserFactory,
)
from tests.http import EVENT, ORGANIZATION, PERSON, authorize

pytestmark = pytest.mark.django_db


def _existing(kind: str):
    return {
        "events": lambda: EventFactory(slug="existing").slug,
        "people": lambda: PersonFactory(slug="existing").slug,
        "organizations": lambda: OrganizationFactory(slug="existing").slug,
    }[kind]()


BODIES = {"events": EVENT, "people": PERSON, "organizations": ORGANIZATION}


WRITES = [
    ("post", None, 201),
    ("put", "existing", 200),
    ("patch", "existing", 200),
    ("delete", "existing", 204),
]


@pytest.mark.parametrize("resource", ["events", "people", "organizations"])
@pytest.mark.parametrize(("method", "target", "success"), WRITES)
@pytest.mark.parametrize("who", ["anonymous", "editor", "no_permission", "expired"])
def test_write_permission_matrix(api_client, token_for, resource, method, target, success, who):
    slug = _existing(resource)
    token = {
        "anonymous": lambda: None,
        "editor": lambda: token_for(EditorFactory()),
        "no_permission": lambda: token_for(UserFactory()),
        "expired": lambda: token_for(EditorFactory(), expired=True),
    }[who]()
    url = f"/api/v1/{resource}/" + (f"{slug}/" if target else "")
    response = getattr(authorize(api_client, token), method)(url, BODIES[resource], format="json")
    expected = {"anonymous": 401, "editor": success, "no_permission": 403, "expired": 401}[who]
    assert response.status_code == expected, response.content
    if expected == 401:
        assert response["WWW-Authenticate"] == "Token"


def test_round_tables_competitions_and_reference_data_are_read_only(api_client, token_for):
    authorize(api_client, token_for(UserFactory(is_superuser=True)))
    for url in ["/api/v1/round-tables/", "/api/v1/competitions/", "/api/v1/countries/"]:
        assert api_client.post(url, {}, format="json").status_code == 405


def test_a_user_with_only_add_permission_cannot_delete(api_client, token_for):
    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="add_event"))
    EventFactory(slug="forum")
    authorize(api_client, token_for(user))
    assert api_client.post("/api/v1/events/", EVENT, format="json").status_code == 201
    assert api_client.delete("/api/v1/events/forum/").status_code == 403


def test_token_login_and_logout(api_client):
    user = EditorFactory(password="correct horse battery")
    api_client.credentials(
        HTTP_AUTHORIZATION="Basic "
        + __import__("base64").b64encode(f"{user.username}:correct horse battery".encode()).decode()
    )
    response = api_client.post("/api/v1/auth/token/")
    assert response.status_code == 200
    token = response.json()["token"]
    assert sorted(response.json()) == ["expiry", "token"]
    authorize(api_client, token)
    assert api_client.post("/api/v1/events/", EVENT, format="json").status_code == 201
    assert api_client.post("/api/v1/auth/logout/").status_code == 204
    assert (
        api_client.post("/api/v1/events/", {**EVENT, "slug": "again"}, format="json").status_code
        == 401
    )


def _basic(username: str, password: str) -> str:
    import base64

    return "Basic " + base64.b64encode(f"{username}:{password}".encode()).decode()


def test_a_locked_out_user_gets_429_with_retry_after_even_with_the_right_password(api_client):
    user = EditorFactory(password="correct horse battery")
    wrong = [
        api_client.post(
            "/api/v1/auth/token/", HTTP_AUTHORIZATION=_basic(user.username, "wrong")
        ).status_code
        for _ in range(5)
    ]
    # The fifth failure reaches the limit (AXES_FAILURE_LIMIT=5), as in the admin.
    assert wrong == [401, 401, 401, 401, 429]
    right = api_client.post(
        "/api/v1/auth/token/", HTTP_AUTHORIZATION=_basic(user.username, "correct horse battery")
    )
    assert right.status_code == 429
    assert right["Retry-After"] == "3600"
    assert right.json()["errors"] == [
        {
            "code": "throttled",
            "detail": "Too many failed log-ins with this user name from this address; it is "
            "locked out for a while, even with the right password. "
            "Expected available in 3600 seconds.",
            "attr": None,
        }
    ]
