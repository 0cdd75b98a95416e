"""Printing from the window: a letter from the journal, or the case summary (the facts, the
verdict, the timeline, how far the case has gone, its group, the deadlines and the
journal). The printer comes from the injected prompt service (the print dialog in the app,
a PDF file in the tests); what is printed is text laid out by ``QTextDocument``, so a PDF
made by printing holds the words."""

from __future__ import annotations

import html

from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtWidgets import QWidget

from tillitsvalgt.errors import UserError
from tillitsvalgt.letters.printable import docx_html
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
    document = QTextDocument()
    document.setDocumentMargin(0)
    font = QFont(document.defaultFont())
    font.setPointSizeF(10.5)  # the screen's font size is small on paper
    document.setDefaultFont(font)
    document.setHtml(text)
    document.print_(printer)
    return True


def print_letter(workspace: Workspace, prompter: Prompter, parent: QWidget, document_id: int,
                 title: str) -> bool:  # fmt: skip
    try:
        text = docx_html(workspace.document_content(document_id))
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
    return print_html(prompter, parent, title, text)


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
