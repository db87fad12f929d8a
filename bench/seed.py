"""Fill a PostgreSQL database with N synthetic events (default 100,000) for benchmarks.

    createdb -h 127.0.0.1 -U postgres diplomacy_bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/diplomacy_bench \\
        .venv/bin/python bench/seed.py --events 100000

For N events it writes N/10 people (each with a position), N/50 organizations,
2-6 participants, 1-3 organization roles, 1-3 topics and 1-4 participating
countries per event, quotes for a quarter of the events and sources for most.
Titles, summaries, venues and HTML bodies (1-3 paragraphs) are in English,
Russian and, for most events, Kyrgyz; 90% of the events are published, the
rest drafts, cancelled or postponed; 55% have a start time in their venue's
zone (18 cities, east and west of UTC).

Rows go in with PostgreSQL's COPY, 2,500 events at a time, from two worker
processes (--workers); each builds its events' search vectors right after,
with the project's own events.search.refresh_event_search over the chunk's id
range. The event tables' secondary indexes are dropped first and built again,
from their own definitions, once all rows are in; foreign keys are not checked
row by row (session_replication_role, when the role is a superuser); every
table is vacuumed and analysed at the end. History tables stay empty.

Run it on a new database: it migrates and loads the reference and demo data
first, and refuses a database that already holds benchmark events.
"""

import argparse
import dataclasses
import datetime
import io
import multiprocessing
import os
import random
import sys
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "diplomacy.settings")

import django

django.setup()

from django.core.management import call_command
from django.db import connection, connections, models

from events.models import Event, EventOrganization, Participation, Quote, Source, Topic
from events.search import refresh_event_search
from people.models import Country, Organization, Person, Position, Region
from people.search import refresh_organization_search, refresh_person_search

SLUG_PREFIX = "bench-event-"
CHUNK = 2_500  # events a worker writes, and indexes for search, at a time
NOW = datetime.datetime(2026, 11, 1, 12, 0, tzinfo=datetime.UTC)

KINDS = [kind for kind, _label in Event.Kind.choices]
ROLES = [role for role, _label in Participation.Role.choices]
ORG_ROLES = [role for role, _label in EventOrganization.Role.choices]
ORG_KINDS = [kind for kind, _label in Organization.Kind.choices]

