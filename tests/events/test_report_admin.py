"""The admin's "New event from a report": paste, review the evidence, correct,
accept as a draft (events/report_admin.py, events/assistant/review.py)."""

import datetime
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission

from events.models import Event, Participation
from people.models import Organization, Person, Position
from tests.factories import OrganizationFactory, PersonFactory, UserFactory
from tests.forms import form_errors

pytestmark = pytest.mark.django_db

URL = "/admin/events/event/from-report/"
SEED = Path("/work/shared/seed/bishkek-round-table-2023.txt")
REPORT = Path(__file__).parent / "assistant" / "reports" / "seed-bishkek-round-table-2023.txt"


@pytest.fixture
def seed_report() -> str:
    return (SEED if SEED.exists() else REPORT).read_text(encoding="utf-8")


def _value(value) -> str | list[str]:
    if value is None:
        return ""
    if isinstance(value, list):
        return [str(item) for item in value]
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return str(value)


def review_data(response, **report) -> dict:
    """What the browser would send back from a preview page, unchanged."""
    review = response.context["review"]
    data = {"_accept": "1", "text": report.get("text", ""), "language": ""}
    data.update(report)
    for form in (review.event, review.people, review.organizations, review.quotes):
        forms = [*form.forms, form.management_form] if hasattr(form, "forms") else [form]
        for each in forms:
            for field in each:
                value = field.value()
                if field.name == "DELETE" or value in (None, False):
                    continue
                data[field.html_name] = _value(value)
    return data


def preview(client, text: str, **headers):
    return client.post(URL, {"text": text, "language": "", "_preview": "1"}, **headers)


def test_event_changelist_links_to_the_report_page(editor_client):
    response = editor_client.get("/admin/events/event/")

    assert (
        f'<a href="{URL}" class="addlink">New event from a report</a>' in response.content.decode()
    )


def test_report_page_asks_for_the_text_and_the_source(editor_client):
    response = editor_client.get(URL)

    assert response.status_code == 200
    html = response.content.decode()
    for name in ("text", "url", "publisher", "published", "language"):
        assert f'name="{name}"' in html
    assert response.context["review"] is None


def test_preview_marks_each_facts_evidence_in_the_text(editor_client, seed_report):
    response = preview(editor_client, seed_report)

    assert response.status_code == 200
    html = response.content.decode()
    assert (
        '<mark title="person 1: Konstantin Kosachev, welcome address">senator of the Russian '
        "Federation, Deputy Chairman of the Federation Council Konstantin Kosachev"
    ) in html
    assert '<mark title="event: date">April 24<' in html
    assert '<mark title="event: city">Bishkek<' in html
    assert (
        '<mark title="organization 1: Assembly of the Peoples of Russia, organizer">'
        "Assembly of the Peoples of Russia<"
    ) in html
    assert '<mark title="person 10: name not given, attendee">' in html
    review = response.context["review"]
    assert [form.initial["name"] for form in review.people.forms[:3]] == [
        "Konstantin Kosachev",
        "Svetlana Smirnova",
        "Nikolay Udovichenko",
    ]
    assert len(review.people.forms) == 11  # ten proposed, one blank to add
    assert [(f.initial["name"], f.initial["role"]) for f in review.organizations.forms[:4]] == [
        ("Assembly of the Peoples of Russia", "organizer"),
        ("Assembly of the Peoples of Kyrgyzstan", "partner"),
        (
            "International Union of Non-Governmental Organizations "
            '"The Eurasian Peoples’ Assembly"',
            "supporter",
        ),
        ("Rossotrudnichestvo", "supporter"),
    ]
    event = review.event.initial
    assert (event["start_date"], event["city"], event["host_country"], event["region"]) == (
        datetime.date(2023, 4, 24),
        "Bishkek",
        "KG",
        "KG-GB",
    )
    assert Event.objects.count() == 0  # a preview writes nothing


