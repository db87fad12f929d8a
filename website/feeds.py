"""The Atom feed of public events, newest changes first."""

import html

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext

from diplomacy.text import clean_text
from events.models import Event
from events.selectors.events import public_events
from website.links import absolute

FEED_ITEMS = 50


class EventFeed(Feed):
    """Events the public may see, with cancelled and postponed ones marked as such.

    Ordered by when they last changed, so a subscriber also hears of a
    cancellation or a new date.
    """

    feed_type = Atom1Feed

    def title(self) -> str:
        return gettext("Public diplomacy events")

    def subtitle(self) -> str:
        return gettext("Round tables, competitions, forums and other events of public diplomacy.")

    def link(self) -> str:
        return absolute(reverse("website:list"))

    def feed_url(self) -> str:
        return absolute(reverse("website:feed"))

    def author_name(self) -> str:
        return gettext("Public diplomacy events")

    def items(self) -> QuerySet[Event]:
        return (
            public_events()
            .select_related("host_country")
            .prefetch_related("topics")
            .order_by("-updated_at", "-pk")[:FEED_ITEMS]
        )

    def item_title(self, item: Event) -> str:
        title = clean_text(item.title, single_line=True)
        if item.status == Event.Status.PUBLISHED:
            return title
        return f"{item.get_status_display().capitalize()}: {title}"

    def item_description(self, item: Event) -> str:
        # The summary is plain text; the feed declares its descriptions HTML,
        # so <, > and & are escaped (quotes need not be, outside attributes).
        return html.escape(clean_text(item.summary, single_line=False) or "", quote=False)

    def item_link(self, item: Event) -> str:
        return absolute(item.get_absolute_url())

    def item_guid(self, item: Event) -> str:
        return absolute(item.get_absolute_url())

    def item_pubdate(self, item: Event):
        return item.created_at

    def item_updateddate(self, item: Event):
        return item.updated_at

    def item_categories(self, item: Event) -> list[str]:
        return [topic.name for topic in item.topics.all()]
