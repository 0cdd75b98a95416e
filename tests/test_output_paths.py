"""``--out`` and every other file a command writes (finding 16 of the trust attack): never
a device, a FIFO, a directory or the database; an existing file only with ``--force`` (or
a yes in a terminal); every message in Norwegian."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from tillitsvalgt.output_paths import OutputExists, check_output, database_files

from conftest import SCENARIOS, run_cli

run = run_cli


@pytest.fixture
def data(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> list[str]:
    args = ["--data-dir", str(tmp_path / "data")]
    code, _, err = run(capsys, *args, "import", str(SCENARIOS))
    assert code == 0, err
    code, _, err = run(capsys, *args, "profile", "--name", "Kari Nordmann", "--place", "Tromsø")
    assert code == 0, err
    return args


def specials(tmp_path: Path) -> list[Path]:
    """A FIFO, and (as root, where the finding replaced /dev/full) a real device node."""
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    found = [fifo]
    if os.geteuid() == 0:
        device = tmp_path / "null-device"
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # what /dev/null is
        found.append(device)
    return found


def unchanged_special(path: Path) -> bool:
    mode = os.lstat(path).st_mode
    return stat.S_ISFIFO(mode) or stat.S_ISCHR(mode)


COMMANDS = [
    ["export", "--out"],
    ["letter", "2026/6", "--kind", "krav_om_drofting", "--out"],
    ["person", "export", "Kari", "--out"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_a_device_or_fifo_is_never_replaced(
    capsys: pytest.CaptureFixture[str], data: list[str], tmp_path: Path, command: list[str]
) -> None:
    for target in specials(tmp_path):
        code, _, err = run(capsys, *data, *command, str(target), "--force")
        assert code == 1, err
        assert "er ikke en vanlig fil" in err, err
        assert unchanged_special(target)
    code, out, _ = run(capsys, *data, "letters", "list", "2026/6")
    assert "Journalen er tom" in out  # no letter journaled for a file never written


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_a_directory_is_refused_in_norwegian(
    capsys: pytest.CaptureFixture[str], data: list[str], tmp_path: Path, command: list[str]
) -> None:
    folder = tmp_path / "mappe"
    folder.mkdir()
    code, _, err = run(capsys, *data, *command, str(folder))
    assert code == 1
    assert err.startswith("Feil: ") and "er en mappe" in err, err
    assert "Error" not in err and "Invalid value" not in err
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_the_database_is_never_overwritten(
    capsys: pytest.CaptureFixture[str], data: list[str], tmp_path: Path, command: list[str]
) -> None:
    database = tmp_path / "data" / "tillitsvalgt.db"
    before = database.read_bytes()[:100]
    code, _, err = run(capsys, *data, *command, str(database), "--force")
    assert code == 1
    assert "er databasen til Tillitsvalgt" in err, err
    assert database.read_bytes()[:100] == before
    code, out, _ = run(capsys, *data, "check")
    assert code == 0 and "i orden" in out


def test_an_existing_file_is_replaced_only_with_force(
    capsys: pytest.CaptureFixture[str], data: list[str], tmp_path: Path
) -> None:
    target = tmp_path / "brev.docx"
    target.write_bytes(b"mitt eget dokument")
    code, _, err = run(
        capsys, *data, "letter", "2026/6", "--kind", "krav_om_drofting", "--out", str(target)
    )
    assert code == 1
    assert "finnes fra før" in err and "--force" in err, err
    assert target.read_bytes() == b"mitt eget dokument"
    code, out, _ = run(capsys, *data, "letters", "list", "2026/6")
    assert "Journalen er tom" in out  # refused before anything was journaled

    code, out, err = run(
        capsys,
        *data,
        "letter",
        "2026/6",
        "--kind",
        "krav_om_drofting",
        "--out",
        str(target),
        "--force",
    )
    assert code == 0, err
    assert target.read_bytes()[:2] == b"PK"  # the letter (a .docx is a zip)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_person_export_asks_before_replacing(
    capsys: pytest.CaptureFixture[str], data: list[str], tmp_path: Path
) -> None:
    target = tmp_path / "innsyn.json"
    target.write_text("{}", encoding="utf-8")
    code, _, err = run(capsys, *data, "person", "export", "Kari", "--out", str(target))
    assert code == 1 and "finnes fra før" in err
    code, _, err = run(capsys, *data, "person", "export", "Kari", "--out", str(target), "--force")
    assert code == 0, err
    assert "hits" in json.loads(target.read_text(encoding="utf-8")) or target.stat().st_size > 2


def test_templates_export_keeps_existing_files_unless_forced(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "maler"
    folder.mkdir()
    mine = folder / "krav_om_drofting.docx"
    mine.write_bytes(b"min redigerte mal")
    code, out, err = run(capsys, "templates", "export", "krav_om_drofting", "--out", str(folder))
    assert code == 0, err
    assert "finnes fra før" in out and mine.read_bytes() == b"min redigerte mal"
    code, out, err = run(
        capsys, "templates", "export", "krav_om_drofting", "--out", str(folder), "--force"
    )
    assert code == 0, err
    assert mine.read_bytes()[:2] == b"PK"
    a_file = tmp_path / "fil.txt"
    a_file.write_text("x", encoding="utf-8")
    code, _, err = run(capsys, "templates", "export", "--out", str(a_file))
    assert code == 1 and "er ikke en mappe" in err, err


def test_a_file_as_the_data_folder_is_refused_in_norwegian(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    a_file = tmp_path / "fil"
    a_file.write_text("x", encoding="utf-8")
    code, _, err = run(capsys, "--data-dir", str(a_file), "cases")
    assert code == 1
    assert "er ikke en mappe" in err and "Invalid value" not in err, err


def test_check_output_names_what_is_wrong(tmp_path: Path) -> None:
    database = tmp_path / "tillitsvalgt.db"
    database.write_bytes(b"")
    link = tmp_path / "lenke.db"
    link.symlink_to(database)
    with pytest.raises(Exception, match="er databasen"):
        check_output(link, overwrite=True, protected=database_files(database))
    with pytest.raises(Exception, match="finnes ikke"):
        check_output(tmp_path / "nei" / "fil.json")
    with pytest.raises(OutputExists):
        check_output(database)
    assert check_output(tmp_path / "ny.json") == tmp_path / "ny.json"
