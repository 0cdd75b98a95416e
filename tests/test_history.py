"""The change history: every change of a case, its events and its employer made through the
app is recorded (who, when, field, old, new) in the change's own transaction, is shown newest
first, and cannot be edited or deleted — not even with raw SQL."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
import sqlalchemy as sa

from tillitsvalgt import history
from tillitsvalgt.db import Database
from tillitsvalgt.errors import ConflictError
from tillitsvalgt.services import cases, employers, events, transfer
from tillitsvalgt.services import history as history_reader
from tillitsvalgt.services.representatives import create_representative
from tillitsvalgt.shapes import (
    CaseUpdate,
    EmployerUpdate,
    EventCreate,
    EventUpdate,
    RepresentativeCreate,
)

from conftest import TODAY, make_case, make_employer, run_cli


def _history(db: Database, ref: str) -> list[history.HistoryEntry]:
    with db.session(readonly=True) as s:
        return history_reader.case_history(ref, session=s)


def _raw_rows(db: Database) -> list[Any]:
    with db.engine.connect() as conn:
        return list(conn.execute(sa.text("SELECT * FROM change_history ORDER BY id")))


@pytest.fixture
def employer_id(db: Database) -> int:
    return make_employer(db)


@pytest.fixture
def case_no(db: Database, employer_id: int) -> str:
    return make_case(db, employer_id)


def test_each_change_of_a_case_is_recorded_newest_first(db: Database, case_no: str) -> None:
    with db.session() as s:
        c = cases.get_case(case_no, session=s)
        c = cases.update_case(
            case_no,
            CaseUpdate(
                version=c.version,
                title="Aktivitetsbasert kontor i 3. etasje",
                decision_on=date(2026, 3, 1),
                written_agreements=True,
            ),
            session=s,
        )
    with db.session() as s:
        c = cases.close_case(case_no, outcome="agreement", version=c.version, session=s)
    with db.session() as s:
        c = cases.reopen_case(case_no, version=c.version, session=s)
    with db.session() as s:
        cases.delete_case(case_no, session=s)
    with db.session() as s:
        cases.restore_case(case_no, session=s)

    shown = [(e.what, e.old, e.new) for e in _history(db, case_no) if e.entity == "case"]
    assert shown == [
        ("Saken hentet fra papirkurven", "", ""),
        ("Saken lagt i papirkurven", "", ""),
        ("Utfall", "Enighet", ""),
        ("Status", "Avsluttet", "Åpen"),
        ("Utfall", "", "Enighet"),
        ("Status", "Åpen", "Avsluttet"),
        # one update, three fields: the same time, so in reverse column order
        ("Skriftlige avtaler", "", "Ja"),
        ("Beslutningsdato", "", "01.03.2026"),
        ("Tittel", "Faste plasser fjernes i 3. etasje", "Aktivitetsbasert kontor i 3. etasje"),
        ("Saken opprettet", "", ""),
    ]
    # The stored values are the raw ones, so nothing is lost in the wording.
    rows = {(r.field, r.old_value, r.new_value) for r in _raw_rows(db)}
    assert ("decision_on", None, "2026-03-01") in rows
    assert ("written_agreements", None, "true") in rows
    # Derived columns are not history.
    assert not {r.field for r in _raw_rows(db)} & history.NOT_RECORDED


def test_events_and_the_employer_belong_to_the_case_history(
    db: Database, case_no: str, employer_id: int
) -> None:
    with db.session() as s:
        ev = events.add_event(
            case_no,
            EventCreate(kind="consultation_meeting", occurred_on=date(2026, 3, 12), notes="Utkast"),
            session=s,
        )
    with db.session() as s:
        ev = events.update_event(
            ev.id, EventUpdate(version=ev.version, notes="Referat godkjent"), session=s
        )
    with db.session() as s:
        events.delete_event(ev.id, version=ev.version, session=s)
    with db.session() as s:
        emp = employers.get_employer(employer_id, session=s)
        employers.update_employer(
            employer_id,
            EmployerUpdate(version=emp.version, contact_name="Per Hansen", employees=200),
            session=s,
        )
    shown = [(e.entity, e.what, e.old, e.new) for e in _history(db, case_no)]
    assert shown[:4] == [
        ("employer", "Virksomhet: Kontaktperson", "", "Per Hansen"),
        ("employer", "Virksomhet: Antall ansatte", "180", "200"),
        ("event", "Hendelse slettet: Drøftingsmøte 12.03.2026", "", ""),
        ("event", "Hendelse (Drøftingsmøte 12.03.2026): Notat", "Utkast", "Referat godkjent"),
    ]
    assert ("event", "Hendelse lagt til: Drøftingsmøte 12.03.2026", "", "") in shown
    assert shown[-1][:2] == ("employer", "Virksomheten registrert")


def test_who_is_the_profile_and_on_postgresql_the_database_role(db: Database, case_no: str) -> None:
    with db.session() as s:
        rep = create_representative(RepresentativeCreate(name="Kari Nordmann"), session=s)
    db.session_info[history.ACTOR] = str(rep.uuid)
    with db.session() as s:
        c = cases.get_case(case_no, session=s)
        cases.update_case(case_no, CaseUpdate(version=c.version, location="Tromsø"), session=s)
    newest, *_, oldest = _history(db, case_no)
    if db.engine.dialect.name == "postgresql":
        assert newest.who == "Kari Nordmann (postgres)"
        assert oldest.who == "postgres"  # made before a profile was chosen
    else:
        assert newest.who == "Kari Nordmann"
        assert oldest.who == "Ukjent (ingen profil)"
    assert newest.what == "Sted/avdeling"
    assert newest.changed_at.tzinfo is not None
    assert len(newest.when) == len("22.11.2026 14:05")


def test_a_refused_change_leaves_no_history(db: Database, case_no: str) -> None:
    before = len(_raw_rows(db))
    with pytest.raises(ConflictError), db.session() as s:
        cases.update_case(case_no, CaseUpdate(version=99, title="Ny tittel"), session=s)
    with pytest.raises(RuntimeError), db.session() as s:
        c = cases.get_case(case_no, session=s)
        cases.update_case(case_no, CaseUpdate(version=c.version, title="Ny tittel"), session=s)
        raise RuntimeError("the unit of work fails after the update")
    assert len(_raw_rows(db)) == before


def test_an_import_is_recorded_once(db: Database, scenarios: list[dict[str, Any]]) -> None:
    scenarios = [*scenarios[:-1], {**scenarios[-1], "case": {**scenarios[-1]["case"]}}]
    scenarios[-1]["case"].update(status="closed", outcome="withdrawn")
    with db.session() as s:
        report = transfer.import_bundle(scenarios, session=s, today=TODAY)
    rows = _raw_rows(db)
    created = [r for r in rows if r.action == "created"]
    assert len([r for r in created if r.entity == "case"]) == len(report.created)
    assert len([r for r in created if r.entity == "event"]) == report.events_added
    assert {r.context for r in rows} == {"import"}
    closed = [(r.field, r.new_value) for r in rows if r.action == "changed"]
    assert closed == [("status", "closed"), ("outcome", "withdrawn")]
    with db.session() as s:
        transfer.import_bundle(scenarios, session=s, today=TODAY)
    assert len(_raw_rows(db)) == len(rows)  # nothing new, nothing recorded


def test_an_import_with_a_profile_names_it_on_every_line(db: Database) -> None:
    """The set-based import sends a run's history lines while the next run is written: the
    profile chosen is on every line of both runs (on PostgreSQL it is looked up while the
    writer's statement may be running, on the same connection)."""
    from benchmarks import national

    with db.session() as s:
        rep = create_representative(RepresentativeCreate(name="Kari Nordmann"), session=s)
    db.session_info[history.ACTOR] = str(rep.uuid)
    items = next(national.bundles(1, base=8000, size=600))  # two runs of the set-based path
    with db.session() as s:
        report = transfer.import_bundle(items, session=s, today=TODAY)
    rows = [r for r in _raw_rows(db) if r.context == "import"]
    assert len([r for r in rows if r.entity == "case"]) >= len(report.created) > 500
    assert len([r for r in rows if r.entity == "event"]) == report.events_added
    assert {r.representative_id for r in rows} == {rep.id}


def test_the_history_cannot_be_edited_or_deleted(db: Database, case_no: str) -> None:
    for statement in (
        "UPDATE change_history SET old_value = 'forfalsket'",
        "UPDATE change_history SET action = 'deleted'",
        "UPDATE change_history SET old_value = '[slettet]', field = 'title'",
        "DELETE FROM change_history",
    ):
        with pytest.raises(sa.exc.DBAPIError) as err, db.engine.begin() as conn:
            conn.execute(sa.text(statement))
        assert "Endringshistorikken kan ikke endres eller slettes" in str(err.value)
    assert [r.action for r in _raw_rows(db)] == ["created", "created"]


@pytest.mark.parametrize("backend", ["postgresql"])
def test_postgresql_sets_role_and_time_and_allows_only_sanctioned_redaction(
    db: Database, case_no: str
) -> None:
    with db.engine.begin() as conn:
        conn.execute(
            sa.text(
                "INSERT INTO change_history (changed_at, entity, entity_id, action, db_role) "
                "VALUES ('2000-01-01', 'case', 1, 'changed', 'someone_else')"
            )
        )
        forged = conn.execute(
            sa.text("SELECT db_role, changed_at FROM change_history ORDER BY id DESC LIMIT 1")
        ).one()
    assert forged.db_role == "postgres"
    assert forged.changed_at.year >= 2026
    with pytest.raises(sa.exc.DBAPIError), db.engine.begin() as conn:
        conn.execute(sa.text("TRUNCATE change_history"))
    with db.session() as s:
        c = cases.get_case(case_no, session=s)
        cases.update_case(case_no, CaseUpdate(version=c.version, title="Ny tittel"), session=s)
    changed = "UPDATE change_history SET new_value = {value} WHERE field = 'title'"
    # Any text holding «[slettet]» is refused, with or without the old switch (0010) …
    for value in ("'x [slettet] y'", "'noe annet'"):
        with pytest.raises(sa.exc.DBAPIError), db.engine.begin() as conn:
            conn.execute(sa.text("SET LOCAL tillitsvalgt.redaction = 'on'"))
            conn.execute(sa.text(changed.format(value=value)))
    # … only the old value with stretches replaced by the mark (or NULL) passes.
    with db.engine.begin() as conn:
        conn.execute(sa.text(changed.format(value="'Ny [slettet]'")))
        conn.execute(sa.text(changed.format(value="'[slettet]'")))
        conn.execute(sa.text(changed.format(value="NULL")))


@pytest.mark.parametrize("backend", ["postgresql"])
def test_postgresql_stamps_a_line_that_claims_one_of_role_or_time(db: Database) -> None:
    # Migration 0026 calls the stamping trigger only for a line that differs from the
    # columns' defaults: a line right in one and forged in the other is still stamped.
    insert = (
        "INSERT INTO change_history (entity, entity_id, action, changed_at, db_role) "
        "VALUES ('case', 1, 'changed', {time}, {role}) RETURNING changed_at, db_role, "
        "now() AS now, session_user::text AS me"
    )
    for time, role in (
        ("'2000-01-01'", "session_user"),  # its own role, another time
        ("now()", "'someone_else'"),  # the right time, another role
        ("DEFAULT", "DEFAULT"),  # neither: the defaults, no trigger needed
        ("now()", "NULL"),  # no role at all
    ):
        with db.engine.begin() as conn:
            line = conn.execute(sa.text(insert.format(time=time, role=role))).one()
        assert (line.changed_at, line.db_role) == (line.now, line.me), (time, role)


@pytest.mark.parametrize("backend", ["sqlite"])
def test_sqlite_allows_only_a_redaction_of_the_values(db: Database, case_no: str) -> None:
    with db.engine.begin() as conn:
        conn.execute(sa.text("UPDATE change_history SET new_value = 'Per [slettet]'"))
        conn.execute(sa.text("UPDATE change_history SET new_value = NULL"))
    assert {r.new_value for r in _raw_rows(db)} == {None}


def test_history_on_the_command_line(
    db: Database, case_no: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with db.session() as s:
        c = cases.get_case(case_no, session=s)
        cases.update_case(
            case_no,
            CaseUpdate(version=c.version, description="Lang tekst " * 20),
            session=s,
        )
    url = db.engine.url.render_as_string(hide_password=False)
    code, out, err = run_cli(capsys, "--database-url", url, "history", case_no)
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].split() == ["Når", "Hvem", "Hva", "Fra", "Til"]
    assert "Beskrivelse" in lines[2] and lines[2].rstrip().endswith("…")  # newest first
    assert "Saken opprettet" in out and "Virksomheten registrert" in out
    code, out, _ = run_cli(capsys, "--database-url", url, "history", case_no, "--json")
    data = json.loads(out)
    assert data[0]["field"] == "description" and data[0]["new"] == "Lang tekst " * 20
    code, _, err = run_cli(capsys, "--database-url", url, "history", "2026/999")
    assert code != 0 and "Fant ikke sak 2026/999" in err


def test_every_way_of_writing_is_recorded(db: Database, case_no: str, employer_id: int) -> None:
    """Through the ORM (an attribute set on a loaded row), a bulk UPDATE with plain values,
    and one with an SQL expression (read back after it ran); an executemany UPDATE of user
    data is refused rather than left unrecorded."""
    from sqlmodel import col

    from tillitsvalgt.tables import Case, Employer

    with db.session() as s:
        row = s.get(Employer, employer_id)
        assert row is not None
        row.address = "Storgata 1, Tromsø"
        s.add(row)
    with db.session() as s:
        s.execute(
            sa.update(Case).where(col(Case.number) == case_no).values(title=Case.title + " (B)")
        )
    with db.session() as s:
        s.execute(sa.update(Case).where(col(Case.number) == case_no).values(location="Bygg C"))
    shown = [(e.what, e.old, e.new) for e in _history(db, case_no)]
    assert shown[:3] == [
        ("Sted/avdeling", "", "Bygg C"),
        ("Tittel", "Faste plasser fjernes i 3. etasje", "Faste plasser fjernes i 3. etasje (B)"),
        ("Virksomhet: Adresse", "", "Storgata 1, Tromsø"),
    ]
    table = Case.__table__  # type: ignore[attr-defined]
    statement = table.update().where(table.c.id == sa.bindparam("b_id"))
    with pytest.raises(RuntimeError, match="executemany"), db.session() as s:
        s.execute(statement.values(title=sa.bindparam("b_title")), [{"b_id": 1, "b_title": "x"}])


def test_the_command_line_records_the_profile_in_use(
    db: Database, case_no: str, tmp_path: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    url = db.engine.url.render_as_string(hide_password=False)
    cli = ["--data-dir", str(tmp_path / "cli"), "--database-url", url]
    code, _, err = run_cli(capsys, *cli, "profile", "--name", "Ola Tillitsvalgt")
    assert code == 0, err
    code, _, err = run_cli(capsys, *cli, "close", case_no, "--outcome", "withdrawn")
    assert code == 0, err
    code, out, _ = run_cli(capsys, *cli, "history", case_no, "--json")
    newest = json.loads(out)[0]
    assert (newest["what"], newest["new"]) == ("Utfall", "Arbeidsgiver trakk endringen")
    assert newest["who"].startswith("Ola Tillitsvalgt")


def test_an_event_deleted_with_sql_leaves_a_line_in_the_history(db: Database, case_no: str) -> None:
    # The app never deletes an event (it moves it to the recycle bin); a tool writing SQL
    # could, and used to leave no trace (issue 14).
    with db.session() as s:
        event = events.add_event(
            case_no, EventCreate(kind="note", occurred_on=TODAY, notes="Møte"), session=s
        )
    with db.engine.begin() as conn:
        conn.execute(sa.text("DELETE FROM events WHERE id = :i"), {"i": event.id})
    removed = [r for r in _raw_rows(db) if r.action == "removed"]
    assert [(r.entity, r.entity_id, r.context) for r in removed] == [("event", event.id, "sql")]
    with db.session(readonly=True) as s:
        lines = history_reader.case_history(case_no, session=s)
    assert lines[0].action == "removed" and lines[0].entity == "event"


@pytest.mark.parametrize("set_based", [True, False])
def test_the_reports_key_is_never_in_the_history(
    db: Database, other_db: Database, case_no: str, set_based: bool
) -> None:
    # docs/rapport-metode.md: the key is never changed and never shown. An imported case
    # keeps the bundle's key; neither import path may record (or show) it as a change.
    with db.session(readonly=True) as s:
        bundle = transfer.export_bundle(session=s)
    bundle[0]["case"]["cell_key"] = 201
    with other_db.session() as s:
        report = transfer.import_bundle(bundle, session=s, today=TODAY, set_based=set_based)
    with other_db.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT cell_key FROM cases")).scalar_one() == 201
        fields = conn.execute(sa.text("SELECT field FROM change_history")).scalars().all()
    assert fields and "cell_key" not in fields
    # A line an earlier version wrote is not shown either.
    with other_db.engine.begin() as conn:
        case_id = conn.execute(sa.text("SELECT id FROM cases")).scalar_one()
        conn.execute(
            sa.text(
                "INSERT INTO change_history (changed_at, entity, entity_id, case_id, action, "
                "field, old_value, new_value) VALUES (:at, 'case', :c, :c, 'changed', "
                "'cell_key', '17', '201')"
            ),
            {"at": "2026-01-01 00:00:00", "c": case_id},
        )
    with other_db.session(readonly=True) as s:
        shown = history_reader.case_history(report.created[0], session=s)
    assert shown and all(e.field != "cell_key" and "201" not in (e.new or "") for e in shown)
