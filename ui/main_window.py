"""The main window: the case list (search as you type, filters for type, status and timing)
beside the case view; menus and a toolbar with shortcuts; the window's size, splitter,
column widths and last filter are remembered."""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QEvent, QItemSelection, QObject, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QMainWindow,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tillitsvalgt.errors import UserError
from tillitsvalgt.onboarding import needs_welcome
from tillitsvalgt.shapes import COUNT_CAP, CaseQuery, CaseRead
from tillitsvalgt.workspace import CaseDetail, Workspace
from ui import list_memory as memory
from ui.accessibility import describe_inputs, name_input
from ui.autosave import AutosaveStore
from ui.column_fit import ColumnFit
from ui.context_menus import add_context_menu
from ui.dialogs.case_dialogs import CloseCaseDialog, NewCaseDialog
from ui.dialogs.welcome_dialog import WelcomeDialog
from ui.errors import CrashReporter, attempt, guard
from ui.first_steps import FirstSteps
from ui.i18n import QT_TR_NOOP, tr
from ui.i18n import count as plural
from ui.list_memory import PageAhead
from ui.long_work import LongWork
from ui.main_actions import ACTIONS, MENUS
from ui.models.case_table import (
    DEFAULT_ORDER,
    DEFAULT_WIDTHS,
    OPTIONAL_COLUMNS,
    PAGE,
    SORT_KEYS,
    UPDATED,
    CaseTableModel,
    column_floors,
)
from ui.prompts import Prompter
from ui.restore_edits import watch_letter
from ui.views.case_filters import CaseFilters
from ui.views.case_heading import CasePlaceholder
from ui.views.deadlines_view import DeadlinesView, overdue_notice
from ui.views.employers_view import EmployersView
from ui.workers import Background

if TYPE_CHECKING:  # import and export are loaded when first used, not at start
    from ui.dialogs.settings_dialog import SettingsDialog
    from ui.views.case_view import CaseView

SEARCH_DELAY_MS = 150


