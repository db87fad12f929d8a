"""Root URLs: the admin, the API under /api/v1/, and language-prefixed pages."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from django.views.decorators.cache import cache_page

from diplomacy.outage import healthz, readyz
from website import sitemaps
from website.views.meta import favicon, robots_txt

SITEMAP_SECONDS = 60 * 60

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", include(("diplomacy.api.urls", "api"))),
    # The public site's sitemaps and robots.txt, outside the language prefixes.
    # Crawlers read sitemaps; an hour old is fresh enough, and a page of 5,000
    # addresses in three languages takes most of a second to build.
    path(
        "sitemap.xml",
        sitemaps.only_page_parameter(cache_page(SITEMAP_SECONDS)(sitemaps.index)),
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemaps.only_page_parameter(cache_page(SITEMAP_SECONDS)(sitemap_views.sitemap)),
        {"sitemaps": sitemaps.SITEMAPS},
        name="sitemap-section",
    ),
    path("robots.txt", robots_txt, name="robots"),
    # For load balancers: alive, and able to serve (docs/operations.md).
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
    # Browsers ask for /favicon.ico on every page, the admin's included.
    path("favicon.ico", favicon),
]

urlpatterns += i18n_patterns(path("", include("website.urls")))

# A lost database is a 503 the client may retry, not a 500 (diplomacy/outage.py).
handler500 = "diplomacy.outage.server_error"

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
