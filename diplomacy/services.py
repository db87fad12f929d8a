"""What every app's service functions share: validate, then save, and report
errors of related rows by their index."""

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext as _


class NestedValidationError(ValidationError):
    """A ValidationError that also keeps per-row, per-field messages, so the
    API can name the row at fault (`participants.1.person`)."""

    def __init__(self, field: str, rows: dict[str, Any]) -> None:
        self.nested = {field: rows}
        super().__init__({field: [f"row {index}: {messages}" for index, messages in rows.items()]})


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
