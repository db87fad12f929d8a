"""Sections that other apps add to the pages of people, organizations and countries.

`people` never imports `events` (docs/data-model.md), yet a person's page lists
the events they took part in. So the people views render whatever sections are
registered here, in order, and `events` registers its own when it is ready
(events/apps.py). Each builder runs a fixed number of queries, whatever the
number of rows, so the pages stay at a constant query count.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from django.db.models import Model
from django.http import HttpRequest

Page = Literal["person", "organization", "country"]


@dataclass(frozen=True)
class Section:
    """A template to include in the page, and what it needs to render."""

    template: str
    context: dict[str, Any] = field(default_factory=dict)


SectionBuilder = Callable[[HttpRequest, Model], list[Section]]

_builders: dict[str, list[SectionBuilder]] = {"person": [], "organization": [], "country": []}


def register(page: Page, builder: SectionBuilder) -> None:
    """Add a builder of sections to a kind of page; registering twice is harmless."""
    if builder not in _builders[page]:
        _builders[page].append(builder)


def sections(page: Page, request: HttpRequest, subject: Model) -> list[Section]:
    return [section for builder in _builders[page] for section in builder(request, subject)]