class MainWindow(FirstSteps, QMainWindow):
    # The actions, made from the table in ui/main_actions.py (named here for the type checker).
    new_case_action: QAction
    save_action: QAction
    find_action: QAction
    letter_action: QAction
    close_action: QAction
    reopen_action: QAction
    duplicate_action: QAction
    delete_action: QAction
    restore_action: QAction
    new_group_action: QAction
    print_action: QAction
    refresh_action: QAction
    quit_action: QAction
    import_action: QAction
    export_action: QAction
    export_list_action: QAction
    backup_action: QAction
    restore_backup_action: QAction
    settings_action: QAction
    report_action: QAction
    pack_action: QAction
    cases_section_action: QAction
    employers_section_action: QAction
    deadlines_section_action: QAction
    focus_list_action: QAction
    guide_action: QAction
    about_action: QAction

    def __init__(
        self,
        workspace: Workspace,
        *,
        prompter: Prompter,
        crashes: CrashReporter,
        settings: QSettings,
        background: Background | None = None,
        first_page: PageAhead | None = None,
    ) -> None:
        """``first_page``: the remembered search's first page, begun before the window
        (``ui.head_start``); shown if it is what the restored filters ask for."""
        super().__init__()
        self._first_page = first_page
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

        self.filters = CaseFilters(workspace)
        # The bar's inputs, by the names the rest of the window (and its tests) use.
        self.search = self.filters.search
        self.type_filter = self.filters.type_filter
        self.status_filter = self.filters.status_filter
        self.timing_filter = self.filters.timing_filter
        self.bin_toggle = self.filters.bin_toggle
        self.employer_filter = self.filters.employer_filter
        self.year_filter = self.filters.year_filter
        self.saved_filters = self.filters.saved_filters
        self.save_filter_button = self.filters.save_filter_button

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
        self.table.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )  # a narrowed header keeps its first letters, not a clipped middle
        # No sideways scrolling: narrowed to the width there is, never below what shows a
        # whole number or date; on a narrow screen «Type», then «Endret» step aside.
        floors = column_floors(self.table.fontMetrics())
        self.table.horizontalHeader().setDefaultSectionSize(floors[UPDATED])
        self.column_fit = ColumnFit(self.table, floors, optional=OPTIONAL_COLUMNS)
        self.count = QLabel()
        self.count.setObjectName("count")
        self._restore_list()

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.filters)
        left_layout.addWidget(self.table, 1)
        self._make_start_guide(left_layout)
        left_layout.addWidget(self.count)

        # The case view is built after the first paint, or when first needed (``case_view``):
        # ≈ 40 ms of the start for a view that shows nothing until a case is chosen. Its
        # place holds its heading until then.
        self._case_view: CaseView | None = None
        self._case_placeholder: CasePlaceholder | None = CasePlaceholder(
            tr("Velg en sak i listen.")
        )
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self._case_placeholder)
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
            workspace, prompter=prompter, crashes=crashes, load=False, background=self.background
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
        for combo in self.filters.combos:
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

    @property
    def case_view(self) -> CaseView:
        """The case view, built on first use (``build_case_view``)."""
        if self._case_view is None:
            self.build_case_view()
        assert self._case_view is not None
        return self._case_view

    def build_case_view(self) -> None:
        """Build the case view in its placeholder's place (the app does it just after the
        first paint); nothing if it is built."""
        if self._case_view is not None:
            return
        from ui.views.case_view import CaseView

        view = CaseView(
            self.workspace, prompter=self.prompter, crashes=self.crashes, background=self.background
        )
        view.letter_requested.connect(self.new_letter)
        view.changed.connect(self._case_saved)
        view.dirty_changed.connect(self._dirty_changed)
        view.refreshed.connect(self._verdict_refreshed)
        view.case_activated.connect(self.show_case)
        placeholder = self._case_placeholder
        if placeholder is not None:
            view.heading.setText(placeholder.heading.text())  # the start guide may have set it
            sizes = self.splitter.sizes()
            self.splitter.replaceWidget(1, view)
            self.splitter.setSizes(sizes)
            placeholder.deleteLater()
            self._case_placeholder = None
        else:
            self.splitter.addWidget(view)
        self._case_view = view
        describe_inputs(view)

    def case_heading(self) -> QLabel:
        """The heading beside the list: the case view's, or its placeholder's."""
        if self._case_view is not None:
            return self._case_view.heading
        assert self._case_placeholder is not None
        return self._case_placeholder.heading

    def case_dirty(self) -> bool:
        """The case view has unsaved edits (a view not built yet has none)."""
        return self._case_view is not None and self._case_view.is_dirty()

    def _name_for_screen_readers(self) -> None:
        """The list's inputs have no label beside them: they are named here (a filter by
        what it filters, not by its current choice), the rest by ``describe_inputs``."""
        self.filters.name_for_screen_readers()
        name_input(self.table, tr("Saker"), tr("Piltastene velger en sak; overskriftene sorterer."))
        describe_inputs(self)

    # ---------------------------------------------------------------- building

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
        """Every action from the table in ``ui/main_actions.py``, as ``self.<name>``, placed
        in the menus and the toolbar the table names."""
        for spec in ACTIONS:
            action = self._action(
                tr(spec.text),
                functools.partial(self._run_slot, spec.slot, spec.args),
                spec.shortcut,
                tr(spec.tip) if spec.tip else None,
                enabled=spec.enabled_when is None or spec.enabled_when(self),
            )
            if spec.icon is not None:
                action.setIcon(self.style().standardIcon(spec.icon))
            setattr(self, spec.name, action)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        menu_bar = self.menuBar()
        for title, names in MENUS:
            menu = menu_bar.addMenu(tr(title))
            for name in names:
                if name is None:
                    menu.addSeparator()
                else:
                    menu.addAction(getattr(self, name))
        toolbar = self.addToolBar(tr("Verktøy"))
        toolbar.setObjectName("toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for spec in ACTIONS:
            if spec.toolbar:
                toolbar.addAction(getattr(self, spec.name))

    def _run_slot(self, path: str, args: tuple[object, ...]) -> None:
        """An action's slot, found when triggered (``case_view.office.new_group``)."""
        target: Any = self
        for name in path.split("."):
            target = getattr(target, name)
        target(*args)

    def take_pack(self) -> None:
        from ui import office_actions

        office_actions.import_pack(
            self, self.workspace, self.prompter, self.crashes, self.refresh_everything
        )

    def print_case(self) -> None:
        from ui import office_actions

        office_actions.print_case(self, self.workspace, self.prompter, self.detail)

    def open_guide(self) -> None:
        from ui.dialogs.help_dialog import HelpDialog

        if getattr(self, "guide_dialog", None) is None:
            self.guide_dialog = HelpDialog(self)  # kept, so it can stay open beside the window
        self.guide_dialog.show()
        self.guide_dialog.raise_()

    def open_about(self) -> None:
        from ui.dialogs.about_dialog import AboutDialog

        dialog = AboutDialog(self.workspace, parent=self, background=self.background)
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
        word about it. The deadlines are counted off the GUI thread: an office's million
        cases have about 100 000 overdue ones, 1.8 s to count."""

        def counted(overdue: int | None) -> None:
            notice = (overdue_notice(overdue) or "") if overdue else ""
            text = "  ·  ".join(part for part in (message, notice) if part)  # two, not one
            if text:
                self.statusBar().showMessage(text, 30_000)
            # A newer pack from the union office: its folder may be a network share that
            # is slow or gone, so it is looked for off the GUI thread, and said after.
            self.background.submit(
                self.workspace.newer_pack, self._newer_pack_found, lambda _exc: None, context=self
            )

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, UserError):
                self.crashes.report(exc, self)
            counted(None)  # the message still; the database said why elsewhere

        self.background.submit(self.workspace.overdue_count, counted, failed, context=self)

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
        self.filters.clear()
        self.apply_filters()
        self.open_case(case)
        self._select_current()

    def _update_actions(self) -> None:
        """Each action enabled by its row's rule (``ui/main_actions.py``)."""
        for spec in ACTIONS:
            if spec.enabled_when is not None:
                getattr(self, spec.name).setEnabled(spec.enabled_when(self))

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # ---------------------------------------------------------------- the list

    def query(self) -> CaseQuery:
        header = self.table.horizontalHeader()
        return CaseQuery(
            **self.filters.choices(),
            today=self.workspace.today(),
            sort=SORT_KEYS.get(header.sortIndicatorSection()) or "updated",
            descending=header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder,
        )

    def apply_filters(self) -> None:
        selected = self.detail.case.number if self.detail else None
        self._count_timer.stop()
        self._count_held = False  # a held count of an older list is not wanted
        query = self.query()
        with guard(self, tr("Kan ikke vise sakene")) as tried:
            self.model.reload(query, count=not query.text)
        if tried.failed:
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

    _count_held = False

    def hold_count(self) -> None:
        """At start: the count of a remembered search waits for the window's first paint
        (``release_count``). It can cost as much as the page, and a timer of 0 ms fires
        before the paint, which waits for the platform's next frame."""
        self._count_held = self._count_timer.isActive()
        self._count_timer.stop()

    def release_count(self) -> None:
        if self._count_held:
            self._count_held = False
            self._count_timer.start()

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
        with guard(self, tr("Kan ikke vise sakene")) as tried:
            total = self.workspace.count_listed(query, cap=COUNT_CAP)
        if tried.failed:
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
        if not self.case_dirty() or self.detail is None:
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
        with guard(self, tr("Kan ikke åpne saken")) as tried:
            detail = self.workspace.case_detail(case_id)
        if tried.failed:
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
        with guard(self, tr("Saken ble ikke duplisert")) as tried:
            copy = self.workspace.duplicate_case(case.id)
        if tried.failed:
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
        done = attempt(
            change,
            prompter=self.prompter,
            title=tr("Ikke utført"),
            crashes=self.crashes,
            parent=self,
        )
        if done is not None:
            self.apply_filters()
            self.open_case(done.value.id)

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
        work = LongWork(self, self.background, tr("Importerer saker …"), cancellable=True)
        self.long_work = work  # for tests
        if len(files) == 1:
            file = files[0]
            work.run(
                lambda progress: self.workspace.import_file(file, progress),
                lambda report: self._imported(report.summary()),
                lambda exc: self.crashes.report(exc, self),
            )
            return
        # Several files: each all or nothing on its own; the ones that could not be
        # imported are named with the reason, after the others were imported.
        work.run(
            lambda progress: self.workspace.import_files(files, progress),
            lambda outcome: self._imported(outcome.summary(), failed=bool(outcome.failed)),
            lambda exc: self.crashes.report(exc, self),
        )

    def _imported(self, summary: str, *, failed: bool = False) -> None:
        self.apply_filters()
        # An import may have merged events into the open case or changed its employer.
        self.case_view.reload_employers()
        self.case_view.refresh_assessment()
        if failed:
            self.prompter.error(self, tr("Import ferdig, men ikke alt ble importert"), summary)
        else:
            self.prompter.info(self, tr("Import ferdig"), summary)

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
            self.default_split()
        self._reload_demo_ids(refresh=False)

    def _restore_list(self) -> None:
        """The list's remembered columns, sort order and filters, and a remembered search's
        first page begun off this thread: the rest of the window is built while the
        database reads it."""
        header = self.settings.value(memory.HEADER)
        # Layout 2 put the verdict beside the number; an older saved header had it off-screen.
        layout = self.settings.value(memory.LAYOUT)
        if isinstance(header, QByteArray) and layout == memory.LAYOUT_VERSION:
            self.table.horizontalHeader().restoreState(header)
        else:
            self._default_columns()
        # The remembered filters go in without their signals: the list is read once, at
        # the end of __init__, not once for each of them before the window is painted (and
        # again after the typing pause for the search text).
        self.search.blockSignals(True)
        self.search.setText(str(self.settings.value(memory.SEARCH, "") or ""))
        self.search.blockSignals(False)
        for combo, key in (
            (self.type_filter, memory.TYPE),
            (self.status_filter, memory.STATUS),
            (self.timing_filter, memory.TIMING),
            (self.year_filter, memory.YEAR),
        ):
            index = combo.findData(self.settings.value(key))
            if index > 0:
                combo.blockSignals(True)
                combo.setCurrentIndex(index)
                combo.blockSignals(False)
        query = self.query()
        early, self._first_page = self._first_page, None
        if query.text:
            # A search's page is tens of ms in the database (it gathers the hits), which then
            # overlap the building below. The plain list's first page is a few ms of SQL
            # and mostly Python: read beside, the two threads took turns at Python's lock
            # and the window was painted later (142 -> 168 ms, medians of 9).
            if early is not None and early.query == dataclasses.replace(query, limit=PAGE):
                self.model.take_ahead(early.query, early.future, count=False)
            else:
                self.model.read_ahead(query, count=False, start=self.background.ahead)

    def default_split(self) -> None:
        """The list half of a 1280 px window (every column shown); on a smaller screen the
        case keeps the larger part (480 of 1024)."""
        width = self.width()
        left = width // 2 if width >= 1200 else width * 15 // 32
        self.splitter.setSizes([left, width - left])

    def _default_columns(self) -> None:
        header = self.table.horizontalHeader()
        for visual, logical in enumerate(DEFAULT_ORDER):
            header.moveSection(header.visualIndex(logical), visual)
        for column, width in DEFAULT_WIDTHS.items():
            self.table.setColumnWidth(column, width)

    def save_state(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.setValue(memory.HEADER, self.column_fit.state())  # chosen widths
        self.settings.setValue(memory.LAYOUT, memory.LAYOUT_VERSION)
        # The sort again on its own: the next start reads the remembered search before
        # it has a header to read the sort from (ui/head_start.py).
        query = self.query()
        self.settings.setValue(memory.SORT, query.sort)
        self.settings.setValue(memory.DESCENDING, query.descending)
        self.settings.setValue(memory.SEARCH, self.search.text())
        self.settings.setValue(memory.TYPE, self.type_filter.currentData())
        self.settings.setValue(memory.STATUS, self.status_filter.currentData())
        self.settings.setValue(memory.TIMING, self.timing_filter.currentData())
        self.settings.setValue(memory.YEAR, self.year_filter.currentData())
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
        if self._case_view is not None:
            self._case_view.remove_opened_copies()
        super().closeEvent(event)
