"""`flask --app wsgi import-plan PATH [--dry-run] [--json]`: take in a plan from its text file."""
from __future__ import annotations

import json
from pathlib import Path

import click
from flask.cli import with_appcontext

from ..errors import ValidationError
from ..extensions import db
from ..plans.services import task_counts
from . import services
from .parser import parse_plan


@click.command("import-plan")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--dry-run", is_flag=True, help="Chỉ đọc và in kết quả, không lưu gì.")
@click.option("--json", "as_json", is_flag=True, help="In kết quả dưới dạng JSON.")
@with_appcontext
def import_plan(path: Path, dry_run: bool, as_json: bool) -> None:
    """Import a plan from a .txt or .docx file; every assignee must match a unit."""
    try:
        text = services.read_path(path)
        parsed = parse_plan(text)
        if dry_run:
            _print_parsed(parsed, as_json)
            return
        _refuse_unmatched(parsed)
        plan = services.import_text(text, filename=path.name)
        db.session.commit()
    except ValidationError as exc:
        db.session.rollback()
        click.echo(f"Lỗi: {exc.message}", err=True)
        raise SystemExit(1) from exc
    tasks = sum(task_counts(plan.id).values())
    if as_json:
        click.echo(json.dumps({"id": plan.id, "reference": plan.reference, "tasks": tasks},
                              ensure_ascii=False))
    else:
        click.echo(f"Đã lưu kế hoạch {plan.reference} (mã {plan.id}) với {tasks} nhiệm vụ.")


def _print_parsed(parsed: dict, as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(parsed, ensure_ascii=False, indent=2))
        return
    tasks = sum(len(a["tasks"]) for a in parsed.get("assignments", []))
    click.echo(f"Số, ký hiệu: {parsed.get('number') or '(không số)'}/{parsed.get('symbol') or ''}")
    click.echo(f"Cơ quan ban hành: {'; '.join(parsed.get('issuers', [])) or '(không đọc được)'}")
    click.echo(f"Ngày ban hành: {parsed.get('issued_on') or '(không đọc được)'}")
    click.echo(f"Trích yếu: {parsed.get('title') or '(không đọc được)'}")
    click.echo(f"Phân công: {len(parsed.get('assignments', []))} mục, {tasks} nhiệm vụ; "
               f"{len(parsed.get('targets', []))} chỉ tiêu; {len(parsed.get('deadlines', []))} thời hạn.")
    click.echo("Chưa lưu gì (--dry-run).")


def _refuse_unmatched(parsed: dict) -> None:
    """Stop with the names that match no unit for sure, and what they might be."""
    unmatched = services.resolve(parsed).unresolved
    if not unmatched:
        return
    lines = []
    for assignee in unmatched:
        hints = "; ".join(f"{c.name} ({c.reason.rstrip('.')})" for c in assignee.match.suggestions)
        lines.append(f"  - {assignee.name}" + (f" — gợi ý: {hints}" if hints else " — không có gợi ý"))
    raise ValidationError("Không lưu vì có tên đơn vị chưa khớp chắc chắn với danh mục:\n"
                          + "\n".join(lines)
                          + "\nHãy thêm đơn vị (hoặc tên gọi khác) vào danh mục, "
                            "hoặc nhập kế hoạch qua trang “Nhập kế hoạch”.")
