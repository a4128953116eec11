"""Dashboard figures against values counted by hand on the demo data after moving a few tasks.

Plan 112 has 48 tasks, all yearly before 05/12; on 10/12/2026 everything not done is overdue.
"""
from datetime import date, datetime

import pytest

from intranet.extensions import db
from intranet.stats import figures, services

from .helpers import lead_tasks, move, plan_112, unit

TODAY = date(2026, 12, 10)


@pytest.fixture
def moved(app):
    """Sở GD&ĐT: one task done on time, one late, one drafting, one cancelled; Sở Y tế: one on time."""
    with app.app_context():
        sgd = lead_tasks("sgd")
        move(sgd[0], "approved", "sgd", completed_at=datetime(2026, 12, 3, 2, 0))   # 03/12 VN: on time
        move(sgd[1], "approved", "sgd", completed_at=datetime(2026, 12, 4, 18, 0))  # 05/12 01:00 VN: on time
        move(sgd[2], "approved", "sgd", completed_at=datetime(2026, 12, 7, 3, 0))   # late
        move(sgd[3], "drafting", "sgd")
        move(sgd[4], "cancelled", "sgd")
        move(lead_tasks("syt")[0], "approved", "syt", completed_at=datetime(2026, 11, 30, 3, 0))
        db.session.commit()
        return {"plan": plan_112().id, "sgd": unit("sgd").id, "syt": unit("syt").id}


def test_plan_figures_count_states_and_deadlines(app, moved):
    with app.app_context():
        f = figures.plan_figures(moved["plan"], TODAY)
    assert f.total == 48
    assert dict(f.by_state) == {"approved": 4, "drafting": 1, "cancelled": 1, "assigned": 42}
    assert f.by_deadline["done_on_time"] == 3   # sgd 03/12 and 05/12 (VN day), syt 30/11
    assert f.by_deadline["done_late"] == 1
    assert f.by_deadline["overdue"] == 43       # 42 assigned + 1 drafting
    assert f.by_deadline["none"] == 1           # cancelled
    assert f.due == 47 and f.on_time == 3
    assert f.on_time_rate == pytest.approx(3 / 47)


def test_before_the_deadline_nothing_is_due(app, moved):
    with app.app_context():
        f = figures.plan_figures(moved["plan"], date(2026, 12, 1))
    assert f.by_deadline["due_soon"] == 43      # 05/12 is 4 days away
    assert f.by_deadline["overdue"] == 0
    assert f.due == 4 and f.on_time_rate == pytest.approx(3 / 4)
    with app.app_context():
        f = figures.plan_figures(moved["plan"], date(2026, 11, 1))
    assert f.by_deadline["on_time"] == 43


def test_per_unit_figures(app, moved):
    with app.app_context():
        rows = {r.name: r.figures for r in figures.plan_units(moved["plan"], TODAY)}
        sgd = rows["Sở Giáo dục và Đào tạo"]
        assert sgd.total == 7
        assert (sgd.on_time, sgd.by_deadline["done_late"], sgd.by_deadline["overdue"],
                sgd.by_deadline["none"]) == (2, 1, 3, 1)
        assert sgd.on_time_rate == pytest.approx(2 / 6)
        assert rows["Sở Y tế"].on_time_rate == pytest.approx(1 / 3)
        assert "Viện Kiểm sát nhân dân tỉnh" not in rows  # requested, not lead
        plans = figures.unit_plans(moved["sgd"], TODAY)
        assert [p.name for p in plans] == ["112/KH-UBND"]
        assert plans[0].figures.by_state["approved"] == 3


def test_ranking_orders_units_by_on_time_rate(app, moved):
    with app.app_context():
        rows = figures.ranking(2026, TODAY)
    names = [r.name for r in rows]
    # Both 1/3 on time: the unit with more tasks done on time (Sở GD&ĐT: 2 of 6) goes first.
    assert names[:2] == ["Sở Giáo dục và Đào tạo", "Sở Y tế"]
    assert rows[0].figures.on_time_rate == rows[1].figures.on_time_rate == pytest.approx(1 / 3)
    assert [r.rank for r in rows[:2]] == [1, 2]
    assert all(r.figures.on_time_rate == 0 for r in rows[2:])
    assert {r.rank for r in rows[2:]} == {3}      # ties share a rank
    assert "Công an tỉnh" in names
    assert "Ủy ban nhân dân các huyện, thị xã, thành phố" not in names  # a group: not ranked
    assert "Viện Kiểm sát nhân dân tỉnh" not in names                  # outside the province


def test_ranking_of_a_year_without_due_tasks_is_empty(app, moved):
    with app.app_context():
        assert figures.ranking(2020, TODAY) == []


def test_percent_is_written_the_vietnamese_way():
    assert services.percent(1 / 3) == "33,3%"
    assert services.percent(1.0) == "100%"
    assert services.percent(None) == "—"
