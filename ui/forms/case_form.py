"""The case's fields as a form: checked as you type (the same Norwegian messages the core
gives), saved with the version the edit started from, so a save over someone else's newer
change is refused and explained instead of silently winning."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tillitsvalgt.errors import Problem, ValidationError
from tillitsvalgt.shapes import CaseCreate, CaseRead
from tillitsvalgt.validation import FIELD_LABELS, validate
from tillitsvalgt.vocabulary import CASE_TYPES
from ui import palette
from ui.date_input import DateInput
from ui.i18n import tr, translated
from ui.widgets import tri_combo, tri_value

if TYPE_CHECKING:  # the anonymiser is loaded with the case view, after the start's paint
    from tillitsvalgt.reports.anonymise import Anonymised

HOME_OFFICE_TYPES = frozenset({"home_office_policy", "home_office_agreement"})
HOME_OFFICE_FIELDS = ("home_office_days_per_week", "written_agreements", "ordered_by_authorities")


class CaseForm(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case: CaseRead | None = None
        self._loading = False
        self._saved_values: dict[str, Any] = {}
        form = QFormLayout(self)
        self.title = QLineEdit()
        self.title.setMaxLength(200)
        self.title.setObjectName("title")
        self.employer = QComboBox()
        self.employer.setObjectName("employer")
        # A new case starts with no employer chosen: the first one in the alphabet was too
        # easily filed against by mistake.
        self.employer.setPlaceholderText(tr("(velg virksomhet)"))
        self.case_type = QComboBox()
        for code, label in translated(CASE_TYPES).items():
            self.case_type.addItem(label, code)
        self.location = QLineEdit()
        self.location.setMaxLength(200)
        self.members = QSpinBox()
        self.members.setRange(-1, 500_000)
        self.members.setSpecialValueText(tr("Ukjent"))
        self.notice = DateInput(optional=True)
        self.decision = DateInput(optional=True)
        self.planned = DateInput(optional=True)
        self.implemented = DateInput(optional=True)
        self.days = QDoubleSpinBox()
        self.days.setRange(-0.5, 7)
        self.days.setSingleStep(0.5)
        self.days.setDecimals(1)
        self.days.setSpecialValueText(tr("Ukjent"))
        self.written = tri_combo()
        self.ordered = tri_combo()
        # Rebuilding that needs a building permit needs Arbeidstilsynet's consent (§ 18-9).
        self.permit = tri_combo()
        self.permit.setObjectName("buildingPermit")
        self.permit.setToolTip(
            tr(
                "Er ombyggingen søknadspliktig etter plan- og bygningsloven? Da kreves "
                "Arbeidstilsynets samtykke før arbeidet starter (arbeidsmiljøloven § 18-9)."
            )
        )
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        # For the landsmøte report's appendix: the case view hands in how to anonymise
        # (it knows the database's person names) and how to propose a text.
        # (None from it: the names are still being read; the preview is asked for again.)
        self.preview_summary: Callable[[str], Anonymised | None] | None = None
        self.propose_summary: Callable[[], str] | None = None
        self.report_include = QCheckBox(tr("Ta med sammendraget i landsmøterapporten"))
        self.report_include.setObjectName("reportInclude")
        self.report_summary = QPlainTextEdit()
        self.report_summary.setObjectName("reportSummary")
        self.report_summary.setTabChangesFocus(True)
        self.report_summary.setPlaceholderText(
            tr("Kort og uten navn: hva skjedde, og hvordan endte det?")
        )
        self.report_summary.setMaximumHeight(120)
        self.propose_button = QPushButton(tr("Lag &forslag"))
        self.propose_button.setObjectName("proposeSummary")
        self.propose_button.setToolTip(
            tr("Skriver et forslag ut fra sakens fakta (type, måned, utfall) uten navn.")
        )
        self.propose_button.clicked.connect(self._propose)
        self.summary_preview = QLabel()
        self.summary_preview.setObjectName("summaryPreview")
        self.summary_preview.setWordWrap(True)
        self.summary_preview.setStyleSheet("color: #404040")
        summary_box = QWidget()
        summary_column = QVBoxLayout(summary_box)
        summary_column.setContentsMargins(0, 0, 0, 0)
        # Capitalised words the anonymiser cannot place may be names: the summary can only
        # be marked for the report once the representative has said they are not.
        self.unplaced_ok = QCheckBox(tr("Ordene som er merket over, er ikke navn på personer"))
        self.unplaced_ok.setObjectName("unplacedOk")
        self.unplaced_ok.setVisible(False)
        self.unplaced_ok.toggled.connect(self.update_summary_preview)
        summary_column.addWidget(self.report_include)
        summary_column.addWidget(self.report_summary)
        button_row = QHBoxLayout()
        button_row.addWidget(self.propose_button)
        button_row.addStretch(1)
        summary_column.addLayout(button_row)
        summary_column.addWidget(self.summary_preview)
        summary_column.addWidget(self.unplaced_ok)
        self.messages: dict[str, QLabel] = {}
        self.rows: dict[str, QWidget] = {}  # each field's row (the field and its message)
        self.shown_labels: dict[str, str] = {}  # each field's label as the form shows it
        self._form = form
        # Fields whose problems are shown: the ones the user has changed, or all of them
        # after a save was tried (no red «må fylles ut» on a form nobody has typed in).
        self._touched: set[str] = set()
        self._reveal_all = False
        rows: list[tuple[str, str, QWidget]] = [
            ("title", tr("&Tittel"), self.title),
            ("employer_id", tr("&Virksomhet"), self.employer),
            ("case_type", tr("Saks&type"), self.case_type),
            ("location", tr("&Sted/avdeling"), self.location),
            ("members_affected", tr("&Berørte medlemmer"), self.members),
            ("notice_on", tr("Arbeidsgiver &varslet"), self.notice),
            ("decision_on", tr("Be&slutning tatt"), self.decision),
            ("planned_implementation_on", tr("&Planlagt iverksatt"), self.planned),
            ("implemented_on", tr("&Iverksatt"), self.implemented),
            ("home_office_days_per_week", tr("&Hjemmekontordager i uka"), self.days),
            ("written_agreements", tr("Skriftlige hjemmekontor&avtaler"), self.written),
            ("ordered_by_authorities", tr("Pålagt av &myndighetene"), self.ordered),
            ("building_permit", tr("B&yggesøknad"), self.permit),
            ("description", tr("Be&skrivelse"), self.description),
            ("report_summary", tr("Til &rapporten"), summary_box),
        ]
        for field, label, widget in rows:
            if not widget.objectName():
                widget.setObjectName(field)
            message = QLabel()
            message.setObjectName(f"message-{field}")
            message.setStyleSheet(palette.ERROR_STYLE)
            message.setWordWrap(True)
            message.hide()
            self.messages[field] = message
            box = QWidget()
            column = QFormLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.addRow(widget)
            column.addRow(message)
            form.addRow(label + ":", box)
            self.rows[field] = box
            self.shown_labels[field] = label.replace("&", "")
        # Long choices («Kontorløsning (landskap, aktivitetsbasert, …)») must not make the
        # form wider than a 1024 px window leaves it: the combo boxes shrink, the list opens
        # as wide as its longest entry.
        for combo in self.findChildren(QComboBox):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(14)
        # Norwegian label -> field, for the fields of this form ("Sakstype" is also "type").
        self._label_to_field = {FIELD_LABELS.get(f, f): f for f in self.messages}
        self.general = QLabel()
        self.general.setObjectName("message-general")
        self.general.setStyleSheet(palette.ERROR_STYLE)
        self.general.setWordWrap(True)
        form.addRow(self.general)
        for field, signal in (
            ("title", self.title.textChanged),
            ("employer_id", self.employer.currentIndexChanged),
            ("case_type", self.case_type.currentIndexChanged),
            ("location", self.location.textChanged),
            ("members_affected", self.members.valueChanged),
            ("notice_on", self.notice.changed),
            ("decision_on", self.decision.changed),
            ("planned_implementation_on", self.planned.changed),
            ("implemented_on", self.implemented.changed),
            ("home_office_days_per_week", self.days.valueChanged),
            ("written_agreements", self.written.currentIndexChanged),
            ("ordered_by_authorities", self.ordered.currentIndexChanged),
            ("building_permit", self.permit.currentIndexChanged),
            ("description", self.description.textChanged),
            ("report_summary", self.report_include.toggled),
            ("report_summary", self.report_summary.textChanged),
        ):
            signal.connect(lambda *_args, field=field: self._on_change(field))
        self.case_type.currentIndexChanged.connect(self._show_type_fields)
        self.report_summary.textChanged.connect(self.update_summary_preview)
        self.report_include.toggled.connect(self.update_summary_preview)

    # ---------------------------------------------------------------- loading

    def set_employers(self, employers: list[tuple[int, str]]) -> None:
        """The choice of employer: (id, name) each, as ``Workspace.employer_choices``."""
        current = self.employer.currentData()
        self._loading = True
        self.employer.clear()
        for employer_id, name in employers:
            self.employer.addItem(name, employer_id)
        if current is not None and (i := self.employer.findData(current)) >= 0:
            self.employer.setCurrentIndex(i)
        self._loading = False

    def load(self, case: CaseRead | None, today: date) -> None:
        """Show ``case`` (None: an empty form for a new case)."""
        self._loading = True
        self.case = case
        self._touched.clear()
        self._reveal_all = case is not None  # a stored case's problems are shown at once
        self.title.setText(case.title if case else "")
        if case is not None and (i := self.employer.findData(case.employer_id)) >= 0:
            self.employer.setCurrentIndex(i)
        elif case is None:
            self.employer.setCurrentIndex(-1)
        self.case_type.setCurrentIndex(
            max(0, self.case_type.findData(case.case_type if case else "office_layout"))
        )
        self.location.setText(case.location or "" if case else "")
        members = case.members_affected if case else None
        self.members.setValue(-1 if members is None else members)
        for field in self.date_fields().values():
            field.set_today(lambda: today)
        self.notice.set_value(case.notice_on if case else None)
        self.decision.set_value(case.decision_on if case else None)
        self.planned.set_value(case.planned_implementation_on if case else None)
        self.implemented.set_value(case.implemented_on if case else None)
        days = case.home_office_days_per_week if case else None
        self.days.setValue(-0.5 if days is None else days)
        for combo, value in (
            (self.written, case.written_agreements if case else None),
            (self.ordered, case.ordered_by_authorities if case else None),
            (self.permit, case.building_permit if case else None),
        ):
            combo.setCurrentIndex(combo.findData(value) if value is not None else 0)
        self.description.setPlainText(case.description or "" if case else "")
        self.report_include.setChecked(bool(case.report_include) if case else False)
        self.report_summary.setPlainText(case.report_summary or "" if case else "")
        self._loading = False
        self.update_summary_preview()
        self._saved_values = self.values()
        self._show_type_fields()
        self.check(reveal=False)

    # ---------------------------------------------------------------- values

    def values(self) -> dict[str, Any]:
        members = self.members.value()
        days = self.days.value()
        return {
            "title": self.title.text(),
            "employer_id": self.employer.currentData(),
            "case_type": self.case_type.currentData(),
            "location": self.location.text() or None,
            "members_affected": None if members < 0 else members,
            "notice_on": self.notice.value(),
            "decision_on": self.decision.value(),
            "planned_implementation_on": self.planned.value(),
            "implemented_on": self.implemented.value(),
            "home_office_days_per_week": None if days < 0 else days,
            "written_agreements": tri_value(self.written),
            "ordered_by_authorities": tri_value(self.ordered),
            "building_permit": tri_value(self.permit),
            "description": self.description.toPlainText() or None,
            "report_include": self.report_include.isChecked(),
            "report_summary": self.report_summary.toPlainText() or None,
        }

    def is_dirty(self) -> bool:
        return self.values() != self._saved_values

    def changed_values(self) -> dict[str, Any]:
        now = self.values()
        return {k: v for k, v in now.items() if self._saved_values.get(k) != v}

    def date_fields(self) -> dict[str, DateInput]:
        return {
            "notice_on": self.notice,
            "decision_on": self.decision,
            "planned_implementation_on": self.planned,
            "implemented_on": self.implemented,
        }

    def problems(self) -> list[Problem]:
        # A date field whose text is not a date reads as unknown in ``values``: its own
        # problem comes first, so the form is never saved with the date left out.
        typed = [
            Problem(FIELD_LABELS.get(field, field), problem)
            for field, widget in self.date_fields().items()
            if (problem := widget.problem()) is not None
        ]
        try:
            validate(CaseCreate, self.values())
        except ValidationError as exc:
            return typed + exc.problems
        return typed

    def check(self, *, reveal: bool = True) -> bool:
        """Show each problem under its field; True when there are none. ``reveal``: show
        the problems of every field (a save was tried), not only of those typed in."""
        if reveal:
            self._reveal_all = True
            for date_field in self.date_fields().values():
                date_field.reveal()
        problems = self.problems()
        for label in self.messages.values():
            label.hide()
        general: list[str] = []
        dates = self.date_fields()
        for problem in problems:
            field = self._label_to_field.get(problem.field)
            if field in dates and dates[field].problem() == problem.message:
                continue  # the date field says it beside the text already
            if field is not None and not self._reveal_all and field not in self._touched:
                continue  # not typed in yet: no red before the user has done anything
            if field in self.messages:
                self.messages[field].setText(problem.message)
                self.messages[field].show()
            else:
                general.append(str(problem))
        self.general.setText("\n".join(general))
        return not problems

    def shown_label(self, problem: Problem) -> str:
        """The label the form shows for a problem's field («Beslutning tatt», not the
        core's «Beslutningsdato»)."""
        field = self._label_to_field.get(problem.field)
        return self.shown_labels.get(field or "", problem.field)

    def _on_change(self, field: str) -> None:
        if self._loading:
            return
        self._touched.add(field)
        self.check(reveal=False)
        self.changed.emit()

    def _show_type_fields(self) -> None:
        """The home-office fields only for home-office cases (or where a value is stored)."""
        home = self.case_type.currentData() in HOME_OFFICE_TYPES
        values = self.values()
        for field in HOME_OFFICE_FIELDS:
            self._form.setRowVisible(self.rows[field], home or values[field] is not None)

    def apply(self, values: dict[str, Any]) -> None:
        """Put values (the user's unsaved edits) into the form."""
        setters: dict[str, Any] = {
            "title": lambda v: self.title.setText(v or ""),
            "employer_id": lambda v: self.employer.setCurrentIndex(
                max(0, self.employer.findData(v))
            ),
            "case_type": lambda v: self.case_type.setCurrentIndex(
                max(0, self.case_type.findData(v))
            ),
            "location": lambda v: self.location.setText(v or ""),
            "members_affected": lambda v: self.members.setValue(-1 if v is None else v),
            "notice_on": self.notice.set_value,
            "decision_on": self.decision.set_value,
            "planned_implementation_on": self.planned.set_value,
            "implemented_on": self.implemented.set_value,
            "home_office_days_per_week": lambda v: self.days.setValue(-0.5 if v is None else v),
            "written_agreements": lambda v: self.written.setCurrentIndex(
                max(0, self.written.findData(v)) if v is not None else 0
            ),
            "ordered_by_authorities": lambda v: self.ordered.setCurrentIndex(
                max(0, self.ordered.findData(v)) if v is not None else 0
            ),
            "building_permit": lambda v: self.permit.setCurrentIndex(
                max(0, self.permit.findData(v)) if v is not None else 0
            ),
            "description": lambda v: self.description.setPlainText(v or ""),
            "report_include": lambda v: self.report_include.setChecked(bool(v)),
            "report_summary": lambda v: self.report_summary.setPlainText(v or ""),
        }
        for field, value in values.items():
            if field in setters:
                setters[field](value)
        self.check()

    # ---------------------------------------------------------------- report summary

    def _propose(self) -> None:
        if self.propose_summary is None:
            return
        proposal = self.propose_summary()
        current = self.report_summary.toPlainText().strip()
        # Never throw away what the representative wrote: a proposal goes above it.
        self.report_summary.setPlainText(proposal if not current else f"{proposal}\n\n{current}")
        self.report_include.setChecked(True)

    def names_unreadable(self, reason: str) -> None:
        """The person names could not be read: the text cannot be checked for names, and
        so cannot be marked for the report now."""
        self.report_include.setEnabled(False)
        self.summary_preview.setText(
            tr("Kan ikke sjekke teksten for navn nå: ") + reason + tr(" Prøv igjen senere.")
        )

    def update_summary_preview(self) -> None:
        text = self.report_summary.toPlainText().strip()
        if not text:
            self.summary_preview.setText(
                tr("Sammendraget kommer i rapportens vedlegg når saken er merket.")
                if not self.report_include.isChecked()
                else tr("Skriv et sammendrag, eller trykk «Lag forslag».")
            )
            return
        if self.preview_summary is None:
            self.summary_preview.clear()
            return
        result = self.preview_summary(text)
        if result is None:
            # Until the names are known no word can be cleared, so the text cannot be
            # marked for the report yet; the mark itself is left as it was.
            self.report_include.setEnabled(False)
            self.summary_preview.setText(tr("Sjekker teksten mot navnene programmet kjenner …"))
            return
        lines = [tr("Slik kommer teksten i rapporten:"), result.text]
        if result.names_found:
            lines.append(tr("Tatt ut: {names}.").format(names=", ".join(result.names_found)))
        lines.append(
            tr(
                "Navn programmet ikke kjenner, kan ikke tas ut automatisk – les teksten "
                "før du merker den."
            )
        )
        unplaced = tuple(getattr(result, "unplaced", ()))
        if unplaced:
            lines.append(
                tr("Kan dette være navn? {words}. Skriv dem om, eller bekreft under.").format(
                    words=", ".join(f"«{w}»" for w in unplaced)
                )
            )
        self.unplaced_ok.setVisible(bool(unplaced))
        blocked = bool(unplaced) and not self.unplaced_ok.isChecked()
        if blocked and self.report_include.isChecked():
            self.report_include.setChecked(False)
        self.report_include.setEnabled(not blocked)
        self.summary_preview.setText("\n".join(lines))
