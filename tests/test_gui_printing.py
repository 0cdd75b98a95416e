"""A letter printed as it looks (ui/printing.py): to a PDF file, the letter's own PDF; on a
printer, its pages drawn over the sheet; without LibreOffice or Word, its text, and the
user told so; a converter that fails, or a file that cannot be written, is a message and
no file."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

import ui.printing as printing
from tillitsvalgt.errors import UserError
from tillitsvalgt.letters.pages import render_pdf
from tillitsvalgt.letters.pdf import docx_to_pdf, find_office
from tillitsvalgt.workspace import LetterRequest, Workspace
from ui.prompts import ScriptedPrompter

TODAY = date(2026, 11, 20)

needs_office = pytest.mark.skipif(find_office() is None, reason="LibreOffice is not installed")


def _letter(workspace: Workspace) -> tuple[int, str, bytes]:
    letter = workspace.create_letter("2026/7", LetterRequest("krav_om_drofting", dated=TODAY))
    assert letter.document is not None
    return letter.document.id, letter.number, workspace.document_content(letter.document.id)


def _text(file: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(file), "-"], capture_output=True, text=True, check=True
    ).stdout


def _grey(pdf: bytes) -> list[tuple[int, int, bytes]]:
    """Each page at 30 dpi as grey levels (0 black … 255 white): width, height, pixels."""
    out = []
    for page in render_pdf(pdf, dpi=30):
        grey = bytearray()
        for y in range(page.height):
            line = page.pixels[y * page.stride : y * page.stride + 4 * page.width]
            grey.extend((line[x] + line[x + 1] + line[x + 2]) // 3 for x in range(0, len(line), 4))
        out.append((page.width, page.height, bytes(grey)))
    return out


def _differ(a: tuple[int, int, bytes], b: tuple[int, int, bytes]) -> tuple[int, int]:
    """Over the area both pages cover (Qt's and LibreOffice's A4 differ by a fraction of a
    point): the pixels of ``b`` that are ink, and those where the two differ clearly."""
    width, height = min(a[0], b[0]), min(a[1], b[1])
    assert abs(a[0] - b[0]) <= 1 and abs(a[1] - b[1]) <= 1
    ink = differ = 0
    for y in range(height):
        for x in range(width):
            va, vb = a[2][y * a[0] + x], b[2][y * b[0] + x]
            ink += vb < 128
            differ += abs(va - vb) > 96
    return ink, differ


@needs_office
def test_a_letter_drawn_on_a_printer_is_its_pages(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    """The painting path (a real printer): read back through a PDF printer, each sheet is
    the letter's page — the same number of pages, and at 30 dpi nearly the same pixels
    (not a text layout of its own, whose lines would fall elsewhere)."""
    _id, number, content = _letter(workspace)
    pdf = docx_to_pdf(content)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "ark.pdf"))
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setResolution(150)
    printing.paint_pdf(printer, pdf)
    sheets = _grey((tmp_path / "ark.pdf").read_bytes())
    pages = _grey(pdf)
    assert len(sheets) == len(pages) >= 1
    for sheet, page in zip(sheets, pages, strict=True):
        ink, differ = _differ(sheet, page)
        assert ink > 200  # a page with text on it
        assert differ < ink * 0.15, (differ, ink)
    # A text layout of the same letter is another picture: the check above can fail.
    text_printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    text_printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    text_printer.setOutputFileName(str(tmp_path / "tekst.pdf"))
    text_printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printing._print_text(text_printer, printing.docx_html(content))
    ink, differ = _differ(_grey((tmp_path / "tekst.pdf").read_bytes())[0], pages[0])
    assert differ > ink * 0.3, (differ, ink)
    assert number in _text(tmp_path / "tekst.pdf")


def test_without_a_converter_the_letter_prints_as_text_and_the_user_is_told(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(printing, "pdf_converter", lambda: None)
    document_id, number, _content = _letter(workspace)
    target = tmp_path / "brev.pdf"
    prompter = ScriptedPrompter(printed=[target])
    parent = QWidget()
    qtbot.addWidget(parent)
    assert printing.print_letter(workspace, prompter, parent, document_id, number)
    assert number in _text(target) and "Kari Nordmann" in _text(target)
    assert [s[:2] for s in prompter.shown[1:]] == [("info", "Skrevet ut som tekst")]


def test_a_converter_that_fails_is_a_message_and_no_file(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(_data: bytes) -> bytes:
        raise UserError("LibreOffice stoppet før PDF-en var laget.")

    monkeypatch.setattr(printing, "pdf_converter", lambda: "libreoffice")
    monkeypatch.setattr(printing, "docx_to_pdf", broken)
    document_id, number, _content = _letter(workspace)
    target = tmp_path / "brev.pdf"
    prompter = ScriptedPrompter(printed=[target])
    parent = QWidget()
    qtbot.addWidget(parent)
    assert not printing.print_letter(workspace, prompter, parent, document_id, number)
    assert prompter.shown[-1] == (
        "error", "Kan ikke skrive ut", "LibreOffice stoppet før PDF-en var laget."
    )  # fmt: skip
    assert not target.exists()


def test_a_pdf_file_that_cannot_be_written_is_a_message(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(printing, "pdf_converter", lambda: "libreoffice")
    monkeypatch.setattr(printing, "docx_to_pdf", lambda _data: b"%PDF-1.4 (a letter)")
    document_id, number, _content = _letter(workspace)
    target = tmp_path / "finnes-ikke" / "brev.pdf"
    prompter = ScriptedPrompter(printed=[target])
    parent = QWidget()
    qtbot.addWidget(parent)
    printing.print_letter(workspace, prompter, parent, document_id, number)
    kind, title, text = prompter.shown[-1]
    assert (kind, title) == ("error", "Kan ikke skrive ut")
    assert "finnes ikke" in text and "velg en annen mappe" in text
    assert not target.exists()
