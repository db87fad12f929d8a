"""The edit-safety drills of docs/security.md, against a running server.

Start the site under gunicorn (2 workers, PostgreSQL, Redis), create an
editor's token, then:

    .venv/bin/python scripts/drills.py http://127.0.0.1:8000 TOKEN
    .venv/bin/python scripts/drills.py http://127.0.0.1:8000 TOKEN --outages

Without --outages it runs the write drills (they add a few events). With it,
it also stops Redis and then PostgreSQL for a few seconds each under read
load (it needs to be allowed to: run it on a machine of your own, never in
production) and counts the answers. Each drill prints one line with its
figure; the exit status is 1 when a drill misses its target.
"""

import argparse
import json
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from collections import Counter
from collections.abc import Callable

READ_PATHS = ["/en/", "/en/events/", "/ru/events/", "/api/v1/events/", "/sitemap.xml"]


def call(base: str, method: str, path: str, token: str = "", body=None, headers=None):
    """(status, headers, parsed JSON or None) of one request."""
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(base + path, data=data, method=method)
    request.add_header("Accept", "application/json")
    if data is not None:
        request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Token {token}")
    for name, value in (headers or {}).items():
        request.add_header(name, value)
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            raw = response.read()
            status, answer_headers = response.status, response.headers
    except urllib.error.HTTPError as error:
        raw, status, answer_headers = error.read(), error.code, error.headers
    except (urllib.error.URLError, OSError):
        return 0, {}, None  # no answer at all: counted as status 0
    try:
        parsed = json.loads(raw) if raw else None
    except ValueError:
        parsed = None
    return status, answer_headers, parsed


