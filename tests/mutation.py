"""Mutation testing of the behaviours that matter most: does the suite fail
when the code is broken in the obvious ways?

Each mutant replaces one snippet of the code (found exactly once) with a
broken version, runs the tests that should notice, and restores the file. A
mutant is killed when those tests fail, survived when they pass. Run it on a
clean checkout (it edits files in place and puts them back):

    .venv/bin/python -m tests.mutation                 # every mutant
    .venv/bin/python -m tests.mutation --only drafts   # names containing "drafts"

It uses DATABASE_URL like the suite; the figures in docs/testing.md were taken
on PostgreSQL. Mutation tools that mutate every operator (mutmut, cosmic-ray)
spend hours on a Django suite that needs a database; these mutants are the
breakages a regression would most plausibly be.
"""

import argparse
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Mutant:
    """`original` and `mutated` may be tuples of alternatives, for code that
    changed shape between the checkouts compared: the first original found
    exactly once is replaced by its mutated counterpart."""

    name: str
    path: str
    original: str | tuple[str, ...]
    mutated: str | tuple[str, ...]
    tests: tuple[str, ...]

    def pairs(self) -> list[tuple[str, str]]:
        if isinstance(self.original, str):
            return [(self.original, self.mutated)]
        return list(zip(self.original, self.mutated, strict=True))


SITE = ("tests/website",)
API = ("tests/events/api", "tests/diplomacy/api/test_pagination.py")
DRAFTS = ("tests/website/test_drafts.py", "tests/events/api/test_drafts.py", *SITE, *API)
MODELS = (
    "tests/events/test_models.py",
    "tests/people/test_models.py",
    "tests/events/test_admin.py",
)

