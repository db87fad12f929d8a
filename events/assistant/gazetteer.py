"""Word lists the rules read reports with: posts, organizations, roles, kinds,
months and places. Names of records come from the registry (see matching.py);
these lists hold what the registry does not: the vocabulary around names.
"""

import re


def words(text: str) -> list[str]:
    """A word list written as one string, as lists of vocabulary read best."""
    return text.split()


# Words that make a phrase a post (lower case; Russian as lemmas).
EN_POST_WORDS = set(
    words("""senator chairman chairwoman chairperson chair co-chairman co-chair deputy minister
    director head rector vice-rector prorector ambassador consul consul-general secretary
    secretary-general member president vice-president governor mayor professor editor
    editor-in-chief coordinator chief founder co-founder manager adviser advisor counsellor
    counselor attaché attache representative envoy spokesperson spokesman dean principal
    lecturer researcher fellow chancellor commissioner officer executive ceo curator
    journalist poet writer teacher student ombudsman delegate trustee councillor
    vice-chairman vice-chair leader correspondent blogger photographer""")
)
RU_POST_LEMMAS = set(
    words("""председатель сопредседатель заместитель замминистр министр директор руководитель
    ректор проректор посол консул секретарь генсек член президент вице-президент
    губернатор мэр глава профессор редактор главред координатор начальник основатель
    сооснователь учредитель менеджер советник представитель полпред атташе декан сенатор
    депутат заведующий эксперт куратор журналист поэт писатель преподаватель учитель
    студент доцент сотрудник аким омбудсмен уполномоченный вице-спикер спикер
    председательствующий атаман муфтий""")
)
# Words before a post that belong to it: "First Deputy…", "первый заместитель…".
EN_POST_MODIFIERS = set(
    words("""first second executive general deputy acting honorary extraordinary plenipotentiary
    senior chief permanent special vice former interim""")
)

# The head words of organization names (lower case; Russian as lemmas).
EN_ORG_WORDS = set(
    words("""assembly union council agency ministry university center centre chamber association
    foundation fund institute embassy committee society organization organisation house
    library museum academy club secretariat commission parliament duma administration office
    service company corporation bank college school theatre theater network alliance league
    movement congress federation rossotrudnichestvo consulate department presidium board
    gymnasium lyceum diaspora community""")
)
RU_ORG_LEMMAS = set(
    words("""ассамблея союз совет агентство министерство университет центр палата ассоциация фонд
    институт посольство комитет общество организация дом библиотека музей академия клуб
    секретариат комиссия парламент дума администрация служба компания корпорация банк
    колледж школа театр сеть альянс лига движение конгресс объединение россотрудничество
    представительство управление мэрия консульство департамент президиум правление
    гимназия лицей диаспора община кенеш""")
)
# Parts of a larger body: "the Council of the Assembly…" belongs to the Assembly.
EN_SUBUNIT_WORDS = {"council", "secretariat", "presidium", "board", "department", "office",
                    "commission", "committee", "faculty", "division", "general"}  # fmt: skip
RU_SUBUNIT_LEMMAS = {"совет", "секретариат", "президиум", "правление", "департамент",
                     "комиссия", "комитет", "факультет", "отдел", "аппарат"}  # fmt: skip

