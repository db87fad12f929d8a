"""Checks every public page passes: valid HTML5 and the accessibility basics
that can be read off the markup (WCAG 2.1: landmarks, a skip link, headings in
order, a label on every control, alternative text, a page language)."""

import itertools
import json
import re
from xml.etree.ElementTree import Element

import html5lib

# settings.SITE_URL's default, which the tests run with: feeds and sitemaps
# build their absolute addresses from it.
SITE = "http://localhost:8000"
# html5lib puts inline SVG in its own namespace.
SVG = "{http://www.w3.org/2000/svg}"


def parse(content: bytes | str) -> Element:
    """The page as a tree; raises on any HTML5 parse error."""
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    return parser.parse(content)


def text(element: Element) -> str:
    return re.sub(r"\s+", " ", "".join(element.itertext())).strip()


def find_all(tree: Element, tag: str) -> list[Element]:
    return list(tree.iter(tag))


def headings(tree: Element) -> list[tuple[int, str]]:
    return [
        (int(element.tag[1]), text(element))
        for element in tree.iter()
        if isinstance(element.tag, str) and re.fullmatch(r"h[1-6]", element.tag)
    ]


def json_ld(tree: Element) -> list[dict]:
    return [
        json.loads(script.text)
        for script in tree.iter("script")
        if script.get("type") == "application/ld+json"
    ]


def check_page(content: bytes) -> Element:
    """Assert the page is valid and accessible as far as markup tells; return its tree."""
    tree = parse(content)
    html = tree if tree.tag == "html" else tree.find("html")
    assert html is not None
    assert html.get("lang") in {"en", "ru", "ky"}

    ids = [element.get("id") for element in tree.iter() if element.get("id")]
    assert len(ids) == len(set(ids)), f"duplicate ids: {sorted(i for i in ids if ids.count(i) > 1)}"

    # Landmarks and the skip link to the main content.
    assert len(find_all(tree, "main")) == 1
    assert tree.find(".//main").get("id") == "main"
    assert find_all(tree, "header")
    assert find_all(tree, "footer")
    first_link = next(tree.iter("a"))
    assert first_link.get("href") == "#main"
    for nav in find_all(tree, "nav"):
        assert nav.get("aria-label"), "every navigation landmark is named"

    # One h1, and no level skipped on the way down.
    levels = [level for level, _text in headings(tree)]
    assert levels.count(1) == 1, f"h1 count: {levels}"
    assert levels[0] == 1
    for previous, current in itertools.pairwise(levels):
        assert current <= previous + 1, f"heading order {levels}"

    # Every control has a label, every image an alt text.
    labelled = {label.get("for") for label in find_all(tree, "label")}
    for tag in ("input", "select", "textarea"):
        for control in find_all(tree, tag):
            if control.get("type") in {"hidden", "submit", "button"}:
                continue
            assert control.get("id") in labelled or control.get("aria-label"), (
                f"unlabelled {tag} {control.attrib}"
            )
    for image in find_all(tree, "img"):
        assert image.get("alt") is not None
    for svg in find_all(tree, f"{SVG}svg"):
        # An image with a name, or a decoration (a chart's bar, its figure
        # given in text beside it).
        if svg.get("aria-hidden") != "true":
            assert svg.get("role") == "img"
            assert svg.get("aria-labelledby")

    # No inline script may run under the Content-Security-Policy.
    for script in find_all(tree, "script"):
        assert script.get("src") or script.get("type") == "application/ld+json"
    return tree


def fetch(client, url: str, status: int = 200):
    """GET the address and check its status (showing the page when it is wrong)."""
    response = client.get(url)
    assert response.status_code == status, response.content[:2000]
    return response


def fetch_page(client, url: str, status: int = 200) -> Element:
    """GET a page, check its status and check_page() it; return its tree."""
    return check_page(fetch(client, url, status).content)


def section_of(tree: Element, heading_id: str) -> Element:
    """The <section> labelled by the heading with this id."""
    for section in find_all(tree, "section"):
        if section.get("aria-labelledby") == heading_id:
            return section
    raise AssertionError(f"no section {heading_id}")


def list_titles(tree: Element) -> list[str]:
    """The titles of an event list's lines, in order."""
    return [text(element) for element in tree.iter() if element.get("class") == "event-item__title"]


def items_of(element: Element) -> list[str]:
    return [text(item) for item in element.iter("li")]


def meta_content(tree: Element, key: str) -> str | None:
    """The content of the <meta> with this property or name."""
    for meta in find_all(tree, "meta"):
        if key in (meta.get("property"), meta.get("name")):
            return meta.get("content")
    return None


def queries_before_and_after_growth(count_queries, fetch, grow) -> tuple[int, int]:
    """Queries of `fetch` (a GET answering 200) with some rows, then with more
    rows; equal when the page does not run a query per row.

    The answer must show the growth (its content changes), or the test would
    compare two renderings of the same rows. A warm-up request goes first so
    that per-process caches (content types, translations) do not count; the
    shared cache is emptied before each measure so cached figures are
    recomputed.
    """
    from django.core.cache import cache

    responses = []

    def measured():
        response = fetch()
        responses.append(response)
        return response

    grow()
    fetch()
    cache.clear()
    before = count_queries(measured)
    grow()
    grow()
    cache.clear()
    after = count_queries(measured)
    first, second = (rows_shown(response.content) for response in responses)
    assert second > first, f"the rows added do not show in the answer ({first} → {second})"
    return before, after


# What a row is in each kind of answer: a list item or table row of a page, an
# event of a calendar, an entry of a feed, an address of a sitemap, a record
# of the API (its slug or code).
ROW_MARKERS = (b"<li", b"<tr", b"BEGIN:VEVENT", b"<entry", b"<url>", b"<sitemap>", b'"slug"')


def rows_shown(content: bytes) -> int:
    """How many rows an answer shows, by the markers above (options of a
    <select> are not rows: a filter's choices may grow while its list is empty)."""
    return sum(content.count(marker) for marker in ROW_MARKERS)
