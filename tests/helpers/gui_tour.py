"""Every window and dialog of the app, opened the way a user opens them, for the tests that
must hold for all of them (typed dates, accessible names). A dialog added to the app but not
here escapes those tests: add it to ``tour``."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtWidgets import QDialog, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from ui.dialogs.case_dialogs import CloseCaseDialog
from ui.dialogs.welcome_dialog import WelcomeDialog
from ui.errors import CrashReporter
from ui.main_window import MainWindow
from ui.prompts import ScriptedPrompter
from ui.workers import Background

from helpers.gui import select_case


def _shown(qtbot: QtBot, dialog: QWidget) -> QWidget:
    qtbot.waitUntil(dialog.isVisible, timeout=3000)
    return dialog


def _close(dialog: QWidget) -> None:
    if isinstance(dialog, QDialog):
        dialog.done(0)
    else:
        dialog.close()


def tour(
    qtbot: QtBot, window: MainWindow, case_number: str = "2026/3"
) -> Iterator[tuple[str, QWidget]]:
    """(name, widget) for the main window on each of its tabs, then every dialog in turn
    (each is closed when the caller asks for the next)."""
    select_case(window, case_number)
    qtbot.waitUntil(lambda: window.detail is not None, timeout=3000)
    sections = window.sections
    for index in range(sections.count()):
        sections.setCurrentIndex(index)
        detail_tabs = window.case_view.tabs
        for tab in range(detail_tabs.count()):
            detail_tabs.setCurrentIndex(tab)
            yield f"window {sections.tabText(index)} / {detail_tabs.tabText(tab)}", window
    sections.setCurrentIndex(0)
    window.case_view.revert()  # what the caller typed into the case is not kept

    window.new_case()
    yield "Ny sak", _shown(qtbot, window.new_case_dialog)
    _close(window.new_case_dialog)

    window.case_view.add_event()
    event = _shown(qtbot, window.case_view.event_dialog)
    yield "Ny hendelse", event
    kind = window.case_view.event_dialog.kind
    kind.setCurrentIndex(kind.findData("letter_sent"))  # the reply date shows for letters
    yield "Ny hendelse (brev)", event
    _close(event)

    window.new_letter(None)
    yield "Nytt brev", _shown(qtbot, window.letter_dialog)
    _close(window.letter_dialog)

    window.open_report()
    yield "Rapport", _shown(qtbot, window.report_dialog)
    _close(window.report_dialog)

    window.open_settings()
    settings = _shown(qtbot, window.settings_dialog)
    tabs = settings.findChild(QTabWidget)
    for index in range(tabs.count() if tabs else 1):
        if tabs is not None:
            tabs.setCurrentIndex(index)
        yield "Innstillinger", settings
    _close(settings)

    window.open_restore()
    yield "Gjenopprett", _shown(qtbot, window.restore_dialog)
    _close(window.restore_dialog)

    window.employers_view.new_employer()
    yield "Ny virksomhet", _shown(qtbot, window.employers_view.dialog)
    _close(window.employers_view.dialog)

    close = CloseCaseDialog("2026/3", window)
    close.open()
    yield "Avslutt sak", _shown(qtbot, close)
    _close(close)

    welcome = WelcomeDialog(
        window.workspace,
        prompter=ScriptedPrompter(),
        crashes=CrashReporter(ScriptedPrompter(), enabled=False),
        background=Background(),
        parent=window,
    )
    welcome.open()
    yield "Velkommen", _shown(qtbot, welcome)
    _close(welcome)

    window.deadlines_section_action.trigger()
    deadlines = window.deadlines_view
    qtbot.waitUntil(lambda: deadlines.model.rowCount() > 0, timeout=3000)
    deadlines.table.selectRow(0)
    deadlines.extend()
    assert deadlines.extend_dialog is not None
    yield "Forleng frist", _shown(qtbot, deadlines.extend_dialog)
    _close(deadlines.extend_dialog)

    deadlines.new_deadline()
    assert deadlines.new_dialog is not None
    yield "Ny frist", _shown(qtbot, deadlines.new_dialog)
    _close(deadlines.new_dialog)