# Role cues: a pattern and the role it signals. Precedence decides between
# several cues for one person (proposal.PERSON_ROLES).
EN_PERSON_CUES = [
    (
        r"welcom\w* (?:speech|address|remarks|words)|opening (?:remarks|speech|address)|greeted"
        r"|greetings|opened the (?:event|forum|round ?table|meeting|conference|ceremony|session"
        r"|festival|exhibition|seminar)|welcomed|(?:was|were) opened by",
        "welcome_address",
    ),
    (r"moderat\w*|chaired the (?:discussion|session|panel|debate)|facilitat\w*", "moderator"),
    (r"\bjury\b|\bjudges\b", "jury"),
    (
        r"laureat\w*|\bwinners?\b|\bwon\b|grand prix|(?:received|was given) (?:an? |the )?"
        r"(?:award|prize|diploma)|were awarded|was awarded",
        "laureate",
    ),
    (r"as an? experts?\b|experts? (?:included|were)|\bexperts?:", "expert"),
    (
        r"\bpanel(?:ists?)?\b|\bdiscussion\b|took part in the discussion"
        r"|\bdiscussants?\b",
        "panelist",
    ),
    (
        r"\bspoke\b|\bspeakers?\b|\bpresented\b|presentation|(?:delivered|made|gave) (?:a |the )?"
        r"(?:report|speech|talk|lecture|keynote)|\bsaid\b|\bnoted\b|\bstressed\b|emphasi[sz]ed"
        r"|\badded\b|\bshared\b|\btold\b|according to|\baddressed\b|\bspeech\b",
        "speaker",
    ),
    (
        r"attended|took part|participants? (?:included|were)|among the (?:participants|guests)"
        r"|\bguests?\b|\bpresent\b",
        "attendee",
    ),
]
RU_PERSON_CUES = [
    (
        r"приветств\w*|открыл\w* (?:мероприятие|форум|круглый стол|встречу|конференцию|церемонию"
        r"|заседание|фестиваль|выставку|семинар)|(?:церемонию|мероприятие|форум|встречу"
        r"|конференцию|круглый стол|заседание|фестиваль|выставку) открыл\w*",
        "welcome_address",
    ),
    (r"модер\w*|(?:вёл|вел|вела) (?:дискуссию|заседание|встречу|круглый стол)", "moderator"),
    (r"\bжюри\b", "jury"),
    (
        r"лауреат\w*|победител\w*|удостоен\w*|гран-при|получил\w* (?:награду|премию|диплом)"
        r"|награждены|награждена|награжден\b",
        "laureate",
    ),
    (r"в качестве эксперт\w*|эксперт\w*:", "expert"),
    (r"дискусси\w*|обсуждени\w*|панельн\w*", "panelist"),
    (
        r"выступил\w*|выступлени\w*|доклад\w*|рассказал\w*|отметил\w*|подчеркнул\w*|заявил\w*"
        r"|сказал\w*|сообщил\w*|по словам|презентаци\w*|спикер\w*|выступающ\w*|обратил\w*"
        r"|слово\w* (?:было )?предоставлен\w*",
        "speaker",
    ),
    (
        r"принял\w* участие|приняли участие|участвовал\w*|присутствовал\w*|\bгост\w*"
        r"|участник\w*",
        "attendee",
    ),
]
EN_ORG_CUES = [
    (r"co-organi[sz]\w*|jointly organi[sz]ed", "co_organizer"),
    (
        r"(?<!co-)organi[sz]ed(?: \w+)? by|(?<!co-)organi[sz]ers?\b|convened by|initiated by",
        "organizer",
    ),
    (r"hosted by|at the invitation of|on the premises of|\bhosts?\b", "host"),
    (r"sponsored by|\bsponsors?\b|funded by|with funding from", "sponsor"),
    (r"supported by|with the support of|support from|backed by|under the auspices of", "supporter"),
    (r"media partners?|information partners?|media support", "media_partner"),
    (
        r"in partnership with|(?<!media )(?<!information )\bpartners?\b|engaged in|involved in"
        r"|in cooperation with|together with",
        "partner",
    ),
]
RU_ORG_CUES = [
    (r"соорганизатор\w*|совместно организ\w*", "co_organizer"),
    (
        r"(?<!со)организатор\w*|организован\w*|организова\w*|провод(?:ит|ят|ил|ила|или)\b"
        r"|провел[аи]?\b|провёл",
        "organizer",
    ),
    (r"площадк\w*|по приглашению|принимающ\w* сторон\w*", "host"),
    (r"спонсор\w*|при финансов\w*|финансов\w* поддержк\w*", "sponsor"),
    (
        r"при поддержке|поддерживает|поддерживают|поддержал\w*|под эгидой|при содействии",
        "supporter",
    ),
    (r"информационн\w* партн[её]р\w*|медиапартн[её]р\w*", "media_partner"),
    (
        r"(?<!информационный )(?<!информационными )партн[её]р\w*|в партн[её]рстве с"
        r"|в сотрудничестве с|совместно с|участвуют|принимают участие",
        "partner",
    ),
]