# (en, ru, ky)
KIND_WORDS = {
    "round_table": ("round table", "круглый стол", "тегерек үстөл"),
    "competition": ("competition", "конкурс", "сынак"),
    "forum": ("forum", "форум", "форум"),
    "conference": ("conference", "конференция", "конференция"),
    "seminar": ("seminar", "семинар", "семинар"),
    "meeting": ("meeting", "встреча", "жолугушуу"),
    "festival": ("festival", "фестиваль", "фестиваль"),
    "exhibition": ("exhibition", "выставка", "көргөзмө"),
    "visit": ("visit", "визит", "сапар"),
}
THEMES = [
    ("friendship of peoples", "дружба народов", "элдердин достугу"),
    ("youth exchanges", "молодёжные обмены", "жаштар алмашуусу"),
    ("cultural heritage", "культурное наследие", "маданий мурас"),
    ("education and science", "образование и наука", "билим берүү жана илим"),
    ("interethnic dialogue", "межнациональный диалог", "улуттар аралык диалог"),
    ("the information space", "информационное пространство", "маалыматтык мейкиндик"),
    ("public diplomacy", "общественная дипломатия", "коомдук дипломатия"),
    ("the Russian language", "русский язык", "орус тили"),
    ("Eurasian integration", "евразийская интеграция", "евразиялык интеграция"),
    ("sport and health", "спорт и здоровье", "спорт жана ден соолук"),
    ("folk crafts", "народные промыслы", "элдик кол өнөрчүлүк"),
    ("migration and labour", "миграция и труд", "миграция жана эмгек"),
]
ADJECTIVES = [
    ("International", "Международный", "Эл аралык"),
    ("Regional", "Региональный", "Аймактык"),
    ("Youth", "Молодёжный", "Жаштар"),
    ("Annual", "Ежегодный", "Жыл сайынкы"),
    ("Interregional", "Межрегиональный", "Аймактар аралык"),
]
# (en, ru, ky, country, time zone, region)
CITIES = [
    ("Bishkek", "Бишкек", "Бишкек", "KG", "Asia/Bishkek", "KG-GB"),
    ("Osh", "Ош", "Ош", "KG", "Asia/Bishkek", "KG-GO"),
    ("Moscow", "Москва", "Москва", "RU", "Europe/Moscow", "RU-MOW"),
    ("Kazan", "Казань", "Казань", "RU", "Europe/Moscow", "RU-TA"),
    ("Saint Petersburg", "Санкт-Петербург", "Санкт-Петербург", "RU", "Europe/Moscow", "RU-SPE"),
    ("Novosibirsk", "Новосибирск", "Новосибирск", "RU", "Asia/Novosibirsk", "RU-NVS"),
    ("Almaty", "Алматы", "Алматы", "KZ", "Asia/Almaty", "KZ-75"),
    ("Tashkent", "Ташкент", "Ташкент", "UZ", "Asia/Tashkent", None),
    ("Dushanbe", "Душанбе", "Душанбе", "TJ", "Asia/Dushanbe", None),
    ("Minsk", "Минск", "Минск", "BY", "Europe/Minsk", None),
    ("Yerevan", "Ереван", "Ереван", "AM", "Asia/Yerevan", None),
    ("Baku", "Баку", "Баку", "AZ", "Asia/Baku", None),
    ("Berlin", "Берлин", "Берлин", "DE", "Europe/Berlin", None),
    ("Istanbul", "Стамбул", "Стамбул", "TR", "Europe/Istanbul", None),
    ("Beijing", "Пекин", "Бээжин", "CN", "Asia/Shanghai", None),
    ("New Delhi", "Нью-Дели", "Нью-Дели", "IN", "Asia/Kolkata", None),
    ("Geneva", "Женева", "Женева", "CH", "Europe/Zurich", None),
    ("New York", "Нью-Йорк", "Нью-Йорк", "US", "America/New_York", None),
]
VENUES = [
    ("House of Friendship", "Дом дружбы", "Достук үйү"),
    ("State Library", "Государственная библиотека", "Мамлекеттик китепкана"),
    ("University assembly hall", "Актовый зал университета", "Университеттин жыйын залы"),
    ("Congress Hall", "Конгресс-холл", "Конгресс-холл"),
    ("Philharmonic", "Филармония", "Филармония"),
]
GIVEN = [
    ("Ivan", "Иван"),
    ("Aibek", "Айбек"),
    ("Elena", "Елена"),
    ("Nurlan", "Нурлан"),
    ("Olga", "Ольга"),
    ("Bakyt", "Бакыт"),
    ("Sergei", "Сергей"),
    ("Aigul", "Айгуль"),
    ("Dmitry", "Дмитрий"),
    ("Gulnara", "Гульнара"),
    ("Anna", "Анна"),
    ("Timur", "Тимур"),
    ("Marat", "Марат"),
    ("Natalia", "Наталья"),
    ("Azamat", "Азамат"),
    ("Svetlana", "Светлана"),
    ("Kanat", "Канат"),
    ("Irina", "Ирина"),
    ("Ruslan", "Руслан"),
    ("Cholpon", "Чолпон"),
]
FAMILY = [
    ("Petrov", "Петров"),
    ("Asanov", "Асанов"),
    ("Ivanova", "Иванова"),
    ("Toktogulov", "Токтогулов"),
    ("Smirnova", "Смирнова"),
    ("Abdrakhmanov", "Абдрахманов"),
    ("Kuznetsov", "Кузнецов"),
    ("Sadykova", "Садыкова"),
    ("Orlov", "Орлов"),
    ("Zhumabaev", "Жумабаев"),
    ("Volkova", "Волкова"),
    ("Mamatov", "Маматов"),
    ("Sokolov", "Соколов"),
    ("Isakova", "Исакова"),
    ("Morozov", "Морозов"),
    ("Bekova", "Бекова"),
    ("Lebedev", "Лебедев"),
    ("Osmonov", "Осмонов"),
    ("Novikova", "Новикова"),
    ("Sultanov", "Султанов"),
    ("Fedorov", "Фёдоров"),
    ("Alieva", "Алиева"),
    ("Pavlov", "Павлов"),
    ("Kasymov", "Касымов"),
]
PATRONYMICS = ["Петрович", "Сергеевна", "Иванович", "Александровна", "Николаевич", "Викторовна"]
TITLES = [
    ("Chairman of the board", "Председатель правления", "Башкармалыктын төрагасы"),
    ("Director", "Директор", "Директор"),
    ("Deputy chairman", "Заместитель председателя", "Төрага орун басары"),
    ("Rector", "Ректор", "Ректор"),
    ("Head of department", "Руководитель отдела", "Бөлүм башчысы"),
    ("Member of parliament", "Депутат", "Депутат"),
    ("Expert", "Эксперт", "Эксперт"),
    ("Ambassador", "Посол", "Элчи"),
]
ORG_TYPES = [
    ("ngo", "Association of", "Ассоциация", "Ассоциациясы"),
    ("ngo", "Foundation for", "Фонд", "Фонду"),
    ("association", "Union of", "Союз", "Бирлиги"),
    ("international_union", "Assembly of", "Ассамблея", "Ассамблеясы"),
    ("university", "University of", "Университет", "Университети"),
    ("media", "Journal of", "Журнал", "Журналы"),
    ("government_body", "Agency for", "Агентство", "Агенттиги"),
]
PUBLISHERS = ["Kabar", "TASS", "RIA Novosti", "24.kg", "Slovo Kyrgyzstana", "Kazinform"]
RUBRICS = [
    ("Regions of Russia", "Регионы России", "Россиянын аймактары"),
    ("Society", "Общество", "Коом"),
    ("Culture", "Культура", "Маданият"),
    ("Politics", "Политика", "Саясат"),
]
QUOTES = [
    ("en", "Relations between states are called people's relations for a reason."),
    ("ru", "Народная дипломатия начинается с доверия между людьми."),
    ("ru", "Молодёжь — это мост между нашими странами."),
    ("en", "Culture speaks where politics falls silent."),
    ("ky", "Элдердин достугу — биздин эң чоң байлыгыбыз."),
]
# Paragraph templates per language; {kind}, {theme}, {city} and {org} are filled in.
PARAGRAPHS = {
    "en": [
        "The {kind} on {theme} took place in {city}. Representatives of national-cultural "
        "associations, public figures, scholars and students discussed joint projects and the "
        "experience of the regions.",
        "Opening the {kind}, the organizers from {org} recalled that dialogue between peoples is "
        "built on trust, respect for traditions and a shared history.",
        "Participants adopted a resolution with proposals on {theme}: exchanges of young people, "
        "joint summer schools, translations of literature and a common calendar of events.",
        "The programme also included an exhibition of folk crafts, a concert of young performers "
        "and a round of bilateral meetings between partner organizations.",
        "Speakers noted that the work of {org} over recent years has shown how much can be done "
        "by civil society when governments and communities act together.",
        "The next {kind} is planned for the coming year; the organizers invite all interested "
        "organizations from {city} and other cities to take part.",
    ],
    "ru": [
        "{Kind} на тему «{theme}» прошёл в городе {city}. Представители национально-культурных "
        "объединений, общественные деятели, учёные и студенты обсудили совместные проекты и опыт "
        "регионов.",
        "Открывая мероприятие, организаторы из организации «{org}» напомнили, что диалог народов "
        "строится на доверии, уважении к традициям и общей истории.",
        "Участники приняли резолюцию с предложениями по теме «{theme}»: обмены молодёжью, "
        "совместные летние школы, переводы литературы и общий календарь мероприятий.",
        "В программе также были выставка народных промыслов, концерт молодых исполнителей и "
        "двусторонние встречи партнёрских организаций.",
        "Выступающие отметили, что работа организации «{org}» в последние годы показала, как "
        "много может сделать гражданское общество, когда государство и общины действуют вместе.",
        "Следующее мероприятие запланировано на будущий год; организаторы приглашают к участию "
        "все заинтересованные организации из города {city} и других городов.",
    ],
    "ky": [
        "{city} шаарында «{theme}» темасында {kind} өттү. Улуттук-маданий бирикмелердин "
        "өкүлдөрү, коомдук ишмерлер, окумуштуулар жана студенттер биргелешкен долбоорлорду "
        "талкуулашты.",
        "Иш-чараны ачып жатып, «{org}» уюмунун уюштуруучулары элдердин диалогу ишенимге, "
        "салттарды урматтоого жана жалпы тарыхка негизделерин эскертишти.",
        "Катышуучулар «{theme}» боюнча сунуштар менен резолюция кабыл алышты: жаштар алмашуусу, "
        "биргелешкен жайкы мектептер жана иш-чаралардын жалпы календары.",
        "Программага элдик кол өнөрчүлүк көргөзмөсү, жаш аткаруучулардын концерти жана өнөктөш "
        "уюмдардын эки тараптуу жолугушуулары кирди.",
    ],
}


