"""The bundle import's set-based path (``services/bundle_bulk.py``) writes what the
one-by-one path writes: the same cases, numbers, events, reply deadlines, free-text index,
stored verdicts and history lines, on SQLite and PostgreSQL, for a bundle that mixes plain
new cases with ones that take the one-by-one path (a deadline of their own, a group); and
the import stays all or nothing when the last case of a thousand is bad."""

from __future__ import annotations

import copy
from typing import Any
from uuid import UUID

import pytest
import sqlalchemy as sa

from benchmarks import national
from tillitsvalgt.db import Database
from tillitsvalgt.errors import ValidationError
from tillitsvalgt.services.transfer import case_uuid, event_uuid, import_bundle, parse_bundle

from conftest import TODAY


def _bundle(size: int) -> list[dict[str, Any]]:
    """``size`` generated cases (the national benchmark's: employers, representatives,
    closed ones with outcomes, letters with reply dates and replies, the sender's times),
    every 9th with a deadline of its own and every 13th in a group: those take the
    one-by-one path between runs of plain ones."""
    items = next(national.bundles(1, base=8000, size=size))
    for i, item in enumerate(items):
        if i % 9 == 4:
            item["deadlines"] = [{"title": "Egen frist", "due_on": "2026-12-01"}]
        if i % 13 == 6:
            item["group"] = {"name": f"Gruppe {i % 2}"}
        if i % 11 == 2:
            item["deadlines"] = []  # given, and empty: its letters add no reply deadline
    return items


_TABLES = {
    "cases": "SELECT c.uuid, c.number, c.year, c.seq, c.title, c.description, c.status, "
    "c.outcome, c.version, c.cell_key, c.is_demo, c.source_ref, c.updated_at, "
    "c.employer_employees, c.employer_agreement, c.employer_sector, c.verdict_level, "
    "c.verdict_timing, c.verdict_missing, c.verdict_demand, c.verdict_demand_due_on, "
    "e.orgnr, r.uuid, g.name, c.closed_at IS NULL, c.created_at IS NULL "
    "FROM cases c JOIN employers e ON e.id = c.employer_id "
    "LEFT JOIN representatives r ON r.id = c.representative_id "
    "LEFT JOIN case_groups g ON g.id = c.group_id",
    "events": "SELECT c.uuid, e.uuid, e.kind, e.occurred_on, e.notes, e.participants, "
    "e.signed_by_both, e.letter_kind, e.reply_by, e.version, e.updated_at, e.deleted_at "
    "FROM events e JOIN cases c ON c.id = e.case_id",
    "event order": "SELECT c.uuid, e.uuid FROM events e JOIN cases c ON c.id = e.case_id "
    "ORDER BY e.case_id, e.occurred_on, e.id",
    "deadlines": "SELECT c.uuid, d.title, d.rule, d.due_on, d.original_due_on, d.met_on, "
    "d.cancelled, d.lapsed_on FROM deadlines d JOIN cases c ON c.id = d.case_id",
    "employers": "SELECT name, orgnr, employees, agreement, sector, address FROM employers",
    "history": "SELECT h.entity, CASE h.entity WHEN 'case' THEN c.uuid ELSE ev.uuid END, "
    "h.action, h.field, h.old_value, h.new_value, h.context FROM change_history h "
    "LEFT JOIN cases c ON h.entity = 'case' AND c.id = h.entity_id "
    "LEFT JOIN events ev ON h.entity = 'event' AND ev.id = h.entity_id "
    "WHERE h.entity IN ('case', 'event')",
}
_SEARCH = {
    "sqlite": "SELECT c.uuid, s.title, s.description, s.notes FROM case_search s "
    "JOIN cases c ON c.id = s.rowid",
    # The words, not their positions: 0002's text joins a case's notes in no set order
    # (string_agg over whichever plan the function's query gets), on either path.
    "postgresql": "SELECT c.uuid, array_to_string(tsvector_to_array(s.document), ' '), "
    "s.branch FROM case_search s JOIN cases c ON c.id = s.case_id",
}


