"""Work the start leaves until the window is on screen (ui.first_paint): it runs once, after
the window's first paint, or after the fallback when the window is never painted; and the
cyclic collector, switched off for the start, is back on afterwards."""

from __future__ import annotations

import gc

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from ui.first_paint import AfterFirstPaint, after_first_paint, collector_back


def test_the_work_waits_for_the_first_paint_and_runs_once(qtbot: QtBot) -> None:
    window = QLabel("Tillitsvalgt")
    qtbot.addWidget(window)
    ran: list[str] = []
    painted: list[bool] = []
    original = window.paintEvent

    def paint(event: object) -> None:
        painted.append(True)
        original(event)  # type: ignore[arg-type]

    window.paintEvent = paint  # type: ignore[method-assign]
    after_first_paint(window, [lambda: ran.append("welcome"), lambda: ran.append("duties")])
    qtbot.wait(50)
    assert ran == []  # not shown, not painted: nothing yet
    window.show()
    qtbot.waitUntil(lambda: ran == ["welcome", "duties"], timeout=3000)
    assert painted  # it came after a paint
    window.update()
    window.repaint()
    qtbot.wait(50)
    assert ran == ["welcome", "duties"]  # once


def test_a_window_never_painted_still_gets_the_work(qtbot: QtBot) -> None:
    window = QLabel("Tillitsvalgt")
    qtbot.addWidget(window)
    ran: list[str] = []
    after_first_paint(window, [lambda: ran.append("duties")], fallback_ms=100)
    qtbot.waitUntil(lambda: ran == ["duties"], timeout=3000)
    assert not window.isVisible()


def test_painted_before_it_was_armed_runs_at_once(qtbot: QtBot) -> None:
    """The window painted while the start was still busy (a modal question about unsaved
    edits): arming runs the work on the next turn, not after the fallback."""
    window = QLabel("Tillitsvalgt")
    qtbot.addWidget(window)
    ran: list[str] = []
    later = AfterFirstPaint(window, [lambda: ran.append("welcome")], fallback_ms=60_000)
    window.show()
    qtbot.waitUntil(lambda: later.painted, timeout=3000)
    qtbot.wait(50)
    assert ran == []  # painted, but not armed yet
    later.arm()
    qtbot.waitUntil(lambda: ran == ["welcome"], timeout=1000)


def test_the_collector_comes_back_on() -> None:
    gc.disable()
    try:
        collector_back()
        assert gc.isenabled()
        assert gc.get_freeze_count() > 0  # the start's objects are left out of later passes
    finally:
        gc.unfreeze()
        gc.enable()
