"""The event page: its people and organizations grouped by role,
the event it belongs to and related events."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import TextChoices
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from modeltranslation.utils import build_localized_fieldname

from diplomacy.languages import fallback_languages
from events.models import Event, EventOrganization, Participation, Quote
from events.selectors.events import User, related_events, visible_parent
from events.selectors.involvement import RoleRows


@dataclass
class RoleGroup:
    """Rows sharing a role, with the heading to show them under."""

    role: str
    heading: str
    rows: list[Any]
    total: int = 0

    @property
    def more(self) -> int:
        return max(self.total - len(self.rows), 0)


# Headings over groups of an event's participants, in the order a report
# introduces them: welcome address first, the audience last.
PARTICIPANT_HEADINGS = {
    Participation.Role.WELCOME_ADDRESS: _("Welcome address"),
    # One moderator or several: «Модератор», «Модераторы».
    Participation.Role.MODERATOR: ngettext_lazy("Moderator", "Moderators", "count"),
    Participation.Role.SPEAKER: _("Speakers"),
    Participation.Role.PANELIST: _("Panelists"),
    Participation.Role.EXPERT: _("Experts"),
    Participation.Role.JURY: _("Jury"),
    Participation.Role.LAUREATE: _("Laureates"),
    Participation.Role.ATTENDEE: _("Attending"),
}
ORGANIZATION_HEADINGS = {
    EventOrganization.Role.ORGANIZER: _("Organized by"),
    EventOrganization.Role.CO_ORGANIZER: _("Co-organized by"),
    EventOrganization.Role.HOST: _("Hosted by"),
    EventOrganization.Role.PARTNER: _("Partners"),
    EventOrganization.Role.SUPPORTER: _("Supported by"),
    EventOrganization.Role.SPONSOR: _("Sponsors"),
    EventOrganization.Role.MEDIA_PARTNER: _("Media partners"),
}


def _heading(
    roles: type[TextChoices], role: str, headings: dict[str, Any] | None, count: int = 1
) -> str:
    heading = (headings or {}).get(role)
    if heading is None:
        return str(capfirst(roles(role).label))
    # Headings that depend on the number (ngettext_lazy's "count") take it;
    # the others have no placeholder and stay as they are.
    return str(heading % {"count": count})


def group_by_role(
    rows: Iterable[Any], roles: type[TextChoices], headings: dict[str, Any] | None = None
) -> list[RoleGroup]:
    """Rows grouped by their `role`, groups in the order the choices declare."""
    grouped: dict[str, list[Any]] = defaultdict(list)
    for row in rows:
        grouped[row.role].append(row)
    return [
        RoleGroup(
            role.value,
            _heading(roles, role.value, headings, len(grouped[role.value])),
            grouped[role.value],
            len(grouped[role.value]),
        )
        for role in roles
        if role.value in grouped
    ]


def with_headings(
    groups: Iterable[RoleRows], roles: type[TextChoices], headings: dict[str, Any] | None = None
) -> list[RoleGroup]:
    """A selector's rows by role (the first of each, and totals), with headings."""
    return [
        RoleGroup(
            group.role, _heading(roles, group.role, headings, group.total), group.rows, group.total
        )
        for group in groups
    ]


@dataclass(frozen=True)
class ShownQuote:
    """A quote in the language the reader gets: the original, or the editors'
    translation (marked as such, with the original a click away)."""

    quote: Quote
    text: str
    language: str
    is_translation: bool


def shown_quote(quote: Quote) -> ShownQuote:
    """The first of the reader's languages (with the site's fallbacks) that
    the quote was said or translated in."""
    for language in fallback_languages():
        if language == quote.language:
            break
        translated = getattr(quote, build_localized_fieldname("translation", language), None)
        if translated:
            return ShownQuote(quote, translated, language, True)
    return ShownQuote(quote, quote.text, quote.language, False)


@dataclass
class EventPage:
    event: Event
    participants: list[RoleGroup]
    organizations: list[RoleGroup]
    related: list[Event]
    quotes: list[ShownQuote]
    # The event it is part of, when the reader may see it: a published event
    # can belong to a draft, which must not be named to the public.
    parent: Event | None = None
    is_draft: bool = field(init=False)

    def __post_init__(self) -> None:
        self.is_draft = self.event.status == Event.Status.DRAFT


def event_page(event: Event, user: User) -> EventPage:
    """The event (from event_detail_queryset) with its rows grouped for the
    page, and its related events (two queries)."""
    return EventPage(
        event=event,
        participants=group_by_role(
            event.participations.all(), Participation.Role, PARTICIPANT_HEADINGS
        ),
        organizations=group_by_role(
            event.organization_roles.all(), EventOrganization.Role, ORGANIZATION_HEADINGS
        ),
        related=related_events(event, user),
        quotes=[shown_quote(quote) for quote in event.quotes.all()],
        parent=visible_parent(event, user),
    )