def _contents(db: Database) -> dict[str, Any]:
    with db.session(readonly=True) as s:
        out: dict[str, Any] = {}
        for name, sql in {**_TABLES, "search": _SEARCH[db.engine.dialect.name]}.items():
            rows = [tuple(str(v) for v in row) for row in s.execute(sa.text(sql))]
            out[name] = rows if name == "event order" else sorted(rows)
        return out


def test_set_based_import_writes_what_the_one_by_one_import_writes(
    db: Database, other_db: Database
) -> None:
    bundle = _bundle(300)
    with db.session() as s:
        bulk = import_bundle(copy.deepcopy(bundle), session=s, today=TODAY)
    with other_db.session() as s:
        one = import_bundle(copy.deepcopy(bundle), session=s, today=TODAY, set_based=False)
    assert bulk.summary() == one.summary()
    assert bulk.created == one.created and len(bulk.created) == len(bundle)
    ours, theirs = _contents(db), _contents(other_db)
    assert ours["deadlines"], "the bundle has letters with reply dates"
    assert any(r[6] == "closed" for r in ours["cases"])
    assert any(r[3] == "status" for r in ours["history"]), "a closed case's history"
    for name in ours:
        assert ours[name] == theirs[name], name
    # Imported again: recognised, nothing new (on either path's database).
    with db.session() as s:
        again = import_bundle(copy.deepcopy(bundle), session=s, today=TODAY)
    assert again.created == [] and len(again.unchanged) == len(bundle)


def test_the_1000th_bad_case_leaves_nothing(db: Database) -> None:
    bundle = _bundle(1000)
    assert len(bundle) >= 990
    bundle[-1]["case"]["type"] = "no_such_type"
    with db.session(readonly=True) as s:
        before = [s.execute(sa.text(f"SELECT count(*) FROM {t}")).scalar_one() for t in _COUNTED]
    with pytest.raises(ValidationError) as caught, db.session() as s:
        import_bundle(bundle, session=s, today=TODAY)
    assert "ingenting er endret" in caught.value.message
    assert f"Sak nr. {len(bundle)}" in str(caught.value.problems[0].field)
    with db.session(readonly=True) as s:
        after = [s.execute(sa.text(f"SELECT count(*) FROM {t}")).scalar_one() for t in _COUNTED]
    assert after == before


def test_a_failing_write_late_in_the_bundle_undoes_the_runs_before_it(db: Database) -> None:
    """The check passes, and the last case fails when written (its event's UUID is one an
    earlier case's event has): the runs written before it are undone with it."""
    bundle = _bundle(700)
    bundle[0]["events"][0].pop("uuid")  # derived from the case's then
    first = parse_bundle([bundle[0]])[0]
    derived = event_uuid(case_uuid(first), 0, first.events[0])
    bundle[-1]["events"] = [{**bundle[0]["events"][0], "uuid": str(derived)}]
    with db.session(readonly=True) as s:
        before = [s.execute(sa.text(f"SELECT count(*) FROM {t}")).scalar_one() for t in _COUNTED]
    with pytest.raises(Exception), db.session() as s:  # noqa: B017 - any failure undoes all
        import_bundle(bundle, session=s, today=TODAY)
    with db.session(readonly=True) as s:
        after = [s.execute(sa.text(f"SELECT count(*) FROM {t}")).scalar_one() for t in _COUNTED]
    assert after == before


_COUNTED = ("cases", "events", "deadlines", "change_history", "case_search", "employers")


def test_a_whole_file_can_be_numbered_in_one_call() -> None:
    """0026's counter hands out at most ``MOST_AT_ONCE`` numbers a call and refuses more;
    a stretch of new cases is at most a whole file, so a file's limit must fit under it."""
    import importlib.util
    from pathlib import Path

    import tillitsvalgt
    from tillitsvalgt.services.transfer import MAX_CASES_PER_FILE

    versions = Path(tillitsvalgt.__file__).parent / "migrations" / "versions"
    path = versions / "0026_history_stamped_by_defaults.py"
    spec = importlib.util.spec_from_file_location("migration_0026", path)
    assert spec is not None and spec.loader is not None
    migration = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(migration)
    assert MAX_CASES_PER_FILE <= migration.MOST_AT_ONCE


