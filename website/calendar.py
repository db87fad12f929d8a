"""iCalendar (RFC 5545) for one event or a list of them, with the icalendar package.

Times are written in the venue's zone with a VTIMEZONE for it, so a calendar
shows "10:00 in Bishkek" correctly wherever the reader is. An event whose
time is not known is an all-day event with DATE values. One that spans
several days from a known start time without an end time keeps its start
time and ends at the close of its last day: turning it into an all-day event
lost the time editors entered.
"""

import datetime
from collections.abc import Callable, Iterable
from urllib.parse import urlsplit

import icalendar
from django.conf import settings
from django.utils.html import strip_tags
from django.utils.text import capfirst

from diplomacy.text import clean_text
from events.models import Event
from website.locations import event_place

PRODID = "-//diplomacy//Public diplomacy events//EN"

STATUSES = {
    Event.Status.PUBLISHED: "CONFIRMED",
    Event.Status.CANCELLED: "CANCELLED",
    # Postponed: it will happen, but not when the calendar says.
    Event.Status.POSTPONED: "TENTATIVE",
    Event.Status.DRAFT: "TENTATIVE",
}


def _uid(event: Event) -> str:
    # The same in every language, so subscribing to two languages does not
    # double the events.
    host = urlsplit(settings.SITE_URL).hostname or "localhost"
    return f"event-{event.pk}@{host}"


def _location(event: Event) -> str:
    return str(event_place(event))


def _times(
    event: Event,
) -> tuple[datetime.date | datetime.datetime, datetime.date | datetime.datetime | None]:
    """DTSTART and DTEND, both dates or both times in the venue's zone."""
    single_day = event.end_date in (None, event.start_date)
    if event.start_time is not None and (event.end_time is not None or single_day):
        start = event.start
        return start, (event.end if event.end_time is not None else None)
    if event.start_time is not None:
        # A DATE-TIME start needs a DATE-TIME end: midnight after the last day.
        following = event.last_date + datetime.timedelta(days=1)
        return event.start, datetime.datetime.combine(following, datetime.time(0), event.tzinfo)
    # DTEND of an all-day event is the day after its last day (exclusive).
    return event.start_date, event.last_date + datetime.timedelta(days=1)


def ical_event(event: Event, url: str) -> icalendar.Event:
    start, end = _times(event)
    component = icalendar.Event()
    component.add("uid", _uid(event))
    component.add("dtstamp", event.updated_at)
    component.add("created", event.created_at)
    component.add("last-modified", event.updated_at)
    component.add("dtstart", start)
    if end is not None:
        component.add("dtend", end)
    # Control characters are not allowed in iCalendar text; saving removes
    # them, and this keeps a row written some other way from breaking the file.
    component.add("summary", clean_text(event.title, single_line=True))
    summary = clean_text(strip_tags(event.summary), single_line=False)
    description = "\n\n".join(part for part in (summary, url) if part)
    component.add("description", description)
    location = _location(event)
    if location:
        component.add("location", location)
    component.add("url", url)
    component.add("status", STATUSES[event.status])
    categories = [capfirst(str(event.get_kind_display()))]
    categories += [topic.name for topic in event.topics.all()]
    component.add("categories", categories)
    return component


def ical_calendar(events: Iterable[Event], *, name: str, url_for: Callable[[Event], str]) -> bytes:
    """A calendar of the events (with host_country, region and topics loaded)."""
    name = clean_text(name, single_line=True)  # a calendar's name is one line
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("name", name)
    for event in events:
        calendar.add_component(ical_event(event, url_for(event)))
    calendar.add_missing_timezones()
    return calendar.to_ical()
