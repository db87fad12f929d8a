"""Places as people say them: "Bishkek, Kyrgyzstan", «Бишкек, Кыргызстан».

The venue and city as entered, the region only when it adds something (not
when it is the city itself, as Bishkek or Almaty are regions of their own),
and the country by the name readers know (people/editorial_names.py). The
event page, lists and the iCalendar LOCATION all say it this way.
"""

from dataclasses import dataclass

from events.models import Event
from people.models import Region


@dataclass(frozen=True)
class Place:
    venue: str
    city: str
    region: Region | None
    country: object | None  # people.models.Country

    @property
    def words(self) -> list[str]:
        parts = [self.venue, self.city, self.region.name if self.region else ""]
        parts.append(self.country.name if self.country is not None else "")
        return [part for part in parts if part]

    def __str__(self) -> str:
        return ", ".join(self.words)


def _region_adds_something(region: Region, city: str) -> bool:
    if not city:
        return True
    if region.is_city:
        return False
    name = region.name.casefold()
    return not (name == city.casefold() or name.startswith(city.casefold() + " "))


def event_place(event: Event) -> Place:
    """The event's place in the current language (with region and country loaded)."""
    city = event.city or ""
    region = event.region if event.region_id else None
    if region is not None and not _region_adds_something(region, city):
        region = None
    return Place(
        venue=event.venue or "",
        city=city,
        region=region,
        country=event.host_country if event.host_country_id else None,
    )
