"""`flask --app wsgi import-plan PATH [--dry-run] [--json] [--map OLD=UNIT] [--create-units]`."""
from __future__ import annotations

import json
from pathlib import Path

import click
from flask.cli import with_appcontext

from ..errors import ValidationError
from ..extensions import db
from ..plans.services import task_counts
from ..units.models import OrgUnit
from . import services
from .matching import match_unit
from .parser import parse_plan

HELP = """Nhập kế hoạch từ tệp PATH (.txt mã UTF-8 hoặc .docx, tối đa 5 MB).

\b
--dry-run: chỉ đọc và in kết quả (với --json: một đối tượng JSON), không lưu gì.
Không có --dry-run: lưu kế hoạch, chỉ tiêu và nhiệm vụ trong một giao dịch, như trang
"Nhập kế hoạch". Tên đơn vị nào chưa khớp chắc chắn với danh mục thì KHÔNG đoán: lệnh
dừng (mã thoát 1), liệt kê các tên đó cùng gợi ý theo sắp xếp năm 2025 và không lưu gì.
Khi đó chỉ định đơn vị bằng --map "Tên trong văn bản=Đơn vị trong danh mục" (lặp lại
được), hoặc thêm --create-units để tạo đơn vị mới cho tên không có gợi ý nào (tên cũ đã
sáp nhập năm 2025 vẫn phải chỉ định bằng --map).

\b
Tệp không đọc được, rỗng, nhị phân hoặc quá 5 MB: báo lỗi, mã thoát 1, không lưu gì.
"""


@click.command("import-plan", help=HELP)
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--dry-run", is_flag=True, help="Chỉ đọc và in kết quả, không lưu gì.")
@click.option("--json", "as_json", is_flag=True, help="In kết quả dưới dạng JSON.")
@click.option("--map", "maps", multiple=True, metavar="TÊN=ĐƠN_VỊ",
              help="Đơn vị trong danh mục (tên, tên viết tắt hoặc mã) cho một tên chưa khớp.")
@click.option("--create-units", is_flag=True,
              help="Tạo đơn vị mới cho tên không có gợi ý, và cho đơn vị đích của --map "
                   "chưa có trong danh mục.")
@with_appcontext
def import_plan(path: Path, dry_run: bool, as_json: bool, maps: tuple[str, ...],
                create_units: bool) -> None:
    """Import a plan from a .txt or .docx file; never guess a unit."""
    try:
        text = services.read_path(path)
        parsed = parse_plan(text)
        if dry_run:
            _print_parsed(parsed, services.resolve(parsed), as_json)
            return
        choices = cli_choices(parsed, _read_maps(maps), create_units)
        plan = services.save_import(text, parsed, choices, filename=path.name)
        created = [c.name for c in choices.values() if isinstance(c, services.NewUnit)]
        db.session.commit()
    except ValidationError as exc:
        db.session.rollback()
        click.echo(f"Lỗi: {exc.message}", err=True)
        raise SystemExit(1) from exc
    tasks = sum(task_counts(plan.id).values())
    if as_json:
        click.echo(json.dumps({"id": plan.id, "reference": plan.reference, "tasks": tasks,
                               "units_created": created}, ensure_ascii=False))
        return
    click.echo(f"Đã lưu kế hoạch {plan.reference} (mã {plan.id}) với {tasks} nhiệm vụ.")
    if created:
        click.echo("Đã tạo đơn vị mới: " + "; ".join(created) + ".")


def _read_maps(maps: tuple[str, ...]) -> dict[str, str]:
    """`--map` values by the key of the name they map."""
    result = {}
    for item in maps:
        name, sep, target = item.partition("=")
        if not sep or not name.strip() or not target.strip():
            raise ValidationError(f"--map “{item}” chưa đúng dạng “Tên trong văn bản=Đơn vị”.")
        result[services.name_key(name.strip())] = target.strip()
    return result


