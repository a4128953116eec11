"""Print contexts of the unit report and the consolidated report for the documents' PDF engine."""
from __future__ import annotations

import re

from ..extensions import db
from ..plans.models import Plan
from ..stats.targets import targets_svg
from .models import ConsolidatedReport, ReportPeriod, UnitReport
from .rollup import milestone_for, milestone_text, target_measure, total

UNIT_REPORT_TEMPLATE = "pdf/unit_report.html"
CONSOLIDATED_TEMPLATE = "pdf/consolidated_report.html"
CONSOLIDATED_RECIPIENTS = ["Như trên", "Lưu: VT, PC04"]
# The register and the dispatch name the addressee itself, so UBND tỉnh receives it in the intranet.
CONSOLIDATED_REGISTER_RECIPIENTS = ["Ủy ban nhân dân tỉnh", "Lưu: VT, PC04"]
UNIT_RECIPIENTS = ["Như trên", "Lưu: VT"]


def _plan_phrase(plan: Plan) -> str:
    kind = (plan.doc_type or "Kế hoạch").strip().capitalize()
    return f"{kind} số {plan.reference}" if plan.number else kind


def period_phrase(period: ReportPeriod) -> str:
    """'năm 2025', '6 tháng đầu năm 2025', 'giai đoạn 2024 - 2026' for titles."""
    plan = period.plan
    first = plan.period_start or (plan.issued_on.year if plan.issued_on else period.year)
    if period.kind == "half_year":
        return f"6 tháng đầu năm {period.year}"
    if period.kind in ("midterm", "final"):
        return f"giai đoạn {first} - {period.year}"
    if period.kind == "ad_hoc" and period.title:
        return f"năm {period.year} ({period.title})"
    return f"năm {period.year}"


def unit_title(period: ReportPeriod) -> str:
    """'Kết quả thực hiện Kế hoạch số 112/KH-UBND năm 2025'."""
    lead = {"midterm": "Sơ kết", "final": "Tổng kết"}.get(period.kind, "Kết quả")
    return f"{lead} thực hiện {_plan_phrase(period.plan)} {period_phrase(period)}"


def consolidated_title(period: ReportPeriod) -> str:
    """'Tổng hợp kết quả thực hiện Kế hoạch số 112/KH-UBND năm 2025'."""
    return f"Tổng hợp {unit_title(period)[0].lower()}{unit_title(period)[1:]}"


def _province(plan: Plan) -> str:
    return (plan.place or "").strip()


def issuer_block(unit, plan: Plan) -> dict:
    """Ô 2: the unit under its parent ('UBND TỈNH QUẢNG NINH' / 'SỞ GIÁO DỤC VÀ ĐÀO TẠO')."""
    province = _province(plan).upper()
    if unit.is_standing_agency:
        return {"parent": "BỘ CÔNG AN", "lines": [f"CÔNG AN TỈNH {province}".strip()]}
    return {"parent": f"UBND TỈNH {province}".strip(), "lines": [unit.name.upper()]}


def signer_lines(post: str | None) -> list[str]:
    """'Phó Giám đốc Sở' -> ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'] (ô 7a, 7b)."""
    words = (post or "").split()
    if len(words) >= 3 and words[0].lower() == "phó":
        head = " ".join(words[1:3]).upper()
        return [f"KT. {head}", f"PHÓ {head}"]
    return [" ".join(words[:2]).upper() or "THỦ TRƯỞNG ĐƠN VỊ"]


def short_text(text: str, limit: int = 220) -> str:
    """The first sentence of a task, cut at a word under `limit` characters."""
    text = " ".join((text or "").split())
    sentence = re.split(r"(?<=[.;:])\s", text, maxsplit=1)[0]
    if len(sentence) <= limit:
        return sentence.rstrip(".;:")
    return sentence[:limit].rsplit(" ", 1)[0] + "…"


def _paragraphs(text: str | None) -> list[dict]:
    blocks = []
    for line in (text or "").splitlines():
        line = line.strip()
        if line.startswith("- ") or line.startswith("+ "):
            blocks.append({"type": "bullet" if line[0] == "-" else "subbullet", "text": line[2:]})
        elif line:
            blocks.append({"type": "paragraph", "text": line})
    return blocks


