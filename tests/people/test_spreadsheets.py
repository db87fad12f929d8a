"""Spreadsheets in and out of the admin (django-import-export): people with
their posts and organizations imported with a preview and rejects by line,
filtered lists exported and read back with spreadsheet libraries."""

import csv
import io
import json

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from events.models import Event
from people.models import Organization, Person, Position
from tests.factories import (
    CountryFactory,
    EventFactory,
    OrganizationFactory,
    ParticipationFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db

CSV, XLSX, JSON = "0", "1", "2"  # the admin's format choices, in SPREADSHEET_FORMATS order


def _people_csv(rows: int) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["given_name_en", "family_name_en", "family_name_ru", "country", "posts"])
    for number in range(rows):
        posts = f"Director | Centre {number % 50}\nMember | Assembly of Peoples | 2020-01-01"
        writer.writerow([f"Given{number}", f"Family{number}", "", "kg", posts])
    return out.getvalue().encode()


def _preview(editor_client, model: str, content: bytes, name: str, file_format: str):
    upload = SimpleUploadedFile(name, content)
    return editor_client.post(
        reverse(f"admin:people_{model}_import"),
        {"import_file": upload, "format": file_format, "resource": "0"},
    )


def test_admin_import_of_1000_people_with_posts_previews_imports_and_rejects_by_line(
    editor_client,
):
    CountryFactory(code="KG")
    content = _people_csv(1000).replace(b"Given499,Family499,,kg", b",,,kg")
    content = content.replace(
        b"Member | Assembly of Peoples | 2020-01-01", b"Member | X | May 1", 1
    )
    preview = _preview(editor_client, "person", content, "people.csv", CSV)
    assert preview.status_code == 200
    result = preview.context["result"]
    assert result.has_validation_errors()
    invalid = {row.number: row.error_dict for row in result.invalid_rows}
    # Lines count from the first row after the headings.
    assert invalid == {
        1: {"posts": ["“May 1” is not a date (YYYY-MM-DD) in “Member | X | May 1”."]},
        500: {"given_name": ["Give the name in at least one language."]},
    }
    assert (result.totals["new"], result.totals["invalid"]) == (998, 2)
    # Nothing is saved by the preview (a dry run).
    assert Person.objects.count() == 0


def test_admin_import_of_people_with_posts_creates_and_matches(editor_client):
    CountryFactory(code="KG")
    existing = PersonFactory(
        given_name_en="Given1", family_name_en="Family1", slug="given1-family1"
    )
    preview = _preview(editor_client, "person", _people_csv(3), "people.csv", CSV)
    assert preview.status_code == 200
    result = preview.context["result"]
    assert not result.has_errors(), [e.traceback for e in result.base_errors][:1]
    assert not result.has_validation_errors()
    assert [row.import_type for row in result.rows] == ["new", "update", "new"]
    confirm = preview.context["confirm_form"]
    response = editor_client.post(
        reverse("admin:people_person_process_import"),
        {name: confirm[name].value() for name in confirm.fields},
    )
    assert response.status_code == 302
    assert Person.objects.count() == 3
    person = Person.objects.get(family_name_en="Family2")
    assert (person.country_id, person.slug) == ("KG", "given2-family2")
    assert sorted(
        Position.objects.filter(person=person).values_list("title", "organization__name")
    ) == [("Director", "Centre 2"), ("Member", "Assembly of Peoples")]
    # One organization per name, found again for every later row.
    assert Organization.objects.filter(name_en="Assembly of Peoples").count() == 1
    assert existing.positions.filter(title="Director").count() == 1
    assert person.history.count() == 1


