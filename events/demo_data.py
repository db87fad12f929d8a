"""The seed record: the Bishkek round table of 24 April 2023, as reported by
the Eurasian Peoples’ Assembly (../shared/seed/bishkek-round-table-2023.txt).

English titles are worded as in the report. Russian forms are the official
ones; Kyrgyz is given where the official form is known.
"""

import datetime
from zoneinfo import ZoneInfo

# Each translated value is a dict of language code -> text.
TOPICS = {
    "education": {"en": "Education", "ru": "Образование", "ky": "Билим берүү"},
    "culture": {"en": "Culture", "ru": "Культура", "ky": "Маданият"},
    "science": {"en": "Science", "ru": "Наука", "ky": "Илим"},
    "interethnic-relations": {
        "en": "Interethnic relations",
        "ru": "Межнациональные отношения",
        "ky": "Улуттар аралык мамилелер",
    },
    "information-space": {
        "en": "Information space",
        "ru": "Информационное пространство",
        "ky": "Маалыматтык мейкиндик",
    },
}

ORGANIZATIONS = {
    "assembly-of-the-peoples-of-russia": {
        "kind": "ngo",
        "country": "RU",
        "name": {
            "en": "Assembly of the Peoples of Russia",
            "ru": "Ассамблея народов России",
            "ky": "Россия элдеринин Ассамблеясы",
        },
        "short_name": {"en": "APR", "ru": "АНР"},
    },
    "assembly-of-the-peoples-of-kyrgyzstan": {
        "kind": "ngo",
        "country": "KG",
        "name": {
            "en": "Assembly of the Peoples of Kyrgyzstan",
            "ru": "Ассамблея народа Кыргызстана",
            "ky": "Кыргызстан элинин Ассамблеясы",
        },
    },
    "eurasian-peoples-assembly": {
        "kind": "international_union",
        "country": "RU",
        "name": {
            "en": "International Union of Non-Governmental Organizations "
            "“The Eurasian Peoples’ Assembly”",
            "ru": "Международный союз общественных объединений «Ассамблея народов Евразии»",
            "ky": "«Евразия элдеринин Ассамблеясы» коомдук бирикмелердин эл аралык союзу",
        },
        "short_name": {
            "en": "Eurasian Peoples’ Assembly",
            "ru": "Ассамблея народов Евразии",
            "ky": "Евразия элдеринин Ассамблеясы",
        },
    },
    "rossotrudnichestvo": {
        "kind": "government_body",
        "country": "RU",
        "name": {
            "en": "Federal Agency for the Commonwealth of Independent States Affairs, "
            "Compatriots Living Abroad, and International Humanitarian Cooperation",
            "ru": "Федеральное агентство по делам Содружества Независимых Государств, "
            "соотечественников, проживающих за рубежом, и по международному "
            "гуманитарному сотрудничеству",
            "ky": "Көз карандысыз Мамлекеттердин Шериктештигинин иштери, чет өлкөдө жашаган "
            "мекендештер жана эл аралык гуманитардык кызматташтык боюнча федералдык агенттик",
        },
        "short_name": {
            "en": "Rossotrudnichestvo",
            "ru": "Россотрудничество",
            "ky": "Россотрудничество",
        },
    },
    "federation-council": {
        "kind": "parliament",
        "country": "RU",
        "name": {
            "en": "Federation Council of the Federal Assembly of the Russian Federation",
            "ru": "Совет Федерации Федерального Собрания Российской Федерации",
            "ky": "Россия Федерациясынын Федералдык Жыйынынын Федерация Кеңеши",
        },
        "short_name": {
            "en": "Federation Council",
            "ru": "Совет Федерации",
            "ky": "Федерация Кеңеши",
        },
    },
    "embassy-of-russia-in-kyrgyzstan": {
        "kind": "embassy",
        "country": "RU",
        "name": {
            "en": "Embassy of the Russian Federation in the Kyrgyz Republic",
            "ru": "Посольство Российской Федерации в Киргизской Республике",
            "ky": "Россия Федерациясынын Кыргыз Республикасындагы элчилиги",
        },
    },
    "ministry-of-culture-of-kyrgyzstan": {
        "kind": "ministry",
        "country": "KG",
        "name": {
            "en": "Ministry of Culture, Information, Sports and Youth Policy "
            "of the Kyrgyz Republic",
            "ru": "Министерство культуры, информации, спорта и молодёжной политики "
            "Кыргызской Республики",
            "ky": "Кыргыз Республикасынын Маданият, маалымат, спорт жана жаштар "
            "саясаты министрлиги",
        },
    },
    "civic-chamber-of-russia": {
        "kind": "government_body",
        "country": "RU",
        "name": {
            "en": "Civic Chamber of the Russian Federation",
            "ru": "Общественная палата Российской Федерации",
            "ky": "Россия Федерациясынын Коомдук палатасы",
        },
    },
    "presidential-council-for-interethnic-relations": {
        "kind": "government_body",
        "country": "RU",
        "name": {
            "en": "Council under the President of the Russian Federation for Interethnic Relations",
            "ru": "Совет при Президенте Российской Федерации по межнациональным отношениям",
            "ky": "Россия Федерациясынын Президентине караштуу Улуттар аралык "
            "мамилелер боюнча кеңеш",
        },
    },
    "bishkek-state-university": {
        "kind": "university",
        "country": "KG",
        "name": {
            "en": "Bishkek State University",
            "ru": "Бишкекский государственный университет",
            "ky": "Бишкек мамлекеттик университети",
        },
    },
    "association-of-universities-of-kyrgyzstan": {
        "kind": "association",
        "country": "KG",
        "name": {
            "en": "Association of Higher Educational Institutions of the Kyrgyz Republic",
            "ru": "Ассоциация высших учебных заведений Кыргызской Республики",
            "ky": "Кыргыз Республикасынын Жогорку окуу жайларынын ассоциациясы",
        },
    },
    "center-for-eurasian-studies": {
        "kind": "other",
        "country": None,
        "name": {
            "en": "Center for Eurasian Studies",
            "ru": "Центр евразийских исследований",
            "ky": "Евразиялык изилдөөлөр борбору",
        },
    },
    "sco-national-center-for-public-diplomacy": {
        "kind": "ngo",
        "country": None,
        "name": {
            "en": "National Center for Public Diplomacy of the SCO",
            "ru": "Национальный центр общественной дипломатии ШОС",
            "ky": "ШКУнун коомдук дипломатия боюнча улуттук борбору",
        },
    },
}

