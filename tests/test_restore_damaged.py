"""Restore when the live database is damaged, stale ``-wal``/``-shm`` files, and the
temporary files of a backup killed mid-copy (findings 9, 10 and 12 of the trust attack).
Real processes of the command line on real files."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tillitsvalgt.backup import backup_sqlite
from tillitsvalgt.db import Database

from conftest import REPO, make_case, make_employer

CASES = 40


def tv(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "TILLITSVALGT_NO_GUI": "1"}
    return subprocess.run(
        [sys.executable, "-m", "tillitsvalgt.cli", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def titles(file: Path) -> list[str]:
    conn = sqlite3.connect(file.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        return [t for (t,) in conn.execute("SELECT title FROM cases ORDER BY id")]
    finally:
        conn.close()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A database with CASES cases and one backup of it, closed."""
    directory = tmp_path / "data"
    db = Database.open(data_dir=directory)
    employer = make_employer(db)
    for i in range(CASES):
        make_case(db, employer, title=f"Sak {i}", description="Kontorlandskap. " * 200)
    backup_sqlite(db, reason="manuell")
    db.dispose()
    return directory


def live(data_dir: Path) -> Path:
    return data_dir / "tillitsvalgt.db"


def the_backup(data_dir: Path) -> Path:
    (found,) = (data_dir / "backups").glob("tillitsvalgt-*-manuell.db")
    return found


def assert_restored(data_dir: Path, result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode == 0, result.stdout + result.stderr
    assert titles(live(data_dir)) == [f"Sak {i}" for i in range(CASES)]
    checked = tv(data_dir, "check")
    assert checked.returncode == 0 and "i orden" in checked.stdout, checked.stderr


def crash_with_committed_wal(file: Path, sql: str) -> None:
    """Commit ``sql`` into the -wal of ``file`` and die without a checkpoint (as a crash
    leaves it)."""
    code = (
        "import os, sqlite3, sys\n"
        "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "c.execute('PRAGMA journal_mode = WAL'); c.execute('PRAGMA wal_autocheckpoint = 0')\n"
        "c.execute(sys.argv[2])\n"
        "os._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", code, str(file), sql], check=True, timeout=60)
    assert file.with_name(file.name + "-wal").stat().st_size > 0


# --------------------------------------------------------------------------- damaged


def test_restore_works_when_the_live_database_is_cut_short(data_dir: Path) -> None:
    file = live(data_dir)
    cut = file.stat().st_size // 3
    os.truncate(file, cut)
    assert tv(data_dir, "cases").returncode == 1  # the app refuses the damaged file

    result = tv(data_dir, "restore", str(the_backup(data_dir)), "--yes")

    assert_restored(data_dir, result)
    assert "Den skadde databasen er flyttet til" in result.stdout, result.stdout
    (aside,) = (data_dir / "backups").glob("tillitsvalgt-*-skadet.db")
    assert aside.stat().st_size == cut  # kept as it was, for whatever it still holds


def test_restore_works_when_the_first_pages_are_overwritten(data_dir: Path) -> None:
    file = live(data_dir)
    with file.open("r+b") as fh:
        fh.seek(100)  # keep the 16-byte header, destroy the rest of pages 1 and 2
        fh.write(os.urandom(2 * 4096 - 100))

    result = tv(data_dir, "restore", str(the_backup(data_dir)), "--yes")

    assert_restored(data_dir, result)
    assert tv(data_dir, "backups").returncode == 0


def test_backups_are_listed_while_the_live_database_is_damaged(data_dir: Path) -> None:
    live(data_dir).write_bytes(b"SQLite format 3\x00" + os.urandom(8192))
    listed = tv(data_dir, "backups")
    assert listed.returncode == 0, listed.stderr
    assert "manuell" in listed.stdout


def test_a_stale_wal_of_another_database_never_mixes_with_the_restored_file(
    data_dir: Path, tmp_path: Path
) -> None:
    # A bigger database crashed with committed work in its -wal; its main file was then
    # damaged. Its -wal must not be applied to the restored file.
    other = tmp_path / "other" / "tillitsvalgt.db"
    db = Database.open(data_dir=other.parent)
    employer = make_employer(db)
    for i in range(CASES * 2):
        make_case(db, employer, title=f"Annen {i}")
    db.dispose()
    crash_with_committed_wal(other, "UPDATE cases SET title = title || ' (endret)'")
    file = live(data_dir)
    file.unlink()
    os.rename(other.with_name(other.name + "-wal"), file.with_name(file.name + "-wal"))
    other.with_name(other.name + "-shm").unlink(missing_ok=True)
    file.write_bytes(b"SQLite format 3\x00" + os.urandom(4096 * 3))  # damaged main file

    result = tv(data_dir, "restore", str(the_backup(data_dir)), "--yes")

    assert_restored(data_dir, result)
    assert not any("(endret)" in t or t.startswith("Annen") for t in titles(file))


