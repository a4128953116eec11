"""A small table-to-workbook writer: typed columns, a bold header row, real dates and numbers."""
from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date, datetime

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

FORMATS = {"date": "dd/mm/yyyy", "money": "#,##0", "int": "0", "percent": "0.0%", "text": "@"}
HEADER_FILL = PatternFill("solid", fgColor="E6EAF0")
THIN = Side(style="thin", color="B9C2CD")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
SHEET_TITLE_MAX = 31
FORBIDDEN_IN_TITLE = str.maketrans({c: "-" for c in "[]:*?/\\"})


@dataclass(frozen=True)
class Column:
    """A column: its Vietnamese header, width in characters and kind (text, date, int, money, percent)."""

    header: str
    width: float = 14
    kind: str = "text"
    wrap: bool = False


@dataclass
class Row:
    """A row of values; `bold` for subtotal and total rows."""

    values: list
    bold: bool = False


@dataclass
class Sheet:
    """A worksheet: title (≤ 31 characters), columns and rows; `caption` lines go above the header."""

    title: str
    columns: list[Column]
    rows: list = field(default_factory=list)
    caption: list[str] = field(default_factory=list)


def _cell_value(value, kind: str):
    if value is None or value == "":
        return None
    if kind == "date" and isinstance(value, datetime):
        return value.date()
    if kind in ("int", "money") and not isinstance(value, bool):
        return int(value)
    return value


def _write(ws, sheet: Sheet) -> None:
    row_no = 1
    for line in sheet.caption:
        ws.cell(row=row_no, column=1, value=line).font = Font(bold=row_no == 1, size=12 if row_no == 1 else 11)
        row_no += 1
    if sheet.caption:
        row_no += 1
    header_row = row_no
    for index, column in enumerate(sheet.columns, start=1):
        cell = ws.cell(row=header_row, column=index, value=column.header)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.border = BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[get_column_letter(index)].width = column.width
    for item in sheet.rows:
        row = item if isinstance(item, Row) else Row(list(item))
        row_no += 1
        for index, column in enumerate(sheet.columns, start=1):
            value = row.values[index - 1] if index - 1 < len(row.values) else None
            cell = ws.cell(row=row_no, column=index, value=_cell_value(value, column.kind))
            if column.kind != "text" or isinstance(cell.value, (int, float, date)):
                cell.number_format = FORMATS.get(column.kind, "General")
            cell.border = BORDER
            cell.alignment = Alignment(vertical="top", wrap_text=column.wrap)
            if row.bold:
                cell.font = Font(bold=True)
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
    if sheet.rows:
        ws.auto_filter.ref = f"A{header_row}:{get_column_letter(len(sheet.columns))}{row_no}"
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def sheet_title(text: str) -> str:
    """A valid worksheet title: no []:*?/\\ and at most 31 characters."""
    return text.translate(FORBIDDEN_IN_TITLE)[:SHEET_TITLE_MAX] or "Sheet"


def build_workbook(*sheets: Sheet) -> bytes:
    """The workbook's bytes, one worksheet per sheet."""
    book = Workbook()
    book.remove(book.active)
    for sheet in sheets:
        _write(book.create_sheet(sheet_title(sheet.title)), sheet)
    book.properties.creator = "Hệ thống theo dõi Kế hoạch phòng, chống ma túy"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