def _narrative_sections(pairs) -> list[dict]:
    sections, number = [], 2
    for heading, parts in pairs:
        blocks = []
        for subheading, text in parts:
            body = _paragraphs(text)
            if body and subheading:
                blocks.append({"type": "heading", "text": subheading})
            blocks.extend(body)
        if blocks:
            sections.append({"heading": f"{_ROMAN[number]}. {heading}", "blocks": blocks})
            number += 1
    return sections


_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV", 5: "V"}


def unit_report_context(report: UnitReport) -> dict:
    """The context of templates/pdf/unit_report.html for one unit's report."""
    period, plan = report.period, report.period.plan
    blocks = []
    for index, result in enumerate(report.results, start=1):
        blocks.append({"type": "heading", "number": str(index), "text": short_text(result.task.text)})
        blocks.extend(_paragraphs(result.text) or [{"type": "paragraph", "text": "Chưa có nội dung."}])
        status = result.status_label or "Chưa cập nhật"
        files = ", ".join(e.original_name for e in result.evidence)
        blocks.append({"type": "paragraph", "text": f"Tiến độ: {status}." + (
            f" Tài liệu minh chứng: {files}." if files else "")})
    sections = [{"heading": "I. KẾT QUẢ THỰC HIỆN", "blocks": blocks}]
    sections += _narrative_sections([
        ("ĐÁNH GIÁ", [(None, report.assessment)]),
        ("PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI", [(None, report.next_steps)]),
        ("ĐỀ XUẤT, KIẾN NGHỊ", [(None, report.proposals)]),
    ])
    approver = report.approved_by
    return {"doc": {
        "issuer_blocks": [issuer_block(report.unit, plan)],
        "number": None,
        "symbol": f"BC-{report.unit.code.upper()}",
        "place": _province(plan),
        "issued_on": report.submitted_at.date() if report.submitted_at else None,
        "doc_type": "BÁO CÁO",
        "title": unit_title(period),
        "recipients_to": ["Công an tỉnh"],
        "sections": sections,
        "tables": [_unit_target_table(report)],
        "signers": [{"lines": signer_lines(approver.post if approver else None),
                     "name": approver.full_name if approver else ""}],
        "recipients": UNIT_RECIPIENTS,
    }, "qr_png": None, "signature_boxes": None}


def _unit_target_table(report: UnitReport) -> dict:
    year = report.period.year
    rows = []
    for index, figure in enumerate(report.figures, start=1):
        measure = target_measure(m.value for m in figure.target.milestones)
        milestone = milestone_text(milestone_for(figure.target.milestones, year))
        rows.append([index, figure.target.text, total(measure, [figure]).text, milestone or "—"])
    return {"title": f"Biểu 1. Số liệu thực hiện các chỉ tiêu của Kế hoạch (mốc năm {year} là mốc toàn tỉnh)",
            "columns": ["STT", "Chỉ tiêu", "Kết quả", f"Mốc {year}"],
            "rows": rows, "section": 0}