# Positions are keyed so participations can point at them.
PEOPLE = {
    "konstantin-kosachev": {
        "country": "RU",
        "given_name": {"en": "Konstantin", "ru": "Константин", "ky": "Константин"},
        "patronymic": {"ru": "Иосифович", "ky": "Иосифович"},
        "family_name": {"en": "Kosachev", "ru": "Косачёв", "ky": "Косачёв"},
        "bio": {
            "en": "Russian statesman and diplomat, senator of the Russian Federation.",
            "ru": "Российский государственный деятель и дипломат, сенатор Российской Федерации.",
            "ky": "Россиялык мамлекеттик ишмер жана дипломат, Россия Федерациясынын сенатору.",
        },
        "positions": {
            "deputy-chairman": (
                "federation-council",
                {
                    "en": "Deputy Chairman of the Federation Council",
                    "ru": "Заместитель Председателя Совета Федерации",
                    "ky": "Федерация Кеңешинин Төрагасынын орун басары",
                },
            ),
            "senator": (
                "federation-council",
                {
                    "en": "Senator of the Russian Federation",
                    "ru": "Сенатор Российской Федерации",
                    "ky": "Россия Федерациясынын сенатору",
                },
            ),
        },
    },
    "svetlana-smirnova": {
        "country": "RU",
        "given_name": {"en": "Svetlana", "ru": "Светлана", "ky": "Светлана"},
        "patronymic": {"ru": "Юрьевна", "ky": "Юрьевна"},
        "family_name": {"en": "Smirnova", "ru": "Смирнова", "ky": "Смирнова"},
        "positions": {
            "first-deputy-secretary-general": (
                "eurasian-peoples-assembly",
                {
                    "en": "First Deputy Secretary General - Head of the General Secretariat "
                    "of the Eurasian Peoples’ Assembly",
                    "ru": "Первый заместитель Генерального секретаря – руководитель "
                    "Генерального секретариата Ассамблеи народов Евразии",
                    "ky": "Евразия элдеринин Ассамблеясынын Башкы катчысынын биринчи орун "
                    "басары – Башкы катчылыгынын жетекчиси",
                },
            ),
            "council-chairman": (
                "assembly-of-the-peoples-of-russia",
                {
                    "en": "Chairman of the Council of the Assembly of Peoples of Russia",
                    "ru": "Председатель Совета Ассамблеи народов России",
                    "ky": "Россия элдеринин Ассамблеясынын Кеңешинин төрагасы",
                },
            ),
        },
    },
    "nikolay-udovichenko": {
        "country": "RU",
        "given_name": {"en": "Nikolay", "ru": "Николай", "ky": "Николай"},
        "patronymic": {"ru": "Николаевич", "ky": "Николаевич"},
        "family_name": {"en": "Udovichenko", "ru": "Удовиченко", "ky": "Удовиченко"},
        "positions": {
            "ambassador": (
                "embassy-of-russia-in-kyrgyzstan",
                {
                    "en": "Ambassador Extraordinary and Plenipotentiary of Russia "
                    "to the Kyrgyz Republic",
                    "ru": "Чрезвычайный и Полномочный Посол Российской Федерации "
                    "в Киргизской Республике",
                    "ky": "Россия Федерациясынын Кыргыз Республикасындагы Атайын жана "
                    "Ыйгарым укуктуу элчиси",
                },
            ),
        },
    },
    "altynbek-maksutov": {
        "country": "KG",
        "given_name": {"en": "Altynbek", "ru": "Алтынбек", "ky": "Алтынбек"},
        "family_name": {"en": "Maksutov", "ru": "Максутов", "ky": "Максутов"},
        "positions": {
            "minister": (
                "ministry-of-culture-of-kyrgyzstan",
                {
                    "en": "Minister of Culture, Information, Sports and Youth Policy "
                    "of the Kyrgyz Republic",
                    "ru": "Министр культуры, информации, спорта и молодёжной политики "
                    "Кыргызской Республики",
                    "ky": "Кыргыз Республикасынын маданият, маалымат, спорт жана жаштар "
                    "саясаты министри",
                },
            ),
        },
    },
    "vladimir-zorin": {
        "country": "RU",
        "given_name": {"en": "Vladimir", "ru": "Владимир", "ky": "Владимир"},
        "patronymic": {"ru": "Юрьевич", "ky": "Юрьевич"},
        "family_name": {"en": "Zorin", "ru": "Зорин", "ky": "Зорин"},
        "positions": {
            "co-chairman": (
                "assembly-of-the-peoples-of-russia",
                {
                    "en": "Co-Chairman of the Council of the Assembly of Peoples of Russia",
                    "ru": "Сопредседатель Совета Ассамблеи народов России",
                    "ky": "Россия элдеринин Ассамблеясынын Кеңешинин тең төрагасы",
                },
            ),
            "civic-chamber": (
                "civic-chamber-of-russia",
                {
                    "en": "Chairman of the Civic Chamber of the Russian Federation for "
                    "Harmonization of Interethnic and Interregional Relations",
                    "ru": "Председатель Комиссии Общественной палаты Российской Федерации "
                    "по гармонизации межнациональных и межрегиональных отношений",
                    "ky": "Россия Федерациясынын Коомдук палатасынын улуттар аралык жана "
                    "региондор аралык мамилелерди шайкештирүү боюнча комиссиясынын төрагасы",
                },
            ),
            "presidium": (
                "presidential-council-for-interethnic-relations",
                {
                    "en": "Member of the Presidium of the Council under the President of the "
                    "Russian Federation for Interethnic Relations",
                    "ru": "Член Президиума Совета при Президенте Российской Федерации "
                    "по межнациональным отношениям",
                    "ky": "Россия Федерациясынын Президентине караштуу Улуттар аралык "
                    "мамилелер боюнча кеңештин Президиумунун мүчөсү",
                },
            ),
        },
    },
    "abdylda-musaev": {
        "country": "KG",
        "given_name": {"en": "Abdylda", "ru": "Абдылда", "ky": "Абдылда"},
        "family_name": {"en": "Musaev", "ru": "Мусаев", "ky": "Мусаев"},
        "positions": {
            "rector": (
                "bishkek-state-university",
                {
                    "en": "Rector of Bishkek State University",
                    "ru": "Ректор Бишкекского государственного университета",
                    "ky": "Бишкек мамлекеттик университетинин ректору",
                },
            ),
        },
    },
    "larisa-khoperskaya": {
        "country": None,
        "given_name": {"en": "Larisa", "ru": "Лариса", "ky": "Лариса"},
        "family_name": {"en": "Khoperskaya", "ru": "Хоперская", "ky": "Хоперская"},
        "positions": {
            "association-chairman": (
                "association-of-universities-of-kyrgyzstan",
                {
                    "en": "Chairman of the Association of Higher Educational Institutions "
                    "of the Kyrgyz Republic",
                    "ru": "Председатель Ассоциации высших учебных заведений Кыргызской Республики",
                    "ky": "Кыргыз Республикасынын Жогорку окуу жайларынын ассоциациясынын төрагасы",
                },
            ),
        },
    },
    "zarina-umetalieva": {
        "country": None,
        "given_name": {"en": "Zarina", "ru": "Зарина", "ky": "Зарина"},
        "family_name": {"en": "Umetalieva", "ru": "Уметалиева", "ky": "Уметалиева"},
        "positions": {
            "head": (
                "center-for-eurasian-studies",
                {
                    "en": "Head of the Center for Eurasian Studies",
                    "ru": "Руководитель Центра евразийских исследований",
                    "ky": "Евразиялык изилдөөлөр борборунун жетекчиси",
                },
            ),
        },
    },
    "valery-ruzin": {
        "country": None,
        "given_name": {"en": "Valery", "ru": "Валерий", "ky": "Валерий"},
        "family_name": {"en": "Ruzin", "ru": "Рузин", "ky": "Рузин"},
        "positions": {
            "deputy-secretary-general": (
                "eurasian-peoples-assembly",
                {
                    "en": "Deputy Secretary General of the Eurasian Peoples’ Assembly",
                    "ru": "Заместитель Генерального секретаря Ассамблеи народов Евразии",
                    "ky": "Евразия элдеринин Ассамблеясынын Башкы катчысынын орун басары",
                },
            ),
        },
    },
}

