"""The one date field of the window: a text box that reads what people type (15.10.2026,
15.10.26, 1.2.26, 151026, «i» for today; ``tillitsvalgt.rules.date_text``), says beside it
which date it understood, and a calendar button. It replaces ``QDateEdit``, whose sections
jump on their own: typing 15.10.2026 into one skipped the month and saved 15.12.2026.

A text it cannot read is never turned into some other date: ``value()`` is then None and
``problem()`` says what to fix; ``checked_value()`` raises the Norwegian message, so a dialog's
save refuses it the way it refuses any other bad input."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QSizePolicy,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from tillitsvalgt.errors import Problem, ValidationError
from tillitsvalgt.rules.date_text import DateTextError, format_date_text, parse_date_text
from tillitsvalgt.rules.deadlines import format_weekday_date
from ui import palette
from ui.i18n import tr

ERROR_STYLE = palette.ERROR_STYLE
TYPING_STYLE = "color: #7a6a00"  # a text not (yet) a date while it is being typed
ECHO_STYLE = "color: #404040"


class _Line(QLineEdit):
    """Selects everything when focused by mouse too, so typing replaces the old date."""

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        QTimer.singleShot(0, self.selectAll)


def _capital(text: str) -> str:
    """A label of its own starts with a capital: «Mandag 4. mai 2026», «November har …»."""
    return text[:1].upper() + text[1:]


class DateInput(QWidget):
    """A date field; ``optional`` ones may be left empty (unknown)."""

    changed = Signal()  # the understood date changed (or became unreadable)

    def __init__(
        self,
        value: date | None = None,
        *,
        optional: bool = False,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.optional = optional
        self._today = today
        self._value: date | None = None
        self._problem: str | None = None
        self.calendar: QCalendarWidget | None = None  # the open calendar (for the tests)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.line = _Line()
        self.line.setObjectName("dateText")
        self.line.setMaxLength(40)
        self.line.setPlaceholderText(tr("dd.mm.åååå") if not optional else tr("Ukjent"))
        self.line.setMinimumWidth(self.line.fontMetrics().horizontalAdvance("00.00.00000") + 16)
        self.line.setMaximumWidth(self.line.fontMetrics().horizontalAdvance("00.00.00000") * 2)
        self.line.setToolTip(
            tr(
                "Skriv datoen slik du vil: 15.10.2026, 15.10.26, 1.2.26 eller 151026. "
                "«i» gir dagens dato, «+14» datoen om 14 dager, pil opp/ned en dag fram eller "
                "tilbake, Alt+pil ned kalenderen. Ved siden av står datoen programmet forsto."
            )
            + (tr(" La feltet stå tomt når datoen ikke er kjent.") if optional else "")
        )
        self.button = QToolButton()
        self.button.setObjectName("dateCalendar")
        self.button.setText("▾")
        self.button.setToolTip(tr("Velg i kalenderen (Alt+Pil ned)"))
        self.button.setAccessibleName(tr("Kalender"))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.clicked.connect(self.show_calendar)
        self.echo = QLabel()
        self.echo.setObjectName("dateEcho")
        self.echo.setStyleSheet(ECHO_STYLE)
        # The words may be cut in a narrow window rather than widen it (the whole text is
        # the tooltip and the screen reader's description).
        self.echo.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.echo.setMinimumWidth(0)
        layout.addWidget(self.line)
        layout.addWidget(self.button)
        layout.addWidget(self.echo, 1)
        self.setFocusProxy(self.line)
        self.line.textChanged.connect(self._read)
        self.line.editingFinished.connect(self._tidy)
        self.line.installEventFilter(self)
        self.set_value(value)

    # ---------------------------------------------------------------- values

    def value(self) -> date | None:
        """The date understood; None when empty or unreadable (see ``problem``)."""
        return self._value

    def problem(self) -> str | None:
        """What is wrong with the text, or None (an empty optional field is fine)."""
        return self._problem

    def checked_value(self) -> date | None:
        """The date, or a ``ValidationError`` naming this field when the text is not one."""
        if self._problem is not None:
            self.reveal()
            raise ValidationError([Problem(self.label(), self._problem)])
        return self._value

    def reveal(self) -> None:
        """Show a problem in red now (a save was tried), also while the field is typed in."""
        if self._problem is not None:
            self.echo.setStyleSheet(ERROR_STYLE)

    def set_today(self, today: Callable[[], date]) -> None:
        """Where «i» and «+14» count from (the workspace's today, which tests can fix)."""
        self._today = today

    def label(self) -> str:
        return self.accessibleName() or tr("Dato")

    def set_value(self, value: date | None) -> None:
        self.line.setText(format_date_text(value) if value is not None else "")
        self._read()

    # ---------------------------------------------------------------- reading

    def _read(self) -> None:
        text = self.line.text()
        before = (self._value, self._problem)
        if not text.strip() and self.optional:
            self._value, self._problem = None, None
            self.echo.setText(tr("Ukjent"))
            self.echo.setStyleSheet(ECHO_STYLE)
        else:
            try:
                self._value, self._problem = parse_date_text(text, self._today()), None
                self.echo.setText(_capital(format_weekday_date(self._value)))
                self.echo.setStyleSheet(ECHO_STYLE)
            except DateTextError as exc:
                self._value, self._problem = None, str(exc)
                self.echo.setText(_capital(str(exc)))
                # Half-typed («15.1») is not yet wrong: red only once the field is left.
                self.echo.setStyleSheet(TYPING_STYLE if self.line.hasFocus() else ERROR_STYLE)
        self.line.setAccessibleDescription(self.echo.text())
        self.echo.setToolTip(self.echo.text())
        if (self._value, self._problem) != before:
            self.changed.emit()

    def _tidy(self) -> None:
        """Leaving the field shows the date in full (1.2.26 -> 01.02.2026), or its problem
        in red."""
        self.reveal()
        if self._value is not None:
            tidy = format_date_text(self._value)
            if self.line.text() != tidy:
                self.line.setText(tidy)

    # ---------------------------------------------------------------- calendar

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.line and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            alt = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
            if event.key() == Qt.Key.Key_Down and alt:
                self.show_calendar()
                return True
            if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not alt:
                # A day later or earlier, from the date shown (or today), as a date box does.
                step = 1 if event.key() == Qt.Key.Key_Up else -1
                start = self._value or self._today()
                with contextlib.suppress(OverflowError):  # past year 9999: stay
                    self.set_value(start + timedelta(days=step))
                return True
        return super().eventFilter(watched, event)

    def show_calendar(self) -> None:
        menu = QMenu(self)
        calendar = QCalendarWidget()
        calendar.setLocale(QLocale(QLocale.Language.NorwegianBokmal, QLocale.Country.Norway))
        calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.ISOWeekNumbers)
        shown = self._value or self._today()
        calendar.setSelectedDate(QDate(shown.year, shown.month, shown.day))
        action = QWidgetAction(menu)
        action.setDefaultWidget(calendar)
        menu.addAction(action)

        def chosen(day: QDate) -> None:
            self.set_value(date(day.year(), day.month(), day.day()))
            menu.close()
            self.line.setFocus()

        calendar.activated.connect(chosen)
        calendar.clicked.connect(chosen)
        self.calendar = calendar
        menu.popup(self.button.mapToGlobal(self.button.rect().bottomLeft()))
        calendar.setFocus()


def date_problems(root: QWidget) -> list[tuple[DateInput, str]]:
    """Every visible, enabled date field under ``root`` whose text is not a date."""
    return [
        (field, problem)
        for field in root.findChildren(DateInput)
        if (problem := field.problem()) is not None and field.isEnabled() and not field.isHidden()
    ]
