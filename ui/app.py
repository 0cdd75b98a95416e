"""Starting the desktop app: one QApplication, the workspace, the main window."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QThreadPool
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from tillitsvalgt import paths, settings
from tillitsvalgt.child_process import BOOTLOADER_PREFIXES, QT_PATHS, bundle_folder
from tillitsvalgt.errors import UserError
from tillitsvalgt.workspace import Workspace
from ui.errors import CrashReporter
from ui.first_paint import AfterFirstPaint, collector_back
from ui.head_start import HeadStart
from ui.i18n import LANGUAGE_ENV, choose_language, install_language
from ui.list_memory import APPLICATION, ORGANISATION
from ui.main_window import MainWindow
from ui.prompts import QtPrompter
from ui.self_check import schedule as schedule_self_check

# The Linux desktop entry and Wayland app id (packaging/no.tillitsvalgt.Tillitsvalgt.desktop).
DESKTOP_FILE = "no.tillitsvalgt.Tillitsvalgt"


def _identity() -> None:
    QApplication.setWindowIcon(QIcon(str(paths.resource_path("icons", "tillitsvalgt.png"))))
    QGuiApplication.setDesktopFileName(DESKTOP_FILE)
    if bundle_folder():
        # PyInstaller pointed Qt's plugin path into the bundle; Qt has read it by now, and
        # programs the app starts (xdg-open, a KDE or LibreOffice using its own Qt) must not.
        QCoreApplication.libraryPaths()
        for name in [*QT_PATHS, *(k for k in os.environ if k.startswith(BOOTLOADER_PREFIXES))]:
            os.environ.pop(name, None)


def window_language(data_dir: str | None) -> str:
    """The setting «language», else TILLITSVALGT_LANGUAGE, else the system's language. A
    settings file that cannot be read is reported when the workspace opens; here it only
    means the system's choice."""
    try:
        setting = settings.load(data_dir).get("language")
    except UserError:
        setting = None
    return choose_language(setting, os.environ.get(LANGUAGE_ENV), QLocale.system().name())


def run(
    argv: Sequence[str] | None = None,
    *,
    data_dir: str | None = None,
    database_url: str | None = None,
    catalogue: str | None = None,
    head: HeadStart | None = None,
) -> int:
    """``head``: the workspace opened and the first page begun before Qt's widgets were
    loaded (``ui.head_start.begin``, from ``ui.__main__``); else they are done here."""
    app = QApplication.instance() or QApplication(list(argv or sys.argv[:1]))
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APPLICATION)
    _identity()
    translators = install_language(app, window_language(data_dir))  # noqa: F841 - kept alive
    prompter = QtPrompter()
    crashes = CrashReporter(prompter)
    crashes.install()
    try:
        if head is not None:
            workspace = head.take_workspace()
        else:
            workspace = Workspace.open(
                data_dir=data_dir, database_url=database_url, catalogue=catalogue
            )
    except UserError as exc:
        QMessageBox.critical(None, "Tillitsvalgt", exc.message)
        return 1
    window = MainWindow(
        workspace,
        prompter=prompter,
        crashes=crashes,
        settings=QSettings(),
        first_page=None if head is None else head.first_page,
    )
    for warning in workspace.warnings:
        window.statusBar().showMessage(warning, 15_000)
    # What can wait comes after the window's first paint (ui/first_paint.py): the window
    # with its list is what the user waits for; a remembered search's count comes next.
    window.hold_count()
    later = AfterFirstPaint(
        window,
        [
            window.release_count,
            window.build_case_view,
            window.welcome_if_new,
            window.start_daily_duties,
            collector_back,
            lambda: schedule_self_check(window),
        ],
    )
    window.show()
    window.offer_restored_edits()  # what a crash left unsaved, before anything else
    later.arm()
    try:
        return int(app.exec())
    finally:
        # Background work (the daily backup and verdicts, a report) still running must end
        # before the database closes and Qt shuts down: a worker that touched either after
        # that aborted the process on quit.
        QThreadPool.globalInstance().waitForDone(60_000)
        workspace.close()
