"""The case list, with the filters in use, as a spreadsheet (``.xlsx``) or ``.csv`` file.

The same query as the list on screen, read a page at a time, so the file holds exactly the
cases the user sees, in the same order. Labels are the Norwegian ones the list shows; dates are
real dates in the spreadsheet and ``dd.mm.åååå`` in the CSV.

The CSV is written for a Norwegian Excel: UTF-8 with a byte-order mark (or Excel guesses the
encoding wrong and ø turns into Ã¸) and semicolons (the comma is the decimal separator here).
A text cell that a spreadsheet would run as a formula (=, +, -, @, tab, carriage return first)
is prefixed with an apostrophe: a case title from an imported bundle must never become a
formula on the union office's machine (OWASP, «CSV injection»).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import replace
from datetime import date

from sqlmodel import Session

from tillitsvalgt.services.cases import MAX_PAGE, CaseQuery, list_cases
from tillitsvalgt.shapes import CaseListRow
from tillitsvalgt.vocabulary import CASE_TYPES, DEMANDS, TIMINGS

HEADERS = (
    "Saksnr.",
    "Tittel",
    "Virksomhet",
    "Sakstype",
    "Status",
    "Tidspunkt for medbestemmelse",
    "Krav",
    "Varslet",
    "Beslutning",
    "Neste frist",
    "Sist endret",
)

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def case_rows(query: CaseQuery, *, session: Session) -> Iterator[CaseListRow]:
    """Every case the list shows for ``query`` (all pages), in the list's order."""
    offset = 0
    while True:
        page = list_cases(replace(query, offset=offset, limit=MAX_PAGE), session=session)
        yield from page.rows
        offset += len(page.rows)
        if not page.rows or offset >= page.total:
            return


def _values(row: CaseListRow) -> list[str | date | None]:
    return [
        row.number,
        row.title,
        row.employer_name,
        CASE_TYPES.get(row.case_type, row.case_type),
        "Åpen" if row.status == "open" else "Avsluttet",
        TIMINGS.get(row.timing or "", "Ikke vurdert"),
        DEMANDS.get(row.demand or "", ""),
        row.notice_on,
        row.decision_on,
        row.next_deadline,
        row.updated_at.astimezone().date(),
    ]


def _safe_text(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value


def to_csv(rows: Iterator[CaseListRow] | list[CaseListRow]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADERS)
    for row in rows:
        cells = []
        for value in _values(row):
            if value is None:
                cells.append("")
            elif isinstance(value, date):
                cells.append(value.strftime("%d.%m.%Y"))
            else:
                cells.append(_safe_text(value))
        writer.writerow(cells)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def to_xlsx(rows: Iterator[CaseListRow] | list[CaseListRow], *, title: str = "Saker") -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell.cell import Cell
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title[:31]
    sheet.append(list(HEADERS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    count = 0
    for row in rows:
        cells: list[Cell | str | date | None] = []
        for value in _values(row):
            if isinstance(value, str):
                # A string cell, never a formula, whatever it starts with.
                cell = Cell(sheet, value=value)
                cell.data_type = "s"
                cells.append(cell)
            else:
                cells.append(value)
        sheet.append(cells)
        count += 1
    for column, width in zip(
        "ABCDEFGHIJK", (10, 45, 30, 24, 10, 34, 18, 11, 11, 11, 11), strict=True
    ):
        sheet.column_dimensions[column].width = width
    for column in "HIJK":
        for cell in sheet[column][1:]:
            cell.number_format = "DD.MM.YYYY"
    sheet.freeze_panes = "A2"
    if count:
        sheet.auto_filter.ref = f"A1:K{count + 1}"
    book.properties.creator = "Tillitsvalgt"
    book.properties.title = title
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
