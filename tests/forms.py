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


def admin_form_errors(response) -> dict[str, list[str]]:
    """The errors of an admin change form, by field: the main form's fields
    (`__all__` for the record as a whole), each inline row's as
    `<prefix>-<row>-<field>`, and each inline's own as `<prefix>`."""
    errors = {
        name: list(messages) for name, messages in response.context["adminform"].form.errors.items()
    }
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        if formset.non_form_errors():
            errors[formset.prefix] = list(formset.non_form_errors())
        for index, form in enumerate(formset.forms):
            for name, messages in form.errors.items():
                errors[f"{formset.prefix}-{index}-{name}"] = list(messages)
    return errors
