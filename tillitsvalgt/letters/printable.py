"""A letter (.docx) as simple HTML, for printing from the window: the letterhead, every
paragraph with its alignment and bold/italic/underlined runs, headings and tables, in the
order Word shows them. The printout is text (a printer, or a PDF made by
printing, holds the letter's words, not a picture of them); the Word file stays the
letter — this is only its printout."""

from __future__ import annotations

import html
import io
from typing import Any

_ALIGN = {"center": "center", "right": "right", "both": "justify", "justify": "justify"}


def _runs(paragraph: Any) -> str:
    parts = []
    for run in paragraph.runs:
        text = html.escape(run.text).replace("\n", "<br>").replace("\t", " &nbsp; &nbsp; ")
        if not text:
            if run.element.find("{*}br") is not None:
                parts.append("<br>")
            continue
        if run.bold:
            text = f"<b>{text}</b>"
        if run.italic:
            text = f"<i>{text}</i>"
        if run.underline:
            text = f"<u>{text}</u>"
        parts.append(text)
    return "".join(parts)


def _paragraph(paragraph: Any) -> str:
    inner = _runs(paragraph)
    if not inner.strip():
        return "<p>&nbsp;</p>"
    style = (paragraph.style.name or "") if paragraph.style is not None else ""
    if style == "Title":
        return f"<h1>{inner}</h1>"
    if style.startswith("Heading"):
        level = style.rsplit(" ", 1)[-1]
        tag = f"h{min(int(level) + 1, 6)}" if level.isdigit() else "h3"
        return f"<{tag}>{inner}</{tag}>"
    alignment = paragraph.alignment
    align = _ALIGN.get(str(getattr(alignment, "name", "") or "").lower(), "")
    if style.startswith("List"):
        return f"<p style='margin-left: 1.5em'>• {inner}</p>"
    return f"<p align='{align}'>{inner}</p>" if align else f"<p>{inner}</p>"


def _table(table: Any) -> str:
    rows = []
    for row in table.rows:
        cells = []
        for cell in row.cells:
            cells.append(
                "<td valign='top'>" + "".join(_paragraph(p) for p in cell.paragraphs) + "</td>"
            )
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return "<table width='100%' cellpadding='2' cellspacing='0'>" + "".join(rows) + "</table>"


def docx_html(data: bytes) -> str:
    """The letter's printout as HTML (a fragment for ``QTextDocument``)."""
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    doc = Document(io.BytesIO(data))
    parts: list[str] = []
    section = doc.sections[0] if doc.sections else None
    if section is not None:
        header = section.first_page_header if section.different_first_page_header_footer else None
        for part in (header, section.header):
            if part is not None and any(p.text.strip() for p in part.paragraphs):
                parts += [_paragraph(p) for p in part.paragraphs if p.text.strip()]
                parts.append("<hr>")
                break
    for block in doc.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            parts.append(_paragraph(Paragraph(block, doc)))
        elif tag == "tbl":
            parts.append(_table(Table(block, doc)))
    # The footer is left out: its page fields («side 1 av 2») have no text of their own,
    # and the printout numbers its pages itself.
    return "<html><body>" + "\n".join(parts) + "</body></html>"
