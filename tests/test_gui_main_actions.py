"""The main window's actions come from one table (ui/main_actions.py): every row names a
slot the window has, sits in a menu, and is enabled by its rule as the open case changes."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from tillitsvalgt.workspace import Workspace
from ui.main_actions import ACTIONS, MENUS

from helpers.gui import make_window, select_case

TODAY = date(2026, 12, 6)


def test_every_action_is_made_placed_and_calls_a_slot(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    window = make_window(qtbot, workspace, tmp_path, show=False)
    placed = {name for _, names in MENUS for name in names if name is not None}
    for spec in ACTIONS:
        assert spec.name in placed, f"{spec.name} is in no menu"
        action = getattr(window, spec.name)
        assert action.text() and action.parent() is window
        target: Any = window
        for part in spec.slot.split("."):
            target = getattr(target, part)  # a slot renamed fails here, not on a click
        assert callable(target), spec.slot
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles == ["&Fil", "&Sak", "&Vis", "&Hjelp"]


def test_actions_follow_the_open_case(qtbot: QtBot, workspace: Workspace, tmp_path: Path) -> None:
    window = make_window(qtbot, workspace, tmp_path)
    assert not window.letter_action.isEnabled()  # no case open
    assert not window.print_action.isEnabled()
    assert window.new_case_action.isEnabled()
    number = window.model.rows[0].number
    select_case(window, number)
    assert window.detail is not None and window.detail.case.number == number
    live_open = window.detail.case.status == "open"
    assert window.letter_action.isEnabled()
    assert window.print_action.isEnabled()
    assert window.close_action.isEnabled() is live_open
    assert window.reopen_action.isEnabled() is not live_open
    assert not window.restore_action.isEnabled()  # not in the recycle bin


def test_a_section_action_changes_the_section(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    window = make_window(qtbot, workspace, tmp_path)
    window.deadlines_section_action.trigger()
    assert window.sections.currentWidget() is window.deadlines_view
    window.cases_section_action.trigger()
    assert window.sections.currentIndex() == 0


def test_attempt_sends_a_fixable_error_to_the_box_and_a_bug_to_the_crash_dialog(
    qtbot: QtBot,
) -> None:
    """The one guarded-action helper: a fixable error is shown under the action's title, a
    bug goes to the crash reporter, and an action that went through is true even when it
    returns None."""
    from PySide6.QtWidgets import QWidget

    from tillitsvalgt.errors import UserError
    from ui.errors import CrashReporter, attempt
    from ui.prompts import ScriptedPrompter

    parent = QWidget()
    qtbot.addWidget(parent)
    prompter = ScriptedPrompter()
    crashes = CrashReporter(prompter, enabled=False)
    reported: list[BaseException] = []
    crashes.report = lambda exc, _parent=None: reported.append(exc)  # type: ignore[method-assign]

    def refused() -> None:
        raise UserError("Saken finnes ikke.")

    def broken() -> None:
        raise RuntimeError("a bug")

    guarded = {"prompter": prompter, "title": "Ikke utført", "crashes": crashes, "parent": parent}
    assert attempt(refused, **guarded) is None  # type: ignore[arg-type]
    assert prompter.shown == [("error", "Ikke utført", "Saken finnes ikke.")]
    assert attempt(broken, **guarded) is None  # type: ignore[arg-type]
    assert [type(e) for e in reported] == [RuntimeError]
    done = attempt(lambda: None, **guarded)  # type: ignore[arg-type]
    assert done and done.value is None


def test_a_guarded_block_ends_at_the_error_and_says_it_failed(qtbot: QtBot) -> None:
    """``guard``: the block stops at a fixable error (shown under its title, over the
    view) or a bug (to the crash reporter), ``failed`` says so, and an interrupt is never
    swallowed; a dialog's message line takes the error where it has one."""
    from PySide6.QtWidgets import QLabel, QWidget

    from tillitsvalgt.errors import UserError
    from ui.errors import CrashReporter, Guard, guard
    from ui.prompts import ScriptedPrompter

    class View(QWidget):
        def __init__(self) -> None:
            super().__init__()
            self.prompter = ScriptedPrompter()
            self.crashes = CrashReporter(self.prompter, enabled=False)

    view = View()
    qtbot.addWidget(view)
    reported: list[BaseException] = []
    view.crashes.report = lambda exc, _parent=None: reported.append(exc)  # type: ignore[method-assign]
    after: list[str] = []
    with guard(view, "Ikke lagret") as tried:
        raise UserError("Saken er endret av en annen.")
        after.append("ran on")  # (never reached)
    assert tried.failed and after == []
    assert view.prompter.shown == [("error", "Ikke lagret", "Saken er endret av en annen.")]
    with guard(view, "Ikke lagret") as tried:
        raise KeyError("a bug")
    assert tried.failed and [type(e) for e in reported] == [KeyError]
    with guard(view, "Ikke lagret") as tried:
        after.append("done")
    assert not tried.failed and after == ["done"]
    with pytest.raises(KeyboardInterrupt), guard(view, "Ikke lagret"):
        raise KeyboardInterrupt
    line = QLabel()
    with Guard(crashes=view.crashes, parent=view, message=line) as tried:
        raise UserError("Datoen mangler.")
    assert tried.failed and line.text() == "Datoen mangler." and len(view.prompter.shown) == 1
    with pytest.raises(TypeError):
        Guard(crashes=view.crashes, parent=view)  # neither a line nor a prompter
