"""Group cases in the window: make a group of chosen cases (one employer decision that
touches several units), put a case into an existing group, and write one letter kind to
every case of a group at once."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tillitsvalgt.errors import UserError
from tillitsvalgt.letters.kinds import DEFAULT_REPLY_DAYS, KINDS
from tillitsvalgt.letters.pdf import pdf_converter
from tillitsvalgt.shapes import CaseGroupCreate, CaseGroupRead
from tillitsvalgt.validation import validate
from tillitsvalgt.vocabulary import LETTER_KINDS
from tillitsvalgt.workspace import CaseQuery, LetterRequest, Workspace
from ui import palette
from ui.accessibility import describe_inputs, name_input
from ui.date_input import DateInput
from ui.errors import CrashReporter, attempt
from ui.i18n import tr
from ui.prompts import Prompter
from ui.widgets import ok_cancel


def _message_label() -> QLabel:
    label = QLabel()
    label.setObjectName("message")
    label.setStyleSheet(palette.ERROR_STYLE)
    label.setWordWrap(True)
    return label


class NewGroupDialog(QDialog):
    """A new group case, with the cases it covers ticked in a searchable list (the open
    case ticked from the start). The cases take the group's dates."""

    def __init__(
        self,
        workspace: Workspace,
        *,
        crashes: CrashReporter,
        chosen: tuple[str, ...] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.crashes = crashes
        self.created: CaseGroupRead | None = None
        self.checked: dict[str, str] = {}  # number → title, kept while the search changes
        self.setWindowTitle(tr("Ny gruppesak"))
        self.setMinimumSize(600, 560)
        intro = QLabel(
            tr(
                "En gruppesak er én beslutning hos arbeidsgiveren som gjelder flere enheter. "
                "Sakene i gruppen får gruppens varseldato og beslutningsdato, og brev kan "
                "skrives til alle sakene samtidig."
            )
        )
        intro.setWordWrap(True)
        self.name = QLineEdit()
        self.name.setObjectName("groupName")
        self.name.setPlaceholderText(tr("f.eks. Nytt kontorkonsept 2027"))
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        self.description.setMaximumHeight(60)
        self.notice_on = DateInput(optional=True, today=workspace.today)
        self.notice_on.setObjectName("groupNotice")
        self.decision_on = DateInput(optional=True, today=workspace.today)
        self.decision_on.setObjectName("groupDecision")
        form = QFormLayout()
        form.addRow(tr("&Navn:"), self.name)
        form.addRow(tr("&Beskrivelse:"), self.description)
        form.addRow(tr("&Varslet:"), self.notice_on)
        form.addRow(tr("Be&slutning:"), self.decision_on)
        self.search = QLineEdit()
        self.search.setObjectName("groupSearch")
        self.search.setPlaceholderText(tr("Søk etter saker å ta med …"))
        self.search.setClearButtonEnabled(True)
        self.cases = QListWidget()
        self.cases.setObjectName("groupCases")
        self.cases.itemChanged.connect(self._ticked)
        self.count = QLabel()
        self.message = _message_label()
        buttons, self.ok_button = ok_cancel(self, tr("&Opprett gruppesaken"))
        buttons.accepted.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(QLabel(tr("Saker i gruppen (kryss av):")))
        layout.addWidget(self.search)
        layout.addWidget(self.cases, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        for number in chosen:
            self.checked[number] = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.fill)
        self.search.textChanged.connect(lambda _: self._timer.start())
        self.fill()
        name_input(self.search, tr("Søk etter saker"))
        name_input(self.cases, tr("Saker i gruppen"), tr("Mellomrom krysser av en sak."))
        describe_inputs(self)

    def fill(self) -> None:
        """The cases the search finds (the first 50), the ticked ones always first."""
        text = self.search.text().strip() or None
        try:
            page = self.workspace.list_cases(
                CaseQuery(text=text, today=self.workspace.today(), limit=50)
            )
        except UserError as exc:
            self.message.setText(exc.message)
            return
        self.cases.blockSignals(True)
        self.cases.clear()
        found = {
            row.number: f"{row.number}  {row.title} – {row.employer_name}" for row in page.rows
        }
        for number, title in self.checked.items():
            if title == "" and number in found:
                self.checked[number] = found[number]
        shown = [(n, t or n) for n, t in self.checked.items()]
        shown += [(n, t) for n, t in found.items() if n not in self.checked]
        for number, title in shown:
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, number)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if number in self.checked else Qt.CheckState.Unchecked
            )
            self.cases.addItem(item)
        self.cases.blockSignals(False)
        self._say_count()

    def _ticked(self, item: QListWidgetItem) -> None:
        number = str(item.data(Qt.ItemDataRole.UserRole))
        if item.checkState() == Qt.CheckState.Checked:
            self.checked[number] = item.text()
        else:
            self.checked.pop(number, None)
        self._say_count()

    def _say_count(self) -> None:
        self.count.setText(tr("Valgt: ") + (", ".join(self.checked) or tr("ingen")))

    def save(self) -> None:
        def create() -> None:
            data = validate(
                CaseGroupCreate,
                {
                    "name": self.name.text().strip(),
                    "description": self.description.toPlainText().strip() or None,
                    "notice_on": self.notice_on.checked_value(),
                    "decision_on": self.decision_on.checked_value(),
                },
            )
            self.created = self.workspace.create_group(data, tuple(self.checked))

        if attempt(create, message=self.message, crashes=self.crashes, parent=self):
            self.accept()


