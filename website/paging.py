"""Pages of a list whose cost does not grow with the list.

Django's Paginator counts every row on each request: at 100,000 events that
count was most of the event list's time. Here the count stops at COUNT_CAP
(one query reading at most COUNT_CAP + 1 index entries); a longer list says
"more than 10,000" and still pages on: past the cap a page reads one row more
than it shows, to know whether another follows. Same queries at any size.
"""

from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.db.models import QuerySet
from django.utils.functional import cached_property

# Above this many rows a list is "more than COUNT_CAP" long.
COUNT_CAP = 10_000


class CappedPaginator(Paginator):
    """A Paginator whose count stops at `cap` (see the module's docstring).

    `count` is exact up to `cap` and `cap + 1` beyond (`is_capped` then
    says so); `num_pages` past the cap is as far as is known: the page asked
    for, and the next one if there is one.
    """

    def __init__(self, object_list: QuerySet, per_page: int, *, cap: int = COUNT_CAP) -> None:
        super().__init__(object_list, per_page, allow_empty_first_page=True)
        self.cap = cap
        self._known_pages = 0

    @cached_property
    def count(self) -> int:
        # A sliced queryset counts in a subquery: SELECT COUNT(*) FROM (… LIMIT cap + 1).
        return self.object_list.order_by().values("pk")[: self.cap + 1].count()

    @property
    def is_capped(self) -> bool:
        return self.count > self.cap

    @property
    def num_pages(self) -> int:
        exact = super().num_pages
        return max(exact, self._known_pages) if self.is_capped else exact

    def validate_number(self, number) -> int:
        if not self.is_capped:
            return super().validate_number(number)
        try:
            number = int(number)
        except (TypeError, ValueError):
            raise PageNotAnInteger(self.error_messages["invalid_page"]) from None
        if number < 1:
            raise EmptyPage(self.error_messages["min_page"])
        return number

    def page(self, number) -> Page:
        number = self.validate_number(number)
        if not self.is_capped or number * self.per_page <= self.cap:
            return super().page(number)
        bottom = (number - 1) * self.per_page
        rows = list(self.object_list[bottom : bottom + self.per_page + 1])
        if not rows:
            raise EmptyPage(self.error_messages["no_results"])
        self._known_pages = number + (1 if len(rows) > self.per_page else 0)
        return self._get_page(rows[: self.per_page], number, self)

    def elided_range(self, number: int) -> list:
        """The page numbers to link, as get_elided_page_range(); for a capped
        list without its last pages, which are not known: an ellipsis instead."""
        numbers = list(self.get_elided_page_range(number))
        if not self.is_capped:
            return numbers
        numbers = [shown for shown in numbers if shown == self.ELLIPSIS or shown <= number + 3]
        while numbers and numbers[-1] == self.ELLIPSIS:
            numbers.pop()
        # Within the counted rows, pages beyond are not known to end.
        if numbers and (numbers[-1] < self.num_pages or not self._known_pages):
            numbers.append(self.ELLIPSIS)
        return numbers
