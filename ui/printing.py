"""Printing from the window: a letter from the journal, or the case summary (the facts, the
verdict, the timeline, how far the case has gone, its group, the deadlines and the
journal). The printer comes from the injected prompt service (the print dialog in the app,
a PDF file in the tests).

A letter prints as the letter: its ``.docx`` made into PDF by the same converter as «Lagre
som PDF» and the letter preview (``letters/pdf.py``), off the window's thread; printed to a
PDF file, that PDF is the file (the very pages, text and all); on paper its pages are
drawn at the printer's resolution. Where no converter is installed, the letter's text is
laid out by ``QTextDocument`` instead (the words, not the letter's layout) and the user is
told so. The case summary is text laid out by ``QTextDocument``."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QImage, QPainter, QTextDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget

from tillitsvalgt.errors import UserError
from tillitsvalgt.letters.pages import render_pdf
from tillitsvalgt.letters.pdf import docx_to_pdf, pdf_converter
from tillitsvalgt.letters.printable import docx_html
from tillitsvalgt.paths import write_atomically
from tillitsvalgt.rules.deadlines import format_date
from tillitsvalgt.shapes import CaseGroupRead, EscalationRead
from tillitsvalgt.vocabulary import (
    CASE_STATUSES,
    CASE_TYPES,
    DEMANDS,
    ESCALATION_OUTCOMES,
    ESCALATION_STAGES,
    EVENT_KINDS,
    LEVELS,
    TIMINGS,
)
from tillitsvalgt.workspace import CaseDetail, Workspace
from ui.i18n import tr
from ui.prompts import Prompter
from ui.workers import Background


def _e(text: object) -> str:
    return html.escape(str(text))


def _table(headings: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th align='left'>{_e(h)}</th>" for h in headings)
    body = "".join("<tr>" + "".join(f"<td>{_e(c)}</td>" for c in row) + "</tr>" for row in rows)
    return (
        "<table width='100%' border='1' cellspacing='0' cellpadding='3'>"
        f"<tr>{head}</tr>{body}</table>"
    )


def case_summary_html(
    detail: CaseDetail,
    stages: list[EscalationRead],
    group: CaseGroupRead | None,
    group_cases: list[str],
    today_text: str,
) -> str:
    case = detail.case
    a = detail.assessment
    facts = [
        (tr("Virksomhet"), detail.employer.name),
        (tr("Sakstype"), tr(CASE_TYPES.get(case.case_type, case.case_type))),
        (tr("Status"), tr(CASE_STATUSES.get(case.status, case.status))),
        (tr("Sted/avdeling"), case.location or ""),
        (tr("Hovedavtale"), detail.agreement_name),
        (tr("Varslet"), format_date(case.notice_on) if case.notice_on else tr("Ukjent")),
        (tr("Beslutning"), format_date(case.decision_on) if case.decision_on else tr("Ukjent")),
        (
            tr("Planlagt iverksetting"),
            format_date(case.planned_implementation_on)
            if case.planned_implementation_on
            else tr("Ukjent"),
        ),
        (
            tr("Iverksatt"),
            format_date(case.implemented_on) if case.implemented_on else tr("Ikke ennå"),
        ),
    ]
    parts = [
        f"<h2>{_e(tr('Sak'))} {_e(case.number)}: {_e(case.title)}</h2>",
        "<table cellpadding='2'>"
        + "".join(
            f"<tr><td><b>{_e(label)}:</b></td><td>{_e(value)}</td></tr>"
            for label, value in facts
            if value
        )
        + "</table>",
    ]
    if case.description:
        parts.append(f"<p>{_e(case.description)}</p>")
    parts.append(f"<h3>{_e(tr('Vurdering'))}</h3>")
    parts.append(
        "<p><b>"
        + _e(tr(TIMINGS.get(a.timing, a.timing)))
        + "</b><br>"
        + _e(tr("Saken krever: ") + tr(LEVELS[a.required_level]).lower())
        + " · "
        + _e(tr(DEMANDS.get(a.demand, a.demand)))
        + "</p>"
    )
    if a.reasons:
        parts.append("<ul>" + "".join(f"<li>{_e(r)}</li>" for r in a.reasons) + "</ul>")
    parts.append(f"<h3>{_e(tr('Tidslinje'))}</h3>")
    if detail.events:
        parts.append(
            _table(
                [tr("Dato"), tr("Hendelse"), tr("Notat")],
                [
                    [
                        format_date(ev.occurred_on),
                        tr(EVENT_KINDS.get(ev.kind, ev.kind)),
                        (ev.notes or "")[:400],
                    ]
                    for ev in detail.events
                ],
            )
        )
    else:
        parts.append(f"<p>{_e(tr('Ingen hendelser.'))}</p>")
    if stages:
        parts.append(f"<h3>{_e(tr('Løftet videre'))}</h3>")
        parts.append(
            _table(
                [tr("Trinn"), tr("Løftet dit"), tr("Utfall"), tr("Utfallet kom")],
                [
                    [
                        tr(ESCALATION_STAGES.get(s.stage, s.stage)),
                        format_date(s.started_on),
                        tr(ESCALATION_OUTCOMES.get(s.outcome, s.outcome))
                        if s.outcome
                        else tr("Ikke avgjort"),
                        format_date(s.ended_on) if s.ended_on else "",
                    ]
                    for s in stages
                ],
            )
        )
    if group is not None:
        parts.append(f"<h3>{_e(tr('Gruppesak'))}</h3>")
        parts.append(
            f"<p>G{group.id}: {_e(group.name)}<br>"
            + _e(tr("Sakene i gruppen: ") + ", ".join(group_cases))
            + "</p>"
        )
    open_deadlines = [d for d in detail.deadlines if d.state == "open"]
    if open_deadlines:
        parts.append(f"<h3>{_e(tr('Frister'))}</h3>")
        parts.append(
            _table(
                [tr("Frist"), tr("Gjelder")],
                [[format_date(d.due_on), d.title] for d in open_deadlines],
            )
        )
    if detail.documents:
        parts.append(f"<h3>{_e(tr('Dokumenter'))}</h3>")
        parts.append(
            _table(
                [tr("Nr."), tr("Dato"), tr("Tittel"), tr("Sendt")],
                [
                    [
                        d.number,
                        format_date(d.dated) if d.dated else "",
                        d.title,
                        format_date(d.sent_on) if d.sent_on else "",
                    ]
                    for d in detail.documents
                ],
            )
        )
    parts.append(f"<p><small>{_e(tr('Skrevet ut ') + today_text)} · Tillitsvalgt</small></p>")
    return "<html><body>" + "".join(parts) + "</body></html>"


def print_html(prompter: Prompter, parent: QWidget, title: str, text: str) -> bool:
    """Ask for a printer and print; False when the user cancelled."""
    printer = prompter.printer(parent, title)
    if printer is None:
        return False
    printer.setDocName(title)
    _print_text(printer, text)
    return True


PRINT_DPI = 300.0  # a letter's pages on paper: sharp text, about 1 MB a page in memory


def print_letter(
    workspace: Workspace,
    prompter: Prompter,
    parent: QWidget,
    document_id: int,
    title: str,
    *,
    background: Background | None = None,
) -> bool:
    """Ask for a printer and print the letter as it looks (see the module); False when the
    user cancelled or it could not be printed. With ``background`` the PDF is made off the
    window's thread and printed when it is ready."""
    try:
        content = workspace.document_content(document_id)
        text = docx_html(content)
    except UserError as exc:
        prompter.error(parent, tr("Kan ikke skrive ut"), exc.message)
        return False
    except Exception:  # not a Word file (an attachment): the system's viewer prints it
        prompter.error(
            parent,
            tr("Kan ikke skrive ut"),
            tr("Bare brev (Word-filer) skrives ut herfra. Åpne dokumentet og skriv det ut der."),
        )
        return False
    printer = prompter.printer(parent, title)
    if printer is None:
        return False
    printer.setDocName(title)

    def convert() -> bytes | None:
        if pdf_converter() is None:
            return None  # no LibreOffice or Word here: the text instead (said below)
        return docx_to_pdf(content)

    def failed(exc: BaseException) -> None:
        if not isinstance(exc, UserError):
            raise exc  # a bug: the crash dialog
        prompter.error(parent, tr("Kan ikke skrive ut"), exc.message)

    def done(pdf: bytes | None) -> None:
        if pdf is not None:
            try:
                print_pdf(printer, pdf)
            except UserError as exc:
                failed(exc)
            return
        _print_text(printer, text)
        prompter.info(
            parent,
            tr("Skrevet ut som tekst"),
            tr(
                "Brevet ble skrevet ut som tekst, uten brevets oppsett: LibreOffice eller Word "
                "trengs for å skrive det ut slik det ser ut."
            ),
        )

    if background is not None:
        background.submit(convert, done, failed, context=parent)
        return True
    try:
        pdf = convert()
    except UserError as exc:
        failed(exc)
        return False
    done(pdf)
    return True


