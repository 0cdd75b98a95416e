"""Letters for a group case together: one letter kind, one letter per case, each with its
own journal number and entry, in one action — and all or nothing: a case that refuses the
letter, or a file that cannot be written, journals none and leaves no file. On both
databases, through the command line."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tillitsvalgt.db import Database
from tillitsvalgt.letters.render import docx_text
from tillitsvalgt.services import documents, groups
from tillitsvalgt.shapes import CaseGroupCreate

from conftest import make_case, make_employer, run_cli


def _cli(db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str], *args: str) -> Any:
    url = db.engine.url.render_as_string(hide_password=False)
    return run_cli(capsys, "--data-dir", str(tmp_path / "cli"), "--database-url", url, *args)


def _group_of_three(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str], **third: Any
) -> tuple[int, list[str]]:
    code, _, err = _cli(
        db, tmp_path, capsys, "profile", "--name", "Kari Nordmann", "--place", "Tromsø"
    )
    assert code == 0, err
    employer = make_employer(db)
    numbers = [
        make_case(db, employer, title=f"Nytt kontorkonsept, etasje {floor}") for floor in (2, 3, 4)
    ]
    if third:
        from tillitsvalgt.services import cases
        from tillitsvalgt.shapes import CaseUpdate

        with db.session() as s:
            case = cases.get_case(numbers[2], session=s)
            cases.update_case(
                numbers[2], CaseUpdate.model_validate({**third, "version": case.version}), session=s
            )
    with db.session() as s:
        group = groups.create_group(
            CaseGroupCreate(
                name="Nytt kontorkonsept",
                notice_on=date(2026, 3, 1),
                decision_on=date(2026, 5, 1),
            ),
            session=s,
        )
        groups.add_cases(group.id, numbers, session=s)
    return group.id, numbers


def _journal(db: Database, numbers: list[str]) -> dict[str, list[str]]:
    with db.session(readonly=True) as s:
        return {n: [d.number for d in documents.list_documents(n, session=s)] for n in numbers}


def test_one_letter_per_case_each_with_its_own_number(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    group, numbers = _group_of_three(db, tmp_path, capsys)
    out = tmp_path / "brev"
    out.mkdir()
    code, said, err = _cli(
        db, tmp_path, capsys, "groups", "letter", f"G{group}", "--kind", "krav_om_drofting",
        "--date", "2026-03-03", "--out-dir", str(out),
    )  # fmt: skip
    assert code == 0, err
    journal = _journal(db, numbers)
    assert journal == {n: [f"{n}-1"] for n in numbers}
    files = sorted(out.iterdir())
    assert [f.name for f in files] == [
        f"{n.replace('/', '-')}-1 Krav om drøfting.docx" for n in numbers
    ]
    for number, file in zip(numbers, files, strict=True):
        text = docx_text(file.read_bytes())
        assert f"{number}-1" in text  # «Vår ref.» is the letter's own number
        assert number.split("/")[1] in text
        with db.session(readonly=True) as s:
            [doc] = documents.list_documents(number, session=s)
            assert documents.document_content(doc.id, session=s) == file.read_bytes()
    for number in numbers:
        assert f"{number}-1" in said
    for line in err.splitlines():  # every warning names the letter it is about
        assert not line.startswith(("Advarsel", "Kontroller")) or "-1)" in line, line
    # Again: new numbers, new files beside the first.
    code, _, err = _cli(
        db, tmp_path, capsys, "groups", "letter", "Nytt kontorkonsept",
        "--kind", "krav_om_informasjon", "--date", "2026-03-20", "--out-dir", str(out),
    )  # fmt: skip
    assert code == 0, err
    assert _journal(db, numbers) == {n: [f"{n}-1", f"{n}-2"] for n in numbers}
    assert len(list(out.iterdir())) == 6


def test_a_case_that_refuses_the_letter_stops_them_all(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A demand to postpone what is already done is refused for the third case: the other
    two get no letter either, no number is used up, and no file is left."""
    group, numbers = _group_of_three(db, tmp_path, capsys, implemented_on=date(2026, 6, 1))
    out = tmp_path / "brev"
    out.mkdir()
    code, _, err = _cli(
        db, tmp_path, capsys, "groups", "letter", f"G{group}", "--kind",
        "krav_om_utsatt_iverksetting", "--date", "2026-06-10", "--out-dir", str(out),
    )  # fmt: skip
    assert code != 0
    assert numbers[2] in err and "Ingen brev er laget" in err
    assert numbers[0] not in err  # only the case that refused is named
    assert "Traceback" not in err
    assert _journal(db, numbers) == {n: [] for n in numbers}
    assert list(out.iterdir()) == []
    # The numbers were not used up: the next letter of each case is its -1.
    code, _, err = _cli(
        db, tmp_path, capsys, "groups", "letter", f"G{group}", "--kind", "krav_om_drofting",
        "--date", "2026-06-10", "--out-dir", str(out),
    )  # fmt: skip
    assert code == 0, err
    assert _journal(db, numbers) == {n: [f"{n}-1"] for n in numbers}


