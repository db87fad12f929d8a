import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from events.models import Event, EventOrganization, Participation, Quote
from people.models import Organization, Person


def _run(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("draft_from_report", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.mark.django_db
def test_draft_from_report_prints_the_proposal(seed_path):
    out, _err = _run(str(seed_path))

    lines = out.splitlines()
    assert lines[:5] == [
        "Language: en",
        "Event: round_table — International round table on the role of public diplomacy in "
        "the development of Russian-Kyrgyzstan relations",
        "  Date: 2023-04-24",
        "  Place: Bishkek, KG (region KG-GB)",
        "  Countries: RU, KG; topics: —",
    ]
    assert "People (10):" in lines
    assert "  1. Konstantin Kosachev [new] — welcome_address" in lines
    assert "  10. (name not given)  — attendee" in lines
    assert "  organizer: Assembly of the Peoples of Russia [new]" in lines
    assert "Quotes (2):" in lines


@pytest.mark.django_db
def test_draft_from_report_json_lists_people_organizations_and_the_event(seed_path):
    out, _err = _run(str(seed_path), "--json")

    data = json.loads(out)
    assert [(p["name"], p["role"]) for p in data["people"]][:2] == [
        ("Konstantin Kosachev", "welcome_address"),
        ("Svetlana Smirnova", "moderator"),
    ]
    assert len(data["people"]) == 10
    assert [o["role"] for o in data["organizations"]] == [
        "organizer", "partner", "supporter", "supporter",
    ]  # fmt: skip
    assert (data["event"]["start_date"], data["event"]["city"]["en"]) == ("2023-04-24", "Bishkek")
    assert data["event"]["host_country"] == "KG"


@pytest.mark.django_db
def test_draft_from_report_save_creates_a_draft_with_its_people(seed_path):
    _out, err = _run(str(seed_path), "--json", "--save")

    event = Event.objects.get()
    assert err.strip() == f"Draft event saved: /admin/events/event/{event.pk}/change/"
    assert (event.status, event.kind, event.start_date.isoformat()) == (
        "draft",
        "round_table",
        "2023-04-24",
    )
    assert (event.city_en, event.host_country_id, event.region_id, event.timezone) == (
        "Bishkek",
        "KG",
        "KG-GB",
        "Asia/Bishkek",
    )
    participations = list(Participation.objects.filter(event=event).order_by("order"))
    assert [(p.person and p.person.family_name_en, p.role) for p in participations][:2] == [
        ("Kosachev", "welcome_address"),
        ("Smirnova", "moderator"),
    ]
    assert len(participations) == 10
    assert participations[9].person is None
    assert participations[9].organization.name_en == (
        "National Center for Public Diplomacy of the SCO"
    )
    assert participations[0].position.title_en == (
        "Senator of the Russian Federation, Deputy Chairman of the Federation Council"
    )
    assert Person.objects.count() == 9
    assert sorted(EventOrganization.objects.values_list("role", flat=True)) == [
        "organizer", "partner", "supporter", "supporter",
    ]  # fmt: skip
    assert Quote.objects.filter(event=event).count() == 2
    assert event.sources.get().rubric_en == "Regions of Russia"


@pytest.mark.django_db
def test_draft_from_report_save_uses_matched_records(seed_path):
    call_command("load_demo_data")
    people, organizations = Person.objects.count(), Organization.objects.count()

    _run(str(seed_path), "--save")

    draft = Event.objects.get(status="draft")
    assert draft.participations.filter(person__slug="konstantin-kosachev").exists()
    assert Person.objects.count() == people
    # Only the ambassador's embassy, as worded, is new.
    assert Organization.objects.count() == organizations + 1


@pytest.mark.django_db
def test_draft_from_report_save_writes_nothing_when_a_row_is_invalid(tmp_path):
    venue = " ".join(["Grand"] * 80)
    report = tmp_path / "report.txt"
    report.write_text(
        "On 3 March 2024, a forum was held at the " + venue + " House of Friendship in Moscow. "
        "The forum was opened by Ivan Petrov, director of the House of Friendship.",
        encoding="utf-8",
    )

    with pytest.raises(CommandError) as caught:
        _run(str(report), "--save")

    assert str(caught.value).startswith("Not saved: ")
    assert "\n" not in str(caught.value)
    assert (Event.objects.count(), Person.objects.count(), Organization.objects.count()) == (
        0,
        0,
        0,
    )


@pytest.mark.django_db
def test_draft_from_report_refuses_a_missing_file(tmp_path):
    with pytest.raises(CommandError) as caught:
        _run(str(tmp_path / "nowhere.txt"))

    assert str(caught.value) == f"No such file: {tmp_path / 'nowhere.txt'}"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "The text is empty; paste the report."),
        (
            "Der runde Tisch fand in Bischkek statt und die Teilnehmer sprachen über die "
            "Zukunft der Beziehungen.".encode(),
            "The text is not in English or Russian; the assistant reads only those two.",
        ),
        (
            b"a" * 1_000_001,
            "The text is larger than 1 MB; paste the report itself, not a whole page.",
        ),
        (b"\xff\xfe\x00bad", "report.txt is not UTF-8 text."),
    ],
    ids=["empty", "german", "one-megabyte", "not-utf8"],
)
def test_draft_from_report_refuses_bad_input_with_one_line(tmp_path, content, message):
    report = tmp_path / "report.txt"
    report.write_bytes(content)

    with pytest.raises(CommandError) as caught:
        _run(str(report))

    assert str(caught.value).replace(str(tmp_path) + "/", "") == message


@pytest.mark.django_db
def test_score_reports_prints_a_row_per_report_and_the_total():
    out = io.StringIO()

    call_command("score_reports", "--check", stdout=out)

    lines = out.getvalue().splitlines()
    assert lines[0].split(" | ")[1:] == [
        "people R", "people P", "titles", "roles", "orgs R", "orgs P", "date/city/country",
        "quotes R", "quotes P",
    ]  # fmt: skip
    assert lines[-1].startswith("total")
    assert len(lines) == 2 + 9 + 1
