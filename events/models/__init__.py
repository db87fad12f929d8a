"""The events app's models: events with their people, organizations, quotes
and sources (events.py), competitions (competitions.py), and what events
achieved: outcomes and reported figures (outcomes.py)."""

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
from events.models.outcomes import REPORTED_NUMBERS, Outcome, OutcomeParty, ReportedFigures

__all__ = [
    "REPORTED_NUMBERS",
    "START_TIME_KEY",
    "Competition",
    "DeletedEvent",
    "Edition",
    "Entry",
    "Event",
    "EventOrganization",
    "Nomination",
    "Outcome",
    "OutcomeParty",
    "Participation",
    "Quote",
    "ReportedFigures",
    "Source",
    "Topic",
    "validate_timezone",
]
