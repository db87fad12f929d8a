"""Reads of people and organizations with everything their pages and API show."""

from django.db.models import Prefetch, QuerySet

from people.models import Organization, Person, Position


def people_for_api() -> QuerySet[Person]:
    return Person.objects.select_related("country").prefetch_related(
        Prefetch(
            "positions",
            queryset=Position.objects.select_related("organization").order_by("-start_date", "pk"),
        )
    )


def organizations_for_api() -> QuerySet[Organization]:
    return Organization.objects.select_related("country", "parent")
