"""Sent letters stay frozen: the database refuses to change or delete them, and a letter
changed anyway (by a tool that removed the guard) is refused when opened or exported, with
a message that says what to do — never handed out as if it were the letter that was sent."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa

from tillitsvalgt.db import Database
from tillitsvalgt.errors import UserError
from tillitsvalgt.services import documents
from tillitsvalgt.shapes import DocumentCreate
from tillitsvalgt.workspace import Workspace

from conftest import make_case, make_employer, run_cli

LETTER = b"PK\x03\x04 Krav om droefting, sendt 2. april 2026"


@pytest.fixture
def sent(db: Database) -> tuple[int, str]:
    case_no = make_case(db, make_employer(db))
    with db.session() as s:
        doc = documents.add_document(
            case_no,
            DocumentCreate(
                direction="ut", kind="krav_om_drofting", title="Krav om drøfting", content=LETTER
            ),
            session=s,
        )
        documents.mark_sent(doc.id, sent_on=date(2026, 4, 2), session=s)
    return doc.id, doc.number


def _tamper(db: Database, doc_id: int, *, remove_guard: bool) -> None:
    with db.engine.begin() as conn:
        if remove_guard:  # what a tool writing to the file or server directly could do
            if db.engine.dialect.name == "postgresql":
                conn.execute(sa.text("ALTER TABLE documents DISABLE TRIGGER USER"))
            else:
                conn.execute(sa.text("DROP TRIGGER documents_frozen_update"))
        conn.execute(
            sa.text("UPDATE documents SET content = :c WHERE id = :i"),
            {"c": LETTER.replace(b"2. april", b"1. april"), "i": doc_id},
        )


def test_the_database_refuses_to_change_or_delete_a_sent_letter(
    db: Database, sent: tuple[int, str]
) -> None:
    doc_id, _ = sent
    with pytest.raises(sa.exc.DBAPIError) as err:
        _tamper(db, doc_id, remove_guard=False)
    assert "Et sendt dokument kan ikke endres eller slettes" in str(err.value)
    for statement in (
        "UPDATE documents SET sha256 = 'x' WHERE id = :i",
        "UPDATE documents SET frozen = false WHERE id = :i",
        "DELETE FROM documents WHERE id = :i",
    ):
        with pytest.raises(sa.exc.DBAPIError), db.engine.begin() as conn:
            conn.execute(sa.text(statement), {"i": doc_id})
    with db.session(readonly=True) as s:
        assert documents.document_content(doc_id, session=s) == LETTER


def test_a_tampered_sent_letter_is_refused_when_opened_and_exported(
    db: Database,
    sent: tuple[int, str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    doc_id, number = sent
    _tamper(db, doc_id, remove_guard=True)
    url = db.engine.url.render_as_string(hide_password=False)
    ws = Workspace.open(database_url=url, data_dir=tmp_path / "ws")
    try:
        with pytest.raises(UserError) as err:
            ws.document_content(doc_id)  # what the case view's «Åpne» and «Lagre som» call
    finally:
        ws.close()
    message = str(err.value)
    assert number in message
    assert "stemmer ikke med sjekksummen" in message
    assert "sikkerhetskopi" in message  # says what to do
    out = tmp_path / "brev.docx"
    code, _, stderr = run_cli(
        capsys, "--database-url", url, "letters", "export", number, "--out", str(out)
    )
    assert code != 0
    assert "stemmer ikke med sjekksummen" in stderr
    assert "Traceback" not in stderr
    assert not out.exists()


@pytest.mark.parametrize(
    "change",
    [
        "dated = '2026-01-05'",
        "reply_by = '2026-01-19'",
        "number = '2026/1-9'",
        "seq = 9",
        "deleted_at = '2026-05-01'",
    ],
)
def test_a_sent_letters_date_number_and_reply_date_are_frozen_too(
    db: Database, sent: tuple[int, str], change: str
) -> None:
    # Evidence as much as the bytes: the attack moved a sent letter's date and reply
    # deadline and gave it another journal number, checksum intact (issue 14).
    doc_id, number = sent
    with pytest.raises(sa.exc.DBAPIError) as err, db.engine.begin() as conn:
        conn.execute(sa.text(f"UPDATE documents SET {change} WHERE id = :i"), {"i": doc_id})
    assert "Et sendt dokument kan ikke endres eller slettes" in str(err.value)
    with db.session(readonly=True) as s:
        (letter,) = documents.list_documents(number.split("-")[0], session=s)
    assert (letter.number, letter.dated, letter.reply_by) == (number, None, None)


def test_check_reports_a_tampered_sent_letter(
    db: Database,
    sent: tuple[int, str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Finding: ``check`` said «i orden» over a changed letter that only ``letters export``
    noticed."""
    doc_id, number = sent
    url = db.engine.url.render_as_string(hide_password=False)
    code, out, _ = run_cli(capsys, "--database-url", url, "check")
    assert code == 0 and "i orden" in out
    _tamper(db, doc_id, remove_guard=True)

    code, out, stderr = run_cli(capsys, "--database-url", url, "check")

    assert code == 1
    assert "i orden" not in out
    assert f"Det sendte brevet {number} stemmer ikke med sjekksummen" in stderr, stderr
    assert "Traceback" not in stderr
