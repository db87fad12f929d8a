"""Every curl example in docs/api.md works against the demo data."""

import base64
import re
import shlex
from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.utils import timezone
from knox.models import AuthToken

pytestmark = pytest.mark.django_db

DOC = Path(__file__).resolve().parents[3] / "docs" / "api.md"
BASE = "http://127.0.0.1:8000"


def _curl_commands() -> list[list[str]]:
    text = DOC.read_text()
    commands = []
    for block in re.findall(r"```sh\n(.*?)```", text, re.S):
        block = block.replace("\\\n", " ").replace("$TOKEN", "{token}")
        block = block.replace("$ETAG", "{etag}")
        for token in shlex.split(block):
            if token == "curl":
                commands.append([token])
            else:
                commands[-1].append(token)
    return commands


def _request(client, argv: list[str], token: str | None, etag: str = ""):
    method, headers, data, url = "GET", {}, None, None
    arguments = iter(argv[1:])
    for argument in arguments:
        if argument == "-X":
            method = next(arguments)
        elif argument == "-H":
            name, _, value = next(arguments).partition(": ")
            headers[name] = value.replace("{token}", token or "").replace("{etag}", etag)
        elif argument == "-d":
            data = next(arguments)
        elif argument == "-i":  # show the headers: the answer is the same
            continue
        elif argument == "-u":
            credentials = base64.b64encode(next(arguments).encode()).decode()
            headers["Authorization"] = f"Basic {credentials}"
        else:
            url = argument
    assert url.startswith(BASE), url
    extra = {
        f"HTTP_{name.upper().replace('-', '_')}": value
        for name, value in headers.items()
        if name != "Content-Type"
    }
    return client.generic(
        method,
        url[len(BASE) :],
        data=data or "",
        content_type=headers.get("Content-Type", "application/octet-stream"),
        **extra,
    )


def test_the_docs_have_every_use_case():
    urls = [" ".join(argv) for argv in _curl_commands()]
    assert len(urls) == 18


@pytest.mark.django_db
def test_every_curl_example_in_the_api_docs_succeeds(client, settings):
    settings.DEBUG = True  # create_demo_users, as `dev.py serve` does
    call_command("load_demo_data")
    call_command("create_demo_users")
    token, etag = None, ""
    for argv in _curl_commands():
        response = _request(client, argv, token, etag)
        assert response.status_code in (200, 201), (argv, response.content[:500])
        if argv[-1].endswith("/auth/token/"):
            token = response.json()["token"]
        etag = response.get("ETag", "")
        if f"{BASE}/api/v1/drafts/" in argv:
            drafted = response.json()
    created = client.get("/api/v1/events/youth-forum-of-the-peoples-of-eurasia-2026/").json()
    assert created["title"]["ky"] == "Евразия элдеринин жаштар форуму"
    assert [p["person"]["slug"] for p in created["participants"]] == [
        "svetlana-smirnova",
        "abdylda-musaev",
    ]
    assert [outcome["kind"] for outcome in created["outcomes"]] == ["memorandum", "plan"]
    assert created["reported_figures"]["participants"] == 120
    listed = client.get("/api/v1/outcomes/?party_country=KG&kind=memorandum").json()
    assert [row["slug"] for row in listed["results"]] == ["memorandum-on-youth-exchanges-2026"]
    assert created["venue"]["en"] == "Ala-Too Square"
    assert AuthToken.objects.filter(user=User.objects.get(username="editor")).count() == 1
    # The proposal as the docs show it, matched to the demo's records.
    assert [(p["name"], p["match"], p["role"]) for p in drafted["people"]] == [
        ("Svetlana Smirnova", "svetlana-smirnova", "welcome_address"),
        ("Abdylda Musaev", "abdylda-musaev", "moderator"),
    ]
    assert [(o["match"], o["role"]) for o in drafted["organizations"]] == [
        ("assembly-of-the-peoples-of-kyrgyzstan", "organizer"),
        ("rossotrudnichestvo", "supporter"),
    ]
    assert (drafted["event"]["start_date"], drafted["event"]["host_country"]) == (
        "2024-05-12",
        "KG",
    )


@pytest.mark.django_db
def test_create_api_token_prints_a_working_token(client, capsys):
    from tests.factories import EditorFactory

    editor = EditorFactory(username="partner")
    call_command("create_api_token", "partner", "--days", "7")
    printed, expires = capsys.readouterr().out.splitlines()
    expiry = AuthToken.objects.get(user=editor).expiry
    # Seven days from now, to the minute, as the command says.
    assert abs(expiry - (timezone.now() + timedelta(days=7))) < timedelta(minutes=1)
    assert expires == f"(expires {expiry:%Y-%m-%d %H:%M} UTC)"
    token = printed
    response = client.post(
        "/api/v1/events/",
        {"title": {"en": "Forum"}, "kind": "forum", "start_date": "2024-01-01"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Token {token}",
    )
    assert response.status_code == 201


@pytest.mark.django_db
def test_create_api_token_rejects_an_unknown_user():
    from django.core.management import CommandError

    with pytest.raises(CommandError) as error:
        call_command("create_api_token", "nobody")
    assert str(error.value) == "No user named 'nobody'."
