"""The window the autosave test kills: ``python tests/autosave_worker.py DATA_DIR SETTINGS``.

It opens the app's main window (offscreen) over DATA_DIR, opens case 2026/3, types into its
title and report summary with real keystrokes, waits until the autosave file is written,
says ``typed`` on stdout and then waits to be killed (SIGKILL: no close event, no save)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QSettings
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tillitsvalgt.workspace import Workspace
from ui.errors import CrashReporter
from ui.main_window import MainWindow
from ui.prompts import ScriptedPrompter

TITLE_ADDITION = " - ny etasje"  # keyClicks types ASCII only
SUMMARY = "Ledelsen vil fjerne faste plasser; vi krevde drofting."


def main() -> None:
    data_dir, settings_file = sys.argv[1], sys.argv[2]
    app = QApplication([])
    workspace = Workspace.open(data_dir=data_dir)
    prompter = ScriptedPrompter()
    window = MainWindow(
        workspace,
        prompter=prompter,
        crashes=CrashReporter(prompter, enabled=False),
        settings=QSettings(settings_file, QSettings.Format.IniFormat),
    )
    window.show()
    window.show_case("2026/3")
    form = window.case_view.form
    form.title.setFocus()
    form.title.end(False)
    QTest.keyClicks(form.title, TITLE_ADDITION)
    QTest.keyClicks(form.report_summary, SUMMARY)
    file = window.autosave.path(f"case-{window.detail.case.id}")  # type: ignore[union-attr]
    deadline = time.monotonic() + 20
    while not file.exists() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    print("typed" if file.exists() else "not written", flush=True)
    while True:  # until killed
        app.processEvents()
        time.sleep(0.05)


if __name__ == "__main__":
    main()
