""" "New event from a report" in a real browser: an editor pastes the seed
report, reads the proposal, corrects a title and accepts the draft."""

import re
from pathlib import Path

import pytest

from tests.browser.conftest import BROWSER_TEST

pytestmark = BROWSER_TEST

SEED = Path("/work/shared/seed/bishkek-round-table-2023.txt")
REPORT = Path(__file__).parents[1] / "events/assistant/reports/seed-bishkek-round-table-2023.txt"
CORRECTED = "Moderator of the round table, Chairman of the Council of the Assembly"


@pytest.fixture
def desk(seed):
    """An editor's log-in, made before the browser starts (see test_journey.py)."""
    from tests.factories import EditorFactory

    editor = EditorFactory(username="reports", password="correct horse battery")
    text = (SEED if SEED.exists() else REPORT).read_text(encoding="utf-8")
    return seed, editor.username, text


def test_editor_turns_the_seed_report_into_a_draft(desk, page):
    from playwright.sync_api import expect

    url, username, text = desk
    page.goto(f"{url}/admin/login/?next=/admin/events/event/")
    page.fill("#id_username", username)
    page.fill("#id_password", "correct horse battery")
    page.click("input[type=submit]")
    expect(page).to_have_url(re.compile(r"/admin/events/event/$"))

    page.get_by_role("link", name="New event from a report").click()
    expect(page).to_have_url(re.compile(r"/admin/events/event/from-report/$"))
    page.fill("#id_text", text)
    page.fill("#id_url", "https://example.org/news/bishkek-round-table")
    page.fill("#id_publisher", "Eurasian Peoples' Assembly")
    page.get_by_role("button", name="Read the report").click()

    # The evidence, marked in the text with the fact it supports.
    kosachev = page.locator('mark[title="person 1: Konstantin Kosachev, welcome address"]')
    expect(kosachev).to_contain_text(
        "Deputy Chairman of the Federation Council Konstantin Kosachev"
    )
    city = page.locator('mark[title="event: city"]')
    expect(city).to_contain_text("Bishkek")
    expect(city.locator(".evidence-label")).to_have_text("event: city")
    expect(page.locator("#id_people-0-name")).to_have_value("Konstantin Kosachev")
    expect(page.locator("#id_people-1-name")).to_have_value("Svetlana Smirnova")
    expect(page.locator("#id_event-start_date")).to_have_value("2023-04-24")

    page.fill("#id_people-1-title", CORRECTED)
    page.get_by_role("button", name="Accept: create the draft event").click()

    expect(page).to_have_url(re.compile(r"/admin/events/event/\d+/change/$"))
    expect(page.locator(".messagelist")).to_contain_text("was created from the report")
    expect(page.locator("#id_status")).to_have_value("draft")
    expect(page.locator("#id_start_date")).to_have_value("2023-04-24")
    expect(page.locator("#id_participations-INITIAL_FORMS")).to_have_value("10")
    expect(page.locator("#id_participations-1-position_title_en")).to_have_value(CORRECTED)
    expect(page.locator("#id_organization_roles-INITIAL_FORMS")).to_have_value("4")
    assert page.problems == []
