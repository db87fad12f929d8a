"""Turning pasted input into plain text the extractors can read, or refusing it.

Editors paste from web pages, so markup is removed first (the proposal must
never carry markup from the text); only when nothing readable remains is the
input refused. Every refusal is a `ReportError` with one line for the editor.
"""

import html
import re
from html.parser import HTMLParser

from django.utils.translation import gettext as _

# A report is a few kilobytes; a megabyte is a whole site's page dump or a
# file chosen by mistake, and would tie up a worker.
MAX_BYTES = 1_000_000

_TAG = re.compile(
    r"<\s*/?\s*(?:html|head|body|p|div|span|br|a|b|i|em|strong|h[1-6]|ul|ol|li|table|tr|td"
    r"|th|script|style|article|section|header|footer|nav|blockquote|figure|img|meta|link)\b"
    r"|<!--|<!doctype",
    re.IGNORECASE,
)
_BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
    "article", "section", "header", "footer", "blockquote", "figure", "figcaption", "hr",
}  # fmt: skip
_SKIPPED_TAGS = {"script", "style", "noscript", "template", "head", "svg", "nav", "iframe"}
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class ReportError(ValueError):
    """Input the assistant cannot read; the message is one line for the editor."""


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _SKIPPED_TAGS:
            self.skipping += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n" if tag != "br" else "\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED_TAGS:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def has_markup(value: str) -> bool:
    """Whether the input looks like HTML pasted from a web page."""
    return bool(_TAG.search(value))


def strip_markup(value: str) -> str:
    collector = _TextCollector()
    collector.feed(value)
    collector.close()
    text = "".join(collector.parts)
    # Markup escaped twice (&amp;lt;p&amp;gt;) or stray tags left by a broken
    # page must not reach the proposal either.
    text = html.unescape(text)
    return re.sub(r"<[^<>]{0,200}>", " ", text)


def clean_report(value: str) -> str:
    """The report as plain text with normalised spaces and line ends."""
    if len(value.encode("utf-8", errors="replace")) > MAX_BYTES:
        raise ReportError(
            _("The text is larger than 1 MB; paste the report itself, not a whole page.")
        )
    if not value.strip():
        raise ReportError(_("The text is empty; paste the report."))
    had_markup = has_markup(value)
    if had_markup:
        value = strip_markup(value)
    value = value.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    value = _INVISIBLE.sub("", _CONTROL.sub("", value))
    value = value.replace("\u00a0", " ").replace("\u202f", " ")
    lines = [" ".join(line.split()) for line in value.split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    if not re.search(r"\w{2,}", text):
        if had_markup:
            raise ReportError(_("Nothing readable remains once the web page's markup is removed."))
        raise ReportError(_("The text has no words to read."))
    return text
