"""What events achieved, on the public pages (website/pages/outcomes.py and
the agreements on organization, country and two-country pages)."""

import datetime
import itertools

import pytest
from django.test import Client

from people.models import Country
from tests.factories import (
    EditorFactory,
    EventFactory,
    OrganizationFactory,
    OutcomeFactory,
    OutcomePartyFactory,
    ParticipationFactory,
    ReportedFiguresFactory,
)
from tests.http import authorize
from tests.pages import (
    fetch,
    fetch_page,
    json_ld,
    list_titles,
    queries_before_and_after_growth,
    section_of,
    text,
)
from tests.seed import SEED

pytestmark = pytest.mark.django_db


def _outcomes(tree) -> list[tuple[str, str]]:
    """(title, kind) of each outcome in the event page's Outcomes section."""
    section = section_of(tree, "outcomes-heading")
    return [
        (text(article.find("h3")), text(article.find(".//span[@class='badge badge--outcome']")))
        for article in section.iter("article")
    ]


@pytest.mark.parametrize(
    ("language", "heading", "outcomes"),
    [
        (
            "en",
            "Outcomes",
            [
                (
                    "Humanitarian projects bringing Bishkek and Moscow closer must continue",
                    "Statement",
                ),
                ("Create a single Eurasian information space", "Recommendation"),
            ],
        ),
        (
            "ru",
            "Итоги",
            [
                (
                    "Гуманитарные проекты, сближающие Бишкек и Москву, необходимо продолжать",
                    "Заявление",
                ),
                ("Создать единое евразийское информационное пространство", "Рекомендация"),
            ],
        ),
        (
            "ky",
            "Жыйынтыктар",
            [
                (
                    "Бишкек менен Москваны жакындаткан гуманитардык долбоорлорду улантуу зарыл",
                    "Билдирүү",
                ),
                ("Бирдиктүү евразиялык маалыматтык мейкиндикти түзүү", "Сунуштама"),
            ],
        ),
    ],
)
def test_seed_event_page_shows_its_two_outcomes_in_each_language(
    client, seed, language, heading, outcomes
):
    tree = fetch_page(client, f"/{language}/events/{SEED}/")
    assert text(tree.find(".//h2[@id='outcomes-heading']")) == heading
    assert _outcomes(tree) == outcomes
    first = section_of(tree, "outcomes-heading").find("article")
    assert first.get("id") == "outcome-continue-humanitarian-projects-bishkek-moscow-2023"
    assert first.find("h3").get("lang") == language


def test_seed_event_page_shows_the_figures_on_record(client, seed):
    figures = section_of(fetch_page(client, f"/en/events/{SEED}/"), "figures-heading")
    assert [text(row) for row in figures.iter("div")] == [
        "From the participants on record 10 participants 2 countries 11 organizations"
    ]
    figures = section_of(fetch_page(client, f"/ru/events/{SEED}/"), "figures-heading")
    assert [text(row) for row in figures.iter("div")] == [
        "По участникам в реестре 10 участников 2 страны 11 организаций"
    ]


def test_event_page_shows_reported_figures_apart_from_derived_ones(client):
    event = EventFactory()
    ReportedFiguresFactory(event=event, regions=3)
    ParticipationFactory(event=event)
    figures = section_of(fetch_page(client, event.get_absolute_url()), "figures-heading")
    assert [text(row) for row in figures.iter("div")] == [
        "As reported by the organizers 120 participants 14 countries 3 regions",
        "In the organizers' words More than 120 participants from 14 countries",
        "From the participants on record 1 participant 0 countries 1 organization",
    ]
    figures = section_of(
        fetch_page(client, f"/ky{event.get_absolute_url()[3:]}"), "figures-heading"
    )
    quoted = figures.find(".//q")
    # No Kyrgyz wording: the Russian one, marked as such.
    assert (text(quoted), quoted.get("lang")) == ("Более 120 участников из 14 стран", "ru")


def test_an_event_without_outcomes_or_figures_has_no_such_sections(client):
    tree = fetch_page(client, EventFactory().get_absolute_url())
    ids = {element.get("id") for element in tree.iter("h2")}
    assert {"outcomes-heading", "figures-heading"} & ids == set()


