"""Reads of people, organizations, countries and regions, for the public
pages and the API alike.

Every function here runs a fixed number of queries, whatever the number of
rows (stated where it is more than one), so the pages and API lists built on
them stay at a constant query count.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Case, F, Prefetch, Q, QuerySet, Value, When
from django.utils import timezone
from django.utils.translation import get_language
from modeltranslation.utils import build_localized_fieldname

from diplomacy.languages import LANGUAGE_CODES, fallback_languages, localized, translated_sort_key
from diplomacy.ordering import Ordering, both_ways
from diplomacy.search import exact_first, search
from people.models import Country, Merge, Organization, Person, Position, Region
from people.search import ORGANIZATION_NAME_FIELDS, PERSON_NAME_FIELDS

# The API's sort orders (see diplomacy.ordering); the last key makes each total.
PERSON_ORDERINGS = {
    **both_ways(
        "name",
        Ordering(("name_sort", "pk"), {"name_sort": lambda: translated_sort_key("family_name")}),
    ),
    **both_ways("updated_at", Ordering(("updated_at", "pk"))),
}
ORGANIZATION_ORDERINGS = {
    **both_ways(
        "name", Ordering(("name_sort", "pk"), {"name_sort": lambda: translated_sort_key("name")})
    ),
    **both_ways("updated_at", Ordering(("updated_at", "pk"))),
}
PLACE_ORDERINGS = {
    "code": Ordering(("code",)),
    "name": Ordering(("name_sort", "code"), {"name_sort": lambda: translated_sort_key("name")}),
}


# --- people --------------------------------------------------------------------


def person_queryset() -> QuerySet[Person]:
    """People with their country and positions, current ones first, then by
    start date: two queries for any number of people."""
    today = timezone.localdate()
    positions = Position.objects.select_related("organization").order_by(
        Case(
            When(Q(end_date__isnull=True) | Q(end_date__gte=today), then=Value(0)),
            default=Value(1),
        ),
        F("start_date").desc(nulls_last=True),
        "pk",
    )
    return Person.objects.select_related("country").prefetch_related(
        Prefetch("positions", queryset=positions)
    )


@dataclass(frozen=True)
class NameVariant:
    language: str
    name: str


def _full_name_in(person: Person, language: str) -> str:
    parts = [
        getattr(person, build_localized_fieldname(field, language)) or ""
        for field in ("honorific_prefix", "given_name", "patronymic", "family_name")
    ]
    return " ".join(part for part in parts if part) if parts[1] else ""


def written_name(person: Person) -> NameVariant:
    """The full name as written in one language, the first of the fallbacks that has it.

    Falling back field by field would mix scripts ("Vladimir Юрьевич Zorin"
    when only the Russian form has a patronymic); a name is taken whole.
    """
    for language in fallback_languages():
        name = _full_name_in(person, language)
        if name:
            return NameVariant(language=language, name=name)
    return NameVariant(language=get_language() or LANGUAGE_CODES[0], name=person.full_name)


def name_variants(person: Person) -> list[NameVariant]:
    """The full name as written in the other site languages, when it differs.

    Readers search in Latin or Cyrillic; showing both spellings tells them the
    page is about the person they know by the other one.
    """
    seen = {written_name(person).name}
    variants: list[NameVariant] = []
    for language in LANGUAGE_CODES:
        name = _full_name_in(person, language)
        if name and name not in seen:
            seen.add(name)
            variants.append(NameVariant(language=language, name=name))
    return variants


def is_current(position: Position, today: datetime.date | None = None) -> bool:
    today = today or timezone.localdate()
    return position.end_date is None or position.end_date >= today


def search_people(text: str, *, limit: int) -> list[Person]:
    """People whose names or biographies match, best first."""
    people = search(
        Person.objects.select_related("country"),
        text,
        fallback_fields=PERSON_NAME_FIELDS,
        similar_field="search_names",
    )
    people = exact_first(people, PERSON_NAME_FIELDS, text)
    if "search_rank" in people.query.annotations:
        people = people.order_by("-search_exact", "-search_rank", localized("family_name"), "pk")
    else:
        people = people.order_by(
            "-search_exact", localized("family_name"), localized("given_name"), "pk"
        )
    return list(people[:limit])


# --- organizations -------------------------------------------------------------


def organization_queryset() -> QuerySet[Organization]:
    """Organizations with their country, region and parent, in one query."""
    return Organization.objects.select_related("country", "region", "parent")


def organization_with_parts() -> QuerySet[Organization]:
    """As organization_queryset, with the organizations it comprises by name
    (a second query)."""
    return organization_queryset().prefetch_related(
        Prefetch("children", queryset=Organization.objects.order_by(localized("name"), "pk"))
    )


@dataclass(frozen=True)
class Members:
    current: list[Position]
    former: list[Position]


def organization_members(organization: Organization) -> Members:
    """Posts held in the organization, current and former, most recent first."""
    today = timezone.localdate()
    positions = (
        Position.objects.filter(organization=organization, person__deleted_at__isnull=True)
        .select_related("person")
        .order_by(F("start_date").desc(nulls_last=True), localized("family_name", "person__"), "pk")
    )
    current: list[Position] = []
    former: list[Position] = []
    for position in positions:
        (current if is_current(position, today) else former).append(position)
    return Members(current=current, former=former)


def search_organizations(text: str, *, limit: int) -> list[Organization]:
    organizations = search(
        Organization.objects.select_related("country"),
        text,
        fallback_fields=ORGANIZATION_NAME_FIELDS,
    )
    organizations = exact_first(organizations, ORGANIZATION_NAME_FIELDS, text)
    if "search_rank" in organizations.query.annotations:
        organizations = organizations.order_by(
            "-search_exact", "-search_rank", localized("name"), "pk"
        )
    else:
        organizations = organizations.order_by("-search_exact", localized("name"), "pk")
    return list(organizations[:limit])


# --- countries -----------------------------------------------------------------


def countries_by_name() -> QuerySet[Country]:
    return Country.objects.order_by(localized("name"), "code")


def country_regions(country: Country) -> list[Region]:
    """The country's ISO 3166-2 subdivisions, by name."""
    return list(country.regions.order_by(localized("name"), "code"))


@dataclass(frozen=True)
class CountryActors:
    organizations: list[Organization]
    organization_count: int
    people: list[Person]
    person_count: int


def country_actors(country: Country, *, limit: int) -> CountryActors:
    """Organizations and people from the country, the first `limit` of each by name."""
    organizations = country.organizations.order_by(localized("name"), "pk")
    people = country.people.order_by(localized("family_name"), localized("given_name"), "pk")
    return CountryActors(
        organizations=list(organizations[:limit]),
        organization_count=organizations.count(),
        people=list(people[:limit]),
        person_count=people.count(),
    )


# --- merged records --------------------------------------------------------------


def merged_target(model: type[Person] | type[Organization], slug: str):
    """The live record a merged-away slug now stands for, following merges
    of merges; None when the slug was never merged away."""
    kind = model._meta.concrete_model._meta.model_name
    record = None
    for _step in range(10):
        merge = (
            Merge.objects.filter(**{f"merged_{kind}__slug": slug})
            .select_related(f"kept_{kind}")
            .first()
        )
        if merge is None:
            break
        record = getattr(merge, f"kept_{kind}")
        if record.deleted_at is None:
            return record
        slug = record.slug
    return None
