"""A small HTTP load generator: N threads GET the given paths for S seconds; prints JSON.

Run as its own process (bench/run.py starts it) so its CPU use is not the server's:
    python bench/load.py --port 8000 --cookie 'session=...' --seconds 5 --clients 16 /a /b

With --cycle FILE, each client instead POSTs a cycle of steps on tasks of its own, as htmx does
(X-CSRFToken header), one task round the cycle, then the next: FILE is JSON {"tasks": [ids],
"steps": [{"path": ".../{task}/...", "cookie": ..., "token": ..., "form": "url-encoded body"}]}.
There must be a task per client; client n owns tasks n, n + clients, n + 2 × clients...
"""
from __future__ import annotations

import argparse
import http.client
import itertools
import json
from pathlib import Path
import statistics
import threading
import time
from collections import Counter


def _gets(paths: list[str], cookie: str, offset: int):
    """GET the paths in turn, starting at `offset`."""
    headers = {"Cookie": cookie} if cookie else {}
    i = offset
    while True:
        yield "GET", paths[i % len(paths)], None, headers
        i += 1


def _posts(cycle: dict, offset: int, clients: int):
    """POST the cycle's steps on this client's own tasks, as htmx sends them: each task goes
    round the cycle once, then the next (a task's history grows with every move, and the page a
    move answers with shows all of it)."""
    own = cycle["tasks"][offset::clients]
    for task in itertools.cycle(own):
        for step in cycle["steps"]:
            yield "POST", step["path"].format(task=task), step.get("form", ""), {
                "Cookie": step["cookie"], "X-CSRFToken": step["token"], "HX-Request": "true",
                "Content-Type": "application/x-www-form-urlencoded"}


def _client(port: int, requests, start: threading.Event, window: dict, result: dict) -> None:
    """Send requests back to back until the window closes; reconnect when the server closes."""
    conn, latencies, statuses, errors = None, [], Counter(), 0
    start.wait()
    while time.perf_counter() < window["until"]:
        method, path, body, headers = next(requests)
        began = time.perf_counter()
        try:
            if conn is None:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            response.read()
            statuses[response.status] += 1
            if response.will_close:
                conn.close()
                conn = None
        except (OSError, http.client.HTTPException):
            errors += 1
            if conn is not None:
                conn.close()
            conn = None
            continue
        latencies.append(time.perf_counter() - began)
    if conn is not None:
        conn.close()
    result.update(latencies=latencies, statuses=statuses, errors=errors, ended=time.perf_counter())


def run(port: int, paths: list[str], cookie: str, seconds: float, clients: int,
        cycle: dict | None = None) -> dict:
    """Drive the server with `clients` concurrent clients; return counts, rate and latencies."""
    if cycle and len(cycle["tasks"]) < clients:
        raise SystemExit(f"--cycle needs a task per client: {len(cycle['tasks'])} for {clients} clients")
    start, window = threading.Event(), {}
    results = [{} for _ in range(clients)]
    threads = [threading.Thread(target=_client, args=(
        port, _posts(cycle, n, clients) if cycle else _gets(paths, cookie, n), start, window, results[n]))
        for n in range(clients)]
    for thread in threads:
        thread.start()
    began = time.perf_counter()
    window["until"] = began + seconds
    start.set()
    for thread in threads:
        thread.join()
    elapsed = max(r["ended"] for r in results) - began
    latencies = sorted(x for r in results for x in r["latencies"])
    statuses = sum((r["statuses"] for r in results), Counter())
    return {
        "requests": len(latencies), "errors": sum(r["errors"] for r in results),
        "seconds": round(elapsed, 3), "rps": round(len(latencies) / elapsed, 1),
        "p50_ms": round(statistics.median(latencies) * 1000, 1) if latencies else None,
        "p95_ms": round(latencies[int(len(latencies) * 0.95) - 1] * 1000, 1) if latencies else None,
        "statuses": {str(k): v for k, v in sorted(statuses.items())},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--cookie", default="")
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--cycle", type=Path, help="JSON file: POST these steps instead of GETs")
    parser.add_argument("paths", nargs="*")
    args = parser.parse_args()
    cycle = json.loads(args.cycle.read_text()) if args.cycle else None
    if not (cycle or args.paths):
        parser.error("give paths to GET, or --cycle")
    print(json.dumps(run(args.port, args.paths, args.cookie, args.seconds, args.clients, cycle)))


if __name__ == "__main__":
    main()
