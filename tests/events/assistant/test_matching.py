import pytest
from django.core.management import call_command

from events.assistant import propose_event
from events.assistant.matching import Registry, fold, name_key
from tests.factories import OrganizationFactory, PersonFactory, PositionFactory

RUSSIAN_REPORT = (
    "24 апреля 2024 года в Бишкеке прошёл круглый стол. С приветственным словом к участникам "
    "обратился заместитель Председателя Совета Федерации Константин Косачёв. Затем слово было "
    "предоставлено Светлане Смирновой, председателю Совета Ассамблеи народов России."
)


def test_name_key_meets_cyrillic_and_latin_spellings():
    assert name_key("Константин Косачёв") == name_key("Konstantin Kosachev")
    assert name_key("Николай Удовиченко") == name_key("Nikolai Udovichenko")
    assert name_key("Жылдыз Асанова") == name_key("Jyldyz Asanova")


def test_fold_drops_case_yo_quotes_and_punctuation():
    assert fold("«Ассамблея  народов Евразии»") == "ассамблея народов евразии"
    assert fold("Косачёв, К. И.") == "косачев к и"


@pytest.mark.django_db
def test_russian_report_matches_a_person_recorded_in_latin_letters():
    PersonFactory(
        slug="konstantin-kosachev",
        given_name_en="Konstantin",
        family_name_en="Kosachev",
        given_name_ru=None,
        family_name_ru=None,
    )
    PersonFactory(slug="svetlana-petrova", given_name_en="Svetlana", family_name_en="Petrova")

    people = propose_event(RUSSIAN_REPORT).people

    assert [(p.name, p.match) for p in people] == [
        ("Константин Косачёв", "konstantin-kosachev"),
        ("Светлана Смирнова", None),
    ]


@pytest.mark.django_db
def test_russian_report_matches_organizations_by_their_short_russian_names():
    OrganizationFactory(
        slug="federation-council",
        name_ru="Совет Федерации Федерального Собрания Российской Федерации",
        short_name_ru="Совет Федерации",
    )
    OrganizationFactory(slug="apr", name_ru="Ассамблея народов России")

    people = propose_event(RUSSIAN_REPORT).people

    assert [(p.organization.name, p.organization.match) for p in people] == [
        ("Совет Федерации", "federation-council"),
        ("Ассамблея народов России", "apr"),
    ]


@pytest.mark.django_db
def test_a_known_post_decides_between_similar_names():
    council = OrganizationFactory(slug="federation-council", name_en="Federation Council")
    PersonFactory(slug="k-kosachov", given_name_en="Konstantin", family_name_en="Kosachov")
    holder = PositionFactory(
        person__slug="konstantin-kosachyov",
        person__given_name_en="Konstantin",
        person__family_name_en="Kosachyov",
        organization=council,
        title_en="Deputy Chairman of the Federation Council",
    ).person

    match = Registry.load().match_person(
        "Konstantin Kosachev",
        title="Deputy Chairman of the Federation Council",
        organization="federation-council",
    )

    assert match == holder.slug


@pytest.mark.django_db
def test_unrelated_names_are_not_matched():
    PersonFactory(slug="konstantin-kosachev", given_name_en="Konstantin", family_name_en="Kosachev")

    assert Registry.load().match_person("Konstantin Kolesnikov") is None


@pytest.mark.django_db
def test_seed_report_matches_every_demo_record(seed_text):
    call_command("load_demo_data")

    proposal = propose_event(seed_text)

    assert [p.match for p in proposal.people] == [
        "konstantin-kosachev",
        "svetlana-smirnova",
        "nikolay-udovichenko",
        "altynbek-maksutov",
        "vladimir-zorin",
        "abdylda-musaev",
        "larisa-khoperskaya",
        "zarina-umetalieva",
        "valery-ruzin",
        None,
    ]
    assert [p.organization.match for p in proposal.people] == [
        "federation-council",
        "eurasian-peoples-assembly",
        None,
        "ministry-of-culture-of-kyrgyzstan",
        "assembly-of-the-peoples-of-russia",
        "bishkek-state-university",
        "association-of-universities-of-kyrgyzstan",
        "center-for-eurasian-studies",
        "eurasian-peoples-assembly",
        "sco-national-center-for-public-diplomacy",
    ]
    assert [(o.match, o.role) for o in proposal.organizations] == [
        ("assembly-of-the-peoples-of-russia", "organizer"),
        ("assembly-of-the-peoples-of-kyrgyzstan", "partner"),
        ("eurasian-peoples-assembly", "supporter"),
        ("rossotrudnichestvo", "supporter"),
    ]
    assert proposal.event.topics == [
        "culture", "education", "information-space", "interethnic-relations", "science",
    ]  # fmt: skip
    assert proposal.event.competition.match == "leader-of-peoples-diplomacy"


@pytest.mark.django_db
def test_proposal_queries_do_not_grow_with_the_text(seed_text, count_queries):
    call_command("load_demo_data")
    body = seed_text.split("\n\n", 2)[2]

    short = count_queries(lambda: propose_event(seed_text))
    long = count_queries(lambda: propose_event(seed_text + "\n\n" + body * 3))

    assert short == long == 7