def test_a_memorandum_shows_its_parties_by_role_and_its_document(client):
    outcome = OutcomeFactory(
        title_en="Memorandum on students",
        date=datetime.date(2023, 4, 25),
        document_url="https://example.org/memorandum.pdf",
    )
    OutcomePartyFactory(outcome=outcome, organization__name_en="Assembly A")
    OutcomePartyFactory(
        outcome=outcome,
        organization=None,
        country=Country.objects.get(code="KG"),
        role="co_signatory",
    )
    OutcomePartyFactory(outcome=outcome, organization__name_en="Union C", role="proposer")
    section = section_of(fetch_page(client, outcome.event.get_absolute_url()), "outcomes-heading")
    article = section.find("article")
    assert text(article.find(".//p[@class='outcome__meta']")) == "Memorandum 25 April 2023"
    assert [text(row) for row in article.iter("div")] == [
        "Signed by Assembly A",
        "Co-signed by Kyrgyzstan",
        "Proposed by Union C",
        "Document The published text",
    ]
    links = [link.get("href") for link in article.iter("a")]
    assert links[1] == "/en/countries/kg/"
    assert links[-1] == "https://example.org/memorandum.pdf"


def test_plans_show_whether_they_were_carried_out(client):
    event = EventFactory(start_date=datetime.date(2023, 4, 24))
    follow_up = EventFactory(
        title_en="Summer school", title_ru="Летняя школа", start_date=datetime.date(2023, 7, 10)
    )
    OutcomeFactory(event=event, kind="plan", title_en="Done", follow_up=follow_up)
    OutcomeFactory(
        event=event,
        kind="plan",
        title_en="Month",
        planned_start=datetime.date(2024, 7, 1),
        planned_end=datetime.date(2024, 7, 31),
    )
    OutcomeFactory(
        event=event,
        kind="plan",
        title_en="Days",
        planned_start=datetime.date(2024, 9, 1),
        planned_end=datetime.date(2024, 9, 3),
    )
    OutcomeFactory(event=event, kind="plan", title_en="Undated")
    section = section_of(fetch_page(client, event.get_absolute_url()), "outcomes-heading")
    status = [text(div) for div in section.iter("div")]
    assert status == [
        "Carried out Summer school, 10 July 2023",
        "Planned for July 2024",
        "Planned for 1 September 2024 – 3 September 2024",
        "Carried out Not on record yet",
    ]
    assert (
        section.find(".//div[@class='outcome__status outcome__status--done']//a").get("href")
        == follow_up.get_absolute_url()
    )
    ru = section_of(fetch_page(client, f"/ru{event.get_absolute_url()[3:]}"), "outcomes-heading")
    assert [text(div) for div in ru.iter("div")][:2] == [
        "Выполнен Летняя школа, 10 июля 2023 г.",
        "Запланирован на Июль 2024 г.",
    ]


def test_the_follow_up_page_names_the_plan_it_carried_out(client):
    event = EventFactory(title_en="Round table", start_date=datetime.date(2023, 4, 24))
    follow_up = EventFactory(start_date=datetime.date(2023, 7, 10))
    plan = OutcomeFactory(event=event, kind="plan", title_en="A summer school", follow_up=follow_up)
    section = section_of(fetch_page(client, follow_up.get_absolute_url()), "outcomes-heading")
    assert text(section.find("h3")) == "Carries out plans made earlier"
    assert text(section.find(".//li")) == (
        "A summer school — planned at Round table, 24 April 2023"
    )
    assert section.find(".//li/a").get("href") == plan.get_absolute_url()


