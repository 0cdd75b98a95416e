"""Every file the app reads whole has a ceiling, and only regular files are read (finding
11 and 16 of the trust attack: /dev/zero as the catalogue grew to 24 GB; a 300 MB
document.xml inside a 753 kB template ran for minutes at 3 GB; a FIFO blocked for ever).
Real processes, each with a memory ceiling and a time limit: the old behaviour fails them."""

from __future__ import annotations

import io
import json
import os
import resource
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tillitsvalgt.letters.templates import builtin_path

from conftest import REPO, SCENARIOS

MEMORY_CEILING = 1536 * 1024 * 1024
SECONDS = 60


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CEILING, MEMORY_CEILING))


def tv(*args: str, data_dir: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "TILLITSVALGT_NO_GUI": "1"}
    where = ["--data-dir", str(data_dir)] if data_dir is not None else []
    return subprocess.run(
        [sys.executable, "-m", "tillitsvalgt.cli", *where, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=SECONDS,
        preexec_fn=_limit_memory,
    )


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("limits") / "data"
    made = tv("import", str(SCENARIOS), data_dir=directory)
    assert made.returncode == 0, made.stderr
    made = tv("profile", "--name", "Kari Nordmann", "--place", "Tromsø", data_dir=directory)
    assert made.returncode == 0, made.stderr
    return directory


def sparse(file: Path, size: int) -> Path:
    """A file of ``size`` bytes that takes no room on disk (and no time to make)."""
    with file.open("wb") as fh:
        fh.truncate(size)
    return file


def test_dev_zero_as_the_catalogue_is_refused_and_the_built_in_one_used(data_dir: Path) -> None:
    result = tv("--catalogue", "/dev/zero", "assess", "2026/3", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert "er ikke en vanlig fil" in result.stderr, result.stderr


def test_a_huge_catalogue_is_refused(data_dir: Path, tmp_path: Path) -> None:
    big = sparse(tmp_path / "katalog.toml", 200 * 1024 * 1024)
    checked = tv("catalogue", "--check", str(big))
    assert checked.returncode == 1
    assert "er for stor" in checked.stderr, checked.stderr
    used = tv("--catalogue", str(big), "assess", "2026/3", data_dir=data_dir)
    assert used.returncode == 0 and "er for stor" in used.stderr, used.stderr


@pytest.mark.parametrize("kind", ["device", "fifo", "huge"])
def test_an_import_of_what_is_no_bundle_is_refused_at_once(
    data_dir: Path, tmp_path: Path, kind: str
) -> None:
    if kind == "device":
        source = Path("/dev/zero")
    elif kind == "fifo":
        source = tmp_path / "fifo.json"
        os.mkfifo(source)
    else:
        source = sparse(tmp_path / "stor.json", 3 * 1024 * 1024 * 1024)
    result = tv("import", str(source), data_dir=data_dir)
    assert result.returncode == 1, result.stderr
    expected = "er for stor" if kind == "huge" else "er ikke en vanlig fil"
    assert expected in result.stderr, result.stderr
    assert "Uventet feil" not in result.stderr


@pytest.mark.parametrize("kind", ["fifo", "huge"])
def test_a_settings_file_that_is_no_settings_file_is_refused(tmp_path: Path, kind: str) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    settings = data_dir / "settings.json"
    if kind == "fifo":
        os.mkfifo(settings)
    else:
        settings.write_text(json.dumps({"union": "x" * (2 * 1024 * 1024)}), encoding="utf-8")
    result = tv("cases", data_dir=data_dir)
    assert result.returncode == 1, result.stderr
    expected = "er for stor" if kind == "huge" else "er ikke en vanlig fil"
    assert expected in result.stderr, result.stderr


def docx_bomb(file: Path) -> Path:
    """The built-in template with a 300 MB word/document.xml (a few hundred kB packed)."""
    original = builtin_path("krav_om_drofting").read_bytes()
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(original)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            if info.filename == "word/document.xml":
                xml = src.read(info)
                padding = b"<!--" + b" " * (300 * 1024 * 1024) + b"-->"
                dst.writestr(info, xml.replace(b"<w:body>", b"<w:body>" + padding, 1))
            else:
                dst.writestr(info, src.read(info))
    file.write_bytes(out.getvalue())
    assert file.stat().st_size < 5 * 1024 * 1024
    return file


def test_a_template_that_unpacks_to_hundreds_of_megabytes_is_refused(
    data_dir: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "maler"
    folder.mkdir()
    bomb = docx_bomb(folder / "krav_om_drofting.docx")

    checked = tv("templates", "check", str(bomb))
    assert checked.returncode == 1, checked.stderr
    assert "pakker seg ut til" in checked.stdout + checked.stderr

    out = tmp_path / "brev.docx"
    written = tv(
        "letter",
        "2026/6",
        "--kind",
        "krav_om_drofting",
        "--templates",
        str(folder),
        "--out",
        str(out),
        data_dir=data_dir,
    )
    assert written.returncode == 1
    assert "pakker seg ut til" in written.stderr, written.stderr
    assert not out.exists()


@pytest.mark.parametrize(
    "command",
    [["import"], ["catalogue", "--check"], ["templates", "check"], ["restore", "--yes"]],
    ids=lambda c: c[0],
)
def test_a_directory_where_a_file_is_read_is_refused_in_norwegian(
    data_dir: Path, tmp_path: Path, command: list[str]
) -> None:
    folder = tmp_path / "mappe"
    folder.mkdir()
    args = [*command[:-1], str(folder), command[-1]] if command[0] == "restore" else command
    result = tv(*args, *([] if command[0] == "restore" else [str(folder)]), data_dir=data_dir)
    assert result.returncode == 1, result.stdout + result.stderr
    text = result.stdout + result.stderr
    assert "Invalid value" not in text and "Is a directory" not in text, text
    assert "mappe" in text or "Finner ikke" in text, text
