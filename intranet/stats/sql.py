"""A portable SQL expression for the Vietnamese calendar day of a stored UTC timestamp."""
from __future__ import annotations

from sqlalchemy import Date
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement


class vn_day(FunctionElement):
    """The Asia/Ho_Chi_Minh date of a naive UTC datetime column (UTC+7, no daylight saving)."""

    type = Date()
    inherit_cache = True
    name = "vn_day"


@compiles(vn_day, "sqlite")
def _vn_day_sqlite(element, compiler, **kw):
    return "date(%s, '+7 hours')" % compiler.process(element.clauses, **kw)


@compiles(vn_day, "postgresql")
def _vn_day_postgresql(element, compiler, **kw):
    return "CAST((%s) + INTERVAL '7 hours' AS DATE)" % compiler.process(element.clauses, **kw)

