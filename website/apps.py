from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebsiteConfig(AppConfig):
    """The public site: pages, feeds, sitemaps and their template tags (no models)."""

    name = "website"
    verbose_name = _("Public site")