MUTANTS = [
    # --- drafts are for editors only, on every surface ---------------------------
    Mutant(
        "drafts: visible_events shows drafts to everyone",
        "events/selectors/events.py",
        "    return events.filter(status__in=Event.PUBLIC_STATUSES)",
        "    return events",
        DRAFTS,
    ),
    Mutant(
        "drafts: public_events includes drafts",
        "events/selectors/events.py",
        "    return Event.objects.filter(status__in=Event.PUBLIC_STATUSES)",
        "    return Event.objects.all()",
        DRAFTS,
    ),
    Mutant(
        "drafts: competition editions list every event",
        "events/selectors/competitions.py",
        'queryset=order_events(event_list_queryset(user), "start")',
        'queryset=order_events(event_list_queryset(user).model.objects.all(), "start")',
        DRAFTS,
    ),
    Mutant(
        "drafts: a person's events include drafts",
        "events/selectors/involvement.py",
        "        person=person, event__in=visible_events(user)",
        "        person=person, event__in=Event.objects.all()",
        DRAFTS,
    ),
    Mutant(
        "drafts: a person's quotes include drafts",
        "events/selectors/involvement.py",
        "Quote.objects.filter(person=person, event__in=visible_events(user))",
        "Quote.objects.filter(person=person, event__in=Event.objects.all())",
        DRAFTS,
    ),
    Mutant(
        "drafts: an organization's roles include drafts",
        "events/selectors/involvement.py",
        "        organization=organization, event__in=visible_events(user)",
        "        organization=organization, event__in=Event.objects.all()",
        DRAFTS,
    ),
    Mutant(
        "drafts: a country's events include drafts",
        "events/selectors/involvement.py",
        "    events = event_list_queryset(user)\n",
        "    events = Event.objects.select_related('host_country', 'region')\n",
        DRAFTS,
    ),
    Mutant(
        "drafts: the two-country view includes drafts",
        "events/selectors/involvement.py",
        "        event_list_queryset(user).filter(involving_country(first))",
        "        Event.objects.filter(involving_country(first))",
        DRAFTS,
    ),
    Mutant(
        "drafts: country filter choices count drafts",
        "events/selectors/figures.py",
        (
            "filter(event__status__in=Event.PUBLIC_STATUSES)\n",
            "Event.countries.through.objects.filter(event__in=public_events())\n",
        ),
        ("all()\n", "Event.countries.through.objects.all()\n"),
        DRAFTS,
    ),
    Mutant(
        "drafts: search matches drafts",
        "events/selectors/listing.py",
        "filter_events(event_list_queryset(user), EventFilters(q=text))",
        "filter_events(Event.objects.all(), EventFilters(q=text))",
        DRAFTS,
    ),
    Mutant(
        "drafts: the API names a draft parent",
        "events/api/serializers.py",
        'if hidden and not can_preview_drafts(self.context["request"].user):',
        "if False:",
        DRAFTS,
    ),
    Mutant(
        "drafts: the page names a draft parent",
        "website/pages/event.py",
        "(event.parent.is_public or can_preview_drafts(user))",
        "True",
        DRAFTS,
    ),
    Mutant(
        "drafts: removed-events names drafts deleted unseen",
        "events/selectors/events.py",
        'deleted = Q(history_type="-", status__in=public)',
        'deleted = Q(history_type="-")',
        ("tests/events/api/test_removed.py", "tests/events/api/test_drafts.py"),
    ),
    # --- filters reject what they do not understand ------------------------------
    Mutant(
        "filters: no upper limit on year",
        "diplomacy/api/filters.py",
        '        kwargs.setdefault("max_value", 9999)\n',
        "",
        API,
    ),
    Mutant(
        "filters: offsets kept as given",
        "diplomacy/api/filters.py",
        "            return moment.astimezone(datetime.UTC)",
        "            return moment",
        API,
    ),
    Mutant(
        "filters: ISO codes case-sensitive",
        "diplomacy/forms.py",
        "            value = value.strip().upper()",
        "            value = value.strip()",
        (*API, "tests/website/test_event_list.py"),
    ),
    Mutant(
        "filters: page_size of 0 accepted",
        "diplomacy/api/pagination.py",
        "if not raw.isdigit() or int(raw) < 1:",
        "if not raw.isdigit():",
        API,
    ),
    Mutant(
        "filters: page_size not capped",
        "diplomacy/api/pagination.py",
        "return min(int(raw), MAX_PAGE_SIZE)",
        "return int(raw)",
        API,
    ),
    # --- keyset pages, both directions -------------------------------------------
    Mutant(
        "cursor: wrong direction after the key",
        "diplomacy/api/pagination.py",
        'lookup = "lt" if key.startswith("-") else "gt"',
        'lookup = "gt" if key.startswith("-") else "lt"',
        API,
    ),
    Mutant(
        "cursor: range bound reversed",
        "diplomacy/api/pagination.py",
        'bound = "lte" if keys[0].startswith("-") else "gte"',
        'bound = "gte" if keys[0].startswith("-") else "lte"',
        API,
    ),
    Mutant(
        "cursor: a cursor of another ordering accepted",
        "diplomacy/api/pagination.py",
        (
            "        if name != self.ordering_name:",
            "        if name != self.ordering_name or not isinstance(values, list):",
        ),
        ("        if False:", "        if not isinstance(values, list):"),
        API,
    ),
    Mutant(
        "cursor: next link on the last full page",
        "diplomacy/api/pagination.py",
        "self.has_next = len(rows) > self.page_size",
        "self.has_next = len(rows) >= self.page_size",
        API,
    ),
    # --- the database's rules ------------------------------------------------------
    Mutant(
        "constraints: a parent cycle allowed",
        "events/models/events.py",
        "            if ancestor.pk == self.pk:",
        "            if False:",
        (*MODELS, "tests/events/api/test_writes.py"),
    ),
    Mutant(
        "constraints: someone else's position allowed",
        "events/models/events.py",
        "if self.position_id and self.person_id and self.position.person_id != self.person_id:",
        "if False:",
        (*MODELS, "tests/events/api/test_writes.py"),
    ),
    Mutant(
        "constraints: a conflicting concurrent write is a 500",
        "diplomacy/services.py",
        "    except IntegrityError:\n",
        "    except ZeroDivisionError:\n",
        (
            *MODELS,
            "tests/events/api/test_writes.py",
            "tests/events/test_services.py",
            "tests/events/test_concurrency.py",
        ),
    ),
    # --- the Editors group ------------------------------------------------------
    Mutant(
        "editors: may not delete",
        "events/migrations/0002_editors_group.py",
        'for action in ("view", "add", "change", "delete"):',
        'for action in ("view", "add", "change"):',
        ("tests/diplomacy/test_admin.py", "tests/diplomacy/test_migrations.py"),
    ),
    Mutant(
        "editors: may change countries",
        "events/migrations/0002_editors_group.py",
        'codenames.add((app_label, f"view_{model}"))',
        'codenames.add((app_label, f"view_{model}"))\n'
        '            codenames.add((app_label, f"change_{model}"))',
        ("tests/diplomacy/test_admin.py", "tests/diplomacy/test_migrations.py"),
    ),
    # --- iCalendar times -----------------------------------------------------------
    Mutant(
        "ical: every event all day",
        "website/calendar.py",
        "if event.start_time is not None and (event.end_time is not None or single_day):",
        "if False:",
        ("tests/website/test_calendar.py",),
    ),
    Mutant(
        "ical: no VTIMEZONE",
        "website/calendar.py",
        "    calendar.add_missing_timezones()\n",
        "",
        ("tests/website/test_calendar.py",),
    ),
    Mutant(
        "ical: times in UTC, not the venue's zone",
        "events/models/events.py",
        "datetime.datetime.combine(self.start_date, self.start_time, self.tzinfo)",
        "datetime.datetime.combine(self.start_date, self.start_time, datetime.UTC)",
        ("tests/website/test_calendar.py", "tests/events/api/test_read.py"),
    ),
    # --- the demo data loads once ----------------------------------------------------
    Mutant(
        "demo: every row written again",
        "events/demo.py",
        "            if getattr(instance, name) != value:",
        "            if True:",
        ("tests/events/test_demo.py",),
    ),
    Mutant(
        "demo: the event rewritten every time",
        "events/demo.py",
        "    elif _event_differs(event, fields, related):",
        "    elif True:",
        ("tests/events/test_demo.py",),
    ),
    # --- search folding --------------------------------------------------------------
    Mutant(
        "search: ё not folded in queries",
        "diplomacy/search.py",
        (
            '    return text.replace("ё", "е").replace("Ё", "Е")',
            "    return text.lower().translate(_FOLD_TABLE).replace(*SOFT_SIGN)",
        ),
        ("    return text", "    return text.lower()"),
        (
            "tests/events/test_search.py",
            "tests/website/test_search.py",
            "tests/diplomacy/test_properties.py",
        ),
    ),
    Mutant(
        "search: ё not folded in the index",
        "diplomacy/search.py",
        ('Value("ёЁ"), Value("еЕ"), function="translate"', "Value(FOLDED_FROM + DROPPED_MARKS),"),
        ('Value("ёЁ"), Value("ёЁ"), function="translate"', 'Value(""),'),
        (
            "tests/events/test_search.py",
            "tests/website/test_search.py",
            "tests/diplomacy/test_search.py",
        ),
    ),
    Mutant(
        "search: SQLite fallback case-sensitive",
        "diplomacy/search.py",
        (
            "lambda text: fold_text(text.casefold()) if isinstance(text, str) else text",
            "lambda text: fold_text(text) if isinstance(text, str) else text,",
        ),
        ("lambda text: text", "lambda text: text,"),
        # Run it on SQLite (no DATABASE_URL): PostgreSQL folds by itself.
        (
            "tests/events/test_search.py",
            "tests/diplomacy/test_properties.py",
            "tests/diplomacy/test_search.py",
        ),
    ),
    Mutant(
        "search: Kyrgyz look-alike letters not folded",
        "diplomacy/search.py",
        'FOLDED_FROM = "ёөүң"\nFOLDED_TO = "еоун"',
        'FOLDED_FROM = "ё"\nFOLDED_TO = "е"',
        ("tests/diplomacy/test_search.py", "tests/diplomacy/test_properties.py"),
    ),
    Mutant(
        "search: one-letter prefixes",
        "diplomacy/search.py",
        "MIN_PREFIX = 3",
        "MIN_PREFIX = 1",
        ("tests/events/test_search.py", "tests/website/test_search.py"),
    ),
    # --- security headers --------------------------------------------------------------
    Mutant(
        "headers: no Content-Security-Policy",
        "diplomacy/settings.py",
        '    "csp.middleware.CSPMiddleware",\n',
        "",
        ("tests/diplomacy/test_security_headers.py",),
    ),
    Mutant(
        "headers: framing allowed",
        "diplomacy/settings.py",
        'X_FRAME_OPTIONS = "DENY"',
        'X_FRAME_OPTIONS = "SAMEORIGIN"',
        ("tests/diplomacy/test_security_headers.py",),
    ),
    Mutant(
        "headers: no nosniff",
        "diplomacy/settings.py",
        "SECURE_CONTENT_TYPE_NOSNIFF = True",
        "SECURE_CONTENT_TYPE_NOSNIFF = False",
        ("tests/diplomacy/test_security_headers.py",),
    ),
    Mutant(
        "headers: no HSTS with HTTPS",
        "diplomacy/settings.py",
        "SECURE_HSTS_SECONDS = 31536000 if HTTPS else 0",
        "SECURE_HSTS_SECONDS = 0",
        ("tests/diplomacy/test_security_headers.py",),
    ),
]