# Event kinds by the words a report uses for them, first mention wins.
EN_KINDS = [
    (r"round[- ]?tables?", "round_table"),
    (r"forums?", "forum"),
    (r"conferences?|congress", "conference"),
    (r"seminars?|workshops?|webinars?", "seminar"),
    (r"award ceremony|awards ceremony|competitions?|contests?", "competition"),
    (r"festivals?", "festival"),
    (r"exhibitions?", "exhibition"),
    (r"(?:official |working |state )?visit(?:ed)?", "visit"),
    (r"meetings?", "meeting"),
]
RU_KINDS = [
    (r"кругл\w+ стол\w*", "round_table"),
    (r"форум\w*", "forum"),
    (r"конференци\w+|конгресс\w*", "conference"),
    (r"семинар\w*|вебинар\w*", "seminar"),
    (r"церемони\w+ награждени\w+|конкурс\w*", "competition"),
    (r"фестивал\w+", "festival"),
    (r"выставк\w+", "exhibition"),
    (r"визит\w*|посетил\w*", "visit"),
    (r"встреч\w+", "meeting"),
]

EN_MONTHS = {
    name: number
    for number, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
         ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
         ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
         ("december", "dec")],
        start=1,
    )
    for name in names
}  # fmt: skip
RU_MONTHS = {
    stem: number
    for number, stem in enumerate(
        ["январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр",
         "октябр", "ноябр", "декабр"],
        start=1,
    )
}  # fmt: skip
RU_MONTH_PATTERN = (
    r"(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)"
)


def ru_month(word: str) -> int:
    word = word.lower()
    return next(n for stem, n in RU_MONTHS.items() if word.startswith(stem) and len(word) < 10)


# Cities: English, Russian, country, time zone, and the ISO 3166-2 code when
# the city is a subdivision in its own right (so naming it names the region).
CITIES = [
    ("Bishkek", "Бишкек", "KG", "Asia/Bishkek", "KG-GB"),
    ("Osh", "Ош", "KG", "Asia/Bishkek", "KG-GO"),
    ("Karakol", "Каракол", "KG", "Asia/Bishkek", None),
    ("Cholpon-Ata", "Чолпон-Ата", "KG", "Asia/Bishkek", None),
    ("Jalal-Abad", "Джалал-Абад", "KG", "Asia/Bishkek", None),
    ("Naryn", "Нарын", "KG", "Asia/Bishkek", None),
    ("Talas", "Талас", "KG", "Asia/Bishkek", None),
    ("Batken", "Баткен", "KG", "Asia/Bishkek", None),
    ("Tokmok", "Токмок", "KG", "Asia/Bishkek", None),
    ("Moscow", "Москва", "RU", "Europe/Moscow", "RU-MOW"),
    ("Saint Petersburg", "Санкт-Петербург", "RU", "Europe/Moscow", "RU-SPE"),
    ("St. Petersburg", "Петербург", "RU", "Europe/Moscow", "RU-SPE"),
    ("Kazan", "Казань", "RU", "Europe/Moscow", None),
    ("Yekaterinburg", "Екатеринбург", "RU", "Asia/Yekaterinburg", None),
    ("Novosibirsk", "Новосибирск", "RU", "Asia/Novosibirsk", None),
    ("Nizhny Novgorod", "Нижний Новгород", "RU", "Europe/Moscow", None),
    ("Ufa", "Уфа", "RU", "Asia/Yekaterinburg", None),
    ("Sochi", "Сочи", "RU", "Europe/Moscow", None),
    ("Krasnodar", "Краснодар", "RU", "Europe/Moscow", None),
    ("Samara", "Самара", "RU", "Europe/Samara", None),
    ("Omsk", "Омск", "RU", "Asia/Omsk", None),
    ("Orenburg", "Оренбург", "RU", "Asia/Yekaterinburg", None),
    ("Astrakhan", "Астрахань", "RU", "Europe/Astrakhan", None),
    ("Volgograd", "Волгоград", "RU", "Europe/Volgograd", None),
    ("Rostov-on-Don", "Ростов-на-Дону", "RU", "Europe/Moscow", None),
    ("Kaliningrad", "Калининград", "RU", "Europe/Kaliningrad", None),
    ("Vladivostok", "Владивосток", "RU", "Asia/Vladivostok", None),
    ("Makhachkala", "Махачкала", "RU", "Europe/Moscow", None),
    ("Ulan-Ude", "Улан-Удэ", "RU", "Asia/Irkutsk", None),
    ("Astana", "Астана", "KZ", "Asia/Almaty", "KZ-71"),
    ("Almaty", "Алматы", "KZ", "Asia/Almaty", "KZ-75"),
    ("Tashkent", "Ташкент", "UZ", "Asia/Tashkent", "UZ-TK"),
    ("Samarkand", "Самарканд", "UZ", "Asia/Samarkand", None),
    ("Dushanbe", "Душанбе", "TJ", "Asia/Dushanbe", "TJ-DU"),
    ("Minsk", "Минск", "BY", "Europe/Minsk", "BY-HM"),
    ("Yerevan", "Ереван", "AM", "Asia/Yerevan", "AM-ER"),
    ("Baku", "Баку", "AZ", "Asia/Baku", "AZ-BA"),
    ("Chisinau", "Кишинёв", "MD", "Europe/Chisinau", "MD-CU"),
    ("Tbilisi", "Тбилиси", "GE", "Asia/Tbilisi", "GE-TB"),
    ("Ashgabat", "Ашхабад", "TM", "Asia/Ashgabat", None),
    ("Beijing", "Пекин", "CN", "Asia/Shanghai", "CN-BJ"),
    ("New Delhi", "Нью-Дели", "IN", "Asia/Kolkata", None),
    ("Ankara", "Анкара", "TR", "Europe/Istanbul", None),
    ("Istanbul", "Стамбул", "TR", "Europe/Istanbul", None),
]

