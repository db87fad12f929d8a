"""Named sort orders, declared once and used by the site's lists and the API.

An ordering is a list of sort keys ending in a unique one (the primary key),
so that it is total: the API's keyset pages compare a row's keys with the
cursor's. Keys that are expressions (a translated title in the reader's
language) are annotated under a name first, so a key is always a plain name.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.db.models.expressions import Combinable


@dataclass(frozen=True)
class Ordering:
    keys: tuple[str, ...]
    # Annotations the keys refer to, built when applied: a translated key
    # depends on the language active at that moment.
    annotations: Mapping[str, Callable[[], Combinable]] = field(default_factory=dict)

    def apply(self, queryset: QuerySet) -> QuerySet:
        if self.annotations:
            queryset = queryset.annotate(
                **{name: build() for name, build in self.annotations.items()}
            )
        return queryset.order_by(*self.keys)

    def reversed(self) -> "Ordering":
        """The same keys, each in the other direction."""
        flipped = tuple(key[1:] if key.startswith("-") else f"-{key}" for key in self.keys)
        return Ordering(flipped, self.annotations)


def both_ways(name: str, ordering: Ordering) -> dict[str, Ordering]:
    """`name` ascending and `-name` descending."""
    return {name: ordering, f"-{name}": ordering.reversed()}
