"""Throughput under gunicorn (`bench/run.py` step 3): each page against a trivial endpoint of the
same app, the transition POST as a cycle of moves, and the POST's bound on bench/floor_app.py."""
from __future__ import annotations

import urllib.parse
from pathlib import Path

from server import INSTANCE, OUT, SECRET, Gunicorn


def _window(server: Gunicorn, key: str, paths: list[str], cookie: str, seconds: float, clients: int,
            steps: dict | None, say, what: str = "") -> dict:
    """One measured window of load; say its rate, and any answer that was not a 200."""
    result = server.load(paths, cookie, seconds, clients, steps)
    bad = {k: v for k, v in result["statuses"].items() if k != "200"}
    say(f"  {key}{f' ({what})' if what else ''}: {result['rps']:.1f} req/s, client-side p50 {result['p50_ms']} ms"
        + (f"  (non-200: {bad}, errors {result['errors']})" if bad or result["errors"] else ""))
    return result


def measure_load(url: str, subjects, page_list, seconds: float, clients: int, say,
                 warmup: float = 1.0) -> dict:
    """Requests per second of each page under gunicorn, after `warmup` seconds of the same GETs
    (uncounted: each worker fills its own fragment store, as the in-process runs warm up). The
    POST cycle has no warm-up: stopped mid-cycle, it would leave tasks where the next run's
    first step is refused (409).

    Each page's window follows a window of the trivial endpoint, which its ratio is taken to: the
    machine's speed drifts within a run, and a page then meets the drift its own trivial met.
    """
    # Each client moves tasks of its own round the cycle, as staff, head and reviewer in turn, one
    # task after another (a task's history, which the answer shows, grows by four events a round).
    # Every other task is kept for the bound (`floor`), so neither run finds a task mid-cycle.
    tasks, floor_tasks = subjects.drafting[0::2], subjects.drafting[1::2]
    if len(floor_tasks) < clients:
        raise RuntimeError(f"{len(subjects.drafting)} drafting tasks for 2 × {clients} POSTing clients")
    server = Gunicorn(url, INSTANCE, SECRET, OUT / "gunicorn.log", workers=2)
    server.start()
    try:
        cookies = {role: server.login(getattr(subjects, role)) for role in ("reviewer", "staff", "head")}
        tokens = {role: server.htmx_token(cookie) for role, cookie in cookies.items()}
        moves = [{"path": path, "cookie": cookies[role], "token": tokens[role], "form": urllib.parse.urlencode(form)}
                 for role, path, form in subjects.steps]
        cycle = {"tasks": tasks, "steps": moves}
        trivial = "/healthz"
        if server.get(trivial)[0] != 200:
            raise RuntimeError(f"gunicorn does not answer {trivial}; see {OUT / 'gunicorn.log'}")
        results = {"trivial_path": trivial}
        windows = [("trivial_before", [trivial], cookies["staff"], None)]
        for key, paths, cookie, steps in [*[(p.key, p.paths, cookies[p.user], None) for p in page_list],
                                          ("transition", [], "", cycle)]:
            windows += [(f"{key}:trivial", [trivial], cookies["staff"], None), (key, paths, cookie, steps)]
        windows.append(("trivial_after", [trivial], cookies["staff"], None))
        for key, paths, cookie, steps in windows:
            if warmup and steps is None:  # a POST cycle cut short would leave tasks mid-cycle
                server.load(paths, cookie, warmup, clients, steps)
            results[key] = _window(server, key, paths, cookie, seconds, clients, steps, say)
        results["memory"] = server.memory()
    finally:
        server.stop()
    results.update(measure_floor(url, {"tasks": floor_tasks, "steps": moves}, trivial, cookies["staff"],
                                 seconds, clients, say))
    return results


def measure_floor(url: str, cycle: dict, trivial: str, cookie: str, seconds: float, clients: int,
                  say) -> dict:
    """The same POST cycle on bench/floor_app.py, which answers a move with its message only:
    what the move and the request around it cost without the panel, the best the POST could do
    by rendering less. The session cookies of the real app serve here too (same secret)."""
    server = Gunicorn(url, INSTANCE, SECRET, OUT / "gunicorn-floor.log", workers=2,
                      app="floor_app:app", pythonpath=Path(__file__).resolve().parent)
    server.start()
    results = {}
    try:
        for key, paths, steps in [("floor:trivial", [trivial], None), ("floor", [], cycle)]:
            results[key] = _window(server, key, paths, cookie, seconds, clients, steps, say,
                                   "transition POST answered with its message only")
    finally:
        server.stop()
    return results
