"""Absolute addresses of the public site."""

from django.conf import settings


def absolute(path: str) -> str:
    """An address on the public site, from SITE_URL so it is right behind proxies."""
    if path.startswith(("http://", "https://")):
        return path
    return settings.SITE_URL + path
