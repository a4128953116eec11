"""Benchmark the main pages on generated province-scale data (`make bench`).

1. Generate province scale (`gen-data`) into a fresh SQLite file under bench/out/; then the same
   again on PostgreSQL when DATABASE_URL names one (it is wiped: pass --wipe if it has tables) or
   with --throwaway-postgres (a temporary PostgreSQL 15 cluster, as the tests start).
2. In process, with the Flask test client: p50/p95 server time over --requests requests after
   --warmup, and SQL statements per request counted by a `before_cursor_execute` listener.
3. Throughput (bench/throughput.py): gunicorn -w 2 on the same database, driven by
   bench/load.py in a second process (16 clients, --seconds per page after --load-warmup
   uncounted seconds), each page against a window of a trivial endpoint of the same app just
   before it; peak RSS per worker. Then the transition POST once more on bench/floor_app.py,
   which answers with the move's message only: a bound on what rendering less could give it.
4. Regenerate with ten times the tasks, comments and audit events; statements per request again.
5. Print one Markdown table and the targets met or missed; also saved to bench/out/report-<db>.md.

`--scale nation` generates 34 provinces instead (`gen-data --scale nation`) and measures the
pages in process only, as people of the first province (report-<db>-nation.md).

`--explain` prints every statement of one request per page, with the plan of the slowest ones.
"""
from __future__ import annotations

import argparse
import gc
import io
import os
import platform
import sqlite3
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

from server import INSTANCE, OUT, ROOT, SECRET  # bench/ is the script's own directory

os.environ["INTRANET_INSTANCE"] = str(INSTANCE)  # read when config.py is imported
sys.path.insert(0, str(ROOT))

from sqlalchemy import inspect, text  # noqa: E402

from intranet import create_app  # noqa: E402
from intranet.extensions import db  # noqa: E402
from intranet.formatting import VN_TZ  # noqa: E402
from intranet.scale.generate import generate  # noqa: E402

from inprocess import Bench, find_subjects, pages, transition_steps  # noqa: E402
from throughput import measure_load  # noqa: E402

MAX_STATEMENTS, MAX_P95_MS, MIN_RATIO = 10, 30.0, 0.30
UNIT_CODES = {"province": "dv003", "nation": "p01-dv003"}  # Sở Giáo dục và Đào tạo (of the first province)


class Report:
    """Print as we go and keep a copy for bench/out/."""

    def __init__(self):
        self.buffer = io.StringIO()

    def __call__(self, line: str = "") -> None:
        print(line, flush=True)
        self.buffer.write(line + "\n")


def make_app(url: str):
    """The app on the bench database, its start-up objects frozen as wsgi.py does in production."""
    app = create_app("development", SQLALCHEMY_DATABASE_URI=url, INSTANCE_DIR=str(INSTANCE),
                     SECRET_KEY=SECRET)
    gc.freeze()
    return app


def dispose(app) -> None:
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


def prepare(url: str, multiplier: int, seed: int, wipe: bool, scale: str = "province") -> tuple[dict, float]:
    """A fresh schema holding a generated province (or nation); return the counts and the seconds taken."""
    if url.startswith("sqlite:///"):
        for suffix in ("", "-wal", "-shm"):
            Path(url[len("sqlite:///"):] + suffix).unlink(missing_ok=True)
    app = make_app(url)
    with app.app_context():
        if db.engine.dialect.name != "sqlite":
            if inspect(db.engine).get_table_names() and not wipe:
                raise SystemExit(f"{db.engine.url!r} already has tables: pass --wipe to let the bench "
                                 "drop and regenerate them.")
            db.drop_all()
        db.create_all()
        began = time.perf_counter()
        counts = generate(scale, seed=seed, multiplier=multiplier)
        db.session.commit()
        seconds = time.perf_counter() - began
        if db.engine.dialect.name == "sqlite":
            db.session.execute(text("ANALYZE"))  # as `flask gen-data` does after its load
            db.session.commit()
        if db.engine.dialect.name == "postgresql":
            # What autovacuum does within a minute of a bulk load (PostgreSQL 13+ vacuums after
            # inserts too), so index-only scans see an up-to-date visibility map.
            db.session.remove()
            with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.exec_driver_sql("VACUUM ANALYZE")
    dispose(app)
    return counts, seconds


