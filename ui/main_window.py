"""The main window: the case list (search as you type, filters for type, status and timing)
beside the case view; menus and a toolbar with shortcuts; the window's size, splitter,
column widths and last filter are remembered."""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QItemSelection, QObject, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QSplitter,
    QStyle,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from tillitsvalgt.errors import UserError
from tillitsvalgt.onboarding import needs_welcome
from tillitsvalgt.services.cases import COUNT_CAP, CaseQuery
from tillitsvalgt.shapes import CaseRead
from tillitsvalgt.vocabulary import CASE_STATUSES, CASE_TYPES_SHORT, TIMINGS_SHORT
from tillitsvalgt.workspace import CaseDetail, Workspace
from ui.accessibility import describe_inputs, name_input
from ui.autosave import AutosaveStore
from ui.column_fit import ColumnFit
from ui.context_menus import add_context_menu
from ui.dialogs.case_dialogs import CloseCaseDialog, NewCaseDialog
from ui.dialogs.welcome_dialog import WelcomeDialog
from ui.errors import CrashReporter
from ui.first_steps import FirstSteps
from ui.i18n import QT_TR_NOOP, tr
from ui.i18n import count as plural
from ui.long_work import LongWork
from ui.models.case_table import (
    DEFAULT_ORDER,
    DEFAULT_WIDTHS,
    SORT_KEYS,
    UPDATED,
    CaseTableModel,
)
from ui.models.case_table import NUMBER as NUMBER_COLUMN
from ui.models.case_table import TITLE as TITLE_COLUMN
from ui.models.case_table import TYPE as TYPE_COLUMN
from ui.prompts import Prompter
from ui.restore_edits import watch_letter
from ui.views.case_view import CaseView
from ui.views.deadlines_view import DeadlinesView, overdue_notice
from ui.views.employers_view import EmployersView
from ui.workers import Background

if TYPE_CHECKING:  # import and export are loaded when first used, not at start
    from tillitsvalgt.services.transfer import ImportReport
    from ui.dialogs.settings_dialog import SettingsDialog

SEARCH_DELAY_MS = 150


class _LazyEmployerCombo(QComboBox):
    """The employer filter: its list is read when first opened, not at start-up (a union
    office's register can hold thousands)."""

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.workspace = workspace
        self.addItem(tr("Alle virksomheter"), None)
        self._filled = False

    def fill(self) -> None:
        if self._filled:
            return
        self._filled = True
        self.blockSignals(True)
        for employer in self.workspace.find_employers():
            self.addItem(employer.name, employer.id)
        self.blockSignals(False)

    def showPopup(self) -> None:
        self.fill()
        super().showPopup()


