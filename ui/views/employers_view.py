"""The employer register (virksomhetsregister): search as you type, the employers in a
table, «Ny virksomhet…», «Endre…» and «Slett», and below them the selected employer's
cases; activating a case (double-click or Enter) emits ``case_activated`` with its id.

Everything goes through the workspace; a refusal (an employer with cases cannot be
deleted) is shown as the service words it."""

from __future__ import annotations

import itertools
import re

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tillitsvalgt.errors import UserError
from tillitsvalgt.shapes import CaseQuery, EmployerRead
from tillitsvalgt.vocabulary import SECTORS
from tillitsvalgt.workspace import Workspace
from ui.context_menus import add_context_menu
from ui.dialogs.employer_dialog import EmployerDialog
from ui.errors import CrashReporter, attempt
from ui.i18n import QT_TR_NOOP, count, tr
from ui.models.employer_table import (
    AGREEMENT,
    CASE_TITLE,
    EMPLOYEES,
    NAME,
    ORGNR,
    SECTOR,
    EmployerCaseTableModel,
    EmployerTableModel,
)
from ui.prompts import Prompter
from ui.views.case_tables import setup_table

SEARCH_DELAY_MS = 150
CASES_SHOWN = 200  # an employer's cases shown at once (the case list pages through more)
_DIGITS_AND_SPACES = re.compile(r"[\d\s.]+")


def _plain(text: str) -> str:
    """Text for a label with a mnemonic: a literal «&» is written «&&»."""
    return text.replace("&", "&&")


def _table(name: str) -> QTableView:
    table = setup_table(QTableView(), None, name, wrap=False, fit_columns=False, tab_moves_on=True)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    return table


