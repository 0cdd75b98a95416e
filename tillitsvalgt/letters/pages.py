"""A letter's pages as pictures, for the letter dialog's preview.

The preview shows the letter as it will be printed: the ``.docx`` the app writes is made into
a PDF by the same converter as «Lagre som PDF» (``pdf.py``: LibreOffice, or Word where only
Word exists), and each PDF page is drawn to pixels with PDFium (``pypdfium2``, a small wheel
with PDFium inside, on every platform). So the picture comes from the very document that is
saved, not from a second layout of its text.

Pixels are handed out as raw RGBX rows, not as a Qt image: the core has no Qt, and the
window builds its ``QImage`` from these bytes without another encoding step.
"""

from __future__ import annotations

from dataclasses import dataclass

from tillitsvalgt.errors import UserError
from tillitsvalgt.letters.pdf import docx_to_pdf

POINTS_PER_INCH = 72.0
PREVIEW_DPI = 110.0  # sharp enough on a 1024-wide screen at 150 %, ≈ 0.2 s a page here


@dataclass(frozen=True)
class PageImage:
    """One page: its size on paper (points) and its pixels (RGBX, ``stride`` bytes a row)."""

    width_pt: float
    height_pt: float
    width: int
    height: int
    stride: int
    pixels: bytes


@dataclass(frozen=True)
class LetterPages:
    """A letter as it prints: the PDF and its pages drawn."""

    pdf: bytes
    pages: tuple[PageImage, ...]


def render_pdf(pdf: bytes, *, dpi: float = PREVIEW_DPI) -> tuple[PageImage, ...]:
    """Every page of ``pdf`` drawn at ``dpi``."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(pdf)
    except pdfium.PdfiumError as exc:
        raise UserError(f"PDF-en kunne ikke leses ({exc}).") from None
    try:
        out = []
        for index in range(len(document)):
            page = document[index]
            try:
                width_pt, height_pt = page.get_size()
                # RGBX in byte order: the window reads it as one fixed format on any CPU.
                bitmap = page.render(
                    scale=dpi / POINTS_PER_INCH, rev_byteorder=True, prefer_bgrx=True
                )
                try:
                    out.append(
                        PageImage(
                            width_pt=width_pt,
                            height_pt=height_pt,
                            width=bitmap.width,
                            height=bitmap.height,
                            stride=bitmap.stride,
                            pixels=bytes(bitmap.buffer),
                        )
                    )
                finally:
                    bitmap.close()
            finally:
                page.close()
        return tuple(out)
    finally:
        document.close()


def pdf_page_texts(pdf: bytes) -> list[str]:
    """The text on each page of ``pdf``, as PDFium reads it back (for checks and tests)."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        texts = []
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            try:
                texts.append(textpage.get_text_range())
            finally:
                textpage.close()
                page.close()
        return texts
    finally:
        document.close()


def letter_pages(docx: bytes, *, dpi: float = PREVIEW_DPI, timeout: float = 60) -> LetterPages:
    """The letter's ``.docx`` as a PDF and its pages drawn (raises ``UserError`` where no
    converter is installed or it fails)."""
    pdf = docx_to_pdf(docx, timeout=timeout)
    return LetterPages(pdf=pdf, pages=render_pdf(pdf, dpi=dpi))
