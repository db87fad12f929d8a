from django.core.management.base import BaseCommand

from events.demo import load_demo_data


class Command(BaseCommand):
    help = (
        "Load the seed record: the Bishkek round table of 24 April 2023 with its "
        "competition, people and organizations. Running it again changes nothing."
    )

    def handle(self, *args, **options) -> None:
        counts = load_demo_data()
        if counts.written:
            self.stdout.write(
                self.style.SUCCESS(f"Demo data loaded ({counts.written} rows written).")
            )
        else:
            self.stdout.write("Demo data already up to date; nothing changed.")
