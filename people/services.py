"""Writes to people, organizations and positions, shared by the admin and the API."""

from collections.abc import Mapping, Sequence
from typing import Any

from django.db import transaction

from diplomacy.languages import first_translation
from diplomacy.services import apply_fields, save_rows, save_validated
from diplomacy.text import clean_translations, unique_slug
from people.models import Organization, Person, Position
from people.search import refresh_organization_search, refresh_person_search


def organization_save(*, organization: Organization) -> Organization:
    clean_translations(organization, ["name", "short_name"], single_line=True)
    if not organization.slug:
        name = first_translation(organization, "short_name") or first_translation(
            organization, "name"
        )
        organization.slug = unique_slug(organization, name)
    save_validated(organization)
    refresh_organization_search([organization.pk])
    return organization


def person_save(*, person: Person) -> Person:
    clean_translations(
        person, ["given_name", "patronymic", "family_name", "honorific_prefix"], single_line=True
    )
    if not person.slug:
        names = (first_translation(person, "given_name"), first_translation(person, "family_name"))
        person.slug = unique_slug(person, " ".join(part for part in names if part))
    save_validated(person)
    refresh_person_search([person.pk])
    return person


def position_save(*, position: Position) -> Position:
    clean_translations(position, ["title"], single_line=True)
    return save_validated(position)


@transaction.atomic
def person_create(
    *, fields: Mapping[str, Any], positions: Sequence[Mapping[str, Any]] = ()
) -> Person:
    person = Person()
    apply_fields(person, fields)
    person_save(person=person)
    _replace_positions(person, positions)
    return person


@transaction.atomic
def person_update(
    *,
    person: Person,
    fields: Mapping[str, Any],
    positions: Sequence[Mapping[str, Any]] | None = None,
) -> Person:
    apply_fields(person, fields)
    person_save(person=person)
    if positions is not None:
        _replace_positions(person, positions)
    return person


def _replace_positions(person: Person, positions: Sequence[Mapping[str, Any]]) -> None:
    # A position sent with its id keeps its identity (participations point at
    # it); the others are replaced.
    kept_ids = [row["id"] for row in positions if row.get("id")]
    person.positions.exclude(pk__in=kept_ids).delete()
    existing = {position.pk: position for position in person.positions.filter(pk__in=kept_ids)}

    def build(index: int, row: Mapping[str, Any]) -> Position:
        values = dict(row)
        position = existing.get(values.pop("id", None)) or Position(person=person)
        apply_fields(position, values)
        return position

    save_rows("positions", positions, build, lambda position: position_save(position=position))


@transaction.atomic
def organization_create(*, fields: Mapping[str, Any]) -> Organization:
    organization = Organization()
    apply_fields(organization, fields)
    return organization_save(organization=organization)


@transaction.atomic
def organization_update(*, organization: Organization, fields: Mapping[str, Any]) -> Organization:
    apply_fields(organization, fields)
    return organization_save(organization=organization)
