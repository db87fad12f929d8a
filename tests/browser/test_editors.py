"""The editors' guide (docs/editors.md) in a real browser at 1366 px: the
event form fits the screen, and each step of the guide is photographed into
docs/screenshots/ as it is done."""

import os
import re
from pathlib import Path

import pytest

from tests.browser.conftest import BROWSER_TEST

pytestmark = BROWSER_TEST

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
WIDTH = 1366


@pytest.fixture
def desk(seed):
    """An editor, the seed event and two spellings of one person, made before
    the browser starts."""
    from events.models import Event
    from tests.factories import EditorFactory, PersonFactory

    editor = EditorFactory(username="desk", password="correct horse battery")
    event = Event.objects.get(slug="round-table-public-diplomacy-russia-kyrgyzstan-2023")
    PersonFactory(given_name_en="Konstantin", family_name_en="Kosachyov", slug="k-kosachyov")
    return seed, editor.username, event.pk


def _log_in(page, url: str, username: str, next_path: str) -> None:
    page.set_viewport_size({"width": WIDTH, "height": 900})
    page.goto(f"{url}/admin/login/?next={next_path}")
    page.fill("#id_username", username)
    page.fill("#id_password", "correct horse battery")
    page.click("input[type=submit]")


def _photograph(target, name: str) -> None:
    """Written to docs/screenshots/ only when asked (UPDATE_SCREENSHOTS=1),
    so that a test run leaves the checkout as it was."""
    if os.environ.get("UPDATE_SCREENSHOTS"):
        target.screenshot(path=SCREENSHOTS / name)


def _page_width(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


def test_editors_guide_event_form_fits_1366_px_and_is_photographed(desk, page):
    from playwright.sync_api import expect

    url, username, event_pk = desk
    _log_in(page, url, username, f"/admin/events/event/{event_pk}/change/")
    expect(page).to_have_url(re.compile(rf"/admin/events/event/{event_pk}/change/$"))
    # Ten participants with their titles, and no horizontal scroll.
    expect(page.locator("#participations-group tr.form-row.has_original")).to_have_count(10)
    # The title's languages are behind a switch (made by the page's script,
    # so wait for it): one column shows at a time.
    switch = page.locator("#participations-group .language-columns button")
    expect(switch).to_have_text(["EN", "RU", "KY"])
    assert _page_width(page) <= WIDTH
    expect(page.locator("#id_participations-0-position_title_ru")).to_be_hidden()
    switch.nth(1).click()
    expect(page.locator("#id_participations-0-position_title_ru")).to_be_visible()
    assert _page_width(page) <= WIDTH
    _photograph(page.locator("#participations-group"), "participants.png")
    _photograph(page, "event-form.png")

    page.goto(f"{url}/admin/events/event/add/")
    assert _page_width(page) <= WIDTH
    _photograph(page, "event-add.png")
    page.goto(f"{url}/admin/events/event/?missing=ky")
    _photograph(page, "event-list-languages.png")
    assert page.problems == []


def test_editors_guide_duplicates_merge_and_import_are_photographed(desk, page):
    from playwright.sync_api import expect

    url, username, _event_pk = desk
    _log_in(page, url, username, "/admin/people/person/add/")
    page.fill("#id_given_name_ru", "Константин")
    page.fill("#id_family_name_ru", "Косачёв")
    page.click("input[name=_save]")
    expect(page.locator(".field-not_a_duplicate .errorlist")).to_contain_text(
        "This may already be on record:"
    )
    _photograph(page, "person-duplicates.png")

    page.goto(f"{url}/admin/people/person/?q=Kosach")
    page.locator("input[name=_selected_action]").nth(0).check()
    page.locator("input[name=_selected_action]").nth(1).check()
    page.select_option("select[name=action]", "merge_selected")
    page.click("button[name=index]")
    expect(page.locator("#merge-form")).to_be_visible()
    _photograph(page, "merge.png")
    page.click("#merge-form input[type=submit]")
    expect(page.locator(".messagelist .success")).to_contain_text("was merged into")

    page.goto(f"{url}/admin/people/person/import/")
    _photograph(page, "import.png")
    page.goto(f"{url}/admin/events/deletedevent/")
    _photograph(page, "trash.png")
    assert page.problems == []
