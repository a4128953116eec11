"""The intranet's tables as worksheets: tasks, targets, ranking, budget estimates."""
from __future__ import annotations

from datetime import date

from workflows import TASK

from ..formatting import to_vn, vn_date
from ..tasks.deadlines import current_due, deadline_label, deadline_status
from .xlsx import Column, Row, Sheet


def _names(task, *roles) -> str:
    return "; ".join(("Đề nghị " if tu.role == "requested" and "lead" in roles else "") + tu.unit.name
                     for tu in task.units if tu.role in roles)


def plan_caption(plan, heading: str, *extra: str) -> list[str]:
    """Title lines above a plan's table: what it is, which plan, filters, the day it was made."""
    return [heading, f"{plan.doc_type.capitalize()} số {plan.reference}: {plan.title}", *extra]


def task_sheet(plan, tasks, today: date, *, filters: str | None = None) -> Sheet:
    """The plan's task table as shown on its page (with the page's filters)."""
    columns = [
        Column("STT", 6, "int"), Column("Mục", 8), Column("Nhóm nhiệm vụ", 28, wrap=True),
        Column("Nhiệm vụ", 70, wrap=True), Column("Đơn vị chủ trì", 28, wrap=True),
        Column("Đơn vị phối hợp", 28, wrap=True), Column("Hạn hoàn thành", 14, "date"),
        Column("Thời hạn", 24, wrap=True), Column("Tình trạng thời hạn", 20),
        Column("Trạng thái", 24), Column("Ngày hoàn thành", 14, "date"),
    ]
    rows = [[
        task.position, task.clause, task.group_heading, task.text, _names(task, "lead", "requested"),
        _names(task, "coordinating"), current_due(task, today), deadline_label(task),
        deadline_status(task, today).label, TASK.state(task.state).label,
        to_vn(task.completed_at).date() if task.completed_at else None,
    ] for task in tasks]
    caption = plan_caption(plan, "BẢNG PHÂN CÔNG NHIỆM VỤ",
                           f"Lọc: {filters}" if filters else "Tất cả nhiệm vụ",
                           f"Số liệu đến ngày {vn_date(today)}; {len(rows)} nhiệm vụ.")
    return Sheet("Nhiệm vụ", columns, rows, caption)


def target_sheet(plan, target_rows, today: date) -> Sheet:
    """Targets with one row per milestone, and the latest accepted result against its year's milestone."""
    columns = [Column("STT", 6, "int"), Column("Chỉ tiêu", 70, wrap=True), Column("Mốc", 14),
               Column("Năm", 8, "int"), Column("Giá trị mốc", 14), Column("Thời điểm", 16),
               Column("Kết quả báo cáo", 22), Column("Năm số liệu", 12, "int"), Column("Đánh giá", 18)]
    rows = []
    for row in target_rows:
        for m in row.milestones or [None]:
            rows.append([row.position, row.text, m and m["label"], m and m["year"], m and m["value"],
                         m and m["when"], row.result or None, row.result_year, row.verdict or None])
    caption = plan_caption(plan, "CHỈ TIÊU VÀ CÁC MỐC THỰC HIỆN",
                           f"Kết quả: tổng hợp từ báo cáo đã được Công an tỉnh tiếp nhận; số liệu đến ngày {vn_date(today)}.")
    return Sheet("Chỉ tiêu", columns, rows, caption)


def ranking_sheet(rows, year: int) -> Sheet:
    """The year's emulation ranking."""
    columns = [Column("Hạng", 7, "int"), Column("Đơn vị", 42, wrap=True), Column("Đến hạn", 10, "int"),
               Column("Đúng hạn", 10, "int"), Column("Trễ hạn", 10, "int"), Column("Quá hạn", 10, "int"),
               Column("Tỷ lệ đúng hạn", 14, "percent")]
    data = [[r.rank, r.name, r.figures.due, r.figures.on_time, r.figures.by_deadline["done_late"],
             r.figures.by_deadline["overdue"], r.figures.on_time_rate] for r in rows]
    caption = [f"XẾP HẠNG ĐƠN VỊ THEO TỶ LỆ HOÀN THÀNH NHIỆM VỤ ĐÚNG HẠN NĂM {year}",
               "Tỷ lệ = hoàn thành đúng hạn / đã đến hạn (hoàn thành hoặc quá hạn), nhiệm vụ chủ trì."]
    return Sheet(f"Xếp hạng {year}", columns, data, caption)


