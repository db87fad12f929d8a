"""Drafting an event from the text of a press report.

`propose_event(text)` reads a Russian or English report and returns a
`Proposal`: the event's facts, its people with their titles and roles, its
organizations with theirs, and its quotations, each matched to the registry
where a record exists. Nothing is written; `save_proposal` turns an accepted
proposal into a draft event. See docs/assistant.md.
"""

from events.assistant.extract import propose_event
from events.assistant.proposal import Proposal
from events.assistant.text import ReportError

__all__ = ["Proposal", "ReportError", "propose_event"]