def cli_choices(parsed: dict, maps: dict[str, str], create_units: bool) -> dict:
    """A unit for every flagged name, from --map or --create-units; refuse with the rest listed."""
    directory = services.unit_directory()
    flagged = services.resolve(parsed, directory).unresolved
    unknown = set(maps) - {a.key for a in flagged}
    if unknown:
        raise ValidationError("--map cho tên không cần chỉ định (đã khớp hoặc không có trong "
                              "văn bản): " + "; ".join(v for k, v in maps.items() if k in unknown))
    choices, left = {}, []
    for assignee in flagged:
        target = maps.get(assignee.key)
        if target is not None:
            match = match_unit(target, directory)
            by_code = db.session.scalar(db.select(OrgUnit.id).where(
                OrgUnit.code == target, OrgUnit.is_active))
            if by_code is not None:
                choices[assignee.key] = by_code
            elif match.is_confident:
                choices[assignee.key] = match.unit_id
            elif create_units:
                choices[assignee.key] = services.NewUnit(target, services.guess_kind(target))
            else:
                raise ValidationError(f"Không có đơn vị “{target}” trong danh mục (--map cho "
                                      f"“{assignee.name}”). Thêm --create-units để tạo đơn vị này.")
        elif create_units and not assignee.match.suggestions:
            choices[assignee.key] = services.NewUnit(assignee.name, assignee.kind_guess)
        else:
            left.append(assignee)
    if left:
        raise ValidationError(_unmatched_message(left))
    return choices


def _unmatched_message(unmatched: list) -> str:
    lines = []
    for assignee in unmatched:
        hints = "; ".join(f"{c.name} ({_reason(c)})" for c in assignee.match.suggestions)
        lines.append(f"  - {assignee.name}" + (f" — gợi ý: {hints}" if hints else " — không có gợi ý"))
    return ("Không lưu vì có tên đơn vị chưa khớp chắc chắn với danh mục:\n" + "\n".join(lines)
            + "\nHãy chỉ định bằng --map \"Tên=Đơn vị\", thêm --create-units cho tên không có "
              "gợi ý, hoặc nhập kế hoạch qua trang “Nhập kế hoạch”.")


def _reason(suggestion) -> str:
    reason = suggestion.reason.replace(" (chưa có trong danh mục)", "").rstrip(".")
    return reason + ("; chưa có trong danh mục" if suggestion.unit_id is None else "")


def _unit_matches(resolution) -> list[dict]:
    """Each assignee name's match, first mentions only, for --dry-run."""
    return [{"name": a.name, "match": a.match.kind, "unit": a.match.unit_name,
             "suggestions": [s.name for s in a.match.suggestions]}
            for row in resolution.assignees for a in row if a.first]


def _print_parsed(parsed: dict, resolution, as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps({**parsed, "unit_matches": _unit_matches(resolution)},
                              ensure_ascii=False, indent=2))
        return
    tasks = sum(len(a["tasks"]) for a in parsed.get("assignments", []))
    click.echo(f"Số, ký hiệu: {parsed.get('number') or '(không số)'}/{parsed.get('symbol') or ''}")
    click.echo(f"Cơ quan ban hành: {'; '.join(parsed.get('issuers', [])) or '(không đọc được)'}")
    click.echo(f"Ngày ban hành: {parsed.get('issued_on') or '(không đọc được)'}")
    click.echo(f"Trích yếu: {parsed.get('title') or '(không đọc được)'}")
    click.echo(f"Phân công: {len(parsed.get('assignments', []))} mục, {tasks} nhiệm vụ; "
               f"{len(parsed.get('targets', []))} chỉ tiêu; {len(parsed.get('deadlines', []))} thời hạn.")
    flagged = resolution.unresolved
    if flagged:
        click.echo("Tên đơn vị chưa khớp: " + "; ".join(a.name for a in flagged) + ".")
    click.echo("Chưa lưu gì (--dry-run).")
