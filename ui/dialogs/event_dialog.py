"""Add or change one event on the timeline: kind, date, who took part, notes, and — where
it matters — whether the protocol is signed by both, which letter, and its reply date."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from tillitsvalgt.shapes import EventCreate, EventRead, EventUpdate
from tillitsvalgt.validation import validate
from tillitsvalgt.vocabulary import EVENT_KINDS, LETTER_KINDS
from tillitsvalgt.workspace import Workspace
from ui import palette
from ui.accessibility import describe_inputs
from ui.date_input import DateInput
from ui.errors import CrashReporter, attempt
from ui.i18n import tr, translated
from ui.prompts import Prompter
from ui.widgets import tri_combo, tri_value


class EventDialog(QDialog):
    def __init__(
        self,
        workspace: Workspace,
        case_id: int,
        *,
        prompter: Prompter,
        crashes: CrashReporter,
        event: EventRead | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.case_id = case_id
        self.prompter = prompter
        self.crashes = crashes
        self.editing = event
        self.saved: EventRead | None = None
        self.setWindowTitle(tr("Endre hendelse") if event else tr("Ny hendelse"))
        self.setMinimumWidth(520)
        form = QFormLayout()
        self.kind = QComboBox()
        self.kind.setObjectName("eventKind")
        for code, label in translated(EVENT_KINDS).items():
            self.kind.addItem(label, code)
        today = workspace.today()
        self.on = DateInput(today, today=workspace.today)
        self.on.setObjectName("eventDate")
        self.participants = QPlainTextEdit()
        self.participants.setTabChangesFocus(True)
        self.participants.setMaximumHeight(70)
        self.participants.setPlaceholderText(
            tr("f.eks. HR-direktør, hovedtillitsvalgt, verneombud")
        )
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.signed = tri_combo()
        self.signed.setToolTip(tr("Er protokollen eller referatet signert av begge parter?"))
        self.letter = QComboBox()
        self.letter.addItem(tr("(ikke oppgitt)"), None)
        for code, label in translated(LETTER_KINDS).items():
            self.letter.addItem(label, code)
        self.reply_by = DateInput(optional=True, today=workspace.today)
        self.reply_by.setObjectName("replyBy")
        form.addRow(tr("&Hendelse:"), self.kind)
        form.addRow(tr("&Dato:"), self.on)
        form.addRow(tr("De&ltakere:"), self.participants)
        form.addRow(tr("&Notat:"), self.notes)
        self.signed_row = QLabel(tr("Signert av &begge:"))
        self.signed_row.setBuddy(self.signed)
        form.addRow(self.signed_row, self.signed)
        self.letter_row = QLabel(tr("&Brevtype:"))
        self.letter_row.setBuddy(self.letter)
        form.addRow(self.letter_row, self.letter)
        self.reply_row = QLabel(tr("&Svarfrist:"))
        self.reply_row.setBuddy(self.reply_by)
        form.addRow(self.reply_row, self.reply_by)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setStyleSheet(palette.ERROR_STYLE)
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(tr("&Lagre"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        if event is not None:
            self.kind.setCurrentIndex(max(0, self.kind.findData(event.kind)))
            self.on.set_value(event.occurred_on)
            self.participants.setPlainText(event.participants or "")
            self.notes.setPlainText(event.notes or "")
            if event.signed_by_both is not None:
                self.signed.setCurrentIndex(self.signed.findData(event.signed_by_both))
            self.letter.setCurrentIndex(max(0, self.letter.findData(event.letter_kind)))
            self.reply_by.set_value(event.reply_by)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        describe_inputs(self)

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        protocol = kind == "protocol"
        letter = kind in ("letter_sent", "letter_received")
        shown: list[tuple[QWidget, bool]] = [
            (self.signed_row, protocol),
            (self.signed, protocol),
            (self.letter_row, letter),
            (self.letter, letter),
            (self.reply_row, letter),
            (self.reply_by, letter),
        ]
        for widget, visible in shown:
            widget.setVisible(visible)

    def values(self) -> dict[str, object]:
        kind = self.kind.currentData()
        letter = kind in ("letter_sent", "letter_received")
        return {
            "kind": kind,
            "occurred_on": self.on.checked_value(),
            "participants": self.participants.toPlainText() or None,
            "notes": self.notes.toPlainText() or None,
            "signed_by_both": tri_value(self.signed) if kind == "protocol" else None,
            "letter_kind": self.letter.currentData() if letter else None,
            "reply_by": self.reply_by.checked_value() if letter else None,
        }

    def save(self) -> None:
        # The dialog stays open with everything typed; the message says what to fix.
        done = attempt(self._store, message=self.message, crashes=self.crashes, parent=self)
        if done is None:
            return
        self.saved = done.value
        self.accept()

    def _store(self) -> EventRead:
        if self.editing is None:
            return self.workspace.add_event(self.case_id, validate(EventCreate, self.values()))
        update = validate(EventUpdate, {**self.values(), "version": self.editing.version})
        return self.workspace.update_event(self.editing.id, update)
