"""Official documents: the outgoing register, its per-body number counters, and dispatch."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, ForeignKey, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, deferred, mapped_column, relationship

from workflows import DOCUMENT

from ..extensions import db
from ..formatting import utcnow

KINDS = {
    "plan": "Kế hoạch",
    "unit_report": "Báo cáo của đơn vị",
    "consolidated_report": "Báo cáo tổng hợp",
}


class OutgoingDocument(db.Model):
    """A document issued by a body: a row of its outgoing register (sổ văn bản đi) once signed.

    The number is unique per issuing body and year (Nghị định 30, Điều 15); the database
    enforces it. The signed PDF is stored once, with its SHA-256, and served as stored.
    """

    __tablename__ = "outgoing_document"
    __table_args__ = (
        UniqueConstraint("issuing_unit_id", "year", "number", name="uq_outgoing_document_number"),
        UniqueConstraint("kind", "source_id", name="uq_outgoing_document_source"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(30))
    # The plan for every kind; the plan itself, or the report, is the source.
    plan_id: Mapped[int | None] = mapped_column(ForeignKey("plan.id"), index=True)
    source_id: Mapped[int]
    issuing_unit_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id"))
    doc_type: Mapped[str] = mapped_column(String(60))
    symbol: Mapped[str] = mapped_column(String(60))
    title: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(20), default=DOCUMENT.initial, index=True)
    version: Mapped[int] = mapped_column(default=1)

    # Register columns 1, 2 and 4 (Phụ lục IV): set when signed.
    number: Mapped[int | None]
    year: Mapped[int | None]
    number_text: Mapped[str | None] = mapped_column(String(80), index=True)
    issued_on: Mapped[date | None]
    paper_number: Mapped[bool] = mapped_column(default=False)
    signed_at: Mapped[datetime | None]
    signer_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    signer_name: Mapped[str | None] = mapped_column(String(120))
    signer_post: Mapped[str | None] = mapped_column(String(120))

    # The signed file, immutable once written.
    sha256: Mapped[str | None] = mapped_column(String(64), unique=True)
    pdf_size: Mapped[int | None]
    pdf_data: Mapped[bytes | None] = deferred(mapped_column(LargeBinary))

    # Register columns 5–10: recipients as printed, lines outside the intranet included.
    recipients: Mapped[list] = mapped_column(JSON, default=list)
    archive_holder: Mapped[str | None] = mapped_column(String(255))
    copies: Mapped[int | None]
    dispatched_at: Mapped[datetime | None]
    dispatched_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    note: Mapped[str | None] = mapped_column(Text)

    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))

    issuing_unit = relationship("OrgUnit", lazy="joined")
    plan = relationship("Plan")
    signer = relationship("User", foreign_keys=[signer_id])
    dispatches: Mapped[list[Dispatch]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="Dispatch.id")

    __mapper_args__ = {"version_id_col": version}

    @property
    def state_def(self):
        """The workflow state, with its label and colour."""
        return DOCUMENT.state(self.state)

    @property
    def kind_label(self) -> str:
        """Vietnamese name of the kind."""
        return KINDS.get(self.kind, self.kind)

    @property
    def is_signed(self) -> bool:
        """Tell whether the signed file is stored."""
        return self.sha256 is not None

    @property
    def reference(self) -> str:
        """'05/KH-CAT' once numbered, else the symbol with a blank number."""
        return self.number_text or f"…/{self.symbol}"


class RegisterCounter(db.Model):
    """The last number a body gave in a year: one row per (body, year), bumped atomically."""

    __tablename__ = "register_counter"

    issuing_unit_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id"), primary_key=True)
    year: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    last_number: Mapped[int] = mapped_column(default=0)


class Dispatch(db.Model):
    """One copy of an issued document sent to a unit inside the intranet (its văn bản đến)."""

    __tablename__ = "dispatch"
    __table_args__ = (UniqueConstraint("document_id", "unit_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("outgoing_document.id", ondelete="CASCADE"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id"), index=True)
    sent_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    opened_at: Mapped[datetime | None]
    opened_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))

    document: Mapped[OutgoingDocument] = relationship(back_populates="dispatches")
    unit = relationship("OrgUnit", lazy="joined")
    opened_by = relationship("User", foreign_keys=[opened_by_id])

    @property
    def is_opened(self) -> bool:
        """Tell whether someone of the unit has opened it."""
        return self.opened_at is not None


class StampImage(db.Model):
    """A signer's signature image (blue) or a unit's seal image (red), shown in signed stamps.

    Nghị định 30, Phụ lục I, ô 7c and 8: transparent PNGs; the seal at its real diameter.
    """

    __tablename__ = "stamp_image"
    __table_args__ = (
        UniqueConstraint("kind", "user_id", name="uq_stamp_image_user"),
        UniqueConstraint("kind", "unit_id", name="uq_stamp_image_unit"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))  # "signature" (user_id) or "seal" (unit_id)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("org_unit.id", ondelete="CASCADE"), index=True)
    data: Mapped[bytes] = deferred(mapped_column(LargeBinary, nullable=False))
    sha256: Mapped[str] = mapped_column(String(64))
    width_px: Mapped[int]
    height_px: Mapped[int]
    size_mm: Mapped[float | None]  # the seal's real diameter
    uploaded_at: Mapped[datetime] = mapped_column(default=utcnow)
    uploaded_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))

    user = relationship("User", foreign_keys=[user_id])
    unit = relationship("OrgUnit")
    uploaded_by = relationship("User", foreign_keys=[uploaded_by_id])