# --- COPY ------------------------------------------------------------------------


def _copy_value(value) -> str:
    if value is None:
        return "\\N"
    if isinstance(value, str):
        # Searching is cheap; rebuilding the text only when needed.
        if "\\" in value or "\n" in value or "\t" in value or "\r" in value:
            value = value.replace("\\", "\\\\").replace("\n", "\\n")
            return value.replace("\t", "\\t").replace("\r", "\\r")
        return value
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    return str(value)


class Table:
    """Rows of one model, buffered as COPY text.

    Columns a row leaves out get the field's default, as the ORM would write it;
    a translated field's own column holds the default language's value (with
    fallback), as modeltranslation stores it on save. Without `ids`, the
    database numbers the rows.
    """

    def __init__(self, model: type[models.Model], *, ids: bool = True) -> None:
        self.model = model
        fields = [f for f in model._meta.concrete_fields if ids or not f.primary_key]
        self.columns = [field.column for field in fields]
        self.index = {field.attname: position for position, field in enumerate(fields)}
        self.defaults = []
        for field in fields:
            default = None if field.primary_key else field.get_default()
            if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
                default = NOW
            self.defaults.append(_copy_value(default))
        # modeltranslation's base columns: "title" beside "title_en", "title_ru"…
        self.translated = [
            (name, f"{name}_en", f"{name}_ru", f"{name}_ky")
            for name in self.index
            if all(f"{name}_{language}" in self.index for language in ("en", "ru", "ky"))
        ]
        self.lines: list[str] = []

    def add(self, **values) -> None:
        for name, en, ru, ky in self.translated:
            if name not in values:
                values[name] = values.get(en) or values.get(ru) or values.get(ky) or ""
        row = self.defaults.copy()
        index = self.index
        for name, value in values.items():
            row[index[name]] = _copy_value(value)
        self.lines.append("\t".join(row))

    def flush(self, cursor) -> None:
        if not self.lines:
            return
        self.lines.append("")
        buffer = io.StringIO("\n".join(self.lines))
        columns = ", ".join(connection.ops.quote_name(column) for column in self.columns)
        cursor.copy_expert(
            f"COPY {connection.ops.quote_name(self.model._meta.db_table)} ({columns}) FROM STDIN",
            buffer,
        )
        self.lines = []


