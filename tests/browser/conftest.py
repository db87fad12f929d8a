"""Fixtures for browser tests; see test_journey.py for why every query happens
before the browser starts."""

import os
import shutil

import pytest
from django.core.management import call_command

CHROMIUM = shutil.which("chromium")
BROWSER_TEST = [
    pytest.mark.browser,
    # Transactional, so the live server's thread sees the data (the ISO
    # countries and the Editors group are put back: tests/conftest.py).
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        CHROMIUM is None and not os.environ.get("CI"),
        reason="Chromium is not installed (CI installs it and runs these tests)",
    ),
]


@pytest.fixture
def seed(live_server):
    call_command("load_demo_data", verbosity=0)
    return live_server.url


@pytest.fixture
def browser(seed):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    # A reader in Berlin, so times given in UTC get a local-time note.
    context = browser.new_context(locale="en-GB", timezone_id="Europe/Berlin")
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.problems = []
    page.on(
        "console", lambda message: message.type == "error" and page.problems.append(message.text)
    )
    page.on("pageerror", lambda error: page.problems.append(str(error)))
    yield page
    context.close()
