"""Writes to people, organizations and positions, shared by the admin and the API."""

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname
from slugify import slugify

from people.languages import LANGUAGE_CODES
from people.models import Organization, Person, Position
from people.search import refresh_organization_search, refresh_person_search


class NestedValidationError(ValidationError):
    """A ValidationError that also keeps per-row, per-field messages, so the
    API can name the row at fault (`participants.1.person`)."""

    def __init__(self, field: str, rows: dict[str, Any]) -> None:
        self.nested = {field: rows}
        super().__init__({field: [f"row {index}: {messages}" for index, messages in rows.items()]})


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_text(value: str | None, *, single_line: bool) -> str | None:
    """Text without control characters, which feeds and calendars cannot carry;
    a name or title also on one line with single spaces."""
    if not value:
        return value
    value = _CONTROL.sub("", value)
    return " ".join(value.split()) if single_line else value.strip()


def clean_translations(instance: models.Model, fields: Sequence[str], *, single_line: bool) -> None:
    for field in fields:
        for language in LANGUAGE_CODES:
            name = build_localized_fieldname(field, language)
            setattr(instance, name, clean_text(getattr(instance, name), single_line=single_line))


def first_translation(instance: models.Model, field: str) -> str:
    """The field's value in the first language that has one (English first)."""
    for language in LANGUAGE_CODES:
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


def save_validated(instance: models.Model) -> models.Model:
    """Run every model validation, then save.

    Validation reads before it writes, so two requests can both pass it and
    then collide on a unique constraint; the loser gets a validation error
    rather than a 500.
    """
    instance.full_clean()
    try:
        with transaction.atomic():
            instance.save()
    except IntegrityError:
        message = _("Someone else saved a conflicting change at the same time; try again.")
        raise ValidationError({NON_FIELD_ERRORS: [message]}) from None
    return instance


def apply_fields(instance: models.Model, fields: Mapping[str, Any]) -> None:
    for name, value in fields.items():
        setattr(instance, name, value)


def save_rows(
    field: str,
    rows: Sequence[Mapping[str, Any]],
    build: Callable[[int, Mapping[str, Any]], models.Model],
    save: Callable[[models.Model], Any] = save_validated,
) -> None:
    """Save related rows one by one, reporting every bad one by its index."""
    errors: dict[str, Any] = {}
    for index, row in enumerate(rows):
        try:
            save(build(index, row))
        except ValidationError as error:
            errors[str(index)] = (
                error.message_dict if hasattr(error, "error_dict") else error.messages
            )
    if errors:
        raise NestedValidationError(field, errors)


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
