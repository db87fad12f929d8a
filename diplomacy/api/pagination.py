"""Keyset ("cursor") pagination for the API.

A page is "the next page_size rows after this key", found through the
ordering's index, so page 1,000 costs what page 1 does and no request counts
the table. The list arrives ordered by plain names ending in a unique one (the
`ordering` filter applies one of diplomacy.ordering's orderings); the cursor
is the last row's values of those keys, opaque to clients.
"""

import base64
import binascii
import json
import re
from collections.abc import Callable, Sequence
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import connection
from django.db.models import Q, QuerySet
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import BasePagination
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param

MAX_PAGE_SIZE = 100
# What a cursor is made of: URL-safe base64 without its padding.
CURSOR_PATTERN = r"^[A-Za-z0-9_-]+$"


class KeysetPagination(BasePagination):
    page_size = 20
    cursor_query_param = "cursor"
    page_size_query_param = "page_size"

    def paginate_queryset(self, queryset: QuerySet, request, view=None) -> list:
        page = self.page_queryset(queryset, request)
        return self.take_page(list(page), lambda row: [getattr(row, key) for key in self.names])

    def page_queryset(self, queryset: QuerySet, request) -> QuerySet:
        """The page's rows and the one after it (is there a next page?), not run yet."""
        self.request = request
        keys = _sort_keys(queryset)
        self.keys = keys
        self.names = [key.lstrip("-") for key in keys]
        self.ordering_name = ",".join(keys)
        self.page_size = self._page_size(request)
        cursor = self._decode_cursor(request)
        if cursor is not None:
            queryset = queryset.filter(_after(keys, _clean(queryset, keys, cursor)))
        return queryset[: self.page_size + 1]

    def take_page(self, rows: list, key_of: Callable[[Any], list]) -> list:
        """The page out of page_queryset()'s rows; `key_of` gives a row's key values."""
        self.has_next = len(rows) > self.page_size
        rows = rows[: self.page_size]
        self.next_key = [_plain(value) for value in key_of(rows[-1])] if self.has_next else None
        return rows

    def get_paginated_response(self, data) -> Response:
        return Response({"next": self.get_next_link(), "results": data})

    def get_next_link(self) -> str | None:
        if not self.has_next:
            return None
        token = encode_cursor(self.ordering_name, self.next_key)
        return replace_query_param(
            self.request.build_absolute_uri(), self.cursor_query_param, token
        )

    def get_paginated_response_schema(self, schema: dict) -> dict:
        return {
            "type": "object",
            "required": ["next", "results"],
            "properties": {
                "next": {
                    "type": "string",
                    "format": "uri",
                    "nullable": True,
                    "description": "The next page, or null on the last one.",
                },
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view) -> list[dict]:
        return [
            {
                "name": self.cursor_query_param,
                "required": False,
                "in": "query",
                "description": "Opaque position from the previous page's `next` link.",
                "schema": {"type": "string", "pattern": CURSOR_PATTERN, "maxLength": 2000},
                "allowEmptyValue": True,
            },
            {
                "name": self.page_size_query_param,
                "required": False,
                "in": "query",
                "description": f"Rows per page, at least 1; {self.page_size} by default. "
                f"Larger values than {MAX_PAGE_SIZE} are capped to {MAX_PAGE_SIZE}.",
                # Capped, not refused (docs/api.md, "Pages"): no maximum.
                "schema": {"type": "integer", "minimum": 1},
                "allowEmptyValue": True,
            },
        ]

    def _page_size(self, request) -> int:
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None or raw == "":
            return self.page_size
        if not raw.isdigit() or int(raw) < 1:
            raise ValidationError(
                {self.page_size_query_param: ["A whole number of at least 1 is required."]}
            )
        return min(int(raw), MAX_PAGE_SIZE)

    def _decode_cursor(self, request) -> list | None:
        token = request.query_params.get(self.cursor_query_param)
        if not token:
            return None
        if not re.fullmatch(CURSOR_PATTERN, token) or len(token) > 2000:
            raise _invalid_cursor()
        name, values = decode_cursor(token)
        if name != self.ordering_name:
            raise _invalid_cursor()
        return values


def encode_cursor(ordering: str, key: list) -> str:
    """The position after a row: its ordering and key values, opaque to clients."""
    payload = json.dumps([ordering, key], default=str).encode()
    return base64.urlsafe_b64encode(payload).decode().rstrip("=")


def decode_cursor(token: str) -> tuple[str, list]:
    """encode_cursor()'s ordering and values back, or a 400 for anything else."""
    try:
        padded = token + "=" * (-len(token) % 4)
        name, values = json.loads(base64.urlsafe_b64decode(padded.encode()))
    except (binascii.Error, ValueError, TypeError, UnicodeDecodeError):
        raise _invalid_cursor() from None
    if not isinstance(name, str) or not isinstance(values, list):
        raise _invalid_cursor()
    return name, values


def _sort_keys(queryset: QuerySet) -> tuple[str, ...]:
    """The names the list is ordered by; the last must be unique for the order
    to be total, which every ordering in diplomacy.ordering's style is."""
    keys = tuple(queryset.query.order_by)
    if not keys or not all(isinstance(key, str) for key in keys):
        raise ImproperlyConfigured(
            "Keyset pages need a list ordered by names (see diplomacy.ordering)."
        )
    return keys


def _invalid_cursor() -> ValidationError:
    return ValidationError(
        {"cursor": ["This cursor is not valid here; follow the `next` link as given."]}
    )


def _clean(queryset: QuerySet, keys: Sequence[str], values: list) -> list:
    """The cursor's values as the database columns take them.

    A cursor is the client's to tamper with; each value is converted by its
    column's field (and integers checked against the column's range) here, so
    a bad one is a 400 rather than a database error.
    """
    if len(values) != len(keys):
        raise _invalid_cursor()
    cleaned = []
    for key, value in zip(keys, values, strict=True):
        name = key.lstrip("-")
        if name in queryset.query.annotations:
            field = queryset.query.annotations[name].output_field
        else:
            field = queryset.model._meta.get_field("id" if name == "pk" else name)
        if value is None or isinstance(value, (dict, list, bool)):
            raise _invalid_cursor()
        if isinstance(value, str) and "\x00" in value:
            raise _invalid_cursor()
        try:
            value = field.to_python(value)
        except (DjangoValidationError, TypeError, ValueError):
            raise _invalid_cursor() from None
        if isinstance(value, int):
            low, high = connection.ops.integer_field_range(field.get_internal_type())
            if (low is not None and value < low) or (high is not None and value > high):
                raise _invalid_cursor()
        cleaned.append(value)
    return cleaned


def _plain(value: Any) -> Any:
    """A key value as the cursor's JSON holds it."""
    return value.isoformat() if hasattr(value, "isoformat") else value


def _after(keys: Sequence[str], values: list) -> Q:
    """Rows after the given key, in the order the keys describe."""
    condition = Q()
    equal = Q()
    for key, value in zip(keys, values, strict=True):
        name = key.lstrip("-")
        lookup = "lt" if key.startswith("-") else "gt"
        condition |= equal & Q(**{f"{name}__{lookup}": value})
        equal &= Q(**{name: value})
    # The same rows, with a plain range on the first key in front: it lets the
    # database start its index scan at the cursor instead of filtering up to it.
    first = keys[0].lstrip("-")
    bound = "lte" if keys[0].startswith("-") else "gte"
    return Q(**{f"{first}__{bound}": values[0]}) & condition
