"""manage.py draft_from_report PATH: propose an event from a report's text."""

import json
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.urls import reverse

from events.assistant import ReportError, propose_event
from events.assistant.proposal import Proposal
from events.assistant.save import save_proposal
from events.assistant.text import MAX_BYTES


def read_report(path: str) -> str:
    """The file's text; a CommandError with one line when it cannot be read."""
    file = Path(path)
    try:
        with file.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise CommandError(f"No such file: {path}") from None
    except IsADirectoryError:
        raise CommandError(f"{path} is a directory; give the report's file.") from None
    except OSError as error:
        raise CommandError(f"Cannot read {path}: {error.strerror}.") from None
    if len(data) > MAX_BYTES:
        raise CommandError(
            "The text is larger than 1 MB; paste the report itself, not a whole page."
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CommandError(f"{path} is not UTF-8 text.") from None


def _mark(match: str | None) -> str:
    return f"[matches {match}]" if match else "[new]"


def render(proposal: Proposal) -> str:
    """The proposal as an editor reads it in a terminal."""
    event = proposal.event
    lines = [
        f"Language: {proposal.language}",
        f"Event: {event.kind or '?'} — {event.title or '(no title)'}",
        f"  Date: {event.start_date or '?'}"
        + (f" {event.start_time:%H:%M}" if event.start_time else "")
        + (f" to {event.end_date}" if event.end_date else ""),
        f"  Place: {event.city or '?'}, {event.host_country or '?'}"
        + (f" (region {event.region})" if event.region else "")
        + (f"; venue: {event.venue}" if event.venue else ""),
        f"  Countries: {', '.join(event.countries) or '—'}; "
        f"topics: {', '.join(event.topics) or '—'}",
    ]
    if event.competition:
        lines.append(f"  Part of: {event.competition.name} {_mark(event.competition.match)}")
    lines.append(f"People ({len(proposal.people)}):")
    for number, person in enumerate(proposal.people, start=1):
        name = person.name or "(name not given)"
        lines.append(
            f"  {number}. {name} {_mark(person.match) if person.name else ''} — {person.role}"
        )
        if person.title:
            lines.append(f"     {person.title}")
        if person.organization:
            lines.append(
                f"     organization: {person.organization.name} {_mark(person.organization.match)}"
            )
    lines.append(f"Organizations ({len(proposal.organizations)}):")
    lines.extend(f"  {o.role}: {o.name} {_mark(o.match)}" for o in proposal.organizations)
    lines.append(f"Quotes ({len(proposal.quotes)}):")
    for quote in proposal.quotes:
        text = quote.text if len(quote.text) < 100 else quote.text[:97] + "…"
        lines.append(f"  {quote.person}: “{text}”")
    return "\n".join(lines)


class Command(BaseCommand):
    help = (
        "Read a press report (Russian or English) and propose its event: people with "
        "titles and roles, organizations, quotes. --save creates a draft event."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="The report as a UTF-8 text (or HTML) file.")
        parser.add_argument("--language", choices=["ru", "en"], help="Skip detection.")
        parser.add_argument("--json", action="store_true", help="Print the proposal as JSON.")
        parser.add_argument(
            "--save", action="store_true", help="Create a draft event from the proposal."
        )

    def handle(self, *args, path: str, language: str | None, **options) -> None:
        text = read_report(path)
        try:
            proposal = propose_event(text, language=language)
        except ReportError as error:
            raise CommandError(str(error)) from None
        if options["json"]:
            self.stdout.write(json.dumps(proposal.to_dict(), ensure_ascii=False, indent=2))
        else:
            self.stdout.write(render(proposal))
        if options["save"]:
            try:
                event = save_proposal(proposal)
            except (ReportError, ValidationError) as error:
                message = "; ".join(getattr(error, "messages", [str(error)]))
                raise CommandError(f"Not saved: {message}") from None
            url = reverse("admin:events_event_change", args=[event.pk])
            # With --json the standard output stays valid JSON.
            stream = self.stderr if options["json"] else self.stdout
            stream.write(f"Draft event saved: {url}")
