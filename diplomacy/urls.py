"""Root URLs: the admin, the API under /api/v1/, and language-prefixed pages."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", include(("diplomacy.api", "api"))),
]

urlpatterns += i18n_patterns(
    path("", include("events.urls")),
    path("", include("people.urls")),
)

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