def test_admin_export_of_a_filtered_list_reads_back_as_xlsx_csv_and_json(editor_client):
    kg, ru = CountryFactory(code="KG"), CountryFactory(code="RU")
    OrganizationFactory(name_en="Kept one", country=kg, slug="kept-one")
    OrganizationFactory(name_en="Other", country=ru, slug="other")
    url = reverse("admin:people_organization_export") + "?country__code__exact=KG"
    fields = {f"organizationresource_{name}": "on" for name in ("slug", "name_en", "country")}
    for file_format, read in [
        (XLSX, lambda content: list(openpyxl.load_workbook(io.BytesIO(content)).active.values)),
        (CSV, lambda content: list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))),
        (JSON, lambda content: [list(row.values()) for row in json.loads(content)]),
    ]:
        response = editor_client.post(url, {"format": file_format, "resource": "0", **fields})
        assert response.status_code == 200
        rows = read(response.content)
        assert [list(row) for row in rows][-1] == ["kept-one", "Kept one", "KG"]
        assert len(rows) == (1 if file_format == JSON else 2)


def test_admin_export_of_selected_events_lists_participants(editor_client):
    event = EventFactory(title_en="Round table", slug="round-table-2023")
    person = PersonFactory(given_name_en="Svetlana", family_name_en="Smirnova")
    ParticipationFactory(
        event=event, person=person, role="moderator", position=None, position_title_en="Chair"
    )
    EventFactory(title_en="Not selected")
    response = editor_client.post(
        reverse("admin:events_event_changelist"),
        {"action": "export_admin_action", "_selected_action": [str(event.pk)]},
    )
    assert response.status_code == 200
    (row,) = csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")))
    assert (row["slug"], row["title_en"], row["participants"]) == (
        "round-table-2023",
        "Round table",
        "Svetlana Smirnova | moderator | Chair",
    )
    assert Event.objects.count() == 2


def _events_csv(*rows: list[str]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        [
            *("slug", "title_en", "kind", "status", "start_date", "start_time"),
            *("host_country", "city_en", "participants", "organizations"),
        ]
    )
    writer.writerows(rows)
    return out.getvalue().encode()


def _import_events(editor_client, content: bytes):
    return editor_client.post(
        reverse("admin:events_event_import"),
        {"import_file": SimpleUploadedFile("events.csv", content), "format": CSV, "resource": "0"},
    )


ROUND_TABLE = [
    "",
    "Round table",
    "round_table",
    "draft",
    "2023-04-24",
    "10:00",
    "kg",
    "Bishkek",
    "Konstantin Kosachev | welcome_address | Senator\nSvetlana Smirnova | moderator",
    "Assembly of the Peoples of Russia | organizer",
]


def test_admin_import_of_events_with_participants_and_organizations(editor_client):
    CountryFactory(code="KG")
    kosachev = PersonFactory(given_name_en="Konstantin", family_name_en="Kosachev")
    preview = _import_events(editor_client, _events_csv(ROUND_TABLE))
    result = preview.context["result"]
    assert [row.import_type for row in result.rows] == ["new"]
    assert Event.objects.count() == 0
    confirm = preview.context["confirm_form"]
    response = editor_client.post(
        reverse("admin:events_event_process_import"),
        {name: confirm[name].value() for name in confirm.fields},
    )
    assert response.status_code == 302
    event = Event.objects.get()
    assert (event.slug, event.timezone, event.host_country_id) == (
        "round-table-2023",
        "Asia/Bishkek",
        "KG",
    )
    assert list(
        event.participations.values_list("person__family_name_en", "role", "position_title_en")
    ) == [("Kosachev", "welcome_address", "Senator"), ("Smirnova", "moderator", None)]
    assert event.participations.first().person_id == kosachev.pk
    assert list(event.organization_roles.values_list("organization__name_en", "role")) == [
        ("Assembly of the Peoples of Russia", "organizer")
    ]


def test_admin_import_of_events_rejects_bad_rows_by_line(editor_client):
    CountryFactory(code="KG")
    bad = ["", "Bad", "round_table", "draft", "2023-04-24", "", "", "", "Nobody", ""]
    preview = _import_events(editor_client, _events_csv(ROUND_TABLE, bad))
    result = preview.context["result"]
    assert {row.number: row.error_dict for row in result.invalid_rows} == {
        2: {"participants": ["Each participant needs a name and a role."]}
    }
    assert Event.objects.count() == 0
