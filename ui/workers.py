"""The one sanctioned way to run work off the GUI thread and get the result back on it.

``Background.submit(fn, on_done, on_error)`` runs ``fn`` in Qt's thread pool; the result
(or the exception) comes back through a queued signal, so the callbacks always run on the
GUI thread, where widgets may be touched. Errors a user can fix (``UserError``) go to
``on_error``; anything else too, and the caller decides (the main window shows the crash
dialog)."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

T = TypeVar("T")


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.fn = fn
        self.signals = _Signals()

    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as exc:  # handed to the GUI thread
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


class _Ahead(QRunnable):
    def __init__(self, fn: Callable[[], Any], future: Future[Any]) -> None:
        super().__init__()
        self.fn = fn
        self.future = future

    def run(self) -> None:
        try:
            self.future.set_result(self.fn())
        except BaseException as exc:  # raised again by result(), on the GUI thread
            self.future.set_exception(exc)


class Background(QObject):
    """Runs jobs in a thread pool; counts the ones running so tests can wait for them."""

    idle = Signal()

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self.pool = pool or QThreadPool.globalInstance()
        self.running = 0
        self._jobs: set[_Job] = set()

    def submit(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        *,
        context: QObject | None = None,
    ) -> None:
        """Run ``fn`` off the GUI thread; ``on_done``/``on_error`` run on the GUI thread,
        unless ``context`` (the widget the result is for) was closed and deleted first."""
        job = _Job(fn)
        job.setAutoDelete(False)  # kept in _jobs until its signal has been delivered
        self._jobs.add(job)
        self.running += 1

        def finish(callback: Callable[[Any], None], value: Any) -> None:
            self._jobs.discard(job)
            self.running -= 1
            try:
                if context is None or shiboken6.isValid(context):
                    callback(value)
            finally:
                if not self.running and shiboken6.isValid(self):
                    self.idle.emit()

        job.signals.done.connect(lambda value: finish(on_done, value))
        job.signals.failed.connect(lambda exc: finish(on_error, exc))
        self.pool.start(job)

    def ahead(self, fn: Callable[[], T]) -> Future[T] | None:
        """Begin ``fn`` off the GUI thread for a result the GUI thread will wait for a
        moment later (``result()``, which raises what ``fn`` raised). For work the GUI
        thread would otherwise do in a row with its own: the start reads the first page of
        the list while it builds the window, and a database waits without holding Python's
        lock. ``result()`` blocks the event loop, so only for a result needed before it
        runs again. None when every thread of the pool is busy: the GUI thread then does
        the work itself when it needs it, rather than wait behind other work."""
        future: Future[T] = Future()
        job = _Ahead(fn, future)
        job.setAutoDelete(True)
        return future if self.pool.tryStart(job) else None