class EmployersView(QWidget):
    case_activated = Signal(int)  # a case id, when one of the employer's cases is opened
    employers_changed = Signal()  # after a create, edit or delete (case lists show names)

    def __init__(
        self,
        workspace: Workspace,
        *,
        prompter: Prompter,
        crashes: CrashReporter,
        parent: QWidget | None = None,
        load: bool = True,
    ) -> None:
        """``load=False``: fetch nothing until ``reload`` (the main window loads the
        register when its tab is first shown, not at start-up)."""
        super().__init__(parent)
        self.workspace = workspace
        self.prompter = prompter
        self.crashes = crashes
        self.dialog: EmployerDialog | None = None  # the open dialog, for tests
        self.setObjectName("employersView")

        self.search = QLineEdit()
        self.search.setObjectName("employerSearch")
        self.search.setPlaceholderText(tr("Navn eller organisasjonsnummer …"))
        self.search.setClearButtonEnabled(True)
        self.search.setToolTip(tr("Viser bare virksomhetene som passer, mens du skriver"))
        search_label = QLabel(tr("S&øk:"))
        search_label.setBuddy(self.search)
        search_row = QHBoxLayout()
        search_row.addWidget(search_label)
        search_row.addWidget(self.search, 1)

        self.model = EmployerTableModel(self)
        self.table = _table("employerTable")
        self.table.setAccessibleName(tr("Virksomheter"))
        self.table.setModel(self.model)
        metrics = self.table.fontMetrics()
        self.table.setColumnWidth(NAME, 260)  # «DEMO · » and a long name
        self.table.setColumnWidth(ORGNR, metrics.horizontalAdvance("000 000 000") + 20)
        # The longest sector whole («Kommune og fylkeskommune»), not «Kommune og…».
        sectors = (tr(text) for text in SECTORS.values())
        self.table.setColumnWidth(SECTOR, max(map(metrics.horizontalAdvance, sectors)) + 20)
        # The agreement's name tells apart e.g. Spekter's A2 from LO Stat's: room for it.
        self.table.setColumnWidth(AGREEMENT, 270)
        self.table.setColumnWidth(EMPLOYEES, metrics.horizontalAdvance("Ansatte") + 28)
        self.table.setToolTip(tr("Dobbeltklikk eller trykk Enter for å endre virksomheten"))

        self.new_button = QPushButton(tr("&Ny virksomhet…"))
        self.new_button.setObjectName("newEmployer")
        self.new_button.setToolTip(tr("Registrer en ny virksomhet"))
        self.edit_button = QPushButton(tr("&Endre…"))
        self.edit_button.setObjectName("editEmployer")
        self.edit_button.setToolTip(tr("Endre den valgte virksomheten (Enter)"))
        self.delete_button = QPushButton(tr("S&lett"))
        self.delete_button.setObjectName("deleteEmployer")
        self.delete_button.setToolTip(
            tr("Slett den valgte virksomheten (Delete). Virksomheter med saker kan ikke slettes.")
        )
        self.count = QLabel()
        self.count.setObjectName("employerCount")
        buttons = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.count)

        self.delete_action = QAction(tr("Slett virksomheten"), self.table)
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(self.delete_employer)
        self.table.addAction(self.delete_action)

        self.cases_label = QLabel()
        self.cases_label.setObjectName("casesLabel")
        self.case_model = EmployerCaseTableModel(self)
        self.cases = _table("employerCases")
        self.cases.setAccessibleName(tr("Sakene til virksomheten"))
        self.cases.setModel(self.case_model)
        self.cases.setColumnWidth(CASE_TITLE, 300)
        self.cases.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.cases.setToolTip(tr("Dobbeltklikk eller trykk Enter for å åpne saken"))
        self.cases_label.setBuddy(self.cases)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(search_row)
        top_layout.addWidget(self.table, 1)
        top_layout.addLayout(buttons)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.cases_label)
        bottom_layout.addWidget(self.cases, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("employerSplitter")
        self.splitter.addWidget(top)
        self.splitter.addWidget(bottom)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)

        order: list[QWidget] = [
            self.search,
            self.table,
            self.new_button,
            self.edit_button,
            self.delete_button,
            self.cases,
        ]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.search.returnPressed.connect(self.reload)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.activated.connect(lambda _index: self.edit_employer())
        self.cases.activated.connect(self._case_activated)
        self.new_button.clicked.connect(self.new_employer)
        self.edit_button.clicked.connect(self.edit_employer)
        self.delete_button.clicked.connect(self.delete_employer)
        add_context_menu(
            self.table, [self.edit_button, None, self.new_button, None, self.delete_button]
        )
        self.open_case_action = QAction(tr("Å&pne saken"), self)
        self.open_case_action.triggered.connect(
            lambda: self._case_activated(self.cases.currentIndex())
        )
        add_context_menu(self.cases, [self.open_case_action])
        if load:
            self.reload()

    # ---------------------------------------------------------------- the list

    def search_text(self) -> str | None:
        """The search as the service wants it: an org.nr typed with spaces («952 601») is
        stored without them."""
        text = self.search.text().strip()
        if _DIGITS_AND_SPACES.fullmatch(text):
            text = re.sub(r"[\s.]", "", text)
        return text or None

    def reload(self, select_id: int | None = None) -> None:
        """Fetch the employers matching the search; keep (or move to) a selection."""
        self._search_timer.stop()
        keep = select_id
        if keep is None and (current := self.selected_employer()) is not None:
            keep = current.id
        done = attempt(
            lambda: self.workspace.find_employers(self.search_text()),
            prompter=self.prompter,
            title=tr("Kan ikke vise virksomhetene"),
            crashes=self.crashes,
            parent=self,
        )
        if done is None:
            return
        employers = done.value
        self.model.set_employers(employers)
        shown = len(employers)
        if shown == 0:
            self.count.setText(tr("Ingen virksomheter"))
        elif shown == 1:
            self.count.setText(tr("1 virksomhet"))
        else:
            self.count.setText(
                count(shown, QT_TR_NOOP("%n virksomhet"), QT_TR_NOOP("%n virksomheter"))
            )
        if keep is None or not self.select_employer(keep):
            self._show_cases(None)

    def selected_employer(self) -> EmployerRead | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.employer_at(rows[0].row()) if rows else None

    def select_employer(self, employer_id: int) -> bool:
        """Select the employer if it is in the list (as the search filters it)."""
        row = self.model.row_of(employer_id)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, NAME))
        self._show_cases(self.model.employer_at(row))  # even when it was already selected
        return True

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_cases(self.selected_employer())

    def _show_cases(self, employer: EmployerRead | None) -> None:
        self.edit_button.setEnabled(employer is not None)
        self.delete_button.setEnabled(employer is not None)
        self.delete_action.setEnabled(employer is not None)
        if employer is None:
            self.case_model.set_rows([])
            self.cases_label.setText(tr("&Saker: velg en virksomhet for å se sakene."))
            return
        try:
            page = self.workspace.list_cases(
                CaseQuery(employer_id=employer.id, today=self.workspace.today(), limit=CASES_SHOWN)
            )
        except UserError as exc:
            self.case_model.set_rows([])
            self.cases_label.setText(tr("&Saker: kan ikke vises. ") + _plain(exc.message))
            return
        except Exception as exc:
            self.crashes.report(exc, self)
            return
        self.case_model.set_rows(page.rows)
        if page.total == 0:
            heading = tr("&Saker for «{name}»: ingen.")
        elif page.total > len(page.rows):
            heading = tr("&Saker for «{name}»: de {shown} nyeste av {total}.")
        else:
            heading = tr("&Saker for «{name}» ({total}):")
        self.cases_label.setText(
            heading.format(name=_plain(employer.name), shown=len(page.rows), total=page.total)
        )

    def _case_activated(self, index: QModelIndex) -> None:
        row = self.case_model.row_at(index.row())
        if row is not None:
            self.case_activated.emit(row.id)

    # ---------------------------------------------------------------- actions

    def new_employer(self) -> None:
        self._open_dialog(None)

    def edit_employer(self) -> None:
        current = self.selected_employer()
        if current is None:
            return
        try:
            fresh = self.workspace.get_employer(current.id)  # the version saved now
        except UserError as exc:
            self.prompter.error(self, tr("Kan ikke åpne virksomheten"), exc.message)
            self.reload()
            return
        except Exception as exc:
            self.crashes.report(exc, self)
            return
        self._open_dialog(fresh)

    def _open_dialog(self, employer: EmployerRead | None) -> None:
        dialog = EmployerDialog(
            self.workspace,
            prompter=self.prompter,
            crashes=self.crashes,
            employer=employer,
            parent=self,
        )
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._saved(dialog))
        dialog.open()

    def _saved(self, dialog: EmployerDialog) -> None:
        if dialog.saved is None:
            return
        saved = dialog.saved
        self.reload(select_id=saved.id)
        if self.model.row_of(saved.id) is None:  # hidden by the search: show it anyway
            self.search.blockSignals(True)
            self.search.clear()
            self.search.blockSignals(False)
            self.reload(select_id=saved.id)
        self.employers_changed.emit()

    def delete_employer(self) -> None:
        current = self.selected_employer()
        if current is None:
            return
        if not self.prompter.confirm(
            self,
            tr("Slette virksomheten?"),
            tr("Vil du slette «{name}» fra virksomhetsregisteret?").format(name=current.name),
        ):
            return
        if not attempt(
            lambda: self.workspace.delete_employer(current.id),
            prompter=self.prompter,
            title=tr("Virksomheten ble ikke slettet"),
            crashes=self.crashes,
            parent=self,
        ):
            return
        self.table.clearSelection()
        self.reload()
        self.employers_changed.emit()