def next_id(model: type[models.Model]) -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {model._meta.db_table}")  # noqa: S608
        return cursor.fetchone()[0]


def reset_sequence(cursor, model: type[models.Model]) -> None:
    table = model._meta.db_table
    cursor.execute(
        f"SELECT setval(pg_get_serial_sequence(%s, 'id'), (SELECT max(id) FROM {table}))",  # noqa: S608
        [table],
    )


# --- progress ------------------------------------------------------------------


class Progress:
    """A one-line progress bar on stderr, redrawn in place."""

    WIDTH = 30

    def __init__(self, label: str, total: int) -> None:
        self.label, self.total, self.done = label, max(total, 1), 0
        self.started = time.monotonic()
        self._lock = threading.Lock()
        self._draw()

    def advance(self, amount: int) -> None:
        with self._lock:
            self.done = min(self.total, self.done + amount)
            self._draw()

    def close(self) -> None:
        self.done = self.total
        self._draw()
        sys.stderr.write("\n")

    def _draw(self) -> None:
        share = self.done / self.total
        filled = int(self.WIDTH * share)
        sys.stderr.write(
            f"\r{self.label:26} [{'#' * filled}{'.' * (self.WIDTH - filled)}] "
            f"{share:4.0%} {self.done:>9,}/{self.total:,} {time.monotonic() - self.started:5.1f} s"
        )
        sys.stderr.flush()