def test_a_history_line_refused_after_its_run_undoes_the_whole_file(db: Database) -> None:
    """On PostgreSQL a run's history lines are sent from the writer thread while the next
    run is written: a refusal of them is what the import raises (not the aborted
    transaction's later complaint), and nothing of the file stays, on either backend."""
    if db.engine.dialect.name == "postgresql":
        refusal = [
            "CREATE FUNCTION pg_temp.no_event_lines() RETURNS trigger LANGUAGE plpgsql AS $$ "
            "BEGIN IF NEW.entity = 'event' THEN RAISE EXCEPTION 'linjen er nektet'; END IF; "
            "RETURN NEW; END $$",
            "CREATE TRIGGER no_event_lines BEFORE INSERT ON change_history FOR EACH ROW "
            "EXECUTE FUNCTION pg_temp.no_event_lines()",
        ]
    else:
        refusal = [
            "CREATE TEMP TRIGGER no_event_lines BEFORE INSERT ON change_history "
            "WHEN NEW.entity = 'event' BEGIN SELECT RAISE(ABORT, 'linjen er nektet'); END"
        ]
    bundle = _bundle(700)  # two runs
    with db.session(readonly=True) as s:
        before = [s.execute(sa.text(f"SELECT count(*) FROM {t}")).scalar_one() for t in _COUNTED]
    with pytest.raises(sa.exc.DBAPIError) as caught, db.session() as s:
        for statement in refusal:
            s.execute(sa.text(statement))
        import_bundle(bundle, session=s, today=TODAY)
    assert "linjen er nektet" in str(caught.value)
    with db.session(readonly=True) as s:
        after = [s.execute(sa.text(f"SELECT count(*) FROM {t}")).scalar_one() for t in _COUNTED]
    assert after == before


def test_an_employer_the_bundle_knows_more_about_is_filled_as_one_by_one(
    db: Database, other_db: Database
) -> None:
    """The register is read as rows: an employer the bundle has more about is filled
    (what the register lacks, never what it has), and each new case keeps the employer's
    facts as they are after the items before it, as the one-by-one path keeps them."""
    from helpers.data import make_employer

    for each in (db, other_db):
        make_employer(
            each, name="Fyll AS", orgnr="974760673", employees=None, agreement="none", sector=None
        )
    items = _bundle(6)
    known = {"name": "Fyll AS", "orgnr": "974760673"}
    items[0]["employer"] = dict(known)
    items[1]["employer"] = {**known, "employees": 40}
    items[2]["employer"] = {**known, "employees": 99, "agreement": "finans-finansforbundet"}
    items[3]["employer"] = {**known, "name": "FYLL AS", "sector": "privat"}
    # New to the register: made by the first, filled by the second.
    items[4]["employer"] = {"name": "Helt Ny AS"}
    items[5]["employer"] = {"name": "Helt Ny AS", "employees": 12, "sector": "kommune"}
    for item in items:
        item.pop("deadlines", None)
        item.pop("group", None)
    with db.session() as s:
        import_bundle(copy.deepcopy(items), session=s, today=TODAY)
    with other_db.session() as s:
        import_bundle(copy.deepcopy(items), session=s, today=TODAY, set_based=False)
    ours, theirs = _contents(db), _contents(other_db)
    assert ours["cases"] == theirs["cases"] and ours["employers"] == theirs["employers"]
    with db.session(readonly=True) as s:
        register = s.execute(
            sa.text("SELECT employees, agreement, sector FROM employers WHERE orgnr = '974760673'")
        ).one()
        kept = s.execute(
            sa.text(
                "SELECT c.uuid, c.employer_employees, c.employer_agreement, c.employer_sector "
                "FROM cases c JOIN employers e ON e.id = c.employer_id "
                "WHERE e.orgnr = '974760673'"
            )
        ).all()
    facts = {str(UUID(str(uuid))): tuple(rest) for uuid, *rest in kept}
    assert tuple(register) == (40, "finans-finansforbundet", "privat")
    assert ("Helt Ny AS", "None", "12", "none", "kommune", "None") in ours["employers"]
    assert [facts[item["uuid"]] for item in items[:4]] == [
        (None, "none", None),
        (40, "none", None),
        (40, "finans-finansforbundet", None),
        (40, "finans-finansforbundet", "privat"),
    ]
