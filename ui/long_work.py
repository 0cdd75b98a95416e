"""Long work (import, export, backup) off the GUI thread, with a progress bar and — where
the work can stop cleanly — a cancel button. Built on ``Background``: the result and any
error come back on the GUI thread."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from ui.i18n import tr
from ui.workers import Background

Progress = Callable[[int, int], bool]


class _Relay(QObject):
    # Emitted from the worker thread; delivered on the GUI thread (queued).
    step = Signal(int, int)


class LongWork:
    """One piece of long work and its progress dialog."""

    def __init__(
        self,
        parent: QWidget,
        background: Background,
        title: str,
        *,
        cancellable: bool,
    ) -> None:
        self.background = background
        self.cancelled = threading.Event()
        self.dialog = QProgressDialog(title, tr("Avbryt") if cancellable else "", 0, 0, parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(300)  # quick work shows no dialog at all
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        if not cancellable:
            self.dialog.setCancelButton(None)
        self.dialog.canceled.connect(self.cancelled.set)
        self._relay = _Relay()
        self._relay.step.connect(self._show_step)

    def _show_step(self, done: int, total: int) -> None:
        self.dialog.setMaximum(max(total, 1))
        self.dialog.setValue(done)

    def progress(self, done: int, total: int) -> bool:
        """For the work function (any thread): report, and learn whether to go on."""
        self._relay.step.emit(done, total)
        return not self.cancelled.is_set()

    def run(
        self,
        work: Callable[[Progress], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        def finished(result: Any) -> None:
            self.dialog.close()
            on_done(result)

        def failed(exc: BaseException) -> None:
            self.dialog.close()
            on_error(exc)

        self.dialog.setValue(0)  # starts the clock: the dialog shows if the work takes long
        self.background.submit(lambda: work(self.progress), finished, failed)
