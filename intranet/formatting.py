"""Vietnamese formatting of dates, times and amounts, shared by pages and PDFs."""
from __future__ import annotations

from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def utcnow() -> datetime:
    """Return the current time as a naive UTC datetime, the form stored in the database."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


def to_vn(moment: datetime) -> datetime:
    """Convert a stored (naive UTC or aware) datetime to Vietnam time."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(VN_TZ)


def today_vn() -> date:
    """Return today's date in Vietnam."""
    return datetime.now(VN_TZ).date()


def _day(value: int) -> str:
    return f"{value:02d}"


def _month(value: int) -> str:
    # Nghị định 30: months 1 and 2 get a leading zero, the others do not.
    return f"{value:02d}" if value < 3 else str(value)


def vn_date_long(value: date | None) -> str:
    """Format a date as 'ngày 05 tháng 01 năm 2026' (Nghị định 30, ô 4)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = to_vn(value).date()
    return f"ngày {_day(value.day)} tháng {_month(value.month)} năm {value.year}"


def vn_date(value: date | None) -> str:
    """Format a date as '05/01/2026'."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = to_vn(value).date()
    return value.strftime("%d/%m/%Y")


def vn_datetime(value: datetime | None) -> str:
    """Format a stored datetime as '14:05 05/01/2026' in Vietnam time."""
    if value is None:
        return ""
    return to_vn(value).strftime("%H:%M %d/%m/%Y")


def vn_number(value: int | float | None) -> str:
    """Group thousands with dots: 12500000 -> '12.500.000'."""
    if value is None:
        return ""
    if isinstance(value, float) and not value.is_integer():
        whole, frac = f"{value:,.2f}".split(".")
        return whole.replace(",", ".") + "," + frac
    return f"{int(value):,}".replace(",", ".")


def vn_money(value: int | None) -> str:
    """Format whole đồng: 12500000 -> '12.500.000 đ'."""
    if value is None:
        return ""
    return f"{vn_number(value)} đ"
