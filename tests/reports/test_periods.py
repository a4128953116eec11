"""Period windows and due dates (Nghị định 09/2019), and opening a period."""
from datetime import date
from types import SimpleNamespace

import pytest

from intranet.errors import ValidationError
from intranet.extensions import db
from intranet.reports.models import UnitReport
from intranet.reports.periods import (DUE, DUE_SOON, LATE, ON_TIME, OVERDUE, data_window, deadline_status,
                                      open_period, period_window, reporting_units)
from tests.web.helpers import plan_112

from .helpers import open_annual, period_of


def _plan(*deadlines, issued_on=date(2024, 4, 25)):
    return SimpleNamespace(deadlines=[SimpleNamespace(**d) for d in deadlines], issued_on=issued_on)


YEARLY_0512 = {"rule": "yearly", "month": 12, "day": 5, "year": None}


@pytest.mark.parametrize("kind, year, start, end", [
    ("annual", 2025, date(2024, 12, 15), date(2025, 12, 14)),
    ("annual", 2026, date(2025, 12, 15), date(2026, 12, 14)),
    ("half_year", 2025, date(2024, 12, 15), date(2025, 6, 14)),
    ("half_year", 2030, date(2029, 12, 15), date(2030, 6, 14)),
])
def test_data_window_starts_on_15_12_of_the_previous_year(kind, year, start, end):
    assert data_window(kind, year) == (start, end)


@pytest.mark.parametrize("kind, year, plan, due", [
    ("annual", 2025, _plan(YEARLY_0512), date(2025, 12, 5)),
    ("annual", 2025, _plan(), date(2025, 12, 15)),
    ("annual", 2025, None, date(2025, 12, 15)),
    ("half_year", 2025, _plan(YEARLY_0512), date(2025, 6, 15)),
    ("half_year", 2025, _plan({"rule": "half_year", "month": 6, "day": 10, "year": None}), date(2025, 6, 10)),
    ("midterm", 2026, _plan(YEARLY_0512), date(2026, 12, 5)),
    ("final", 2030, _plan(), date(2030, 12, 15)),
])
def test_due_date_comes_from_the_plan_else_the_decree(kind, year, plan, due):
    assert period_window(kind, year, plan).due_on == due


def test_reviews_cover_the_plan_from_its_issue():
    window = period_window("midterm", 2026, _plan(YEARLY_0512))
    assert (window.starts_on, window.ends_on) == (date(2024, 4, 25), date(2026, 12, 14))


def test_ad_hoc_needs_a_due_date():
    assert period_window("ad_hoc", 2025, None, due_on=date(2025, 3, 1)).due_on == date(2025, 3, 1)
    with pytest.raises(ValidationError):
        period_window("ad_hoc", 2025, None)


def _report(state, submitted_at=None, due=date(2025, 12, 5)):
    return SimpleNamespace(state=state, submitted_at=submitted_at, period=SimpleNamespace(due_on=due))


@pytest.mark.parametrize("state, submitted_at, today, expected", [
    ("draft", None, date(2025, 11, 1), DUE),
    ("draft", None, date(2025, 11, 28), DUE_SOON),
    ("unit_approved", None, date(2025, 12, 5), DUE_SOON),
    ("returned", None, date(2025, 12, 6), OVERDUE),
    ("submitted", __import__("datetime").datetime(2025, 12, 4, 10), date(2025, 12, 20), ON_TIME),
    # 17:30 UTC on 05/12 is 00:30 on 06/12 in Vietnam: late.
    ("accepted", __import__("datetime").datetime(2025, 12, 5, 17, 30), date(2025, 12, 20), LATE),
])
def test_deadline_status(state, submitted_at, today, expected):
    assert deadline_status(_report(state, submitted_at), today) == expected


def test_plan_112_periods_read_its_deadlines(app):
    with app.app_context():
        plan = plan_112()
        assert period_window("annual", 2025, plan).due_on == date(2025, 12, 5)
        assert {d.rule: d.year for d in plan.deadlines if d.rule in ("midterm", "final")} == {
            "midterm": 2026, "final": 2030}


def test_opening_creates_one_draft_per_reporting_unit(app, auth):
    with app.app_context():
        reporting, skipped = reporting_units(plan_112())
        assert reporting and all(not u.is_external and u.kind != "collective" for u in reporting)
        assert all(u.is_external or u.kind == "collective" for u in skipped)
    response = open_annual(app, auth)
    assert response.status_code == 302
    with app.app_context():
        period = period_of()
        reports = db.session.scalars(db.select(UnitReport).where(UnitReport.period_id == period.id)).all()
        assert len(reports) == len(reporting)
        assert {r.unit_id for r in reports} == {u.id for u in reporting}
        assert {r.state for r in reports} == {"draft"}
        assert all(r.results for r in reports)
        assert (period.starts_on, period.ends_on, period.due_on) == (
            date(2024, 12, 15), date(2025, 12, 14), date(2025, 12, 5))
    again = open_annual(app, auth)
    assert again.status_code == 422
    assert "đã được mở" in again.get_data(as_text=True)


def test_review_periods_take_their_year_from_the_plan(app, auth):
    auth.login("ca.thuongtruc")
    with app.app_context():
        plan_id = plan_112().id
    assert auth.post(f"/bao-cao/ke-hoach/{plan_id}/mo-ky", {"kind": "midterm"}).status_code == 302
    with app.app_context():
        assert period_of("midterm", 2026).due_on == date(2026, 12, 5)


def test_opening_is_for_cong_an_tinh_only(app, auth):
    auth.login("sgd.lanhdao")
    with app.app_context():
        plan_id = plan_112().id
    assert auth.post(f"/bao-cao/ke-hoach/{plan_id}/mo-ky", {"kind": "annual", "year": "2025"}).status_code == 403


def test_ad_hoc_periods_are_numbered_within_the_year(app):
    with app.app_context():
        from intranet.auth.models import User

        user = db.session.scalar(db.select(User).where(User.username == "ca.thuongtruc"))
        first = open_period(plan_112(), "ad_hoc", 2025, user, due_on=date(2025, 3, 1), title="Tháng hành động")
        second = open_period(plan_112(), "ad_hoc", 2025, user, due_on=date(2025, 7, 1), title="Ngày 26/6")
        assert (first.ordinal, second.ordinal) == (1, 2)
        with pytest.raises(ValidationError):
            open_period(plan_112(), "annual", 1999, user)