COMPETITION = {
    "slug": "leader-of-peoples-diplomacy",
    "title": {
        "en": "Leader of People’s Diplomacy",
        "ru": "Лидер народной дипломатии",
        "ky": "Элдик дипломатиянын лидери",
    },
    "description": {
        "en": "An international competition aimed at developing the positive potential of "
        "partnership and cooperation, creating a system to support direct contacts, and "
        "exchanging best practices in science and culture, education and enlightenment.",
        "ru": "Международный конкурс, направленный на развитие позитивного потенциала "
        "партнёрства и сотрудничества, создание системы поддержки прямых контактов, обмен "
        "лучшими практиками в сфере науки и культуры, образования и просвещения.",
        "ky": "Өнөктөштүктүн жана кызматташтыктын оң потенциалын өнүктүрүүгө, түз "
        "байланыштарды колдоо системасын түзүүгө, илим жана маданият, билим берүү жана "
        "агартуу жаатындагы мыкты тажрыйбалар менен алмашууга багытталган эл аралык сынак.",
    },
    "organizers": ["assembly-of-the-peoples-of-russia"],
    "editions": {
        2022: {
            "reported_regions": 34,
            "reported_countries": 23,
            "reported_figures": {
                "en": "Representatives of the non-profit sector from 34 regions of Russia "
                "and 23 countries",
                "ru": "Представители некоммерческого сектора из 34 регионов России и 23 стран",
                "ky": "Россиянын 34 регионунан жана 23 өлкөдөн коммерциялык эмес сектордун "
                "өкүлдөрү",
            },
            # The report names eleven of the 23 countries.
            "countries": ["TR", "RO", "MD", "FR", "CA", "IT", "MX", "IN", "SA", "GE", "UZ"],
        },
        2023: {},
    },
}

