"""The union office's work in the window, with real clicks: escalation stages on the case's
«Videre og gruppe» tab (and on its timeline), group cases (made from chosen cases, joined,
left, the other cases opened), letters for a whole group (all or nothing), the office's pack
(Fil menu, «Om Tillitsvalgt», the settings, the newer-pack warning) and printing a letter and
the case summary to a PDF read back with pdftotext."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QPushButton
from pytestqt.qtbot import QtBot

from tillitsvalgt.services import pack
from tillitsvalgt.workspace import LetterRequest, StageInput, Workspace
from ui.errors import CrashReporter
from ui.main_window import MainWindow
from ui.prompts import ScriptedPrompter

from helpers.gui import make_window

TODAY = date(2026, 11, 20)


def _click(qtbot: QtBot, button: QPushButton) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _ok(qtbot: QtBot, dialog: Any) -> None:
    box = dialog.findChild(QDialogButtonBox)
    button = box.button(QDialogButtonBox.StandardButton.Save) or box.button(
        QDialogButtonBox.StandardButton.Ok
    )
    _click(qtbot, button)


def _office_tab(window: MainWindow, number: str) -> Any:
    window.show_case(number)
    view = window.case_view
    view.tabs.setCurrentIndex(view.office_tab)
    return view.office


def _pdf_text(file: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(file), "-"], capture_output=True, text=True, check=True
    ).stdout


def _settings(workspace: Workspace, prompter: ScriptedPrompter, window: MainWindow) -> Any:
    """The settings dialog over the window, looking for a newer pack off its thread."""
    from ui.dialogs.settings_dialog import SettingsDialog

    return SettingsDialog(
        workspace,
        prompter=prompter,
        crashes=CrashReporter(prompter, enabled=False),
        background=window.background,
        parent=window,
    )


def test_a_stage_is_recorded_shown_with_its_outcome_and_on_the_timeline(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    prompter = ScriptedPrompter(confirms=[True])
    window = make_window(qtbot, workspace, tmp_path, prompter)
    office = _office_tab(window, "2026/3")
    assert office.stage_table.rowCount() == 0
    _click(qtbot, office.add_stage_button)
    dialog = office.escalation_dialog
    dialog.stage.setCurrentIndex(dialog.stage.findData("central"))
    dialog.started.set_value(date(2026, 9, 1))
    _ok(qtbot, dialog)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert office.stage_table.rowCount() == 1
    assert office.stage_table.item(0, 0).text() == "Sentrale parter"
    assert office.stage_table.item(0, 2).text() == "Ikke avgjort"
    timeline = window.case_view.events.items
    assert any(e.kind == "escalation" and "Sentrale parter" in (e.notes or "") for e in timeline)

    # The outcome, with a date before the stage began: refused, the dialog stays open.
    office.stage_table.selectRow(0)
    _click(qtbot, office.edit_stage_button)
    dialog = office.escalation_dialog
    assert dialog.stage.count() == 1  # the stage being changed, nothing else
    dialog.outcome.setCurrentIndex(dialog.outcome.findData("disagreement"))
    dialog.ended.set_value(date(2026, 8, 1))
    _ok(qtbot, dialog)
    assert dialog.isVisible() and "før trinnet begynte" in dialog.message.text()
    dialog.ended.set_value(date(2026, 10, 15))
    _ok(qtbot, dialog)
    assert not dialog.isVisible()
    assert office.stage_table.item(0, 2).text() == "Uenighet (brudd)"
    assert office.stage_table.item(0, 3).text() == "15.10.2026"
    [event] = [e for e in window.case_view.events.items if e.kind == "escalation"]
    assert "Uenighet" in (event.notes or "")
    office.stage_table.selectRow(0)
    _click(qtbot, office.edit_stage_button)
    assert office.escalation_dialog.outcome.findData(None) == -1  # changed, not taken back
    office.escalation_dialog.reject()

    # A new stage offers only the stages not yet recorded; one dated before the earlier
    # stage is refused with the reason.
    _click(qtbot, office.add_stage_button)
    dialog = office.escalation_dialog
    assert dialog.stage.findData("central") == -1
    dialog.stage.setCurrentIndex(dialog.stage.findData("arbeidsretten"))
    dialog.started.set_value(date(2026, 8, 20))
    _ok(qtbot, dialog)
    assert "trinnene følger etter hverandre" in dialog.message.text()
    dialog.reject()

    office.stage_table.selectRow(0)
    _click(qtbot, office.remove_stage_button)
    assert prompter.shown[-1][0] == "confirm"
    assert office.stage_table.rowCount() == 0
    assert workspace.escalation_stages("2026/3") == []
    assert not [e for e in window.case_view.events.items if e.kind == "escalation"]


def test_a_group_is_made_from_chosen_cases_shown_joined_and_left(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    prompter = ScriptedPrompter(confirms=[True])
    window = make_window(qtbot, workspace, tmp_path, prompter)
    office = _office_tab(window, "2026/7")
    assert not office.leave_button.isEnabled() and not office.group_letter_button.isEnabled()
    _click(qtbot, office.new_group_button)
    dialog = office.group_dialog
    assert "2026/7" in dialog.checked  # the open case is chosen from the start
    qtbot.keyClicks(dialog.name, "Ny lagerstruktur")
    dialog.decision_on.set_value(date(2026, 6, 1))
    qtbot.keyClicks(dialog.search, "landskap")
    dialog.fill()  # the search's own timer, without waiting for it
    rows = [dialog.cases.item(i) for i in range(dialog.cases.count())]
    wanted = next(r for r in rows if r.data(Qt.ItemDataRole.UserRole) == "2026/8")
    wanted.setCheckState(Qt.CheckState.Checked)
    assert set(dialog.checked) == {"2026/7", "2026/8"}
    _ok(qtbot, dialog)
    assert not dialog.isVisible()
    assert "Ny lagerstruktur" in office.group_label.text()
    assert "1. juni 2026" in office.group_label.text()
    assert [office.members.item(i).text()[:6] for i in range(office.members.count())] == ["2026/8"]
    assert workspace.case_detail("2026/8").case.decision_on == date(2026, 6, 1)  # shared

    # The other case opens from the list.
    office.members.itemActivated.emit(office.members.item(0))
    assert window.detail is not None and window.detail.case.number == "2026/8"

    # Leave, and join again through the other dialog.
    office = window.case_view.office
    _click(qtbot, office.leave_button)
    assert window.case_view.detail is not None
    assert window.case_view.detail.case.group_id is None
    assert "hører ikke til noen gruppesak" in office.group_label.text()
    _click(qtbot, office.join_button)
    join = office.join_dialog
    assert join.group.count() == 1
    _ok(qtbot, join)
    assert "Ny lagerstruktur" in office.group_label.text()

    # The decision's facts, changed on the group: every case takes the new date; a date one
    # case cannot take (2026/8 is planned for August) changes nothing.
    _click(qtbot, office.edit_group_button)
    edit = office.edit_group_dialog
    edit.decision_on.set_value(date(2026, 11, 1))
    _ok(qtbot, edit)
    assert edit.isVisible() and "2026/8" in edit.message.text()
    assert workspace.case_detail("2026/7").case.decision_on == date(2026, 6, 1)
    edit.decision_on.set_value(date(2026, 6, 15))
    _ok(qtbot, edit)
    assert not edit.isVisible()
    for number in ("2026/7", "2026/8"):
        assert workspace.case_detail(number).case.decision_on == date(2026, 6, 15)
    assert "15. juni 2026" in office.group_label.text()


def test_letters_for_the_whole_group_in_one_action_or_none(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    from tillitsvalgt.shapes import CaseGroupCreate

    group = workspace.create_group(CaseGroupCreate(name="Samlokalisering"), ["2026/8", "2026/10"])
    folder = tmp_path / "brev"
    folder.mkdir()
    prompter = ScriptedPrompter(folders=[folder, folder])
    window = make_window(qtbot, workspace, tmp_path, prompter)
    office = _office_tab(window, "2026/8")
    _click(qtbot, office.group_letter_button)
    dialog = office.group_letter_dialog
    assert "2026/8, 2026/10" in dialog.findChild(type(office.group_label)).text()

    # 2026/10 is already implemented: a demand to postpone it is refused, so none is made.
    dialog.kind.setCurrentIndex(dialog.kind.findData("krav_om_utsatt_iverksetting"))
    dialog.save_files.setChecked(True)
    _ok(qtbot, dialog)
    assert dialog.isVisible() and "2026/10" in dialog.message.text()
    assert "Ingen brev er laget" in dialog.message.text()
    for number in ("2026/8", "2026/10"):
        assert not [d for d in workspace.case_detail(number).documents if d.direction == "ut"]
    assert list(folder.iterdir()) == []

    # A file in the folder already has the name the second letter would get: refused, the
    # first letter is not journaled either, and its staged file is gone.
    dialog.kind.setCurrentIndex(dialog.kind.findData("krav_om_drofting"))
    second = workspace.preview_letter("2026/10", LetterRequest("krav_om_drofting", dated=TODAY))
    taken = folder / f"{second.number.replace('/', '-')} Krav om drøfting.docx"
    taken.write_bytes(b"not ours")
    prompter.folders.insert(0, folder)
    _ok(qtbot, dialog)
    assert dialog.isVisible() and taken.name in dialog.message.text()
    for number in ("2026/8", "2026/10"):
        assert not [d for d in workspace.case_detail(number).documents if d.direction == "ut"]
    assert list(folder.iterdir()) == [taken] and taken.read_bytes() == b"not ours"
    taken.unlink()

    _ok(qtbot, dialog)
    assert not dialog.isVisible()
    made = dialog.made
    assert len(made) == 2 and made[0].startswith("2026/8-") and made[1].startswith("2026/10-")
    assert prompter.shown[-1][0] == "info" and made[1] in prompter.shown[-1][2]
    for warning in dialog.warnings:  # what to check is said, letter by letter
        assert warning in prompter.shown[-1][2]
        assert warning.split(":")[0] in made
    assert sorted(f.name for f in folder.iterdir()) == sorted(
        f"{n.replace('/', '-')} Krav om drøfting.docx" for n in made
    )
    for number, letter in zip(("2026/8", "2026/10"), made, strict=True):
        assert letter in [d.number for d in workspace.case_detail(number).documents]
    assert group.id is not None


def _make_pack(folder: Path, version: str) -> Path:
    data, _ = pack.build_pack(
        name="Forbundet", version=version, catalogue=None, templates=None, union="Forbundet"
    )
    file = folder / f"forbundet-{version}.zip"
    file.write_bytes(data)
    return file


def test_the_pack_is_taken_into_use_from_the_file_menu_and_a_newer_one_is_told_of(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    from ui.dialogs.about_dialog import AboutDialog

    shared = tmp_path / "delt"
    shared.mkdir()
    first = _make_pack(shared, "2027.1")
    broken = tmp_path / "ødelagt.zip"
    broken.write_bytes(b"not a zip")
    prompter = ScriptedPrompter(opens=[[broken], [first]], confirms=[False, True])
    window = make_window(qtbot, workspace, tmp_path, prompter)
    about = AboutDialog(workspace, parent=window)
    assert "Ingen" in dict(about.facts)["Pakke fra forbundskontoret"]

    window.pack_action.trigger()  # a file that is no pack: said, nothing changed
    assert prompter.shown[-1][0] == "error" and "zip" in prompter.shown[-1][2]
    assert workspace.pack_in_use() is None
    window.pack_action.trigger()
    assert prompter.shown[-1][0] == "info" and "Forbundet 2027.1" in prompter.shown[-1][2]
    assert workspace.pack_in_use() == "Forbundet 2027.1"
    assert workspace.setup.pack_version == "Forbundet 2027.1"  # the next letter records it
    letter = workspace.create_letter("2026/6", LetterRequest("krav_om_drofting", dated=TODAY))
    assert letter.document is not None
    assert "Forbundet 2027.1" in (letter.document.catalogue_version or "")
    about = AboutDialog(workspace, parent=window)
    qtbot.waitUntil(lambda: about.background.running == 0)  # the folder has been looked at
    facts = dict(about.facts)
    assert facts["Pakke fra forbundskontoret"] == "Forbundet 2027.1"
    assert "Nyere pakke" not in facts

    _make_pack(shared, "2027.10")  # after 2027.9, not before it
    about = AboutDialog(workspace, parent=window)
    # The shared folder is looked at off the GUI thread: the dialog opens without it …
    assert "Nyere pakke" not in dict(about.facts)
    qtbot.waitUntil(lambda: "Nyere pakke" in dict(about.facts))  # … and adds it when found
    assert "Forbundet 2027.10" in dict(about.facts)["Nyere pakke"]
    settings = _settings(workspace, prompter, window)
    qtbot.waitUntil(lambda: "Forbundet 2027.10" in settings.pack_note.text())
    window.show_start_notice()  # the shared folder is looked at off the GUI thread
    qtbot.waitUntil(lambda: "Forbundet 2027.10" in window.statusBar().currentMessage())
    settings.close()


def test_a_letter_and_the_case_summary_are_printed(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    letter = workspace.create_letter("2026/7", LetterRequest("krav_om_drofting", dated=TODAY))
    assert letter.document is not None
    workspace.record_escalation(
        "2026/7", StageInput(
            stage="central", started_on=date(2026, 9, 1)
        ),
    )  # fmt: skip
    printed_letter, printed_case = tmp_path / "brev.pdf", tmp_path / "sak.pdf"
    prompter = ScriptedPrompter(printed=[None, printed_letter, printed_case])
    window = make_window(qtbot, workspace, tmp_path, prompter)
    window.show_case("2026/7")
    view = window.case_view
    row = next(i for i, d in enumerate(view.documents.items) if d.id == letter.document.id)
    view.document_table.selectRow(row)
    _click(qtbot, view.print_button)  # the print dialog cancelled: nothing printed
    assert prompter.shown[-1][0] == "print" and not printed_letter.exists()
    _click(qtbot, view.print_button)
    # Made into PDF off the window's thread (LibreOffice), then the PDF is the file.
    qtbot.waitUntil(printed_letter.exists, timeout=120_000)
    text = _pdf_text(printed_letter)
    assert letter.number in text  # «Vår ref.»
    assert letter.context.subject.split()[0] in text
    assert "Kari Nordmann" in text  # the signature
    assert not [s for s in prompter.shown if s[0] in {"error", "info"}]  # not as text

    window.print_action.trigger()
    text = _pdf_text(printed_case)
    assert "2026/7" in text and "Lagerkontorene slås sammen" in text
    for heading in ("Vurdering", "Tidslinje", "Løftet videre", "Sentrale parter", "Dokumenter"):
        assert heading in text, heading
    assert letter.number in text


def test_a_group_a_case_cannot_join_is_not_made_at_all(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    """Both chosen cases were to be implemented before 1 November (2026/8 planned in August,
    2026/10 done in October): a decision dated then is refused, and the group is not left
    behind half made, nor any case's date changed."""
    prompter = ScriptedPrompter()
    window = make_window(qtbot, workspace, tmp_path, prompter)
    office = _office_tab(window, "2026/8")
    _click(qtbot, office.new_group_button)
    dialog = office.group_dialog
    qtbot.keyClicks(dialog.name, "Samlokalisering")
    dialog.decision_on.set_value(date(2026, 11, 1))
    rows = [dialog.cases.item(i) for i in range(dialog.cases.count())]
    next(r for r in rows if r.data(Qt.ItemDataRole.UserRole) == "2026/10").setCheckState(
        Qt.CheckState.Checked
    )
    _ok(qtbot, dialog)
    assert dialog.isVisible() and "ingenting er lagret" in dialog.message.text()
    assert "beslutningen" in dialog.message.text()  # why, in words
    assert workspace.groups() == []
    assert workspace.case_detail("2026/8").case.decision_on is None
    assert workspace.case_detail("2026/10").case.decision_on == date(2026, 9, 1)
    assert workspace.case_detail("2026/8").case.group_id is None
    # An empty name is refused with a word about the field, not a traceback.
    dialog.name.clear()
    _ok(qtbot, dialog)
    assert dialog.isVisible() and dialog.message.text()
    assert workspace.groups() == []


