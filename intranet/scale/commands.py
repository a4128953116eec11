"""`flask gen-data`: fill the database with a generated province or nation."""
from __future__ import annotations

import time
from fractions import Fraction

import click

from ..extensions import db

LABELS = {"org_unit": "đơn vị", "user": "tài khoản", "user_role": "vai trò", "plan": "kế hoạch",
          "target": "chỉ tiêu", "milestone": "mốc chỉ tiêu", "plan_deadline": "thời hạn kế hoạch",
          "task": "nhiệm vụ", "task_unit": "đơn vị trên nhiệm vụ", "comment": "bình luận",
          "audit_event": "sự kiện nhật ký"}


def _factor(_ctx, _param, value: str) -> float:
    try:
        return float(Fraction(value))
    except (ValueError, ZeroDivisionError):
        raise click.BadParameter("dạng số hoặc phân số, ví dụ 0.05 hoặc 1/20") from None


def register_commands(app) -> None:
    """Attach `gen-data` to the app."""

    @app.cli.command("gen-data")
    @click.option("--scale", type=click.Choice(["province", "nation"]), default="province",
                  show_default=True, help="Một tỉnh, hoặc 34 tỉnh (mã có tiền tố pNN-).")
    @click.option("--seed", type=int, default=1, show_default=True)
    @click.option("--multiplier", type=int, default=1, show_default=True,
                  help="Nhân số nhiệm vụ, bình luận và sự kiện nhật ký (đơn vị, tài khoản, kế hoạch giữ nguyên).")
    @click.option("--factor", default="1", callback=_factor, show_default=True,
                  help="Tỷ lệ so với một tỉnh, ví dụ 1/20.")
    @click.option("--provinces", type=int, help="Số tỉnh khi --scale nation (mặc định 34).")
    @click.option("--units", type=int)
    @click.option("--users", type=int)
    @click.option("--plans", type=int)
    @click.option("--tasks", type=int)
    @click.option("--comments", type=int)
    @click.option("--audit", type=int, help="Số sự kiện nhật ký mỗi tỉnh.")
    @click.option("--as-of", type=click.DateTime(formats=["%Y-%m-%d"]),
                  help="Ngày kết thúc lịch sử sinh ra (mặc định 2026-11-20).")
    def gen_data(scale, seed, multiplier, factor, provinces, as_of, **overrides):
        """Sinh dữ liệu quy mô tỉnh/toàn quốc (mật khẩu demo123) trong một giao dịch."""
        from .generate import AS_OF, GenerationError, generate

        started = time.perf_counter()
        try:
            counts = generate(scale, seed=seed, factor=factor, multiplier=multiplier,
                              provinces=provinces, as_of=as_of.date() if as_of else AS_OF, **overrides)
        except GenerationError as exc:
            db.session.rollback()
            raise click.ClickException(str(exc)) from None
        db.session.commit()
        # Fresh planner statistics after a bulk load, as autovacuum would gather on PostgreSQL:
        # without them SQLite picks the narrow state index over the covering listing index.
        db.session.execute(db.text("ANALYZE"))
        db.session.commit()
        for table, label in LABELS.items():
            click.echo(f"{counts[table]:>12,} {label}".replace(",", "."))
        click.echo(f"Đã sinh dữ liệu quy mô {scale} (seed {seed}, ×{multiplier}) trong "
                   f"{time.perf_counter() - started:.1f} giây (ghi vào cơ sở dữ liệu {counts['seconds']:.1f} giây "
                   "trước khi commit).")
