"""Turn a parsed plan into stored rows: read the source, match its bodies to units, save it."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from flask import current_app
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from ..errors import ValidationError
from ..extensions import db
from ..plans.models import Plan
from ..plans.services import create_plan, duplicate_message, plan_exists
from ..units.models import UNIT_KINDS, OrgUnit
from ..units.services import standing_agency
from .docx_reader import MAX_BYTES as IMPORT_MAX_BYTES
from .docx_reader import ImportFileError, read_plan_bytes, read_plan_file
from .matching import Match, UnitRecord, match_unit
from .parser import parse_plan
from .text import fold, normalize, strip_diacritics

# The previewed text travels in a signed hidden field; a preview older than this is refused.
DRAFT_MAX_AGE = 24 * 3600
DRAFT_SALT = "imports.draft"
MATCH_LABELS = {"exact": "Khớp đúng tên", "folded": "Khớp (khác cách viết)",
                "abbreviation": "Khớp tên viết tắt"}
_KIND_GUESSES = (("ủy ban nhân dân", "people_committee"), ("ubnd", "people_committee"),
                 ("viện kiểm sát", "judicial"), ("tòa án", "judicial"),
                 ("sở ", "department"), ("ban ", "department"), ("đoàn", "mass_organisation"),
                 ("hội ", "mass_organisation"), ("mặt trận", "mass_organisation"))


@dataclass
class Source:
    """What the person sent: an uploaded file's bytes, or pasted text."""

    filename: str | None = None
    data: bytes | None = None
    pasted: str = ""


@dataclass
class HeaderEdits:
    """Header fields as corrected by the person, raw from the form."""

    number: str = ""
    symbol: str = ""
    issued_on: str = ""
    title: str = ""


@dataclass
class NewUnit:
    """A unit the person creates for a name missing from the directory."""

    name: str
    kind: str


@dataclass
class Assignee:
    """One body named in an assignment, with its match; only a name's first mention gets a choice."""

    name: str
    match: Match
    first: bool = True

    @property
    def key(self) -> str:
        """A stable form key for the name, the same wherever and whenever it appears."""
        return name_key(self.name)

    @property
    def match_label(self) -> str:
        """How a sure match was found, in Vietnamese."""
        return MATCH_LABELS.get(self.match.kind, "Đã khớp")

    @property
    def new_unit_name(self) -> str:
        """The name a new unit most likely needs: the 2025 successor missing from the directory
        when the name is an old one (a new "Sở Giao thông vận tải" would be a body that ended)."""
        missing = [s.name for s in self.match.suggestions if s.unit_id is None]
        return missing[0] if missing else self.name

    @property
    def kind_guess(self) -> str:
        """The unit kind a new unit of this name most likely has."""
        return guess_kind(self.new_unit_name)


@dataclass
class Resolution:
    """Each assignment's bodies with their matches, and the issuers' matches."""

    assignees: list[list[Assignee]] = field(default_factory=list)
    issuers: list[Match] = field(default_factory=list)

    @property
    def assignment_units(self) -> list[list[int | None]]:
        """Unit ids of sure matches, None where a person must choose."""
        return [[a.match.unit_id for a in row] for row in self.assignees]

    @property
    def issuer_units(self) -> list[int]:
        """Unit ids of the issuers that match for sure."""
        return [m.unit_id for m in self.issuers if m.unit_id]

    @property
    def unresolved(self) -> list[Assignee]:
        """First mentions of the names with no unit yet."""
        return [a for row in self.assignees for a in row if a.first and a.match.unit_id is None]


@dataclass
class Preview:
    """A parsed plan ready to be checked: matches, the duplicate warning, the signed draft."""

    parsed: dict
    resolution: Resolution
    draft: str
    filename: str | None
    duplicate: str | None  # the warning when the plan is stored already
    units: list[OrgUnit]

    @property
    def task_count(self) -> int:
        """Tasks the plan would create."""
        groups = self.parsed.get("assignments", []) + self.parsed.get("activities", [])
        return sum(len(g.get("tasks", [])) for g in groups)


def guess_kind(name: str) -> str:
    """The unit kind a body of this name most likely has ("Công an các huyện" is a group)."""
    folded = fold(name) + " "
    if folded.startswith("các ") or " các " in folded:
        return "collective"
    return next((kind for start, kind in _KIND_GUESSES if folded.startswith(start)), "agency")


def name_key(name: str) -> str:
    """Form key of an assignee name: a short hash of its folded form."""
    return hashlib.sha1(fold(name).encode()).hexdigest()[:12]


def unit_directory() -> list[UnitRecord]:
    """Active units as plain records for the matcher."""
    units = db.session.scalars(db.select(OrgUnit).where(OrgUnit.is_active)).all()
    return [UnitRecord(id=u.id, name=u.name, short_name=u.short_name, aliases=tuple(u.alias_list))
            for u in units]


