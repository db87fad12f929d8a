"""schema.org JSON-LD for an event page, for search engines and link previews."""

import datetime
import json
from collections.abc import Callable
from typing import Any

from django.utils.html import strip_tags
from django.utils.safestring import SafeString, mark_safe

from events.models import Event, EventOrganization, Participation
from website.pages.event import EventPage

EVENT_STATUSES = {
    Event.Status.PUBLISHED: "https://schema.org/EventScheduled",
    Event.Status.DRAFT: "https://schema.org/EventScheduled",
    Event.Status.CANCELLED: "https://schema.org/EventCancelled",
    Event.Status.POSTPONED: "https://schema.org/EventPostponed",
}
# Who is on stage, as opposed to in the audience.
PERFORMER_ROLES = {
    Participation.Role.WELCOME_ADDRESS,
    Participation.Role.MODERATOR,
    Participation.Role.SPEAKER,
    Participation.Role.PANELIST,
    Participation.Role.EXPERT,
    Participation.Role.JURY,
}
ORGANIZER_ROLES = {
    EventOrganization.Role.ORGANIZER,
    EventOrganization.Role.CO_ORGANIZER,
    EventOrganization.Role.HOST,
}
SPONSOR_ROLES = {EventOrganization.Role.SPONSOR, EventOrganization.Role.SUPPORTER}
CONTRIBUTOR_ROLES = {EventOrganization.Role.PARTNER, EventOrganization.Role.MEDIA_PARTNER}

# Characters that could end the <script> element or open a comment inside it;
# escaped as JSON allows, like Django's json_script does.
_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def _moment(value: datetime.date | datetime.datetime) -> str:
    # A date alone when no time is known; with its UTC offset when it is.
    return value.isoformat()


def _place(event: Event) -> dict[str, Any]:
    address: dict[str, Any] = {"@type": "PostalAddress"}
    if event.city:
        address["addressLocality"] = event.city
    if event.region_id:
        address["addressRegion"] = event.region.name
    if event.host_country_id:
        address["addressCountry"] = event.host_country_id
    place: dict[str, Any] = {"@type": "Place", "address": address}
    place["name"] = (
        event.venue or event.city or (event.host_country.name if event.host_country_id else "")
    )
    return place


def event_json_ld(
    page: EventPage, *, absolute: Callable[[str], str], language: str
) -> dict[str, Any]:
    event = page.event
    url = absolute(event.get_absolute_url())
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "@id": url,
        "url": url,
        "name": event.title,
        "inLanguage": language,
        "startDate": _moment(event.start),
        "endDate": _moment(event.end),
        "eventStatus": EVENT_STATUSES[event.status],
    }
    if event.summary:
        data["description"] = strip_tags(event.summary)
    data |= _location(event)
    if event.image:
        data["image"] = [absolute(event.image.url)]
    data |= _organizations(event, absolute)
    data |= _people(event, absolute)
    super_event = _super_event(page, absolute)
    if super_event:
        data["superEvent"] = super_event
    topics = [topic.name for topic in event.topics.all()]
    if topics:
        data["keywords"] = ", ".join(topics)
    return data


def _location(event: Event) -> dict[str, Any]:
    """`location` (the venue, an online link or both) and the attendance mode."""
    data: dict[str, Any] = {}
    locations: list[dict[str, Any]] = []
    if event.venue or event.city or event.host_country_id:
        locations.append(_place(event))
    if event.online_url:
        locations.append({"@type": "VirtualLocation", "url": event.online_url})
    if locations:
        data["location"] = locations[0] if len(locations) == 1 else locations
    if event.online_url and len(locations) == 1:
        mode = "OnlineEventAttendanceMode"
    elif event.online_url:
        mode = "MixedEventAttendanceMode"
    else:
        mode = "OfflineEventAttendanceMode"
    data["eventAttendanceMode"] = f"https://schema.org/{mode}"
    return data


def _organizations(event: Event, absolute: Callable[[str], str]) -> dict[str, Any]:
    """Organizers, sponsors and contributors, by their roles in the event."""

    def organization(role: EventOrganization) -> dict[str, Any]:
        org = role.organization
        item = {"@type": "Organization", "name": org.name, "url": absolute(org.get_absolute_url())}
        if org.website:
            item["sameAs"] = org.website
        return item

    roles = list(event.organization_roles.all())
    data: dict[str, Any] = {}
    for key, kinds in (
        ("organizer", ORGANIZER_ROLES),
        ("sponsor", SPONSOR_ROLES),
        ("contributor", CONTRIBUTOR_ROLES),
    ):
        items = [organization(role) for role in roles if role.role in kinds]
        if items:
            data[key] = items
    return data


def _people(event: Event, absolute: Callable[[str], str]) -> dict[str, Any]:
    """Named participants: performers on stage, attendees in the audience."""
    performers, attendees = [], []
    for participation in event.participations.all():
        if participation.person_id is None:
            continue  # schema.org has no way to say "a director, unnamed"
        person = participation.person
        item: dict[str, Any] = {
            "@type": "Person",
            "name": person.name,
            "url": absolute(person.get_absolute_url()),
        }
        if participation.position_title:
            item["jobTitle"] = participation.position_title
        (performers if participation.role in PERFORMER_ROLES else attendees).append(item)
    data: dict[str, Any] = {}
    if performers:
        data["performer"] = performers
    if attendees:
        data["attendee"] = attendees
    return data


def _super_event(page: EventPage, absolute: Callable[[str], str]) -> dict[str, Any] | None:
    """The event it is part of, or the competition edition it belongs to."""
    event = page.event
    if page.parent is not None:
        return {
            "@type": "Event",
            "name": page.parent.title,
            "url": absolute(page.parent.get_absolute_url()),
        }
    if event.edition_id:
        competition = event.edition.competition
        return {
            "@type": "EventSeries",
            "name": f"{competition.title} {event.edition.year}",
            "url": absolute(competition.get_absolute_url()),
        }
    return None


def json_ld_script_content(data: dict[str, Any]) -> SafeString:
    """JSON safe to put between <script type="application/ld+json"> tags."""
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(_ESCAPES))  # noqa: S308
