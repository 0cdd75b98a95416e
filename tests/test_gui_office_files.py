"""The window's way out to the representative's other tools: the case list to a
spreadsheet, the deadlines to a calendar, a letter to an e-mail draft marked sent once it
has gone."""

from __future__ import annotations

import email
import email.policy
from datetime import date
from pathlib import Path

from icalendar import Calendar
from openpyxl import load_workbook
from pytestqt.qtbot import QtBot

from tillitsvalgt.services.letters import LetterRequest
from tillitsvalgt.workspace import Workspace
from ui.prompts import ScriptedPrompter

from helpers.gui import make_window

TODAY = date(2026, 11, 20)


def test_the_filtered_list_goes_to_a_spreadsheet(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    target = tmp_path / "saker.xlsx"
    prompter = ScriptedPrompter(paths=[target])
    window = make_window(qtbot, workspace, tmp_path, prompter)
    window.type_filter.setCurrentIndex(window.type_filter.findData("office_layout"))
    window.apply_filters()
    shown = window.model.total
    assert 0 < shown < workspace.list_cases(window.query().__class__()).total
    window.export_list_action.trigger()
    qtbot.waitUntil(lambda: window.background.running == 0, timeout=60_000)
    sheet = load_workbook(target).active
    assert sheet is not None and sheet.max_row == shown + 1  # the filter was kept
    assert prompter.shown[-1][0] == "info" and str(target) in prompter.shown[-1][2]


def test_the_deadlines_go_to_a_calendar_file(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    target = tmp_path / "frister.ics"
    prompter = ScriptedPrompter(paths=[target])
    window = make_window(qtbot, workspace, tmp_path, prompter)
    view = window.deadlines_view
    view.calendar_button.click()
    # Written in the background, the button held until it is done.
    assert not view.calendar_button.isEnabled()
    qtbot.waitUntil(lambda: window.background.running == 0, timeout=60_000)
    assert view.calendar_button.isEnabled()
    events = Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    live = [e for e in events if str(e["status"]) == "CONFIRMED"]
    assert live and str(len(live)) in view.message.text()


def test_a_calendar_file_that_cannot_be_written_is_a_message_and_the_button_comes_back(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    blocked = tmp_path / "a file, not a folder"
    blocked.write_text("x", encoding="utf-8")
    target = blocked / "frister.ics"
    prompter = ScriptedPrompter(paths=[target])
    window = make_window(qtbot, workspace, tmp_path, prompter)
    view = window.deadlines_view
    view.calendar_button.click()
    qtbot.waitUntil(lambda: window.background.running == 0, timeout=60_000)
    assert view.calendar_button.isEnabled()
    kind, title, text = prompter.shown[-1]
    assert kind == "error" and title == "Kalenderfilen ble ikke lagret"
    assert "frister.ics" in text and "Traceback" not in text
    assert not target.exists() and blocked.read_text(encoding="utf-8") == "x"


def test_a_letter_goes_out_as_an_email_draft_and_is_marked_sent_when_it_has(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    number = "2026/6"
    letter = workspace.create_letter(number, LetterRequest("krav_om_drofting", dated=TODAY))
    assert letter.document is not None
    opened: list[Path] = []

    def opener(path: Path) -> bool:
        opened.append(path)
        msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        (part,) = list(msg.iter_attachments())
        assert part.get_payload(decode=True) == letter.content  # the journaled bytes
        return True

    prompter = ScriptedPrompter(confirms=[True])
    window = make_window(qtbot, workspace, tmp_path, prompter)
    window.case_view.opener = opener
    window.show_case(number)
    view = window.case_view
    row = next(i for i, d in enumerate(view.documents.items) if d.id == letter.document.id)
    view.document_table.selectRow(row)
    assert view.email_button.isEnabled()
    view.email_button.click()
    assert opened and opened[0].suffix == ".eml"
    assert prompter.shown[-1][0] == "confirm"
    sent = next(d for d in workspace.case_detail(number).documents if d.number == letter.number)
    assert sent.frozen and sent.sent_on == TODAY
    window.close()
    assert not opened[0].exists()  # the draft held case data: gone with the window


def test_a_draft_not_yet_sent_stays_unsent_when_the_user_says_no(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    number = "2026/6"
    letter = workspace.create_letter(number, LetterRequest("krav_om_drofting", dated=TODAY))
    assert letter.document is not None
    prompter = ScriptedPrompter(confirms=[False])
    window = make_window(qtbot, workspace, tmp_path, prompter)
    window.case_view.opener = lambda path: True
    window.show_case(number)
    view = window.case_view
    row = next(i for i, d in enumerate(view.documents.items) if d.id == letter.document.id)
    view.document_table.selectRow(row)
    view.email_button.click()
    kept = next(d for d in workspace.case_detail(number).documents if d.number == letter.number)
    assert not kept.frozen
