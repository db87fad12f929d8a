import datetime
import json

import pytest

from events.assistant import propose_event
from events.assistant.scoring import TARGETS, corpus, score_report
from tests.events.assistant.conftest import REPORTS

SEED_PEOPLE = [
    (
        "Konstantin Kosachev",
        "Senator of the Russian Federation, Deputy Chairman of the Federation Council",
        "welcome_address",
        "Federation Council",
    ),
    (
        "Svetlana Smirnova",
        "First Deputy Secretary General - Head of the General Secretariat of the Eurasian "
        "Peoples' Assembly, Chairman of the Council of the Assembly of Peoples of Russia",
        "moderator",
        "Eurasian Peoples' Assembly",
    ),
    (
        "Nikolay Udovichenko",
        "Ambassador Extraordinary and Plenipotentiary of Russia to the Kyrgyz Republic",
        "attendee",
        "Embassy of Russia in the Kyrgyz Republic",
    ),
    (
        "Altynbek Maksutov",
        "Minister of Culture, Information, Sports and Youth Policy of the Kyrgyz Republic",
        "attendee",
        "Ministry of Culture, Information, Sports and Youth Policy of the Kyrgyz Republic",
    ),
    (
        "Vladimir Zorin",
        "Co-Chairman of the Council of the Assembly of Peoples of Russia, Chairman of the Civic "
        "Chamber of the Russian Federation for Harmonization of Interethnic and Interregional "
        "Relations, member of the Presidium of the Council under the President of the Russian "
        "Federation for Interethnic Relations",
        "attendee",
        "Assembly of Peoples of Russia",
    ),
    (
        "Abdylda Musaev",
        "Rector of Bishkek State University",
        "attendee",
        "Bishkek State University",
    ),
    (
        "Larisa Khoperskaya",
        "Chairman of the Association of Higher Educational Institutions of the Kyrgyz Republic",
        "attendee",
        "Association of Higher Educational Institutions of the Kyrgyz Republic",
    ),
    (
        "Zarina Umetalieva",
        "Head of the Center for Eurasian Studies",
        "attendee",
        "Center for Eurasian Studies",
    ),
    (
        "Valery Ruzin",
        "Deputy Secretary General of the Eurasian Peoples' Assembly",
        "attendee",
        "Eurasian Peoples' Assembly",
    ),
    (
        None,
        "Director of the National Center for Public Diplomacy of the SCO",
        "attendee",
        "National Center for Public Diplomacy of the SCO",
    ),
]


@pytest.mark.django_db
def test_seed_report_people_have_their_titles_roles_and_organizations(seed_text):
    proposal = propose_event(seed_text)

    assert proposal.language == "en"
    assert [
        (p.name, p.title, p.role, p.organization.name, p.match, p.organization.match)
        for p in proposal.people
    ] == [(*row, None, None) for row in SEED_PEOPLE]


@pytest.mark.django_db
def test_seed_report_organizations_have_the_demo_data_roles(seed_text):
    proposal = propose_event(seed_text)

    assert [(o.name, o.role, o.match) for o in proposal.organizations] == [
        ("Assembly of the Peoples of Russia", "organizer", None),
        ("Assembly of the Peoples of Kyrgyzstan", "partner", None),
        (
            'International Union of Non-Governmental Organizations "The Eurasian Peoples’ '
            'Assembly"',
            "supporter",
            None,
        ),
        ("Rossotrudnichestvo", "supporter", None),
    ]


@pytest.mark.django_db
def test_seed_report_event_is_the_bishkek_round_table(seed_text):
    event = propose_event(seed_text).event

    assert (event.kind, event.start_date, event.start_time, event.end_date) == (
        "round_table",
        datetime.date(2023, 4, 24),
        None,
        None,
    )
    assert (event.city, event.host_country, event.region, event.timezone) == (
        "Bishkek",
        "KG",
        "KG-GB",
        "Asia/Bishkek",
    )
    assert event.title == (
        "International round table on the role of public diplomacy in the development of "
        "Russian-Kyrgyzstan relations"
    )
    assert event.countries == ["RU", "KG"]
    assert event.summary.startswith("Russia and Kyrgyzstan continue to develop public diplomacy")
    assert (event.competition.name, event.competition.match) == (
        "Leader of People's Diplomacy",
        None,
    )


