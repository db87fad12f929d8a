"""How each site language writes dates and times (settings.FORMAT_MODULE_PATH).

One style per language, server-side, for every page, feed and list:
English "24 April 2023", Russian «24 апреля 2023 г.», Kyrgyz «2023-жылдын
24-апрели»; times on the 24-hour clock everywhere ("10:00").

Django's `E` is the month as written after a day number. Its own Kyrgyz
catalogue gives the capitalised nominative («Апрель»), which is why pages
used to read «24 Апрель 2023 ж.»; Kyrgyz puts the month in its possessive
form after the day («24-апрели»). Listing the months here puts them in this
project's catalogues (locale/), which take precedence over Django's.
"""

from django.utils.translation import pgettext_lazy

MONTHS_AFTER_DAY = (
    pgettext_lazy("alt. month", "January"),
    pgettext_lazy("alt. month", "February"),
    pgettext_lazy("alt. month", "March"),
    pgettext_lazy("alt. month", "April"),
    pgettext_lazy("alt. month", "May"),
    pgettext_lazy("alt. month", "June"),
    pgettext_lazy("alt. month", "July"),
    pgettext_lazy("alt. month", "August"),
    pgettext_lazy("alt. month", "September"),
    pgettext_lazy("alt. month", "October"),
    pgettext_lazy("alt. month", "November"),
    pgettext_lazy("alt. month", "December"),
)
