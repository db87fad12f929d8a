"""The trash: records deleted by editors or API clients stay in their table,
marked with the time they were deleted, until someone allowed to purge them
does, so a deletion can be undone with every related row intact.

A model with a trash declares `deleted_at` and these two managers, live rows
first so that they are its default manager: every read through `objects`, a
related manager, the admin or a form's choices then skips trashed rows
without each of them having to remember to.
"""

from django.db import models


class LiveManager(models.Manager):
    """Rows that are not in the trash."""

    def get_queryset(self) -> models.QuerySet:
        return super().get_queryset().filter(deleted_at__isnull=True)


class TrashManager(models.Manager):
    """Rows in the trash only."""

    def get_queryset(self) -> models.QuerySet:
        return super().get_queryset().filter(deleted_at__isnull=False)


class EveryRowManager(models.Manager):
    """Every row, those in the trash included."""