def print_pdf(printer: QPrinter, pdf: bytes) -> None:
    """The PDF's pages on ``printer``: to a PDF file, the PDF itself; else each page drawn
    over the whole sheet (the PDF carries the letter's own margins)."""
    target = printer.outputFileName()
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and target:
        try:
            write_atomically(Path(target), pdf)
        except OSError as exc:
            raise UserError(
                f"Kunne ikke skrive {target}: {exc.strerror or exc}. Velg en annen mappe."
            ) from exc
        return
    paint_pdf(printer, pdf)


def paint_pdf(printer: QPrinter, pdf: bytes) -> None:
    """Each page of ``pdf`` drawn to fill a sheet of ``printer``, at its resolution (at
    most ``PRINT_DPI``)."""
    pages = render_pdf(pdf, dpi=min(float(printer.resolution()), PRINT_DPI))
    printer.setFullPage(True)
    painter = QPainter()
    if not painter.begin(printer):
        raise UserError("Skriveren kunne ikke startes. Sjekk at den er slått på og tilkoblet.")
    try:
        for k, page in enumerate(pages):
            if k and not printer.newPage():
                raise UserError("Skriveren tok ikke imot neste side.")
            image = QImage(
                page.pixels, page.width, page.height, page.stride, QImage.Format.Format_RGBX8888
            )
            # The page as large as the sheet allows, its proportions kept (an A4 letter on
            # Letter paper is a little smaller, never stretched).
            sheet = painter.viewport()
            scale = min(sheet.width() / page.width, sheet.height() / page.height)
            painter.drawImage(QRectF(0, 0, page.width * scale, page.height * scale), image)
    finally:
        painter.end()


def _print_text(printer: QPrinter, text: str) -> None:
    document = QTextDocument()
    document.setDocumentMargin(0)
    font = QFont(document.defaultFont())
    font.setPointSizeF(10.5)  # the screen's font size is small on paper
    document.setDefaultFont(font)
    document.setHtml(text)
    document.print_(printer)


def print_case_summary(
    workspace: Workspace, prompter: Prompter, parent: QWidget, detail: CaseDetail
) -> bool:
    case = detail.case
    try:
        stages = workspace.escalation_stages(case.id)
        group, members = (
            workspace.group_cases(case.group_id) if case.group_id is not None else (None, [])
        )
    except UserError as exc:
        prompter.error(parent, tr("Kan ikke skrive ut"), exc.message)
        return False
    text = case_summary_html(
        detail, stages, group, [m.number for m in members], format_date(workspace.today())
    )
    return print_html(prompter, parent, tr("Sak ") + case.number, text)