# --- data ------------------------------------------------------------------------


def some(rng: random.Random, share: float, value):
    return value if rng.random() < share else None


def write_organizations(rng, cursor, count: int, countries) -> tuple[list, dict]:
    organizations = Table(Organization)
    organization_id = next_id(Organization)
    ids, names = [], {}
    for n in range(count):
        kind, en, ru, ky = rng.choice(ORG_TYPES)
        theme = rng.choice(THEMES)
        city = rng.choice(CITIES)
        name = (
            f"{en} {theme[0]} of {city[0]}",
            f"{ru} «{theme[1].capitalize()}» ({city[1]})",
            f"{city[2]} «{theme[2].capitalize()}» {ky}",
        )
        short = "".join(word[0] for word in name[0].split() if word[0].isupper())
        organizations.add(
            id=organization_id,
            slug=f"bench-organization-{n}",
            name_en=name[0],
            name_ru=name[1],
            name_ky=some(rng, 0.6, name[2]),
            short_name_en=some(rng, 0.4, short),
            kind=kind,
            country_id=city[3] if city[3] in countries else rng.choice(countries),
            website=f"https://org{n}.example.org/" if rng.random() < 0.5 else "",
            description_en=some(
                rng, 0.2, f"Works on {theme[0]} since {rng.randrange(1991, 2020)}."
            ),
        )
        ids.append(organization_id)
        names[organization_id] = name
        organization_id += 1
    organizations.flush(cursor)
    return ids, names


def write_people(rng, cursor, count: int, countries, organization_ids) -> tuple[list, dict]:
    """People, each with one position; returns their ids and (position id, title) by person."""
    people, positions = Table(Person), Table(Position)
    person_id, position_id = next_id(Person), next_id(Position)
    ids, position_of = [], {}
    for n in range(count):
        given, family = rng.choice(GIVEN), rng.choice(FAMILY)
        kyrgyz = rng.random() < 0.3
        people.add(
            id=person_id,
            slug=f"bench-person-{n}",
            given_name_en=given[0],
            given_name_ru=given[1],
            given_name_ky=given[1] if kyrgyz else None,
            family_name_en=family[0],
            family_name_ru=family[1],
            family_name_ky=family[1] if kyrgyz else None,
            patronymic_ru=some(rng, 0.4, rng.choice(PATRONYMICS)),
            honorific_prefix_en=some(rng, 0.05, "Prof."),
            country_id=rng.choice(countries),
            bio_en=some(rng, 0.3, f"Works on {rng.choice(THEMES)[0]}."),
            bio_ru=some(rng, 0.3, f"Занимается темой «{rng.choice(THEMES)[1]}»."),
        )
        title = rng.choice(TITLES)
        positions.add(
            id=position_id,
            person_id=person_id,
            organization_id=rng.choice(organization_ids),
            title_en=title[0],
            title_ru=title[1],
            title_ky=some(rng, 0.5, title[2]),
            start_date=datetime.date(2005, 1, 1) + datetime.timedelta(days=rng.randrange(6000)),
        )
        ids.append(person_id)
        position_of[person_id] = (position_id, title)
        person_id += 1
        position_id += 1
    people.flush(cursor)
    positions.flush(cursor)
    return ids, position_of


def body(rng, language: str, words: dict) -> str:
    templates = PARAGRAPHS[language]
    paragraphs = rng.sample(templates, rng.randint(1, 3))
    return "\n".join(f"<p>{paragraph.format(**words)}</p>" for paragraph in paragraphs)


@dataclasses.dataclass
class World:
    """What every chunk of events draws from; forked worker processes inherit it."""

    seed: int
    events: int
    first_event: int
    countries: list
    regions: set
    topics: list
    people: list
    position_of: dict
    organizations: list
    org_names: dict
    replica: bool


WORLD: World | None = None
STATUSES = ["published"] * 90 + ["draft"] * 6 + ["cancelled"] * 2 + ["postponed"] * 2
FIRST_DAY = datetime.date(2000, 1, 1)
EVENT_TABLES = (
    Event,
    EventOrganization,
    Participation,
    Quote,
    Source,
    Event.topics.through,
    Event.countries.through,
)


