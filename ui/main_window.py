"""The main window: the case list (search as you type, filters for type, status and timing)
beside the case view; menus and a toolbar with shortcuts; the window's size, splitter,
column widths and last filter are remembered."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QCoreApplication, QItemSelection, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tillitsvalgt.errors import UserError
from tillitsvalgt.models import DocumentRead
from tillitsvalgt.services.cases import CaseQuery
from tillitsvalgt.vocabulary import CASE_STATUSES, CASE_TYPES_SHORT, TIMINGS_SHORT
from tillitsvalgt.workspace import CaseDetail, Workspace
from ui.dialogs.letter_dialog import LetterDialog
from ui.errors import CrashReporter
from ui.models.case_table import SORT_KEYS, TITLE, UPDATED, CaseTableModel
from ui.prompts import Prompter
from ui.views.case_view import CaseView
from ui.workers import Background

SEARCH_DELAY_MS = 150


def tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class MainWindow(QMainWindow):
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
        self.setWindowTitle("Tillitsvalgt")
        self.setMinimumSize(900, 560)

        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(tr("Søk i saker (tittel, beskrivelse, virksomhet) …"))
        self.search.setClearButtonEnabled(True)
        self.type_filter = self._combo("typeFilter", tr("Alle typer"), CASE_TYPES_SHORT)
        self.status_filter = self._combo("statusFilter", tr("Alle statuser"), CASE_STATUSES)
        self.timing_filter = self._combo("timingFilter", tr("Alle tidspunkt"), TIMINGS_SHORT)
        filters = QHBoxLayout()
        for widget in (self.type_filter, self.status_filter, self.timing_filter):
            filters.addWidget(widget)

        self.model = CaseTableModel(self.workspace.list_cases)
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
        self.table.setColumnWidth(TITLE, 260)
        self.count = QLabel()
        self.count.setObjectName("count")

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count)

        self.case_view = CaseView()
        self.case_view.letter_requested.connect(self.new_letter)
        self.case_view.document_activated.connect(self.export_document)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.case_view)
        self.splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.splitter)
        self.statusBar().showMessage(tr("Database: ") + workspace.location)

        self._make_actions()
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(self._search_timer.start)
        for combo in (self.type_filter, self.status_filter, self.timing_filter):
            combo.currentIndexChanged.connect(self.apply_filters)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self._restore()
        self.apply_filters()

    # ---------------------------------------------------------------- building

    def _combo(self, name: str, everything: str, choices: dict[str, str]) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.addItem(everything, None)
        for code, label in choices.items():
            combo.addItem(label, code)
        return combo

    def _make_actions(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu(tr("&Fil"))
        case_menu = menu.addMenu(tr("&Sak"))
        toolbar = self.addToolBar(tr("Verktøy"))
        toolbar.setObjectName("toolbar")

        self.find_action = QAction(tr("&Søk"), self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.setToolTip(tr("Gå til søkefeltet (Ctrl+F)"))
        self.find_action.triggered.connect(self._focus_search)
        self.letter_action = QAction(tr("Nytt &brev …"), self)
        self.letter_action.setShortcut(QKeySequence("Ctrl+L"))
        self.letter_action.setToolTip(tr("Skriv et brev i saken (Ctrl+L)"))
        self.letter_action.setEnabled(False)
        self.letter_action.triggered.connect(lambda: self.new_letter(None))
        self.refresh_action = QAction(tr("&Oppdater"), self)
        self.refresh_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self.refresh_action.triggered.connect(self.apply_filters)
        quit_action = QAction(tr("&Avslutt"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)

        file_menu.addAction(self.refresh_action)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        case_menu.addAction(self.find_action)
        case_menu.addAction(self.letter_action)
        for action in (self.find_action, self.letter_action, self.refresh_action):
            toolbar.addAction(action)

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
            text=text or None,
            today=self.workspace.today(),
            sort=SORT_KEYS.get(header.sortIndicatorSection()) or "updated",
            descending=header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder,
        )

    def apply_filters(self) -> None:
        selected = self.detail.case.number if self.detail else None
        try:
            self.model.reload(self.query())
        except UserError as exc:
            self.prompter.error(self, tr("Kan ikke vise sakene"), exc.message)
            return
        shown = self.model.total
        self.count.setText(
            tr("Ingen saker") if shown == 0 else f"{shown:,} ".replace(",", " ") + tr("saker")
        )
        if selected is not None:
            for row, item in enumerate(self.model.rows):
                if item.number == selected:
                    self.table.selectRow(row)
                    break

    def _selection_changed(self, selected: QItemSelection, _: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        row = self.model.row_at(indexes[0].row())
        if row is not None:
            self.open_case(row.id)

    def open_case(self, case_id: int) -> None:
        try:
            detail = self.workspace.case_detail(case_id)
        except UserError as exc:
            self.prompter.error(self, tr("Kan ikke åpne saken"), exc.message)
            return
        self.detail = detail
        self.case_view.show_detail(detail)
        self.letter_action.setEnabled(True)

    # ---------------------------------------------------------------- letters

    def new_letter(self, kind: str | None) -> None:
        if self.detail is None:
            return
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
        dialog.finished.connect(
            lambda _: self.open_case(self.detail.case.id) if self.detail else None
        )
        dialog.open()

    def export_document(self, document: DocumentRead) -> None:
        suggested = Path.home() / (document.filename or f"{document.number.replace('/', '-')}.docx")
        path = self.prompter.save_path(
            self, tr("Lagre dokumentet"), suggested, tr("Alle filer (*)")
        )
        if path is None:
            return
        from tillitsvalgt import paths

        try:
            paths.write_atomically(path, self.workspace.document_content(document.id))
        except UserError as exc:
            self.prompter.error(self, tr("Dokumentet ble ikke lagret"), exc.message)

    # ---------------------------------------------------------------- remembering

    def _restore(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        splitter = self.settings.value("window/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)
        else:
            self.splitter.setSizes([520, 760])
        header = self.settings.value("caselist/header")
        if isinstance(header, QByteArray):
            self.table.horizontalHeader().restoreState(header)
        self.search.setText(str(self.settings.value("caselist/search", "") or ""))
        for combo, key in (
            (self.type_filter, "caselist/type"),
            (self.status_filter, "caselist/status"),
            (self.timing_filter, "caselist/timing"),
        ):
            index = combo.findData(self.settings.value(key))
            if index > 0:
                combo.setCurrentIndex(index)

    def save_state(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.setValue("caselist/header", self.table.horizontalHeader().saveState())
        self.settings.setValue("caselist/search", self.search.text())
        self.settings.setValue("caselist/type", self.type_filter.currentData())
        self.settings.setValue("caselist/status", self.status_filter.currentData())
        self.settings.setValue("caselist/timing", self.timing_filter.currentData())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        super().closeEvent(event)
