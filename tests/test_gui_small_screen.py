"""A small laptop: the main window (on every tab) and every dialog fit a 1024×700 screen,
and nothing in them scrolls sideways there. Run once more with ``QT_SCALE_FACTOR=1.5`` (a
1536×1050 panel at 150 %, which gives the same 1024×700 logical pixels) the same holds:
Qt scales fonts and widgets alike, so the logical sizes must not grow. pytest-qt, offscreen;
``TILLITSVALGT_SCREENSHOTS=DIR`` also saves what each one looks like there."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from tillitsvalgt.workspace import Workspace

from helpers.gui import make_window
from helpers.gui_tour import tour

TODAY = date(2026, 12, 6)
SCREEN = QSize(1024, 700)  # logical pixels: also 1536×1050 at 150 %
FRAME = QSize(0, 32)  # what the window manager adds: a title bar (not drawn offscreen)


def sideways(root: QWidget) -> list[str]:
    """The scroll areas in ``root`` that show a horizontal scroll bar."""
    found = []
    for area in root.findChildren(QAbstractScrollArea):
        if not area.isVisibleTo(root) or area.width() <= 0:
            continue
        bar = area.horizontalScrollBar()
        if bar.isVisibleTo(root) and bar.maximum() > 0:
            found.append(f"{type(area).__name__} {area.objectName()!r} ({bar.maximum()} px)")
    return found


def test_every_window_fits_1024_by_700_without_sideways_scrolling(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    window = make_window(qtbot, workspace, tmp_path)
    window.resize(SCREEN - FRAME)
    shots = os.environ.get("TILLITSVALGT_SCREENSHOTS")
    scale = QApplication.primaryScreen().devicePixelRatio()
    assert scale == float(os.environ.get("QT_SCALE_FACTOR", "1"))  # the scale asked for
    problems: list[str] = []
    seen = 0
    for name, root in tour(qtbot, window):
        seen += 1
        hint = root.minimumSizeHint().expandedTo(root.minimumSize())
        if hint.width() > SCREEN.width() or hint.height() + FRAME.height() > SCREEN.height():
            problems.append(f"{name}: needs at least {hint.width()}×{hint.height()}")
        if isinstance(root, QDialog):
            # As big as it wants, but never bigger than the screen.
            root.resize(root.sizeHint().boundedTo(SCREEN - FRAME).expandedTo(hint))
        QApplication.processEvents()
        problems += [f"{name}: {what} scrolls sideways" for what in sideways(root)]
        if shots:
            slug = re.sub(r"\W+", "-", name).strip("-").lower()
            root.grab().save(f"{shots}/small-{scale:g}x-{seen:02d}-{slug}.png")
    assert seen > 15
    assert not problems, "\n".join(problems)


def test_the_same_at_150_percent(tmp_path: Path) -> None:
    """The walk above once more in a process of its own at 150 % (Qt reads the scale when
    it starts, so not in this process)."""
    test = (
        f"{Path(__file__).resolve()}::test_every_window_fits_1024_by_700_without_sideways_scrolling"
    )
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", test],
        env={**os.environ, "QT_SCALE_FACTOR": "1.5", "QT_QPA_PLATFORM": "offscreen"},
        cwd=Path(__file__).resolve().parent.parent,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "1 passed" in done.stdout