def write_event_chunk(chunk: int) -> int:
    """One chunk of events with their related rows, then their search vectors.

    Runs in a worker process with its own connection. Event ids follow from
    the chunk's position; related rows are numbered by the database.
    """
    world = WORLD
    rng = random.Random(f"{world.seed}:{chunk}")
    first = chunk * CHUNK
    count = min(CHUNK, world.events - first)
    first_id = event_id = world.first_event + first
    countries, regions, topics = world.countries, world.regions, world.topics
    people, position_of = world.people, world.position_of
    organizations, org_names = world.organizations, world.org_names
    tables = {model: Table(model, ids=model is Event) for model in EVENT_TABLES}
    events, roles, participations = tables[Event], tables[EventOrganization], tables[Participation]
    quotes, sources = tables[Quote], tables[Source]
    topic_links, country_links = tables[Event.topics.through], tables[Event.countries.through]
    for n in range(first, first + count):
        kind = rng.choice(KINDS)
        kind_words = KIND_WORDS[kind]
        theme, adjective = rng.choice(THEMES), rng.choice(ADJECTIVES)
        city = rng.choice(CITIES)
        start_date = FIRST_DAY + datetime.timedelta(days=rng.randrange(9500))
        start_time = end_time = end_date = None
        if rng.random() < 0.55:
            start_time = datetime.time(rng.randrange(9, 18), rng.choice((0, 30)))
            if rng.random() < 0.7:
                end_time = datetime.time(start_time.hour + rng.randrange(1, 5), start_time.minute)
        if rng.random() < 0.2:
            end_date = start_date + datetime.timedelta(days=rng.randrange(1, 4))
        organization_ids = rng.sample(organizations, rng.randint(1, 3))
        org = org_names[organization_ids[0]]
        kyrgyz = rng.random() < 0.6
        venue = rng.choice(VENUES) if rng.random() < 0.6 else (None, None, None)
        created = datetime.datetime.combine(
            start_date, datetime.time(12), datetime.UTC
        ) + datetime.timedelta(days=rng.randrange(-30, 3))
        ru_kind = kind_words[1].capitalize()
        events.add(
            id=event_id,
            slug=f"{SLUG_PREFIX}{n}",
            title_en=f"{adjective[0]} {kind_words[0]} on {theme[0]}, {city[0]} {start_date.year}",
            title_ru=(
                f"{adjective[1]} {kind_words[1]} «{theme[1].capitalize()}», "
                f"{city[1]}, {start_date.year}"
            ),
            title_ky=(
                f"{city[2]}: {adjective[2].lower()} {kind_words[2]} «{theme[2]}», {start_date.year}"
                if kyrgyz
                else None
            ),
            kind=kind,
            status=rng.choice(STATUSES),
            start_date=start_date,
            start_time=start_time,
            end_date=end_date,
            end_time=end_time,
            timezone=city[4],
            venue_en=venue[0],
            venue_ru=venue[1],
            venue_ky=venue[2] if kyrgyz else None,
            city_en=city[0],
            city_ru=city[1],
            city_ky=city[2],
            region_id=city[5] if city[5] in regions else None,
            host_country_id=city[3] if city[3] in countries else None,
            online_url=f"https://stream.example.org/{n}" if rng.random() < 0.1 else "",
            summary_en=f"A {kind_words[0]} on {theme[0]} in {city[0]}.",
            summary_ru=f"{ru_kind} на тему «{theme[1]}» в городе {city[1]}.",
            summary_ky=(
                f"{city[2]} шаарында «{theme[2]}» темасында {kind_words[2]}." if kyrgyz else None
            ),
            body_en=(
                body(
                    rng,
                    "en",
                    {"kind": kind_words[0], "theme": theme[0], "city": city[0], "org": org[0]},
                )
                if rng.random() < 0.95
                else None
            ),
            body_ru=(
                body(
                    rng, "ru", {"Kind": ru_kind, "theme": theme[1], "city": city[1], "org": org[1]}
                )
                if rng.random() < 0.9
                else None
            ),
            body_ky=(
                body(
                    rng,
                    "ky",
                    {"kind": kind_words[2], "theme": theme[2], "city": city[2], "org": org[2]},
                )
                if kyrgyz and rng.random() < 0.7
                else None
            ),
            created_at=created,
            updated_at=created + datetime.timedelta(minutes=rng.randrange(10_000)),
        )
        org_roles = rng.sample(ORG_ROLES, len(organization_ids))
        for order, (organization_id, role) in enumerate(
            zip(organization_ids, org_roles, strict=True)
        ):
            roles.add(event_id=event_id, organization_id=organization_id, role=role, order=order)
        speakers = rng.sample(people, rng.randint(2, 6))
        speaker_roles = rng.sample(ROLES, len(speakers))
        for order, (person_id, role) in enumerate(zip(speakers, speaker_roles, strict=True)):
            position, title = position_of[person_id]
            unnamed = rng.random() < 0.08
            linked = not unnamed and rng.random() < 0.5
            title = title if linked else rng.choice(TITLES)
            participations.add(
                event_id=event_id,
                person_id=None if unnamed else person_id,
                role=role,
                position_id=position if linked else None,
                position_title_en=title[0],
                position_title_ru=title[1],
                position_title_ky=some(rng, 0.5, title[2]),
                organization_id=rng.choice(organizations)
                if unnamed or rng.random() < 0.3
                else None,
                order=order,
            )
        if rng.random() < 0.25:
            for order in range(rng.randint(1, 2)):
                language, text = rng.choice(QUOTES)
                quotes.add(
                    event_id=event_id,
                    person_id=speakers[order],
                    text=text,
                    language=language,
                    order=order,
                )
        for order in range(rng.choices((0, 1, 2), (1, 7, 2))[0]):
            rubric = rng.choice(RUBRICS)
            sources.add(
                event_id=event_id,
                title_en=some(rng, 0.6, f"{ru_kind} on {theme[0]} held in {city[0]}"),
                title_ru=f"В городе {city[1]} прошёл {kind_words[1]}",
                url=f"https://news.example.org/{n}/{order}",
                publisher=rng.choice(PUBLISHERS),
                rubric_en=rubric[0],
                rubric_ru=rubric[1],
                rubric_ky=some(rng, 0.3, rubric[2]),
                published_at=created
                + datetime.timedelta(hours=rng.randrange(1, 48), minutes=rng.randrange(60)),
                order=order,
            )
        for topic_id in rng.sample(topics, rng.randint(1, min(3, len(topics)))):
            topic_links.add(event_id=event_id, topic_id=topic_id)
        for code in rng.sample(countries, rng.randint(1, 4)):
            country_links.add(event_id=event_id, country_id=code)
        event_id += 1
    with connection.cursor() as cursor:
        # A seed that dies half-way is started again: no need to wait for disk.
        cursor.execute("SET synchronous_commit = off")
        if world.replica:
            # Every id above comes from rows already written: skip the
            # row-by-row foreign-key checks (a superuser's privilege).
            cursor.execute("SET session_replication_role = replica")
        for table in tables.values():
            table.flush(cursor)
    refresh_event_search(range(first_id, event_id))
    return count


