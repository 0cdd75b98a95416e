"""Bad input to ``tillitsvalgt report``: every refusal is Norwegian, nothing is written,
and nothing is overwritten without --force (the database and backups never)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tillitsvalgt import paths

from conftest import SCENARIOS, run_cli

PERIOD = ("--from", "2026-01-01", "--to", "2026-12-31")


@pytest.fixture
def data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    args = ["--data-dir", str(tmp_path / "data")]
    code, _, err = run_cli(capsys, *args, "import", str(SCENARIOS))
    assert code == 0, err
    return args


def report(capsys: pytest.CaptureFixture[str], data: list[str], *args: str) -> tuple[int, str]:
    code, _out, err = run_cli(capsys, *data, "report", *PERIOD, *args)
    return code, err


def test_out_never_replaces_the_database_even_with_force(
    data: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "data" / paths.DATABASE_FILENAME
    before = db.read_bytes()
    for extra in ((), ("--force",)):
        code, err = report(capsys, data, "--out", str(db), *extra)
        assert code == 1 and ".docx" in err
    # Even when named .docx, a database is never written over.
    disguised = tmp_path / "kopi.docx"
    disguised.write_bytes(before)
    code, err = report(capsys, data, "--out", str(disguised), "--force")
    assert code == 1 and "det er en database" in err
    assert db.read_bytes() == before and disguised.read_bytes() == before
    backups = tmp_path / "data" / "backups"
    backups.mkdir(exist_ok=True)
    code, err = report(capsys, data, "--out", str(backups / "r.docx"), "--force")
    assert code == 1 and "sikkerhetskopier" in err
    assert not (backups / "r.docx").exists()


def test_existing_file_needs_force(
    data: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "r.docx"
    out.write_text("mitt eget dokument")
    code, err = report(capsys, data, "--out", str(out))
    assert code == 1 and "finnes fra før" in err and "--force" in err
    assert out.read_text() == "mitt eget dokument"
    code, err = report(capsys, data, "--out", str(out), "--force")
    assert code == 0, err
    assert out.read_bytes()[:2] == b"PK"


def test_same_file_and_wrong_extensions_refused(
    data: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    same = tmp_path / "r.docx"
    code, err = report(capsys, data, "--out", str(same), "--xlsx", str(same))
    assert code == 1 and ("samme fil" in err or ".xlsx" in err)
    code, err = report(capsys, data, "--out", str(tmp_path / "r.pdf"))
    assert code == 1 and "filendelsen .docx" in err
    code, err = report(
        capsys, data, "--out", str(tmp_path / "r.docx"), "--xlsx", str(tmp_path / "r.docx.csv")
    )
    assert code == 1 and "filendelsen .xlsx" in err
    assert list(tmp_path.glob("r.*")) == []


def test_a_failed_spreadsheet_leaves_no_word_file(
    data: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "ok.docx"
    code, err = report(capsys, data, "--out", str(out), "--xlsx", "/proc/nope/x.xlsx")
    assert code == 1 and "Kan ikke skrive" in err
    assert not out.exists()


@pytest.mark.parametrize("value", ["0", "1", "2", "-1", "1000000000"])
def test_min_cell_below_the_floor_refused_in_norwegian(
    data: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str], value: str
) -> None:
    code, err = report(capsys, data, "--out", str(tmp_path / "r.docx"), "--min-cell", value)
    assert code == 1
    assert "Minste tall som vises må være mellom 3 og 100" in err
    assert "Invalid value" not in err
    assert not (tmp_path / "r.docx").exists()


@pytest.mark.parametrize(
    ("start", "end"), [("1900-01-01", "2026-12-31"), ("2026-01-01", "2925-12-31")]
)
def test_absurd_years_refused(
    data: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str], start: str, end: str
) -> None:
    code, _out, err = run_cli(
        capsys, *data, "report", "--from", start, "--to", end, "--out", str(tmp_path / "r.docx")
    )
    assert code == 1 and "i år" in err
    assert not (tmp_path / "r.docx").exists()


@pytest.mark.parametrize(
    ("start", "end", "said"),
    [
        ("2026-01-01", "2026-11-14", "«Til» må være siste dag"),
        ("2026-01-02", "2026-12-31", "«Fra» må være første dag"),
    ],
)
def test_a_report_covers_whole_quarters(
    data: list[str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    start: str,
    end: str,
    said: str,
) -> None:
    # Two reports a day apart differ by that day's cases, and a changed number says the
    # new case is in that cell (the same cases always publish the same number).
    code, _out, err = run_cli(
        capsys, *data, "report", "--from", start, "--to", end, "--out", str(tmp_path / "r.docx")
    )
    assert code == 1 and said in err
    assert not (tmp_path / "r.docx").exists()
    code, _out, err = run_cli(
        capsys, *data, "report", "--from", "2026-04-01", "--to", "2026-09-30",
        "--out", str(tmp_path / "q.docx"),
    )  # fmt: skip
    assert code == 0, err
