"""The home-office agreement checklist for one case: every item, grouped as the regulation's
minimum and the union's own demands, each with an answer and a note. A changed answer is
saved at once, a note when editing it finishes; the line at the top says what a demand
letter would list as missing or unclear."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from tillitsvalgt.errors import UserError
from tillitsvalgt.rules.checklist import (
    ChecklistGaps,
    ChecklistItem,
    checklist_gaps,
    checklist_items,
    regulation_scope,
)
from tillitsvalgt.shapes import ChecklistAnswerRead, ChecklistAnswerSet
from tillitsvalgt.validation import validate
from tillitsvalgt.vocabulary import CASE_TYPES, CHECKLIST_ANSWERS
from tillitsvalgt.workspace import Workspace
from ui.errors import CrashReporter, guard
from ui.i18n import QT_TR_NOOP, count, tr, translated
from ui.prompts import Prompter

HOME_OFFICE_TYPES = ("home_office_policy", "home_office_agreement")
GROUP_TITLES = {
    "forskrift": QT_TRANSLATE_NOOP("ChecklistPanel", "Minstekrav i hjemmekontorforskriften § 2"),
    "forbund": QT_TRANSLATE_NOOP("ChecklistPanel", "Forbundets krav"),
}
GROUP_TIPS = {
    "forskrift": QT_TRANSLATE_NOOP(
        "ChecklistPanel",
        "Det en skriftlig avtale om hjemmearbeid minst skal regulere. Et punkt som ikke er "
        "besvart, regnes som uavklart.",
    ),
    "forbund": QT_TRANSLATE_NOOP(
        "ChecklistPanel",
        "Forbundets egne krav. De tas med i kravbrevet bare når de er besvart «Ikke oppfylt».",
    ),
}
DEFAULT_ANSWER = "unknown"
NOTE_MAX = 20_000


def summary_text(gaps: ChecklistGaps) -> str:
    """«3 punkter mangler, 5 er uavklart» — the parts that are not zero."""
    missing, unclear = len(gaps.missing), len(gaps.unclear)
    if missing == 0 and unclear == 0:
        return tr("Ingen punkter mangler eller er uavklart")
    if missing == 0:
        return count(
            unclear, QT_TR_NOOP("%n punkt er uavklart"), QT_TR_NOOP("%n punkter er uavklart")
        )
    text = count(missing, QT_TR_NOOP("%n punkt mangler"), QT_TR_NOOP("%n punkter mangler"))
    if unclear:
        text += ", " + count(unclear, QT_TR_NOOP("%n er uavklart"), QT_TR_NOOP("%n er uavklart"))
    return text


def _list(title: str, items: Iterable[ChecklistItem]) -> str:
    labels = [i.label for i in items]
    return title + ("\n" + "\n".join(f"– {x}" for x in labels) if labels else " " + tr("ingen"))


@dataclass
class ChecklistRow:
    """The widgets of one item and what is stored for it."""

    item: ChecklistItem
    label: QLabel
    answer: QComboBox
    note: QLineEdit
    stored_answer: str = DEFAULT_ANSWER
    stored_note: str | None = None


class ChecklistPanel(QWidget):
    answers_changed = Signal()  # after an answer or a note was saved

    def __init__(
        self,
        workspace: Workspace,
        *,
        prompter: Prompter,
        crashes: CrashReporter,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.prompter = prompter
        self.crashes = crashes
        self.case_id: int | None = None
        self.case_type: str | None = None
        self.written_agreements: bool | None = None
        self.scope: str | None = None  # why the regulation does not bind the case, if so

        layout = QVBoxLayout(self)
        self.explanation = QLabel()
        self.explanation.setObjectName("checklistExplanation")
        self.explanation.setWordWrap(True)
        self.explanation.hide()
        layout.addWidget(self.explanation)
        self.summary = QLabel()
        self.summary.setObjectName("checklistSummary")
        self.summary.setWordWrap(True)
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)
        layout.addWidget(self.summary)

        body = QWidget()
        body_layout = QVBoxLayout(body)
        self.rows: dict[str, ChecklistRow] = {}
        self.groups: dict[str, QGroupBox] = {}
        for group in GROUP_TITLES:
            box = QGroupBox(tr(str(GROUP_TITLES[group])))
            box.setObjectName(f"group-{group}")
            box.setToolTip(tr(str(GROUP_TIPS[group])))
            grid = QGridLayout(box)
            grid.setColumnStretch(2, 1)
            for line, item in enumerate(i for i in checklist_items() if i.group == group):
                self.rows[item.key] = self._make_row(grid, line, item)
            self.groups[group] = box
            body_layout.addWidget(box)
        body_layout.addStretch(1)
        # One label width for both groups, so their answers line up.
        widest = max(row.label.sizeHint().width() for row in self.rows.values())
        for row in self.rows.values():
            row.label.setMinimumWidth(widest)
        scroll = QScrollArea()
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        # Up and down only: on a narrow screen the notes get narrower instead.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(scroll, 1)
        self.setEnabled(False)  # until a case is shown

    def _make_row(self, grid: QGridLayout, line: int, item: ChecklistItem) -> ChecklistRow:
        tip = item.demand[:1].upper() + item.demand[1:] + "."
        if item.basis:
            tip += "\n" + tr("Hjemmel: ") + item.basis
        label = QLabel(item.label)
        label.setToolTip(tip)
        combo = QComboBox()
        combo.setObjectName(f"answer-{item.key}")
        for code, text in translated(CHECKLIST_ANSWERS).items():
            combo.addItem(tr(text), code)
        combo.setToolTip(tip + "\n" + tr("Endringen lagres med en gang."))
        combo.setAccessibleName(item.label)
        label.setBuddy(combo)
        note = QLineEdit()
        note.setObjectName(f"note-{item.key}")
        note.setMaxLength(NOTE_MAX)
        note.setClearButtonEnabled(True)
        note.setPlaceholderText(tr("Notat (valgfritt)"))
        note.setMinimumWidth(48)
        note.setToolTip(tr("Lagres når du trykker Enter eller går ut av feltet."))
        note.setAccessibleName(item.label + " – " + tr("notat"))
        grid.addWidget(label, line, 0)
        grid.addWidget(combo, line, 1)
        grid.addWidget(note, line, 2)
        combo.currentIndexChanged.connect(lambda _=0, key=item.key: self._answer_changed(key))
        note.editingFinished.connect(lambda key=item.key: self._note_finished(key))
        return ChecklistRow(item, label, combo, note)

    # ---------------------------------------------------------------- showing a case

    def show_case(
        self,
        case_id: int,
        case_type: str,
        *,
        written_agreements: bool | None = None,
        home_office_days_per_week: float | None = None,
        ordered_by_authorities: bool | None = None,
    ) -> None:
        """Show the stored answers of a case. ``written_agreements`` (the case's own field)
        makes the summary count as a demand letter does: with ``False``, every item of the
        regulation not answered «Oppfylt» is missing, not just unclear."""
        with guard(self, tr("Kan ikke vise sjekklisten")) as tried:
            answers = self.workspace.checklist(case_id)
        if tried.failed:
            return
        self.case_id, self.case_type = case_id, case_type
        self.written_agreements = written_agreements
        self.scope = regulation_scope(home_office_days_per_week, ordered_by_authorities)
        self._fill(answers)
        if case_type in HOME_OFFICE_TYPES:
            self.explanation.hide()
        else:
            kind = tr(CASE_TYPES.get(case_type, case_type))
            self.explanation.setText(
                tr("Sjekklisten er laget for hjemmekontorsaker («")
                + tr(CASE_TYPES["home_office_policy"])
                + tr("» og «")
                + tr(CASE_TYPES["home_office_agreement"])
                + tr("»). Denne saken er av typen «")
                + kind
                + tr("», men du kan bruke sjekklisten likevel.")
            )
            self.explanation.show()
        self.setEnabled(True)

    def _fill(self, answers: list[ChecklistAnswerRead]) -> None:
        stored = {a.item_key: a for a in answers}
        for key, row in self.rows.items():
            found = stored.get(key)
            row.stored_answer = found.answer if found else DEFAULT_ANSWER
            row.stored_note = found.note if found else None
            self._show_stored(row)
        self._update_summary()

    def _show_stored(self, row: ChecklistRow) -> None:
        for widget in (row.answer, row.note):
            widget.blockSignals(True)
        try:
            row.answer.setCurrentIndex(max(row.answer.findData(row.stored_answer), 0))
            row.note.setText(row.stored_note or "")
        finally:
            for widget in (row.answer, row.note):
                widget.blockSignals(False)

    def answers(self) -> dict[str, str]:
        """The stored answer per item (unanswered items as «unknown»)."""
        return {key: row.stored_answer for key, row in self.rows.items()}

    def gaps(self) -> ChecklistGaps:
        return checklist_gaps(self.answers(), self.written_agreements)

    def _update_summary(self) -> None:
        gaps = self.gaps()
        # When the regulation does not bind the case, «8 punkter mangler» would be wrong:
        # say why instead, and what the items are still good for.
        self.summary.setText(self.scope or summary_text(gaps))
        self.summary.setToolTip(
            _list(tr("Mangler:"), gaps.missing) + "\n" + _list(tr("Uavklart:"), gaps.unclear)
        )

    # ---------------------------------------------------------------- saving

    def _answer_changed(self, key: str) -> None:
        self._save(self.rows[key])

    def _note_finished(self, key: str) -> None:
        row = self.rows[key]
        if (row.note.text().strip() or None) != row.stored_note:
            self._save(row)

    def _save(self, row: ChecklistRow) -> None:
        if self.case_id is None:
            return
        answer = str(row.answer.currentData())
        note = row.note.text().strip() or None
        try:
            data = validate(
                ChecklistAnswerSet, {"item_key": row.item.key, "answer": answer, "note": note}
            )
            saved = self.workspace.set_checklist_answer(self.case_id, data)
        except UserError as exc:
            self.prompter.error(self, tr("Ble ikke lagret: ") + row.item.label, exc.message)
            self._show_stored(row)
            return
        except Exception as exc:
            self._show_stored(row)
            self.crashes.report(exc, self)
            return
        row.stored_answer, row.stored_note = saved.answer, saved.note
        if (row.note.text().strip() or None) != saved.note:
            self._show_stored(row)
        self._update_summary()
        self.answers_changed.emit()
