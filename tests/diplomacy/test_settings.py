"""Settings come from the environment and reject bad values with a clear message."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from diplomacy import env

ROOT = Path(__file__).resolve().parents[2]


def test_env_bool_accepts_the_usual_spellings(monkeypatch):
    for value, expected in [("true", True), ("Yes", True), ("1", True), ("off", False)]:
        monkeypatch.setenv("FLAG", value)
        assert env.env_bool("FLAG", False) is expected
    monkeypatch.delenv("FLAG")
    assert env.env_bool("FLAG", True) is True


@pytest.mark.parametrize(
    ("helper", "value", "message"),
    [
        (
            lambda: env.env_bool("FLAG", False),
            "maybe",
            "FLAG must be one of true/false, yes/no, on/off, 1/0; got 'maybe'.",
        ),
        (lambda: env.env_int("FLAG", 0), "ten", "FLAG must be an integer; got 'ten'."),
        (lambda: env.env_int("FLAG", 0, minimum=1), "0", "FLAG must be at least 1; got 0."),
        (
            lambda: env.env_choice("FLAG", "en", ["en", "ru", "ky"]),
            "de",
            "FLAG must be one of en, ru, ky; got 'de'.",
        ),
        (
            lambda: env.env_timezone("FLAG", "UTC"),
            "Mars/Olympus",
            "FLAG must be an IANA time zone such as 'UTC' or 'Asia/Bishkek'; got 'Mars/Olympus'.",
        ),
        (
            lambda: env.env_database("FLAG", ""),
            "mysql://localhost/db",
            "FLAG must point at PostgreSQL (postgres://…) or SQLite (sqlite:///…); "
            "got 'mysql://localhost/db'.",
        ),
        (
            lambda: env.env_rate("FLAG", "1/day"),
            "lots",
            "FLAG must be a number of requests per second, minute, hour or day, "
            "such as '120/minute'; got 'lots'.",
        ),
        (
            lambda: env.env_url("FLAG", ["redis", "rediss"]),
            "localhost:6379",
            "FLAG must start with redis:// or rediss://; got 'localhost:6379'.",
        ),
    ],
)
def test_env_helpers_reject_bad_values(monkeypatch, helper, value, message):
    monkeypatch.setenv("FLAG", value)
    with pytest.raises(ImproperlyConfigured) as error:
        helper()
    assert str(error.value) == message


def test_env_str_requires_a_value_without_default(monkeypatch):
    monkeypatch.delenv("FLAG", raising=False)
    with pytest.raises(ImproperlyConfigured) as error:
        env.env_str("FLAG")
    assert str(error.value) == "FLAG must be set (see .env.example)."


def test_env_list_splits_on_commas(monkeypatch):
    monkeypatch.setenv("FLAG", "example.org, www.example.org,")
    assert env.env_list("FLAG") == ["example.org", "www.example.org"]


def test_env_database_parses_postgres_urls(monkeypatch):
    monkeypatch.setenv("FLAG", "postgres://user:secret@db.internal:5433/diplomacy")
    config = env.env_database("FLAG", "")
    assert (config["ENGINE"], config["HOST"], config["PORT"], config["NAME"]) == (
        "django.db.backends.postgresql",
        "db.internal",
        5433,
        "diplomacy",
    )


def _manage(*args: str, **environ: str) -> subprocess.CompletedProcess:
    clean = {key: value for key, value in os.environ.items() if key not in environ}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **environ},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_manage_py_stops_with_one_line_on_a_bad_setting():
    result = _manage("check", DEBUG="perhaps")
    assert result.returncode == 1
    assert result.stderr == (
        "Configuration error: DEBUG must be one of true/false, yes/no, on/off, 1/0; "
        "got 'perhaps'.\n"
    )


def test_manage_py_refuses_a_short_secret_key_in_production():
    result = _manage("check", DEBUG="false", SECRET_KEY="short")
    assert result.returncode == 1
    assert result.stderr == (
        "Configuration error: SECRET_KEY must be at least 32 characters when DEBUG is off.\n"
    )


def test_env_example_documents_every_variable_settings_read():
    """Every variable settings.py reads has a line in .env.example."""
    settings_source = (ROOT / "diplomacy" / "settings.py").read_text()

    read = set(re.findall(r'env_\w+\(\s*"([A-Z_]+)"', settings_source))
    documented = set(re.findall(r"^#?\s*([A-Z_]+)=", (ROOT / ".env.example").read_text(), re.M))
    assert read == documented


def test_manage_py_refuses_the_example_secret_key_in_production():
    example = re.search(r"^SECRET_KEY=(.+)$", (ROOT / ".env.example").read_text(), re.M)
    result = _manage("check", DEBUG="false", SECRET_KEY=example.group(1))
    assert result.returncode == 1
    assert result.stderr == (
        "Configuration error: SECRET_KEY is the placeholder from .env.example; generate one "
        "with python3 -c 'import secrets; print(secrets.token_urlsafe(50))'.\n"
    )
    # A developer may keep it with DEBUG on.
    assert _manage("check", DEBUG="true", SECRET_KEY=example.group(1)).returncode == 0


def _production_settings() -> dict[str, str]:
    """The settings docs/operations.md gives for production, a real key in place
    of the placeholder."""
    import secrets

    text = (ROOT / "docs" / "operations.md").read_text()
    block = re.search(r"```sh\n# production\.env\n(.*?)```", text, re.S).group(1)
    settings = dict(line.split("=", 1) for line in block.splitlines() if "=" in line)
    assert settings["SECRET_KEY"] == "<50 random characters>"
    settings["SECRET_KEY"] = secrets.token_urlsafe(50)
    return settings


def test_the_documented_production_settings_pass_the_deployment_checks():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", **_production_settings())
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == "System check identified no issues (0 silenced).\n"


def test_without_hsts_preload_the_deployment_checks_warn():
    settings = {**_production_settings(), "SECURE_HSTS_PRELOAD": "false"}
    result = _manage("check", "--deploy", "--fail-level", "WARNING", **settings)
    assert result.returncode == 1
    assert "(security.W021)" in result.stderr
