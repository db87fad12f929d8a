"""Property-based tests over every operation of the OpenAPI schema: no server
errors, and every response matches what the schema promises."""

import datetime
import json

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from schemathesis.config import SchemathesisConfig

from diplomacy.wsgi import application
from tests.factories import (
    CompetitionFactory,
    EditionFactory,
    EditorFactory,
    EntryFactory,
    EventFactory,
    EventOrganizationFactory,
    NominationFactory,
    OrganizationFactory,
    OutcomeFactory,
    OutcomePartyFactory,
    ParticipationFactory,
    PersonFactory,
    QuoteFactory,
    ReportedFiguresFactory,
    SourceFactory,
    TopicFactory,
)

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
# A few examples per operation keep the suite fast; they are derandomized so
# a failure reproduces.
EXAMPLES = settings(
    max_examples=8,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)


def _schema() -> schemathesis.BaseSchema:
    """The schema as /api/v1/schema/ serves it, generated without a request."""
    document = SchemaGenerator(api_version="1.0.0").get_schema(request=None, public=True)
    loaded = schemathesis.openapi.from_dict(
        json.loads(OpenApiJsonRenderer().render(document)),
        # The coverage phase tries every boundary of every parameter: thorough,
        # but minutes per run. Fuzzing with a bounded number of examples and
        # the schema's own examples keep the suite fast.
        config=SchemathesisConfig.from_dict(
            {"phases": {"coverage": {"enabled": False}, "stateful": {"enabled": False}}}
        ),
    )
    loaded.app = application
    return loaded


schema = _schema()
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _api_under_test(settings):
    # Many requests from one address: lift the throttle for these tests only.
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "100000/minute", "user": "100000/minute"},
    }
    _one_of_everything()
    # Called as a plain WSGI app, Django would close the test's database
    # connection after each request; the test client avoids that the same way.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def _one_of_everything() -> None:
    """A row of each kind so that lists and details have something to show."""
    event = EventFactory(slug="forum", status="published", start_time=datetime.time(10, 0))
    ParticipationFactory(event=event, person=PersonFactory(slug="kosachev"))
    ParticipationFactory(
        event=event, person=None, position=None, organization=OrganizationFactory(slug="apr")
    )
    EventOrganizationFactory(event=event, organization=OrganizationFactory(slug="epa"))
    QuoteFactory(event=event)
    SourceFactory(event=event)
    event.topics.add(TopicFactory(slug="culture"))
    edition = EditionFactory(competition=CompetitionFactory(slug="leader"), year=2023)
    EntryFactory(edition=edition, nomination=NominationFactory(edition=edition))
    draft = EventFactory(slug="draft", status="draft", edition=edition)
    plan = OutcomeFactory(event=event, slug="plan", kind="plan", follow_up=draft)
    OutcomePartyFactory(outcome=plan, organization=OrganizationFactory(slug="union"))
    OutcomePartyFactory(outcome=OutcomeFactory(event=event, slug="memorandum"))
    ReportedFiguresFactory(event=event)


@schema.parametrize()
@EXAMPLES
def test_api_anonymous(case):
    case.call_and_validate(checks=CHECKS)


@pytest.fixture
def editor_token(token_for):
    return token_for(EditorFactory())


@schema.parametrize()
@EXAMPLES
def test_api_editor(case, editor_token):
    case.call_and_validate(headers={"Authorization": f"Token {editor_token}"}, checks=CHECKS)
