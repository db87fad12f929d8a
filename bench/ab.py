"""p50 of requests to servers already running, alternated A/B/A/B: for a quick
before/after where wrk (bench/compare) is not at hand.

    python bench/ab.py --server before=http://127.0.0.1:8601 \\
        --server after=http://127.0.0.1:8602 --server floor=http://127.0.0.1:8603 \\
        --path /api/v1/events/ --path '/api/v1/events/?page_size=50' --rounds 2 --requests 60

One connection, one request at a time; each round sends `--requests`
requests to each server in turn, after a warm-up; the median over all rounds
is printed per server and path, as a Markdown table, with each server's p50
divided by the first's. The bytes each server answers are compared first
(a row is marked when they differ).
"""

import argparse
import http.client
import statistics
import time
from urllib.parse import urlsplit


def _get(connection: http.client.HTTPConnection, path: str) -> tuple[int, bytes]:
    connection.request("GET", path, headers={"Host": "localhost"})
    response = connection.getresponse()
    return response.status, response.read()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", action="append", required=True, help="label=http://host:port")
    parser.add_argument("--path", action="append", required=True)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--requests", type=int, default=50)
    arguments = parser.parse_args()
    servers = dict(server.split("=", 1) for server in arguments.server)
    connections = {
        label: http.client.HTTPConnection(urlsplit(url).hostname, urlsplit(url).port, timeout=60)
        for label, url in servers.items()
    }
    labels = list(servers)
    columns = [f"{label} p50 ms" for label in labels]
    columns += [f"{label} ÷ {labels[0]}" for label in labels[1:]]
    print("| request | " + " | ".join(columns) + " | same bytes |")
    print("|---|" + "---:|" * len(columns) + "---|")
    for path in arguments.path:
        answers = {label: _get(connections[label], path) for label in labels}
        same = len(set(answers.values())) == 1
        timings: dict[str, list[float]] = {label: [] for label in labels}
        for _round in range(arguments.rounds):
            for label in labels:
                for _ in range(arguments.requests):
                    began = time.perf_counter()
                    status, _body = _get(connections[label], path)
                    timings[label].append((time.perf_counter() - began) * 1000)
                    assert status == 200, (label, path, status)
        p50 = {label: statistics.median(values) for label, values in timings.items()}
        cells = [f"{p50[label]:.1f}" for label in labels]
        ratios = [f"{p50[label] / p50[labels[0]]:.2f}×" for label in labels[1:]]
        print(f"| `{path}` | " + " | ".join(cells + ratios) + f" | {'yes' if same else 'no'} |")


if __name__ == "__main__":
    main()