class MainWindow(FirstSteps, QMainWindow):
    def __init__(
        self,
        workspace: Workspace,
        *,
        prompter: Prompter,
        crashes: CrashReporter,
        settings: QSettings,
        background: Background | None = None,
    ) -> None:
        super().__init__()
        self.workspace = workspace
        self.prompter = prompter
        self.crashes = crashes
        self.settings = settings
        self.background = background or Background(self)
        self.detail: CaseDetail | None = None
        # Unsaved edits are kept here between keystroke and save (ui/autosave.py).
        self.autosave = AutosaveStore.for_data_dir(workspace.data_dir)
        self.setWindowTitle("Tillitsvalgt")
        self.setMinimumSize(900, 560)

        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(tr("Søk i saker (tittel, beskrivelse, virksomhet) …"))
        self.search.setClearButtonEnabled(True)
        self.type_filter = self._combo("typeFilter", tr("Alle typer"), CASE_TYPES_SHORT)
        self.status_filter = self._combo("statusFilter", tr("Alle statuser"), CASE_STATUSES)
        self.timing_filter = self._combo("timingFilter", tr("Alle tidspunkter"), TIMINGS_SHORT)
        self.bin_toggle = QCheckBox(tr("&Papirkurv"))
        self.bin_toggle.setObjectName("recycleBin")
        self.bin_toggle.setToolTip(tr("Vis slettede saker, som kan gjenopprettes"))
        filters = QHBoxLayout()
        for widget in (self.type_filter, self.status_filter, self.timing_filter):
            filters.addWidget(widget)
        filters.addWidget(self.bin_toggle)
        self.saved_filters = QComboBox()
        self.saved_filters.setObjectName("savedFilters")
        self.saved_filters.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.saved_filters.setMinimumContentsLength(12)
        self.saved_filters.setToolTip(tr("Lagrede filtre: søk og valg du bruker ofte"))
        self.save_filter_button = QToolButton()
        self.save_filter_button.setText(tr("Lagre filter …"))
        self.save_filter_button.setToolTip(tr("Lagre søket og valgene som et filter med navn"))
        self.employer_filter = _LazyEmployerCombo(self.workspace)
        self.employer_filter.setObjectName("employerFilter")
        self.employer_filter.setToolTip(tr("Bare sakene til én virksomhet"))
        self.year_filter = QComboBox()
        self.year_filter.setObjectName("yearFilter")
        self.year_filter.setToolTip(tr("Bare saker fra ett år (saksnummerets år)"))
        self.year_filter.addItem(tr("Alle år"), None)
        for year in range(workspace.today().year + 1, 2014, -1):
            self.year_filter.addItem(str(year), year)
        saved_row = QHBoxLayout()
        saved_row.addWidget(self.employer_filter, 2)
        saved_row.addWidget(self.year_filter)
        saved_row.addWidget(QLabel(tr("Filtre:")))
        saved_row.addWidget(self.saved_filters, 2)
        saved_row.addWidget(self.save_filter_button)
        # Narrow screens: the filters may shrink (their lists still show whole names).
        for combo in (self.type_filter, self.status_filter, self.timing_filter):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(7)
        self.employer_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.employer_filter.setMinimumContentsLength(8)
        self.saved_filters.setMinimumContentsLength(8)

        self.model = CaseTableModel(self.workspace.list_cases, cap=COUNT_CAP)
        self.table = QTableView()
        self.table.setObjectName("caseTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Newest change first, and the header says so; the database sorts (SORT_KEYS).
        self.table.horizontalHeader().setSortIndicator(UPDATED, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionsMovable(True)  # the order is remembered
        self.table.horizontalHeader().setHighlightSections(False)
        # No sideways scrolling: narrowed to the width there is, the title keeps the most.
        self.column_fit = ColumnFit(
            self.table, {NUMBER_COLUMN: 60, TITLE_COLUMN: 90, TYPE_COLUMN: 32}
        )
        self.count = QLabel()
        self.count.setObjectName("count")

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addLayout(filters)
        left_layout.addLayout(saved_row)
        left_layout.addWidget(self.table, 1)
        self._make_start_guide(left_layout)
        left_layout.addWidget(self.count)

        self.case_view = CaseView(workspace, prompter=prompter, crashes=crashes)
        self.case_view.letter_requested.connect(self.new_letter)
        self.case_view.changed.connect(self._case_saved)
        self.case_view.dirty_changed.connect(self._dirty_changed)
        self.case_view.refreshed.connect(self._verdict_refreshed)
        self.case_view.case_activated.connect(self.show_case)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.case_view)
        self.splitter.setStretchFactor(1, 1)
        self.employers_view = EmployersView(
            workspace, prompter=prompter, crashes=crashes, load=False
        )
        self.employers_view.case_activated.connect(self.show_case)
        self.employers_view.employers_changed.connect(self._employers_changed)
        self.sections = QTabWidget()
        self.sections.setObjectName("sections")
        self.sections.setDocumentMode(True)
        self.sections.addTab(self.splitter, tr("Saker"))
        self.sections.addTab(self.employers_view, tr("Virksomheter"))
        self.deadlines_view = DeadlinesView(
            workspace, prompter=prompter, crashes=crashes, load=False
        )
        self.deadlines_view.case_activated.connect(self.show_case)
        self.deadlines_view.deadlines_changed.connect(self._deadlines_changed)
        self.deadlines_view.current_case = lambda: (
            self.detail.case.number if self.detail is not None else None
        )
        self.sections.addTab(self.deadlines_view, tr("Frister"))
        self.sections.currentChanged.connect(self._section_changed)
        self.setCentralWidget(self.sections)
        self.statusBar().showMessage(tr("Database: ") + workspace.location)

        self._make_actions()
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        # A search shows its page first and counts on the next turn of the event loop (a
        # common word's exact count costs as much as its page); a newer search restarts
        # the timer, so an older count is never made.
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(0)
        self._count_timer.timeout.connect(self._count_later)
        for combo in (
            self.type_filter,
            self.status_filter,
            self.timing_filter,
            self.employer_filter,
            self.year_filter,
        ):
            combo.currentIndexChanged.connect(self.apply_filters)
        self.bin_toggle.toggled.connect(self.apply_filters)
        self.save_filter_button.clicked.connect(self.save_filter)
        self.saved_filters.activated.connect(self._use_saved_filter)
        self._load_saved_filters()
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self._restore()
        self._name_for_screen_readers()
        # From the search box, ↓ or Enter goes straight to the list (not 9 Tabs through the
        # filters), on the first row found.
        self.search.installEventFilter(self)
        self.search.returnPressed.connect(self._to_list)
        add_context_menu(
            self.table,
            [
                self.letter_action,
                None,
                self.close_action,
                self.reopen_action,
                self.duplicate_action,
                None,
                self.delete_action,
                self.restore_action,
                None,
                self.new_case_action,
            ],
        )
        self.apply_filters()

    def _to_list(self) -> None:
        if self._search_timer.isActive():  # the last keystroke's search first
            self._search_timer.stop()
            self.apply_filters()
        if self.model.rowCount() == 0:
            return
        self.table.setFocus()
        if not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
        ):
            self._to_list()
            return True
        return super().eventFilter(watched, event)

    def _name_for_screen_readers(self) -> None:
        """The list's inputs have no label beside them: they are named here (a filter by
        what it filters, not by its current choice), the rest by ``describe_inputs``."""
        name_input(self.search, tr("Søk i sakene"), self.search.placeholderText())
        name_input(self.type_filter, tr("Filter: sakstype"))
        name_input(self.status_filter, tr("Filter: status"))
        name_input(self.timing_filter, tr("Filter: tidspunkt for drøfting"))
        name_input(self.employer_filter, tr("Filter: virksomhet"))
        name_input(self.year_filter, tr("Filter: år"))
        name_input(self.saved_filters, tr("Lagrede filtre"))
        name_input(self.table, tr("Saker"), tr("Piltastene velger en sak; overskriftene sorterer."))
        describe_inputs(self)

    # ---------------------------------------------------------------- building

    def _combo(self, name: str, everything: str, choices: dict[str, str]) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.addItem(everything, None)
        for code, label in choices.items():
            combo.addItem(tr(label), code)
        return combo

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        tip: str | None = None,
        *,
        enabled: bool = True,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)
        action.setEnabled(enabled)
        action.triggered.connect(lambda _=False: slot())
        return action

    def _make_actions(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu(tr("&Fil"))
        case_menu = menu.addMenu(tr("&Sak"))
        toolbar = self.addToolBar(tr("Verktøy"))
        toolbar.setObjectName("toolbar")

        self.new_case_action = self._action(
            tr("&Ny sak …"),
            self.new_case,
            QKeySequence.StandardKey.New,
            tr("Opprett en ny sak (Ctrl+N)"),
        )
        self.save_action = self._action(
            tr("&Lagre"),
            self.save_case,
            QKeySequence.StandardKey.Save,
            tr("Lagre endringene i saken (Ctrl+S)"),
            enabled=False,
        )
        self.find_action = self._action(
            tr("&Søk"),
            self._focus_search,
            QKeySequence.StandardKey.Find,
            tr("Gå til søkefeltet (Ctrl+F)"),
        )
        self.letter_action = self._action(
            tr("Nytt &brev …"),
            lambda: self.new_letter(None),
            "Ctrl+L",
            tr("Skriv et brev i saken (Ctrl+L)"),
            enabled=False,
        )
        self.close_action = self._action(
            tr("&Avslutt saken …"),
            self.close_case,
            None,
            tr("Avslutt saken med et utfall"),
            enabled=False,
        )
        self.reopen_action = self._action(tr("&Gjenåpne saken"), self.reopen_case, enabled=False)
        self.duplicate_action = self._action(
            tr("&Dupliser saken"),
            self.duplicate_case,
            None,
            tr("En ny sak med samme virksomhet, type og beskrivelse"),
            enabled=False,
        )
        self.delete_action = self._action(
            tr("Flytt til &papirkurven"),
            self.delete_case,
            None,
            tr("Saken kan gjenopprettes fra papirkurven"),
            enabled=False,
        )
        self.restore_action = self._action(
            tr("&Gjenopprett fra papirkurven"), self.restore_case, enabled=False
        )
        self.refresh_action = self._action(
            tr("&Oppdater"), self.refresh_everything, QKeySequence.StandardKey.Refresh
        )
        quit_action = self._action(tr("&Avslutt"), self.close, QKeySequence.StandardKey.Quit)
        self.cases_section_action = self._action(
            tr("&Saker"), lambda: self.sections.setCurrentIndex(0), "Ctrl+1"
        )
        self.employers_section_action = self._action(
            tr("&Virksomheter"), lambda: self.sections.setCurrentIndex(1), "Ctrl+2"
        )
        self.deadlines_section_action = self._action(
            tr("&Frister"), lambda: self.sections.setCurrentIndex(2), "Ctrl+3"
        )
        view_menu = menu.addMenu(tr("&Vis"))
        view_menu.addAction(self.cases_section_action)
        view_menu.addAction(self.employers_section_action)
        view_menu.addAction(self.deadlines_section_action)
        self._add_list_action(view_menu)

        self.import_action = self._action(
            tr("&Importer saker …"),
            self.import_cases,
            "Ctrl+I",
            tr("Importer saker fra en fil (fra en annen tillitsvalgt eller et tidligere uttrekk)"),
        )
        self.export_action = self._action(
            tr("&Eksporter saker …"),
            self.export_cases,
            "Ctrl+E",
            tr("Skriv alle saker til en fil for forbundskontoret"),
        )
        self.export_list_action = self._action(
            tr("Eksporter &listen til regneark …"),
            self.export_case_list,
            None,
            tr("Sakslisten med filtrene du har valgt, alle sider, som .xlsx eller .csv"),
        )
        self.backup_action = self._action(
            tr("Ta &sikkerhetskopi nå"),
            self.backup_now,
            None,
            tr("Kopier databasen til sikkerhetskopimappen"),
        )
        self.restore_backup_action = self._action(
            tr("&Gjenopprett fra sikkerhetskopi …"),
            self.open_restore,
            None,
            tr("Gå tilbake til databasen slik den var da en sikkerhetskopi ble tatt"),
        )
        self.settings_action = self._action(
            tr("&Innstillinger …"),
            self.open_settings,
            QKeySequence.StandardKey.Preferences,
            tr("Profil, database og brev"),
        )
        file_menu.addAction(self.settings_action)
        file_menu.addSeparator()
        self.report_action = self._action(
            tr("&Rapport til landsmøtet …"),
            self.open_report,
            "Ctrl+R",
            tr("Statistikken over sakene i en periode, som Word og regneark"),
        )
        file_menu.addAction(self.report_action)
        file_menu.addSeparator()
        file_menu.addAction(self.import_action)
        file_menu.addAction(self.export_action)
        file_menu.addAction(self.export_list_action)
        file_menu.addAction(self.backup_action)
        file_menu.addAction(self.restore_backup_action)
        self._add_office_actions(file_menu, case_menu)
        self._add_demo_action(file_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.refresh_action)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        for action in (
            self.new_case_action,
            self.save_action,
            self.find_action,
            self.letter_action,
        ):
            case_menu.addAction(action)
        case_menu.addSeparator()
        for action in (
            self.close_action,
            self.reopen_action,
            self.duplicate_action,
            self.delete_action,
            self.restore_action,
        ):
            case_menu.addAction(action)
        # The style's own icons: drawn for the screen's scale, so sharp on high-DPI screens.
        icons = {
            self.new_case_action: QStyle.StandardPixmap.SP_FileIcon,
            self.save_action: QStyle.StandardPixmap.SP_DialogSaveButton,
            self.find_action: QStyle.StandardPixmap.SP_FileDialogContentsView,
            self.letter_action: QStyle.StandardPixmap.SP_FileDialogDetailedView,
            self.refresh_action: QStyle.StandardPixmap.SP_BrowserReload,
            self.import_action: QStyle.StandardPixmap.SP_ArrowDown,
            self.export_action: QStyle.StandardPixmap.SP_ArrowUp,
        }
        for action, pixmap in icons.items():
            action.setIcon(self.style().standardIcon(pixmap))
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (
            self.new_case_action,
            self.save_action,
            self.find_action,
            self.letter_action,
            self.refresh_action,
        ):
            toolbar.addAction(action)
        help_menu = menu.addMenu(tr("&Hjelp"))
        self.guide_action = self._action(
            tr("&Brukerveiledning"),
            self.open_guide,
            QKeySequence.StandardKey.HelpContents,
            tr("Slik bruker du Tillitsvalgt, med bilder (F1)"),
        )
        help_menu.addAction(self.guide_action)
        self.about_action = self._action(tr("&Om Tillitsvalgt"), self.open_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        help_menu.addAction(self.about_action)

    def _add_office_actions(self, file_menu: QMenu, case_menu: QMenu) -> None:
        """The union office's pack (Fil), printing the case and a new group case (Sak)."""
        from ui import office_actions

        self.pack_action = self._action(
            tr("Ta i bruk &pakke fra forbundskontoret …"),
            lambda: office_actions.import_pack(
                self, self.workspace, self.prompter, self.crashes, self.refresh_everything
            ),
            None,
            tr("Lovkatalog, brevmaler og forbundets navn fra forbundskontoret, i én fil"),
        )
        file_menu.addAction(self.pack_action)
        self.print_action = self._action(
            tr("Skriv &ut saksoversikten …"),
            lambda: office_actions.print_case(self, self.workspace, self.prompter, self.detail),
            QKeySequence.StandardKey.Print,
            tr("Saken med vurdering, tidslinje, frister og dokumenter på papir (Ctrl+P)"),
            enabled=False,
        )
        self.new_group_action = self._action(
            tr("Ny &gruppesak …"),
            self.case_view.office.new_group,
            None,
            tr("Samle sakene en beslutning hos arbeidsgiveren gjelder, i én gruppesak"),
            enabled=False,
        )
        case_menu.addSeparator()
        case_menu.addAction(self.new_group_action)
        case_menu.addAction(self.print_action)

    def open_guide(self) -> None:
        from ui.dialogs.help_dialog import HelpDialog

        if getattr(self, "guide_dialog", None) is None:
            self.guide_dialog = HelpDialog(self)  # kept, so it can stay open beside the window
        self.guide_dialog.show()
        self.guide_dialog.raise_()

    def open_about(self) -> None:
        from ui.dialogs.about_dialog import AboutDialog

        dialog = AboutDialog(self.workspace, parent=self)
        self.about_dialog = dialog  # for tests
        dialog.open()

    def _section_changed(self, index: int) -> None:
        if self.sections.widget(index) is self.employers_view:
            self.employers_view.reload()
        elif self.sections.widget(index) is self.deadlines_view:
            self.deadlines_view.refresh()

    def _employers_changed(self) -> None:
        self.apply_filters()  # the list shows employer names and the stored verdicts
        self.case_view.reload_employers()
        self.case_view.refresh_assessment()  # 49 -> 50 employees changes the law that applies

    def refresh_everything(self) -> None:
        """F5: the list, the open case's verdict and the section shown, read again (and the
        legal catalogue, when its file or the setting changed: every verdict follows)."""
        try:
            if self.workspace.reload_catalogue():
                self.background.submit(
                    self.workspace.refresh_all_verdicts,
                    lambda _changed: self.apply_filters(),  # the list's verdicts follow
                    lambda exc: self.crashes.report(exc, self),
                    context=self,
                )
        except UserError as exc:
            self.prompter.error(self, tr("Kan ikke lese rettskatalogen"), exc.message)
        self.apply_filters()
        self.case_view.refresh_assessment()
        if self.sections.currentWidget() is self.employers_view:
            self.employers_view.reload()
        elif self.sections.currentWidget() is self.deadlines_view:
            self.deadlines_view.refresh()

    def _verdict_refreshed(self) -> None:
        # The letter dialog reads the suggested letter from here: keep it the fresh one.
        fresh = self.case_view.detail
        if self.detail is not None and fresh is not None and fresh.case.id == self.detail.case.id:
            self.detail = fresh

    def _deadlines_changed(self) -> None:
        self.apply_filters()
        self.case_view.refresh_assessment()

    def start_daily_duties(self) -> None:
        """The daily backup and verdicts, in the background; the list follows when done."""

        def done(message: str) -> None:
            self.apply_filters()
            self.show_start_notice(message)

        self.background.submit(
            self.workspace.daily_duties,
            done,
            lambda exc: self.crashes.report(exc, self),
            context=self,
        )

    def show_start_notice(self, message: str = "") -> None:
        """A quiet line in the status bar: ``message`` and, when a deadline has passed, a
        word about it."""
        try:
            notice = overdue_notice(self.workspace.overdue_count()) or ""
        except UserError:
            notice = ""
        text = "  ·  ".join(part for part in (message, notice) if part)  # two lines, not one
        if text:
            self.statusBar().showMessage(text, 30_000)
        # A newer pack from the union office: its folder may be a network share that is
        # slow or gone, so it is looked for off the GUI thread, and said after the rest.
        self.background.submit(
            self.workspace.newer_pack, self._newer_pack_found, lambda _exc: None, context=self
        )

    def _newer_pack_found(self, found: tuple[Path, str] | None) -> None:
        from ui.office_actions import newer_pack_text

        line = newer_pack_text(self.workspace, found) if found is not None else None
        if line:
            shown = self.statusBar().currentMessage()
            self.statusBar().showMessage("  ·  ".join(p for p in (shown, line) if p), 30_000)

    def show_case(self, case: int | str) -> None:
        """Go to a case (id or number) from elsewhere (an employer's cases, the deadlines)."""
        if not self.confirm_leave():
            return
        self.sections.setCurrentIndex(0)
        self.search.clear()
        self.bin_toggle.setChecked(False)
        for combo in (
            self.type_filter,
            self.status_filter,
            self.timing_filter,
            self.employer_filter,
            self.year_filter,
        ):
            combo.setCurrentIndex(0)
        self.apply_filters()
        self.open_case(case)
        self._select_current()

    def _update_actions(self) -> None:
        case = self.detail.case if self.detail else None
        live = case is not None and case.deleted_at is None
        self.letter_action.setEnabled(live)
        self.close_action.setEnabled(live and case is not None and case.status == "open")
        self.reopen_action.setEnabled(live and case is not None and case.status == "closed")
        self.duplicate_action.setEnabled(live)
        self.print_action.setEnabled(case is not None)
        self.new_group_action.setEnabled(live)
        self.delete_action.setEnabled(live)
        self.restore_action.setEnabled(case is not None and case.deleted_at is not None)
        self.save_action.setEnabled(self.case_view.is_dirty())

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # ---------------------------------------------------------------- the list

    def query(self) -> CaseQuery:
        text = self.search.text().strip()
        header = self.table.horizontalHeader()
        return CaseQuery(
            case_type=self.type_filter.currentData(),
            status=self.status_filter.currentData(),
            timing=self.timing_filter.currentData(),
            employer_id=self.employer_filter.currentData(),
            year=self.year_filter.currentData(),
            text=text or None,
            today=self.workspace.today(),
            deleted=self.bin_toggle.isChecked(),
            sort=SORT_KEYS.get(header.sortIndicatorSection()) or "updated",
            descending=header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder,
        )

    def apply_filters(self) -> None:
        selected = self.detail.case.number if self.detail else None
        self._count_timer.stop()
        query = self.query()
        try:
            self.model.reload(query, count=not query.text)
        except UserError as exc:
            self.prompter.error(self, tr("Kan ikke vise sakene"), exc.message)
            return
        if self.model.counted:
            self._show_count()
        else:
            self.count.setText("…")  # a full page: the exact count follows
            self._count_timer.start()
        self._show_start_guide(self.model.total == 0)
        if selected is not None:
            for row, item in enumerate(self.model.rows):
                if item.number == selected:
                    self.table.selectRow(row)
                    break

    def _show_count(self) -> None:
        shown = self.model.total
        if self.model.capped:  # not counted past the cap (a national database)
            self.count.setText(
                plural(shown, QT_TR_NOOP("over %n sak"), QT_TR_NOOP("over %n saker"))
            )
            return
        self.count.setText(
            tr("Ingen saker")
            if shown == 0
            else plural(shown, QT_TR_NOOP("%n sak"), QT_TR_NOOP("%n saker"))
        )

    def _count_later(self) -> None:
        query = self.model.query
        try:
            total = self.workspace.count_listed(query, cap=COUNT_CAP)
        except UserError as exc:
            self.prompter.error(self, tr("Kan ikke vise sakene"), exc.message)
            return
        if self.model.set_total(query, total):  # still the list shown
            self._show_count()

    def _selection_changed(self, selected: QItemSelection, _: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes or self._reselecting:
            return
        row = self.model.row_at(indexes[0].row())
        if row is None or (self.detail is not None and row.id == self.detail.case.id):
            return
        if not self.confirm_leave():
            self._select_current()
            return
        self.open_case(row.id)

    _reselecting = False

    def _select_current(self) -> None:
        """Put the selection back on the open case (the user chose to stay)."""
        self._reselecting = True
        try:
            self.table.clearSelection()
            if self.detail is not None:
                for i, item in enumerate(self.model.rows):
                    if item.id == self.detail.case.id:
                        self.table.selectRow(i)
                        break
        finally:
            self._reselecting = False

    def confirm_leave(self) -> bool:
        """Before leaving a case with unsaved changes: save, discard or stay. True: go on."""
        if not self.case_view.is_dirty() or self.detail is None:
            return True
        answer = self.prompter.ask_save(
            self,
            tr("Ulagrede endringer"),
            tr("Du har endringer i sak ")
            + self.detail.case.number
            + tr(" som ikke er lagret. Vil du lagre dem?"),
        )
        if answer == "save":
            return self.case_view.save()
        if answer == "discard":
            self.case_view.revert()
            return True
        return False

    def open_case(self, case_id: int | str) -> None:
        try:
            detail = self.workspace.case_detail(case_id)
        except UserError as exc:
            self.prompter.error(self, tr("Kan ikke åpne saken"), exc.message)
            return
        self.detail = detail
        self.case_view.show_detail(detail)
        self._update_actions()

    def _case_saved(self, case_id: int) -> None:
        self.detail = self.case_view.detail
        self.apply_filters()
        self._update_actions()

    def _dirty_changed(self, dirty: bool) -> None:
        self.save_action.setEnabled(dirty)
        title = "Tillitsvalgt"
        if self.detail is not None:
            title = f"{self.detail.case.number} – {title}"
        self.setWindowTitle(("* " if dirty else "") + title)

    # ---------------------------------------------------------------- the case's life

    def save_case(self) -> None:
        self.case_view.save()

    def new_case(self) -> None:
        if not self.confirm_leave():
            return
        dialog = NewCaseDialog(
            self.workspace, prompter=self.prompter, crashes=self.crashes, parent=self
        )
        self.new_case_dialog = dialog  # for tests
        dialog.accepted.connect(lambda: self._created(dialog.created))
        dialog.open()

    def _created(self, case: CaseRead | None) -> None:
        if case is None:
            return
        self.search.clear()
        self.bin_toggle.setChecked(False)
        self.apply_filters()
        self.open_case(case.id)
        self._select_current()

    def close_case(self) -> None:
        if self.detail is None or not self.confirm_leave():
            return
        case = self.detail.case
        dialog = CloseCaseDialog(case.number, self)
        self.close_case_dialog = dialog  # for tests
        dialog.accepted.connect(
            lambda: self._run_case_change(
                lambda: self.workspace.close_case(
                    case.id, outcome=dialog.outcome_code(), version=case.version
                )
            )
        )
        dialog.open()

    def reopen_case(self) -> None:
        if self.detail is None or not self.confirm_leave():
            return
        case = self.detail.case
        self._run_case_change(lambda: self.workspace.reopen_case(case.id, version=case.version))

    def duplicate_case(self) -> None:
        if self.detail is None or not self.confirm_leave():
            return
        case = self.detail.case
        try:
            copy = self.workspace.duplicate_case(case.id)
        except UserError as exc:
            self.prompter.error(self, tr("Saken ble ikke duplisert"), exc.message)
            return
        self._created(copy)

    def delete_case(self) -> None:
        if self.detail is None:
            return
        case = self.detail.case
        if not self.prompter.confirm(
            self,
            tr("Flytt til papirkurven"),
            tr("Flytte sak ")
            + case.number
            + tr(" til papirkurven? Den kan gjenopprettes derfra; ulagrede endringer forkastes."),
        ):
            return
        self._run_case_change(lambda: self.workspace.delete_case(case.id))

    def restore_case(self) -> None:
        if self.detail is None:
            return
        case = self.detail.case
        self._run_case_change(lambda: self.workspace.restore_case(case.id))

    def _run_case_change(self, change: Callable[[], CaseRead]) -> None:
        try:
            changed = change()
        except UserError as exc:
            self.prompter.error(self, tr("Ikke utført"), exc.message)
            return
        except Exception as exc:
            self.crashes.report(exc, self)
            return
        self.apply_filters()
        self.open_case(changed.id)

    # ---------------------------------------------------------------- letters

    def new_letter(self, kind: str | None) -> None:
        if self.detail is None:
            return
        from ui.dialogs.letter_dialog import LetterDialog

        dialog = LetterDialog(
            self.workspace,
            self.detail,
            prompter=self.prompter,
            crashes=self.crashes,
            background=self.background,
            kind=kind,
            parent=self,
        )
        self.letter_dialog = dialog  # for tests
        watch_letter(dialog)  # its free text survives a crash
        dialog.finished.connect(
            lambda _: self.open_case(self.detail.case.id) if self.detail else None
        )
        dialog.open()

    # ---------------------------------------------------------------- first start, settings

    def welcome_if_new(self) -> None:
        """On first start (no profile yet): the welcome, which asks for the profile and
        offers example cases."""
        if not needs_welcome(self.workspace):
            return
        dialog = WelcomeDialog(
            self.workspace,
            prompter=self.prompter,
            crashes=self.crashes,
            background=self.background,
            parent=self,
        )
        self.welcome_dialog = dialog  # for tests
        dialog.accepted.connect(self._reload_demo_ids)
        dialog.open()

    def open_report(self) -> None:
        from ui.dialogs.report_dialog import ReportDialog

        dialog = ReportDialog(
            self.workspace,
            prompter=self.prompter,
            crashes=self.crashes,
            background=self.background,
            opener=self.case_view.opener,
            parent=self,
        )
        self.report_dialog = dialog  # for tests
        dialog.open()

    def open_restore(self) -> None:
        if not self.confirm_leave():
            return
        from ui.dialogs.restore_dialog import RestoreDialog

        dialog = RestoreDialog(
            self.workspace,
            prompter=self.prompter,
            crashes=self.crashes,
            background=self.background,
            parent=self,
        )
        dialog.restored.connect(self._backup_restored)
        self.restore_dialog = dialog  # for tests
        dialog.open()

    def _backup_restored(self, _safety: Path) -> None:
        """Everything shown may have changed: read it all again."""
        shown = self.detail.case.number if self.detail is not None else None
        self.detail = None
        self.case_view.clear()
        self.case_view.reload_employers()
        self.apply_filters()
        if shown is not None:
            try:
                detail = self.workspace.case_detail(shown)
            except UserError:
                detail = None  # the case did not exist when the backup was taken
            if detail is not None:
                self.detail = detail
                self.case_view.show_detail(detail)
                self._select_current()
        if self.sections.currentWidget() is self.employers_view:
            self.employers_view.reload()
        elif self.sections.currentWidget() is self.deadlines_view:
            self.deadlines_view.refresh()
        self._update_actions()

    def open_settings(self) -> None:
        from ui.dialogs.settings_dialog import SettingsDialog

        dialog = SettingsDialog(
            self.workspace,
            prompter=self.prompter,
            crashes=self.crashes,
            background=self.background,
            parent=self,
        )
        self.settings_dialog = dialog  # for tests
        dialog.finished.connect(lambda _: self._settings_closed(dialog))
        dialog.open()

    def _settings_closed(self, dialog: SettingsDialog) -> None:
        if dialog.restart_needed:
            self.statusBar().showMessage(
                tr("Den nye databasen brukes når du starter programmet på nytt."), 30_000
            )
        self.case_view.refresh()

    # ---------------------------------------------------------------- saved filters

    def _filter_state(self) -> dict[str, object]:
        return {
            "search": self.search.text(),
            "type": self.type_filter.currentData(),
            "status": self.status_filter.currentData(),
            "timing": self.timing_filter.currentData(),
            "year": self.year_filter.currentData(),
        }

    def _saved(self) -> dict[str, dict[str, object]]:
        raw = self.settings.value("caselist/saved_filters", "{}")
        try:
            data = json.loads(str(raw))
        except ValueError:
            return {}
        return data if isinstance(data, dict) else {}

    def _load_saved_filters(self) -> None:
        self.saved_filters.clear()
        self.saved_filters.addItem(tr("(lagrede filtre)"), None)
        for name in sorted(self._saved(), key=str.lower):
            self.saved_filters.addItem(name, name)

    def save_filter(self) -> None:
        name = self.prompter.ask_text(self, tr("Lagre filter"), tr("Navn på filteret:"))
        if not name:
            return
        saved = self._saved()
        saved[name.strip()] = self._filter_state()
        self.settings.setValue("caselist/saved_filters", json.dumps(saved, ensure_ascii=False))
        self._sync_settings()
        self._load_saved_filters()
        self.saved_filters.setCurrentIndex(self.saved_filters.findData(name.strip()))

    def _use_saved_filter(self, index: int) -> None:
        name = self.saved_filters.itemData(index)
        state = self._saved().get(name) if name else None
        if not state:
            return
        for combo, key in (
            (self.type_filter, "type"),
            (self.status_filter, "status"),
            (self.timing_filter, "timing"),
            (self.year_filter, "year"),
        ):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(state.get(key))))
            combo.blockSignals(False)
        self.search.blockSignals(True)
        self.search.setText(str(state.get("search") or ""))
        self.search.blockSignals(False)
        self.apply_filters()

    # ---------------------------------------------------------------- long work

    def import_cases(self) -> None:
        files = self.prompter.open_paths(
            self, tr("Importer saker"), tr("Saker (*.json);;Alle filer (*)")
        )
        if not files or not self.confirm_leave():
            return
        file = files[0]
        work = LongWork(self, self.background, tr("Importerer saker …"), cancellable=True)
        self.long_work = work  # for tests
        work.run(
            lambda progress: self.workspace.import_file(file, progress),
            lambda report: self._imported(report),
            lambda exc: self.crashes.report(exc, self),
        )

    def _imported(self, report: ImportReport) -> None:
        self.apply_filters()
        # An import may have merged events into the open case or changed its employer.
        self.case_view.reload_employers()
        self.case_view.refresh_assessment()
        self.prompter.info(self, tr("Import ferdig"), report.summary())

    def export_cases(self) -> None:
        path = self.prompter.save_path(
            self, tr("Eksporter saker"), Path.home() / "saker.json", tr("Saker (*.json)")
        )
        if path is None:
            return
        work = LongWork(self, self.background, tr("Eksporterer saker …"), cancellable=False)
        self.long_work = work
        work.run(
            lambda progress: self.workspace.export_file(path),
            lambda count: self.prompter.info(
                self,
                tr("Eksport ferdig"),
                plural(
                    count, QT_TR_NOOP("%n sak skrevet til "), QT_TR_NOOP("%n saker skrevet til ")
                )
                + str(path),
            ),
            lambda exc: self.crashes.report(exc, self),
        )

    def export_case_list(self) -> None:
        path = self.prompter.save_path(
            self,
            tr("Eksporter listen til regneark"),
            Path.home() / "saker.xlsx",
            tr("Regneark (*.xlsx);;CSV (*.csv)"),
        )
        if path is None:
            return
        query = self.query()
        work = LongWork(self, self.background, tr("Skriver regnearket …"), cancellable=False)
        self.long_work = work
        work.run(
            lambda progress: self.workspace.export_case_list(path, query),
            lambda count: self.prompter.info(
                self,
                tr("Eksport ferdig"),
                plural(
                    count, QT_TR_NOOP("%n sak skrevet til "), QT_TR_NOOP("%n saker skrevet til ")
                )
                + str(path),
            ),
            lambda exc: self.crashes.report(exc, self),
        )

    def backup_now(self) -> None:
        work = LongWork(self, self.background, tr("Tar sikkerhetskopi …"), cancellable=False)
        self.long_work = work
        work.run(
            lambda progress: self.workspace.backup_now(),
            lambda path: self.prompter.info(
                self, tr("Sikkerhetskopi"), tr("Sikkerhetskopien er lagret: ") + str(path)
            ),
            lambda exc: self.crashes.report(exc, self),
        )

    # ---------------------------------------------------------------- remembering

    def _restore(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            # Never bigger than the screen (a 1024×700 laptop, or 150 % scale).
            self.resize(QSize(1280, 800).boundedTo(self.screen().availableGeometry().size()))
        splitter = self.settings.value("window/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)
        else:
            left = self.width() * 15 // 32  # 600 of 1280: the case keeps the larger part
            self.splitter.setSizes([left, self.width() - left])
        header = self.settings.value("caselist/header")
        # Layout 2 put the verdict beside the number; an older saved header had it off-screen.
        if isinstance(header, QByteArray) and self.settings.value("caselist/layout") == "2":
            self.table.horizontalHeader().restoreState(header)
        else:
            self._default_columns()
        self._reload_demo_ids(refresh=False)
        self.search.setText(str(self.settings.value("caselist/search", "") or ""))
        for combo, key in (
            (self.type_filter, "caselist/type"),
            (self.status_filter, "caselist/status"),
            (self.timing_filter, "caselist/timing"),
            (self.year_filter, "caselist/year"),
        ):
            index = combo.findData(self.settings.value(key))
            if index > 0:
                combo.setCurrentIndex(index)

    def _default_columns(self) -> None:
        header = self.table.horizontalHeader()
        for visual, logical in enumerate(DEFAULT_ORDER):
            header.moveSection(header.visualIndex(logical), visual)
        for column, width in DEFAULT_WIDTHS.items():
            self.table.setColumnWidth(column, width)

    def save_state(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.setValue("caselist/header", self.column_fit.state())  # chosen widths
        self.settings.setValue("caselist/layout", "2")
        self.settings.setValue("caselist/search", self.search.text())
        self.settings.setValue("caselist/type", self.type_filter.currentData())
        self.settings.setValue("caselist/status", self.status_filter.currentData())
        self.settings.setValue("caselist/timing", self.timing_filter.currentData())
        self.settings.setValue("caselist/year", self.year_filter.currentData())
        self._sync_settings()

    def _sync_settings(self) -> None:
        # The search text and the saved filters may hold a member's name: the settings file
        # is its owner's alone, like the database.
        self.settings.sync()
        if os.name == "posix":
            with contextlib.suppress(OSError):
                os.chmod(self.settings.fileName(), 0o600)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.confirm_leave():
            event.ignore()
            return
        self.save_state()
        self.case_view.remove_opened_copies()
        super().closeEvent(event)
