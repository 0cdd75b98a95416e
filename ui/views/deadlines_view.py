"""Deadlines across all cases: what is overdue and what is coming, with «Merk som
overholdt» and «Forleng…». Everything goes through the workspace; the view keeps no
state of its own beyond what the list shows."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tillitsvalgt.errors import UserError
from tillitsvalgt.plural import number_text
from tillitsvalgt.rules.deadlines import WEEKDAYS, format_date, holiday_name, is_working_day
from tillitsvalgt.workspace import DeadlineCount, DeadlineRow, Workspace
from ui.accessibility import describe_inputs
from ui.context_menus import add_context_menu
from ui.date_input import DateInput
from ui.errors import CrashReporter, guard
from ui.i18n import QT_TR_NOOP, tr
from ui.i18n import count as plural
from ui.long_work import LongWork
from ui.models.deadline_table import PAGE, TITLE, WHAT, DeadlineTableModel
from ui.models.list_model import short_date
from ui.prompts import Prompter
from ui.views.case_tables import setup_table
from ui.widgets import ok_cancel
from ui.workers import Background

# The range choice: days ahead of today, None for every open deadline. Overdue deadlines
# are before today and so always inside the range.
RANGES: tuple[tuple[int | None, str], ...] = (
    (None, "Alle åpne"),
    (14, "Neste 14 dager"),
    (30, "Neste 30 dager"),
)
EXTEND_BY_DEFAULT = 7  # days, the dialog's first suggestion


def overdue_notice(rows: Sequence[DeadlineRow] | int) -> str | None:
    """A quiet one-line notice for the status bar when something is overdue, else None
    (from the rows, or from a count of the overdue ones)."""
    count = rows if isinstance(rows, int) else sum(1 for r in rows if r.overdue)
    if count == 0:
        return None
    return plural(
        count,
        QT_TR_NOOP("%n frist er oversittet – se Frister."),
        QT_TR_NOOP("%n frister er oversittet – se Frister."),
    )


def describe_day(day: date) -> str:
    """«mandag 4. januar 2027», with a warning when it is not a working day."""
    text = f"{WEEKDAYS[day.weekday()]} {format_date(day)}"
    try:
        working = is_working_day(day)
        holiday = holiday_name(day)
    except UserError:  # outside the holiday calendar: say nothing more
        return text
    if not working:
        why = holiday or WEEKDAYS[day.weekday()]
        text += " – " + tr("ikke en virkedag") + f" ({why})"
    return text


def off_day(day: date) -> str:
    """«Ikke en virkedag (lørdag)», or "" for a working day (or one outside the calendar)."""
    try:
        if is_working_day(day):
            return ""
        why = holiday_name(day) or WEEKDAYS[day.weekday()]
    except UserError:
        return ""
    return tr("Ikke en virkedag") + f" ({why})"


class ExtendDeadlineDialog(QDialog):
    """A new date and a reason. ``save(new_date, reason)`` is asked on OK and returns
    whether it was saved; the dialog closes only then, so a refused date can be fixed."""

    def __init__(
        self,
        row: DeadlineRow,
        *,
        save: Callable[[date, str | None], bool],
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.row = row
        self._save = save
        deadline = row.deadline
        self.setWindowTitle(tr("Forleng frist – sak ") + row.case_number)
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        about = QLabel(
            f"<b>{html.escape(row.case_number)}</b> {html.escape(row.case_title)}<br>"
            + html.escape(deadline.title)
            + "<br>"
            + html.escape(tr("Nåværende frist: ") + describe_day(deadline.due_on))
        )
        about.setTextFormat(Qt.TextFormat.RichText)
        about.setWordWrap(True)
        layout.addWidget(about)

        form = QFormLayout()
        # «i» is the workspace's today, as in every other date field
        self.new_date = DateInput(deadline.due_on + timedelta(days=EXTEND_BY_DEFAULT), today=today)
        self.new_date.setObjectName("newDate")
        self.new_date.setToolTip(tr("Den nye fristen; den må være etter den nåværende."))
        date_label = QLabel(tr("Ny &frist:"))
        date_label.setBuddy(self.new_date)
        form.addRow(date_label, self.new_date)
        self.day_hint = QLabel()
        self.day_hint.setObjectName("dayHint")
        form.addRow("", self.day_hint)
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.reason.setMaxLength(20_000)
        self.reason.setPlaceholderText(tr("f.eks. avtalt med arbeidsgiver i e-post 3. mars"))
        self.reason.setToolTip(tr("Hvorfor fristen flyttes, og hvem som ble enige om det."))
        reason_label = QLabel(tr("&Begrunnelse:"))
        reason_label.setBuddy(self.reason)
        form.addRow(reason_label, self.reason)
        layout.addLayout(form)

        buttons, self.ok_button = ok_cancel(self, tr("Forleng"))
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)

        self.new_date.changed.connect(self._date_changed)
        self._date_changed()
        self.new_date.setFocus()
        describe_inputs(self)

    def chosen_date(self) -> date | None:
        """The new date, or None while the text is not a date (the field says why)."""
        return self.new_date.value()

    def reason_text(self) -> str | None:
        return self.reason.text().strip() or None

    def _date_changed(self) -> None:
        # The field already says the weekday and date beside it; below it only what that
        # does not: that the day is not a working day.
        day = self.chosen_date()
        self.day_hint.setText(off_day(day) if day is not None else "")
        self.day_hint.setVisible(bool(self.day_hint.text()))
        self.ok_button.setEnabled(day is not None)

    def accept(self) -> None:
        day = self.chosen_date()
        if day is not None and self._save(day, self.reason_text()):
            super().accept()


class NewDeadlineDialog(QDialog):
    """A deadline set by hand on a case: which case, the date and what it is for.
    ``save(case, due_on, title)`` is asked on OK; the dialog closes only when it saved."""

    def __init__(
        self,
        case_number: str,
        *,
        today: Callable[[], date],
        save: Callable[[str, date, str], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self.setWindowTitle(tr("Ny frist"))
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.case = QLineEdit(case_number)
        self.case.setObjectName("deadlineCase")
        self.case.setPlaceholderText(tr("f.eks. 2026/7"))
        self.case.setToolTip(tr("Saksnummeret fristen hører til."))
        case_label = QLabel(tr("&Sak:"))
        case_label.setBuddy(self.case)
        form.addRow(case_label, self.case)
        self.due = DateInput(today() + timedelta(days=EXTEND_BY_DEFAULT), today=today)
        self.due.setObjectName("deadlineDue")
        due_label = QLabel(tr("&Frist:"))
        due_label.setBuddy(self.due)
        form.addRow(due_label, self.due)
        self.title = QLineEdit()
        self.title.setObjectName("deadlineTitle")
        self.title.setMaxLength(200)
        self.title.setPlaceholderText(tr("f.eks. Svar på krav om drøfting"))
        self.title.setToolTip(tr("Hva fristen gjelder, slik den skal stå i listen."))
        title_label = QLabel(tr("&Gjelder:"))
        title_label.setBuddy(self.title)
        form.addRow(title_label, self.title)
        layout.addLayout(form)
        buttons, self.ok_button = ok_cancel(self, tr("Sett &frist"))
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        (self.title if case_number else self.case).setFocus()
        describe_inputs(self)

    def accept(self) -> None:
        due = self.due.value()
        if due is not None and self._save(self.case.text().strip(), due, self.title.text()):
            super().accept()


class DeadlinesView(QWidget):
    """Open deadlines across all cases, soonest first; overdue ones marked."""

    case_activated = Signal(str)  # the case number, on double-click or «Åpne saken»
    deadlines_changed = Signal()  # after a deadline was marked met or extended

    def __init__(
        self,
        workspace: Workspace,
        *,
        prompter: Prompter,
        crashes: CrashReporter,
        parent: QWidget | None = None,
        load: bool = True,
        background: Background | None = None,
    ) -> None:
        """``load=False``: fetch nothing until ``refresh`` (the main window loads the list
        when its tab is first shown, not at start-up). ``background``: where a long list
        is counted (without one, on the spot)."""
        super().__init__(parent)
        self.workspace = workspace
        self.background = background
        self._reading = 0  # which refresh a count in the background belongs to
        self.prompter = prompter
        self.crashes = crashes
        self.extend_dialog: ExtendDeadlineDialog | None = None  # the open one, for tests
        self.new_dialog: NewDeadlineDialog | None = None
        self.current_case: Callable[[], str | None] = lambda: None  # the case open beside

        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.range = QComboBox()
        self.range.setObjectName("deadlineRange")
        for days, label in RANGES:
            self.range.addItem(tr(label), days)
        self.range.setToolTip(tr("Hvilke frister som vises. Oversittede frister vises alltid."))
        range_label = QLabel(tr("&Vis:"))
        range_label.setBuddy(self.range)
        top.addWidget(range_label)
        top.addWidget(self.range)
        top.addStretch(1)
        self.count = QLabel()
        self.count.setObjectName("deadlineCount")
        top.addWidget(self.count)
        layout.addLayout(top)

        self.model = DeadlineTableModel()
        # (Tab moves on to the buttons.)
        self.table = setup_table(
            QTableView(), self.model, "deadlineTable", wrap=False, tab_moves_on=True
        )
        self.table.setAccessibleName(tr("Frister"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(WHAT, QHeaderView.ResizeMode.Stretch)
        self.table.setToolTip(tr("Dobbeltklikk eller trykk Enter for å åpne saken."))
        layout.addWidget(self.table, 1)

        buttons = QHBoxLayout()
        self.met_button = QPushButton(tr("Merk som &overholdt"))
        self.met_button.setObjectName("markMet")
        self.met_button.setToolTip(
            tr("Fristen er overholdt i dag: den tas ut av listen og merkes med dagens dato.")
        )
        self.extend_button = QPushButton(tr("For&leng…"))
        self.extend_button.setObjectName("extend")
        self.extend_button.setToolTip(tr("Flytt fristen til en senere dato, med begrunnelse."))
        self.new_button = QPushButton(tr("&Ny frist…"))
        self.new_button.setObjectName("newDeadline")
        self.new_button.setToolTip(tr("Sett en frist for hånd på en sak."))
        self.cancel_button = QPushButton(tr("&Avlys"))
        self.cancel_button.setObjectName("cancelDeadline")
        self.cancel_button.setToolTip(
            tr("Fristen gjelder ikke lenger (kravet trukket, satt ved en feil): den tas ut.")
        )
        self.open_button = QPushButton(tr("Å&pne saken"))
        self.open_button.setObjectName("openCase")
        self.open_button.setToolTip(tr("Åpne saken fristen hører til (Enter)."))
        self.calendar_button = QPushButton(tr("Til &kalender …"))
        self.calendar_button.setObjectName("deadlinesToCalendar")
        self.calendar_button.setToolTip(
            tr(
                "Lagre fristene som en kalenderfil (.ics) med påminnelse to virkedager før. "
                "Importer den på nytt etter endringer: flyttede frister flyttes."
            )
        )
        self.calendar_button.clicked.connect(self.to_calendar)
        self.refresh_button = QPushButton(tr("Opp&dater"))
        self.refresh_button.setObjectName("refreshDeadlines")
        self.refresh_button.setToolTip(tr("Hent fristene på nytt."))
        for button in (
            self.met_button,
            self.extend_button,
            self.cancel_button,
            self.open_button,
            self.new_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.calendar_button)
        buttons.addWidget(self.refresh_button)
        layout.addLayout(buttons)
        self.message = QLabel()
        self.message.setObjectName("deadlineMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)

        self.table.installEventFilter(self)  # Enter opens the case
        self.range.currentIndexChanged.connect(self.refresh)
        self.table.doubleClicked.connect(self._double_clicked)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.met_button.clicked.connect(self.mark_met)
        self.extend_button.clicked.connect(self.extend)
        self.open_button.clicked.connect(self.open_selected)
        self.new_button.clicked.connect(lambda: self.new_deadline())
        add_context_menu(
            self.table,
            [
                self.met_button,
                self.extend_button,
                self.cancel_button,
                None,
                self.open_button,
                None,
                self.new_button,
            ],
        )
        self.cancel_button.clicked.connect(self.cancel_selected)
        self.refresh_button.clicked.connect(self.refresh)
        if load:
            self.refresh()

    # ---------------------------------------------------------------- loading

    def until(self) -> date | None:
        days = self.range.currentData()
        return None if days is None else self.workspace.today() + timedelta(days=int(days))

    def to_calendar(self) -> None:
        path = self.prompter.save_path(
            self, tr("Fristene til kalenderen"), Path.home() / "frister.ics", tr("Kalender (*.ics)")
        )
        if path is None:
            return
        if self.background is None:
            with guard(self, tr("Kalenderfilen ble ikke lagret")) as tried:
                live = self.workspace.write_calendar(path)
            if not tried.failed:
                self._calendar_written(live, path)
            return
        # In the background: every deadline ever set goes in (the settled ones as
        # cancelled, so a calendar drops them), and the calendar library writes ≈ 1 ms
        # each: a long-kept register's tens of thousands held the window for a minute.
        self.calendar_button.setEnabled(False)

        def done(live: int) -> None:
            self.calendar_button.setEnabled(True)
            self._calendar_written(live, path)

        def failed(exc: BaseException) -> None:
            self.calendar_button.setEnabled(True)
            if isinstance(exc, UserError):
                self.prompter.error(self, tr("Kalenderfilen ble ikke lagret"), exc.message)
            else:
                self.crashes.report(exc, self)

        work = LongWork(self, self.background, tr("Lagrer kalenderfilen …"), cancellable=False)
        work.run(lambda _progress: self.workspace.write_calendar(path), done, failed)

    def _calendar_written(self, live: int, path: Path) -> None:
        self.message.setText(
            plural(live, QT_TR_NOOP("%n åpen frist"), QT_TR_NOOP("%n åpne frister"))
            + tr(" lagret i ")
            + str(path)
            + tr(". Åpne filen i kalenderprogrammet ditt.")
        )

    def refresh(self) -> None:
        """Fetch the deadlines again, keeping the selection where it can. A page at a time:
        as many as were shown (so the selection stays), more as the list is scrolled."""
        kept = self.selected()
        row_before = self.table.currentIndex().row()
        until = self.until()
        wanted = max(PAGE, self.model.rowCount())
        with guard(self, tr("Kan ikke vise fristene")) as tried:
            rows = self.workspace.open_deadlines(until, limit=wanted + 1)
        if tried.failed:
            return
        complete = len(rows) <= wanted
        self.model.set_rows(
            rows[:wanted],
            self.workspace.today(),
            more=None if complete else (lambda last: self._more(until, last)),
        )
        self._reading += 1
        if complete:
            overdue = sum(1 for r in self.model.rows if r.overdue)
            self._show_count(DeadlineCount(len(self.model.rows), overdue))
        else:
            self._count(until)
        again = self.model.row_of(kept.deadline.id) if kept else None
        if again is None and kept is not None and self.model.rowCount():
            again = min(max(row_before, 0), self.model.rowCount() - 1)  # the next one
        if again is not None:
            self.table.selectRow(again)
        self._update_buttons()

    def _more(self, until: date | None, last: DeadlineRow) -> list[DeadlineRow]:
        with guard(self, tr("Kan ikke vise flere frister")) as tried:
            return self.workspace.open_deadlines(until, after=last, limit=PAGE)
        assert tried.failed
        return []  # (the list then counts as complete: it stops asking)

    def _count(self, until: date | None) -> None:
        """The count of a list longer than its first page: in the background when there
        is one (an office's 100 000 deadlines take a while to count), then shown if the
        list is still the one it was counted for."""
        reading = self._reading
        self.count.setText(tr("Teller fristene …"))

        def show(counted: DeadlineCount) -> None:
            if reading == self._reading:
                self._show_count(counted)

        if self.background is None:
            with guard(self, tr("Kan ikke telle fristene")) as tried:
                counted = self.workspace.count_open_deadlines(until)
            if not tried.failed:
                show(counted)
            return

        def failed(exc: BaseException) -> None:
            if reading != self._reading:
                return
            if isinstance(exc, UserError):
                self.count.setText(tr("Kan ikke telle fristene: ") + exc.message)
            else:
                self.crashes.report(exc)

        self.background.submit(lambda: self.workspace.count_open_deadlines(until), show, failed)

    def _show_count(self, counted: DeadlineCount) -> None:
        if not counted.listed:
            self.count.setText(tr("Ingen åpne frister"))
            return
        many = (
            (QT_TR_NOOP("over %n frist"), QT_TR_NOOP("over %n frister"))
            if counted.listed_capped
            else (QT_TR_NOOP("%n frist"), QT_TR_NOOP("%n frister"))
        )
        text = plural(counted.listed, *many)
        if counted.overdue:
            late = QT_TR_NOOP("over %n oversittet") if counted.overdue_capped else None
            text += ", " + (
                plural(counted.overdue, late, late)
                if late
                else f"{number_text(counted.overdue)} " + tr("oversittet")
            )
        self.count.setText(text)

    def selected(self) -> DeadlineRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        for button in (self.met_button, self.extend_button, self.cancel_button, self.open_button):
            button.setEnabled(chosen)

    # ---------------------------------------------------------------- actions

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter or Return on the list opens the chosen deadline's case."""
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self.selected() is not None
        ):
            self.open_selected()
            return True
        return super().eventFilter(watched, event)

    def _double_clicked(self, index: QModelIndex) -> None:
        row = self.model.row_at(index.row())
        if row is not None:
            self.case_activated.emit(row.case_number)

    def open_selected(self) -> None:
        row = self.selected()
        if row is not None:
            self.case_activated.emit(row.case_number)

    def mark_met(self) -> None:
        row = self.selected()
        if row is None:
            return
        today = self.workspace.today()
        try:
            self.workspace.mark_deadline_met(row.deadline.id, today)
        except UserError as exc:
            self.prompter.error(self, tr("Fristen ble ikke merket"), exc.message)
            self.refresh()
            return
        except Exception as exc:
            self.crashes.report(exc, self)
            return
        self.message.setText(
            tr("Fristen «")
            + row.deadline.title
            + tr("» i sak ")
            + row.case_number
            + tr(" er merket som overholdt ")
            + short_date(today)
            + "."
        )
        self.refresh()
        self.deadlines_changed.emit()

    def extend(self) -> None:
        row = self.selected()
        if row is None:
            return
        dialog = ExtendDeadlineDialog(
            row,
            save=lambda day, reason: self._extend(row, day, reason),
            today=self.workspace.today,
            parent=self,
        )
        self.extend_dialog = dialog
        dialog.finished.connect(lambda _: self._dialog_closed(dialog))
        dialog.open()

    def _dialog_closed(self, dialog: ExtendDeadlineDialog) -> None:
        if self.extend_dialog is dialog:
            self.extend_dialog = None
        dialog.deleteLater()

    def _extend(self, row: DeadlineRow, new_due_on: date, reason: str | None) -> bool:
        try:
            self.workspace.extend_deadline(row.deadline.id, new_due_on, reason)
        except UserError as exc:
            self.prompter.error(
                self.extend_dialog or self, tr("Fristen ble ikke forlenget"), exc.message
            )
            return False
        except Exception as exc:
            self.crashes.report(exc, self)
            return False
        self.message.setText(
            tr("Fristen i sak ")
            + row.case_number
            + tr(" er flyttet til ")
            + short_date(new_due_on)
            + "."
        )
        self.refresh()
        self.deadlines_changed.emit()
        return True

    def new_deadline(self, case_number: str | None = None) -> None:
        chosen = self.selected()
        number = case_number or self.current_case() or (chosen.case_number if chosen else "")
        dialog = NewDeadlineDialog(number, today=self.workspace.today, save=self._add, parent=self)
        self.new_dialog = dialog
        dialog.open()

    def _add(self, case_number: str, due_on: date, title: str) -> bool:
        if not case_number:
            self.prompter.error(
                self.new_dialog or self, tr("Fristen er ikke satt"), tr("Skriv saksnummeret.")
            )
            return False
        with guard(self, tr("Fristen er ikke satt"), parent=self.new_dialog or self) as tried:
            self.workspace.add_deadline(case_number, due_on, title)
        if tried.failed:
            return False
        self.message.setText(
            tr("Ny frist i sak ") + case_number + ": " + short_date(due_on) + " – " + title
        )
        self.refresh()
        self.deadlines_changed.emit()
        return True

    def cancel_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        if not self.prompter.confirm(
            self,
            tr("Avlys frist"),
            tr("Avlyse fristen «")
            + row.deadline.title
            + tr("» i sak ")
            + row.case_number
            + tr("? Den tas ut av listene og telles ikke som oversittet."),
        ):
            return
        try:
            self.workspace.cancel_deadline(row.deadline.id)
        except UserError as exc:
            self.prompter.error(self, tr("Fristen er ikke avlyst"), exc.message)
            self.refresh()
            return
        except Exception as exc:
            self.crashes.report(exc, self)
            return
        self.message.setText(
            tr("Fristen «") + row.deadline.title + tr("» i sak ") + row.case_number
            + tr(" er avlyst.")
        )  # fmt: skip
        self.refresh()
        self.deadlines_changed.emit()
