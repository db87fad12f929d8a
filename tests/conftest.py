import datetime
import io
import os

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import (
    CompetitionFactory,
    CountryFactory,
    EditionFactory,
    EditorFactory,
    EventFactory,
    EventOrganizationFactory,
    OrganizationFactory,
    ParticipationFactory,
    PersonFactory,
    QuoteFactory,
    TopicFactory,
    UserFactory,
)
from tests.models import ON_POSTGRESQL
from tests.seed import SECRET


def pytest_configure(config):
    from django.conf import settings

    # With DEBUG off (as in CI) static files are looked up in the manifest
    # that collectstatic writes; tests find them in the apps instead.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    # The .mo files are built, not committed. Compile them once, in the main
    # process before xdist starts its workers, so no two processes write the
    # same file and every test sees the Russian and Kyrgyz interface.
    if not hasattr(config, "workerinput"):
        from django.core.management import call_command

        call_command("compile_translations", stdout=io.StringIO())


def pytest_collection_modifyitems(config, items):
    """Tests marked `postgresql` are skipped on SQLite, where the behaviour
    they check (a stored search vector, a row lock) does not exist."""
    if os.environ.get("CI") and not ON_POSTGRESQL:
        raise pytest.UsageError(
            f"CI runs the suite on PostgreSQL, but DATABASE_URL gives {connection.vendor}."
        )
    if ON_POSTGRESQL:
        return
    skip = pytest.mark.skip(reason="needs PostgreSQL; runs in CI")
    for item in items:
        if item.get_closest_marker("postgresql"):
            item.add_marker(skip)


_skipped_on_postgresql: list[str] = []


def pytest_runtest_logreport(report):
    # With xdist this runs in the controller for every worker's report too.
    if report.skipped and "postgresql" in report.keywords and ON_POSTGRESQL:
        _skipped_on_postgresql.append(report.nodeid)


