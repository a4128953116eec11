"""Organisational units: the province's departments, agencies and communes."""
from __future__ import annotations

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db

UNIT_KINDS = {
    "standing_agency": "Cơ quan thường trực",
    "people_committee": "Ủy ban nhân dân",
    "department": "Sở, ban, ngành",
    "agency": "Cơ quan, đơn vị",
    "mass_organisation": "Tổ chức chính trị - xã hội",
    "judicial": "Cơ quan tư pháp",
    "commune": "Xã, phường",
    "collective": "Nhóm đơn vị",
    "external": "Cơ quan ngoài tỉnh",
}


class OrgUnit(db.Model):
    """A unit (sở, ban, ngành, UBND xã...) that is assigned tasks and reports on them."""

    __tablename__ = "org_unit"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(255))
    short_name: Mapped[str | None] = mapped_column(String(80))
    kind: Mapped[str] = mapped_column(String(30), default="department")
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("org_unit.id"))
    successor_id: Mapped[int | None] = mapped_column(ForeignKey("org_unit.id"))
    province: Mapped[str | None] = mapped_column(String(80))
    aliases: Mapped[str | None] = mapped_column(String(1000))
    # Bodies outside the province's authority (VKS, TAND, MTTQ) are "requested", not assigned.
    is_external: Mapped[bool] = mapped_column(default=False)
    is_active: Mapped[bool] = mapped_column(default=True)

    parent: Mapped[OrgUnit | None] = relationship(remote_side=[id], foreign_keys=[parent_id])
    successor: Mapped[OrgUnit | None] = relationship(remote_side=[id], foreign_keys=[successor_id])

    @property
    def is_standing_agency(self) -> bool:
        """Tell whether this unit is the standing agency (Công an tỉnh)."""
        return self.kind == "standing_agency"

    @property
    def kind_label(self) -> str:
        """Vietnamese label of the unit kind."""
        return UNIT_KINDS.get(self.kind, self.kind)

    @property
    def alias_list(self) -> list[str]:
        """Other names this unit is known by (old names before a merger, abbreviations)."""
        return [a.strip() for a in (self.aliases or "").split("|") if a.strip()]

    def __repr__(self) -> str:
        return f"<OrgUnit {self.code}>"