def test_outcomes_of_drafts_never_reach_the_public_pages(client, editor):
    kg, ru = Country.objects.get(code="KG"), Country.objects.get(code="RU")
    kyrgyz = OrganizationFactory(slug="kyrgyz", country=kg)
    russian = OrganizationFactory(slug="russian", country=ru)
    draft = EventFactory(status="draft", start_date=datetime.date(2024, 1, 1))
    memorandum = OutcomeFactory(event=draft, title_en="Secret memorandum")
    OutcomePartyFactory(outcome=memorandum, organization=kyrgyz)
    OutcomePartyFactory(outcome=memorandum, organization=russian)
    draft_plan = OutcomeFactory(event=draft, kind="plan", title_en="Secret plan")
    public = EventFactory(start_date=datetime.date(2023, 1, 1))
    OutcomeFactory(event=public, kind="plan", title_en="Public plan", follow_up=draft)
    draft_plan.follow_up = public
    draft_plan.event.start_date = datetime.date(2022, 1, 1)
    draft_plan.event.save()
    draft_plan.save()
    for url in (
        "/en/organizations/kyrgyz/",
        "/en/organizations/russian/",
        "/en/countries/kg/",
        "/en/countries/ru/",
        "/en/countries/kg/with/ru/",
    ):
        assert "Secret memorandum" not in fetch(client, url).content.decode(), url
    page = fetch(client, public.get_absolute_url()).content.decode()
    assert "Secret plan" not in page
    assert draft.get_absolute_url() not in page
    status = section_of(fetch_page(client, public.get_absolute_url()), "outcomes-heading")
    assert [text(div) for div in status.iter("div")] == ["Carried out Not on record yet"]
    # Editors see what the public does not.
    editor_client = Client()
    editor_client.force_login(editor)
    assert "Secret memorandum" in fetch(editor_client, "/en/organizations/kyrgyz/").content.decode()
    assert (
        draft.get_absolute_url() in fetch(editor_client, public.get_absolute_url()).content.decode()
    )


def test_agreements_list_only_agreements_and_memoranda_with_their_parties(client):
    organization = OrganizationFactory(slug="assembly", name_en="Assembly")
    partner = OrganizationFactory(name_en="Partner")
    event = EventFactory(title_en="Forum", start_date=datetime.date(2023, 4, 24))
    for kind, title, date in (
        ("agreement", "Agreement", datetime.date(2023, 5, 1)),
        ("memorandum", "Memorandum", None),
        ("declaration", "Declaration", None),
    ):
        outcome = OutcomeFactory(event=event, kind=kind, title_en=title, date=date)
        OutcomePartyFactory(outcome=outcome, organization=organization)
        OutcomePartyFactory(outcome=outcome, organization=partner)
    section = section_of(
        fetch_page(client, "/en/organizations/assembly/"), "organization-agreements-heading"
    )
    assert text(section.find("h2")) == "Agreements and memoranda"
    assert [text(item) for item in section.iter("li")] == [
        "Agreement Agreement 1 May 2023 · Forum · Parties: Assembly, Partner",
        "Memorandum Memorandum 24 April 2023 · Forum · Parties: Assembly, Partner",
    ]
    ru = section_of(
        fetch_page(client, "/ru/organizations/assembly/"), "organization-agreements-heading"
    )
    assert text(ru.find("h2")) == "Соглашения и меморандумы"


def _memoranda_between(kg, ru):
    """A memorandum between an organization of each country, and one between
    the two states, each at a new event."""
    years = itertools.count(2000)

    def grow():
        year = next(years)
        event = EventFactory(start_date=datetime.date(year, 1, 1))
        first = OutcomeFactory(event=event)
        OutcomePartyFactory(outcome=first, organization__country=kg)
        OutcomePartyFactory(outcome=first, organization__country=ru)
        second = OutcomeFactory(event=event, kind="agreement")
        OutcomePartyFactory(outcome=second, organization=None, country=kg)
        OutcomePartyFactory(outcome=second, organization=None, country=ru)

    return grow


@pytest.mark.parametrize(
    "url", ["/en/countries/kg/", "/en/countries/kg/with/ru/", "/en/organizations/fixed/"]
)
def test_agreement_lists_queries_do_not_grow_with_outcomes(client, count_queries, url):
    kg, ru = Country.objects.get(code="KG"), Country.objects.get(code="RU")
    fixed = OrganizationFactory(slug="fixed", country=kg)
    grow_both = _memoranda_between(kg, ru)

    def grow():
        grow_both()
        OutcomePartyFactory(outcome=OutcomeFactory(), organization=fixed)

    before, after = queries_before_and_after_growth(count_queries, lambda: fetch(client, url), grow)
    assert before == after
    section = next(
        element
        for element in fetch_page(client, url).iter("section")
        if "agreements" in (element.get("aria-labelledby") or "")
    )
    assert len(list(section.iter("li"))) > 2