def resolve(parsed: dict, directory: list[UnitRecord] | None = None) -> Resolution:
    """Match every assignee and issuer name to the directory; never guess."""
    directory = directory if directory is not None else unit_directory()
    result, seen = Resolution(), set()
    for assignment in parsed.get("assignments", []):
        context = " ".join(t["text"] for t in assignment.get("tasks", []))
        row = [Assignee(name, match_unit(name, directory, context), name_key(name) not in seen)
               for name in assignment["units"]]
        seen.update(a.key for a in row)
        result.assignees.append(row)
    result.issuers = [match_unit(name, directory) for name in parsed.get("issuers", [])]
    return result


def import_text(text: str, *, user=None, filename: str | None = None,
                overrides: dict[str, int] | None = None) -> Plan:
    """Parse and save a plan whose every body matches a unit (or is mapped in `overrides`)."""
    parsed = parse_plan(text)
    resolution = resolve(parsed)
    units = assignment_unit_ids(parsed, resolution, overrides or {})
    return create_plan(parsed, units, resolution.issuer_units, user=user, source_text=text,
                       filename=filename)


def assignment_unit_ids(parsed: dict, resolution: Resolution,
                        mapping: dict[str, int]) -> list[list[int]]:
    """Unit ids of every assignment: the sure match, else the name's mapping; refuse gaps."""
    units, missing = [], []
    for assignment, ids in zip(parsed.get("assignments", []), resolution.assignment_units):
        row = [uid or mapping.get(name) for name, uid in zip(assignment["units"], ids)]
        missing += [name for name, uid in zip(assignment["units"], row) if uid is None]
        units.append(row)
    if missing:
        raise ValidationError("Chưa xác định được đơn vị cho: "
                              + "; ".join(dict.fromkeys(missing)) + ".")
    return units


def read_source(source: Source) -> str:
    """The normalised text of an upload or a paste; a clear Vietnamese refusal otherwise."""
    if source.data is None:
        if len(source.pasted.encode("utf-8")) > IMPORT_MAX_BYTES:
            raise ValidationError("Nội dung dán vào quá lớn (tối đa 5 MB).")
        return _normalized(source.pasted, "Chưa chọn tệp hoặc dán nội dung kế hoạch.")
    try:
        text = read_plan_bytes(source.data, source.filename or "")
    except ImportFileError as exc:
        raise ValidationError(str(exc)) from exc
    return _normalized(text, "Tệp rỗng, không có nội dung.")


def read_path(path: Path) -> str:
    """The normalised text of a plan file on disk, with the same checks as an upload."""
    if path.is_dir():
        raise ValidationError(f"“{path}” là thư mục, không phải tệp kế hoạch.")
    if not path.exists():
        raise ValidationError(f"Không tìm thấy tệp “{path}”.")
    try:
        text = read_plan_file(path)
    except ImportFileError as exc:
        raise ValidationError(str(exc)) from exc
    return _normalized(text, "Tệp rỗng, không có nội dung.")


def _normalized(text: str, empty_message: str) -> str:
    text = normalize(text)
    if not text.strip():
        raise ValidationError(empty_message)
    return text


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=DRAFT_SALT)


def sign_draft(text: str, filename: str | None, user_id: int) -> str:
    """Sign the previewed text so the confirm step can trust it without storing a draft."""
    return _serializer().dumps({"text": text, "filename": filename, "user": user_id})


def open_draft(token: str, user_id: int) -> tuple[str, str | None]:
    """The text and filename of a signed draft made for this user; refuse anything else."""
    try:
        payload = _serializer().loads(token or "", max_age=DRAFT_MAX_AGE)
    except SignatureExpired as exc:
        raise ValidationError("Bản xem trước đã quá hạn. Vui lòng tải văn bản lên lại.") from exc
    except BadSignature as exc:
        raise ValidationError("Dữ liệu xem trước không hợp lệ hoặc đã bị thay đổi. "
                              "Vui lòng tải văn bản lên lại.") from exc
    if payload.get("user") != user_id:
        raise ValidationError("Bản xem trước này không phải của bạn. Vui lòng tải văn bản lên lại.")
    return payload["text"], payload.get("filename")


def preview_import(source: Source, user) -> Preview:
    """Read and parse an upload, match its bodies, and sign its text for the confirm step."""
    text = read_source(source)
    parsed = parse_plan(text)
    if not parsed.get("title") and not parsed.get("sections"):
        raise ValidationError("Không nhận ra nội dung kế hoạch trong văn bản "
                              "(không thấy tên kế hoạch và các phần I, II, III…).")
    units = db.session.scalars(db.select(OrgUnit).where(OrgUnit.is_active)
                               .order_by(OrgUnit.name)).all()
    return Preview(parsed=parsed, resolution=resolve(parsed),
                   draft=sign_draft(text, source.filename, user.id), filename=source.filename,
                   duplicate=_duplicate(parsed),
                   units=units)


