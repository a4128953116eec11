"""In-process measurement with the Flask test client: server time and SQL statements per request."""
from __future__ import annotations

import random
import re
import statistics
import time
from collections import Counter
from dataclasses import dataclass, field

from flask import url_for
from sqlalchemy import event, func, select, update

from intranet.auth.models import User, UserRole
from intranet.extensions import db
from intranet.fragments import ROW_ID, DataGeneration
from intranet.tasks.models import Task, TaskUnit
from intranet.units.models import OrgUnit

PASSWORD = "demo123"
CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"|"X-CSRFToken": "([^"]+)"')
REASON = "Đề nghị bổ sung số liệu kết quả thực hiện (benchmark)."
CYCLE = (("staff", "submit"), ("head", "send"), ("reviewer", "start_review"), ("reviewer", "return_to_unit"))


class StatementCounter:
    """Count the statements sent through an engine, and the time they take, per request."""

    def __init__(self, engine):
        self.engine = engine
        self.count, self.seconds, self.log = 0, 0.0, None
        event.listen(engine, "before_cursor_execute", self._before)
        event.listen(engine, "after_cursor_execute", self._after)

    def reset(self, record: bool = False) -> None:
        self.count, self.seconds = 0, 0.0
        self.log = [] if record else None

    def _before(self, conn, _cursor, statement, parameters, _context, _many):
        self.count += 1
        conn.info["bench_started"] = time.perf_counter()
        if self.log is not None:
            self.log.append([statement, parameters, 0.0])

    def _after(self, conn, *_args):
        spent = time.perf_counter() - conn.info.pop("bench_started", time.perf_counter())
        self.seconds += spent
        if self.log is not None:
            self.log[-1][2] = spent

    def close(self) -> None:
        event.remove(self.engine, "before_cursor_execute", self._before)
        event.remove(self.engine, "after_cursor_execute", self._after)


@dataclass
class Sample:
    """Timings of one page's measured requests."""

    times: list[float] = field(default_factory=list)
    statements: list[int] = field(default_factory=list)
    sql: list[float] = field(default_factory=list)
    statuses: Counter = field(default_factory=Counter)
    by_action: dict = field(default_factory=dict)

    def add(self, seconds: float, statements: int, sql: float, status: int, action: str = "") -> None:
        self.times.append(seconds)
        self.statements.append(statements)
        self.sql.append(sql)
        self.statuses[status] += 1
        if action:
            self.by_action.setdefault(action, set()).add(statements)

    @property
    def p50(self) -> float:
        return statistics.median(self.times) * 1000

    @property
    def p95(self) -> float:
        ordered = sorted(self.times)
        return ordered[max(0, int(len(ordered) * 0.95) - 1)] * 1000

    @property
    def sql_p50(self) -> float:
        return statistics.median(self.sql) * 1000

    @property
    def statements_label(self) -> str:
        low, high = min(self.statements), max(self.statements)
        return str(high) if low == high else f"{low}–{high}"


@dataclass
class Subjects:
    """The accounts and rows the pages are measured with."""

    reviewer: str
    staff: str
    head: str
    unit_name: str
    unit_id: int
    plan_id: int
    plan_tasks: int
    task_ids: list[int]
    drafting: list[int]
    steps: list[tuple[str, str, dict]] = field(default_factory=list)  # transition_steps()


def find_subjects(app, unit_code: str = "dv003") -> Subjects:
    """A reviewer, a staff member and head of Sở GD&ĐT, the largest plan, sample and drafting tasks."""
    with app.app_context():
        unit = db.session.scalar(select(OrgUnit).where(OrgUnit.code == unit_code))

        def holder(role, unit_id=None):
            query = select(User.username).join(UserRole).where(UserRole.role == role)
            if unit_id:
                query = query.where(User.unit_id == unit_id)
            return db.session.scalar(query.order_by(User.id))

        plan_id, plan_tasks = db.session.execute(
            select(Task.plan_id, func.count()).group_by(Task.plan_id)
            .order_by(func.count().desc(), Task.plan_id)).first()
        all_ids = db.session.scalars(select(Task.id).order_by(Task.id)).all()
        drafting = db.session.scalars(
            select(Task.id).join(TaskUnit).where(
                Task.state == "drafting", Task.draft.is_not(None), TaskUnit.role == "lead",
                TaskUnit.unit_id == unit.id).order_by(Task.id)).all()
        return Subjects(holder("reviewer"), holder("staff", unit.id), holder("unit_head", unit.id),
                        unit.name, unit.id, plan_id, plan_tasks, random.Random(0).sample(all_ids, min(100, len(all_ids))),
                        list(drafting))


def login(client, username: str) -> str:
    """Log in through the real form; return the page's CSRF token for htmx POSTs."""
    html = client.get("/dang-nhap").get_data(as_text=True)
    match = CSRF.search(html)
    response = client.post("/dang-nhap", data={
        "username": username, "password": PASSWORD, "csrf_token": match.group(1) or match.group(2)})
    if response.status_code != 302:
        raise RuntimeError(f"login as {username} failed: {response.status_code}")
    match = CSRF.search(client.get("/").get_data(as_text=True))
    return match.group(1) or match.group(2)


@dataclass
class Page:
    """A GET page measured as one user, rotating over its paths."""

    key: str
    endpoint: str
    title: str
    user: str
    paths: list[str]


def pages(app, subjects: Subjects) -> list[Page]:
    """The main pages, as URLs built by the app itself."""
    with app.test_request_context():
        return [
            Page("my_work_reviewer", "dashboard.my_work", "My work (reviewer, Công an tỉnh)", "reviewer",
                 [url_for("dashboard.my_work")]),
            Page("my_work_staff", "dashboard.my_work", f"My work (staff, {subjects.unit_name})", "staff",
                 [url_for("dashboard.my_work")]),
            Page("unit_dashboard", "stats.unit", f"Unit dashboard ({subjects.unit_name})", "staff",
                 [url_for("stats.unit", unit_id=subjects.unit_id)]),
            Page("plan_detail", "plans.detail", f"Plan detail, full task table ({subjects.plan_tasks} tasks)",
                 "reviewer", [url_for("plans.detail", plan_id=subjects.plan_id)]),
            Page("task_detail", "tasks.detail", "Task detail (100 tasks in turn)", "reviewer",
                 [url_for("tasks.detail", task_id=t) for t in subjects.task_ids]),
            Page("review_queue", "dashboard.review_queue", "Review queue", "reviewer",
                 [url_for("dashboard.review_queue")]),
        ]


def transition_steps(app, subjects: Subjects) -> list[tuple[str, str, dict]]:
    """(role, path with `{task}`, form) of each step of CYCLE, for the load generator."""
    marker = 2_147_483_647
    with app.test_request_context():
        return [(role, url_for("tasks.transition", task_id=marker, trigger=trigger).replace(str(marker), "{task}"),
                 {"reason": REASON} if trigger == "return_to_unit" else {})
                for role, trigger in CYCLE]


class Bench:
    """Three logged-in test clients and a statement counter on one app."""

    def __init__(self, app, subjects: Subjects):
        self.app, self.subjects = app, subjects
        with app.app_context():
            self.counter = StatementCounter(db.engine)
        self.clients, self.tokens = {}, {}
        for role in ("reviewer", "staff", "head"):
            client = app.test_client()
            self.tokens[role] = login(client, getattr(subjects, role))
            self.clients[role] = client

    def _timed(self, call, record=False):
        self.counter.reset(record)
        began = time.perf_counter()
        response = call()
        spent = time.perf_counter() - began
        return response, spent, self.counter.count, self.counter.seconds

    def invalidate(self) -> None:
        """Raise the data generation, as a task's move does: every cached fragment is stale (the
        signed-in users are not: they follow the people generation, which this leaves alone)."""
        with self.app.app_context():
            db.session.execute(update(DataGeneration).where(DataGeneration.id == ROW_ID)
                               .values(value=DataGeneration.value + 1))
            db.session.commit()

    def page(self, page: Page, requests: int, warmup: int, cold: bool = False) -> Sample:
        """Time GETs of the page; `cold`: after a write each time, so no cached fragment serves."""
        client, sample = self.clients[page.user], Sample()
        for n in range(warmup + requests):
            path = page.paths[n % len(page.paths)]
            if cold:
                self.invalidate()
            response, spent, count, sql = self._timed(lambda: client.get(path))
            if response.status_code != 200:
                raise RuntimeError(f"{path} answered {response.status_code}")
            if n >= warmup:
                sample.add(spent, count, sql, response.status_code)
        return sample

    def transitions(self, requests: int, warmup: int) -> Sample:
        """submit → send → start_review → return_to_unit on drafting tasks, as htmx POSTs."""
        tasks, sample = self.subjects.drafting, Sample()
        if not tasks:
            raise RuntimeError("no drafting task with a draft to move")
        with self.app.test_request_context():
            urls = {(t, trig): url_for("tasks.transition", task_id=t, trigger=trig)
                    for t in tasks for _, trig in CYCLE}
        n = 0
        for cycle in range((warmup + requests + len(CYCLE) - 1) // len(CYCLE)):
            task = tasks[cycle % len(tasks)]
            for role, trigger in CYCLE:
                headers = {"HX-Request": "true", "X-CSRFToken": self.tokens[role]}
                data = {"reason": REASON} if trigger == "return_to_unit" else {}
                client = self.clients[role]
                response, spent, count, sql = self._timed(
                    lambda: client.post(urls[task, trigger], data=data, headers=headers))
                if response.status_code != 200:
                    raise RuntimeError(f"{trigger} on task {task} answered {response.status_code}")
                if n >= warmup:
                    sample.add(spent, count, sql, response.status_code, trigger)
                n += 1
        return sample

    def explain(self, page: Page | None, out) -> None:
        """Print every statement of one request with its time, and the plan of the slowest ones."""
        if page is None:
            task = self.subjects.drafting[0]
            with self.app.test_request_context():
                path = url_for("tasks.transition", task_id=task, trigger="submit")
            client, title = self.clients["staff"], f"POST {path} (submit)"
            headers = {"HX-Request": "true", "X-CSRFToken": self.tokens["staff"]}
            call = lambda: client.post(path, headers=headers)  # noqa: E731
        else:
            client, title = self.clients[page.user], f"GET {page.paths[0]} as {page.user}"
            call = lambda: client.get(page.paths[0])  # noqa: E731
        response, spent, count, sql = self._timed(call, record=True)
        log = self.counter.log
        print(f"\n### {title}: {response.status_code}, {spent * 1000:.1f} ms, {count} statements, "
              f"SQL {sql * 1000:.1f} ms", file=out)
        for n, (statement, params, seconds) in enumerate(log, 1):
            short = " ".join(statement.split())
            print(f"{n:3d}. {seconds * 1000:7.2f} ms  {short[:300]}{' …' if len(short) > 300 else ''}", file=out)
        with self.app.app_context():
            conn = db.session.connection()
            prefix = "EXPLAIN QUERY PLAN " if conn.dialect.name == "sqlite" else "EXPLAIN "
            for statement, params, seconds in sorted(log, key=lambda r: -r[2])[:2]:
                if not statement.lstrip().upper().startswith("SELECT"):
                    continue
                print(f"  plan of the {seconds * 1000:.2f} ms statement:", file=out)
                for row in conn.exec_driver_sql(prefix + statement, params).all():
                    print("    " + " | ".join(str(c) for c in row), file=out)
            db.session.rollback()
        if page is not None:  # leave the task as it was for the transition measurement
            return
        headers = {"HX-Request": "true", "X-CSRFToken": self.tokens["head"]}
        with self.app.test_request_context():
            back = url_for("tasks.transition", task_id=task, trigger="return_to_staff")
        self.clients["head"].post(back, data={"reason": REASON}, headers=headers)

    def close(self) -> None:
        self.counter.close()