def test_restore_over_a_live_file_with_a_committed_wal_keeps_that_work_in_the_safety_copy(
    data_dir: Path,
) -> None:
    crash_with_committed_wal(live(data_dir), "UPDATE cases SET title = title || ' (endret)'")

    result = tv(data_dir, "restore", str(the_backup(data_dir)), "--yes")

    assert_restored(data_dir, result)
    (safety,) = (data_dir / "backups").glob("tillitsvalgt-*-for-gjenoppretting.db")
    assert titles(safety) == [f"Sak {i} (endret)" for i in range(CASES)]


def test_a_fifo_as_the_database_does_not_hang_restore(data_dir: Path) -> None:
    file = live(data_dir)
    file.unlink()
    os.mkfifo(file)
    result = tv(data_dir, "restore", str(the_backup(data_dir)), "--yes")
    assert_restored(data_dir, result)
    assert sorted(p.name.rsplit("-", 1)[-1] for p in (data_dir / "backups").iterdir()) == [
        "manuell.db",
        "manuell.db.json",
    ]


# --------------------------------------------------------------------------- leftovers

SLOW_BACKUP = """
import sys, time
from pathlib import Path
from tillitsvalgt import backup
from tillitsvalgt.db import Database

def slow_checksum(file: Path) -> str:
    print("copied", flush=True)  # the full copy is in the temporary file now
    time.sleep(120)
    raise SystemExit(1)

backup.file_sha256 = slow_checksum
db = Database.open(data_dir=sys.argv[1])
backup.backup_sqlite(db, reason="manuell")
"""


def start_slow_backup(data_dir: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen(
        [sys.executable, "-c", SLOW_BACKUP, str(data_dir)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "copied"
    return proc


def temp_files(data_dir: Path) -> list[str]:
    return sorted(p.name for p in (data_dir / "backups").iterdir() if ".tmp" in p.name)


def test_a_backup_killed_mid_copy_leaves_no_temporary_copy_after_the_next_start(
    data_dir: Path,
) -> None:
    proc = start_slow_backup(data_dir)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.stdout is not None
    proc.stdout.close()
    left = temp_files(data_dir)
    assert left and left[0].endswith(".db.tmp")
    file = data_dir / "backups" / left[0]
    assert file.stat().st_size > 100_000  # a full copy of the personal data

    started = tv(data_dir, "cases")

    assert started.returncode == 0, started.stderr
    assert temp_files(data_dir) == []
    listed = tv(data_dir, "backups").stdout
    assert ".tmp" not in listed


def test_a_backup_in_progress_in_another_process_is_not_taken_for_a_leftover(
    data_dir: Path,
) -> None:
    proc = start_slow_backup(data_dir)
    try:
        left = temp_files(data_dir)
        made = tv(data_dir, "backup")
        assert made.returncode == 0, made.stderr
        assert temp_files(data_dir) == left  # still being written by the other process
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        assert proc.stdout is not None
        proc.stdout.close()
    time.sleep(0.05)
    assert tv(data_dir, "backup").returncode == 0
    assert temp_files(data_dir) == []


def test_a_fifo_or_a_device_as_the_database_is_refused_at_once(tmp_path: Path) -> None:
    fifo_dir = tmp_path / "fifo"
    fifo_dir.mkdir()
    os.mkfifo(fifo_dir / "tillitsvalgt.db")
    device_dir = tmp_path / "device"
    device_dir.mkdir()
    (device_dir / "tillitsvalgt.db").symlink_to("/dev/null")
    for directory in (fifo_dir, device_dir):
        started = time.monotonic()
        result = tv(directory, "cases")
        assert time.monotonic() - started < 30
        assert result.returncode == 1, result.stderr
        assert "er ikke en vanlig fil" in result.stderr, result.stderr
    assert Path("/dev/null").is_char_device()


def test_a_backup_copied_in_by_hand_beside_a_stale_wal_is_refused_not_mixed(
    data_dir: Path,
) -> None:
    """Finding: after a crash left a committed -wal, copying a backup over the database by
    hand gave the crashed database's content back (the -wal was applied to the copy), and
    ``check`` said «i orden»."""
    file = live(data_dir)
    crash_with_committed_wal(file, "UPDATE cases SET title = title || ' (endret)'")
    shutil.copyfile(the_backup(data_dir), file)  # what a user does by hand

    opened = tv(data_dir, "cases")

    assert opened.returncode == 1
    assert "-wal" in opened.stderr and "tillitsvalgt restore" in opened.stderr, opened.stderr
    assert "(endret)" not in opened.stdout
    result = tv(data_dir, "restore", str(the_backup(data_dir)), "--yes")  # the way out
    assert_restored(data_dir, result)