def run_tests(paths: tuple[str, ...], *, stop_first: bool) -> int:
    # Tests that do not exist (yet, in an older checkout) are left out.
    paths = tuple(path for path in paths if (ROOT / path).exists())
    if not paths:
        return 0
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", "-n", "2", *paths]
    if stop_first:
        command.append("-x")
    result = subprocess.run(command, cwd=ROOT, capture_output=True, check=False, timeout=1800)
    # With workers, stopping at the first failure is reported as interrupted (2).
    if result.returncode == 2 and b"stopping after 1 failures" in result.stdout:
        return 1
    return result.returncode


def try_mutant(mutant: Mutant) -> str:
    path = ROOT / mutant.path
    source = path.read_text()
    found = [(old, new) for old, new in mutant.pairs() if source.count(old) == 1]
    if not found:
        return "not applicable"
    original, mutated = found[0]
    try:
        path.write_text(source.replace(original, mutated))
        code = run_tests(mutant.tests, stop_first=True)
    finally:
        path.write_text(source)
    return {0: "survived", 1: "killed"}.get(code, f"error ({code})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", default="", help="run the mutants whose name contains this")
    arguments = parser.parse_args()
    chosen = [mutant for mutant in MUTANTS if arguments.only in mutant.name]
    tested = sorted({path for mutant in chosen for path in mutant.tests})
    if run_tests(tuple(tested), stop_first=False) != 0:
        sys.exit("The tests fail without any mutant; fix them first.")
    database = os.environ.get("DATABASE_URL", "SQLite (no DATABASE_URL)")
    print(f"Database: {database}", end="\n\n")
    print("| mutant | result | seconds |", "|---|---|---:|", sep="\n")
    results = []
    for mutant in chosen:
        started = time.monotonic()
        result = try_mutant(mutant)
        results.append(result)
        print(f"| {mutant.name} | {result} | {time.monotonic() - started:.0f} |", flush=True)
    print(
        f"\n{results.count('killed')} killed, {results.count('survived')} survived, "
        f"{len(results) - results.count('killed') - results.count('survived')} other."
    )
    sys.exit(1 if "survived" in results else 0)


if __name__ == "__main__":
    main()