@pytest.mark.django_db
def test_seed_report_quotes_keep_their_speakers_and_text(seed_text):
    quotes = propose_event(seed_text).quotes

    assert [(q.person, q.language) for q in quotes] == [
        ("Konstantin Kosachev", "en"),
        ("Svetlana Smirnova", "en"),
    ]
    assert quotes[0].text.startswith("Relations between states are called people's relations")
    assert quotes[0].text.endswith("an active work of enthusiasts and associates.")
    assert quotes[1].text.endswith("we invite you to cooperate at the international level.")


@pytest.mark.django_db
def test_seed_report_evidence_points_into_the_text(seed_text):
    proposal = propose_event(seed_text)
    kosachev = proposal.people[0]

    assert proposal.text[kosachev.evidence.start : kosachev.evidence.end] == kosachev.evidence.text
    assert kosachev.evidence.text == (
        "senator of the Russian Federation, Deputy Chairman of the Federation Council "
        "Konstantin Kosachev"
    )


@pytest.mark.django_db
def test_seed_report_json_has_the_documented_shape(seed_text):
    data = json.loads(json.dumps(propose_event(seed_text).to_dict()))

    assert list(data) == ["language", "event", "people", "organizations", "quotes", "source"]
    assert list(data["event"]) == [
        "kind", "title", "start_date", "start_time", "end_date", "city", "host_country",
        "region", "timezone", "venue", "summary", "countries", "topics", "competition",
    ]  # fmt: skip
    assert data["event"]["city"] == {"en": "Bishkek", "ru": None, "ky": None}
    assert list(data["people"][0]) == [
        "name", "match", "title", "organization", "role", "evidence",
    ]  # fmt: skip
    assert data["source"] == {
        "title": "The Eurasian Peoples' Assembly brings Russia and Kyrgyzstan closer",
        "rubric": "Regions of Russia",
        "published_at": "2023-04-24T21:42:00",
    }


@pytest.mark.django_db
@pytest.mark.parametrize("report", [path.stem for path, _key in corpus(REPORTS)])
def test_corpus_report_scores_at_or_above_the_targets(report):
    path = REPORTS / f"{report}.txt"
    key = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))

    rates = score_report(propose_event(path.read_text(encoding="utf-8")), key, report).rates()

    assert {name: rates[name] >= goal for name, goal in TARGETS.items()} == dict.fromkeys(
        TARGETS, True
    )
    assert rates["date_city_country"] == 1.0


def test_corpus_has_three_reports_per_language_and_the_seed():
    keys = [key for _path, key in corpus(REPORTS)]

    assert sum(key["language"] == "ru" for key in keys) >= 3
    assert sum(key["language"] == "en" for key in keys) >= 3
    assert (REPORTS / "seed-bishkek-round-table-2023.json").exists()


@pytest.mark.django_db
def test_russian_report_names_are_put_in_the_nominative():
    text = (
        "Круглый стол прошёл в Бишкеке 5 мая 2024 года. Слово было предоставлено "
        "председателю Молодёжного совета Ассамблеи народа Казахстана Тимуру Абдрахманову. "
        "Он рассказал о летней школе для студентов из России и Кыргызстана."
    )

    person = propose_event(text).people[0]

    assert (person.name, person.title, person.role) == (
        "Тимур Абдрахманов",
        "Председатель Молодёжного совета Ассамблеи народа Казахстана",
        "speaker",
    )
    assert person.organization.name == "Ассамблея народа Казахстана"
