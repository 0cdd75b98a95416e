"""The main window's first steps and demo data: the guide shown in the case list's place while
there is no case, loading and removing the examples (Fil → Fjern demodata), the key that puts
the keyboard on the list, and the offer of edits a crash left unsaved. A mixin of
``MainWindow``, kept apart so the window's own file stays as it was."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QTableView, QTabWidget, QVBoxLayout

from tillitsvalgt.errors import UserError
from tillitsvalgt.onboarding import (
    count_demo_data,
    database_empty,
    demo_case_ids,
    fill_demo_data,
    remove_demo_data,
)
from ui.errors import attempt, guard
from ui.i18n import QT_TR_NOOP, tr
from ui.i18n import count as plural
from ui.long_work import LongWork
from ui.restore_edits import offer_restore
from ui.views.start_guide import StartGuide

if TYPE_CHECKING:
    from collections.abc import Callable

    from tillitsvalgt.workspace import CaseDetail, Workspace
    from ui.autosave import AutosaveStore
    from ui.dialogs.case_dialogs import NewCaseDialog
    from ui.dialogs.letter_dialog import LetterDialog
    from ui.errors import CrashReporter
    from ui.models.case_table import CaseTableModel
    from ui.prompts import Prompter
    from ui.views.case_view import CaseView
    from ui.views.employers_view import EmployersView
    from ui.workers import Background


if TYPE_CHECKING:
    _Window = QMainWindow
else:
    _Window = object  # a mixin: MainWindow derives from it and from QMainWindow


class FirstSteps(_Window):
    """What ``MainWindow`` gives the methods below (it derives from this class)."""

    workspace: Workspace
    prompter: Prompter
    crashes: CrashReporter
    settings: QSettings
    background: Background
    detail: CaseDetail | None
    model: CaseTableModel
    table: QTableView
    sections: QTabWidget
    employers_view: EmployersView
    autosave: AutosaveStore
    letter_dialog: LetterDialog
    new_case_dialog: NewCaseDialog
    long_work: LongWork
    remove_demo_action: QAction  # made from ui/main_actions.py

    if TYPE_CHECKING:  # MainWindow's own; only named here for the type checker

        @property
        def case_view(self) -> CaseView: ...
        def case_heading(self) -> QLabel: ...
        def query(self) -> Any: ...  # a CaseQuery (the GUI names services' shapes in one place)
        def apply_filters(self) -> None: ...
        def new_case(self) -> None: ...
        def open_guide(self) -> None: ...
        def open_case(self, case_id: int | str) -> None: ...
        def confirm_leave(self) -> bool: ...
        def _update_actions(self) -> None: ...
        def show_case(self, case: int | str) -> None: ...
        def new_letter(self, kind: str | None) -> None: ...

        def _action(
            self,
            text: str,
            slot: Callable[[], object],
            shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
            tip: str | None = None,
            *,
            enabled: bool = True,
        ) -> QAction: ...

    def _make_start_guide(self, layout: QVBoxLayout) -> None:
        """Shown in the table's place while the database has no case at all."""
        self.start_guide = StartGuide()
        self.start_guide.hide()
        self.start_guide.new_employer.connect(self._first_employer)
        self.start_guide.new_case.connect(self.new_case)
        self.start_guide.load_demo.connect(self.load_demo)
        self.start_guide.open_guide.connect(self.open_guide)
        layout.addWidget(self.start_guide, 1)

    def _show_start_guide(self, nothing_shown: bool) -> None:
        query = self.query()
        unfiltered = not (
            query.case_type
            or query.status
            or query.timing
            or query.text
            or query.deleted
            or query.employer_id is not None
            or query.year is not None
        )
        empty = nothing_shown and unfiltered  # no live case at all, not a filter finding none
        if empty:
            try:
                possible = database_empty(self.workspace)
            except UserError:
                possible = False  # the list said why already, or will at the next reading
            self.start_guide.set_demo_possible(possible)
        self.start_guide.setVisible(empty)
        self.table.setVisible(not empty)
        if self.detail is None:  # «Velg en sak i listen» beside no list would puzzle
            self.case_heading().setText(
                tr("Sakene dine vises her når du har opprettet den første.")
                if empty
                else tr("Velg en sak i listen.")
            )

    def _first_employer(self) -> None:
        self.sections.setCurrentWidget(self.employers_view)
        self.employers_view.new_employer()

    def load_demo(self) -> None:
        work = LongWork(self, self.background, tr("Legger inn eksempelsakene …"), cancellable=False)
        self.long_work = work  # for tests
        workspace = self.workspace
        work.run(
            lambda progress: fill_demo_data(workspace),
            self._demo_loaded,
            lambda exc: self._work_failed(tr("Eksempelsakene ble ikke lagt inn"), exc),
        )

    def _demo_loaded(self, summary: str) -> None:
        self._reload_demo_ids()
        self.statusBar().showMessage(summary, 30_000)

    def _work_failed(self, title: str, exc: BaseException) -> None:
        if isinstance(exc, UserError):
            self.prompter.error(self, title, exc.message)
        else:
            self.crashes.report(exc, self)

    def _reload_demo_ids(self, *, refresh: bool = True) -> None:
        try:
            self.model.demo_ids = demo_case_ids(self.workspace)  # the bin's too, for the tag
            left = bool(self.model.demo_ids) and not count_demo_data(self.workspace).empty
        except UserError:
            self.model.demo_ids, left = frozenset(), False
        self.remove_demo_action.setEnabled(left)
        if refresh:
            self.apply_filters()
            if self.detail is not None:
                self.open_case(self.detail.case.id)  # its «DEMO» tag

    def remove_demo(self) -> None:
        if not self.confirm_leave():
            return
        with guard(self, tr("Demodata ble ikke fjernet")) as tried:
            found = count_demo_data(self.workspace)
        if tried.failed:
            return
        if found.empty:
            self.prompter.info(self, tr("Fjern demodata"), tr("Det er ingen demodata å fjerne."))
            self._reload_demo_ids()
            return
        text = (
            tr("Fjerne demodataene: {cases} og {employers}?").format(
                cases=plural(
                    found.cases, QT_TR_NOOP("%n eksempelsak"), QT_TR_NOOP("%n eksempelsaker")
                ),
                employers=plural(
                    found.employers,
                    QT_TR_NOOP("%n eksempelvirksomhet"),
                    QT_TR_NOOP("%n eksempelvirksomheter"),
                ),
            )
            + "\n\n"
            + tr(
                "Sakene du har laget selv, blir stående. Eksempelsakene legges i papirkurven "
                "(endringshistorikken slettes aldri), og de telles aldri i rapporten."
            )
        )
        if not self.prompter.confirm(self, tr("Fjern demodata"), text):
            return
        done = attempt(
            lambda: remove_demo_data(self.workspace),
            prompter=self.prompter,
            title=tr("Demodata ble ikke fjernet"),
            crashes=self.crashes,
            parent=self,
        )
        if done is None:
            return
        removed = done.value
        if self.detail is not None and self.detail.case.id in self.model.demo_ids:
            self.detail = None
            self.case_view.clear()
        self._reload_demo_ids()
        self.case_view.reload_employers()
        if self.sections.currentWidget() is self.employers_view:
            self.employers_view.reload()
        self._update_actions()
        self.statusBar().showMessage(
            tr("Demodata fjernet: {cases}, {employers}.").format(
                cases=plural(removed.cases, QT_TR_NOOP("%n sak"), QT_TR_NOOP("%n saker")),
                employers=plural(
                    removed.employers, QT_TR_NOOP("%n virksomhet"), QT_TR_NOOP("%n virksomheter")
                ),
            ),
            30_000,
        )

    def focus_list(self) -> None:
        """The keyboard to the case list, on the open case (or the first one)."""
        self.sections.setCurrentIndex(0)
        if self.start_guide.isVisible():
            self.start_guide.employer_button.setFocus()
            return
        self.table.setFocus()
        if not self.table.selectionModel().hasSelection() and self.model.rowCount():
            self.table.selectRow(0)

    def offer_restored_edits(self) -> None:
        """At start: edits an earlier session left unsaved (it crashed) are offered back."""
        offer_restore(self)
