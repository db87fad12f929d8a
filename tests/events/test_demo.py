"""The seed report, loaded by its management command, complete and idempotent."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command

from events.models import (
    Competition,
    Edition,
    Event,
    EventOrganization,
    Outcome,
    OutcomeParty,
    Participation,
    Quote,
    ReportedFigures,
    Source,
    Topic,
)
from people.models import Organization, Person, Position

pytestmark = pytest.mark.django_db

SLUG = "round-table-public-diplomacy-russia-kyrgyzstan-2023"


@pytest.fixture
def demo(db):
    call_command("load_demo_data")
    return Event.objects.get(slug=SLUG)


def test_demo_event_is_the_bishkek_round_table(demo):
    assert (demo.kind, demo.status, demo.start_date, demo.timezone) == (
        "round_table",
        "published",
        datetime.date(2023, 4, 24),
        "Asia/Bishkek",
    )
    assert (demo.host_country_id, demo.region_id, demo.city_en, demo.city_ru) == (
        "KG",
        "KG-GB",
        "Bishkek",
        "Бишкек",
    )
    assert demo.title_en == (
        "International round table on the role of public diplomacy in the development "
        "of Russian-Kyrgyz relations"
    )
    assert demo.title_ru == (
        "Международный круглый стол о роли общественной дипломатии в развитии "
        "российско-кыргызских отношений"
    )
    assert sorted(demo.countries.values_list("code", flat=True)) == ["KG", "RU"]
    assert sorted(demo.topics.values_list("name_en", flat=True)) == [
        "Culture",
        "Education",
        "Information space",
        "Interethnic relations",
        "Science",
    ]
    assert demo.edition.year == 2023
    assert demo.edition.competition.title_ru == "Лидер народной дипломатии"


def test_demo_participants_have_their_roles_and_titles(demo):
    rows = [
        (
            p.person.family_name_en if p.person else None,
            p.person.family_name_ru if p.person else None,
            p.role,
            p.position_title_en,
        )
        for p in demo.participations.select_related("person")
    ]
    assert rows == [
        (
            "Kosachev",
            "Косачёв",
            "welcome_address",
            "Senator of the Russian Federation, Deputy Chairman of the Federation Council",
        ),
        (
            "Smirnova",
            "Смирнова",
            "moderator",
            "First Deputy Secretary General - Head of the General Secretariat of the Eurasian "
            "Peoples’ Assembly, Chairman of the Council of the Assembly of Peoples of Russia",
        ),
        (
            "Udovichenko",
            "Удовиченко",
            "attendee",
            "Ambassador Extraordinary and Plenipotentiary of Russia to the Kyrgyz Republic",
        ),
        (
            "Maksutov",
            "Максутов",
            "attendee",
            "Minister of Culture, Information, Sports and Youth Policy of the Kyrgyz Republic",
        ),
        (
            "Zorin",
            "Зорин",
            "attendee",
            "Co-Chairman of the Council of the Assembly of Peoples of Russia, Chairman of the "
            "Civic Chamber of the Russian Federation for Harmonization of Interethnic and "
            "Interregional Relations, member of the Presidium of the Council under the President "
            "of the Russian Federation for Interethnic Relations",
        ),
        ("Musaev", "Мусаев", "attendee", "Rector of Bishkek State University"),
        (
            "Khoperskaya",
            "Хоперская",
            "attendee",
            "Chairman of the Association of Higher Educational Institutions of the Kyrgyz Republic",
        ),
        ("Umetalieva", "Уметалиева", "attendee", "Head of the Center for Eurasian Studies"),
        (
            "Ruzin",
            "Рузин",
            "attendee",
            "Deputy Secretary General of the Eurasian Peoples’ Assembly",
        ),
        (
            None,
            None,
            "attendee",
            "Director of the National Center for Public Diplomacy of the SCO",
        ),
    ]
    # Every participation that names a person has a Russian title too.
    assert all(p.position_title_ru for p in demo.participations.all())


def test_demo_people_have_every_title_the_report_gives(demo):
    titles = {
        person.slug: sorted(person.positions.values_list("title_en", flat=True))
        for person in Person.objects.all()
    }
    assert titles == {
        "konstantin-kosachev": [
            "Deputy Chairman of the Federation Council",
            "Senator of the Russian Federation",
        ],
        "svetlana-smirnova": [
            "Chairman of the Council of the Assembly of Peoples of Russia",
            "First Deputy Secretary General - Head of the General Secretariat of the Eurasian "
            "Peoples’ Assembly",
        ],
        "nikolay-udovichenko": [
            "Ambassador Extraordinary and Plenipotentiary of Russia to the Kyrgyz Republic"
        ],
        "altynbek-maksutov": [
            "Minister of Culture, Information, Sports and Youth Policy of the Kyrgyz Republic"
        ],
        "vladimir-zorin": [
            "Chairman of the Civic Chamber of the Russian Federation for Harmonization of "
            "Interethnic and Interregional Relations",
            "Co-Chairman of the Council of the Assembly of Peoples of Russia",
            "Member of the Presidium of the Council under the President of the Russian "
            "Federation for Interethnic Relations",
        ],
        "abdylda-musaev": ["Rector of Bishkek State University"],
        "larisa-khoperskaya": [
            "Chairman of the Association of Higher Educational Institutions of the Kyrgyz Republic"
        ],
        "zarina-umetalieva": ["Head of the Center for Eurasian Studies"],
        "valery-ruzin": ["Deputy Secretary General of the Eurasian Peoples’ Assembly"],
    }
    kosachev = Person.objects.get(slug="konstantin-kosachev")
    assert (kosachev.given_name_ru, kosachev.patronymic_ru, kosachev.family_name_ru) == (
        "Константин",
        "Иосифович",
        "Косачёв",
    )
    assert Person.objects.filter(family_name_ru=None).count() == 0
    assert Person.objects.filter(positions__title_ru=None).count() == 0


def test_demo_organizations_have_their_roles(demo):
    roles = [
        (row.organization.slug, row.role)
        for row in demo.organization_roles.select_related("organization")
    ]
    assert roles == [
        ("assembly-of-the-peoples-of-russia", "organizer"),
        ("assembly-of-the-peoples-of-kyrgyzstan", "partner"),
        ("eurasian-peoples-assembly", "supporter"),
        ("rossotrudnichestvo", "supporter"),
    ]
    assert Organization.objects.get(slug="rossotrudnichestvo").short_name_ru == "Россотрудничество"
    assert Organization.objects.filter(name_ru=None).count() == 0


def test_demo_quotes_and_source(demo):
    quotes = [(quote.person.slug, quote.language, quote.text[:40]) for quote in demo.quotes.all()]
    assert quotes == [
        ("konstantin-kosachev", "en", "Relations between states are called peop"),
        ("svetlana-smirnova", "en", "Certainly, it is necessary to build rela"),
    ]
    source = demo.sources.get()
    assert (source.title_en, source.rubric_en, source.rubric_ru) == (
        "The Eurasian Peoples’ Assembly brings Russia and Kyrgyzstan closer",
        "Regions of Russia",
        "Регионы России",
    )
    assert source.published_at == datetime.datetime(
        2023, 4, 24, 21, 42, tzinfo=ZoneInfo("Europe/Moscow")
    )


def test_demo_competition_editions_and_figures(demo):
    competition = Competition.objects.get(slug="leader-of-peoples-diplomacy")
    assert list(competition.organizers.values_list("slug", flat=True)) == [
        "assembly-of-the-peoples-of-russia"
    ]
    editions = {edition.year: edition for edition in competition.editions.all()}
    assert sorted(editions) == [2022, 2023]
    first = editions[2022]
    assert (first.reported_regions, first.reported_countries) == (34, 23)
    assert first.reported_figures_en == (
        "Representatives of the non-profit sector from 34 regions of Russia and 23 countries"
    )
    assert sorted(first.countries.values_list("code", flat=True)) == sorted(
        ["TR", "RO", "MD", "FR", "CA", "IT", "MX", "IN", "SA", "GE", "UZ"]
    )
    assert list(editions[2023].events.all()) == [demo]


def test_demo_outcomes_are_the_two_agreed_points(demo):
    rows = [
        (outcome.slug, outcome.kind, outcome.title_en, outcome.date, outcome.document_url)
        for outcome in demo.outcomes.all()
    ]
    assert rows == [
        (
            "continue-humanitarian-projects-bishkek-moscow-2023",
            "statement",
            "Humanitarian projects bringing Bishkek and Moscow closer must continue",
            None,
            "",
        ),
        (
            "single-eurasian-information-space-2023",
            "recommendation",
            "Create a single Eurasian information space",
            None,
            "",
        ),
    ]
    # No document was signed and no one is named as a party.
    assert Outcome.objects.filter(parties__isnull=False).count() == 0
    assert all(o.title_ru and o.title_ky and o.text_ru and o.text_ky for o in demo.outcomes.all())
    assert demo.outcomes.get(kind="statement").text_en == (
        "The participants agreed that it is necessary to continue humanitarian projects that "
        "bring Bishkek and Moscow closer."
    )


def _everything_stored() -> dict[str, list]:
    """Every row of every model the demo data writes, every column, and the
    history of each, so a second load that writes anything shows."""
    models = [
        Topic, Organization, Person, Position, Competition, Edition, Event,
        EventOrganization, Participation, Quote, Source, Outcome, OutcomeParty, ReportedFigures,
    ]  # fmt: skip
    stored = {}
    for model in models:
        stored[model.__name__] = list(model.objects.order_by("pk").values())
        stored[f"{model.__name__} history"] = model.history.count()
    stored["competition organizers"] = list(
        Competition.organizers.through.objects.order_by("pk").values()
    )
    stored["edition countries"] = list(Edition.countries.through.objects.order_by("pk").values())
    stored["event topics"] = list(Event.topics.through.objects.order_by("pk").values())
    stored["event countries"] = list(Event.countries.through.objects.order_by("pk").values())
    return stored


def test_demo_load_twice_changes_nothing(demo, capsys):
    before = _everything_stored()
    capsys.readouterr()
    call_command("load_demo_data")
    assert capsys.readouterr().out == "Demo data already up to date; nothing changed.\n"
    assert _everything_stored() == before


def test_demo_load_repairs_an_edited_record(demo):
    kept = demo.outcomes.get(kind="statement")
    Outcome.objects.filter(pk=kept.pk).update(title_en="Edited")
    demo.outcomes.filter(kind="recommendation").delete()
    demo.participations.filter(role="moderator").delete()
    Person.objects.filter(slug="vladimir-zorin").update(family_name_ru="Зоринн")
    call_command("load_demo_data")
    assert demo.participations.filter(role="moderator").count() == 1
    assert Person.objects.get(slug="vladimir-zorin").family_name_ru == "Зорин"
    assert list(demo.outcomes.values_list("title_en", flat=True)) == [
        "Humanitarian projects bringing Bishkek and Moscow closer must continue",
        "Create a single Eurasian information space",
    ]
    # The one that was kept is changed in place, keeping its address.
    assert demo.outcomes.first().pk == kept.pk
