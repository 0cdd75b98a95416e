"""A genuinely full disk (a tiny tmpfs filled to the last block, not SQLite's page limit;
findings 7 and 8 of the trust attack): reading keeps working, every write says the disk
is full, and a letter whose journal entry could not be committed leaves no file behind
(its number would otherwise be given to the next letter as well). Real processes."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import REPO, SCENARIOS
from helpers.storage_faults import tiny_filesystem

FULL = "Det er ikke plass på disken"


def tv(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "TILLITSVALGT_NO_GUI": "1"}
    return subprocess.run(
        [sys.executable, "-m", "tillitsvalgt.cli", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def fill(filesystem: Path) -> Path:
    """Write until the file system refuses another byte."""
    filler = filesystem / "fyll"
    with filler.open("wb", buffering=0) as fh:
        with contextlib.suppress(OSError):
            while True:
                fh.write(b"\0" * 4096)
        with contextlib.suppress(OSError):
            while True:
                fh.write(b"\0")
    st = os.statvfs(filesystem)
    assert st.f_bavail == 0
    return filler


@pytest.fixture
def full_data_dir(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    with tiny_filesystem(tmp_path / "liten", size_kb=4096) as filesystem:
        data_dir = filesystem / "data"
        assert tv(data_dir, "import", str(SCENARIOS)).returncode == 0
        made = tv(data_dir, "profile", "--name", "Kari Nordmann", "--place", "Tromsø")
        assert made.returncode == 0, made.stderr
        yield data_dir, filesystem


def test_on_a_full_disk_reading_works_and_writing_says_the_disk_is_full(
    full_data_dir: tuple[Path, Path],
) -> None:
    data_dir, filesystem = full_data_dir
    # As after a clean close: no -wal, no -shm; opening must create them, and cannot.
    assert sorted(p.name for p in data_dir.iterdir() if "tillitsvalgt.db" in p.name) == [
        "tillitsvalgt.db"
    ]
    filler = fill(filesystem)

    listed = tv(data_dir, "cases")
    assert listed.returncode == 0, listed.stderr
    assert "10 saker" in listed.stdout
    shown = tv(data_dir, "show", "2026/6")
    assert shown.returncode == 0 and "Sak 2026/6" in shown.stdout, shown.stderr
    checked = tv(data_dir, "check")
    assert checked.returncode == 0 and "i orden" in checked.stdout, checked.stderr
    for write in (["close", "2026/6", "--outcome", "agreement"], ["delete", "2026/7"]):
        refused = tv(data_dir, *write)
        assert refused.returncode == 1
        assert FULL in refused.stderr, refused.stderr
        assert "gjenopprett" not in refused.stderr  # not sent to restore a backup

    filler.unlink()  # room again: nothing was lost, and writing works
    assert tv(data_dir, "close", "2026/6", "--outcome", "agreement").returncode == 0
    assert "i orden" in tv(data_dir, "check").stdout


def test_a_letter_not_journaled_on_a_full_disk_leaves_no_file(
    full_data_dir: tuple[Path, Path], tmp_path: Path
) -> None:
    data_dir, filesystem = full_data_dir
    database = data_dir / "tillitsvalgt.db"
    # Another instance keeps the database open (so -wal and -shm exist) with an empty
    # -wal: the commit has to grow it, and the disk has no room.
    other = sqlite3.connect(database)
    try:
        other.execute("SELECT count(*) FROM cases").fetchone()
        other.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        filler = fill(filesystem)
        letters = tmp_path / "brev"  # on a disk with room: only the journal entry fails
        letters.mkdir()
        out = letters / "krav.docx"

        refused = tv(data_dir, "letter", "2026/6", "--kind", "krav_om_drofting", "--out", str(out))

        assert refused.returncode == 1
        assert FULL in refused.stderr, refused.stderr
        assert list(letters.iterdir()) == []  # neither the letter nor a temporary file
        filler.unlink()
    finally:
        other.close()
    made = tv(data_dir, "letter", "2026/6", "--kind", "krav_om_drofting", "--out", str(out))
    assert made.returncode == 0, made.stderr
    assert "2026/6-1" in made.stdout  # the number the refused letter would have had
    assert [p.name for p in letters.iterdir()] == ["krav.docx"]


def test_the_window_s_letter_on_a_full_disk_leaves_no_file(tmp_path: Path) -> None:
    """The same through the Workspace (what «Lagre som Word» in the window calls)."""
    from datetime import date

    from tillitsvalgt.errors import UserError
    from tillitsvalgt.services.letters import LetterRequest

    from conftest import open_scenario_workspace

    today = date(2026, 11, 22)
    with tiny_filesystem(tmp_path / "liten", size_kb=4096) as filesystem:
        ws = open_scenario_workspace(filesystem / "data", today)
        try:
            request = LetterRequest(kind="krav_om_drofting", dated=today)
            ws.preview_letter("2026/6", request)  # the letter itself can be made
            raw = ws.db.engine.raw_connection()  # autocommit: a checkpoint needs no BEGIN
            try:
                raw.cursor().execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                raw.close()
            filler = fill(filesystem)
            letters = tmp_path / "brev"
            letters.mkdir()
            out = letters / "krav.docx"
            with pytest.raises(UserError) as refused:
                ws.create_letter("2026/6", request, out=out)
            assert FULL in refused.value.message
            assert list(letters.iterdir()) == []
            filler.unlink()
            letter = ws.create_letter("2026/6", request, out=out)
            assert letter.number == "2026/6-1"
            assert [p.name for p in letters.iterdir()] == ["krav.docx"]
        finally:
            ws.close()
