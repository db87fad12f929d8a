import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import EditorFactory, UserFactory


def pytest_configure(config):
    from django.conf import settings

    # With DEBUG off (as in CI) static files are looked up in the manifest
    # that collectstatic writes; tests find them in the apps instead.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test database starts with the ISO countries and regions, as a
    migrated site does after `load_reference_data`."""
    from people.reference import load_reference_data

    with django_db_blocker.unblock():
        load_reference_data()


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
    """Run a callable and return how many queries it made."""

    def count(func) -> int:
        with CaptureQueriesContext(connection) as context:
            func()
        return len(context.captured_queries)

    return count


@pytest.fixture(autouse=True)
def _empty_cache():
    """Throttle counters live in the shared cache; each test starts clean.

    The database cache is rolled back with each test's transaction; Redis
    (when REDIS_URL is set) has to be emptied.
    """
    from django.core.cache import caches
    from django.core.cache.backends.db import DatabaseCache

    if not isinstance(caches["default"], DatabaseCache):
        caches["default"].clear()


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