def consolidated_context(period: ReportPeriod, report: ConsolidatedReport | None, rollup: dict, *,
                         number=None, symbol="BC-CAT", issued_on=None, signer=None, qr_png=None,
                         signature_boxes=None) -> dict:
    """The context of templates/pdf/consolidated_report.html."""
    plan = period.plan
    agency_blocks = [{"type": "paragraph", "text": (
        f"Công an tỉnh đã tiếp nhận báo cáo của {len(rollup['accepted_units'])}/{rollup['unit_count']} "
        "đơn vị được giao chủ trì nhiệm vụ; kết quả cụ thể như sau:")}]
    for number_, group in enumerate(rollup["groups"], start=1):
        agency_blocks.append({"type": "heading", "number": str(number_), "text": group["heading"]})
        for task in group["tasks"]:
            agency_blocks.append({"type": "bullet", "text": short_text(task["text"])})
            for res in task["results"]:
                text = " ".join(res["text"].split()) or "Không nêu kết quả"
                agency_blocks.append({"type": "subbullet", "text": f"{res['unit']}: {text} ({res['status']})."})
    agency_blocks.append({"type": "paragraph", "text": "Kết quả các chỉ tiêu toàn tỉnh tại Biểu 1 kèm theo."})
    if rollup["missing"]:
        names = "; ".join(f"{m['unit']} ({m['state'].lower()})" for m in rollup["missing"])
        agency_blocks.append({"type": "paragraph",
                              "text": f"Đơn vị chưa gửi hoặc chưa được tiếp nhận báo cáo: {names}."})
    sections = [{"heading": "I. KẾT QUẢ THỰC HIỆN", "blocks": agency_blocks}]
    r = report
    sections += _narrative_sections([
        ("ĐÁNH GIÁ CHUNG", [(None, r.assessment if r else None),
                            ("Tồn tại, hạn chế", r.shortcomings if r else None)]),
        ("PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI", [(None, r.directions if r else None)]),
        ("KIẾN NGHỊ, ĐỀ XUẤT", [(None, r.proposals if r else None)]),
    ])
    return {"doc": {
        "issuer_blocks": [issuer_block(_agency(), plan)],
        "number": number,
        "symbol": symbol,
        "place": _province(plan),
        "issued_on": issued_on,
        "doc_type": "BÁO CÁO",
        "title": consolidated_title(period),
        "recipients_to": ["Ủy ban nhân dân tỉnh"],
        "sections": sections,
        "tables": _consolidated_tables(rollup),
        "charts": [{"svg": targets_svg(rollup["targets"], f"Kết quả các chỉ tiêu so với mốc năm {rollup['year']}"),
                    "title": f"Biểu đồ. Kết quả các chỉ tiêu toàn tỉnh so với mốc năm {rollup['year']}"}],
        "signers": [{"lines": signer_lines(signer.post if signer else None),
                     "name": signer.full_name if signer else ""}],
        "recipients": CONSOLIDATED_RECIPIENTS,
    }, "qr_png": qr_png, "signature_boxes": signature_boxes,
        "appendix_title": "BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN"}


def _agency():
    from ..units.services import standing_agency

    return standing_agency()


def _consolidated_tables(rollup: dict) -> list[dict]:
    year = rollup["year"]
    targets = {"title": f"Biểu 1. Kết quả các chỉ tiêu toàn tỉnh so với mốc năm {year}",
               "columns": ["STT", "Chỉ tiêu", "Kết quả", f"Mốc {year}", "Đánh giá"],
               "rows": [[t["position"], t["text"], t["result"], t["milestone"] or "—", t["verdict"]]
                        for t in rollup["targets"]]}
    units = {"title": "Biểu 2. Tình hình gửi báo cáo của các đơn vị",
             "columns": ["STT", "Đơn vị", "Tình trạng báo cáo"],
             "rows": [[i, name, "Đã tiếp nhận"] for i, name in enumerate(rollup["accepted_units"], start=1)]}
    offset = len(units["rows"])
    units["rows"] += [[offset + i, m["unit"], f"{m['state']} ({m['deadline'].lower()})"]
                      for i, m in enumerate(rollup["missing"], start=1)]
    return [targets, units]


def render_unit_report_pdf(report: UnitReport) -> bytes:
    """The unit's report as its official PDF (unsigned)."""
    from ..documents.pdf import render_pdf

    return render_pdf(UNIT_REPORT_TEMPLATE, unit_report_context(report))


def render_consolidated_preview(period: ReportPeriod, report: ConsolidatedReport | None, rollup: dict) -> bytes:
    """The consolidated report before signing: no number, no date."""
    from ..documents.pdf import render_pdf

    return render_pdf(CONSOLIDATED_TEMPLATE, consolidated_context(period, report, rollup))


def render_for_signing(doc, qr_url: str | None):
    """Renderer the documents package calls when signing: (PDF bytes, signature boxes)."""
    from ..documents.layout import qr_data_uri
    from ..documents.pdf import render_pdf_with_boxes
    from .consolidated import rollup_of

    report = db.session.get(ConsolidatedReport, doc.source_id)
    period = report.period
    context = consolidated_context(
        period, report, rollup_of(period, report), number=f"{doc.number:02d}", symbol=doc.symbol,
        issued_on=doc.issued_on, signer=doc.signer, qr_png=qr_data_uri(qr_url) if qr_url else None)
    return render_pdf_with_boxes(CONSOLIDATED_TEMPLATE, context)
