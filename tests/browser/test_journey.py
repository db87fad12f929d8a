"""A reader's journey through the site in Debian's Chromium, driven by Playwright.

Playwright's sync API runs an asyncio loop in this thread while the browser is
open, and Django refuses database queries from a thread with a running loop.
So every query happens before the browser starts (the `seed` fixture is set up
first and torn down last) and the test body only drives the browser; no
DJANGO_ALLOW_ASYNC_UNSAFE is needed. The live server answers from its own
thread, where there is no loop.
"""

import re

from tests.browser.conftest import BROWSER_TEST

SEED = "round-table-public-diplomacy-russia-kyrgyzstan-2023"

pytestmark = BROWSER_TEST


def test_reader_finds_the_round_table_and_a_participant_in_russian(page, seed):
    from playwright.sync_api import expect

    page.goto(f"{seed}/en/")
    expect(page.locator("h1")).to_have_text("Public diplomacy events")

    # The first Tab reaches the skip link, which shows itself.
    page.keyboard.press("Tab")
    skip = page.locator("a.skip-link")
    expect(skip).to_be_focused()
    assert skip.bounding_box()["y"] >= 0

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Events").click()
    expect(page).to_have_url(f"{seed}/en/events/")
    expect(page.locator("h1")).to_have_text("Events")

    page.get_by_label("Country (host or taking part)").select_option("kg")
    page.get_by_label("Kind").select_option("round_table")
    page.get_by_role("button", name="Show events").click()
    expect(page).to_have_url(re.compile(r"/en/events/\?.*country=kg"))
    expect(page.locator("#results-heading")).to_have_text("1 event")

    page.get_by_role("link", name=re.compile("^International round table")).click()
    expect(page).to_have_url(f"{seed}/en/events/{SEED}/")
    expect(page.locator("h1")).to_have_text(re.compile("^International round table on the role"))
    # The script ran under the Content-Security-Policy: the source's UTC time
    # got a note in the reader's zone.
    expect(page.locator(".local-time")).to_have_text(re.compile(r"your time\)$"))

    page.locator("#participants-heading").scroll_into_view_if_needed()
    page.get_by_role("link", name="Konstantin Kosachev", exact=True).first.click()
    expect(page).to_have_url(f"{seed}/en/people/konstantin-kosachev/")
    expect(page.locator("h1")).to_have_text("Konstantin Kosachev")

    page.get_by_role("navigation", name="Language").get_by_role("link", name="Русский").click()
    expect(page).to_have_url(f"{seed}/ru/people/konstantin-kosachev/")
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    expect(page.locator("h1")).to_have_text("Константин Иосифович Косачёв")

    search = page.locator("#site-search-q")
    search.fill("Косачёв")
    search.press("Enter")
    expect(page).to_have_url(re.compile(r"/ru/search/\?q="))
    expect(page.locator("#found-people + ul a")).to_have_text(["Константин Косачёв"])
    expect(page.locator("section[aria-labelledby='found-events'] h3")).to_have_text(
        [re.compile("^Международный круглый стол")]
    )
    assert page.problems == []


def test_event_page_fits_a_phone_screen(browser, seed):
    from playwright.sync_api import expect

    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    problems = []
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))
    page.on("pageerror", lambda error: problems.append(str(error)))
    headings = {
        f"/en/events/{SEED}/": re.compile("^International round table"),
        "/ru/events/": "События",
        "/ky/statistics/": "Статистика",
        "/en/countries/kg/": "Kyrgyzstan",
    }
    for path, heading in headings.items():
        response = page.goto(f"{seed}{path}")
        assert response.status == 200, path
        expect(page.locator("h1")).to_have_text(heading)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, path
    assert problems == []
    context.close()
