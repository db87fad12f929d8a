from django.core.management.base import BaseCommand

from people.reference import load_reference_data


class Command(BaseCommand):
    help = "Load or refresh every ISO 3166 country and subdivision (safe to run again)."

    def handle(self, *args, **options) -> None:
        counts = load_reference_data()
        self.stdout.write(
            self.style.SUCCESS(f"{counts.countries} countries and {counts.regions} regions loaded.")
        )
