"""The editors' admin in a real browser, where its scripts run."""

import re

import pytest

from tests.browser.conftest import BROWSER_TEST

pytestmark = BROWSER_TEST


@pytest.fixture
def admin_visit(seed):
    """An editor's log-in and the seed event, made before the browser starts."""
    from events.models import Event
    from tests.factories import EditorFactory

    editor = EditorFactory(username="desk", password="correct horse battery")
    event = Event.objects.get(slug="round-table-public-diplomacy-russia-kyrgyzstan-2023")
    return seed, editor.username, event.pk


def test_position_autocomplete_offers_the_rows_person_positions(admin_visit, page):
    from playwright.sync_api import expect

    url, username, event_pk = admin_visit
    page.goto(f"{url}/admin/login/?next=/admin/events/event/{event_pk}/change/")
    page.fill("#id_username", username)
    page.fill("#id_password", "correct horse battery")
    page.click("input[type=submit]")
    expect(page).to_have_url(re.compile(rf"/admin/events/event/{event_pk}/change/$"))

    # The first participant is Konstantin Kosachev; his row's position
    # autocomplete offers his two posts and nobody else's.
    page.locator("#id_participations-0-position + .select2 .select2-selection").click()
    options = page.locator(".select2-results__option:not(.loading-results)")
    expect(options).to_have_text(
        [
            "Konstantin Kosachev: Deputy Chairman of the Federation Council",
            "Konstantin Kosachev: Senator of the Russian Federation",
        ]
    )
    assert page.problems == []
