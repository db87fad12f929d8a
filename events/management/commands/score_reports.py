"""manage.py score_reports [DIR]: measure the assistant against answer keys."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from events.assistant import propose_event
from events.assistant.scoring import Score, below_target, corpus, score_report, table

DEFAULT_DIR = Path(settings.BASE_DIR) / "tests" / "events" / "assistant" / "reports"


class Command(BaseCommand):
    help = (
        "Run the assistant on each report in DIR (report.txt beside its key report.json) "
        "and print people recall and precision, titles, roles, organizations, the event's "
        "date, city and country, and quotes, per report and in total."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("directory", nargs="?", default=str(DEFAULT_DIR))
        parser.add_argument(
            "--check", action="store_true", help="Exit non-zero when a target is missed."
        )
        parser.add_argument("--details", action="store_true", help="List every miss.")

    def handle(self, *args, directory: str, **options) -> None:
        pairs = corpus(Path(directory))
        if not pairs:
            raise CommandError(f"No report with an answer key in {directory}.")
        scores, total = [], Score("total")
        for report, key in pairs:
            proposal = propose_event(report.read_text(encoding="utf-8"), language=key["language"])
            score = score_report(proposal, key, report.stem)
            scores.append(score)
            total.add(score)
        self.stdout.write(table(scores, total))
        if options["details"]:
            for score in scores:
                for miss in score.misses:
                    self.stdout.write(f"{score.name}: {miss}")
        failed = below_target(total)
        if failed:
            message = "Below target: " + ", ".join(failed)
            if options["check"]:
                raise CommandError(message)
            self.stdout.write(message)
