"""Backups of the SQLite database: private, consistent while the app writes, pruned to the
newest N, restorable to exactly the state they were taken in (after a safety copy of the
current state), refused when damaged, and taken automatically when the data has changed.
PostgreSQL is backed up on the server; the app says so."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
import stat
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from alembic import command

from tillitsvalgt import backup
from tillitsvalgt.backup import (
    DEFAULT_KEEP,
    auto_backup,
    backup_sqlite,
    check_file,
    integrity_check,
    list_backups,
    live_file_state,
    restore,
    sidecar,
)
from tillitsvalgt.db import Database
from tillitsvalgt.errors import DatabaseError
from tillitsvalgt.services import cases, checklist, deadlines, documents, events, representatives
from tillitsvalgt.shapes import (
    CaseUpdate,
    ChecklistAnswerSet,
    DeadlineCreate,
    DocumentCreate,
    EventCreate,
    EventUpdate,
    RepresentativeCreate,
)

from conftest import make_case, make_employer

MODEL_TABLES = {
    "case_counters",
    "cases",
    "checklist_answers",
    "deadline_extensions",
    "deadlines",
    "documents",
    "employers",
    "event_revisions",
    "events",
    "representatives",
}
LATER = timedelta(hours=25)  # past the default 24-hour interval of auto_backup


def live_file(db: Database) -> Path:
    assert db.location.file is not None
    return db.location.file


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@contextlib.contextmanager
def read_only(file: Path) -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(file.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        yield conn
    finally:
        conn.close()


def snapshot(file: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, the free-text index and its shadow tables included."""
    with read_only(file) as conn:
        names = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master "
                "WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        return {n: rows(conn, n) for n in names}


def rows(conn: sqlite3.Connection, table: str) -> list[tuple[Any, ...]]:
    try:
        return conn.execute(f'SELECT * FROM "{table}" ORDER BY rowid').fetchall()
    except sqlite3.OperationalError:  # a WITHOUT ROWID table (FTS5 keeps two): by its key
        return conn.execute(f'SELECT * FROM "{table}"').fetchall()


def case_numbers(file: Path) -> list[str]:
    with read_only(file) as conn:
        return [r[0] for r in conn.execute("SELECT number FROM cases ORDER BY id")]


def search(db: Database, text: str) -> list[str]:
    with db.session(readonly=True) as s:
        return [r.number for r in cases.list_cases(cases.CaseQuery(text=text), session=s).rows]


def populate(db: Database, cases_count: int = 1) -> str:
    """A row in every table, through the services; returns the first case's number."""
    with db.session() as s:
        rep_id = representatives.create_representative(
            RepresentativeCreate(name="Kari Tillitsvalgt", role="Hovedtillitsvalgt"), session=s
        ).id
    employer_id = make_employer(db)
    numbers = [
        make_case(
            db,
            employer_id,
            representative_id=rep_id,
            description=f"Sak {i}: " + "Kontorlandskap med delte pulter. " * 20,
        )
        for i in range(cases_count)
    ]
    number = numbers[0]
    with db.session() as s:
        event = events.add_event(
            number,
            EventCreate(kind="note", occurred_on=date(2026, 3, 1), notes="Første notat"),
            session=s,
        )
        events.update_event(event.id, EventUpdate(version=1, notes="Rettet notat"), session=s)
        document = documents.add_document(
            number,
            DocumentCreate(
                direction="inn", kind="vedlegg", title="Tegninger", content=b"%PDF-1.7 tegning"
            ),
            session=s,
        )
        deadline = deadlines.add_deadline(
            number,
            DeadlineCreate(due_on=date(2026, 4, 1), title="Svar", document_id=document.id),
            session=s,
        )
        deadlines.extend_deadline(
            deadline.id, new_due_on=date(2026, 4, 15), reason="Ferie", session=s
        )
        checklist.set_answer(number, ChecklistAnswerSet(item_key="utstyr", answer="met"), session=s)
    return number


