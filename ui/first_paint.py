"""Work the start can leave until the window is on screen.

What the user waits for at start is the painted window with its case list; the welcome
dialog, the daily backup and verdicts (a background thread, which would share the
interpreter with the window while it is built) and the collector can come a moment later.
``after_first_paint`` runs them on the turn of the event loop after the window's first
paint, or after ``FALLBACK_MS`` if the window is never painted (started minimised)."""

from __future__ import annotations

import gc
from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

FALLBACK_MS = 3000


class AfterFirstPaint(QObject):
    """Watches ``window`` for its first paint from the moment it is made (make it before
    ``show``); ``arm`` says the start is ready for the callbacks, which then run on the turn
    of the event loop after that paint (at once if it has been painted already, say while a
    modal question was open), or after ``fallback_ms``."""

    def __init__(
        self,
        window: QWidget,
        callbacks: Sequence[Callable[[], None]],
        *,
        fallback_ms: int = FALLBACK_MS,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.callbacks = list(callbacks)
        self.fallback_ms = fallback_ms
        self.painted = False
        self.armed = False
        window.installEventFilter(self)

    def arm(self) -> None:
        self.armed = True
        QTimer.singleShot(self.fallback_ms, self, self.run)
        if self.painted:
            QTimer.singleShot(0, self, self.run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True
            self.window.removeEventFilter(self)
            if self.armed:
                QTimer.singleShot(0, self, self.run)  # once this paint has been handled
        return False

    def run(self) -> None:
        """The callbacks, once (the paint and the fallback both lead here)."""
        callbacks, self.callbacks = self.callbacks, []
        for callback in callbacks:
            callback()


def after_first_paint(
    window: QWidget, callbacks: Sequence[Callable[[], None]], *, fallback_ms: int = FALLBACK_MS
) -> AfterFirstPaint:
    """``callbacks`` after ``window``'s first paint (armed at once)."""
    later = AfterFirstPaint(window, callbacks, fallback_ms=fallback_ms)
    later.arm()
    return later


def collector_back() -> None:
    """The cyclic garbage collector, switched off for the start by ``ui.__main__`` (it
    walked the imported modules' objects over and over: ≈ 10 % of the start), back on. What
    the start made is collected once and then frozen: it lives as long as the window, and
    later collections (between keystrokes) need not walk it again."""
    if gc.isenabled():
        return
    gc.collect()
    gc.freeze()
    gc.enable()
