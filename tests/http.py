"""Helpers for tests that speak to the API, and the smallest valid bodies."""

EVENT = {
    "title": {"en": "Forum of the peoples", "ru": "Форум народов"},
    "kind": "forum",
    "status": "published",
    "start_date": "2024-05-01",
}
PERSON = {"given_name": {"en": "Anna", "ru": "Анна"}, "family_name": {"en": "Ivanova"}}
ORGANIZATION = {"name": {"en": "Civic Chamber", "ru": "Общественная палата"}, "kind": "ngo"}


def authorize(api_client, token: str | None):
    """The client, sending the token from now on (none for anonymous)."""
    if token:
        api_client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return api_client


def error_pairs(response) -> list[tuple[str, str]]:
    """(attr, detail) of each error in an API error answer."""
    return [(error["attr"], error["detail"]) for error in response.json()["errors"]]


def slugs_of(api_client, query: str, path: str = "/api/v1/events/") -> list[str]:
    """The slugs a list answers with, after checking it answered 200."""
    response = api_client.get(f"{path}?{query}")
    assert response.status_code == 200, response.json()
    return [row["slug"] for row in response.json()["results"]]