EVENT_SLUG = "round-table-public-diplomacy-russia-kyrgyzstan-2023"

EVENT = {
    "slug": EVENT_SLUG,
    "kind": "round_table",
    "status": "published",
    "start_date": datetime.date(2023, 4, 24),
    "timezone": "Asia/Bishkek",
    "host_country": "KG",
    "region": "KG-GB",
    "edition_year": 2023,
    "title": {
        "en": "International round table on the role of public diplomacy in the development "
        "of Russian-Kyrgyz relations",
        "ru": "Международный круглый стол о роли общественной дипломатии в развитии "
        "российско-кыргызских отношений",
        "ky": "Орус-кыргыз мамилелерин өнүктүрүүдөгү коомдук дипломатиянын ролу боюнча "
        "эл аралык тегерек үстөл",
    },
    "city": {"en": "Bishkek", "ru": "Бишкек", "ky": "Бишкек"},
    "summary": {
        "en": "Bishkek hosted an international round table on the role of public diplomacy "
        "in the development of Russian-Kyrgyz relations, held as part of the international "
        "competition “Leader of People’s Diplomacy”.",
        "ru": "В Бишкеке прошёл международный круглый стол о роли общественной дипломатии "
        "в развитии российско-кыргызских отношений в рамках международного конкурса "
        "«Лидер народной дипломатии».",
        "ky": "Бишкекте «Элдик дипломатиянын лидери» эл аралык сынагынын алкагында "
        "орус-кыргыз мамилелерин өнүктүрүүдөгү коомдук дипломатиянын ролу боюнча эл аралык "
        "тегерек үстөл өттү.",
    },
    "body": {
        "en": (
            "<p>Russia and Kyrgyzstan continue to develop public diplomacy in order to "
            "strengthen the friendship between the peoples of the two countries. The Assembly "
            "of the Peoples of Russia and the Assembly of the Peoples of Kyrgyzstan are "
            "actively engaged in this process. They are supported by the International Union "
            "of Non-Governmental Organizations “The Eurasian Peoples’ Assembly” and "
            "Rossotrudnichestvo.</p>"
            "<p>The event was held as part of the international competition “Leader of "
            "People’s Diplomacy”, organized by the Assembly of the Peoples of Russia.</p>"
            "<p>Konstantin Kosachev, Deputy Chairman of the Federation Council, addressed the "
            "audience with a welcoming speech and outlined the role of public diplomacy as a "
            "tool for the development of interstate relations. Svetlana Smirnova moderated "
            "throughout the event: she introduced the eminent participants of the round table "
            "from Russia and Kyrgyzstan and noted the importance of building relationships in "
            "the educational field.</p>"
            "<p>The speakers discussed trends in international diplomacy and opportunities to "
            "promote rapprochement between Russia and Kyrgyzstan. The participants agreed that "
            "it is necessary to continue humanitarian projects that bring Bishkek and Moscow "
            "closer. The roundtable participants also stressed the need to create a single "
            "Eurasian information space to cover common activities that remain insufficiently "
            "public for a significant number of people.</p>"
            "<p>The role of Kyrgyzstan as a strategic partner of Russia was highly noted, as it "
            "is a country where a significant part of the population speaks Russian. Work is "
            "underway to prevent interethnic conflicts in Russia and Kyrgyzstan with the help "
            "of people’s diplomacy, and to create an informal atmosphere within the framework "
            "of interethnic relations with the help of media people and bloggers. According to "
            "the new concept of Russian foreign policy, attention is paid to partnership with "
            "Kyrgyzstan through civil society institutions, including the work of people’s "
            "assemblies. There are cultural and integration centers of the SCO countries.</p>"
            "<p>The round table was attended by a number of experts and representatives from "
            "Russia and Kyrgyzstan, among them those listed below, and others.</p>"
            "<p>Global geopolitical turbulence cannot hinder the development of Russian-Kyrgyz "
            "relations. For Russia and Kyrgyzstan, the preservation of culture, languages and "
            "national unity remains an important aspect of successful development at the social "
            "and state levels. Relationships are based on people’s trust, and trust at the "
            "level of relations between Kyrgyzstan and Russia is enough to achieve any "
            "ambitious goals.</p>"
        ),
        "ru": (
            "<p>Россия и Кыргызстан продолжают развивать общественную дипломатию, чтобы "
            "укреплять дружбу между народами двух стран. В этой работе активно участвуют "
            "Ассамблея народов России и Ассамблея народа Кыргызстана. Их поддерживают "
            "Международный союз общественных объединений «Ассамблея народов Евразии» и "
            "Россотрудничество.</p>"
            "<p>Мероприятие прошло в рамках международного конкурса «Лидер народной "
            "дипломатии», организованного Ассамблеей народов России.</p>"
            "<p>С приветственным словом к участникам обратился заместитель Председателя Совета "
            "Федерации Константин Косачёв. Он рассказал о роли общественной дипломатии как "
            "инструмента развития межгосударственных отношений. Модератором встречи выступила "
            "Светлана Смирнова: она представила видных участников круглого стола из России и "
            "Кыргызстана и отметила важность выстраивания отношений в сфере образования.</p>"
            "<p>Выступающие обсудили тенденции международной дипломатии и возможности сближения "
            "России и Кыргызстана. Участники сошлись во мнении, что необходимо продолжать "
            "гуманитарные проекты, сближающие Бишкек и Москву, и подчеркнули необходимость "
            "единого евразийского информационного пространства для освещения совместной "
            "деятельности, о которой пока знает недостаточно много людей.</p>"
            "<p>Была высоко оценена роль Кыргызстана как стратегического партнёра России — "
            "страны, где значительная часть населения говорит по-русски. Ведётся работа по "
            "профилактике межнациональных конфликтов в России и Кыргызстане средствами "
            "народной дипломатии и по созданию неформальной атмосферы в межнациональных "
            "отношениях с участием представителей СМИ и блогеров. В соответствии с новой "
            "Концепцией внешней политики России внимание уделяется партнёрству с Кыргызстаном "
            "через институты гражданского общества, в том числе через работу ассамблей "
            "народов. Действуют культурно-интеграционные центры стран ШОС.</p>"
            "<p>В работе круглого стола приняли участие эксперты и представители России и "
            "Кыргызстана, в том числе перечисленные ниже, и другие.</p>"
            "<p>Глобальная геополитическая турбулентность не может помешать развитию "
            "российско-кыргызских отношений. Для России и Кыргызстана сохранение культуры, "
            "языков и национального единства остаётся важным условием успешного развития на "
            "общественном и государственном уровнях. Отношения строятся на доверии между "
            "людьми, и доверия в отношениях Кыргызстана и России достаточно для достижения "
            "любых амбициозных целей.</p>"
        ),
    },
    "countries": ["RU", "KG"],
    "topics": list(TOPICS),
    "organizations": [
        ("assembly-of-the-peoples-of-russia", "organizer"),
        ("assembly-of-the-peoples-of-kyrgyzstan", "partner"),
        ("eurasian-peoples-assembly", "supporter"),
        ("rossotrudnichestvo", "supporter"),
    ],
    # (person, role, [position keys], title as worded at the event)
    "participants": [
        (
            "konstantin-kosachev",
            "welcome_address",
            "deputy-chairman",
            {
                "en": "Senator of the Russian Federation, Deputy Chairman of the "
                "Federation Council",
                "ru": "Сенатор Российской Федерации, заместитель Председателя Совета Федерации",
                "ky": "Россия Федерациясынын сенатору, Федерация Кеңешинин Төрагасынын орун басары",
            },
        ),
        (
            "svetlana-smirnova",
            "moderator",
            "first-deputy-secretary-general",
            {
                "en": "First Deputy Secretary General - Head of the General Secretariat of the "
                "Eurasian Peoples’ Assembly, Chairman of the Council of the Assembly of "
                "Peoples of Russia",
                "ru": "Первый заместитель Генерального секретаря – руководитель Генерального "
                "секретариата Ассамблеи народов Евразии, Председатель Совета Ассамблеи "
                "народов России",
                "ky": "Евразия элдеринин Ассамблеясынын Башкы катчысынын биринчи орун басары – "
                "Башкы катчылыгынын жетекчиси, Россия элдеринин Ассамблеясынын Кеңешинин "
                "төрагасы",
            },
        ),
        ("nikolay-udovichenko", "attendee", "ambassador", None),
        ("altynbek-maksutov", "attendee", "minister", None),
        (
            "vladimir-zorin",
            "attendee",
            "co-chairman",
            {
                "en": "Co-Chairman of the Council of the Assembly of Peoples of Russia, Chairman "
                "of the Civic Chamber of the Russian Federation for Harmonization of "
                "Interethnic and Interregional Relations, member of the Presidium of the "
                "Council under the President of the Russian Federation for Interethnic "
                "Relations",
                "ru": "Сопредседатель Совета Ассамблеи народов России, председатель Комиссии "
                "Общественной палаты Российской Федерации по гармонизации межнациональных и "
                "межрегиональных отношений, член Президиума Совета при Президенте Российской "
                "Федерации по межнациональным отношениям",
                "ky": "Россия элдеринин Ассамблеясынын Кеңешинин тең төрагасы, Россия "
                "Федерациясынын Коомдук палатасынын улуттар аралык жана региондор аралык "
                "мамилелерди шайкештирүү боюнча комиссиясынын төрагасы, Россия "
                "Федерациясынын Президентине караштуу Улуттар аралык мамилелер боюнча "
                "кеңештин Президиумунун мүчөсү",
            },
        ),
        ("abdylda-musaev", "attendee", "rector", None),
        ("larisa-khoperskaya", "attendee", "association-chairman", None),
        ("zarina-umetalieva", "attendee", "head", None),
        ("valery-ruzin", "attendee", "deputy-secretary-general", None),
    ],
    # The report gives this post but not the name of who held it.
    "unnamed_participants": [
        (
            "sco-national-center-for-public-diplomacy",
            "attendee",
            {
                "en": "Director of the National Center for Public Diplomacy of the SCO",
                "ru": "Директор Национального центра общественной дипломатии ШОС",
                "ky": "ШКУнун коомдук дипломатия боюнча улуттук борборунун директору",
            },
        ),
    ],
    "quotes": [
        (
            "konstantin-kosachev",
            "en",
            "Relations between states are called people’s relations for a reason. Without the "
            "participation of business, public organizations, scientists and ordinary people, "
            "they remain the lot of a narrow circle of politicians and diplomats. It is much "
            "easier for our countries in this sense. Communication between people has never "
            "stopped and has rich experience and traditions. But this does not mean at all "
            "that everything will develop on its own and no efforts will be required. People’s "
            "relations mean first of all, an active work of enthusiasts and associates.",
            # Published in English; the editors' translations, marked as such.
            {
                "ru": "Межгосударственные отношения не случайно называют отношениями между "
                "народами. Без участия бизнеса, общественных организаций, учёных и простых людей "
                "они остаются уделом узкого круга политиков и дипломатов. Нашим странам в этом "
                "смысле гораздо проще. Общение между людьми никогда не прекращалось, у него "
                "богатый опыт и традиции. Но это вовсе не значит, что всё будет развиваться само "
                "собой и не потребуется никаких усилий. Отношения между народами — это прежде "
                "всего активная работа энтузиастов и единомышленников.",
                "ky": "Мамлекеттер аралык мамилелерди элдер аралык мамилелер деп бекеринен "
                "айтышпайт. Бизнестин, коомдук уюмдардын, илимпоздордун жана карапайым "
                "адамдардын катышуусу болбосо, алар саясатчылар менен дипломаттардын тар "
                "чөйрөсүнүн гана иши бойдон калат. Бул жагынан биздин өлкөлөргө алда канча "
                "жеңил. Адамдардын ортосундагы байланыш эч качан үзүлгөн эмес, анын бай "
                "тажрыйбасы жана салттары бар. Бирок бул баары өзүнөн өзү өнүгөт, эч кандай "
                "аракет талап кылынбайт дегенди такыр билдирбейт. Элдер аралык мамилелер – бул "
                "баарыдан мурда энтузиасттардын жана пикирлештердин жигердүү иши.",
            },
        ),
        (
            "svetlana-smirnova",
            "en",
            "Certainly, it is necessary to build relations between the universities of Russia "
            "and Kyrgyzstan. Within the Eurasian Peoples’ Assembly, we have the opportunity to "
            "join you in the Eurasian space. We just recently returned from India, before that "
            "we were in Egypt, in Jordan. There we worked with higher educational institutions. "
            "We are ready to provide such an opportunity, and we invite you to cooperate at the "
            "international level.",
            {
                "ru": "Безусловно, необходимо выстраивать отношения между вузами России и "
                "Кыргызстана. В рамках Ассамблеи народов Евразии у нас есть возможность "
                "объединиться с вами в евразийском пространстве. Мы совсем недавно вернулись из "
                "Индии, до этого были в Египте, в Иордании. Там мы работали с высшими учебными "
                "заведениями. Мы готовы предоставить такую возможность и приглашаем вас к "
                "сотрудничеству на международном уровне.",
                "ky": "Албетте, Россия менен Кыргызстандын жогорку окуу жайларынын ортосунда "
                "мамилелерди куруу зарыл. Евразия элдеринин Ассамблеясынын алкагында силер менен "
                "евразиялык мейкиндикте бирге иштөөгө мүмкүнчүлүгүбүз бар. Биз жакында эле "
                "Индиядан кайттык, ага чейин Египетте, Иорданияда болдук. Ал жерде жогорку окуу "
                "жайлары менен иштештик. Биз мындай мүмкүнчүлүк берүүгө даярбыз жана силерди эл "
                "аралык деңгээлде кызматташууга чакырабыз.",
            },
        ),
    ],
    # The two points the report says the participants agreed on. No document
    # was signed or adopted and no one is named as proposing them, so they
    # have no parties and no document: the first is an agreed position (a
    # statement), the second a call on others to act (a recommendation).
    "outcomes": [
        {
            "slug": "continue-humanitarian-projects-bishkek-moscow-2023",
            "kind": "statement",
            "title": {
                "en": "Humanitarian projects bringing Bishkek and Moscow closer must continue",
                "ru": "Гуманитарные проекты, сближающие Бишкек и Москву, необходимо продолжать",
                "ky": "Бишкек менен Москваны жакындаткан гуманитардык долбоорлорду улантуу зарыл",
            },
            "text": {
                "en": "The participants agreed that it is necessary to continue humanitarian "
                "projects that bring Bishkek and Moscow closer.",
                "ru": "Участники сошлись во мнении, что необходимо продолжать гуманитарные "
                "проекты, сближающие Бишкек и Москву.",
                "ky": "Катышуучулар Бишкек менен Москваны жакындаткан гуманитардык "
                "долбоорлорду улантуу зарыл деген пикирге келишти.",
            },
        },
        {
            "slug": "single-eurasian-information-space-2023",
            "kind": "recommendation",
            "title": {
                "en": "Create a single Eurasian information space",
                "ru": "Создать единое евразийское информационное пространство",
                "ky": "Бирдиктүү евразиялык маалыматтык мейкиндикти түзүү",
            },
            "text": {
                "en": "The participants stressed the need to create a single Eurasian "
                "information space to cover common activities that remain insufficiently "
                "public for a significant number of people.",
                "ru": "Участники подчеркнули необходимость создать единое евразийское "
                "информационное пространство для освещения совместной деятельности, о которой "
                "пока знает недостаточно много людей.",
                "ky": "Катышуучулар көпчүлүк адамдарга али жетиштүү белгилүү болбогон "
                "биргелешкен иш-аракеттерди чагылдыруу үчүн бирдиктүү евразиялык маалыматтык "
                "мейкиндикти түзүү зарылдыгын баса белгилешти.",
            },
        },
    ],
    "sources": [
        {
            "title": {
                "en": "The Eurasian Peoples’ Assembly brings Russia and Kyrgyzstan closer",
                "ru": "Ассамблея народов Евразии сближает Россию и Кыргызстан",
                "ky": "Евразия элдеринин Ассамблеясы Россия менен Кыргызстанды жакындатат",
            },
            "rubric": {
                "en": "Regions of Russia",
                "ru": "Регионы России",
                "ky": "Россиянын региондору",
            },
            # The report is the Eurasian Peoples’ Assembly’s own.
            "publisher": "eurasian-peoples-assembly",
            # The report gives 24/04/2023 21:42 without a zone; the publisher is
            # in Moscow.
            "published_at": datetime.datetime(
                2023, 4, 24, 21, 42, tzinfo=ZoneInfo("Europe/Moscow")
            ),
        },
    ],
}