def in_threads(count: int, work: Callable[[int], object]) -> list:
    start = threading.Barrier(count)
    results: list = [None] * count

    def run(index: int) -> None:
        start.wait()
        results[index] = work(index)

    threads = [threading.Thread(target=run, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


FIELDS = {
    "title.en": lambda value: {"title": {"en": value}},
    "title.ru": lambda value: {"title": {"ru": value}},
    "city.en": lambda value: {"city": {"en": value}},
    "venue.en": lambda value: {"venue": {"en": value}},
    "summary.en": lambda value: {"summary": {"en": value}},
    "summary.ru": lambda value: {"summary": {"ru": value}},
    "venue.ru": lambda value: {"venue": {"ru": value}},
    "city.ru": lambda value: {"city": {"ru": value}},
}


def new_event(base: str, token: str, title: str) -> str:
    body = {"title": {"en": title}, "kind": "forum", "status": "published"}
    status, _headers, data = call(
        base, "POST", "/api/v1/events/", token, {**body, "start_date": "2024-05-01"}
    )
    if status != 201:
        raise SystemExit(f"could not create an event: {status} {data}")
    return data["slug"]


def drill_patches(base: str, token: str) -> bool:
    slug = new_event(base, token, f"Drill {uuid.uuid4().hex[:8]}")
    names, rounds = list(FIELDS), 5

    def writer(index: int) -> list[int]:
        field = names[index]
        return [
            call(base, "PATCH", f"/api/v1/events/{slug}/", token, FIELDS[field](f"w{index}-r{n}"))[
                0
            ]
            for n in range(rounds)
        ]

    statuses = Counter(status for row in in_threads(len(names), writer) for status in row)
    _status, _headers, data = call(base, "GET", f"/api/v1/events/{slug}/", token)
    kept = sum(
        data[name][language] == f"w{index}-r{rounds - 1}"
        for index, (name, _, language) in enumerate(field.partition(".") for field in names)
    )
    print(
        f"concurrent PATCH: {statuses[200]}/{len(names) * rounds} answered 200; "
        f"last write of {kept}/{len(names)} writers kept"
    )
    return statuses[200] == len(names) * rounds and kept == len(names)


def drill_if_match(base: str, token: str) -> bool:
    slug = new_event(base, token, f"Drill {uuid.uuid4().hex[:8]}")
    _status, headers, _data = call(base, "GET", f"/api/v1/events/{slug}/", token)
    opened = headers["ETag"]
    call(base, "PATCH", f"/api/v1/events/{slug}/", token, {"city": {"en": "Osh"}})
    status, headers, _data = call(
        base,
        "PATCH",
        f"/api/v1/events/{slug}/",
        token,
        {"city": {"en": "Naryn"}},
        {"If-Match": opened},
    )
    print(f"stale If-Match: {status}, current ETag sent: {bool(headers.get('ETag'))}")
    return status == 412 and bool(headers.get("ETag"))


def drill_creates(base: str, token: str) -> bool:
    title = f"Drill {uuid.uuid4().hex[:8]}"
    answers = in_threads(
        20,
        lambda _index: call(
            base,
            "POST",
            "/api/v1/events/",
            token,
            {
                "title": {"en": title},
                "kind": "forum",
                "status": "draft",
                "start_date": "2024-05-01",
            },
        ),
    )
    statuses = Counter(status for status, _headers, _data in answers)
    slugs = {data["slug"] for status, _headers, data in answers if status == 201}
    print(f"20 concurrent creates with one title: {dict(statuses)}, {len(slugs)} distinct slugs")
    return statuses == Counter({201: 20}) and len(slugs) == 20


def under_load(base: str, seconds: float, outage: Callable[[], None]) -> tuple[Counter, list]:
    """Read the site from 4 threads for `seconds` while `outage` runs."""
    statuses: Counter = Counter()
    timeline: list = []
    stop = time.monotonic() + seconds

    def reader(index: int) -> None:
        number = index
        while time.monotonic() < stop:
            path = READ_PATHS[number % len(READ_PATHS)]
            status, headers, _data = call(base, "GET", path)
            statuses[status] += 1
            timeline.append((time.monotonic(), status, headers.get("Retry-After")))
            number += 1

    threads = [threading.Thread(target=reader, args=(index,)) for index in range(4)]
    for thread in threads:
        thread.start()
    outage()
    for thread in threads:
        thread.join()
    return statuses, timeline


def drill_redis(base: str, port: int) -> bool:
    def outage() -> None:
        time.sleep(3)
        subprocess.run(["redis-cli", "-p", str(port), "shutdown", "nosave"], check=False)
        time.sleep(10)
        start = ["redis-server", "--daemonize", "yes", "--bind", "127.0.0.1", "--port", str(port)]
        subprocess.run([*start, "--save", "", "--appendonly", "no"], check=True)

    statuses, _timeline = under_load(base, 20, outage)
    bad = sum(count for status, count in statuses.items() if not 200 <= status < 300)
    print(f"Redis stopped 10 s under load: {bad} non-2xx of {sum(statuses.values())} answers")
    return bad == 0


def drill_database(base: str, pg_ctl: list[str]) -> bool:
    moments = {}

    def outage() -> None:
        time.sleep(3)
        subprocess.run([*pg_ctl, "stop"], check=True)
        time.sleep(10)
        subprocess.run([*pg_ctl, "start"], check=True)
        moments["back"] = time.monotonic()

    statuses, timeline = under_load(base, 25, outage)
    unavailable = [entry for entry in timeline if entry[1] == 503]
    with_retry = sum(1 for entry in unavailable if entry[2])
    after = [entry for entry in timeline if entry[0] >= moments["back"]]
    first_ok = next((when for when, status, _retry in after if status == 200), None)
    recovery = (first_ok - moments["back"]) if first_ok else float("inf")
    others = {status: count for status, count in statuses.items() if status not in (200, 503)}
    print(
        f"PostgreSQL stopped 10 s under load: {len(unavailable)} × 503 "
        f"({with_retry} with Retry-After), other non-200: {others or 'none'}; "
        f"first 200 {recovery:.2f} s after it was back"
    )
    return not others and with_retry == len(unavailable) and recovery <= 2


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base", help="the server's address, such as http://127.0.0.1:8000")
    parser.add_argument("token", help="an editor's API token")
    parser.add_argument("--outages", action="store_true", help="also stop Redis and PostgreSQL")
    parser.add_argument("--redis-port", type=int, default=6379, help="the server's Redis")
    parser.add_argument(
        "--pg-ctl",
        default="pg_ctlcluster --skip-systemctl-redirect 15 main",
        help="the command that stops or starts the server's PostgreSQL when given stop or "
        "start; for a private cluster: 'runuser -u postgres -- pg_ctl -D DIR -w'",
    )
    options = parser.parse_args()
    base = options.base.rstrip("/")
    if not base.startswith(("http://", "https://")):
        parser.error("the address must start with http:// or https://")
    results = [drill_patches(base, options.token), drill_if_match(base, options.token)]
    results.append(drill_creates(base, options.token))
    if options.outages:
        pg_ctl = options.pg_ctl.split()
        results += [drill_redis(base, options.redis_port), drill_database(base, pg_ctl)]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