def test_accept_creates_the_draft_with_new_people_and_organizations(
    editor_client, editor, seed_report
):
    shown = preview(editor_client, seed_report)
    data = review_data(
        shown,
        text=seed_report,
        url="https://example.org/news/bishkek",
        publisher="Eurasian Peoples' Assembly",
        published="",
    )
    data["people-1-title"] = "Moderator of the round table"

    response = editor_client.post(URL, data)

    event = Event.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/admin/events/event/{event.pk}/change/"
    assert (event.status, event.kind, event.start_date, event.city_en) == (
        "draft",
        "round_table",
        datetime.date(2023, 4, 24),
        "Bishkek",
    )
    assert (event.host_country.code, event.region.code) == ("KG", "KG-GB")
    participants = list(event.participations.order_by("order"))
    assert len(participants) == 10
    assert [(p.person and p.person.name, p.role) for p in participants[:2]] == [
        ("Konstantin Kosachev", "welcome_address"),
        ("Svetlana Smirnova", "moderator"),
    ]
    assert participants[1].position_title_en == "Moderator of the round table"
    assert participants[1].position.title_en == "Moderator of the round table"
    assert participants[9].person is None
    assert participants[9].organization.name_en == "National Center for Public Diplomacy of the SCO"
    assert Person.objects.count() == 9
    assert Position.objects.count() == 9
    assert list(event.organization_roles.values_list("organization__name_en", "role")) == [
        ("Assembly of the Peoples of Russia", "organizer"),
        ("Assembly of the Peoples of Kyrgyzstan", "partner"),
        (
            "International Union of Non-Governmental Organizations "
            '"The Eurasian Peoples’ Assembly"',
            "supporter",
        ),
        ("Rossotrudnichestvo", "supporter"),
    ]
    assert event.quotes.count() == 2
    source = event.sources.get()
    assert (source.url, source.publisher, source.title_en) == (
        "https://example.org/news/bishkek",
        "Eurasian Peoples' Assembly",
        "The Eurasian Peoples' Assembly brings Russia and Kyrgyzstan closer",
    )
    # Every record written carries the editor in its history.
    assert {record.history_user for record in event.history.all()} == {editor}
    assert {h.history_user for h in Person.history.all()} == {editor}
    assert {h.history_user for h in Organization.history.all()} == {editor}
    assert {h.history_user for h in Participation.history.all()} == {editor}


def test_accept_keeps_the_records_an_editor_matched(editor_client, seed_report):
    kosachev = PersonFactory(given_name_en="K.", family_name_en="Kosachev")
    rossotrudnichestvo = OrganizationFactory(name_en="Federal Agency")
    data = review_data(preview(editor_client, seed_report), text=seed_report)
    data["people-0-match"] = str(kosachev.pk)
    data["organizations-3-match"] = str(rossotrudnichestvo.pk)

    response = editor_client.post(URL, data)

    assert response.status_code == 302
    event = Event.objects.get()
    first = event.participations.order_by("order").first()
    assert first.person == kosachev
    assert first.position is None  # a matched person keeps their posts
    assert kosachev.positions.count() == 0
    assert event.organization_roles.get(role="supporter", order=3).organization == (
        rossotrudnichestvo
    )
    assert not Person.objects.filter(family_name_en="Kosachev").exclude(pk=kosachev.pk).exists()


def test_a_failure_in_the_middle_of_accepting_writes_nothing(editor_client, seed_report):
    # The same person twice in the same role: refused by the database's
    # constraint after the new organizations and people were written.
    person = PersonFactory()
    data = review_data(preview(editor_client, seed_report), text=seed_report)
    for row in (2, 3):
        data[f"people-{row}-match"] = str(person.pk)
        data[f"people-{row}-role"] = "attendee"
    counts = (Event.objects.count(), Person.objects.count(), Organization.objects.count())

    response = editor_client.post(URL, data)

    assert response.status_code == 200
    review = response.context["review"]
    assert review.people.forms[3].non_field_errors() == [
        "This person already has this role in the event."
    ]
    assert "This person already has this role in the event." in form_errors(response)
    assert (Event.objects.count(), Person.objects.count(), Organization.objects.count()) == counts
    assert Participation.objects.count() == 0


def test_a_quote_must_name_one_of_the_people(editor_client, seed_report):
    data = review_data(preview(editor_client, seed_report), text=seed_report)
    data["quotes-0-person"] = "Somebody Else"

    response = editor_client.post(URL, data)

    assert response.status_code == 200
    assert response.context["review"].errors == [
        "A quote's speaker must be one of the people: Somebody Else."
    ]
    assert Event.objects.count() == 0


def test_corrections_are_checked_like_any_form(editor_client, seed_report):
    data = review_data(preview(editor_client, seed_report), text=seed_report)
    data["event-start_date"] = ""
    data["event-countries"] = "RU, XX"
    data["event-region"] = "RU-MOW"
    data["people-0-name"] = ""
    data["people-0-title"] = ""
    data["people-0-organization"] = ""

    response = editor_client.post(URL, data)

    assert response.status_code == 200
    review = response.context["review"]
    assert review.event.errors == {
        "start_date": ["This field is required."],
        "countries": ["No country has the code XX."],
        "region": ["No region of the host country has this code."],
    }
    assert review.people.forms[0].non_field_errors() == [
        "Give a name, or the organization of the post."
    ]
    assert Event.objects.count() == 0


