"""A self-check of the window for the bundle's smoke test and CI on Windows and macOS,
where nobody can look at the screen: with TILLITSVALGT_GUI_CHECK=<file> the app starts as
usual, and once the window is shown and its case list read it writes what it sees to the
file as JSON and quits."""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMainWindow

CHECK_ENV = "TILLITSVALGT_GUI_CHECK"


def schedule(window: QMainWindow) -> None:
    target = os.environ.get(CHECK_ENV)
    if target:
        QTimer.singleShot(0, lambda: _report(window, Path(target)))


def _report(window: QMainWindow, target: Path) -> None:
    table = getattr(window, "table", None)
    model = table.model() if table is not None else None
    app = QApplication.instance()
    bundle = getattr(sys, "_MEIPASS", None)
    facts = {
        "shown_at": time.time(),  # wall clock, for start-up timing by whoever started us
        "title": window.windowTitle(),
        "visible": window.isVisible(),
        "platform": QGuiApplication.platformName(),
        "window_icon": not window.windowIcon().isNull(),
        "desktop_file": QGuiApplication.desktopFileName(),
        "cases_shown": model.rowCount() if model is not None else -1,
        "menus": [a.text() for a in window.menuBar().actions()],
        "qt_plugin_path_left": "QT_PLUGIN_PATH" in os.environ,
        # What xdg-open or a file viewer started from the window would inherit.
        "bundle_in_environment": sorted(
            k
            for k, v in os.environ.items()
            if k.startswith("_PYI_") or (bundle is not None and bundle in v)
        ),
        "welcome": getattr(window, "welcome_dialog", None) is not None,
        # Built just after the first paint, before the welcome and the day's duties.
        "case_view_built": getattr(window, "_case_view", None) is not None,
        # The libraries loaded by the time the window was painted (a start kept light).
        "packages": sorted({name.split(".")[0] for name in sys.modules}),
    }
    target.write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
    if app is not None:
        app.quit()
