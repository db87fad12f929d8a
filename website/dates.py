"""Dates and times as the reader's language writes them, with the venue's
time zone named by its city: "24 April 2023, 10:00 Bishkek time",
«24 апреля 2023 г., 10:00 по времени Бишкека», «2023-жылдын 24-апрели,
Бишкек убактысы менен 10:00».

The formats themselves are in diplomacy/formats/; the reader's own time is
added in the browser by static/js/site.js in the same words.
"""

import datetime
from zoneinfo import ZoneInfo

from django.utils.formats import date_format, time_format
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language, gettext

# The zones events are held in, named by their city as each language names
# it; Russian takes the genitive, as in «по времени Бишкека». A zone not listed
# is named by its offset from UTC ("10:00 UTC+6"), never by its IANA name.
ZONE_CITIES: dict[str, dict[str, str]] = {
    "Asia/Bishkek": {"en": "Bishkek", "ru": "Бишкека", "ky": "Бишкек"},
    "Asia/Almaty": {"en": "Almaty", "ru": "Алматы", "ky": "Алматы"},
    "Asia/Qostanay": {"en": "Kostanay", "ru": "Костаная", "ky": "Костанай"},
    "Asia/Aqtobe": {"en": "Aktobe", "ru": "Актобе", "ky": "Актобе"},
    "Asia/Tashkent": {"en": "Tashkent", "ru": "Ташкента", "ky": "Ташкент"},
    "Asia/Samarkand": {"en": "Samarkand", "ru": "Самарканда", "ky": "Самарканд"},
    "Asia/Dushanbe": {"en": "Dushanbe", "ru": "Душанбе", "ky": "Душанбе"},
    "Asia/Ashgabat": {"en": "Ashgabat", "ru": "Ашхабада", "ky": "Ашхабад"},
    "Asia/Baku": {"en": "Baku", "ru": "Баку", "ky": "Баку"},
    "Asia/Yerevan": {"en": "Yerevan", "ru": "Еревана", "ky": "Ереван"},
    "Asia/Tbilisi": {"en": "Tbilisi", "ru": "Тбилиси", "ky": "Тбилиси"},
    "Europe/Minsk": {"en": "Minsk", "ru": "Минска", "ky": "Минск"},
    "Europe/Moscow": {"en": "Moscow", "ru": "Москвы", "ky": "Москва"},
    "Europe/Kaliningrad": {"en": "Kaliningrad", "ru": "Калининграда", "ky": "Калининград"},
    "Europe/Samara": {"en": "Samara", "ru": "Самары", "ky": "Самара"},
    "Europe/Volgograd": {"en": "Volgograd", "ru": "Волгограда", "ky": "Волгоград"},
    "Asia/Yekaterinburg": {"en": "Yekaterinburg", "ru": "Екатеринбурга", "ky": "Екатеринбург"},
    "Asia/Omsk": {"en": "Omsk", "ru": "Омска", "ky": "Омск"},
    "Asia/Novosibirsk": {"en": "Novosibirsk", "ru": "Новосибирска", "ky": "Новосибирск"},
    "Asia/Krasnoyarsk": {"en": "Krasnoyarsk", "ru": "Красноярска", "ky": "Красноярск"},
    "Asia/Irkutsk": {"en": "Irkutsk", "ru": "Иркутска", "ky": "Иркутск"},
    "Asia/Yakutsk": {"en": "Yakutsk", "ru": "Якутска", "ky": "Якутск"},
    "Asia/Vladivostok": {"en": "Vladivostok", "ru": "Владивостока", "ky": "Владивосток"},
    "Europe/Istanbul": {"en": "Istanbul", "ru": "Стамбула", "ky": "Стамбул"},
    "Asia/Shanghai": {"en": "Beijing", "ru": "Пекина", "ky": "Пекин"},
    "Asia/Kolkata": {"en": "Delhi", "ru": "Дели", "ky": "Дели"},
    "Europe/Berlin": {"en": "Berlin", "ru": "Берлина", "ky": "Берлин"},
    "Europe/Paris": {"en": "Paris", "ru": "Парижа", "ky": "Париж"},
    "Europe/London": {"en": "London", "ru": "Лондона", "ky": "Лондон"},
}