def test_a_deleted_row_is_left_out(editor_client, seed_report):
    data = review_data(preview(editor_client, seed_report), text=seed_report)
    data["people-2-DELETE"] = "on"

    editor_client.post(URL, data)

    event = Event.objects.get()
    assert event.participations.count() == 9
    assert not Person.objects.filter(family_name_en="Udovichenko").exists()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "The text is empty; paste the report."),
        ("   \n ", "The text is empty; paste the report."),
        (
            "Der runde Tisch fand am 24. April in Bischkek statt und die Teilnehmer "
            "sprachen über die Zusammenarbeit der Völker und der Länder.",
            "The text is not in English or Russian; the assistant reads only those two.",
        ),
        (
            "x" * 1_000_001,
            "The text is larger than 1 MB; paste the report itself, not a whole page.",
        ),
        (
            "<html><script>alert(1)</script><p> </p></html>",
            "Nothing readable remains once the web page's markup is removed.",
        ),
    ],
    ids=["empty", "blank", "german", "too-large", "markup-only"],
)
def test_bad_input_is_a_form_error(editor_client, text, message):
    response = preview(editor_client, text)

    assert response.status_code == 200
    errors = response.context["report"].errors["text"]
    assert errors == [message]
    assert response.context["review"] is None


def test_markup_pasted_from_a_page_never_reaches_the_proposal(editor_client, seed_report):
    paragraphs = "".join(f"<p>{part}</p>" for part in seed_report.split("\n\n"))
    page = f'<html><head><script>alert("x")</script></head><body>{paragraphs}</body></html>'

    response = preview(editor_client, page)

    html = response.content.decode()
    evidence = html[html.index('id="evidence"') : html.index('id="draft-event"')]
    assert "<p>" not in evidence
    assert "alert" not in evidence
    assert "The web page's markup was removed; the text below is what was read." in evidence
    review = response.context["review"]
    assert review.people.forms[0].initial["name"] == "Konstantin Kosachev"
    assert all("<" not in form.initial["title"] for form in review.people.forms[:10])


def test_the_page_needs_the_permission_to_add_events(client, seed_report):
    user = UserFactory(is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_event"))
    client.force_login(user)

    assert client.get(URL).status_code == 403
    assert preview(client, seed_report).status_code == 403
    changelist = client.get("/admin/events/event/").content.decode()
    assert URL not in changelist
    assert Event.objects.count() == 0


def test_the_page_and_its_refusals_speak_the_editors_language(editor_client):
    page = editor_client.get(URL, HTTP_ACCEPT_LANGUAGE="ky")
    german = (
        "Der runde Tisch fand am 24. April in Bischkek statt und die Teilnehmer "
        "sprachen über die Zusammenarbeit der Völker und der Länder."
    )
    refused = preview(editor_client, german, HTTP_ACCEPT_LANGUAGE="ru")

    assert "<h1>Билдирүүдөн жаңы иш-чара</h1>" in page.content.decode()
    assert refused.context["report"].errors["text"] == [
        "Текст не на английском и не на русском; помощник читает только эти два языка."
    ]


def test_a_bad_source_link_keeps_the_corrections_on_the_page(editor_client, seed_report):
    data = review_data(preview(editor_client, seed_report), text=seed_report)
    data["url"] = "not a link"
    data["people-1-title"] = "Moderator"

    response = editor_client.post(URL, data)

    assert response.status_code == 200
    assert response.context["report"].errors == {"url": ["Enter a valid URL."]}
    assert response.context["review"].people.forms[1]["title"].value() == "Moderator"
    assert Event.objects.count() == 0


def test_the_preview_runs_as_many_queries_whatever_it_matches(
    editor_client, count_queries, seed_report
):
    kosachev = PersonFactory(given_name_en="Konstantin", family_name_en="Kosachev")
    OrganizationFactory(name_en="Rossotrudnichestvo")
    one_of_each = count_queries(lambda: preview(editor_client, seed_report))
    smirnova = PersonFactory(given_name_en="Svetlana", family_name_en="Smirnova")
    PersonFactory(given_name_en="Abdylda", family_name_en="Musaev")
    OrganizationFactory(name_en="Assembly of the Peoples of Russia")
    OrganizationFactory(name_en="Assembly of the Peoples of Kyrgyzstan")
    response = None

    def more_matched():
        nonlocal response
        response = preview(editor_client, seed_report)
        return response

    assert count_queries(more_matched) == one_of_each
    review = response.context["review"]
    assert [form.initial["match"] for form in review.people.forms[:2]] == [
        kosachev.pk,
        smirnova.pk,
    ]
    assert review.people.forms[5].initial["match"] is not None
    assert [form.initial["match"] is not None for form in review.organizations.forms[:4]] == [
        True,
        True,
        False,
        True,
    ]
