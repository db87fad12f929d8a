"""The security headers every answer carries (settings.py's security block)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]

CSP = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self' 'unsafe-inline'",
    "img-src": "'self' data: https:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
    "base-uri": "'self'",
    "object-src": "'none'",
}


def _policy(header: str) -> dict[str, str]:
    return dict(directive.split(" ", 1) for directive in header.split("; "))


@pytest.mark.parametrize("url", ["/en/", "/en/events/", "/api/v1/events/", "/admin/login/"])
def test_pages_api_and_admin_carry_the_security_headers(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert _policy(response["Content-Security-Policy"]) == CSP
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    # Without HTTPS there is no HSTS: it would lock a plain-HTTP site out.
    assert "Strict-Transport-Security" not in response


def test_https_adds_hsts_and_secure_cookies(client, settings):
    # What HTTPS=true sets (settings.py), as it would in production.
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_SSL_REDIRECT = True
    insecure = client.get("/en/")
    assert (insecure.status_code, insecure["Location"]) == (301, "https://testserver/en/")
    response = client.get("/en/", secure=True)
    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


def test_https_setting_turns_on_hsts_redirects_and_secure_cookies():
    """HTTPS=true in the environment is what sets the values above."""
    names = "SECURE_SSL_REDIRECT SESSION_COOKIE_SECURE CSRF_COOKIE_SECURE SECURE_HSTS_SECONDS"
    code = f"from django.conf import settings as s; print([getattr(s, n) for n in {names.split()}])"
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
        cwd=ROOT,
        env={**os.environ, "HTTPS": "true", "DEBUG": "false", "SECRET_KEY": "x" * 50},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (result.returncode, result.stdout) == (0, "[True, True, True, 31536000]\n"), (
        result.stderr
    )
