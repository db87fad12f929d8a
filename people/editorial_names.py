"""The names readers see for countries and regions where the ISO data's are
outdated, formal where the rest are short, or missing (people/reference.py
loads them; docs/site.md gives the style).

Style: the short, current name each language uses for the country today,
the same in lists, titles and pairs — "Russia and Kyrgyzstan", «Россия и
Кыргызстан», «Россия жана Кыргызстан». In Russian, Kyrgyzstan is
«Кыргызстан», the name its Constitution gives it in Russian (an official
language there) and the one its own institutions use («Ассамблея народа
Кыргызстана»), not «Киргизия»; Moldova likewise «Молдова». Official names
of organizations («Посольство … в Киргизской Республике») are records and
stay as they are written.

Only differences from the ISO names are listed.
"""

COUNTRY_NAMES: dict[str, dict[str, str]] = {
    # ISO: Russian Federation / Российская Федерация / Орус Федерациясы.
    "RU": {"en": "Russia", "ru": "Россия", "ky": "Россия"},
    # ISO ru: Киргизия.
    "KG": {"ru": "Кыргызстан"},
    # ISO ru: Молдавия.
    "MD": {"ru": "Молдова"},
    # No Kyrgyz name in the ISO catalogue.
    "TR": {"ky": "Түркия"},
    "MK": {"ky": "Түндүк Македония"},
    # ISO ky gives the formal names where the others are short.
    "SA": {"ky": "Сауд Арабиясы"},
    "SY": {"ky": "Сирия"},
    "KR": {"ky": "Түштүк Корея"},
    "KP": {"ky": "Түндүк Корея"},
    "LA": {"ky": "Лаос"},
    "BY": {"ky": "Беларусь"},
    "MN": {"ky": "Монголия"},
    "GB": {"ru": "Великобритания"},
    "US": {"ru": "США", "ky": "АКШ"},
}

REGION_NAMES: dict[str, dict[str, str]] = {
    # Kyrgyzstan: ISO gives "Bishkek Shaary", "Osh Shaary" in English and
    # no Russian or Kyrgyz names (official forms of the Kyrgyz Republic's
    # administrative division).
    "KG-GB": {"en": "Bishkek", "ru": "Бишкек", "ky": "Бишкек шаары"},
    "KG-GO": {"en": "Osh", "ru": "Ош", "ky": "Ош шаары"},
    "KG-B": {"en": "Batken Region", "ru": "Баткенская область", "ky": "Баткен облусу"},
    "KG-C": {"en": "Chüy Region", "ru": "Чуйская область", "ky": "Чүй облусу"},
    "KG-J": {"en": "Jalal-Abad Region", "ru": "Джалал-Абадская область", "ky": "Жалал-Абад облусу"},
    "KG-N": {"en": "Naryn Region", "ru": "Нарынская область", "ky": "Нарын облусу"},
    "KG-O": {"en": "Osh Region", "ru": "Ошская область", "ky": "Ош облусу"},
    "KG-T": {"en": "Talas Region", "ru": "Таласская область", "ky": "Талас облусу"},
    "KG-Y": {"en": "Issyk-Kul Region", "ru": "Иссык-Кульская область", "ky": "Ысык-Көл облусу"},
    # Kazakhstan: ISO ru «Алма-Ата» is the Soviet name, and English and
    # Russian are given in Kazakh transliteration or not at all.
    "KZ-75": {"en": "Almaty", "ru": "Алматы", "ky": "Алматы шаары"},
    "KZ-71": {"en": "Astana", "ru": "Астана", "ky": "Астана шаары"},
    "KZ-79": {"en": "Shymkent", "ru": "Шымкент", "ky": "Шымкент шаары"},
    "KZ-19": {"en": "Almaty Region", "ru": "Алматинская область", "ky": "Алматы облусу"},
    "KZ-11": {"en": "Akmola Region", "ru": "Акмолинская область", "ky": "Акмола облусу"},
    "KZ-35": {"en": "Karaganda Region", "ru": "Карагандинская область", "ky": "Караганды облусу"},
    "KZ-61": {"en": "Turkistan Region", "ru": "Туркестанская область", "ky": "Түркстан облусу"},
    "KZ-31": {"en": "Jambyl Region", "ru": "Жамбылская область", "ky": "Жамбыл облусу"},
    # Uzbekistan's capital.
    "UZ-TK": {"en": "Tashkent", "ru": "Ташкент", "ky": "Ташкент шаары"},
    # Russia's federal cities, in Kyrgyz.
    "RU-MOW": {"en": "Moscow", "ky": "Москва шаары"},
    "RU-SPE": {"en": "Saint Petersburg", "ky": "Санкт-Петербург шаары"},
}
