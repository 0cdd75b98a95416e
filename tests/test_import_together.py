"""Two imports at the same moment that both bring a new employer or a new representative.

A union office imports the files its representatives send; two people may import at once,
and two files from the same representative (or about the same new employer) often arrive
together. On PostgreSQL the second import's INSERT of the same key waits for the first
unit of work and, once that commits, fails on the unique key: before the fix the whole
second import was undone with a database error. On SQLite the second waits for the write
lock instead. Both must end with both files imported and one row for each shared thing.
"""

from __future__ import annotations

import threading
import uuid
from typing import Any

import pytest
from sqlmodel import col, select

from tillitsvalgt.db import Database
from tillitsvalgt.services import transfer
from tillitsvalgt.tables import Case, Employer, Representative

from conftest import TODAY, make_employer

NEW_ORGNR = "974760673"  # a valid org. number the database does not hold yet
KNOWN = {"name": "Nordkyst Sparebank", "orgnr": "952601814"}  # make_employer's


def _item(n: int, *, employer: dict[str, Any], reporter: uuid.UUID | None) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": f"samtidig-{n}",
        "employer": employer,
        "case": {"type": "office_layout", "title": f"Nye arbeidsplasser i {n}. etasje"},
    }
    if reporter is not None:
        item["reported_by"] = {"uuid": str(reporter), "name": "Kari Nordmann", "branch": "Vest"}
    return item


@pytest.mark.parametrize("new", ["employer", "representative"])
def test_two_imports_at_once_bring_the_same_new_row(db: Database, new: str) -> None:
    if new == "employer":
        employer, reporter = {"name": "Samtidig Bygg AS", "orgnr": NEW_ORGNR}, None
    else:
        make_employer(db)  # the employer is known; only the representative is new
        employer, reporter = dict(KNOWN), uuid.uuid4()
    failures: list[BaseException] = []
    reports: list[transfer.ImportReport] = []

    def second() -> None:
        try:
            with db.session() as s:
                item = _item(2, employer=employer, reporter=reporter)
                reports.append(transfer.import_bundle([item], session=s, today=TODAY))
        except BaseException as exc:  # reported by the test below
            failures.append(exc)

    with db.session() as s:
        first = transfer.import_bundle(
            [_item(1, employer=employer, reporter=reporter)], session=s, today=TODAY
        )
        s.flush()
        other = threading.Thread(target=second)
        other.start()
        other.join(1.0)
        # It waits for this unit of work: the same key on PostgreSQL, the write lock on
        # SQLite (the test proves nothing if it has already finished).
        assert other.is_alive()
    other.join(60)
    assert not other.is_alive()
    assert failures == [], failures
    assert len(first.created) == 1 and len(reports[0].created) == 1

    with db.session(readonly=True) as s:
        cases = s.exec(
            select(Case.employer_id, Case.representative_id).where(
                col(Case.source_ref).in_(["samtidig-1", "samtidig-2"])
            )
        ).all()
        employers = s.exec(select(Employer.id).where(Employer.orgnr == employer["orgnr"])).all()
        people = s.exec(select(Representative.id).where(Representative.uuid == reporter)).all()
    assert len(cases) == 2
    assert len(employers) == 1
    assert {e for e, _ in cases} == set(employers)
    if new == "employer":
        assert first.employers_created == 1 and reports[0].employers_created == 0
    else:
        assert len(people) == 1
        assert {r for _, r in cases} == set(people)
