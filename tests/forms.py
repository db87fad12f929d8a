"""Helpers for tests that post the admin's forms."""

import re


def management_form(prefix: str, total: int = 0, initial: int = 0) -> dict[str, str]:
    """An inline formset's management fields."""
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def form_errors(response) -> str:
    """Every error message on an admin page, as text."""
    html = response.content.decode()
    return " ".join(
        re.sub(r"<[^>]+>", " ", block)
        for block in re.findall(r'<ul class="errorlist[^"]*"[^>]*>.*?</ul>', html, re.S)
    ) + " ".join(re.findall(r'<p class="errornote">(.*?)</p>', html, re.S))
