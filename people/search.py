"""Search of people and organizations: their stored vectors, refreshed by the
service functions (see diplomacy/search.py for how searching works)."""

from collections.abc import Iterable

from django.db.models import F, TextField, Value
from django.db.models.functions import Coalesce, Concat, Lower

from diplomacy.languages import translated_fields
from diplomacy.pagecache import bump_after_commit
from diplomacy.search import fold, is_postgresql, names_vector, translated_vector
from people.models import Organization, Person

PERSON_NAME_FIELDS = translated_fields("given_name", "patronymic", "family_name")
ORGANIZATION_NAME_FIELDS = translated_fields("name", "short_name")


def refresh_person_search(person_ids: Iterable[int]) -> None:
    people = Person.objects.filter(pk__in=list(person_ids))
    if is_postgresql(people):
        # With the spellings of people merged into this one (people/merging.py).
        names = [*PERSON_NAME_FIELDS, "known_names"]
        spellings = [Coalesce(F(name), Value(""), output_field=TextField()) for name in names]
        joined = spellings[0]
        for spelling in spellings[1:]:
            joined = Concat(joined, Value(" "), spelling, output_field=TextField())
        people.update(
            search_vector=names_vector([F(name) for name in names], "A")
            + translated_vector("bio", "C"),
            search_names=Lower(fold(joined)),
        )
        bump_after_commit()  # QuerySet.update sends no post_save


def refresh_organization_search(organization_ids: Iterable[int]) -> None:
    organizations = Organization.objects.filter(pk__in=list(organization_ids))
    if is_postgresql(organizations):
        organizations.update(
            search_vector=translated_vector("name", "A")
            + translated_vector("short_name", "A")
            + names_vector([F("known_names")], "A")
            + translated_vector("description", "C")
        )
        bump_after_commit()
