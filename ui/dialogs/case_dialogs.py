"""Small dialogs around a case's life: a new case, and closing one with its outcome."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from tillitsvalgt.shapes import CaseCreate, CaseRead, EmployerRead
from tillitsvalgt.validation import validate
from tillitsvalgt.vocabulary import OUTCOMES
from tillitsvalgt.workspace import Workspace
from ui.accessibility import describe_inputs
from ui.autosave import AutosaveSlot, Snapshot
from ui.dialogs.employer_dialog import EmployerDialog
from ui.errors import CrashReporter, attempt
from ui.forms.case_form import CaseForm
from ui.i18n import tr, translated
from ui.prompts import Prompter


class NewCaseDialog(QDialog):
    """A new case: the same form as the case view, checked as you type; the dialog stays
    open with everything typed when the save is refused."""

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
        self.created: CaseRead | None = None
        self.setWindowTitle(tr("Ny sak"))
        self.setMinimumSize(620, 640)
        self.form = CaseForm()
        self.form.set_employers(workspace.employer_choices())
        self.form.load(None, workspace.today())
        scroll = QScrollArea()
        scroll.setWidget(self.form)
        scroll.setWidgetResizable(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(tr("&Opprett saken"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        note = QLabel(tr("Finnes ikke arbeidsgiveren i listen? Registrer den her."))
        note.setWordWrap(True)
        new_employer = QPushButton(tr("Ny &virksomhet …"))
        new_employer.clicked.connect(self.add_employer)
        row.addWidget(note, 1)
        row.addWidget(new_employer)
        layout.addLayout(row)
        layout.addWidget(scroll, 1)
        # What is still needed, in a quiet colour and one place (below the form, so the form
        # itself never moves): the red messages come only for fields typed in, or on save.
        self.hint = QLabel()
        self.hint.setObjectName("newCaseHint")
        self.hint.setStyleSheet("color: #404040")
        layout.addWidget(self.hint)
        layout.addWidget(buttons)
        self.form.changed.connect(self._changed)
        self._changed()
        describe_inputs(self)
        # What is typed survives a crash (ui/autosave.py); created or cancelled, it goes.
        self.autosaver = AutosaveSlot(self, self._autosave_snapshot)
        self.form.changed.connect(self.autosaver.touch)
        self.finished.connect(lambda _result: self.autosaver.clear())

    def _autosave_snapshot(self) -> Snapshot | None:
        if not self.form.is_dirty():
            return None
        return "case-new", "new_case", {}, self.form.changed_values()

    def add_employer(self) -> None:
        dialog = EmployerDialog(
            self.workspace, prompter=self.prompter, crashes=self.crashes, parent=self
        )
        self.employer_dialog = dialog  # for tests
        dialog.accepted.connect(lambda: self._employer_added(dialog.saved))
        dialog.open()

    def _employer_added(self, employer: EmployerRead | None) -> None:
        self.form.set_employers(self.workspace.employer_choices())
        if employer is not None:
            self.form.employer.setCurrentIndex(self.form.employer.findData(employer.id))
        self._changed()

    def _changed(self) -> None:
        problems = self.form.problems()
        self.save_button.setEnabled(not problems)
        needed = list(dict.fromkeys(self.form.shown_label(p) for p in problems if p.field))
        self.hint.setText(
            tr("Rett eller fyll ut før saken kan opprettes: ") + ", ".join(needed) if needed else ""
        )

    def save(self) -> None:
        if problems := self.form.problems():
            self.prompter.error(
                self, tr("Saken er ikke opprettet"), "\n".join(str(p) for p in problems)
            )
            return
        done = attempt(
            lambda: self.workspace.create_case(validate(CaseCreate, self.form.values())),
            prompter=self.prompter,
            title=tr("Saken er ikke opprettet"),
            crashes=self.crashes,
            parent=self,
        )
        if done is None:
            return
        self.created = done.value
        self.accept()


class CloseCaseDialog(QDialog):
    def __init__(self, number: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Avslutt sak ") + number)
        form = QFormLayout()
        self.outcome = QComboBox()
        self.outcome.setObjectName("outcome")
        for code, label in translated(OUTCOMES).items():
            self.outcome.addItem(label, code)
        form.addRow(tr("&Utfall:"), self.outcome)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("&Avslutt saken"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        describe_inputs(self)

    def outcome_code(self) -> str:
        return str(self.outcome.currentData())
