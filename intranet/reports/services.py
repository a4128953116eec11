"""What the reporting pages and the dashboard show: read-only queries over periods and reports."""
from __future__ import annotations

from collections import Counter
from datetime import date

from workflows import DOCUMENT

from ..audit.services import history
from ..extensions import db
from ..formatting import today_vn
from ..plans.models import Plan
from . import consolidated, contributions, periods
from .models import ConsolidatedReport, ReportPeriod, UnitReport
from .permissions import (can_edit_consolidated, can_edit_report, can_merge_contribution, can_open_period,
                          consolidated_actor, report_transitions)
from .unit_reports import figure_measure

DASHBOARD_LIMIT = 100


def overview(user) -> dict:
    """Plans with their periods (newest first), and the reports of my unit."""
    plans = db.session.scalars(db.select(Plan).order_by(Plan.issued_on.desc(), Plan.id.desc())).all()
    by_plan: dict[int, list[ReportPeriod]] = {}
    for period in db.session.scalars(db.select(ReportPeriod).order_by(ReportPeriod.due_on.desc())):
        by_plan.setdefault(period.plan_id, []).append(period)
    mine = db.session.scalars(db.select(UnitReport).join(ReportPeriod)
                              .where(UnitReport.unit_id == user.unit_id)
                              .order_by(ReportPeriod.due_on.desc())).all()
    return {"plans": plans, "by_plan": by_plan, "mine": mine, "can_open": can_open_period(user),
            "deadline_status": periods.deadline_status}


def period_counts(plan_id: int) -> dict[int, Counter]:
    """Per period: how many reports are in each state."""
    rows = db.session.execute(
        db.select(UnitReport.period_id, UnitReport.state, db.func.count())
        .join(ReportPeriod).where(ReportPeriod.plan_id == plan_id)
        .group_by(UnitReport.period_id, UnitReport.state)).all()
    counts: dict[int, Counter] = {}
    for period_id, state, count in rows:
        counts.setdefault(period_id, Counter())[state] = count
    return counts


def report_page(user, report: UnitReport) -> dict:
    """Everything the unit report page shows for `user`."""
    received = contributions.received_by_report(report)
    return {
        "report": report,
        "period": report.period,
        "editable": can_edit_report(user, report),
        "actions": report_transitions(user, report),
        "deadline": periods.deadline_status(report),
        "received": received,
        "can_merge": {c.id: can_merge_contribution(user, c) for rows in received.values() for c in rows},
        "measures": {f.id: figure_measure(f) for f in report.figures},
        "events": history("unit_report", report.id),
    }


def consolidated_page(user, period: ReportPeriod) -> dict:
    """Everything the consolidated report page shows for `user`."""
    report = consolidated.consolidated_of(period)
    rollup = consolidated.rollup_of(period, report)
    return {
        "period": period,
        "report": report,
        "rollup": rollup,
        "narrative": consolidated.NARRATIVE,
        "editable": can_edit_consolidated(user, report),
        "actions": consolidated.allowed_moves(user, report),
        "sign_refusal": _sign_refusal(user, report),
        "events": history("document", report.document_id) if report and report.document_id else [],
    }


def _sign_refusal(user, report: ConsolidatedReport | None) -> str | None:
    """Why a signer of Công an tỉnh cannot sign now (no certificate), to show beside the button."""
    if report is None or report.state != "reviewed" or not user.has_role("signer"):
        return None
    return DOCUMENT.refusal("sign", report.state, consolidated_actor(user), consolidated.transition_facts(user))


def dashboard_reports(user, today: date | None = None, soon_days: int = 7) -> dict:
    """Reports of my unit (all units for Công an tỉnh) in open periods, by deadline status."""
    today = today or today_vn()
    query = db.select(UnitReport).join(ReportPeriod).where(
        db.or_(UnitReport.state != "accepted", ReportPeriod.due_on >= date(today.year - 1, 1, 1)))
    if not user.sees_all_units:
        query = query.where(UnitReport.unit_id == user.unit_id)
    reports = db.session.scalars(query.order_by(ReportPeriod.due_on, UnitReport.id).limit(DASHBOARD_LIMIT)).all()
    rows = [(r, periods.deadline_status(r, today, soon_days)) for r in reports]
    order = {"overdue": 0, "due_soon": 1, "due": 2, "late": 3, "on_time": 4}
    rows.sort(key=lambda row: (order[row[1].key], row[0].period.due_on))
    counts = Counter(status.key for _, status in rows)
    return {"rows": rows, "counts": counts, "statuses": periods.STATUSES,
            "consolidated": consolidated_waiting(user)}


def consolidated_waiting(user) -> list[tuple[ConsolidatedReport, list]]:
    """Consolidated reports past drafting that wait for `user` (to sign, to issue), with the moves."""
    if not user.unit.is_standing_agency:
        return []
    waiting = db.session.scalars(db.select(ConsolidatedReport)
                                 .where(ConsolidatedReport.state.in_(("reviewed", "signed")))
                                 .order_by(ConsolidatedReport.id)).all()
    # Sending a draft back is not something the report waits for; a signer without a certificate
    # yet is still the one it waits for (the page then says why signing is refused).
    actor = consolidated_actor(user)
    found = [(report, [m for m in DOCUMENT.allowed(report.state, actor) if not m.needs_reason])
             for report in waiting]
    return [(report, moves) for report, moves in found if moves]