def test_a_file_that_cannot_be_written_journals_none(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    group, numbers = _group_of_three(db, tmp_path, capsys)
    out = tmp_path / "brev"
    out.mkdir()
    taken = out / f"{numbers[1].replace('/', '-')}-1 Krav om drøfting.docx"
    taken.write_bytes(b"someone else's file")
    code, _, err = _cli(
        db, tmp_path, capsys, "groups", "letter", f"G{group}", "--kind", "krav_om_drofting",
        "--date", "2026-03-03", "--out-dir", str(out),
    )  # fmt: skip
    assert code != 0 and taken.name in err
    assert _journal(db, numbers) == {n: [] for n in numbers}
    assert sorted(out.iterdir()) == [taken] and taken.read_bytes() == b"someone else's file"
    # A folder that does not exist: refused before anything.
    code, _, err = _cli(
        db, tmp_path, capsys, "groups", "letter", f"G{group}", "--kind", "krav_om_drofting",
        "--out-dir", str(tmp_path / "finnes-ikke"),
    )  # fmt: skip
    assert code != 0 and "Finner ikke mappen" in err
    assert _journal(db, numbers) == {n: [] for n in numbers}


def test_an_empty_group_an_unknown_group_and_an_unknown_kind_are_told_apart(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with db.session() as s:
        groups.create_group(CaseGroupCreate(name="Tom gruppe"), session=s)
    for args, said in (
        (("Tom gruppe", "--kind", "krav_om_drofting"), "har ingen saker"),
        (("G99", "--kind", "krav_om_drofting"), "Fant ingen gruppesak"),
        (("Tom gruppe", "--kind", "kjærlighetsbrev"), "kjærlighetsbrev"),
    ):
        code, _, err = _cli(
            db, tmp_path, capsys, "groups", "letter", *args, "--out-dir", str(tmp_path)
        )
        assert code != 0 and said in err, err
        assert "Traceback" not in err


def test_with_pdf_each_letter_also_comes_as_a_pdf(
    sqlite_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """LibreOffice turns each letter into a PDF inside the same unit of work (a conversion
    that fails journals none); the PDF holds the letter's own number."""
    import subprocess

    group, numbers = _group_of_three(sqlite_db, tmp_path, capsys)
    out = tmp_path / "brev"
    out.mkdir()
    code, _, err = _cli(
        sqlite_db, tmp_path, capsys, "groups", "letter", f"G{group}", "--kind",
        "krav_om_drofting", "--date", "2026-03-03", "--out-dir", str(out), "--pdf",
    )  # fmt: skip
    assert code == 0, err
    pdfs = sorted(out.glob("*.pdf"))
    assert len(pdfs) == 3 and len(list(out.glob("*.docx"))) == 3
    for number, pdf in zip(numbers, pdfs, strict=True):
        text = subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert f"{number}-1" in text
