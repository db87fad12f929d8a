"""Property-based tests over every operation of the OpenAPI schema, with all
of Schemathesis' checks and phases (examples, coverage, fuzzing, stateful):
no server error, every response as the schema promises, invalid input
refused, valid input accepted. The same configuration (schemathesis.toml)
serves the command-line runs of docs/security.md; here the sizes fit CI."""

import datetime
import json
import tomllib
from pathlib import Path

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck, settings
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

ROOT = Path(__file__).resolve().parents[3]
# A few examples per operation keep the suite fast; they are derandomized so
# a failure reproduces.
EXAMPLES = settings(
    max_examples=5,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
STATEFUL = settings(
    max_examples=6,
    stateful_step_count=6,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)


def _schema() -> schemathesis.BaseSchema:
    """The schema as /api/v1/schema/ serves it, generated without a request."""
    document = SchemaGenerator(api_version="1.0.0").get_schema(request=None, public=True)
    config = tomllib.loads((ROOT / "schemathesis.toml").read_text())
    loaded = schemathesis.openapi.from_dict(
        json.loads(OpenApiJsonRenderer().render(document)),
        config=SchemathesisConfig.from_dict(config),
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


# The editor's token: writes, and reads, which show editors the drafts too;
# logging out would revoke the token its cases send.
writes = schema.exclude(path="/api/v1/auth/logout/")


@schema.parametrize()
@EXAMPLES
def test_api_anonymous(case):
    # Anonymous answers are gzipped on request (diplomacy/pagecache.py), and
    # Schemathesis' in-process transport asks for gzip but does not unpack it.
    case.call_and_validate(headers={"Accept-Encoding": "identity"})


@pytest.fixture
def editor_token(token_for):
    return token_for(EditorFactory())


@writes.parametrize()
@EXAMPLES
def test_api_editor(case, editor_token):
    case.call_and_validate(headers={"Authorization": f"Token {editor_token}"})


@pytest.mark.parametrize("who", ["anonymous", "editor"])
def test_api_workflows(who, token_for):
    """Sequences of calls linked by the schema (create, then read, change and
    delete what was created), every response checked."""
    token = token_for(EditorFactory()) if who == "editor" else None
    headers = {"Authorization": f"Token {token}"} if token else None

    class Workflow(writes.as_state_machine()):
        def get_call_kwargs(self, case):
            # Plain bytes: the in-process transport does not unpack gzip.
            return {"headers": {**(headers or {}), "Accept-Encoding": "identity"}}

        def validate_response(self, response, case, additional_checks=None, **kwargs):
            # Told which headers are ours, the checks of authentication
            # (ignored_auth) know that the token is real, not generated.
            case.validate_response(
                response,
                headers=headers,
                additional_checks=additional_checks,
                transport_kwargs=kwargs or None,
                # The steps so far, for the checks across steps (use_after_free…).
                recorder=getattr(self, "recorder", None),
            )

    Workflow.run(settings=STATEFUL)
