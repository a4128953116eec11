"""Turn a parsed plan into stored rows: match its bodies to units, then create the plan."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import ValidationError
from ..extensions import db
from ..plans.services import create_plan
from ..units.models import OrgUnit
from .matching import UnitRecord, match_unit
from .parser import parse_plan


@dataclass
class Resolution:
    """Unit ids found for each assignment and issuer, and the names left to map by hand."""

    assignment_units: list[list[int | None]] = field(default_factory=list)
    issuer_units: list[int | None] = field(default_factory=list)
    matches: list[list] = field(default_factory=list)

    @property
    def unresolved(self) -> list[str]:
        """Names with no unit yet."""
        return [m.name for row in self.matches for m in row if m.unit_id is None]


def unit_directory() -> list[UnitRecord]:
    """Active units as plain records for the matcher."""
    units = db.session.scalars(db.select(OrgUnit).where(OrgUnit.is_active)).all()
    return [UnitRecord(id=u.id, name=u.name, short_name=u.short_name, aliases=tuple(u.alias_list))
            for u in units]


def resolve(parsed: dict, directory: list[UnitRecord] | None = None) -> Resolution:
    """Match every assignee and issuer name to the directory; never guess."""
    directory = directory if directory is not None else unit_directory()
    result = Resolution()
    for assignment in parsed.get("assignments", []):
        row = [match_unit(name, directory) for name in assignment["units"]]
        result.matches.append(row)
        result.assignment_units.append([m.unit_id for m in row])
    issuer_row = [match_unit(name, directory) for name in parsed.get("issuers", [])]
    result.issuer_units = [m.unit_id for m in issuer_row]
    return result


def import_text(text: str, *, user=None, filename: str | None = None,
                overrides: dict[str, int] | None = None):
    """Parse and save a plan whose every body matches a unit (or is mapped in `overrides`)."""
    parsed = parse_plan(text)
    resolution = resolve(parsed)
    overrides = overrides or {}
    units = []
    for assignment, ids in zip(parsed.get("assignments", []), resolution.assignment_units):
        row = [uid or overrides.get(name) for name, uid in zip(assignment["units"], ids)]
        if None in row:
            missing = [n for n, uid in zip(assignment["units"], row) if uid is None]
            raise ValidationError("Chưa xác định được đơn vị: " + "; ".join(missing) + ".")
        units.append(row)
    issuers = [uid for uid in resolution.issuer_units if uid]
    return create_plan(parsed, units, issuers, user=user, source_text=text, filename=filename)
