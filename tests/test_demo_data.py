"""Demo data is marked when it is made, is removed in one action, and never counts in the
landsmøte report (its figures, its spreadsheet and its CSV), on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import sqlalchemy as sa
from sqlmodel import col, select

from tillitsvalgt.db import Database
from tillitsvalgt.demo import count_demo, demo_bundle, demo_case_ids, fill_demo, remove_demo
from tillitsvalgt.reports.cube import ReportRequest
from tillitsvalgt.services import cases, transfer
from tillitsvalgt.services.report import make_report
from tillitsvalgt.services.report_data import report_data
from tillitsvalgt.tables import Case, Employer

from conftest import SCENARIOS, TODAY, make_case, make_employer

WHOLE_YEARS = ReportRequest(start=date(2024, 1, 1), end=date(2026, 12, 31))


def _figures(db: Database, tmp_path: Path, name: str) -> tuple[object, bytes, bytes]:
    with db.session(readonly=True) as s:
        cells = report_data(WHOLE_YEARS, session=s, today=TODAY).cells
    out = tmp_path / name
    out.mkdir()
    make_report(
        db,
        WHOLE_YEARS,
        today=TODAY,
        union_name="Forbundet",
        out=out / "rapport.docx",
        xlsx=out / "rapport.xlsx",
        csv=out / "rapport.csv",
    )
    return cells, (out / "rapport.csv").read_bytes(), (out / "rapport.xlsx").read_bytes()


def test_the_demo_load_marks_every_case_and_only_the_employers_it_made(db: Database) -> None:
    own = make_employer(db, name="Eget AS", orgnr=None)
    with db.session() as s:
        report = fill_demo(session=s, today=TODAY)
    with db.session(readonly=True) as s:
        all_cases = s.exec(select(Case)).all()
        assert all_cases and all(c.is_demo for c in all_cases)
        assert demo_case_ids(session=s) == {c.id for c in all_cases}
        assert len(report.created) == len(all_cases)
        employers = {e.id: e.is_demo for e in s.exec(select(Employer)).all()}
        assert employers.pop(own) is False  # the user's own employer stays theirs
        assert employers and all(employers.values())
        counted = count_demo(session=s)
    assert counted.cases == len(all_cases) and counted.employers == len(employers)


def test_removing_demo_data_leaves_the_users_cases_and_frees_the_orgnr(db: Database) -> None:
    with db.session() as s:
        fill_demo(session=s, today=TODAY)
        demo_employer = s.exec(select(Employer).where(col(Employer.is_demo))).first()
        assert demo_employer is not None and demo_employer.orgnr
        kept_orgnr, kept_employer = demo_employer.orgnr, demo_employer.id
    real = make_case(db, kept_employer, title="Vår egen sak om kontorplasser")
    with db.session(readonly=True) as s:
        before = count_demo(session=s)
    with db.session() as s:
        removed = remove_demo(session=s)
    # The employer with a real case is the user's now: not counted, not removed.
    assert removed == before and removed.cases > 0 and removed.employers > 0
    with db.session(readonly=True) as s:
        assert count_demo(session=s).empty
        live = s.exec(select(Case).where(col(Case.deleted_at).is_(None))).all()
        assert [c.number for c in live] == [real]
        assert s.get(Employer, kept_employer).deleted_at is None  # type: ignore[union-attr]
        freed = s.exec(select(Employer).where(col(Employer.is_demo))).all()
        gone = [e for e in freed if e.deleted_at is not None]
        assert len(gone) == removed.employers and all(e.orgnr is None for e in gone)
    # The real employer with an organisation number a demo employer had can be registered.
    other = next(
        e["employer"]["orgnr"]
        for e in demo_bundle(TODAY)
        if e["employer"].get("orgnr") not in (None, kept_orgnr)
    )
    assert make_employer(db, name="Den ekte virksomheten", orgnr=other)
    # Removal is a second action away from nothing: removing again removes nothing.
    with db.session() as s:
        assert remove_demo(session=s).empty


def test_a_demo_case_never_changes_a_report_figure(db: Database, tmp_path: Path) -> None:
    with db.session() as s:
        transfer.import_bundle(json.loads(SCENARIOS.read_text("utf-8")), session=s, today=TODAY)
        first_new = int(s.exec(select(sa.func.max(Case.id))).one()) + 1
    real = _figures(db, tmp_path, "real")
    assert sum(c.cases for c in real[0]) > 0  # type: ignore[attr-defined]
    with db.session() as s:  # the examples, beside the real cases, marked as the load does
        transfer.import_bundle(demo_bundle(TODAY), session=s, today=TODAY)
        s.execute(sa.update(Case).where(col(Case.id) >= first_new).values(is_demo=True))
    with_demo = _figures(db, tmp_path, "with-demo")
    assert with_demo[0] == real[0]
    assert with_demo[1] == real[1]  # the CSV, byte for byte
    # The spreadsheet holds the same figures (its file's own timestamps may differ).
    from openpyxl import load_workbook

    def cells(data: bytes, name: str) -> list[tuple[object, ...]]:
        file = tmp_path / name
        file.write_bytes(data)
        book = load_workbook(file, read_only=True)
        rows = [tuple(r) for sheet in book.worksheets for r in sheet.iter_rows(values_only=True)]
        book.close()
        return rows

    assert cells(with_demo[2], "a.xlsx") == cells(real[2], "b.xlsx")
    # The test can fail: the same cases unmarked do change the figures.
    with db.session() as s:
        s.execute(sa.update(Case).values(is_demo=False))
    unmarked = _figures(db, tmp_path, "unmarked")
    assert unmarked[0] != real[0] and unmarked[1] != real[1]


def test_a_case_made_after_the_demo_is_real(db: Database) -> None:
    with db.session() as s:
        fill_demo(session=s, today=TODAY)
    employer = make_employer(db, name="Eget AS", orgnr=None)
    number = make_case(db, employer)
    with db.session(readonly=True) as s:
        assert cases.get_case(number, session=s).is_demo is False


def test_the_migration_leaves_existing_rows_unmarked(db: Database) -> None:
    from alembic import command

    employer = make_employer(db)
    number = make_case(db, employer)

    def alembic(action: str, revision: str) -> None:
        with db.engine.begin() as conn:
            cfg = db.alembic_config()
            cfg.attributes["connection"] = conn
            getattr(command, action)(cfg, revision)

    alembic("downgrade", "0014")
    with db.engine.begin() as conn:
        columns = {c["name"] for c in sa.inspect(conn).get_columns("cases")}
        assert "is_demo" not in columns
    alembic("upgrade", "head")
    with db.session(readonly=True) as s:
        case = cases.get_case(number, session=s)
        assert case.is_demo is False
        assert s.get(Employer, employer).is_demo is False  # type: ignore[union-attr]
        assert demo_case_ids(session=s) == frozenset()


def test_the_export_for_the_union_office_leaves_the_examples_out(db: Database) -> None:
    with db.session() as s:
        fill_demo(session=s, today=TODAY)
        employer = s.exec(select(Employer).where(col(Employer.is_demo))).first()
        assert employer is not None and employer.id is not None
        employer_id = employer.id
    make_case(db, employer_id, title="Vår egen sak om kontorplasser")
    with db.session(readonly=True) as s:
        exported = transfer.export_bundle(session=s)
        assert [item["case"]["title"] for item in exported] == ["Vår egen sak om kontorplasser"]
        # Chosen by hand (a pack of one case), an example goes where it is sent.
        demo_id = min(demo_case_ids(session=s))
        assert len(transfer.export_bundle(session=s, case_ids=[demo_id])) == 1