def test_the_groups_letters_are_saved_as_pdf_too_where_an_office_suite_is(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    from tillitsvalgt.letters.pdf import pdf_converter
    from tillitsvalgt.shapes import CaseGroupCreate

    assert pdf_converter() is not None, "LibreOffice is part of the test machine (scripts/test)"
    workspace.create_group(CaseGroupCreate(name="Nye lokaler"), ["2026/8", "2026/10"])
    folder = tmp_path / "brev"
    folder.mkdir()
    prompter = ScriptedPrompter(folders=[folder])
    window = make_window(qtbot, workspace, tmp_path, prompter)
    office = _office_tab(window, "2026/8")
    _click(qtbot, office.group_letter_button)
    dialog = office.group_letter_dialog
    assert not dialog.as_pdf.isEnabled()  # only beside the Word files
    dialog.save_files.setChecked(True)
    assert dialog.as_pdf.isEnabled()
    dialog.as_pdf.setChecked(True)
    dialog.kind.setCurrentIndex(dialog.kind.findData("krav_om_drofting"))
    _ok(qtbot, dialog)
    assert not dialog.isVisible() and len(dialog.made) == 2
    names = sorted(f.name for f in folder.iterdir())
    stems = sorted(f"{n.replace('/', '-')} Krav om drøfting" for n in dialog.made)
    assert names == sorted([*(s + ".docx" for s in stems), *(s + ".pdf" for s in stems)])
    for number in dialog.made:  # each PDF is its own letter, with its own journal number
        text = _pdf_text(folder / f"{number.replace('/', '-')} Krav om drøfting.pdf")
        assert number in text and "drøfting" in text
    assert "Word- og PDF-filene er lagret" in prompter.shown[-1][2]


def test_a_slow_shared_pack_folder_never_holds_up_the_about_and_settings_dialogs(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pack's folder may be a network share that hangs: the dialogs open at once and
    say a newer pack when the look (off the GUI thread) comes back."""
    import threading
    import time

    from ui.dialogs.about_dialog import AboutDialog

    release = threading.Event()
    looked_on: list[threading.Thread] = []

    def slow_share() -> tuple[Path, str]:
        looked_on.append(threading.current_thread())
        release.wait(10)
        return tmp_path / "forbundet-2028.1.zip", "Forbundet 2028.1"

    monkeypatch.setattr(workspace, "newer_pack", slow_share)
    prompter = ScriptedPrompter()
    window = make_window(qtbot, workspace, tmp_path, prompter)
    started = time.monotonic()
    about = AboutDialog(workspace, parent=window, background=window.background)
    settings = _settings(workspace, prompter, window)
    assert time.monotonic() - started < 2.0  # the share still hangs
    assert "Nyere pakke" not in dict(about.facts)
    release.set()
    qtbot.waitUntil(lambda: "Forbundet 2028.1" in settings.pack_note.text())
    qtbot.waitUntil(lambda: "Nyere pakke" in dict(about.facts))
    assert looked_on and threading.main_thread() not in looked_on
    settings.close()
