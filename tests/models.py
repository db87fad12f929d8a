"""Helpers for tests of the database: which one runs, and its constraints."""

from django.db import IntegrityError, connection, transaction

# The behaviours some tests check exist only on PostgreSQL (stored search
# vectors, stemming, trigrams, row locks): see the `postgresql` marker.
ON_POSTGRESQL = connection.vendor == "postgresql"


def database_rejects(change) -> str:
    """Run a write; return the database's complaint (lower case), or "" if it
    accepted it. PostgreSQL and SQLite both name a failed CHECK constraint;
    for a failed UNIQUE one SQLite names the table and columns instead."""
    try:
        with transaction.atomic():
            change()
    except IntegrityError as error:
        return str(error).lower()
    return ""