# Spellings of countries that the ISO names do not cover: adjectives and
# common short forms. Russian entries are stems matched at a word start.
EN_COUNTRY_ALIASES = {
    "russia": "RU", "russian": "RU", "russian federation": "RU", "kyrgyzstan": "KG",
    "kyrgyz": "KG", "kyrgyz republic": "KG", "kazakhstan": "KZ", "kazakh": "KZ",
    "uzbekistan": "UZ", "uzbek": "UZ", "tajikistan": "TJ", "tajik": "TJ", "belarus": "BY",
    "belarusian": "BY", "armenia": "AM", "armenian": "AM", "azerbaijan": "AZ",
    "azerbaijani": "AZ", "china": "CN", "chinese": "CN", "india": "IN", "indian": "IN",
    "turkey": "TR", "türkiye": "TR", "turkish": "TR", "moldova": "MD", "georgia": "GE",
    "turkmenistan": "TM", "mongolia": "MN", "iran": "IR", "usa": "US",
    "united states": "US", "egypt": "EG", "jordan": "JO",
}  # fmt: skip
RU_COUNTRY_STEMS = {
    "росси": "RU", "российск": "RU", "кыргызстан": "KG", "киргизи": "KG", "кыргызск": "KG",
    "киргизск": "KG", "кыргыз": "KG", "казахстан": "KZ", "казахск": "KZ", "узбекистан": "UZ",
    "узбекск": "UZ", "таджикистан": "TJ", "таджикск": "TJ", "беларус": "BY",
    "белорус": "BY", "армени": "AM", "армянск": "AM", "азербайджан": "AZ", "кита": "CN",
    "китайск": "CN", "инди": "IN", "индийск": "IN", "турци": "TR", "турецк": "TR",
    "молдов": "MD", "молдавск": "MD", "грузи": "GE", "грузинск": "GE", "туркменистан": "TM",
    "монголи": "MN", "иран": "IR", "сша": "US", "египт": "EG", "иордани": "JO",
}  # fmt: skip
# Russian stems that must not be read as countries ("индивидуальный").
RU_COUNTRY_FALSE = re.compile(r"^(?:индив|индик|индуст|индекс|китаец)")
