"""sitemap.xml: every public page in every site language, with hreflang alternates.

/sitemap.xml is an index of one sitemap per kind of page, so no file passes
the 50,000 addresses a sitemap may hold as the registry grows. Addresses are
built from SITE_URL, like the feeds', so they are right behind a proxy.
"""

from collections.abc import Sequence
from functools import cached_property, wraps
from typing import Any
from urllib.parse import urlencode, urlsplit

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import SitemapIndexItem, x_robots_tag
from django.core.paginator import Paginator
from django.db.models import Max, Q, QuerySet
from django.http import HttpRequest
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse

from events.models import Competition, Event
from events.selectors.events import public_events
from people.models import Country, Organization, Person
from website.links import absolute


class LanguageItems(Sequence):
    """(item, language) pairs over a queryset, read from the database a slice
    at a time.

    Django's i18n sitemap lists every item in every language before it cuts a
    page out of them, which at 100,000 events means loading them all for any
    page; this counts with COUNT and fetches only the rows a page shows.
    """

    def __init__(self, queryset: QuerySet, languages: list[str]) -> None:
        self.queryset = queryset
        self.languages = languages

    @cached_property
    def _count(self) -> int:
        return self.queryset.count()

    def __len__(self) -> int:
        return self._count * len(self.languages)

    def __getitem__(self, index: Any) -> Any:
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop, _step = index.indices(len(self))
        per_item = len(self.languages)
        first, last = start // per_item, (stop + per_item - 1) // per_item
        pairs = [
            (item, language) for item in self.queryset[first:last] for language in self.languages
        ]
        return pairs[start - first * per_item : stop - first * per_item]


class SiteSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    # Addresses per sitemap page, each with its alternates; small enough that a
    # page renders in well under a second.
    limit = 5000

    @property
    def paginator(self) -> Paginator:
        items = self.items()
        if isinstance(items, QuerySet):
            return Paginator(LanguageItems(items, self._languages()), self.limit)
        return super().paginator

    def get_latest_lastmod(self):
        items = self.items()
        if isinstance(items, QuerySet) and "updated_at" in {
            f.name for f in items.model._meta.fields
        }:
            return items.aggregate(latest=Max("updated_at"))["latest"]
        return super().get_latest_lastmod()

    def get_protocol(self, protocol: str | None = None) -> str:
        from django.conf import settings

        return urlsplit(settings.SITE_URL).scheme or "https"

    def get_domain(self, site=None) -> str:
        from django.conf import settings

        return urlsplit(settings.SITE_URL).netloc


class PageSitemap(SiteSitemap):
    """Pages that are not about one record."""

    changefreq = "daily"

    def items(self) -> list[str]:
        return [
            "website:home",
            "website:list",
            "website:competitions",
            "website:countries",
            "website:statistics",
        ]

    def location(self, item: str) -> str:
        return reverse(item)


class EventSitemap(SiteSitemap):
    def items(self) -> QuerySet[Event]:
        return public_events().only("pk", "slug", "updated_at").order_by("pk")

    def lastmod(self, item: Event):
        return item.updated_at


class CompetitionSitemap(SiteSitemap):
    def items(self) -> QuerySet[Competition]:
        return Competition.objects.only("pk", "slug", "updated_at").order_by("pk")

    def lastmod(self, item: Competition):
        return item.updated_at


class PersonSitemap(SiteSitemap):
    def items(self) -> QuerySet[Person]:
        return Person.objects.only("pk", "slug", "updated_at").order_by("pk")

    def lastmod(self, item: Person):
        return item.updated_at


class OrganizationSitemap(SiteSitemap):
    def items(self) -> QuerySet[Organization]:
        return Organization.objects.only("pk", "slug", "updated_at").order_by("pk")

    def lastmod(self, item: Organization):
        return item.updated_at


class CountrySitemap(SiteSitemap):
    """Countries with something on their page; the other ISO countries' pages
    exist but say nothing yet, and would only dilute the sitemap."""

    def items(self) -> QuerySet[Country]:
        events = public_events()
        participating = Event.countries.through.objects.filter(event__in=events)
        return (
            Country.objects.filter(
                Q(code__in=events.values("host_country"))
                | Q(code__in=participating.values("country"))
                | Q(code__in=Organization.objects.values("country"))
                | Q(code__in=Person.objects.values("country"))
            )
            .only("code")
            .order_by("code")
        )


SITEMAPS = {
    "pages": PageSitemap,
    "events": EventSitemap,
    "competitions": CompetitionSitemap,
    "people": PersonSitemap,
    "organizations": OrganizationSitemap,
    "countries": CountrySitemap,
}


@x_robots_tag
def index(request: HttpRequest) -> TemplateResponse:
    """Django's sitemap index, with addresses from SITE_URL rather than the request."""
    entries = []
    for section, sitemap_class in SITEMAPS.items():
        sitemap = sitemap_class()
        url = absolute(reverse("sitemap-section", kwargs={"section": section}))
        lastmod = sitemap.get_latest_lastmod()
        entries.append(SitemapIndexItem(url, lastmod))
        for page in range(2, sitemap.paginator.num_pages + 1):
            entries.append(SitemapIndexItem(f"{url}?p={page}", lastmod))
    return TemplateResponse(
        request,
        "sitemap_index.xml",
        {"sitemaps": entries},
        content_type="application/xml",
    )


def only_page_parameter(view):
    """Redirect a sitemap address carrying other parameters to the bare one,
    so the page cache holds one copy per page and `?junk=1` cannot make the
    server build a sitemap afresh on every request."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if set(request.GET) - {"p"}:
            page = request.GET.get("p")
            query = f"?{urlencode({'p': page})}" if page else ""
            return redirect(f"{request.path}{query}", permanent=True)
        return view(request, *args, **kwargs)

    return wrapper
