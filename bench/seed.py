"""Fill a database with N synthetic events (default 100,000) for benchmarks.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/diplomacy_bench \\
        .venv/bin/python bench/seed.py --events 100000

Rows are written with bulk_create in batches; search vectors are then built by
the same functions the services use. Run it on an empty, migrated database.
"""

import argparse
import datetime
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "diplomacy.settings")

import django

django.setup()

from django.core.management import call_command
from django.db import connection

from events.models import Event, EventOrganization, Participation, Topic
from events.search import refresh_event_search
from people.models import Country, Organization, Person
from people.search import refresh_organization_search, refresh_person_search

BATCH = 5000
KINDS = [kind for kind, _label in Event.Kind.choices]
ROLES = [role for role, _label in Participation.Role.choices]
ORG_ROLES = [role for role, _label in EventOrganization.Role.choices]
WORDS_EN = [
    "forum",
    "peoples",
    "friendship",
    "youth",
    "culture",
    "dialogue",
    "science",
    "education",
    "heritage",
]
WORDS_RU = [
    "форум",
    "народов",
    "дружбы",
    "молодёжи",
    "культуры",
    "диалога",
    "науки",
    "образования",
    "наследия",
]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    arguments = parser.parse_args()
    rng = random.Random(arguments.seed)
    started = time.monotonic()
    call_command("migrate", verbosity=0)
    call_command("load_reference_data", verbosity=0)
    call_command("load_demo_data", verbosity=0)
    countries = list(Country.objects.values_list("code", flat=True))
    topics = list(Topic.objects.all())

    people = Person.objects.bulk_create(
        [
            Person(
                slug=f"bench-person-{n}",
                given_name_en=f"Name{n}",
                given_name_ru=f"Имя{n}",
                family_name_en=f"Family{n}",
                family_name_ru=f"Фамилия{n}",
                country_id=rng.choice(countries),
            )
            for n in range(arguments.events // 10)
        ],
        batch_size=BATCH,
    )
    organizations = Organization.objects.bulk_create(
        [
            Organization(
                slug=f"bench-organization-{n}",
                name_en=f"Association {n}",
                name_ru=f"Ассоциация {n}",
                kind="ngo",
                country_id=rng.choice(countries),
            )
            for n in range(arguments.events // 50)
        ],
        batch_size=BATCH,
    )
    start = datetime.date(2000, 1, 1)
    for offset in range(0, arguments.events, BATCH):
        events = Event.objects.bulk_create(
            [
                Event(
                    slug=f"bench-event-{n}",
                    title_en=f"{rng.choice(WORDS_EN).title()} of {rng.choice(WORDS_EN)} {n}",
                    title_ru=f"{rng.choice(WORDS_RU).title()} {rng.choice(WORDS_RU)} {n}",
                    kind=rng.choice(KINDS),
                    status="published" if rng.random() < 0.9 else "draft",
                    start_date=start + datetime.timedelta(days=rng.randrange(9500)),
                    timezone="Asia/Bishkek",
                    host_country_id=rng.choice(countries),
                    city_en="Bishkek",
                    summary_en="A synthetic event for benchmarks.",
                )
                for n in range(offset, min(offset + BATCH, arguments.events))
            ]
        )
        Participation.objects.bulk_create(
            [
                Participation(event=event, person=person, role=role, position_title_en="Chairman")
                for event in events
                for person, role in zip(rng.sample(people, 3), rng.sample(ROLES, 3), strict=True)
            ]
        )
        EventOrganization.objects.bulk_create(
            [
                EventOrganization(
                    event=event, organization=rng.choice(organizations), role=rng.choice(ORG_ROLES)
                )
                for event in events
            ]
        )
        Event.topics.through.objects.bulk_create(
            [Event.topics.through(event=event, topic=rng.choice(topics)) for event in events]
        )
        Event.countries.through.objects.bulk_create(
            [
                Event.countries.through(event=event, country_id=code)
                for event in events
                for code in rng.sample(countries, 2)
            ]
        )
        refresh_event_search([event.pk for event in events])
        print(f"{offset + len(events)} events", flush=True)
    for start_index in range(0, len(people), BATCH):
        refresh_person_search([person.pk for person in people[start_index : start_index + BATCH]])
    refresh_organization_search([organization.pk for organization in organizations])
    call_command("createcachetable", verbosity=0)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # fresh statistics, as autovacuum would give
    print(f"Seeded in {time.monotonic() - started:.0f} s.")


if __name__ == "__main__":
    main()