def change_everything_later(db: Database, number: str) -> None:
    """Changes after the backup: an edit, a new case, a deleted event, a closed case."""
    with db.session() as s:
        case = cases.get_case(number, session=s)
        cases.update_case(number, CaseUpdate(version=case.version, title="Omdøpt sak"), session=s)
        events.delete_event(events.list_events(number, session=s)[0].id, version=2, session=s)
    make_case(db, make_employer(db, name="Ny Arbeidsgiver AS", orgnr=None), title="Helt ny sak")
    with db.session() as s:
        case = cases.get_case(number, session=s)
        cases.close_case(number, outcome="agreement", version=case.version, session=s)


# --------------------------------------------------------------------------- backup


def test_backup_is_a_private_self_contained_copy_of_the_data(
    sqlite_db: Database, tmp_path: Path
) -> None:
    populate(sqlite_db)
    before = snapshot(live_file(sqlite_db))
    assert all(before[t] for t in MODEL_TABLES)  # the comparison below covers every table

    file = backup_sqlite(sqlite_db)

    assert file.parent == live_file(sqlite_db).parent / "backups"
    if os.name == "posix":
        assert (mode(file.parent), mode(file), mode(sidecar(file))) == (0o700, 0o600, 0o600)
    # One file, in rollback-journal mode: it needs no -wal beside it when copied away.
    alone = tmp_path / "elsewhere" / "kopi.db"
    alone.parent.mkdir()
    shutil.copyfile(file, alone)
    assert alone.read_bytes()[18:20] == b"\x01\x01"
    assert snapshot(alone) == before
    assert check_file(file).ok