def _language() -> str:
    return (get_language() or "en").split("-")[0]


def zone_city(zone: str) -> str | None:
    """The city the zone is named by, in the current language (Russian: genitive)."""
    return ZONE_CITIES.get(zone, {}).get(_language())


def utc_offset(moment: datetime.datetime) -> str:
    """ "UTC+6", "UTC+5:30", "UTC−3": short, and the same in every language."""
    minutes = int((moment.utcoffset() or datetime.timedelta()).total_seconds() // 60)
    sign = "+" if minutes >= 0 else "−"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def long_date(day: datetime.date) -> str:
    return date_format(day, "DATE_FORMAT")


def clock(moment: datetime.time | datetime.datetime) -> str:
    return time_format(moment, "TIME_FORMAT")


def zoned(times: SafeString | str, zone: str, moment: datetime.datetime) -> SafeString:
    """Times (markup allowed) said with the zone: "10:00 Bishkek time"."""
    city = zone_city(zone)
    if zone == "UTC" or city is None:
        return format_html("{} {}", times, "UTC" if zone == "UTC" else utc_offset(moment))
    # Translators: a time at the venue; %(city)s is the city its zone is named
    # after (Russian: in the genitive, «по времени Бишкека»).
    phrase = gettext("%(time)s %(city)s time")
    before, _marker, after = phrase.partition("%(time)s")
    return format_html(
        "{}{}{}", before.replace("%(city)s", city), times, after.replace("%(city)s", city)
    )


def time_element(moment: datetime.datetime, *, local: bool = True) -> SafeString:
    """The time of day in a <time> element; with `local`, the browser adds the
    reader's own time after the phrase it is in (static/js/site.js)."""
    return format_html(
        '<time datetime="{}"{}>{}</time>',
        moment.isoformat(),
        SafeString(" data-local-time") if local else "",
        clock(moment),
    )


def date_element(day: datetime.date) -> SafeString:
    return format_html('<time datetime="{}">{}</time>', day.isoformat(), long_date(day))


def _zoned_span(times: SafeString, zone: str, moment: datetime.datetime) -> SafeString:
    return format_html('<span class="zoned">{}</span>', zoned(times, zone, moment))


def event_when(
    start_date: datetime.date,
    start_time: datetime.time | None,
    end_date: datetime.date | None,
    end_time: datetime.time | None,
    zone: str,
) -> SafeString:
    """When an event takes place, in one style for lists and pages alike:
    "24 April 2023", "24 April 2023, 10:00–13:30 Bishkek time",
    "24 April 2023 – 26 April 2023", or each day with its time."""
    tz = ZoneInfo(zone)
    later = end_date if end_date is not None and end_date != start_date else None
    if start_time is None:
        if later is None:
            return date_element(start_date)
        return format_html("{} – {}", date_element(start_date), date_element(later))
    start = datetime.datetime.combine(start_date, start_time, tz)
    end = datetime.datetime.combine(later or start_date, end_time, tz) if end_time else None
    if later is None:
        times = time_element(start)
        if end is not None:
            times = format_html("{}–{}", times, time_element(end))
        return format_html("{}, {}", date_element(start_date), _zoned_span(times, zone, start))
    first = format_html(
        "{}, {}", date_element(start_date), _zoned_span(time_element(start), zone, start)
    )
    if end is None:
        return format_html("{} – {}", first, date_element(later))
    return format_html(
        "{} – {}, {}", first, date_element(later), _zoned_span(time_element(end), zone, end)
    )


def published_at(moment: datetime.datetime) -> SafeString:
    """A source's time of publication, in UTC: the zone the sources rarely give."""
    utc = moment.astimezone(datetime.UTC)
    return format_html(
        '{}, <span class="zoned"><time datetime="{}" data-local-time>{}</time> UTC</span>',
        date_element(utc.date()),
        utc.isoformat(),
        clock(utc),
    )
