"""Errors in two tiers: what the user can fix (``UserError``: a locked database, a missing
template, an unwritable path, a value the case lacks) is a plain Norwegian message; anything
else is a bug and opens the crash dialog with the details to send on. Tests switch the
dialog off (``CrashReporter(enabled=False)``), and then a bug is raised again so the test
fails instead of a window waiting for a click."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType
from typing import Generic, Protocol, TypeVar, cast

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tillitsvalgt.crash_report import crash_report
from tillitsvalgt.errors import UserError
from ui.accessibility import describe_inputs
from ui.i18n import tr
from ui.prompts import Prompter

T = TypeVar("T")


class CrashDialog(QDialog):
    def __init__(self, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Uventet feil"))
        self.setMinimumSize(560, 360)
        layout = QVBoxLayout(self)
        label = QLabel(
            tr(
                "Det skjedde en feil i Tillitsvalgt som ikke skulle skjedd. Det du har lagret, "
                "er i behold; det du holdt på med nå, ble ikke lagret. Kopier detaljene og "
                "send dem til den som drifter programmet."
            )
        )
        label.setWordWrap(True)
        layout.addWidget(label)
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        self.details.setAccessibleName(tr("Detaljer om feilen"))
        layout.addWidget(self.details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = QPushButton(tr("Kopier detaljene"))
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(details))
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        describe_inputs(self)


class CrashReporter:
    def __init__(self, prompter: Prompter, *, enabled: bool = True) -> None:
        self.prompter = prompter
        self.enabled = enabled

    def report(self, exc: BaseException, parent: QWidget | None = None) -> None:
        if isinstance(exc, UserError):
            self.prompter.error(parent, tr("Kan ikke fullføre"), exc.message)
            return
        if not self.enabled:
            raise exc
        # Meant to be copied and sent on: types and places only, as in the log file.
        details = crash_report(exc)
        CrashDialog(details, parent).exec()

    def install(self) -> None:
        """Route exceptions that escape a slot here instead of to stderr."""

        def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
            if not self.enabled:
                sys.__excepthook__(kind, exc, tb)
                return
            self.report(exc.with_traceback(tb))

        sys.excepthook = hook


@dataclass(frozen=True)
class Done(Generic[T]):
    """An action that went through, with what it returned (true, as ``None`` is not)."""

    value: T


class Guard:
    """A user's action in the two tiers, as a ``with`` block: what the user can fix goes to
    the dialog's ``message`` line (the dialog stays open with everything typed) or, where
    there is no such line, to an error box headed ``title``; anything else to the crash
    dialog. Either way the block ends there and ``failed`` is True::

        with guard(self, tr("Kan ikke vise saken")) as tried:
            detail = self.workspace.case_detail(case_id)
        if tried.failed:
            return
    """

    def __init__(
        self,
        *,
        crashes: CrashReporter,
        parent: QWidget | None,
        message: QLabel | None = None,
        prompter: Prompter | None = None,
        title: str = "",
    ) -> None:
        if message is None and prompter is None:
            raise TypeError("a guard needs a message line or a prompter")
        self.crashes = crashes
        self.parent = parent
        self.message = message
        self.prompter = prompter
        self.title = title
        self.failed = False

    def __enter__(self) -> Guard:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> bool:
        if exc is None or not isinstance(exc, Exception):
            return False  # done, or an interrupt that must go on
        self.failed = True
        if isinstance(exc, UserError):
            if self.message is not None:
                self.message.setText(exc.message)
            elif self.prompter is not None:
                self.prompter.error(self.parent, self.title, exc.message)
        else:
            self.crashes.report(exc, self.parent)
        return True


class Guarded(Protocol):
    """A view or dialog that shows questions and errors (it holds both services)."""

    prompter: Prompter
    crashes: CrashReporter


def guard(owner: Guarded, title: str, *, parent: QWidget | None = None) -> Guard:
    """``Guard`` with ``owner``'s prompt service and crash reporter; errors shown over
    ``parent`` (default: ``owner`` itself)."""
    return Guard(
        crashes=owner.crashes,
        parent=parent if parent is not None else cast(QWidget, owner),
        prompter=owner.prompter,
        title=title,
    )


def attempt(
    action: Callable[[], T],
    *,
    crashes: CrashReporter,
    parent: QWidget,
    message: QLabel | None = None,
    prompter: Prompter | None = None,
    title: str = "",
) -> Done[T] | None:
    """``action`` run under a ``Guard``: ``Done`` with its value when it went through,
    else None."""
    with Guard(crashes=crashes, parent=parent, message=message, prompter=prompter, title=title):
        return Done(action())
    return None  # (reached only when the guard took the error)
