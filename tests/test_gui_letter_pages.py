"""The letter dialog's preview is the letter as it prints: the same .docx made into a PDF by
LibreOffice, its pages drawn as A4 sheets; the words on the sheets, read back from that PDF,
are the letter's, with the number it will carry (a draft keeps its own). Without LibreOffice
the text stays, with a note saying why. pytest-qt, offscreen, real LibreOffice."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tillitsvalgt.errors import UserError
from tillitsvalgt.letters.pages import pdf_page_texts, render_pdf
from tillitsvalgt.letters.render import docx_text
from tillitsvalgt.services import cases, employers
from tillitsvalgt.services.representatives import create_representative
from tillitsvalgt.shapes import CaseCreate, EmployerCreate, RepresentativeCreate
from tillitsvalgt.workspace import Workspace
from ui.dialogs.letter_dialog import LetterDialog
from ui.prompts import ScriptedPrompter

from helpers.gui import make_window

TODAY = date(2026, 3, 2)
A4 = 297 / 210
CONVERSION_MS = 60_000  # LibreOffice on a shared, loaded machine


@pytest.fixture
def workspace(tmp_path: Path) -> Any:
    ws = Workspace.open(data_dir=tmp_path / "data", clock=lambda: TODAY)
    with ws.db.session() as s:
        employer = employers.create_employer(
            EmployerCreate(name="Verkstedet AS", employees=120, agreement="ks", sector="kommune"),
            session=s,
        )
        cases.create_case(
            CaseCreate(
                title="Nytt landskap i 2. etasje",
                employer_id=employer.id,
                case_type="office_layout",
                notice_on=date(2026, 2, 20),
            ),
            session=s,
            today=TODAY,
        )
        create_representative(
            RepresentativeCreate(name="Kari Nordmann", union_name="Delta", place="Oslo"),
            session=s,
        )
    yield ws
    ws.close()


def letter_dialog(qtbot: QtBot, workspace: Workspace, tmp_path: Path, prompter: Any) -> Any:
    window = make_window(qtbot, workspace, tmp_path, prompter)
    row = next(i for i, r in enumerate(window.model.rows) if r.number == "2026/1")
    window.table.selectRow(row)
    window.new_letter("krav_om_drofting")
    dialog = window.letter_dialog
    assert isinstance(dialog, LetterDialog)
    dialog.resize(1000, 680)
    return window, dialog


def words(text: str) -> list[str]:
    # PDF text comes back with the lines broken where the page breaks them, and a
    # hyphen or soft line end may differ: compare the words, not the layout.
    return text.replace("\r", " ").replace("\n", " ").split()


def wait_for_pages(qtbot: QtBot, dialog: Any, number: str) -> None:
    qtbot.waitUntil(
        lambda: (
            dialog.pages is not None
            and not dialog._pages_busy
            and dialog.preview_stack.currentWidget() is dialog.page_view
            and number in dialog.page_view.caption.text()
            and "oppdateres" not in dialog.page_view.caption.text()
        ),
        timeout=CONVERSION_MS,
    )


def test_the_preview_is_an_a4_page_of_the_same_letter_with_its_number(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    saved = tmp_path / "krav.docx"
    prompter = ScriptedPrompter(paths=[saved])
    _window, dialog = letter_dialog(qtbot, workspace, tmp_path, prompter)
    # The text comes first, then the sheets replace it.
    qtbot.waitUntil(lambda: "2026/1-1" in dialog.preview.toPlainText(), timeout=5000)
    wait_for_pages(qtbot, dialog, "2026/1-1")
    view = dialog.page_view
    assert view.pages and len(view.pages) == len(dialog.pages.pages)
    # A4: the paper's size in points (210 × 297 mm) and the sheet on screen in proportion.
    width_pt, height_pt = view.paper[0]
    assert width_pt == pytest.approx(595.3, abs=1) and height_pt == pytest.approx(841.9, abs=1)
    sheet = view.pages[0]
    pixmap = sheet.pixmap()
    shown = pixmap.deviceIndependentSize()
    assert shown.height() / shown.width() == pytest.approx(A4, rel=0.01)
    assert sheet.isVisible() and shown.width() >= 240
    # Never wider than the view: no sideways scrolling.
    assert shown.width() <= view.viewport().width()
    # The sheet has ink on it (a white page would pass the size checks).
    image = pixmap.toImage()
    dark = sum(
        1
        for y in range(0, image.height(), 4)
        for x in range(0, image.width(), 4)
        if image.pixelColor(x, y).lightness() < 128
    )
    assert dark > 200
    # The words on the page, read back from the very PDF shown, are the letter's.
    pdf_words = words(" ".join(pdf_page_texts(dialog.pages.pdf)))
    letter_words = words(dialog.preview.toPlainText())
    assert "2026/1-1" in pdf_words
    assert pdf_words == letter_words
    assert "2026/1-1" in view.caption.text()
    # The screen reader gets the words the sheets show.
    assert "Krav om drøftingsmøte" in view.accessibleDescription()

    # Saved as a draft; changed: the sheets follow and keep the draft's number.
    qtbot.mouseClick(dialog.save_word, Qt.MouseButton.LeftButton)
    assert "Vår ref.: 2026/1-1" in docx_text(saved.read_bytes())
    dialog.extra.setPlainText("Vi ber også om tegningene av 2. etasje.")
    qtbot.waitUntil(lambda: "tegningene av" in dialog.preview.toPlainText(), timeout=5000)
    qtbot.waitUntil(
        lambda: "tegningene" in " ".join(pdf_page_texts(dialog.pages.pdf)),
        timeout=CONVERSION_MS,
    )
    wait_for_pages(qtbot, dialog, "2026/1-1")
    texts = " ".join(pdf_page_texts(dialog.pages.pdf))
    assert "2026/1-1" in texts and "2026/1-2" not in texts
    assert "Utkast 2026/1-1" in view.caption.text()
    dialog.grab().save(str(tmp_path / "letter.png"))
    if os.environ.get("TILLITSVALGT_SCREENSHOTS"):
        dialog.grab().save(os.environ["TILLITSVALGT_SCREENSHOTS"] + "/letter-pages.png")
    dialog.reject()


def test_without_libreoffice_the_text_stays_and_a_note_says_why(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The app's own setting for where LibreOffice is: pointing at nothing, it has none.
    monkeypatch.setenv("TILLITSVALGT_SOFFICE", str(tmp_path / "no-soffice"))
    monkeypatch.setattr("sys.platform", "linux")  # no Word to fall back on either
    _window, dialog = letter_dialog(qtbot, workspace, tmp_path, ScriptedPrompter())
    qtbot.waitUntil(lambda: "2026/1-1" in dialog.preview.toPlainText(), timeout=5000)
    assert dialog.preview_stack.currentWidget() is dialog.preview
    assert dialog.pages is None and not dialog._pages_busy
    assert "LibreOffice eller Word" in dialog.preview_note.text()
    assert dialog.preview_note.isVisible()
    dialog.reject()


def test_a_conversion_that_fails_leaves_the_text_and_says_so(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A «LibreOffice» that runs and makes nothing: the user reads the text and why.
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\nexit 0\n")
    fake.chmod(0o755)
    monkeypatch.setenv("TILLITSVALGT_SOFFICE", str(fake))
    _window, dialog = letter_dialog(qtbot, workspace, tmp_path, ScriptedPrompter())
    qtbot.waitUntil(lambda: "2026/1-1" in dialog.preview.toPlainText(), timeout=5000)
    qtbot.waitUntil(lambda: dialog.pages_error is not None, timeout=CONVERSION_MS)
    assert "LibreOffice laget ikke PDF" in dialog.preview_note.text()
    assert dialog.preview_stack.currentWidget() is dialog.preview
    assert dialog.preview_note.isVisible()
    dialog.reject()


def test_a_broken_pdf_is_a_message_not_a_crash() -> None:
    with pytest.raises(UserError, match="PDF-en kunne ikke leses"):
        render_pdf(b"%PDF-1.7 not really")
