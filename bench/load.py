"""A small HTTP load generator: N threads GET the given paths for S seconds; prints JSON.

Run as its own process (bench/run.py starts it) so its CPU use is not the server's:
    python bench/load.py --port 8000 --cookie 'session=...' --seconds 5 --clients 16 /a /b
"""
from __future__ import annotations

import argparse
import http.client
import json
import statistics
import threading
import time
from collections import Counter


def _client(port: int, paths: list[str], cookie: str, offset: int, start: threading.Event,
            window: dict, result: dict) -> None:
    """Send requests back to back until the window closes; reconnect when the server closes."""
    headers = {"Cookie": cookie} if cookie else {}
    conn, latencies, statuses, errors, i = None, [], Counter(), 0, offset
    start.wait()
    while time.perf_counter() < window["until"]:
        path = paths[i % len(paths)]
        i += 1
        began = time.perf_counter()
        try:
            if conn is None:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            conn.request("GET", path, headers=headers)
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


def run(port: int, paths: list[str], cookie: str, seconds: float, clients: int) -> dict:
    """Drive the server with `clients` concurrent clients; return counts, rate and latencies."""
    start, window = threading.Event(), {}
    results = [{} for _ in range(clients)]
    threads = [threading.Thread(target=_client, args=(port, paths, cookie, n, start, window, results[n]))
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
    parser.add_argument("paths", nargs="+")
    args = parser.parse_args()
    print(json.dumps(run(args.port, args.paths, args.cookie, args.seconds, args.clients)))


if __name__ == "__main__":
    main()