def _duplicate(parsed: dict) -> str | None:
    if plan_exists(parsed.get("number"), parsed.get("symbol"), parsed.get("issued_on"),
                   parsed.get("title")):
        return duplicate_message(parsed)
    return None


def confirm_import(token: str, header: HeaderEdits, choices: dict, user) -> Plan:
    """Re-parse the signed text, apply the person's fixes and unit choices, and save the plan."""
    text, filename = open_draft(token, user.id)
    parsed = apply_header(parse_plan(text), header)
    return save_import(text, parsed, choices, user=user, filename=filename)


def save_import(text: str, parsed: dict, choices: dict, *, user=None,
                filename: str | None = None) -> Plan:
    """Save a parsed plan once every flagged name has a unit chosen (by key); refuse gaps."""
    resolution = resolve(parsed)
    wanted = {a.key: a.name for a in resolution.unresolved}
    _check_choices(wanted, choices)
    mapping = {name: _chosen_unit(choices[key]) for key, name in wanted.items()}
    units = assignment_unit_ids(parsed, resolution, mapping)
    return create_plan(parsed, units, resolution.issuer_units, user=user, source_text=text,
                       filename=filename)


def apply_header(parsed: dict, header: HeaderEdits) -> dict:
    """The parsed plan with the person's number, symbol, issue date and title."""
    title = " ".join(header.title.split())
    if not title:
        raise ValidationError("Chưa nhập trích yếu (tên kế hoạch).")
    issued = header.issued_on.strip()
    if issued and _iso_date(issued) is None:
        raise ValidationError("Ngày ban hành không hợp lệ.")
    number = header.number.strip().removeprefix("Số:").strip()
    symbol = header.symbol.strip().lstrip("/")
    if len(number) > 20 or " " in number or "/" in number:
        raise ValidationError("Số văn bản không hợp lệ (chỉ ghi phần số, ví dụ: 112).")
    if len(symbol) > 60 or " " in symbol:
        raise ValidationError("Ký hiệu văn bản không hợp lệ (ví dụ: KH-UBND).")
    return {**parsed, "number": number or None, "symbol": symbol or None,
            "issued_on": issued or None, "title": title}


def _check_choices(wanted: dict[str, str], choices: dict) -> None:
    missing = [name for key, name in wanted.items() if choices.get(key) is None]
    if missing:
        raise ValidationError("Chưa chọn đơn vị cho: " + "; ".join(missing)
                              + ". Hãy chọn đơn vị có sẵn hoặc tạo đơn vị mới.")


def _chosen_unit(choice: int | NewUnit) -> int:
    if isinstance(choice, NewUnit):
        return create_unit(choice.name, choice.kind).id
    unit = db.session.get(OrgUnit, choice)
    if unit is None or not unit.is_active:
        raise ValidationError("Đơn vị đã chọn không còn trong danh mục. Vui lòng chọn lại.")
    return unit.id


def create_unit(name: str, kind: str) -> OrgUnit:
    """Add a unit to the directory; its name must be new."""
    name = " ".join(name.split())
    if not name:
        raise ValidationError("Chưa nhập tên đơn vị mới.")
    if kind not in UNIT_KINDS:
        raise ValidationError(f"Loại đơn vị không hợp lệ cho “{name}”.")
    folded = fold(name)
    existing = db.session.scalars(db.select(OrgUnit.name)).all()
    if any(fold(n) == folded for n in existing):
        raise ValidationError(f"Đơn vị “{name}” đã có trong danh mục; hãy chọn đơn vị đó "
                              "trong danh sách thay vì tạo mới.")
    agency = standing_agency()
    unit = OrgUnit(code=_new_code(name), name=name, kind=kind,
                   is_external=kind in ("judicial", "external"),
                   province=agency.province if agency else None)
    db.session.add(unit)
    db.session.flush()
    return unit


def _new_code(name: str) -> str:
    """A unique code from the name's initials: "Sở Kế hoạch và Đầu tư" → "skhvdt"."""
    initials = "".join(w[0] for w in strip_diacritics(name).lower().split() if w[0].isalnum())
    base = (initials or "donvi")[:30]
    taken = set(db.session.scalars(db.select(OrgUnit.code).where(OrgUnit.code.like(f"{base}%"))))
    code, n = base, 1
    while code in taken:
        n += 1
        code = f"{base}-{n}"
    return code


def _iso_date(value) -> date | None:
    if not value:
        return None
    try:
        return value if isinstance(value, date) else date.fromisoformat(value)
    except ValueError:
        return None
