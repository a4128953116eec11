"""Dashboard pages put together: figures, their charts, targets against milestones."""
from __future__ import annotations

from datetime import date

from ..extensions import db
from ..formatting import today_vn
from ..plans.models import Plan
from . import figures as fig
from . import reporting
from .charts import Bar, Series, bar_chart, stacked_bar_chart

DEADLINE_SERIES = [Series(s.label, s.colour) for s, _ in fig.Figures().deadlines()
                   if s.key != "none"]


def percent(rate: float | None) -> str:
    """0.8333 -> '83,3%'; None -> '—'."""
    if rate is None:
        return "—"
    text = f"{rate * 100:.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") + "%"


def state_chart(figures: fig.Figures, title: str = "Nhiệm vụ theo trạng thái xử lý") -> str:
    """Horizontal bars: number of tasks in each workflow state."""
    return bar_chart([Bar(s.label, n, s.colour) for s, n in figures.states()], title=title)


def deadline_chart(figures: fig.Figures, title: str = "Nhiệm vụ theo tình trạng thời hạn") -> str:
    """Horizontal bars: number of tasks in each deadline status."""
    return bar_chart([Bar(s.label, n, s.colour) for s, n in figures.deadlines()], title=title)


def stacked_deadlines(rows: list[fig.UnitFigures], title: str) -> str:
    """One stacked bar per row (unit or plan): its tasks by deadline status."""
    return stacked_bar_chart(
        [(row.name, [row.figures.by_deadline[s.key] for s, _ in row.figures.deadlines()
                     if s.key != "none"]) for row in rows],
        DEADLINE_SERIES, title=title)


def ranking_chart(rows: list[fig.UnitFigures], year: int) -> str:
    """Horizontal bars: on-time rate of each ranked unit, in rank order."""
    ranked = [r for r in rows if r.rank is not None]
    bars = [Bar(f"{r.rank}. {r.name}", round(r.figures.on_time_rate * 100, 1),
                "success" if r.figures.on_time_rate >= 0.8 else
                "warning" if r.figures.on_time_rate >= 0.5 else "danger",
                text=percent(r.figures.on_time_rate)) for r in ranked]
    return bar_chart(bars, title=f"Tỷ lệ hoàn thành đúng hạn năm {year}", maximum=100,
                     label_share=0.46)


def plan_dashboard(plan: Plan, today: date | None = None) -> dict:
    """Figures and charts of one plan, its lead units, and its targets."""
    today = today or today_vn()
    figures = fig.plan_figures(plan.id, today)
    units = fig.plan_units(plan.id, today)
    return {
        "figures": figures, "units": units, "today": today,
        "state_svg": state_chart(figures), "deadline_svg": deadline_chart(figures),
        "units_svg": stacked_deadlines(units, "Tình trạng thời hạn theo đơn vị chủ trì"),
        "targets": reporting.target_rows(plan.id, today),
        "periods": reporting.period_statuses(plan.id, today),
    }


def unit_dashboard(unit, today: date | None = None) -> dict:
    """Figures and charts of the tasks one unit leads, over every plan."""
    today = today or today_vn()
    plans = fig.unit_plans(unit.id, today)
    figures = fig.total_of(plans)
    return {
        "figures": figures, "plans": plans, "today": today,
        "state_svg": state_chart(figures), "deadline_svg": deadline_chart(figures),
        "plans_svg": stacked_deadlines(plans, "Tình trạng thời hạn theo kế hoạch"),
        "reports": reporting.unit_reports(unit.id),
    }


def ranking_page(year: int, today: date | None = None) -> dict:
    """The year's ranking and its chart."""
    rows = fig.ranking(year, today)
    return {"rows": rows, "year": year, "ranking_svg": ranking_chart(rows, year)}


def plans_overview(today: date | None = None) -> list[tuple[Plan, fig.Figures]]:
    """Every plan with its figures, newest first."""
    today = today or today_vn()
    figures = fig.plans_figures(today)
    plans = db.session.scalars(db.select(Plan).order_by(Plan.issued_on.desc(), Plan.id.desc())).all()
    return [(plan, figures.get(plan.id, fig.Figures())) for plan in plans]
