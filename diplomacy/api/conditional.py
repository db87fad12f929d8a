"""Strong ETags and If-Match for the API's writable records.

An ETag is a hash of the record as this client reads it (the serializer's
data: every field, its nested rows and the names it shows of other records),
so it changes on every write of the record or its rows, is the same for the
same bytes, and differs between two clients who see different things (an
editor sees a draft parent). A write with If-Match is checked against the
record as stored when its row is locked, so two clients cannot both pass.
"""

import hashlib
import json
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.utils.http import parse_etags

from diplomacy.api.errors import PreconditionFailed, PreconditionRequired


def etag_for(data: Any) -> str:
    """The strong ETag of a representation."""
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, default=str)
    return '"' + hashlib.sha256(canonical.encode()).hexdigest()[:32] + '"'


def check_if_match(request, current_etag: Callable[[], str]) -> None:
    """Refuse a write whose If-Match names another version (412), or that has
    none when the server requires it (428, API_REQUIRE_IF_MATCH)."""
    header = request.headers.get("If-Match")
    if header is None:
        if settings.API_REQUIRE_IF_MATCH:
            raise PreconditionRequired()
        return
    etag = current_etag()
    wanted = parse_etags(header)
    # Strong comparison (RFC 9110, 13.1.1): a weak tag never matches.
    if "*" not in wanted and etag not in wanted:
        raise PreconditionFailed(etag)