def test_event_page_queries_do_not_grow_with_outcomes(client, count_queries):
    event = EventFactory(start_date=datetime.date(2023, 4, 24))
    ReportedFiguresFactory(event=event)

    def grow():
        plan = OutcomeFactory(event=event, kind="plan", follow_up=EventFactory())
        OutcomePartyFactory.create_batch(2, outcome=plan)
        earlier = EventFactory(start_date=datetime.date(2022, 1, 1))
        OutcomeFactory(event=earlier, kind="plan", follow_up=event)
        ParticipationFactory(event=event)

    before, after = queries_before_and_after_growth(
        count_queries, lambda: fetch(client, event.get_absolute_url()), grow
    )
    assert before == after


def test_event_json_ld_is_not_changed_by_outcomes(client):
    """schema.org has no type for an agreement or decision of an event (see
    docs/site.md): the outcomes stay out of the JSON-LD."""
    event = EventFactory()
    before = json_ld(fetch_page(client, event.get_absolute_url()))
    OutcomePartyFactory(outcome=OutcomeFactory(event=event))
    assert json_ld(fetch_page(client, event.get_absolute_url())) == before


def test_done_when_a_memorandum_and_a_plan_entered_through_the_api(api_client, client, token_for):
    """The issue's scenario: a memorandum between organizations of two
    countries, entered through the API, is on both organizations' pages, both
    countries' pages and their two-country view, and in the outcome list; a
    plan linked to its follow-up is carried out on both events' pages."""
    kg, ru = Country.objects.get(code="KG"), Country.objects.get(code="RU")
    OrganizationFactory(slug="apk", name_en="Assembly of the Peoples of Kyrgyzstan", country=kg)
    OrganizationFactory(slug="apr", name_en="Assembly of the Peoples of Russia", country=ru)
    EventFactory(
        slug="summer-school", title_en="Summer school", start_date=datetime.date(2024, 7, 8)
    )
    authorize(api_client, token_for(EditorFactory()))
    response = api_client.post(
        "/api/v1/events/",
        {
            "title": {"en": "Forum of assemblies"},
            "kind": "forum",
            "status": "published",
            "start_date": "2024-05-01",
            "host_country": "KG",
            "outcomes": [
                {
                    "kind": "memorandum",
                    "title": {"en": "Memorandum on youth exchanges"},
                    "parties": [{"organization": "apk"}, {"organization": "apr"}],
                },
                {
                    "kind": "plan",
                    "title": {"en": "Hold a summer school"},
                    "planned_start": "2024-07-01",
                    "planned_end": "2024-07-31",
                    "follow_up": "summer-school",
                },
            ],
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    forum = response.json()["url"].removeprefix("http://testserver")
    api_client.credentials()
    listed = api_client.get("/api/v1/outcomes/?party_country=KG&kind=memorandum").json()
    assert [row["slug"] for row in listed["results"]] == ["memorandum-on-youth-exchanges-2024"]
    memorandum = "Memorandum on youth exchanges"
    for url, heading in (
        ("/en/organizations/apk/", "organization-agreements-heading"),
        ("/en/organizations/apr/", "organization-agreements-heading"),
        ("/en/countries/kg/", "country-agreements-heading"),
        ("/en/countries/ru/", "country-agreements-heading"),
        ("/en/countries/kg/with/ru/", "bilateral-agreements-heading"),
        ("/en/countries/ru/with/kg/", "bilateral-agreements-heading"),
    ):
        section = section_of(fetch_page(client, url), heading)
        assert text(section.find(".//li/a")) == memorandum, url
    plan = section_of(fetch_page(client, forum), "outcomes-heading")
    assert "Carried out Summer school, 8 July 2024" in [text(div) for div in plan.iter("div")]
    follow_up = section_of(fetch_page(client, "/en/events/summer-school/"), "outcomes-heading")
    assert text(follow_up.find(".//li")) == (
        "Hold a summer school — planned at Forum of assemblies, 1 May 2024"
    )


def test_search_page_finds_the_seed_event_by_its_outcomes(client, seed):
    # Words of the outcomes' Kyrgyz text only: the event's own text has none.
    tree = fetch_page(client, "/ky/search/?q=гуманитардык долбоорлорду")
    assert list_titles(section_of(tree, "found-events")) == [seed.title_ky]
