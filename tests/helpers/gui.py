"""The main window as the GUI tests build it: the one builder (a Workspace, a scripted
prompter instead of modal questions, crash reports off, settings in the test's own folder),
selecting a case, typing into a date field, a larger scenario file, and the list reads a
window makes."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tillitsvalgt.services import cases
from tillitsvalgt.shapes import CasePage, CaseQuery
from tillitsvalgt.workspace import Workspace
from ui.date_input import DateInput
from ui.errors import CrashReporter
from ui.list_memory import PageAhead
from ui.main_window import MainWindow
from ui.prompts import ScriptedPrompter
from ui.workers import Background

from helpers.data import SCENARIOS


def make_window(
    qtbot: QtBot,
    workspace: Workspace,
    tmp_path: Path,
    prompter: ScriptedPrompter | None = None,
    *,
    ini: str = "gui.ini",
    show: bool = True,
    background: Background | None = None,
    case_view_later: bool = False,
    first_page: PageAhead | None = None,
) -> MainWindow:
    """The main window over ``workspace`` (shown unless ``show`` is False); its settings in
    ``tmp_path / ini``; its background work in ``background`` (else the global pool's). Its
    case view is built at once, as the app builds it just after the first paint, unless
    ``case_view_later``."""
    prompter = prompter if prompter is not None else ScriptedPrompter()
    window = MainWindow(
        workspace,
        prompter=prompter,
        crashes=CrashReporter(prompter, enabled=False),
        settings=QSettings(str(tmp_path / ini), QSettings.Format.IniFormat),
        background=background,
        first_page=first_page,
    )
    qtbot.addWidget(window)
    if not case_view_later:
        window.build_case_view()
    if show:
        window.show()
    return window


def select_case(window: MainWindow, number: str) -> None:
    row = next(i for i, r in enumerate(window.model.rows) if r.number == number)
    window.table.selectRow(row)


def type_into(qtbot: QtBot, field: DateInput, text: str) -> None:
    """Click into the field, select what is there and type, then leave it with Tab — the
    keystrokes a user makes."""
    field.line.setFocus()
    QTest.mouseClick(field.line, Qt.MouseButton.LeftButton)
    QTest.keyClick(field.line, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(field.line, Qt.Key.Key_Delete)
    QTest.keyClicks(field.line, text)
    field.line.editingFinished.emit()  # what Tab out of the field does


def scenario_bundle(tmp_path: Path, copies: int) -> Path:
    """The scenarios ``copies`` times over (new ids), as a bundle file to import."""
    scenarios = json.loads(SCENARIOS.read_text("utf-8"))
    items = []
    for i in range(copies):
        for s in scenarios:
            items.append({**s, "id": f"{s['id']}-{i}"})
    file = tmp_path / "saker.json"
    file.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    return file


def list_reads(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, CaseQuery]]:
    """Every case-list read from now on, as (thread, query): which page was read, and on
    which thread."""
    calls: list[tuple[int, CaseQuery]] = []
    real = cases.list_cases

    def recorded(query: CaseQuery, **kwargs: Any) -> CasePage:
        calls.append((threading.get_ident(), query))
        return real(query, **kwargs)

    monkeypatch.setattr(cases, "list_cases", recorded)
    return calls


def count_calls(workspace: Workspace, name: str) -> list[tuple[Any, ...]]:
    """Each call of ``workspace.<name>`` from now on (its arguments), passed on to the
    real method: what a test counts to see a read made once, not per case."""
    calls: list[tuple[Any, ...]] = []
    real = getattr(workspace, name)

    def counting(*args: Any, **kwargs: Any) -> Any:
        calls.append(args)
        return real(*args, **kwargs)

    setattr(workspace, name, counting)
    return calls
