"""The public pages' views: thin, over website.pages and the apps' selectors."""

from django.http import HttpResponse


def noindex(response: HttpResponse) -> HttpResponse:
    """Keep a page out of search engines (errors, drafts, endless result lists)."""
    response["X-Robots-Tag"] = "noindex"
    return response
