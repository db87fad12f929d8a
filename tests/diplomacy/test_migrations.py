"""Data migrations, run forward and backward on a real database with
django-test-migrations: what they do to rows that already exist."""

import datetime

import pytest

# Each test migrates the database back and forth; the migrator puts it back
# at the latest migration afterwards.
pytestmark = pytest.mark.django_db(transaction=True)


def _editor_permissions(state) -> list[str]:
    group = state.apps.get_model("auth", "Group").objects.get(name="Editors")
    return sorted(
        f"{permission.content_type.app_label}.{permission.codename}"
        for permission in group.permissions.select_related("content_type")
    )


def test_editors_group_is_created_with_its_permissions_and_removed_backward(migrator):
    before = migrator.apply_initial_migration(("events", "0001_initial"))
    assert not before.apps.get_model("auth", "Group").objects.filter(name="Editors").exists()
    after = migrator.apply_tested_migration(("events", "0002_editors_group"))
    permissions = _editor_permissions(after)
    edited = [
        "events.competition", "events.edition", "events.entry", "events.event",
        "events.eventorganization", "events.nomination", "events.participation",
        "events.quote", "events.source", "events.topic",
        "people.organization", "people.person", "people.position",
    ]  # fmt: skip
    expected = sorted(
        f"{model.split('.')[0]}.{action}_{model.split('.')[1]}"
        for model in edited
        for action in ("add", "change", "delete", "view")
    )
    assert permissions == sorted([*expected, "people.view_country", "people.view_region"])
    back = migrator.apply_initial_migration(("events", "0001_initial"))
    assert not back.apps.get_model("auth", "Group").objects.filter(name="Editors").exists()


def test_an_overnight_event_entered_before_the_one_day_rule_ends_the_next_day(migrator):
    old = migrator.apply_initial_migration(("events", "0006_ordering_and_city_indexes"))
    Event = old.apps.get_model("events", "Event")
    overnight = Event.objects.create(
        title_en="Night of museums",
        slug="night",
        kind="festival",
        start_date=datetime.date(2024, 5, 18),
        start_time=datetime.time(18, 0),
        end_time=datetime.time(2, 0),
    )
    daytime = Event.objects.create(
        title_en="Forum",
        slug="forum",
        kind="forum",
        start_date=datetime.date(2024, 5, 18),
        start_time=datetime.time(10, 0),
        end_time=datetime.time(17, 0),
    )
    new = migrator.apply_tested_migration(("events", "0007_one_day_end_time"))
    Event = new.apps.get_model("events", "Event")
    rows = Event.objects.order_by("slug").values_list("slug", "end_date", "end_time")
    assert list(rows) == [
        ("forum", None, datetime.time(17, 0)),
        ("night", datetime.date(2024, 5, 19), datetime.time(2, 0)),
    ]
    assert {overnight.pk, daytime.pk} == set(Event.objects.values_list("pk", flat=True))


@pytest.mark.postgresql
def test_people_entered_before_search_names_are_found_by_similar_spelling(migrator):
    old = migrator.apply_initial_migration(("people", "0005_person_search_names"))
    Person = old.apps.get_model("people", "Person")
    Person.objects.create(
        slug="kosachev",
        given_name_en="Konstantin",
        family_name_en="Kosachev",
        given_name_ru="Константин",
        family_name_ru="Косачёв",
    )
    new = migrator.apply_tested_migration(("people", "0006_backfill_search_names"))
    person = new.apps.get_model("people", "Person").objects.get(slug="kosachev")
    # Every spelling, lower case, ё as е: what the services write.
    assert person.search_names.split() == ["konstantin", "константин", "kosachev", "косачев"]