class JoinGroupDialog(QDialog):
    """Put a case into an existing group (it takes the group's dates)."""

    def __init__(
        self,
        workspace: Workspace,
        case_number: str,
        *,
        crashes: CrashReporter,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.case_number = case_number
        self.crashes = crashes
        self.setWindowTitle(tr("Knytt saken til en gruppesak"))
        self.setMinimumWidth(480)
        self.group = QComboBox()
        self.group.setObjectName("joinGroup")
        for row in workspace.groups():
            g = row.group
            self.group.addItem(f"G{g.id}  {g.name} ({row.cases} " + tr("saker") + ")", g.id)
        hint = QLabel(
            tr("Saken får gruppens varseldato og beslutningsdato; endringen står i historikken.")
        )
        hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(tr("&Gruppesak:"), self.group)
        self.message = _message_label()
        if self.group.count() == 0:
            self.message.setText(
                tr("Det finnes ingen gruppesaker ennå. Lag en med «Ny gruppesak …».")
            )
        buttons, self.ok_button = ok_cancel(self, tr("&Knytt til"))
        self.ok_button.setEnabled(self.group.count() > 0)
        buttons.accepted.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        describe_inputs(self)

    def save(self) -> None:
        def join() -> None:
            self.workspace.join_group(self.group.currentData(), (self.case_number,))

        if attempt(join, message=self.message, crashes=self.crashes, parent=self):
            self.accept()


class GroupLetterDialog(QDialog):
    """One letter kind to every case of a group: one letter per case, each with its own
    journal number — all or none."""

    def __init__(
        self,
        workspace: Workspace,
        group: CaseGroupRead,
        case_numbers: list[str],
        *,
        prompter: Prompter,
        crashes: CrashReporter,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.group = group
        self.prompter = prompter
        self.crashes = crashes
        self.made: list[str] = []  # the journal numbers written
        self.warnings: list[str] = []  # what to check in them, letter by letter
        self.folder: Path | None = None
        self.pdf = False  # the letters were also saved as PDF
        self.setWindowTitle(tr("Brev til hele gruppesaken"))
        self.setMinimumWidth(560)
        intro = QLabel(
            tr("Ett brev til hver sak i gruppesaken «")
            + group.name
            + tr("»: ")
            + ", ".join(case_numbers)
            + tr(
                ". Hvert brev får sitt eget journalnummer i sin sak. Kan ett av brevene ikke "
                "lages, lages ingen."
            )
        )
        intro.setWordWrap(True)
        self.kind = QComboBox()
        self.kind.setObjectName("groupLetterKind")
        for code in KINDS:
            self.kind.addItem(tr(LETTER_KINDS.get(code, code)), code)
        self.dated = DateInput(workspace.today(), today=workspace.today)
        self.dated.setObjectName("groupLetterDate")
        self.reply_days = QSpinBox()
        self.reply_days.setRange(1, 90)
        self.reply_days.setValue(DEFAULT_REPLY_DAYS)
        self.reply_days.setSuffix(tr(" dager"))
        self.save_files = QCheckBox(tr("Lagre også brevene som Word-filer i en mappe"))
        self.save_files.setObjectName("groupLetterFiles")
        # As the single letter's «Lagre som PDF»: the same .docx made into a PDF by the
        # office suite on the machine, so it can only be offered where there is one.
        office = pdf_converter()
        self.as_pdf = QCheckBox(tr("… og som PDF-filer"))
        self.as_pdf.setObjectName("groupLetterPdf")
        self.as_pdf.setEnabled(False)
        if office is None:
            self.as_pdf.setToolTip(tr("PDF krever LibreOffice eller Word på maskinen"))
        self.save_files.toggled.connect(
            lambda on: self.as_pdf.setEnabled(on and office is not None)
        )
        form = QFormLayout()
        form.addRow(tr("&Brevtype:"), self.kind)
        form.addRow(tr("&Dato:"), self.dated)
        form.addRow(tr("&Svarfrist:"), self.reply_days)
        form.addRow("", self.save_files)
        form.addRow("", self.as_pdf)
        self.message = _message_label()
        buttons, self.ok_button = ok_cancel(self, tr("&Lag brevene"))
        self.ok_button.setEnabled(bool(case_numbers))
        buttons.accepted.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        describe_inputs(self)

    def save(self) -> None:
        folder = None
        if self.save_files.isChecked():
            folder = self.prompter.choose_folder(self, tr("Mappe for brevene"))
            if folder is None:
                return

        pdf = folder is not None and self.as_pdf.isEnabled() and self.as_pdf.isChecked()

        def write() -> None:
            request = LetterRequest(
                kind=str(self.kind.currentData()),
                dated=self.dated.checked_value() or self.workspace.today(),
                reply_days=self.reply_days.value(),
            )
            made, _written = self.workspace.create_group_letters(
                self.group.id,
                request,
                folder,
                pdf=pdf,
            )
            self.made = [letter.number for letter in made.letters]
            self.warnings = [
                f"{letter.number}: {text}"
                for letter in made.letters
                for text in (
                    *letter.template.warnings,
                    *(c.message for c in letter.checks),
                    *letter.notices,
                )
            ]

        if not attempt(write, message=self.message, crashes=self.crashes, parent=self):
            return
        self.folder = folder
        self.pdf = pdf
        self.accept()


class EditGroupDialog(QDialog):
    """The group's shared facts: its name, description and the decision's dates. A changed
    date is written to every case of the group (each case's history says so); if one case
    cannot take it, nothing is changed."""

    def __init__(
        self,
        workspace: Workspace,
        group: CaseGroupRead,
        *,
        crashes: CrashReporter,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.group = group
        self.crashes = crashes
        self.changed_cases: list[str] = []
        self.setWindowTitle(tr("Endre gruppesaken"))
        self.setMinimumWidth(540)
        self.name = QLineEdit(group.name)
        self.name.setObjectName("groupName")
        self.description = QPlainTextEdit(group.description or "")
        self.description.setTabChangesFocus(True)
        self.description.setMaximumHeight(70)
        self.notice_on = DateInput(group.notice_on, optional=True, today=workspace.today)
        self.notice_on.setObjectName("groupNotice")
        self.decision_on = DateInput(group.decision_on, optional=True, today=workspace.today)
        self.decision_on.setObjectName("groupDecision")
        form = QFormLayout()
        form.addRow(tr("&Navn:"), self.name)
        form.addRow(tr("&Beskrivelse:"), self.description)
        form.addRow(tr("&Varslet:"), self.notice_on)
        form.addRow(tr("Be&slutning:"), self.decision_on)
        hint = QLabel(
            tr(
                "Endrede datoer skrives på alle sakene i gruppen, og det står i historikken til "
                "hver sak. Kan én sak ikke ta datoen, endres ingenting."
            )
        )
        hint.setWordWrap(True)
        self.message = _message_label()
        buttons, self.ok_button = ok_cancel(self, tr("&Lagre"))
        buttons.accepted.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        describe_inputs(self)

    def changes(self) -> dict[str, object]:
        g = self.group
        now: dict[str, object] = {
            "name": self.name.text().strip(),
            "description": self.description.toPlainText().strip() or None,
            "notice_on": self.notice_on.checked_value(),
            "decision_on": self.decision_on.checked_value(),
        }
        before = {
            "name": g.name,
            "description": g.description,
            "notice_on": g.notice_on,
            "decision_on": g.decision_on,
        }
        return {k: v for k, v in now.items() if v != before[k]}

    def save(self) -> None:
        def update() -> None:
            changes = self.changes()
            if changes:
                _, self.changed_cases = self.workspace.update_group(
                    self.group.id, version=self.group.version, **changes
                )

        if attempt(update, message=self.message, crashes=self.crashes, parent=self):
            self.accept()
