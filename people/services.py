"""Writes to people, organizations and positions, shared by the admin and the API."""

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from django.db import models, transaction
from modeltranslation.utils import build_localized_fieldname
from slugify import slugify

from people.models import Organization, Person, Position
from people.search import refresh_organization_search, refresh_person_search

SLUG_SOURCE_LANGUAGES = ("en", "ru", "ky")


def first_translation(instance: models.Model, field: str) -> str:
    """The field's value in the first language that has one (English first)."""
    for language in SLUG_SOURCE_LANGUAGES:
        value = getattr(instance, build_localized_fieldname(field, language), None)
        if value:
            return value
    return getattr(instance, field, "") or ""


def unique_slug(instance: models.Model, text: str, *, max_length: int = 100) -> str:
    """A slug from any script (Cyrillic is transliterated), unique in its table."""
    base = slugify(text, max_length=max_length - 4, word_boundary=True) or "item"
    others = type(instance)._default_manager.exclude(pk=instance.pk)
    taken = set(others.filter(slug__startswith=base).values_list("slug", flat=True))
    candidate, number = base, 2
    while candidate in taken:
        candidate = f"{base}-{number}"
        number += 1
    return candidate


def _full_clean_and_save(instance: models.Model, *, exclude: Iterable[str] = ()) -> None:
    instance.full_clean(exclude=list(exclude))
    instance.save()


def apply_fields(instance: models.Model, fields: Mapping[str, Any]) -> None:
    for name, value in fields.items():
        setattr(instance, name, value)


def organization_save(*, organization: Organization) -> Organization:
    if not organization.slug:
        organization.slug = unique_slug(
            organization,
            first_translation(organization, "short_name")
            or first_translation(organization, "name"),
        )
    _full_clean_and_save(organization)
    refresh_organization_search([organization.pk])
    return organization


def person_save(*, person: Person) -> Person:
    if not person.slug:
        name = " ".join(
            part
            for part in (
                first_translation(person, "given_name"),
                first_translation(person, "family_name"),
            )
            if part
        )
        person.slug = unique_slug(person, name)
    _full_clean_and_save(person)
    refresh_person_search([person.pk])
    return person


def position_save(*, position: Position) -> Position:
    _full_clean_and_save(position)
    return position


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
    # Positions referred to by participations keep their identity when the
    # caller sends their id; the rest are replaced.
    kept_ids = [row["id"] for row in positions if row.get("id")]
    person.positions.exclude(pk__in=kept_ids).delete()
    existing = {position.pk: position for position in person.positions.filter(pk__in=kept_ids)}
    for row in positions:
        row = dict(row)
        position = existing.get(row.pop("id", None)) or Position(person=person)
        apply_fields(position, row)
        position_save(position=position)


@transaction.atomic
def organization_create(*, fields: Mapping[str, Any]) -> Organization:
    organization = Organization()
    apply_fields(organization, fields)
    return organization_save(organization=organization)


@transaction.atomic
def organization_update(*, organization: Organization, fields: Mapping[str, Any]) -> Organization:
    apply_fields(organization, fields)
    return organization_save(organization=organization)