def loop_ms() -> float:
    """Milliseconds a fixed pure-Python loop takes, best of three.

    The speed of a virtual machine on a shared host drifts (on this one this loop took from 28
    to 61 ms within a day), and every figure of a run drifts with it: the report gives this at
    its start and end, so runs can be compared.
    """
    best = float("inf")
    for _ in range(3):
        began, total = time.perf_counter(), 0
        for i in range(1_000_000):
            total += i
        best = min(best, time.perf_counter() - began)
    return best * 1000


def machine(url: str) -> list[str]:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    mem = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
               if line.startswith("MemTotal"))
    now = datetime.now(timezone.utc)
    database = "SQLite " + sqlite3.sqlite_version
    if not url.startswith("sqlite"):
        app = make_app(url)
        with app.app_context():
            database = "PostgreSQL " + db.session.execute(text("SHOW server_version")).scalar()
        dispose(app)
    return [f"- Date: {now:%Y-%m-%d %H:%M} UTC ({now.astimezone(VN_TZ):%d/%m/%Y %H:%M} giờ Việt Nam)",
            f"- Machine: {os.cpu_count()} CPUs (nproc {len(os.sched_getaffinity(0))}), {cpu}, "
            f"{mem / 1024 / 1024:.1f} GiB RAM, {platform.platform()}",
            f"- Python {platform.python_version()}, {database}",
            f"- Speed check (bench/run.py loop_ms: a fixed loop, lower is faster): {loop_ms():.0f} ms at the start"]


def measure_inprocess(url: str, requests: int, warmup: int, say, explain: bool = False,
                      after_write: bool = True, unit_code: str = "dv003"):
    """Each page with the fragment store warm, and (`after_write`) again after a write each time."""
    app = make_app(url)
    subjects = find_subjects(app, unit_code)
    bench = Bench(app, subjects)
    page_list = pages(app, subjects)
    if explain:
        for page in [*page_list, None]:
            buffer = io.StringIO()
            bench.explain(page, buffer)
            say(buffer.getvalue().rstrip())
    results, cold = {}, {}
    for page in page_list:
        results[page.key] = bench.page(page, requests, warmup)
        say(f"  {page.title}: p50 {results[page.key].p50:.1f} ms, p95 {results[page.key].p95:.1f} ms, "
            f"{results[page.key].statements_label} statements")
        if after_write:
            cold[page.key] = bench.page(page, requests, warmup, cold=True)
            say(f"    after a write each time (no cached fragment): p50 {cold[page.key].p50:.1f} ms, "
                f"p95 {cold[page.key].p95:.1f} ms, {cold[page.key].statements_label} statements")
    results["transition"] = bench.transitions(requests, warmup)
    say(f"  Transition POST: p50 {results['transition'].p50:.1f} ms, p95 {results['transition'].p95:.1f} ms, "
        f"{results['transition'].statements_label} statements")
    bench.close()
    dispose(app)
    subjects.steps = transition_steps(app, subjects)
    return subjects, page_list, results, cold


def _statements(warm, cold) -> str:
    """'5 / 8': with the fragment store warm / after a write; one figure when they agree."""
    if cold is None or cold.statements_label == warm.statements_label:
        return warm.statements_label
    return f"{warm.statements_label} / {cold.statements_label}"