# --- indexes -------------------------------------------------------------------


def secondary_indexes(cursor, tables: Iterable[str]) -> list[tuple[str, str]]:
    """(name, definition) of the indexes that back no constraint."""
    cursor.execute(
        """
        SELECT i.indexname, i.indexdef
        FROM pg_indexes i
        WHERE i.schemaname = current_schema() AND i.tablename = ANY(%s)
          AND NOT EXISTS (
            SELECT 1 FROM pg_constraint c
            WHERE c.conindid = format('%%I.%%I', i.schemaname, i.indexname)::regclass
          )
        ORDER BY i.tablename, i.indexname
        """,
        [list(tables)],
    )
    return cursor.fetchall()


def in_parallel(jobs: Sequence[Callable[[], None]], workers: int) -> None:
    """Run jobs on `workers` threads, each with its own database connection."""
    queue = list(jobs)
    lock = threading.Lock()
    errors: list[BaseException] = []

    def work() -> None:
        try:
            while True:
                with lock:
                    if not queue or errors:
                        return
                    job = queue.pop(0)
                job()
        except BaseException as error:  # re-raised in the main thread
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=work) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]


def main() -> None:
    global WORLD
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1, help="of the random generator")
    parser.add_argument("--workers", type=int, default=2, help="processes writing events")
    arguments = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("bench/seed.py needs PostgreSQL: set DATABASE_URL=postgres://…")
    rng = random.Random(arguments.seed)
    started = time.monotonic()

    call_command("migrate", verbosity=0)
    call_command("load_reference_data", verbosity=0, stdout=io.StringIO())
    call_command("load_demo_data", verbosity=0, stdout=io.StringIO())
    call_command("createcachetable", verbosity=0)
    if Event.objects.filter(slug__startswith="bench-event-").exists():
        sys.exit("This database already holds benchmark events: seed a new one (dropdb, createdb).")
    print(
        f"migrated, reference and demo data in {time.monotonic() - started:5.1f} s", file=sys.stderr
    )

    countries = list(Country.objects.values_list("code", flat=True))
    with connection.cursor() as cursor:
        cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
        replica = bool(cursor.fetchone()[0])
        progress = Progress(
            "people, organizations", arguments.events // 10 + arguments.events // 50
        )
        organization_ids, org_names = write_organizations(
            rng, cursor, arguments.events // 50, countries
        )
        progress.advance(len(organization_ids))
        person_ids, position_of = write_people(
            rng, cursor, arguments.events // 10, countries, organization_ids
        )
        progress.advance(len(person_ids))
        for model in (Person, Position, Organization):
            reset_sequence(cursor, model)
        refresh_person_search(person_ids)
        refresh_organization_search(organization_ids)
        progress.close()
        # Indexes are built once over the loaded rows, not row by row.
        tables = [model._meta.db_table for model in EVENT_TABLES]
        indexes = secondary_indexes(cursor, tables)
        for name, _definition in indexes:
            cursor.execute(f"DROP INDEX {connection.ops.quote_name(name)}")

    WORLD = World(
        seed=arguments.seed,
        events=arguments.events,
        first_event=next_id(Event),
        countries=countries,
        regions=set(Region.objects.values_list("code", flat=True)),
        topics=list(Topic.objects.values_list("pk", flat=True)),
        people=person_ids,
        position_of=position_of,
        organizations=organization_ids,
        org_names=org_names,
        replica=replica,
    )
    connections.close_all()
    progress = Progress("events, rows, search", arguments.events)
    chunk_count = -(-arguments.events // CHUNK)
    with multiprocessing.get_context("fork").Pool(arguments.workers) as pool:
        for written in pool.imap_unordered(write_event_chunk, range(chunk_count)):
            progress.advance(written)
    progress.close()

    progress = Progress("indexes", len(indexes))

    def build(definition: str) -> Callable[[], None]:
        def run() -> None:
            with connection.cursor() as cursor:
                # Memory for sorting: a GIN index builds several times faster.
                cursor.execute("SET maintenance_work_mem = '256MB'")
                cursor.execute(definition)
            progress.advance(1)

        return run

    # The big GIN index first, so the two connections finish together.
    indexes.sort(key=lambda index: "USING gin" not in index[1])
    in_parallel([build(definition) for _name, definition in indexes], arguments.workers)
    progress.close()

    with connection.cursor() as cursor:
        reset_sequence(cursor, Event)
        cursor.execute(
            "SELECT relname FROM pg_stat_user_tables ORDER BY pg_total_relation_size(relid) DESC"
        )
        tables = [row[0] for row in cursor.fetchall()]
    progress = Progress("vacuum, analyse", len(tables))

    def vacuum(table: str) -> Callable[[], None]:
        def run() -> None:
            with connection.cursor() as cursor:
                cursor.execute("SET maintenance_work_mem = '256MB'")
                # Reclaim the rows the search-vector UPDATEs replaced and give
                # the planner fresh statistics, as autovacuum would in time.
                cursor.execute(f"VACUUM ANALYZE {connection.ops.quote_name(table)}")
            progress.advance(1)

        return run

    in_parallel([vacuum(table) for table in tables], arguments.workers)
    progress.close()
    print(
        f"Seeded {arguments.events:,} events, {len(person_ids):,} people and "
        f"{len(organization_ids):,} organizations in {time.monotonic() - started:.1f} s."
    )


if __name__ == "__main__":
    main()
