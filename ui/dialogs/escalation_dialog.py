"""Record that a case went on past the local level — to the central parties, Arbeidsretten,
or (in the state) a dispute under tjenestetvistloven — when, and how that stage ended. The
stage's timeline event follows from the service; the dialog only gathers what was typed."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from tillitsvalgt.shapes import EscalationRead
from tillitsvalgt.vocabulary import ESCALATION_OUTCOMES, ESCALATION_STAGES
from tillitsvalgt.workspace import StageInput, Workspace
from ui import palette
from ui.accessibility import describe_inputs
from ui.date_input import DateInput
from ui.errors import CrashReporter, attempt
from ui.i18n import tr, translated


class EscalationDialog(QDialog):
    """A new stage, or (``stage`` given) the outcome of one already recorded."""

    def __init__(
        self,
        workspace: Workspace,
        case_id: int,
        *,
        crashes: CrashReporter,
        stage: EscalationRead | None = None,
        recorded: tuple[str, ...] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.case_id = case_id
        self.crashes = crashes
        self.editing = stage
        self.saved: EscalationRead | None = None
        self.setWindowTitle(tr("Endre trinn") if stage else tr("Løft saken videre"))
        self.setMinimumWidth(540)
        intro = QLabel(
            tr(
                "Når arbeidsgiveren avviser kravet lokalt, kan saken løftes videre: til de "
                "sentrale partene og deretter Arbeidsretten – i staten som tvist etter "
                "tjenestetvistloven. Registrer hvert trinn med dato, og utfallet når det kommer."
            )
        )
        intro.setWordWrap(True)
        self.stage = QComboBox()
        self.stage.setObjectName("escalationStage")
        for code, label in translated(ESCALATION_STAGES).items():
            if stage is not None and code != stage.stage:
                continue
            if stage is None and code in recorded:
                continue  # a stage already recorded is changed, not recorded again
            self.stage.addItem(label, code)
        self.started = DateInput(workspace.today(), today=workspace.today)
        self.started.setObjectName("escalationStarted")
        self.outcome = QComboBox()
        self.outcome.setObjectName("escalationOutcome")
        self.outcome.addItem(tr("(ikke avgjort ennå)"), None)
        for code, label in translated(ESCALATION_OUTCOMES).items():
            self.outcome.addItem(label, code)
        self.ended = DateInput(optional=True, today=workspace.today)
        self.ended.setObjectName("escalationEnded")
        self.reference = QLineEdit()
        self.reference.setObjectName("escalationReference")
        self.reference.setPlaceholderText(tr("f.eks. Arbeidsrettens saksnummer"))
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(90)
        form = QFormLayout()
        form.addRow(tr("&Trinn:"), self.stage)
        form.addRow(tr("Løftet &dit:"), self.started)
        form.addRow(tr("&Utfall:"), self.outcome)
        form.addRow(tr("Utfallet &kom:"), self.ended)
        form.addRow(tr("&Referanse:"), self.reference)
        form.addRow(tr("&Notat:"), self.notes)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setStyleSheet(palette.ERROR_STYLE)
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(tr("&Lagre"))
        self.save_button.setEnabled(self.stage.count() > 0)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        if stage is not None:
            self.started.set_value(stage.started_on)
            if stage.outcome is not None:
                # An outcome is changed, not taken back (a stage recorded by mistake is
                # removed instead): «not decided yet» would silently keep the old one.
                self.outcome.removeItem(0)
            self.outcome.setCurrentIndex(max(0, self.outcome.findData(stage.outcome)))
            self.ended.set_value(stage.ended_on)
            self.reference.setText(stage.reference or "")
            self.notes.setPlainText(stage.notes or "")
        describe_inputs(self)

    def values(self) -> StageInput:
        outcome = self.outcome.currentData()
        ended = self.ended.checked_value()
        if outcome is not None and ended is None:
            ended = self.workspace.today()  # an outcome given today unless another day is typed
        return StageInput(
            stage=str(self.stage.currentData()),
            started_on=self.started.checked_value(),
            ended_on=ended,
            outcome=outcome,
            reference=self.reference.text(),
            notes=self.notes.toPlainText(),
        )

    def save(self) -> None:
        def record() -> None:
            self.saved = self.workspace.record_escalation(self.case_id, self.values())

        if attempt(record, message=self.message, crashes=self.crashes, parent=self):
            self.accept()
