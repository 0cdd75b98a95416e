"""One case: its facts, the timeline, the journal and the assessment panel with the
suggested letters. (Editing the case and its timeline in the window comes next; the
command line does it today.)"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from tillitsvalgt.models import DocumentRead
from tillitsvalgt.rules.deadlines import format_date
from tillitsvalgt.vocabulary import (
    CASE_STATUSES,
    CASE_TYPES,
    DATE_FIELDS,
    DEMANDS,
    LETTER_KINDS,
    LEVELS,
    TIMINGS,
)
from tillitsvalgt.workspace import CaseDetail
from ui.models.case_file import DocumentTableModel, EventTableModel


def tr(text: str) -> str:
    return QCoreApplication.translate("CaseView", text)


def _day(value: object) -> str:
    return format_date(value) if value else tr("ikke registrert")  # type: ignore[arg-type]


class AssessmentPanel(QWidget):
    """The verdict, the reasons, the provisions with summaries, what is missing, and a
    button per suggested letter."""

    letter_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.verdict.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.verdict)
        self.buttons = QHBoxLayout()
        layout.addLayout(self.buttons)
        self.text = QTextBrowser()
        self.text.setOpenLinks(False)
        layout.addWidget(self.text, 1)
        self.letter_buttons: list[QPushButton] = []

    def show_detail(self, detail: CaseDetail) -> None:
        a = detail.assessment
        self.verdict.setText(
            f"<b>{html.escape(TIMINGS.get(a.timing, a.timing))}</b><br>"
            + html.escape(tr("Saken krever: ") + LEVELS[a.required_level].lower())
            + " · "
            + html.escape(DEMANDS.get(a.demand, a.demand))
            + (
                html.escape(tr(", svarfrist ") + format_date(a.demand_due_on))
                if a.demand_due_on
                else ""
            )
        )
        for button in self.letter_buttons:
            self.buttons.removeWidget(button)
            button.deleteLater()
        self.letter_buttons = []
        for suggestion in a.next_letters:
            button = QPushButton(LETTER_KINDS.get(suggestion.kind, suggestion.kind) + " …")
            button.setToolTip(suggestion.reason)
            button.setObjectName(f"suggest-{suggestion.kind}")
            button.clicked.connect(
                lambda _=False, kind=suggestion.kind: self.letter_requested.emit(kind)
            )
            self.buttons.addWidget(button)
            self.letter_buttons.append(button)
        self.buttons.addStretch(1)
        parts = [f"<h3>{html.escape(tr('Begrunnelse'))}</h3><ul>"]
        parts += [f"<li>{html.escape(r)}</li>" for r in a.reasons]
        parts.append("</ul>")
        if a.missing:
            parts.append(f"<h3>{html.escape(tr('Dette mangler for å vurdere saken'))}</h3><ul>")
            parts += [f"<li>{html.escape(DATE_FIELDS.get(m, m))}</li>" for m in a.missing]
            parts.append("</ul>")
        if a.evidence_gaps:
            parts.append(f"<h3>{html.escape(tr('Dokumentasjon som mangler'))}</h3><ul>")
            parts += [f"<li>{html.escape(g)}</li>" for g in a.evidence_gaps]
            parts.append("</ul>")
        if a.next_letters:
            parts.append(f"<h3>{html.escape(tr('Foreslåtte brev'))}</h3><ul>")
            parts += [
                f"<li><b>{html.escape(LETTER_KINDS.get(s.kind, s.kind))}</b>: "
                f"{html.escape(s.reason)}</li>"
                for s in a.next_letters
            ]
            parts.append("</ul>")
        parts.append(f"<h3>{html.escape(tr('Bestemmelser som gjelder'))}</h3>")
        for p in a.provisions:
            unchecked = tr("paragrafen er ikke kontrollert – sitert på kapittel")
            flag = "" if p.verified else f" <i>({html.escape(unchecked)})</i>"
            parts.append(
                f"<p><b>{html.escape(p.citation)}</b> – {html.escape(p.title)}{flag}<br>"
                f"{html.escape(p.summary)}<br><i>{html.escape(tr('Gjelder her: '))}"
                f"{html.escape(p.reason)}.</i></p>"
            )
        self.text.setHtml("".join(parts))


class CaseView(QWidget):
    letter_requested = Signal(str)
    document_activated = Signal(object)  # DocumentRead

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail: CaseDetail | None = None
        layout = QVBoxLayout(self)
        self.heading = QLabel(tr("Velg en sak i listen."))
        self.heading.setObjectName("caseHeading")
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        layout.addWidget(self.heading)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)

        self.assessment = AssessmentPanel()
        self.assessment.letter_requested.connect(self.letter_requested)
        self.tabs.addTab(self.assessment, tr("Vurdering"))

        facts = QWidget()
        self.form = QFormLayout(facts)
        self.fields: dict[str, QLabel] = {}
        for key, label in (
            ("number", tr("Saksnummer")),
            ("employer", tr("Virksomhet")),
            ("agreement", tr("Hovedavtale")),
            ("type", tr("Sakstype")),
            ("location", tr("Sted")),
            ("members", tr("Berørte medlemmer")),
            ("notice", tr("Varslet")),
            ("decision", tr("Beslutning")),
            ("planned", tr("Planlagt iverksatt")),
            ("implemented", tr("Iverksatt")),
            ("status", tr("Status")),
            ("description", tr("Beskrivelse")),
        ):
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields[key] = value
            self.form.addRow(label + ":", value)
        scroll = QScrollArea()
        scroll.setWidget(facts)
        scroll.setWidgetResizable(True)
        self.tabs.addTab(scroll, tr("Saken"))

        self.events = EventTableModel()
        self.tabs.addTab(self._table(self.events, "timeline"), tr("Tidslinje"))

        self.documents = DocumentTableModel()
        journal = QWidget()
        journal_layout = QVBoxLayout(journal)
        self.document_table = self._table(self.documents, "journal")
        self.document_table.doubleClicked.connect(self._activate_document)
        journal_layout.addWidget(self.document_table)
        self.tabs.addTab(journal, tr("Dokumenter"))
        self.setEnabled(False)

    def _table(self, model: object, name: str) -> QTableView:
        view = QTableView()
        view.setObjectName(name)
        view.setModel(model)  # type: ignore[arg-type]
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.verticalHeader().setVisible(False)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.horizontalHeader().setStretchLastSection(True)
        view.setWordWrap(True)
        return view

    def _activate_document(self) -> None:
        index = self.document_table.currentIndex()
        doc: DocumentRead | None = self.documents.item_at(index.row())
        if doc is not None:
            self.document_activated.emit(doc)

    def selected_document(self) -> DocumentRead | None:
        result: DocumentRead | None = self.documents.item_at(
            self.document_table.currentIndex().row()
        )
        return result

    def show_detail(self, detail: CaseDetail) -> None:
        self.detail = detail
        case, employer = detail.case, detail.employer
        self.setEnabled(True)
        self.heading.setText(f"{case.number}  {case.title}")
        values = {
            "number": case.number,
            "employer": employer.name
            + (f" ({employer.employees} ansatte)" if employer.employees is not None else ""),
            "agreement": detail.agreement_name,
            "type": CASE_TYPES.get(case.case_type, case.case_type),
            "location": case.location or "",
            "members": "" if case.members_affected is None else str(case.members_affected),
            "notice": _day(case.notice_on),
            "decision": _day(case.decision_on),
            "planned": _day(case.planned_implementation_on),
            "implemented": _day(case.implemented_on),
            "status": CASE_STATUSES.get(case.status, case.status),
            "description": case.description or "",
        }
        for key, value in values.items():
            self.fields[key].setText(value)
        self.events.set_items(detail.events)
        self.documents.set_items(detail.documents)
        self.assessment.show_detail(detail)
