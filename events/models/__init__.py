"""The events app's models: events with their people, organizations, quotes
and sources (events.py), and competitions (competitions.py)."""

from events.models.competitions import Competition, Edition, Entry, Nomination
from events.models.events import (
    START_TIME_KEY,
    DeletedEvent,
    Event,
    EventOrganization,
    Participation,
    Quote,
    Source,
    Topic,
    validate_timezone,
)

__all__ = [
    "START_TIME_KEY",
    "Competition",
    "DeletedEvent",
    "Edition",
    "Entry",
    "Event",
    "EventOrganization",
    "Nomination",
    "Participation",
    "Quote",
    "Source",
    "Topic",
    "validate_timezone",
]