def table(page_list, one: dict, cold: dict, ten: dict | None, ten_cold: dict | None,
          load: dict | None, backend: str = "sqlite") -> tuple[list[str], list[str]]:
    """The Markdown table, and one verdict line per target and page.

    A page with a cached fragment is measured twice: as it is served while nothing changes, and
    after a write each time (every fragment stale), which is what the first reader after any
    change waits for.
    """
    rows = ["| Page | Endpoint | p50 ms | p95 ms | p50 / p95 ms after a write | Statements/request 1× "
            "| Statements/request 10× | req/s | Trivial req/s just before | Ratio to trivial |",
            "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    verdicts = []
    entries = [(p.key, p.title, p.endpoint) for p in page_list]
    entries.append(("transition", "Transition POST (submit → send → start_review → return_to_unit, htmx)",
                    "tasks.transition"))
    for key, title, endpoint in entries:
        s1, c1 = one[key], cold.get(key)
        s10, c10 = (ten or {}).get(key), (ten_cold or {}).get(key)
        rps = load[key]["rps"] if load and key in load else None
        trivial = load[f"{key}:trivial"]["rps"] if load and f"{key}:trivial" in load else None
        ratio = rps / trivial if rps and trivial else None
        rows.append(f"| {title} | `{endpoint}` | {s1.p50:.1f} | {s1.p95:.1f} | "
                    f"{f'{c1.p50:.1f} / {c1.p95:.1f}' if c1 else '–'} | {_statements(s1, c1)} | "
                    f"{_statements(s10, c10) if s10 else '–'} | {f'{rps:.0f}' if rps else '–'} | "
                    f"{f'{trivial:.0f}' if trivial else '–'} | {f'{ratio:.0%}' if ratio else '–'} |")
        counts1 = set(s1.statements) | set(c1.statements if c1 else [])
        counts10 = set(s10.statements if s10 else []) | set(c10.statements if c10 else [])
        constant = not counts10 or counts10 <= counts1
        worst = max(s1.p95, c1.p95 if c1 else 0)
        p95 = f"{s1.p95:.1f} ms" + (f", {c1.p95:.1f} ms after a write" if c1 else "")
        verdicts.append(f"- {title}: statements {'MET' if max(counts1) <= MAX_STATEMENTS and constant else 'MISSED'}"
                        f" ({_statements(s1, c1)} at 1×, {_statements(s10, c10) if s10 else 'not measured'} at 10×); "
                        + (f"p95 {'MET' if worst < MAX_P95_MS else 'MISSED'} ({p95})"
                           if backend == "sqlite" else f"p95 {p95} (the target is set on SQLite)")
                        + (f"; throughput {'MET' if ratio >= MIN_RATIO else 'MISSED'} ({ratio:.1%})" if ratio else ""))
    if load and "floor" in load:
        ratio = load["floor"]["rps"] / load["floor:trivial"]["rps"]
        rows.append(f"| Bound, not the app: the same POST answered with its message only (`bench/floor_app.py`) "
                    f"| `tasks.transition` | – | – | – | – | – | {load['floor']['rps']:.0f} "
                    f"| {load['floor:trivial']['rps']:.0f} | {ratio:.0%} |")
        verdicts.append(f"- Bound: the transition POST without its panel reaches {ratio:.1%} of the trivial endpoint")
    if load:
        rows.append(f"| Trivial endpoint `{load['trivial_path']}` (first / last window) | `health.healthz` | – | – | – | – "
                    f"| – | {load['trivial_before']['rps']:.0f} / {load['trivial_after']['rps']:.0f} | – | 100% |")
    return rows, verdicts


def run(args, url: str) -> None:
    say = Report()
    backend = "sqlite" if url.startswith("sqlite") else "postgresql"
    say(f"# Benchmark on {backend}: {args.scale} scale, seed {args.seed}")
    say()
    for line in machine(url):
        say(line)
    say(f"- Database: {url if backend == 'sqlite' else url.split('@')[-1]}")
    if args.reuse:
        say("- Reusing the database generated by an earlier run (--reuse)")
    else:
        counts, seconds = prepare(url, 1, args.seed, args.wipe, args.scale)
        say(f"- Generated in {seconds:.1f} s: "
            + ", ".join(f"{v:,} {k}" for k, v in counts.items() if k != "seconds"))
    say()
    say(f"## In process (Flask test client; {args.requests} requests after {args.warmup} warm-up per page)")
    subjects, page_list, one, cold = measure_inprocess(url, args.requests, args.warmup, say, args.explain,
                                                       unit_code=UNIT_CODES[args.scale])
    say(f"  accounts: reviewer {subjects.reviewer}, staff {subjects.staff} and head {subjects.head} "
        f"of {subjects.unit_name}; largest plan id {subjects.plan_id}")
    load = None
    if not args.skip_load:
        say()
        say(f"## Throughput (gunicorn -w 2, {args.clients} clients from a second process, {args.seconds:g} s per page"
            f" after {args.load_warmup:g} s of the same load)")
        load = measure_load(url, subjects, page_list, args.seconds, args.clients, say, args.load_warmup)
    ten = ten_cold = None
    if not args.skip_10x:
        url10 = f"sqlite:///{OUT / 'bench-10x.sqlite3'}" if backend == "sqlite" else url
        counts10, seconds10 = prepare(url10, 10, args.seed, True)
        say()
        say(f"## 10× data ({counts10['task']:,} tasks, {counts10['audit_event']:,} audit events, generated in "
            f"{seconds10:.1f} s; {args.requests_10x} requests per page)")
        _, _, ten, ten_cold = measure_inprocess(url10, args.requests_10x, 3, say)
    rows, verdicts = table(page_list, one, cold, ten, ten_cold, load, backend)
    say()
    say("## Results")
    say()
    for row in rows:
        say(row)
    if load:
        say()
        for pid, mem in load["memory"].items():
            say(f"- gunicorn worker {pid}: peak RSS (VmHWM) {mem['VmHWM'] / 1024:.1f} MiB, "
                f"RSS now {mem['VmRSS'] / 1024:.1f} MiB")
    say()
    say(f"## Targets: ≤ {MAX_STATEMENTS} statements per page and constant from 1× to 10×; "
        f"p95 < {MAX_P95_MS:g} ms on SQLite; throughput ≥ {MIN_RATIO:.0%} of the trivial endpoint")
    for line in verdicts:
        say(line)
    say()
    say("SQL time per request (p50, in process, inside cursor.execute only: SQLite does much of a "
        "SELECT's work while its rows are fetched, which is not counted): " + ", ".join(
        f"{key} {sample.sql_p50:.1f} ms" for key, sample in one.items()))
    transition = one["transition"].by_action
    say("Statements per transition POST: " + ", ".join(
        f"{k} {'/'.join(map(str, sorted(v)))}" for k, v in transition.items()))
    say(f"Speed check at the end: {loop_ms():.0f} ms (see the start of the report)")
    name = backend if args.scale == "province" else f"{backend}-{args.scale}"
    (OUT / f"report-{name}.md").write_text(say.buffer.getvalue(), encoding="utf-8")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--requests-10x", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--load-warmup", type=float, default=1.0, help="uncounted seconds of load first")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--skip-load", action="store_true", help="no gunicorn throughput run")
    parser.add_argument("--skip-10x", action="store_true", help="no 10× regeneration")
    parser.add_argument("--explain", action="store_true", help="print each page's statements and plans")
    parser.add_argument("--reuse", action="store_true", help="measure the 1× database of the last run again")
    parser.add_argument("--wipe", action="store_true", help="drop and regenerate the tables at DATABASE_URL")
    parser.add_argument("--skip-sqlite", action="store_true", help="only the PostgreSQL run(s)")
    parser.add_argument("--throwaway-postgres", action="store_true",
                        help="run against a temporary PostgreSQL 15 cluster (as tests/postgres.py)")
    parser.add_argument("--quick", action="store_true", help="50 requests, 2 s of load, 5 requests at 10×")
    parser.add_argument("--scale", choices=sorted(UNIT_CODES), default="province",
                        help="nation: 34 provinces, measured in process only (no load, no 10×)")
    args = parser.parse_args(argv)
    if args.scale == "nation":
        args.skip_load = args.skip_10x = True
    if args.quick:
        args.requests, args.warmup, args.seconds, args.requests_10x = 50, 5, 2.0, 5
    OUT.mkdir(parents=True, exist_ok=True)
    INSTANCE.mkdir(exist_ok=True)
    sqlite_file = "bench.sqlite3" if args.scale == "province" else f"bench-{args.scale}.sqlite3"
    urls = [] if args.skip_sqlite else [f"sqlite:///{OUT / sqlite_file}"]
    if os.environ.get("DATABASE_URL", "").startswith("postgresql"):
        urls.append(os.environ["DATABASE_URL"])
    cluster = None
    if args.throwaway_postgres:
        from tests.postgres import ThrowawayCluster

        cluster = ThrowawayCluster()
        cluster.start()
        urls.append(cluster.create_database("intranet_bench"))
        args.wipe = True
    try:
        for url in urls:
            run(args, url)
            print(flush=True)
    finally:
        if cluster:
            cluster.stop()

if __name__ == "__main__":
    main()
