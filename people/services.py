"""Writes to people, organizations and positions, shared by the admin and the API."""

from collections.abc import Mapping, Sequence
from functools import partial
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from diplomacy.languages import first_translation, translated_fields
from diplomacy.services import (
    ReferencedError,
    apply_fields,
    locked,
    move_to_trash,
    next_version,
    referring_records,
    save_rows,
    save_validated,
    save_with_slug,
    take_from_trash,
)
from diplomacy.text import clean_translations, unique_slug
from people.duplicates import likely_organizations, name_key
from people.models import Organization, Person, Position
from people.search import refresh_organization_search, refresh_person_search


def organization_save(*, organization: Organization) -> Organization:
    clean_translations(organization, ["name", "short_name"], single_line=True)
    organization.version = next_version(organization)
    name = first_translation(organization, "short_name") or first_translation(organization, "name")
    slug = partial(unique_slug, organization, name)
    save_with_slug(organization, None if organization.slug else slug)
    refresh_organization_search([organization.pk])
    return organization


def person_save(*, person: Person) -> Person:
    clean_translations(
        person, ["given_name", "patronymic", "family_name", "honorific_prefix"], single_line=True
    )
    person.version = next_version(person)
    names = (first_translation(person, "given_name"), first_translation(person, "family_name"))
    slug = partial(unique_slug, person, " ".join(part for part in names if part))
    save_with_slug(person, None if person.slug else slug)
    refresh_person_search([person.pk])
    return person


def position_save(*, position: Position) -> Position:
    clean_translations(position, ["title"], single_line=True)
    return save_validated(position)


def find_or_create_organization(name: str) -> Organization | None:
    if not name:
        return None
    found = likely_organizations(names=[name])
    # Only the same name (in any script) is the same organization: "Centre 2"
    # is alike to "Centre 0", yet another one.
    wanted = name_key(name)
    exact = [o for o in found if wanted in {name_key(n or "") for n in organization_names(o)}]
    if exact:
        return exact[0]
    organization = Organization(name=name)
    return organization_save(organization=organization)


def organization_names(organization: Organization) -> list[str]:
    return [getattr(organization, field) for field in translated_fields("name", "short_name")]


@transaction.atomic
def person_add_post(*, person: Person, title: str, organization_name: str = "") -> Position:
    """A new post of a person, its organization found by name or created:
    the one step of adding someone with their post from an event's form."""
    organization = find_or_create_organization(organization_name.strip())
    return position_save(position=Position(person=person, title=title, organization=organization))


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
    """Change only the fields given, on the person as stored now (locked), so
    a concurrent update is never undone; positions are replaced when given."""
    person = locked(person)
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
    """Change only the fields given, on the organization as stored now (locked)."""
    organization = locked(organization)
    apply_fields(organization, fields)
    return organization_save(organization=organization)


# --- the trash ------------------------------------------------------------------
# A person or an organization goes to the trash only when a deletion would be
# allowed: when no event, position, entry or other organization refers to
# them. Otherwise ReferencedError names those records.


@transaction.atomic
def person_delete(*, person: Person) -> Person:
    person = locked(person)
    _refuse_if_referenced(person)
    return move_to_trash(person)


@transaction.atomic
def organization_delete(*, organization: Organization) -> Organization:
    organization = locked(organization)
    _refuse_if_referenced(organization)
    return move_to_trash(organization)


def _refuse_if_referenced(record: Person | Organization) -> None:
    records = referring_records(record)
    if records:
        raise ReferencedError(records)


@transaction.atomic
def person_restore(*, person: Person) -> Person:
    return take_from_trash(person)


@transaction.atomic
def organization_restore(*, organization: Organization) -> Organization:
    return take_from_trash(organization)


@transaction.atomic
def purge(*, record: Person | Organization) -> None:
    """Delete a person or an organization in the trash for good."""
    record = locked(record)
    if record.deleted_at is None:
        raise ValidationError(_("Only a record in the trash can be purged."))
    record.delete()