BUDGET_COLUMNS = [Column("STT", 7), Column("Đơn vị, nội dung chi", 50, wrap=True),
                  Column("Nhiệm vụ", 50, wrap=True), Column("Nguồn kinh phí", 20),
                  Column("Số tiền (đồng)", 18, "money")]


def _task_ref(position, clause, text) -> str:
    head = f"Nhiệm vụ {position}" + (f" (mục {clause})" if clause else "")
    return f"{head}: {text}"


def roman_numeral(number: int) -> str:
    """4 -> 'IV': the numbering of unit groups in Vietnamese budget tables."""
    numerals = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), *numerals):
        while number >= value:
            out, number = out + letters, number - value
    return out


def budget_compiled_sheets(compiled) -> list[Sheet]:
    """The compiled estimate: units with subtotals and lines, the grand total; totals by source."""
    rows = []
    for index, unit in enumerate(compiled.units, start=1):
        rows.append(Row([roman_numeral(index), unit.unit_name, None, None, unit.subtotal], bold=True))
        for number, line in enumerate(unit.lines, start=1):
            rows.append([str(number), line.content,
                         _task_ref(line.task_position, line.task_clause, line.task_text),
                         line.source_label, line.amount])
    rows.append(Row([None, "TỔNG CỘNG", None, None, compiled.total], bold=True))
    plan = compiled.plan
    caption = plan_caption(plan, f"TỔNG HỢP DỰ TOÁN KINH PHÍ NĂM {compiled.year}",
                           f"{len(compiled.units)} đơn vị đã gửi, {compiled.line_count} dòng kinh phí.")
    sources = Sheet("Theo nguồn kinh phí",
                    [Column("Nguồn kinh phí", 30), Column("Số tiền (đồng)", 18, "money")],
                    [*compiled.by_source, Row(["Tổng cộng", compiled.total], bold=True)],
                    [f"DỰ TOÁN NĂM {compiled.year} THEO NGUỒN KINH PHÍ"])
    return [Sheet(f"Dự toán {compiled.year}", BUDGET_COLUMNS, rows, caption), sources]


def budget_unit_sheet(plan, unit, year: int, estimate) -> Sheet:
    """One unit's estimate: its lines and total."""
    lines = estimate.lines if estimate else []
    rows = [[str(number), line.content,
             _task_ref(line.task.position, line.task.clause, line.task.text),
             line.source_label, line.amount] for number, line in enumerate(lines, start=1)]
    rows.append(Row([None, "TỔNG CỘNG", None, None, sum(line.amount for line in lines)], bold=True))
    state = estimate.state_def.label if estimate else "Chưa lập"
    caption = plan_caption(plan, f"DỰ TOÁN KINH PHÍ NĂM {year}: {unit.name.upper()}",
                           f"Trạng thái: {state}.")
    return Sheet(f"Dự toán {year}", BUDGET_COLUMNS, rows, caption)


def report_status_sheet(period, reports, result_counts: dict[int, int], today: date, deadline_status) -> Sheet:
    """Each unit's report of a period: state, on time or late, due, sent and accepted dates."""
    columns = [Column("STT", 6, "int"), Column("Đơn vị", 42, wrap=True), Column("Nhiệm vụ chủ trì", 12, "int"),
               Column("Trạng thái", 26), Column("Tình trạng thời hạn", 20), Column("Hạn gửi", 13, "date"),
               Column("Ngày gửi", 13, "date"), Column("Ngày tiếp nhận", 14, "date")]
    rows = [[number, r.unit.name, result_counts.get(r.id, 0), r.state_def.label,
             deadline_status(r, today).label, period.due_on,
             to_vn(r.submitted_at).date() if r.submitted_at else None,
             to_vn(r.accepted_at).date() if r.accepted_at else None]
            for number, r in enumerate(reports, start=1)]
    caption = plan_caption(period.plan, f"TÌNH HÌNH GỬI BÁO CÁO: {period.name.upper()}",
                           f"Hạn gửi {vn_date(period.due_on)}; số liệu đến ngày {vn_date(today)}.")
    return Sheet("Tình hình báo cáo", columns, rows, caption)
