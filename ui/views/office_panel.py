"""The case's «Videre» tab: how far the case has gone past the local level (the stages with
their dates and outcomes; each is also an event on the timeline), and the group case it
belongs to (the decision's shared facts, the other cases, letters to all of them). Read
when the tab is shown, not for every case opened."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tillitsvalgt.rules.deadlines import format_date
from tillitsvalgt.shapes import CaseGroupRead, CaseRead, EscalationRead
from tillitsvalgt.vocabulary import ESCALATION_OUTCOMES, ESCALATION_STAGES
from tillitsvalgt.workspace import CaseDetail, Workspace
from ui.context_menus import add_context_menu
from ui.errors import CrashReporter, guard
from ui.i18n import tr
from ui.models.list_model import short_date
from ui.prompts import Prompter
from ui.views.case_tables import setup_table


class OfficePanel(QWidget):
    changed = Signal()  # a stage or the group changed: the case (and its timeline) anew
    case_activated = Signal(str)  # another case of the group, to open

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
        self.detail: CaseDetail | None = None
        self.stages: list[EscalationRead] = []
        self.group: CaseGroupRead | None = None
        self.group_members: list[CaseRead] = []
        self._loaded_for: CaseDetail | None = None
        layout = QVBoxLayout(self)

        escalation = QGroupBox(tr("Løftet videre"))
        box = QVBoxLayout(escalation)
        self.stage_table = setup_table(QTableWidget(0, 5), None, "escalationStages")
        self.stage_table.setAccessibleName(tr("Trinn saken er løftet til"))
        self.stage_table.setHorizontalHeaderLabels(
            [tr("Trinn"), tr("Løftet dit"), tr("Utfall"), tr("Utfallet kom"), tr("Referanse")]
        )
        # The stage names and outcomes are short and known: each column as wide as its text,
        # the free-text reference takes what is left.
        self.stage_table.itemSelectionChanged.connect(self._update_buttons)
        self.stage_table.doubleClicked.connect(lambda _: self.edit_stage())
        box.addWidget(self.stage_table, 1)
        self.stage_hint = QLabel()
        self.stage_hint.setWordWrap(True)
        self.stage_hint.setStyleSheet("color: #555555")
        box.addWidget(self.stage_hint)
        row = QHBoxLayout()
        self.add_stage_button = QPushButton(tr("&Løft saken videre …"))
        self.add_stage_button.setObjectName("addStage")
        self.add_stage_button.clicked.connect(self.add_stage)
        self.edit_stage_button = QPushButton(tr("&Utfall / endre …"))
        self.edit_stage_button.setObjectName("editStage")
        self.edit_stage_button.clicked.connect(self.edit_stage)
        self.remove_stage_button = QPushButton(tr("&Fjern trinnet"))
        self.remove_stage_button.setObjectName("removeStage")
        self.remove_stage_button.clicked.connect(self.remove_stage)
        for button in (self.add_stage_button, self.edit_stage_button, self.remove_stage_button):
            row.addWidget(button)
        row.addStretch(1)
        box.addLayout(row)
        layout.addWidget(escalation, 1)

        group = QGroupBox(tr("Gruppesak"))
        box = QVBoxLayout(group)
        self.group_label = QLabel()
        self.group_label.setObjectName("groupFacts")
        self.group_label.setWordWrap(True)
        self.group_label.setTextFormat(Qt.TextFormat.PlainText)
        self.group_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        box.addWidget(self.group_label)
        self.members = QListWidget()
        self.members.setObjectName("groupMembers")
        self.members.setAccessibleName(tr("De andre sakene i gruppesaken"))
        self.members.setToolTip(tr("Dobbeltklikk for å åpne saken"))
        self.members.itemActivated.connect(self._open_member)
        box.addWidget(self.members, 1)
        row = QHBoxLayout()
        self.new_group_button = QPushButton(tr("&Ny gruppesak …"))
        self.new_group_button.setObjectName("newGroup")
        self.new_group_button.clicked.connect(self.new_group)
        self.join_button = QPushButton(tr("&Knytt til gruppesak …"))
        self.join_button.setObjectName("joinGroup")
        self.join_button.clicked.connect(self.join_group)
        self.leave_button = QPushButton(tr("&Ta ut av gruppesaken"))
        self.leave_button.setObjectName("leaveGroup")
        self.leave_button.clicked.connect(self.leave_group)
        self.edit_group_button = QPushButton(tr("&Endre gruppesaken …"))
        self.edit_group_button.setObjectName("editGroup")
        self.edit_group_button.setToolTip(
            tr("Navn, beskrivelse og datoene; nye datoer skrives på alle sakene i gruppen")
        )
        self.edit_group_button.clicked.connect(self.edit_group)
        self.group_letter_button = QPushButton(tr("&Brev til hele gruppen …"))
        self.group_letter_button.setObjectName("groupLetters")
        self.group_letter_button.clicked.connect(self.group_letters)
        for button in (
            self.new_group_button,
            self.join_button,
            self.edit_group_button,
            self.leave_button,
            self.group_letter_button,
        ):
            row.addWidget(button)
        row.addStretch(1)
        box.addLayout(row)
        layout.addWidget(group, 1)
        add_context_menu(
            self.stage_table,
            [self.edit_stage_button, None, self.add_stage_button, None, self.remove_stage_button],
        )
        self._update_buttons()

    # ---------------------------------------------------------------- showing

    def show_detail(self, detail: CaseDetail) -> None:
        self.detail = detail
        if self.isVisible():
            self.load()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.detail is not None and self._loaded_for is not self.detail:
            self.load()

    def load(self) -> None:
        if self.detail is None:
            return
        case = self.detail.case
        with guard(self, tr("Kan ikke vise saken")) as tried:
            self.stages = self.workspace.escalation_stages(case.id)
            if case.group_id is not None:
                self.group, members = self.workspace.group_cases(case.group_id)
                self.group_members = [c for c in members if c.id != case.id]
            else:
                self.group, self.group_members = None, []
        if tried.failed:
            return
        self._loaded_for = self.detail
        self._show_stages()
        self._show_group()
        self._update_buttons()

    def _show_stages(self) -> None:
        self.stage_table.setRowCount(len(self.stages))
        for row, stage in enumerate(self.stages):
            values = [
                tr(ESCALATION_STAGES.get(stage.stage, stage.stage)),
                short_date(stage.started_on),
                tr(ESCALATION_OUTCOMES.get(stage.outcome, stage.outcome))
                if stage.outcome
                else tr("Ikke avgjort"),
                short_date(stage.ended_on) if stage.ended_on else "",
                stage.reference or "",
            ]
            for column, value in enumerate(values):
                self.stage_table.setItem(row, column, QTableWidgetItem(value))
        self.stage_hint.setText(
            tr("Saken er ikke løftet videre fra det lokale nivået.")
            if not self.stages
            else tr("Hvert trinn står også som en hendelse i tidslinjen.")
        )

    def _show_group(self) -> None:
        self.members.clear()
        group = self.group
        self.members.setVisible(group is not None)
        if group is None:
            self.group_label.setText(
                tr(
                    "Saken hører ikke til noen gruppesak. Gjelder arbeidsgiverens beslutning "
                    "flere enheter, samle sakene i én gruppesak."
                )
            )
            return
        lines = [tr("Gruppesak G") + f"{group.id}: {group.name}"]
        lines.append(
            tr("Varslet: ")
            + (format_date(group.notice_on) if group.notice_on else tr("ukjent"))
            + "   "
            + tr("Beslutning: ")
            + (format_date(group.decision_on) if group.decision_on else tr("ukjent"))
        )
        if group.description:
            lines.append(group.description)
        lines.append(
            tr("De andre sakene i gruppen:") if self.group_members else tr("Ingen andre saker.")
        )
        self.group_label.setText("\n".join(lines))
        for member in self.group_members:
            item = QListWidgetItem(f"{member.number}  {member.title}")
            item.setData(Qt.ItemDataRole.UserRole, member.number)
            self.members.addItem(item)

    def _update_buttons(self) -> None:
        live = self.detail is not None and self.detail.case.deleted_at is None
        selected = self.selected_stage() is not None
        self.add_stage_button.setEnabled(live)
        self.edit_stage_button.setEnabled(live and selected)
        self.remove_stage_button.setEnabled(live and selected)
        in_group = self.group is not None
        self.new_group_button.setEnabled(live)
        self.join_button.setEnabled(live and not in_group)
        self.leave_button.setEnabled(live and in_group)
        self.edit_group_button.setEnabled(live and in_group)
        self.group_letter_button.setEnabled(live and in_group)
        # Only the buttons that fit the case's state are shown, so the row fits a narrow
        # window (a new group for a case already in one: Sak → Ny gruppesak …).
        for button, shown in (
            (self.new_group_button, not in_group),
            (self.join_button, not in_group),
            (self.edit_group_button, in_group),
            (self.leave_button, in_group),
            (self.group_letter_button, in_group),
        ):
            button.setVisible(shown)

    def selected_stage(self) -> EscalationRead | None:
        row = self.stage_table.currentRow()
        if not self.stage_table.selectedItems() or not 0 <= row < len(self.stages):
            return None
        return self.stages[row]

    # ---------------------------------------------------------------- escalation

    def add_stage(self) -> None:
        self._stage_dialog(None)

    def edit_stage(self) -> None:
        stage = self.selected_stage()
        if stage is not None:
            self._stage_dialog(stage)

    def _stage_dialog(self, stage: EscalationRead | None) -> None:
        from ui.dialogs.escalation_dialog import EscalationDialog

        if self.detail is None:
            return
        dialog = EscalationDialog(
            self.workspace,
            self.detail.case.id,
            crashes=self.crashes,
            stage=stage,
            recorded=tuple(s.stage for s in self.stages),
            parent=self,
        )
        self.escalation_dialog = dialog  # for tests
        dialog.accepted.connect(self.changed)
        dialog.open()

    def remove_stage(self) -> None:
        stage = self.selected_stage()
        if stage is None or self.detail is None:
            return
        label = tr(ESCALATION_STAGES.get(stage.stage, stage.stage))
        if not self.prompter.confirm(
            self,
            tr("Fjern trinnet"),
            tr("Fjerne trinnet «")
            + label
            + tr("» fra saken? Hendelsen i tidslinjen slettes (den tas vare på i historikken)."),
        ):
            return
        with guard(self, tr("Trinnet er ikke fjernet")) as tried:
            self.workspace.remove_escalation(self.detail.case.id, stage.stage)
        if tried.failed:
            return
        self.changed.emit()

    # ---------------------------------------------------------------- the group

    def new_group(self) -> None:
        from ui.dialogs.group_dialogs import NewGroupDialog

        if self.detail is None:
            return
        dialog = NewGroupDialog(
            self.workspace, crashes=self.crashes, chosen=(self.detail.case.number,), parent=self
        )
        self.group_dialog = dialog  # for tests
        dialog.accepted.connect(self.changed)
        dialog.open()

    def join_group(self) -> None:
        from ui.dialogs.group_dialogs import JoinGroupDialog

        if self.detail is None:
            return
        dialog = JoinGroupDialog(
            self.workspace, self.detail.case.number, crashes=self.crashes, parent=self
        )
        self.join_dialog = dialog  # for tests
        dialog.accepted.connect(self.changed)
        dialog.open()

    def edit_group(self) -> None:
        from ui.dialogs.group_dialogs import EditGroupDialog

        if self.group is None:
            return
        dialog = EditGroupDialog(self.workspace, self.group, crashes=self.crashes, parent=self)
        self.edit_group_dialog = dialog  # for tests
        dialog.accepted.connect(self.changed)
        dialog.open()

    def leave_group(self) -> None:
        if self.detail is None or self.group is None:
            return
        if not self.prompter.confirm(
            self,
            tr("Ta ut av gruppesaken"),
            tr("Ta sak ")
            + self.detail.case.number
            + tr(" ut av gruppesaken «")
            + self.group.name
            + tr("»? Datoene saken fikk fra gruppen, blir stående."),
        ):
            return
        with guard(self, tr("Saken er ikke tatt ut")) as tried:
            self.workspace.leave_group(self.detail.case.id)
        if tried.failed:
            return
        self.changed.emit()

    def group_letters(self) -> None:
        from ui.dialogs.group_dialogs import GroupLetterDialog

        if self.detail is None or self.group is None:
            return
        numbers = sorted(
            [self.detail.case.number, *(m.number for m in self.group_members)],
            key=lambda n: tuple(int(p) for p in n.split("/")),
        )
        dialog = GroupLetterDialog(
            self.workspace,
            self.group,
            numbers,
            prompter=self.prompter,
            crashes=self.crashes,
            parent=self,
        )
        self.group_letter_dialog = dialog  # for tests
        dialog.accepted.connect(lambda: self._letters_made(dialog))
        dialog.open()

    def _letters_made(self, dialog: object) -> None:
        from ui.dialogs.group_dialogs import GroupLetterDialog

        assert isinstance(dialog, GroupLetterDialog)
        text = tr("Brevene er ført i journalen: ") + ", ".join(dialog.made) + "."
        if dialog.folder is not None:
            saved = tr("Word- og PDF-filene") if dialog.pdf else tr("Word-filene")
            text += " " + saved + tr(" er lagret i ") + str(dialog.folder) + "."
        text += " " + tr("Merk hvert brev som sendt når det er sendt.")
        if dialog.warnings:
            text += "\n\n" + tr("Kontroller før du sender:") + "\n"
            text += "\n".join(f"– {w}" for w in dialog.warnings)
        self.prompter.info(self, tr("Brev til hele gruppesaken"), text)
        self.changed.emit()

    def _open_member(self, item: QListWidgetItem) -> None:
        self.case_activated.emit(str(item.data(Qt.ItemDataRole.UserRole)))
