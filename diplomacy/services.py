"""What every app's service functions share: validate, then save; report
errors of related rows by their index; lock a record and read it afresh;
count its versions; retry a slug someone else took; find who refers to a
record before it goes to the trash."""

from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, models, router, transaction
from django.db.models.deletion import Collector, ProtectedError, RestrictedError
from django.utils import timezone
from django.utils.translation import gettext as _

M = TypeVar("M", bound=models.Model)

# Concurrent creates of records with one title each try the next free slug;
# twenty at once need at most nineteen retries.
SLUG_ATTEMPTS = 50


class NestedValidationError(ValidationError):
    """A ValidationError that also keeps per-row, per-field messages, so the
    API can name the row at fault (`participants.1.person`)."""

    def __init__(self, field: str, rows: dict[str, Any]) -> None:
        self.nested = {field: rows}
        super().__init__({field: [f"row {index}: {messages}" for index, messages in rows.items()]})


class ReferencedError(Exception):
    """The record cannot go to the trash: other records refer to it."""

    def __init__(self, records: Sequence[models.Model]) -> None:
        self.records = list(records)
        super().__init__(f"{len(self.records)} records refer to this one.")


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


def save_with_slug(instance: M, make_slug: Callable[[], str] | None) -> M:
    """save_validated(), for a record with a unique slug.

    When the slug is made here (`make_slug`), a concurrent writer may take the
    same one between our check and our insert: the insert then fails inside
    its savepoint, and the next free slug is tried. A slug the caller chose
    is kept; if a record in the trash holds it, the error says so.
    """
    for _attempt in range(SLUG_ATTEMPTS):
        if make_slug is not None:
            instance.slug = make_slug()
        try:
            return save_validated(instance)
        except ValidationError as error:
            holder = _slug_holder(instance)
            if holder is None:
                raise
            if make_slug is not None:
                continue
            in_trash = getattr(holder, "deleted_at", None) is not None
            if in_trash and "slug" not in error.message_dict:
                raise ValidationError({"slug": [_trashed_slug_message(instance)]}) from None
            raise
    raise ValidationError({NON_FIELD_ERRORS: [_("No free slug was found; try again.")]})


def _slug_holder(instance: models.Model) -> models.Model | None:
    if not instance.slug:
        return None
    others = type(instance)._base_manager.exclude(pk=instance.pk) if instance.pk else None
    others = others if others is not None else type(instance)._base_manager.all()
    return others.filter(slug=instance.slug).first()


def _trashed_slug_message(instance: models.Model) -> str:
    return _(
        "A deleted %(model)s in the trash has this slug; restore or purge it, or choose another."
    ) % {"model": instance._meta.verbose_name}


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


def locked(instance: M) -> M:
    """The record as stored now, its row locked until the transaction ends.

    An update applies what it changes to this copy, never to one read before
    the lock: two writers of one record then run one after the other, the
    second on the first one's result, and no change is lost. Must be called
    inside a transaction.
    """
    # The concrete model: a proxy's save (the trash's lists) makes no history.
    return instance._meta.concrete_model._base_manager.select_for_update().get(pk=instance.pk)


def next_version(instance: models.Model) -> int:
    """The version the record gets with this write: one more than the stored
    one (read again, as an instance rebuilt from history carries an old one)."""
    if instance.pk is None:
        return 1
    rows = instance._meta.concrete_model._base_manager.filter(pk=instance.pk)
    stored = rows.values_list("version", flat=True)
    return (stored.first() or 0) + 1


def referring_records(instance: models.Model) -> list[models.Model]:
    """Records whose protected references to this one would stop its deletion,
    those in the trash included, in a stable order."""
    collector = Collector(using=router.db_for_write(type(instance)), origin=instance)
    try:
        collector.collect([instance])
    except ProtectedError as error:
        records = error.protected_objects
    except RestrictedError as error:
        records = error.restricted_objects
    else:
        return []
    return sorted(records, key=lambda record: (record._meta.label, record.pk))


def move_to_trash(instance: M) -> M:
    """Mark a record with a trash (diplomacy/trash.py) deleted, recording it in
    its history; it keeps every row that belongs to it."""
    instance = locked(instance)
    if instance.deleted_at is None:
        instance.deleted_at = timezone.now()
        instance.version = next_version(instance)
        instance.save(update_fields=["deleted_at", "version", "updated_at"])
    return instance


def take_from_trash(instance: M) -> M:
    """Bring a record back from the trash, exactly as it was."""
    instance = locked(instance)
    if instance.deleted_at is not None:
        instance.deleted_at = None
        instance.version = next_version(instance)
        instance.save(update_fields=["deleted_at", "version", "updated_at"])
    return instance