def pytest_sessionfinish(session, exitstatus):
    """On PostgreSQL, no test meant for it may have been skipped."""
    if _skipped_on_postgresql:
        names = ", ".join(sorted(_skipped_on_postgresql))
        session.config.get_terminal_writer().line(
            f"PostgreSQL-only tests were skipped on PostgreSQL: {names}", red=True
        )
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test database starts with the ISO countries and regions, as a
    migrated site does after `load_reference_data`."""
    from people.reference import load_reference_data

    with django_db_blocker.unblock():
        load_reference_data()
        # What the migrations gave the Editors group, to give it again after
        # a transactional test empties the tables.
        from django.contrib.auth.models import Group

        group = Group.objects.get(name="Editors")
        EDITORS_PERMISSIONS.update(
            group.permissions.values_list("content_type__app_label", "codename")
        )


EDITORS_PERMISSIONS: set[tuple[str, str]] = set()


@pytest.fixture(autouse=True)
def _shared_rows_in_transactional_tests(request):
    """A transactional test (the browser's live server, threads writing at
    once) ends by emptying every table; the next one finds the ISO countries
    and the Editors group put back, as every other test does."""
    marker = request.node.get_closest_marker("django_db")
    transactional = (marker is not None and marker.kwargs.get("transaction")) or (
        {"transactional_db", "live_server"} & set(request.fixturenames)
    )
    if not transactional or "migrator" in request.fixturenames:
        return
    request.getfixturevalue("transactional_db")
    from django.contrib.auth.models import Group

    from people.models import Country
    from people.reference import load_reference_data

    if not Country.objects.exists():
        load_reference_data()
    if not Group.objects.filter(name="Editors").exists():
        # Emptying the tables recreated the permissions, not the group.
        from django.contrib.auth.models import Permission

        group = Group.objects.create(name="Editors")
        group.permissions.set(
            permission
            for permission in Permission.objects.select_related("content_type")
            if (permission.content_type.app_label, permission.codename) in EDITORS_PERMISSIONS
        )


@pytest.fixture
def seed(db):
    """The seed round table and everything around it, as the demo data loads it."""
    from django.core.management import call_command

    from events.models import Event
    from tests.seed import SEED

    call_command("load_demo_data", stdout=io.StringIO())
    return Event.objects.get(slug=SEED)


@pytest.fixture
def draft_world(db):
    """A public event and a draft sharing everything: a person, an organization,
    a competition edition, a topic, a host and a participating country."""
    host, guest = CountryFactory(name_en="Hostland"), CountryFactory(name_en="Guestland")
    person, organization = PersonFactory(slug="speaker"), OrganizationFactory(slug="union")
    edition = EditionFactory(competition=CompetitionFactory(slug="cup"), year=2023)
    topic = TopicFactory(slug="culture")
    events = {}
    for status, title in (("published", "Open forum"), ("draft", SECRET)):
        event = EventFactory(
            title_en=title,
            slug=title.lower().replace(" ", "-"),
            status=status,
            host_country=host,
            edition=edition,
            start_date=datetime.date(2023, 5, 1 if status == "published" else 2),
        )
        event.countries.add(guest)
        event.topics.add(topic)
        ParticipationFactory(event=event, person=person)
        EventOrganizationFactory(event=event, organization=organization)
        QuoteFactory(event=event, person=person, text=f"Words said at the {title}")
        events[status] = event
    # A draft of another kind, so statistics would count a kind of its own.
    EventFactory(title_en=SECRET, slug="secret-exhibition", kind="exhibition", status="draft")
    from django.core.cache import cache

    from events.models import Event
    from events.search import refresh_event_search

    # Factories write rows directly; PostgreSQL's search reads the stored vectors.
    refresh_event_search(Event.objects.values_list("pk", flat=True))

    cache.clear()
    return {"host": host, "guest": guest, "events": events}


@pytest.fixture
def editor(db):
    return EditorFactory()


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def superuser(db):
    return UserFactory(is_staff=True, is_superuser=True)


@pytest.fixture
def count_queries():
    """Run a callable and return how many queries it made. When it returns a
    response, its status must be the expected one (200 unless told): a 404
    costs as few queries after growth as before."""

    def count(func, status: int = 200) -> int:
        with CaptureQueriesContext(connection) as context:
            result = func()
        if hasattr(result, "status_code"):
            assert result.status_code == status, getattr(result, "content", b"")[:1000]
        return len(context.captured_queries)

    return count


@pytest.fixture
def data_queries():
    """Run a GET answering 200; return the SQL it ran, but for the shared
    cache's own (with the database cache a cache hit is a query too)."""

    def run(func) -> list[str]:
        with CaptureQueriesContext(connection) as context:
            response = func()
        assert response.status_code == 200
        return [
            query["sql"] for query in context.captured_queries if "django_cache" not in query["sql"]
        ]

    return run


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the default language. A request to /ru/ or /ky/
    activates that language in the thread running the test, and it would
    otherwise stay active for the next test in the same worker."""
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _empty_cache():
    """Throttle counters live in the shared cache or in memory; each test starts clean.

    The database cache is rolled back with each test's transaction; Redis
    (when REDIS_URL is set) and memory have to be emptied.
    """
    from django.core.cache import caches
    from django.core.cache.backends.db import DatabaseCache

    if not isinstance(caches["default"], DatabaseCache):
        caches["default"].clear()
    # Throttle counters in this process's memory (diplomacy/api/throttling.py).
    caches["throttle"].clear()


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    """Pages are made afresh in every test, whatever REDIS_URL says; the page
    cache's own tests turn it on (tests/diplomacy/test_pagecache.py)."""
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture
def api_client():
    from rest_framework.test import APIClient

    return APIClient()


@pytest.fixture
def token_for(db):
    """An API token for a user: `token_for(user)`, or expired with `expired=True`."""
    from datetime import timedelta

    from knox.models import AuthToken

    def make(user, *, expired: bool = False) -> str:
        _instance, token = AuthToken.objects.create(
            user, expiry=timedelta(seconds=-1) if expired else timedelta(days=1)
        )
        return token

    return make
