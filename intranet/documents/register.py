"""The outgoing register (sổ văn bản đi): numbers per issuing body and year, and its ten columns.

Numbers come from one counter row per (body, year), moved by a single UPDATE ... RETURNING.
That statement takes the row's write lock on PostgreSQL (a second signer waits until the
first commits, then reads the new value under READ COMMITTED) and the database write lock
on SQLite, so two signers never read the same value; a rollback gives the number back, so
the series stays gapless. The unique constraint on (body, year, number) is the last word.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import case, update
from sqlalchemy.orm import selectinload

from ..extensions import db
from ..formatting import vn_date
from ..units.models import OrgUnit
from .models import OutgoingDocument, RegisterCounter
from .plan_document import fold

COLUMNS = (
    "Số, ký hiệu văn bản",
    "Ngày tháng văn bản",
    "Tên loại và trích yếu nội dung",
    "Người ký",
    "Nơi nhận văn bản",
    "Đơn vị, người nhận bản lưu",
    "Số lượng bản",
    "Ngày chuyển",
    "Ký nhận",
    "Ghi chú",
)


def format_number(number: int, symbol: str) -> str:
    """'05/KH-CAT': numbers below 10 get a leading zero (Nghị định 30, Phụ lục I)."""
    return f"{number:02d}/{symbol}" if symbol else f"{number:02d}"


def _insert_counter_if_missing(unit_id: int, year: int) -> None:
    """Create the (body, year) counter at 0 unless it exists; concurrent creators do not clash."""
    if db.session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    db.session.execute(insert(RegisterCounter).values(
        issuing_unit_id=unit_id, year=year, last_number=0).on_conflict_do_nothing())


def next_number(unit_id: int, year: int) -> int:
    """Take the body's next number for `year`; the counter stays locked until the commit."""
    _insert_counter_if_missing(unit_id, year)
    return db.session.execute(
        update(RegisterCounter)
        .where(RegisterCounter.issuing_unit_id == unit_id, RegisterCounter.year == year)
        .values(last_number=RegisterCounter.last_number + 1)
        .returning(RegisterCounter.last_number)
        .execution_options(synchronize_session=False)).scalar_one()


def claim_number(unit_id: int, year: int, number: int) -> None:
    """Record a number given on paper, so the series continues after it and never repeats it."""
    _insert_counter_if_missing(unit_id, year)
    db.session.execute(
        update(RegisterCounter)
        .where(RegisterCounter.issuing_unit_id == unit_id, RegisterCounter.year == year)
        .values(last_number=case((RegisterCounter.last_number < number, number),
                                 else_=RegisterCounter.last_number))
        .execution_options(synchronize_session=False))


def split_recipients(lines) -> tuple[list[str], str | None]:
    """Separate the 'Lưu: VT, ...' line (register column 6) from the recipients (column 5)."""
    recipients, archive = [], None
    for line in lines or []:
        text = " ".join(str(line).split()).lstrip("-").strip().rstrip(";.").strip()
        if not text:
            continue
        if text.casefold().startswith("lưu"):
            archive = text
        else:
            recipients.append(text)
    return recipients, archive


@dataclass(frozen=True)
class RegisterRow:
    """One line of the register, in the order of Phụ lục IV's ten columns."""

    document: OutgoingDocument
    number_text: str
    doc_date: str
    type_and_summary: str
    signer: str
    recipients: list[str]
    archive: str
    copies: str
    dispatched_on: str
    receipt: str
    note: str

    @property
    def cells(self) -> list:
        """The ten cells, recipients as one '; '-joined text."""
        return [self.number_text, self.doc_date, self.type_and_summary, self.signer,
                "; ".join(self.recipients), self.archive, self.copies, self.dispatched_on,
                self.receipt, self.note]


def register_row(doc: OutgoingDocument) -> RegisterRow:
    """The register line of a numbered document."""
    opened = sum(1 for d in doc.dispatches if d.opened_at)
    printed = list(doc.recipients or [])
    named = {fold(line) for line in printed}
    # Units the intranet sent it to that the printed Nơi nhận does not name (task units).
    recipients = printed + [d.unit.name for d in doc.dispatches if fold(d.unit.name) not in named]
    receipt = f"Điện tử: {opened}/{len(doc.dispatches)} đơn vị đã mở" if doc.dispatches else ""
    doc_type = (doc.doc_type or "").strip().capitalize()
    return RegisterRow(
        document=doc, number_text=doc.number_text or "", doc_date=vn_date(doc.issued_on),
        type_and_summary=f"{doc_type} {doc.title}".strip(), signer=doc.signer_name or "",
        recipients=recipients, archive=doc.archive_holder or "",
        copies=str(doc.copies) if doc.copies else "", dispatched_on=vn_date(doc.dispatched_at),
        receipt=receipt, note=doc.note or "")


def register_rows(year: int, unit_id: int | None = None) -> list[RegisterRow]:
    """The register of one year, by body then number; one body's when `unit_id` is given."""
    query = (db.select(OutgoingDocument)
             .where(OutgoingDocument.number.is_not(None), OutgoingDocument.year == year)
             .options(selectinload(OutgoingDocument.dispatches))
             .order_by(OutgoingDocument.issuing_unit_id, OutgoingDocument.number))
    if unit_id:
        query = query.where(OutgoingDocument.issuing_unit_id == unit_id)
    return [register_row(doc) for doc in db.session.scalars(query)]


def register_years(today: date) -> list[int]:
    """Years that have numbered documents, and the current year, newest first."""
    years = set(db.session.scalars(db.select(OutgoingDocument.year).where(
        OutgoingDocument.year.is_not(None)).distinct()))
    return sorted(years | {today.year}, reverse=True)


def issuing_units() -> list[OrgUnit]:
    """Bodies that have an outgoing document."""
    return db.session.scalars(db.select(OrgUnit).where(OrgUnit.id.in_(
        db.select(OutgoingDocument.issuing_unit_id))).order_by(OrgUnit.name)).all()


def find_by_number(number_text: str) -> list[OutgoingDocument]:
    """Documents registered under this number and symbol (any body, any year)."""
    return db.session.scalars(db.select(OutgoingDocument).where(
        OutgoingDocument.number_text == number_text)).all()


def find_by_sha256(sha256: str) -> OutgoingDocument | None:
    """The document whose stored signed file has this SHA-256."""
    return db.session.scalar(db.select(OutgoingDocument).where(OutgoingDocument.sha256 == sha256))


def print_context(unit: OrgUnit, year: int, rows: list[RegisterRow]) -> dict:
    """The context of templates/pdf/register.html for one body's register of one year."""
    parent = unit.parent.name.upper() if unit.parent else None
    return {
        "year": year, "issuer": unit.name.upper(), "issuer_parent": parent,
        "entries": [{
            "number_symbol": r.number_text, "issued_on": r.doc_date, "summary": r.type_and_summary,
            "signer": r.signer, "recipients": r.recipients, "file_copy": r.archive,
            "copies": r.copies, "dispatched_on": r.dispatched_on, "receipt": r.receipt,
            "note": r.note,
        } for r in rows],
    }
