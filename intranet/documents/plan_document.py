"""A plan as a printable document: the parsed-plan dict rebuilt from the models, and its PDF."""
from __future__ import annotations

import unicodedata

from ..extensions import db
from ..plans.models import Plan
from ..units.models import OrgUnit
from ..tasks.deadlines import deadline_label
from ..tasks.services import tasks_of_plan
from . import layout, pdf

TEMPLATE = "pdf/plan.html"
_MILESTONE_KEYS = {"Hằng năm": "yearly"}


def plan_dict(plan: Plan) -> dict:
    """The plan in the parsed-plan format (docs/plan-format.md), as stored."""
    return {
        "number": plan.number,
        "symbol": plan.symbol,
        "issuers": plan.issuer_names,
        "issuer_blocks": [{"parent": i.get("parent"), "lines": list(i.get("lines") or [i["name"]])}
                          for i in plan.issuers],
        "place": plan.place,
        "issued_on": plan.issued_on.isoformat() if plan.issued_on else None,
        "doc_type": plan.doc_type,
        "title": plan.title,
        "legal_basis": list(plan.legal_basis or []),
        "intro": list(plan.intro or []),
        "sections": list(plan.sections or []),
        "closing": list(plan.closing or []),
        "targets": [{"text": t.text, "milestones": {
            str(m.year) if m.year else _MILESTONE_KEYS.get(m.label, m.label): m.value
            for m in t.milestones}} for t in plan.targets],
        "deadlines": [_deadline_dict(d) for d in plan.deadlines],
        "signers": list(plan.signers or []),
        "recipients": list(plan.recipients or []),
    }


def _deadline_dict(deadline) -> dict:
    item = {"text": deadline.text}
    if deadline.due_on:
        item["due_on"] = deadline.due_on.isoformat()
    for key in ("rule", "month", "day", "year"):
        if getattr(deadline, key) is not None:
            item[key] = getattr(deadline, key)
    return item


def fold(text: str) -> str:
    """Compare names regardless of case, spacing and old/new tone placement (hoà/hòa, uỷ/ủy)."""
    text = " ".join(unicodedata.normalize("NFC", text or "").casefold().split())
    for old, new in (("oà", "òa"), ("oá", "óa"), ("oả", "ỏa"), ("uỷ", "ủy"), ("uý", "úy")):
        text = text.replace(old, new)
    return text.rstrip(";.").strip()


def _unit_names(plan: Plan, unit_id: int) -> list[str]:
    unit = db.session.get(OrgUnit, unit_id)
    names = [unit.name, unit.short_name or "", *unit.alias_list] if unit else []
    for issuer in plan.issuers:
        if issuer.get("unit_id") == unit_id:
            names += [issuer.get("name") or "", " ".join(issuer.get("lines") or [])]
    return [fold(n) for n in names if len(n) > 6]


def signer_block_index(plan: Plan, user) -> int:
    """Which signature block of the plan is `user`'s: by name, by the body a block names, or by
    elimination of the blocks naming the other issuers; else the position of the user's body."""
    blocks = [fold(" ".join(s.get("lines") or [])) for s in plan.signers or []]
    for index, signer in enumerate(plan.signers or []):
        if fold(signer.get("name")) == fold(user.full_name):
            return index
    issuer_ids = [i.get("unit_id") for i in plan.issuers]

    def names_body(index: int, unit_id: int) -> bool:
        return any(name in blocks[index] for name in _unit_names(plan, unit_id))

    own = [i for i in range(len(blocks)) if names_body(i, user.unit_id)]
    others = [i for i in range(len(blocks))
              if not any(names_body(i, u) for u in issuer_ids if u and u != user.unit_id)]
    if own or len(others) == 1:
        return (own or others)[0]
    return issuer_ids.index(user.unit_id) if user.unit_id in issuer_ids else 0


def appendix_rows(plan: Plan) -> list[dict]:
    """The task table of the Phụ lục: STT, nhiệm vụ, chủ trì, phối hợp, thời hạn."""
    rows = []
    for stt, task in enumerate(tasks_of_plan(plan.id), start=1):
        leads = [u.unit.name for u in task.units if u.role in ("lead", "requested")]
        coordinating = [u.unit.name for u in task.units if u.role == "coordinating"]
        rows.append({"stt": stt, "text": task.text, "lead": "; ".join(leads),
                     "coordinating": "; ".join(coordinating), "deadline": deadline_label(task)})
    return rows


def plan_document(plan: Plan, **overrides) -> dict:
    """The print context of plan.html; `overrides` (number, symbol, issued_on) replace plan keys."""
    doc = plan_dict(plan)
    doc.update({key: value for key, value in overrides.items() if value is not None})
    return {"plan": doc, "appendix_rows": appendix_rows(plan), "qr_png": None}


def render_plan_html(plan: Plan, stylesheet_href: str) -> str:
    """The plan as a standalone printable HTML page, styled like the PDF."""
    return pdf.render_html(TEMPLATE, {**plan_document(plan), "stylesheet_href": stylesheet_href})


def render_plan_pdf(plan: Plan, *, qr_url: str | None = None, with_boxes: bool = False, **overrides):
    """Render the plan to PDF (a small QR code on page 1 when `qr_url` is given).

    With `with_boxes`, return (bytes, signature boxes) for the signer.
    """
    context = plan_document(plan, **overrides)
    if qr_url:
        context["qr_png"] = layout.qr_data_uri(qr_url)
    # The font comes from the app's TNR_FONT setting, as for every printed document.
    if with_boxes:
        return pdf.render_pdf_with_boxes(TEMPLATE, context)
    return pdf.render_pdf(TEMPLATE, context)
