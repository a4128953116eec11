"""Generate a province (or 34 of them) of units, accounts, plans, tasks and their history.

Rows are built as plain dicts with precomputed ids and bulk-inserted with SQLAlchemy Core
(`insert()` executemany in chunks) on the session's connection, so the whole data set is one
transaction that the caller commits. Every random choice comes from a `random.Random` seeded
by (seed, province, stream), so the same arguments always give the same rows, and a larger
`multiplier` adds tasks without changing the units, accounts or plans.
"""
from __future__ import annotations

import time
from datetime import date

from sqlalchemy import func, insert, inspect, select, text

from .. import fragments
from ..auth.models import User
from ..extensions import db
from ..units.models import OrgUnit
from .province import TABLES, GenerationError, Ids, ProvinceRows, volume_for
from .vocabulary import PROVINCES

# The generated history ends on this day; a fixed default keeps the same seed giving the same rows.
AS_OF = date(2026, 11, 20)
CHUNK = 5_000


def provinces_for(scale: str, count: int | None = None) -> list[tuple[int, str, str]]:
    """(index, name, prefix) of each province to generate: one unprefixed, or pNN- for the nation."""
    if scale == "province":
        return [(0, "Quảng Ninh", "")]
    if scale != "nation":
        raise GenerationError(f"Quy mô không hợp lệ: {scale}.")
    count = count or len(PROVINCES)
    return [(n, PROVINCES[(n - 1) % len(PROVINCES)], f"p{n:02d}-") for n in range(1, count + 1)]


def generate(scale: str = "province", *, seed: int = 1, factor: float = 1.0, multiplier: int = 1,
             provinces: int | None = None, as_of: date = AS_OF, **overrides) -> dict:
    """Insert generated provinces in the current transaction; return row counts per table and seconds."""
    started = time.perf_counter()
    volume = volume_for(factor, multiplier, **overrides)
    conn = db.session.connection()
    if not inspect(conn).has_table(User.__tablename__):
        raise GenerationError("Cơ sở dữ liệu chưa có bảng nào: hãy chạy `flask --app wsgi db upgrade` trước.")
    targets = provinces_for(scale, provinces)
    for _, name, prefix in targets:
        taken = conn.scalar(select(func.count()).select_from(User).where(User.username == f"{prefix}u0001"))
        taken += conn.scalar(select(func.count()).select_from(OrgUnit).where(OrgUnit.code == f"{prefix}dv001"))
        if taken:
            raise GenerationError(f"Dữ liệu sinh cho {name} ({prefix or 'không tiền tố'}) đã có trong "
                                  "cơ sở dữ liệu; hãy dùng một cơ sở dữ liệu mới.")
    ids = Ids(conn)
    counts = {m.__tablename__: 0 for m in TABLES}
    for index, name, prefix in targets:
        rows = ProvinceRows(seed=seed, index=index, name=name, prefix=prefix, national=scale == "nation",
                         volume=volume, as_of=as_of, ids=ids).build()
        for model in TABLES:
            _insert(conn, model, rows[model])
            counts[model.__tablename__] += len(rows[model])
    _sync_sequences(conn)
    fragments.data_changed(db.session)  # written through the connection, not the ORM
    counts["seconds"] = round(time.perf_counter() - started, 2)
    return counts


def _insert(conn, model, rows: list[dict]) -> None:
    for start in range(0, len(rows), CHUNK):
        conn.execute(insert(model.__table__), rows[start:start + CHUNK])


def _sync_sequences(conn) -> None:
    """Move PostgreSQL's id sequences past the ids assigned here, so the app's own inserts work."""
    if conn.dialect.name != "postgresql":
        return
    for model in TABLES:
        table = conn.dialect.identifier_preparer.format_table(model.__table__)
        conn.execute(text(f"SELECT setval(pg_get_serial_sequence(:table, 'id'), "
                          f"(SELECT COALESCE(MAX(id), 1) FROM {table}))"), {"table": table})