def test_backup_while_in_use_has_committed_work_and_not_uncommitted(sqlite_db: Database) -> None:
    number = make_case(sqlite_db, make_employer(sqlite_db))  # committed, still in the WAL
    writer = sqlite3.connect(live_file(sqlite_db), isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")  # another writer, holding its write lock
        writer.execute("INSERT INTO case_counters (year, last_seq) VALUES (2099, 1)")

        file = backup_sqlite(sqlite_db)
    finally:
        writer.execute("ROLLBACK")
        writer.close()

    assert case_numbers(file) == [number]
    assert snapshot(file)["case_counters"] == [(2026, 1)]


def test_backups_taken_while_cases_are_being_written_are_each_consistent(
    sqlite_db: Database,
) -> None:
    employer_id = make_employer(sqlite_db)
    made = [0]
    stop = threading.Event()
    progress = threading.Condition()

    def write() -> None:
        while not stop.is_set():
            make_case(sqlite_db, employer_id)
            with progress:
                made[0] += 1
                progress.notify_all()

    thread = threading.Thread(target=write)
    thread.start()
    counts = []
    try:
        for _ in range(4):
            with progress:  # the writer has moved on since the last backup
                seen = made[0]
                assert progress.wait_for(lambda s=seen: made[0] > s, timeout=10)
            file = backup_sqlite(sqlite_db)
            with read_only(file) as conn:
                n_cases = conn.execute("SELECT count(*) FROM cases").fetchone()[0]
                (last_seq,) = conn.execute("SELECT last_seq FROM case_counters").fetchone()
            # Each case and its counter are written in one transaction: a consistent copy
            # never has one without the other.
            assert n_cases == last_seq
            assert check_file(file).ok
            counts.append(n_cases)
    finally:
        stop.set()
        thread.join()
    assert counts == sorted(set(counts))  # every copy saw later writes than the one before


def test_only_the_newest_backups_are_kept(sqlite_db: Database) -> None:
    make_employer(sqlite_db)
    made = [backup_sqlite(sqlite_db, keep=3) for _ in range(5)]

    assert list_backups(sqlite_db) == made[:1:-1]  # the last three, newest first
    assert sorted(p.name for p in made[0].parent.iterdir()) == sorted(
        [p.name for p in made[2:]] + [sidecar(p).name for p in made[2:]]
    )


def test_backup_and_restore_work_in_a_folder_with_url_characters(tmp_path: Path) -> None:
    db = Database.open(data_dir=tmp_path / "Mine saker #1? 50%")
    try:
        number = make_case(db, make_employer(db))
        file = backup_sqlite(db)
        make_case(db, make_employer(db, name="Annen AS", orgnr=None))
        restore(db, file)
        assert search(db, "faste") == [number]
    finally:
        db.dispose()


# --------------------------------------------------------------------------- restore


def test_restore_brings_back_every_table_as_it_was_after_a_safety_backup(
    sqlite_db: Database,
) -> None:
    number = populate(sqlite_db)
    at_backup = snapshot(live_file(sqlite_db))
    file = backup_sqlite(sqlite_db)
    change_everything_later(sqlite_db, number)
    before_restore = snapshot(live_file(sqlite_db))
    assert before_restore != at_backup

    safety = restore(sqlite_db, file)

    assert snapshot(live_file(sqlite_db)) == at_backup
    # The safety backup holds the state the restore replaced, so it can be undone.
    assert "for-gjenoppretting" in safety.name and safety in list_backups(sqlite_db)
    assert snapshot(safety) == before_restore
    # The same Database goes on working, with an index that matches the restored rows.
    assert search(sqlite_db, "omdøpt") == []
    assert search(sqlite_db, "faste plasser") == [number]
    make_case(sqlite_db, make_employer(sqlite_db, name="Etter gjenoppretting AS", orgnr=None))


def test_restore_from_the_oldest_backup_of_a_full_folder(sqlite_db: Database) -> None:
    # The safety backup must not prune the very file being restored.
    make_case(sqlite_db, make_employer(sqlite_db))
    at_oldest = snapshot(live_file(sqlite_db))
    oldest = backup_sqlite(sqlite_db)
    for _ in range(DEFAULT_KEEP - 1):
        make_case(sqlite_db, make_employer(sqlite_db, name="Flere AS", orgnr=None))
        backup_sqlite(sqlite_db)
    assert list_backups(sqlite_db)[-1] == oldest

    restore(sqlite_db, oldest)

    assert snapshot(live_file(sqlite_db)) == at_oldest


def test_restore_of_a_backup_from_before_an_upgrade_migrates_it(sqlite_db: Database) -> None:
    number = make_case(sqlite_db, make_employer(sqlite_db), description="Landskap i 5. etasje")
    file = backup_sqlite(sqlite_db)
    old = Database.open(database_url=f"sqlite:///{file}", migrate=False)
    with old.engine.begin() as conn:  # as the first version of the app left it
        cfg = old.alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0001")
    old.dispose()
    sidecar(file).unlink()  # changed on purpose, so its checksum no longer applies
    make_case(sqlite_db, make_employer(sqlite_db, name="Senere AS", orgnr=None))

    restore(sqlite_db, file)

    assert sqlite_db.current_revision() == sqlite_db.head_revision()
    assert search(sqlite_db, "landskap") == [number]


def truncate(file: Path) -> None:
    with file.open("r+b") as fh:
        fh.truncate(file.stat().st_size // 2)


def overwrite_middle_page(file: Path) -> None:
    size = file.stat().st_size
    page = 4096
    middle = (size // page // 2) * page
    with file.open("r+b") as fh:
        fh.seek(middle)
        fh.write(bytes((i * 37 + 11) % 256 for i in range(page)))


def replace_with_text(file: Path) -> None:
    file.write_text("Dette er et møtereferat, ikke en database.\n", encoding="utf-8")


def stamp_newer_version(file: Path) -> None:
    with sqlite3.connect(file) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'ffff_future'")
    conn.close()


CHECKSUM = "sjekksummen stemmer ikke"
DAMAGE: dict[str, tuple[Callable[[Path], None], str, str]] = {
    # how the backup is damaged; what the refusal says with and without the checksum file
    "truncated": (truncate, CHECKSUM, "skadet"),
    "overwritten-middle": (overwrite_middle_page, CHECKSUM, "skadet"),
    "text-file": (replace_with_text, "ikke en SQLite-database", "ikke en SQLite-database"),
    "newer-version": (stamp_newer_version, CHECKSUM, "nyere versjon"),
}


@pytest.mark.parametrize("with_checksum", [True, False], ids=["with-checksum", "bare-file"])
@pytest.mark.parametrize("damage", list(DAMAGE))
def test_damaged_backup_is_refused_and_the_live_database_unchanged(
    sqlite_db: Database, damage: str, with_checksum: bool
) -> None:
    populate(sqlite_db, cases_count=40)  # some pages, so "the middle" is a b-tree page
    file = backup_sqlite(sqlite_db)
    make_case(sqlite_db, make_employer(sqlite_db, name="Etterpå AS", orgnr=None))
    live_before = snapshot(live_file(sqlite_db))
    backups_before = list_backups(sqlite_db)
    damage_file, checksum_message, bare_message = DAMAGE[damage]
    damage_file(file)
    if not with_checksum:
        sidecar(file).unlink()

    with pytest.raises(DatabaseError) as refused:
        restore(sqlite_db, file)

    message = str(refused.value)
    assert message.startswith(f"Sikkerhetskopien {file} kan ikke brukes, og ingenting er endret")
    assert (checksum_message if with_checksum else bare_message) in message
    assert snapshot(live_file(sqlite_db)) == live_before
    assert list_backups(sqlite_db) == backups_before  # no safety copy was even needed


def test_changed_bytes_inside_a_value_are_caught_by_the_checksum(sqlite_db: Database) -> None:
    make_case(sqlite_db, make_employer(sqlite_db), title="Faste plasser fjernes")
    file = backup_sqlite(sqlite_db)
    data = file.read_bytes()
    assert b"Faste plasser fjernes" in data  # in the row, the title index and the text index
    file.write_bytes(data.replace(b"Faste plasser fjernes", b"Faste plasser beholdt"))
    # SQLite's own check cannot see this: every page is well-formed, only words changed.
    meta = sidecar(file).read_text()
    sidecar(file).unlink()
    assert check_file(file).ok
    sidecar(file).write_text(meta)

    report = check_file(file)
    assert not report.ok and CHECKSUM in report.problems[0]
    with pytest.raises(DatabaseError, match=CHECKSUM):
        restore(sqlite_db, file)


# --------------------------------------------------------------------------- integrity


def test_integrity_check_is_ok_on_a_good_database(sqlite_db: Database) -> None:
    populate(sqlite_db)
    report = integrity_check(sqlite_db)
    assert report.ok and report.problems == []


def test_integrity_check_reports_damaged_pages(sqlite_db: Database) -> None:
    populate(sqlite_db, cases_count=40)
    file = live_file(sqlite_db)
    with read_only(file) as conn:
        (root,) = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'ix_cases_title_id'"
        ).fetchone()
    sqlite_db.dispose()  # the last connection checkpoints: every page is in the main file
    with file.open("r+b") as fh:
        fh.seek((root - 1) * 4096)
        fh.write(b"\xff" * 4096)

    report = integrity_check(sqlite_db)

    assert not report.ok and report.problems
    assert any("Integritetsfeil" in p or "skadet" in p for p in report.problems)


def test_integrity_check_reports_rows_pointing_at_nothing(sqlite_db: Database) -> None:
    make_case(sqlite_db, make_employer(sqlite_db))
    with sqlite3.connect(live_file(sqlite_db)) as conn:  # foreign keys are off by default here
        conn.execute("DELETE FROM employers")
    conn.close()

    report = integrity_check(sqlite_db)

    assert not report.ok
    assert report.problems == ["1 rader peker på rader som ikke finnes (fremmednøkler)."]


# --------------------------------------------------------------------------- PostgreSQL


@pytest.mark.parametrize("backend", ["postgresql"])
def test_postgresql_backup_and_restore_refuse_with_a_message(db: Database, tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="pg_dump") as refused:
        backup_sqlite(db)
    assert "PostgreSQL" in str(refused.value)
    somewhere = tmp_path / "kopi.db"
    somewhere.write_bytes(b"")
    with pytest.raises(DatabaseError, match="pg_dump"):
        restore(db, somewhere)
    make_case(db, make_employer(db))
    assert auto_backup(db) is None
    assert integrity_check(db).ok


# --------------------------------------------------------------------------- automatic


def test_auto_backup_skips_an_empty_database_and_backs_up_one_with_data(
    sqlite_db: Database,
) -> None:
    assert auto_backup(sqlite_db) is None
    assert list_backups(sqlite_db) == []

    number = make_case(sqlite_db, make_employer(sqlite_db))
    file = auto_backup(sqlite_db)

    assert file is not None and file.name.endswith("-automatisk.db")
    assert list_backups(sqlite_db) == [file]
    assert case_numbers(file) == [number]


def test_auto_backup_waits_the_minimum_interval(sqlite_db: Database) -> None:
    make_case(sqlite_db, make_employer(sqlite_db))
    first = auto_backup(sqlite_db)
    assert first is not None
    make_case(sqlite_db, make_employer(sqlite_db, name="Annen AS", orgnr=None))
    now = datetime.now(UTC)

    assert auto_backup(sqlite_db, now=now) is None  # changed, but the last one is too new
    assert auto_backup(sqlite_db, now=now, min_interval=timedelta(0)) is not None
    assert len(list_backups(sqlite_db)) == 2


def test_auto_backup_skips_an_unchanged_database_even_after_a_checkpoint(
    sqlite_db: Database,
) -> None:
    make_case(sqlite_db, make_employer(sqlite_db))
    first = auto_backup(sqlite_db)  # taken while the case is still in the -wal file
    assert first is not None
    recorded = json.loads(sidecar(first).read_text())["source_state"]
    sqlite_db.dispose()  # closing checkpoints: the main file is rewritten, -wal removed
    reopened = Database.open(data_dir=live_file(sqlite_db).parent)
    try:
        # The files did move, so the decision below rests on the content comparison.
        assert json.loads(json.dumps(live_file_state(live_file(reopened)))) != recorded

        assert auto_backup(reopened, now=datetime.now(UTC) + LATER) is None
        assert list_backups(reopened) == [first]
    finally:
        reopened.dispose()


def test_auto_backup_notices_a_change_another_program_made(sqlite_db: Database) -> None:
    with sqlite_db.session() as s:
        representatives.create_representative(RepresentativeCreate(name="Kari"), session=s)
    first = auto_backup(sqlite_db)
    assert first is not None
    assert auto_backup(sqlite_db, now=datetime.now(UTC) + LATER) is None  # nothing changed
    sqlite_db.dispose()
    # A table without any timestamp, changed behind the app's back while it was closed.
    with sqlite3.connect(live_file(sqlite_db)) as conn:
        conn.execute("UPDATE representatives SET name = 'Kari Nordmann'")
    conn.close()
    reopened = Database.open(data_dir=live_file(sqlite_db).parent)
    try:
        second = auto_backup(reopened, now=datetime.now(UTC) + LATER)

        assert second is not None and second != first
        assert [row[0] for row in snapshot(second)["representatives"]] == ["Kari Nordmann"]
    finally:
        reopened.dispose()


def test_auto_backup_keeps_only_the_newest(sqlite_db: Database) -> None:
    employer_id = make_employer(sqlite_db)
    made = []
    for _ in range(4):
        make_case(sqlite_db, employer_id)
        made.append(auto_backup(sqlite_db, keep=2, min_interval=timedelta(0)))
    assert None not in made
    assert list_backups(sqlite_db) == made[:1:-1]


def test_auto_backup_is_not_stopped_by_a_backup_dated_in_the_future(
    sqlite_db: Database,
) -> None:
    make_case(sqlite_db, make_employer(sqlite_db))
    first = auto_backup(sqlite_db)
    assert first is not None
    meta = json.loads(sidecar(first).read_text())
    meta["created"] = "2099-01-01T00:00:00+00:00"  # the clock was wrong that day
    sidecar(first).write_text(json.dumps(meta))
    make_case(sqlite_db, make_employer(sqlite_db, name="Annen AS", orgnr=None))

    assert auto_backup(sqlite_db) is not None


def test_auto_backup_treats_an_unreadable_newest_backup_as_missing(sqlite_db: Database) -> None:
    make_case(sqlite_db, make_employer(sqlite_db))
    first = auto_backup(sqlite_db)
    assert first is not None
    replace_with_text(first)
    sidecar(first).unlink()
    os.utime(first, (0, 0))  # and old

    assert auto_backup(sqlite_db) is not None


def test_content_digest_is_equal_for_a_database_and_its_backup(sqlite_db: Database) -> None:
    populate(sqlite_db)
    file = backup_sqlite(sqlite_db)
    assert backup.content_digest(file) == backup.content_digest(
        live_file(sqlite_db), readonly=False
    )
    make_case(sqlite_db, make_employer(sqlite_db, name="Annen AS", orgnr=None))
    assert backup.content_digest(file) != backup.content_digest(
        live_file(sqlite_db), readonly=False
    )


def test_retention_keeps_the_newest_one_a_day_for_two_weeks_and_one_a_month_for_a_year() -> None:
    from tillitsvalgt.backup import KEEP_DAILY, KEEP_MONTHLY, backups_to_keep

    now = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)
    # Three backups a day for 400 days, newest first.
    made = [
        (Path(f"b{d:03d}-{k}.db"), now - timedelta(days=d, hours=3 * k))
        for d in range(400)
        for k in range(3)
    ]
    kept = backups_to_keep(made, now=now, keep=DEFAULT_KEEP)
    by_path = dict(made)
    newest = sorted(made, key=lambda m: m[1], reverse=True)[:DEFAULT_KEEP]
    assert {p for p, _ in newest} <= kept
    days = {by_path[p].astimezone().date() for p in kept}
    today = now.astimezone().date()
    for back in range(KEEP_DAILY):
        assert today - timedelta(days=back) in days  # one for each of the last 14 days
    months = {(by_path[p].astimezone().year, by_path[p].astimezone().month) for p in kept}
    assert len(months) == KEEP_MONTHLY  # and one for each of the last 12 months
    assert (2025, 11) not in months  # 12 months back is the first one dropped
    # Nothing else: at most newest + daily + monthly.
    assert len(kept) <= DEFAULT_KEEP + KEEP_DAILY + KEEP_MONTHLY
    # One per day kept is the newest of that day.
    for back in range(KEEP_DAILY):
        day = today - timedelta(days=back)
        of_day = [p for p, when in made if when.astimezone().date() == day]
        newest_of_day = max(of_day, key=lambda p: by_path[p])
        assert newest_of_day in kept


def test_prune_follows_the_policy_on_real_files(sqlite_db: Database) -> None:
    old = []
    for days_back in (40, 20, 3):
        file = backup_sqlite(sqlite_db, reason="manuell", keep=None)
        meta = json.loads(sidecar(file).read_text("utf-8"))
        meta["created"] = (datetime.now(UTC) - timedelta(days=days_back)).isoformat()
        sidecar(file).write_text(json.dumps(meta), "utf-8")
        old.append(file)
    newest = [backup_sqlite(sqlite_db, reason="manuell", keep=None) for _ in range(3)]
    now = datetime.now(UTC)
    removed = backup.prune(sqlite_db, keep=2, now=now)
    # Kept: the two newest; the 3-days-old one (the newest of its day); the 40-days-old
    # one (the newest of its month) — and the 20-days-old one only when it is the newest of
    # its month, that is when the month began less than 20 days ago.
    expected = {newest[0]}
    if (now - timedelta(days=20)).astimezone().month == now.astimezone().month:
        expected.add(old[1])
    assert set(removed) == expected
    assert set(list_backups(sqlite_db)) == {*old, *newest} - expected
    assert not any(f.exists() or sidecar(f).exists() for f in removed)
