"""The compiled estimate as an official document: context for templates/pdf/budget.html."""
from __future__ import annotations

from ..auth.models import User, UserRole
from ..documents import layout
from ..documents.pdf import render_pdf
from ..exports.http import PDF, download, file_name
from ..exports.sheets import roman_numeral
from ..extensions import db
from ..units.services import standing_agency
from .words import amount_in_words


def _signer_name(unit_id: int) -> str:
    """The standing agency's signer, printed under the signature block (blank when none)."""
    name = db.session.scalar(
        db.select(User.full_name).join(UserRole, UserRole.user_id == User.id)
        .where(User.unit_id == unit_id, UserRole.role == "signer", User.is_active_account)
        .order_by(User.id).limit(1))
    return name or ""


def budget_document(compiled) -> dict:
    """Everything templates/pdf/budget.html prints for one compiled estimate."""
    plan = compiled.plan
    agency = standing_agency()
    province = (agency.province if agency else None) or (plan.place or "")
    agency_name = f"{agency.name if agency else 'Công an tỉnh'} {province}".strip()
    issuer_of_plan = " và ".join(layout.org_name(n) for n in plan.issuer_names) or "Ủy ban nhân dân tỉnh"
    plan_words = (f"{layout.sentence_case(plan.doc_type)} số {plan.reference}"
                  + (f" {layout.date_words(plan.issued_on)}" if plan.issued_on else "")
                  + f" của {issuer_of_plan}")
    doc = {
        "issuer_blocks": [{"parent": "BỘ CÔNG AN", "lines": [agency_name.upper()]}],
        "number": None, "symbol": "BC-CAT-PC04", "place": province, "issued_on": None,
        "doc_type": "BÁO CÁO",
        "title": f"Tổng hợp dự toán kinh phí năm {compiled.year} thực hiện {plan_words}",
        "recipients_to": ["Sở Tài chính"],
    }
    return {
        "doc": doc,
        "compiled": compiled,
        "plan_words": plan_words,
        "agency_name": agency_name,
        "groups": [(roman_numeral(i), unit) for i, unit in enumerate(compiled.units, start=1)],
        "total_words": amount_in_words(compiled.total),
        "pending_names": [u.unit_name for u in compiled.pending],
        "signers": [{"lines": ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"],
                     "name": _signer_name(agency.id) if agency else ""}],
        "recipient_lines": ["- Như trên;", "- UBND tỉnh (để báo cáo);", "- Lưu: VT, PC04."],
    }


def compiled_pdf_response(compiled):
    """Render the compiled estimate to PDF and send it inline."""
    data = render_pdf("pdf/budget.html", budget_document(compiled))
    name = file_name("du-toan", compiled.year, "tong-hop", compiled.plan.reference) + ".pdf"
    return download(data, name, PDF, inline=True)
