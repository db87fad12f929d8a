"""The event page: its timing, its people and organizations grouped by role,
the event it belongs to and related events."""

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import TextChoices
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from events.models import Event, EventOrganization, Participation
from events.selectors.events import User, related_events, visible_parent
from events.selectors.involvement import RoleRows


@dataclass(frozen=True)
class Timing:
    """An event's dates and times at the venue, ready to show."""

    start_date: datetime.date
    end_date: datetime.date | None  # only when it ends on a later day
    start_time: datetime.time | None
    end_time: datetime.time | None
    timezone: str
    utc_offset: str  # "UTC+06:00", when a time is known
    start_iso: str  # for <time datetime="…">: a date, or a time with its offset
    end_iso: str | None


def _offset_label(moment: datetime.datetime) -> str:
    offset = moment.utcoffset() or datetime.timedelta()
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "−"
    hours, minutes = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{minutes:02d}"


def event_timing(event: Event) -> Timing:
    start = event.start
    end = event.end
    timed = isinstance(start, datetime.datetime)
    ends_later = event.end_date is not None and event.end_date != event.start_date
    return Timing(
        start_date=event.start_date,
        end_date=event.end_date if ends_later else None,
        start_time=event.start_time,
        end_time=event.end_time,
        timezone=event.timezone,
        utc_offset=_offset_label(start) if timed else "",
        start_iso=start.isoformat(),
        end_iso=end.isoformat() if (ends_later or event.end_time) else None,
    )


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
    Participation.Role.MODERATOR: _("Moderation"),
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


def _heading(roles: type[TextChoices], role: str, headings: dict[str, Any] | None) -> str:
    return str((headings or {}).get(role) or capfirst(roles(role).label))


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
            _heading(roles, role.value, headings),
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
        RoleGroup(group.role, _heading(roles, group.role, headings), group.rows, group.total)
        for group in groups
    ]


@dataclass
class EventPage:
    event: Event
    timing: Timing
    participants: list[RoleGroup]
    organizations: list[RoleGroup]
    related: list[Event]
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
        timing=event_timing(event),
        participants=group_by_role(
            event.participations.all(), Participation.Role, PARTICIPANT_HEADINGS
        ),
        organizations=group_by_role(
            event.organization_roles.all(), EventOrganization.Role, ORGANIZATION_HEADINGS
        ),
        related=related_events(event, user),
        parent=visible_parent(event, user),
    )
