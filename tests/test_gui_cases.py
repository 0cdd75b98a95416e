"""Working a case in the window: edit with checks as you type, save, conflicts, unsaved
changes never lost, the case's life (new, close, reopen, duplicate, recycle bin), the
timeline and the journal."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from pytestqt.qtbot import QtBot

from tillitsvalgt.letters.render import docx_text
from tillitsvalgt.shapes import CaseUpdate
from tillitsvalgt.workspace import Workspace
from ui.prompts import ScriptedPrompter

from helpers.gui import count_calls, make_window, scenario_bundle, select_case

TODAY = date(2026, 11, 20)


def test_edit_and_save_with_checks_as_you_type(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    prompter = ScriptedPrompter()
    window = make_window(qtbot, workspace, tmp_path, prompter)
    select_case(window, "2026/6")
    form = window.case_view.form
    before = workspace.case_detail("2026/6").case
    assert not window.save_action.isEnabled()
    form.title.clear()
    message = form.messages["title"]
    assert not message.isHidden() and "må fylles ut" in message.text()
    assert window.save_action.isEnabled() and window.windowTitle().startswith("* ")
    window.save_action.trigger()
    assert prompter.shown[-1][0] == "error"  # refused, with the fields marked
    assert workspace.case_detail("2026/6").case.title == before.title
    qtbot.keyClicks(form.title, "Åpent landskap i 2. og 3. etasje")
    assert message.isHidden()
    form.members.setValue(42)
    form.decision.set_value(date(2027, 2, 1))
    form.implemented.set_value(date(2027, 1, 4))  # before the decision: refused
    assert "før beslutningen" in form.general.text()
    assert not form.check()
    form.implemented.set_value(None)
    assert form.check()
    window.save_action.trigger()
    saved = workspace.case_detail("2026/6").case
    assert saved.decision_on == date(2027, 2, 1) and saved.implemented_on is None
    assert saved.title == "Åpent landskap i 2. og 3. etasje"
    assert saved.members_affected == 42 and saved.version == before.version + 1
    assert not window.case_view.is_dirty() and not window.windowTitle().startswith("*")
    assert any(r.title == saved.title for r in window.model.rows)  # the list follows


def test_a_conflicting_save_is_explained_and_the_edits_are_kept(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    prompter = ScriptedPrompter(confirms=[True])
    window = make_window(qtbot, workspace, tmp_path, prompter)
    select_case(window, "2026/6")
    window.case_view.form.location.setText("Bygg B")
    case = workspace.case_detail("2026/6").case
    # Someone else saves the case meanwhile.
    workspace.update_case(case.id, CaseUpdate(version=case.version, members_affected=7))
    assert window.case_view.save() is False
    kind, _, text = prompter.shown[-1]
    assert kind == "confirm" and "endret av noen andre" in text
    # Reloaded: the other change is in, and what we typed is still there, unsaved.
    form = window.case_view.form
    assert form.members.value() == 7 and form.location.text() == "Bygg B"
    assert window.case_view.is_dirty()
    assert window.case_view.save() is True
    stored = workspace.case_detail("2026/6").case
    assert stored.location == "Bygg B" and stored.members_affected == 7


def test_leaving_a_changed_case_asks(qtbot: QtBot, workspace: Workspace, tmp_path: Path) -> None:
    prompter = ScriptedPrompter(saves=["cancel", "discard", "save"])
    window = make_window(qtbot, workspace, tmp_path, prompter)
    select_case(window, "2026/6")
    window.case_view.form.location.setText("Kantina")
    select_case(window, "2026/5")  # cancel: stay, edits kept
    assert window.detail is not None and window.detail.case.number == "2026/6"
    assert window.case_view.form.location.text() == "Kantina"
    assert window.model.row_at(window.table.currentIndex().row()).number == "2026/6"  # type: ignore[union-attr]
    select_case(window, "2026/5")  # discard
    assert window.detail.case.number == "2026/5"
    assert workspace.case_detail("2026/6").case.location is None
    window.case_view.form.location.setText("Resepsjonen")
    select_case(window, "2026/4")  # save
    assert workspace.case_detail("2026/5").case.location == "Resepsjonen"
    assert [k for k, _, _ in prompter.shown].count("ask_save") == 3


def test_closing_the_window_with_unsaved_changes_can_be_cancelled(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    prompter = ScriptedPrompter(saves=["cancel"])
    window = make_window(qtbot, workspace, tmp_path, prompter)
    select_case(window, "2026/6")
    window.case_view.form.location.setText("Kantina")
    event = QCloseEvent()
    window.closeEvent(event)
    assert not event.isAccepted() and window.case_view.form.location.text() == "Kantina"


def test_the_life_of_a_case(qtbot: QtBot, workspace: Workspace, tmp_path: Path) -> None:
    prompter = ScriptedPrompter(confirms=[True])
    window = make_window(qtbot, workspace, tmp_path, prompter)
    window.new_case_action.trigger()
    dialog = window.new_case_dialog
    assert not dialog.save_button.isEnabled()  # no title yet
    assert dialog.form.employer.currentIndex() == -1  # no employer chosen for the user
    assert all(m.isHidden() for m in dialog.form.messages.values())  # no red before typing
    assert "Tittel" in dialog.hint.text()
    # Office layout: the home-office fields are not shown.
    assert not dialog.form.days.isVisibleTo(dialog)
    dialog.form.case_type.setCurrentIndex(dialog.form.case_type.findData("home_office_policy"))
    assert dialog.form.days.isVisibleTo(dialog)
    dialog.form.employer.setCurrentIndex(0)
    qtbot.keyClicks(dialog.form.title, "Ny kantine i 1. etasje")
    dialog.form.case_type.setCurrentIndex(dialog.form.case_type.findData("space_allocation"))
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert window.detail is not None and window.detail.case.title == "Ny kantine i 1. etasje"
    number = window.detail.case.number
    assert number == "2026/11" and window.model.total == 11

    window.close_action.trigger()
    closing = window.close_case_dialog
    closing.outcome.setCurrentIndex(closing.outcome.findData("agreement"))
    closing.accept()
    case = workspace.case_detail(number).case
    assert case.status == "closed" and case.outcome == "agreement"
    assert window.reopen_action.isEnabled() and not window.close_action.isEnabled()
    window.reopen_action.trigger()
    assert workspace.case_detail(number).case.status == "open"

    window.duplicate_action.trigger()
    assert window.detail.case.title == "Ny kantine i 1. etasje (kopi)"
    assert window.detail.case.number == "2026/12"

    window.delete_action.trigger()  # the copy goes to the recycle bin (after confirming)
    assert "2026/12" not in [r.number for r in window.model.rows]
    window.bin_toggle.setChecked(True)
    assert [r.number for r in window.model.rows] == ["2026/12"]
    select_case(window, "2026/12")
    assert window.restore_action.isEnabled() and not window.letter_action.isEnabled()
    window.restore_action.trigger()
    window.bin_toggle.setChecked(False)
    assert "2026/12" in [r.number for r in window.model.rows]


def test_the_timeline_in_the_window(qtbot: QtBot, workspace: Workspace, tmp_path: Path) -> None:
    prompter = ScriptedPrompter(confirms=[True])
    window = make_window(qtbot, workspace, tmp_path, prompter)
    select_case(window, "2026/6")
    view = window.case_view
    before = view.events.rowCount()
    view.add_event()
    dialog = view.event_dialog
    dialog.kind.setCurrentIndex(dialog.kind.findData("protocol"))
    assert dialog.signed.isVisible() and not dialog.letter.isVisible()
    dialog.signed.setCurrentIndex(dialog.signed.findData(False))
    dialog.notes.setPlainText("Protokollen er bare signert av arbeidsgiver.")
    dialog.save()
    assert view.events.rowCount() == before + 1
    detail = workspace.case_detail("2026/6")
    protocol = next(e for e in detail.events if e.kind == "protocol")
    assert protocol.signed_by_both is False
    assert "Protokollen er ikke signert av begge parter." in detail.assessment.evidence_gaps
    # Edit it: the old version is kept.
    row = next(i for i, e in enumerate(view.events.items) if e.id == protocol.id)
    view.event_table.selectRow(row)
    view.edit_event()
    view.event_dialog.signed.setCurrentIndex(view.event_dialog.signed.findData(True))
    view.event_dialog.save()
    assert len(workspace.event_history(protocol.id)) == 1
    view.event_table.selectRow(row)
    view.delete_event()
    assert all(e.id != protocol.id for e in workspace.case_detail("2026/6").events)


def test_the_journal_in_the_window(qtbot: QtBot, workspace: Workspace, tmp_path: Path) -> None:
    attachment = tmp_path / "Tegning 2. etasje.pdf"
    attachment.write_bytes(b"%PDF-1.4 tegning")
    dropped = tmp_path / "Referat.txt"
    dropped.write_text("Referat fra møtet", encoding="utf-8")
    opened: list[bytes] = []
    prompter = ScriptedPrompter(
        opens=[[attachment]], paths=[tmp_path / "kopi.pdf"], confirms=[True]
    )
    window = make_window(qtbot, workspace, tmp_path, prompter)
    window.case_view.opener = lambda path: opened.append(path.read_bytes()) or True
    select_case(window, "2026/6")
    view = window.case_view
    view.choose_files()
    view.document_table.files_dropped.emit([dropped])  # as a drop onto the journal
    docs = workspace.case_detail("2026/6").documents
    assert [d.filename for d in docs] == ["Tegning 2. etasje.pdf", "Referat.txt"]
    assert view.documents.rowCount() == 2
    view.document_table.selectRow(0)
    view.open_document()
    assert opened == [b"%PDF-1.4 tegning"]
    view.export_document()
    assert (tmp_path / "kopi.pdf").read_bytes() == b"%PDF-1.4 tegning"
    assert not view.send_button.isEnabled()  # an attachment is not a letter to send
    view.delete_document()
    assert [d.filename for d in workspace.case_detail("2026/6").documents] == ["Referat.txt"]


def test_from_an_employer_to_its_case_and_a_new_employer_for_a_new_case(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    window = make_window(qtbot, workspace, tmp_path, ScriptedPrompter())
    window.employers_section_action.trigger()
    assert window.sections.currentWidget() is window.employers_view
    case_id = workspace.case_detail("2026/3").case.id
    window.employers_view.case_activated.emit(case_id)
    assert window.sections.currentIndex() == 0
    assert window.detail is not None and window.detail.case.number == "2026/3"

    window.new_case_action.trigger()
    dialog = window.new_case_dialog
    dialog.add_employer()
    employer = dialog.employer_dialog
    qtbot.keyClicks(employer.name, "Havbruk Nord AS")
    qtbot.mouseClick(employer.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.form.employer.currentText() == "Havbruk Nord AS"
    qtbot.keyClicks(dialog.form.title, "Nye kontorer på kaia")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert window.detail.employer.name == "Havbruk Nord AS"


def test_deadlines_section_start_notice_and_checklist_tab(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    from tillitsvalgt.services.letters import LetterRequest

    # A demand sent a month ago whose reply deadline has passed.
    letter = workspace.create_letter(
        "2026/6", LetterRequest("krav_om_drofting", date(2026, 10, 20))
    )
    assert letter.document is not None
    workspace.mark_letter_sent(letter.document.id, date(2026, 10, 20))
    window = make_window(qtbot, workspace, tmp_path, ScriptedPrompter())
    window.show_start_notice()  # counted off the GUI thread
    qtbot.waitUntil(lambda: "oversittet" in window.statusBar().currentMessage(), timeout=10_000)
    window.deadlines_section_action.trigger()
    assert window.sections.currentWidget() is window.deadlines_view
    view = window.deadlines_view
    numbers = [r.case_number for r in view.model.rows]
    # Ours, and the one of 2026/7 that came in with the import (a letter on its timeline).
    assert "2026/6" in numbers and "2026/7" in numbers
    mine = next(r for r in view.model.rows if r.case_number == "2026/6")
    view.table.selectRow(view.model.row_of(mine.deadline.id))
    view.mark_met()
    assert all(r.case_number != "2026/6" for r in view.model.rows)
    window.show_start_notice()

    select_case(window, "2026/4")  # a home-office case: the checklist has its items
    panel = window.case_view.checklist
    assert panel.isEnabled() and len(panel.rows) == 17
    key = next(iter(panel.rows))
    combo = panel.rows[key].answer
    combo.setCurrentIndex(combo.findData("not_met"))
    assert any(a.item_key == key and a.answer == "not_met" for a in workspace.checklist("2026/4"))


def test_import_export_and_backup_run_in_the_background(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    bundle = scenario_bundle(tmp_path, 3)
    exported = tmp_path / "ut" / "alle.json"
    exported.parent.mkdir()
    prompter = ScriptedPrompter(opens=[[bundle], [bundle]], paths=[exported])
    window = make_window(qtbot, workspace, tmp_path, prompter)
    before = window.model.total

    # Cancelled before the first case: nothing is imported.
    window.import_action.trigger()
    window.long_work.dialog.canceled.emit()  # the user presses «Avbryt»
    qtbot.waitUntil(lambda: window.background.running == 0, timeout=20_000)
    assert prompter.shown[-1][0] == "error" and "avbrutt" in prompter.shown[-1][2]
    window.apply_filters()
    assert window.model.total == before

    window.import_action.trigger()
    qtbot.waitUntil(lambda: window.background.running == 0, timeout=30_000)
    kind, _, text = prompter.shown[-1]
    assert kind == "info" and "30 nye saker" in text
    assert window.model.total == before + 30
    assert window.long_work.dialog.maximum() == 30  # the bar counted the cases

    window.export_action.trigger()
    qtbot.waitUntil(lambda: window.background.running == 0, timeout=20_000)
    assert len(json.loads(exported.read_text("utf-8"))) == before + 30

    window.backup_action.trigger()
    qtbot.waitUntil(lambda: window.background.running == 0, timeout=20_000)
    kind, _, text = prompter.shown[-1]
    assert kind == "info" and Path(text.split(": ", 1)[1]).is_file()


def test_saved_filters(qtbot: QtBot, workspace: Workspace, tmp_path: Path) -> None:
    prompter = ScriptedPrompter(texts=["Hjemmekontor, uten drøfting"])
    window = make_window(qtbot, workspace, tmp_path, prompter)
    window.type_filter.setCurrentIndex(window.type_filter.findData("home_office_policy"))
    window.timing_filter.setCurrentIndex(window.timing_filter.findData("information_only"))
    window.save_filter()
    assert [r.number for r in window.model.rows] == ["2026/4"]
    window.type_filter.setCurrentIndex(0)
    window.timing_filter.setCurrentIndex(0)
    assert window.model.total == 10
    again = make_window(qtbot, workspace, tmp_path, ScriptedPrompter())  # kept in the settings
    index = again.saved_filters.findData("Hjemmekontor, uten drøfting")
    assert index > 0
    again.saved_filters.setCurrentIndex(index)
    again.saved_filters.activated.emit(index)
    assert [r.number for r in again.model.rows] == ["2026/4"]
    assert again.type_filter.currentData() == "home_office_policy"


def test_first_start_welcomes_and_the_list_fills(qtbot: QtBot, tmp_path: Path) -> None:
    fresh = Workspace.open(data_dir=tmp_path / "fresh", clock=lambda: TODAY)
    try:
        window = make_window(qtbot, fresh, tmp_path, ScriptedPrompter())
        assert window.model.total == 0
        window.welcome_if_new()
        dialog = window.welcome_dialog
        qtbot.keyClicks(dialog.form.edits["name"], "Kari Nordmann")
        qtbot.keyClicks(dialog.form.edits["place"], "Tromsø")
        dialog.demo.setChecked(True)
        with qtbot.waitSignal(dialog.accepted, timeout=30_000):
            qtbot.mouseClick(dialog.start, Qt.MouseButton.LeftButton)
        assert window.model.total >= 40  # the example cases are in the list at once
        window.welcome_if_new()  # a profile now: no welcome again
        assert window.welcome_dialog is dialog
        window.settings_action.trigger()
        assert window.settings_dialog.isVisible()
    finally:
        fresh.close()


def test_the_assessment_follows_a_changed_date(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    window = make_window(qtbot, workspace, tmp_path, ScriptedPrompter())
    select_case(window, "2026/6")
    panel = window.case_view.assessment
    assert "Ikke drøftet ennå" in panel.verdict.text()
    assert [b.objectName() for b in panel.letter_buttons] == ["suggest-krav_om_drofting"]
    window.case_view.form.decision.set_value(date(2026, 11, 10))  # decided already
    window.save_action.trigger()
    assert "beslutning tatt" in panel.verdict.text()
    assert "Beslutningen er tatt uten drøfting." in panel.text.toPlainText()
    row = next(r for r in window.model.rows if r.number == "2026/6")
    assert row.timing == "not_held_decision_taken"  # the list's stored verdict followed too


def test_the_daily_duties_run_after_the_window_shows(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    import sqlalchemy as sa

    with workspace.db.session() as s:  # as if the verdicts were judged yesterday
        s.execute(sa.text("UPDATE cases SET verdict_at = NULL"))
    window = make_window(qtbot, workspace, tmp_path, ScriptedPrompter())
    window.start_daily_duties()
    qtbot.waitUntil(lambda: window.background.running == 0, timeout=20_000)
    message = window.statusBar().currentMessage()
    assert "Vurderingen er oppdatert for 10 saker" in message
    assert "Sikkerhetskopi tatt" in message  # the first backup of a database with data


def test_employer_and_year_filters(qtbot: QtBot, workspace: Workspace, tmp_path: Path) -> None:
    window = make_window(qtbot, workspace, tmp_path, ScriptedPrompter())
    combo = window.employer_filter
    assert combo.count() == 1  # the register is read when the list is first opened
    combo.fill()
    combo.setCurrentIndex(combo.findText("Nordkyst Sparebank"))
    assert {r.number for r in window.model.rows} == {"2026/1", "2026/2"}
    combo.setCurrentIndex(0)
    window.year_filter.setCurrentIndex(window.year_filter.findData(2025))
    assert window.model.total == 0  # every scenario is numbered in 2026
    window.year_filter.setCurrentIndex(window.year_filter.findData(2026))
    assert window.model.total == 10


def test_the_report_dialog(qtbot: QtBot, workspace: Workspace, tmp_path: Path) -> None:
    opened: list[Path] = []
    window = make_window(qtbot, workspace, tmp_path, ScriptedPrompter())
    window.case_view.opener = lambda path: opened.append(path) or True
    window.report_action.trigger()
    dialog = window.report_dialog
    dialog.out.setText(str(tmp_path / "avbrutt.docx"))
    dialog.make()
    dialog.work.dialog.canceled.emit()  # type: ignore[union-attr]  # «Avbryt»
    qtbot.waitUntil(lambda: window.background.running == 0, timeout=60_000)
    assert not (tmp_path / "avbrutt.docx").exists() and opened == []
    assert "avbrutt" in window.prompter.shown[-1][2]  # type: ignore[attr-defined]
    dialog.out.setText(str(tmp_path / "rapport.docx"))
    dialog.make()
    qtbot.waitUntil(lambda: window.background.running == 0, timeout=60_000)
    assert opened == [tmp_path / "rapport.docx"]
    assert (tmp_path / "rapport.xlsx").is_file()
    assert "Rapport til landsmøtet" in docx_text((tmp_path / "rapport.docx").read_bytes())
    assert dialog.min_cell.minimum() == 3  # the floor: no lower protection can be chosen
    # The same file again: the window asks first; «no» leaves the file as it was.
    before = (tmp_path / "rapport.docx").read_bytes()
    window.prompter.confirms.append(False)  # type: ignore[attr-defined]
    dialog.with_csv.setChecked(True)
    dialog.make()
    assert window.background.running == 0
    assert (tmp_path / "rapport.docx").read_bytes() == before
    assert not (tmp_path / "rapport.csv").exists()


def test_the_employer_register_is_read_once_not_per_case(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    calls = count_calls(workspace, "employer_choices")
    window = make_window(qtbot, workspace, tmp_path, ScriptedPrompter())
    for number in ("2026/6", "2026/5", "2026/4", "2026/3"):
        select_case(window, number)
    assert len(calls) == 1  # the form's employer list, read when the first case opened
    window.employers_view.employers_changed.emit()  # a new or renamed employer
    assert len(calls) == 2
    assert window.case_view.form.employer.currentData() == window.detail.case.employer_id  # type: ignore[union-attr]


def test_report_summary_proposed_previewed_anonymised_and_saved(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    from tillitsvalgt.shapes import EventCreate

    case = workspace.case_detail("2026/6").case
    workspace.add_event(
        case.id,
        EventCreate(
            kind="consultation_meeting",
            occurred_on=date(2026, 10, 1),
            participants="Gunnhild Rasmussen (HR)",
        ),
    )
    window = make_window(qtbot, workspace, tmp_path, ScriptedPrompter())
    select_case(window, "2026/6")
    form = window.case_view.form
    assert not form.report_include.isChecked() and form.report_summary.toPlainText() == ""
    qtbot.mouseClick(form.propose_button, Qt.MouseButton.LeftButton)
    proposal = form.report_summary.toPlainText()
    assert "varslet" in proposal and form.report_include.isChecked()
    assert window.save_action.isEnabled()  # the proposal is an unsaved change
    form.report_summary.moveCursor(form.report_summary.textCursor().MoveOperation.End)
    qtbot.keyClicks(form.report_summary, " Gunnhild Rasmussen lovet svar 3. oktober 2026.")
    # The person names are read off the GUI thread; the preview follows them.
    qtbot.waitUntil(lambda: "Tatt ut" in form.summary_preview.text(), timeout=10_000)
    preview = form.summary_preview.text()
    assert "[navn] lovet svar i oktober 2026." in preview
    assert "Tatt ut: Gunnhild, Rasmussen" in preview
    # While the name was half typed («Gu…») it was a word the app could not place, so
    # the mark came off; with the whole (known) name it can go on again.
    assert form.report_include.isEnabled()
    form.report_include.setChecked(True)
    window.save_action.trigger()
    saved = workspace.case_detail("2026/6").case
    assert saved.report_include is True
    assert saved.report_summary is not None
    assert saved.report_summary.endswith("Gunnhild Rasmussen lovet svar 3. oktober 2026.")
    # A second proposal never throws the representative's text away.
    qtbot.mouseClick(form.propose_button, Qt.MouseButton.LeftButton)
    assert form.report_summary.toPlainText().endswith(saved.report_summary)


def test_a_word_the_app_cannot_place_must_be_confirmed_before_the_summary_goes_in(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    window = make_window(qtbot, workspace, tmp_path, ScriptedPrompter())
    select_case(window, "2026/6")
    form = window.case_view.form
    form.report_summary.setPlainText("Etter møtet ga Gulliksen beskjed om endringen.")
    qtbot.waitUntil(lambda: "«Gulliksen»" in form.summary_preview.text(), timeout=10_000)
    assert form.unplaced_ok.isVisibleTo(form) and not form.report_include.isEnabled()
    assert not form.report_include.isChecked()
    form.unplaced_ok.setChecked(True)
    assert form.report_include.isEnabled()
    form.report_include.setChecked(True)
    # Rewritten without the word: nothing to confirm.
    form.report_summary.setPlainText("Etter møtet ga ledelsen beskjed om endringen.")
    assert not form.unplaced_ok.isVisibleTo(form) and form.report_include.isEnabled()


def test_the_summary_waits_for_the_names_and_its_mark_is_left_alone_meanwhile(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    """The names are read in the background (3.8 s at a million cases). Until they come no
    word can be cleared: the mark cannot be set, and one already set is not taken off."""
    import threading

    release = threading.Event()
    real = workspace.person_names

    def slow() -> Any:
        release.wait(10)
        return real()

    workspace.person_names = slow  # type: ignore[method-assign]
    window = make_window(qtbot, workspace, tmp_path, ScriptedPrompter())
    select_case(window, "2026/6")
    form = window.case_view.form
    form.report_include.setChecked(True)
    form.report_summary.setPlainText("Etter møtet ga Gulliksen beskjed om endringen.")
    assert form.summary_preview.text().startswith("Sjekker teksten mot navnene")
    assert form.report_include.isChecked() and not form.report_include.isEnabled()
    release.set()
    qtbot.waitUntil(lambda: "«Gulliksen»" in form.summary_preview.text(), timeout=10_000)
    # Now the word is one the app cannot place: the mark comes off until it is confirmed.
    assert not form.report_include.isChecked() and not form.report_include.isEnabled()
    form.unplaced_ok.setChecked(True)
    assert form.report_include.isEnabled()


def _names_held_back(workspace: Workspace, later: Any = None) -> Any:
    """The background's read of the person names held until the returned event is set; a
    read on the window's own thread (the save's) answers at once, by ``later`` or by the
    real read. Told apart by thread, not by order: on a loaded machine the save's read
    could come before the background's had begun."""
    import threading

    release = threading.Event()
    real = workspace.person_names

    def held() -> Any:
        if threading.current_thread() is not threading.main_thread():
            release.wait(10)
            return real()
        return (later or real)()

    workspace.person_names = held  # type: ignore[method-assign]
    return release


def _marked_summary_typed(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path, text: str
) -> tuple[Any, ScriptedPrompter]:
    """Case 2026/6 open, a summary typed and marked while the names are still read."""
    prompter = ScriptedPrompter()
    window = make_window(qtbot, workspace, tmp_path, prompter)
    select_case(window, "2026/6")
    form = window.case_view.form
    form.report_include.setChecked(True)
    form.report_summary.setPlainText(text)
    assert form.summary_preview.text().startswith("Sjekker teksten mot navnene")
    return window, prompter


def test_a_summary_saved_before_the_names_come_is_checked_before_it_is_stored(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    """The attack: a marked summary, a name typed into it in the seconds the names are
    still being read, and Save at once. It must not be stored marked unchecked."""
    case = workspace.case_detail("2026/6").case
    workspace.update_case(
        case.id,
        CaseUpdate(
            version=case.version, report_summary="Ledelsen trakk forslaget.", report_include=True
        ),
    )
    release = _names_held_back(workspace)
    prompter = ScriptedPrompter()
    window = make_window(qtbot, workspace, tmp_path, prompter)
    try:
        select_case(window, "2026/6")
        form = window.case_view.form
        form.report_summary.moveCursor(form.report_summary.textCursor().MoveOperation.End)
        qtbot.keyClicks(form.report_summary, " Gulliksen ga beskjed.")
        assert form.summary_preview.text().startswith("Sjekker teksten mot navnene")
        assert form.report_include.isChecked()  # the mark as stored, not yet checked
        window.save_action.trigger()
        kind, title, text = prompter.shown[-1]
        assert (kind, title) == ("error", "Saken er ikke lagret")
        assert "navn programmet ikke kjenner" in text
        assert "«Gulliksen»" in form.summary_preview.text()
        assert not form.report_include.isChecked()
        stored = workspace.case_detail("2026/6").case
        assert stored.report_summary == "Ledelsen trakk forslaget." and stored.report_include
        # Confirmed by the user, it is stored as they meant it.
        form.unplaced_ok.setChecked(True)
        form.report_include.setChecked(True)
        window.save_action.trigger()
        stored = workspace.case_detail("2026/6").case
        assert stored.report_summary == "Ledelsen trakk forslaget. Gulliksen ga beskjed."
        assert stored.report_include
    finally:
        release.set()


def test_a_summary_with_known_names_saved_before_the_names_come_is_stored(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    release = _names_held_back(workspace)
    try:
        text = "Forslaget ble trukket etter drøftingen."
        window, prompter = _marked_summary_typed(qtbot, workspace, tmp_path, text)
        window.save_action.trigger()
        assert not [m for m in prompter.shown if m[0] == "error"], prompter.shown
        stored = workspace.case_detail("2026/6").case
        assert stored.report_include and stored.report_summary == text
    finally:
        release.set()


def test_a_summary_is_not_stored_marked_when_the_names_cannot_be_read_at_save(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    from tillitsvalgt.errors import UserError

    def locked() -> Any:
        raise UserError("Databasen er opptatt.")

    release = _names_held_back(workspace, later=locked)
    try:
        text = "Forslaget ble trukket."
        window, prompter = _marked_summary_typed(qtbot, workspace, tmp_path, text)
        window.save_action.trigger()
        assert prompter.shown[-1] == ("error", "Saken er ikke lagret", "Databasen er opptatt.")
        stored = workspace.case_detail("2026/6").case
        assert not stored.report_include and stored.report_summary is None
    finally:
        release.set()


def test_the_names_are_read_when_the_first_case_opens_not_when_the_summary_is_typed(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    calls = count_calls(workspace, "person_names")
    window = make_window(qtbot, workspace, tmp_path, ScriptedPrompter())
    select_case(window, "2026/6")  # no summary on it
    qtbot.waitUntil(lambda: window.background.running == 0, timeout=10_000)
    assert len(calls) == 1
    form = window.case_view.form
    form.report_summary.setPlainText("Etter møtet ga Gulliksen beskjed om endringen.")
    # Checked at once, with the names already read.
    assert "«Gulliksen»" in form.summary_preview.text()
    select_case(window, "2026/4")
    assert len(calls) == 1  # once, not per case


def test_names_that_cannot_be_read_keep_the_summary_out_and_say_why(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    from tillitsvalgt.errors import UserError

    def locked() -> Any:
        raise UserError("Databasen er opptatt.")

    workspace.person_names = locked  # type: ignore[method-assign]
    window = make_window(qtbot, workspace, tmp_path, ScriptedPrompter())
    select_case(window, "2026/6")
    form = window.case_view.form
    form.report_summary.setPlainText("Ledelsen trakk forslaget.")
    qtbot.waitUntil(lambda: "Kan ikke sjekke teksten" in form.summary_preview.text(), timeout=9000)
    assert "Databasen er opptatt." in form.summary_preview.text()
    assert not form.report_include.isEnabled() and not form.report_include.isChecked()


def test_restore_from_a_backup_in_the_window(
    qtbot: QtBot, qtmodeltester: Any, workspace: Workspace, tmp_path: Path
) -> None:
    from tillitsvalgt.shapes import CaseCreate

    first = workspace.backup_now()
    employer = workspace.case_detail("2026/6").case.employer_id
    added = workspace.create_case(
        CaseCreate(title="Lagt til etter kopien", employer_id=employer, case_type="other")
    )
    damaged = workspace.backup_now()
    with damaged.open("r+b") as fh:  # a changed byte: the checksum no longer matches
        fh.seek(5000)
        byte = fh.read(1)
        fh.seek(5000)
        fh.write(bytes([byte[0] ^ 0xFF]))
    prompter = ScriptedPrompter(confirms=[True])
    window = make_window(qtbot, workspace, tmp_path, prompter)
    window.show_case(added.number)
    window.restore_backup_action.trigger()
    dialog = window.restore_dialog
    model = dialog.model
    assert [b.path for b in model.items] == [damaged, first]  # newest first
    qtmodeltester.check(model)
    assert model.data(model.index(1, 1)) == "Tatt for hånd"
    qtbot.waitUntil(lambda: damaged in dialog.checked, timeout=20_000)
    assert not dialog.restore_button.isEnabled()
    assert "sjekksummen stemmer ikke" in dialog.status.text()
    dialog.table.selectRow(1)
    qtbot.waitUntil(lambda: dialog.restore_button.isEnabled(), timeout=20_000)
    assert "hel og kan brukes" in dialog.status.text()
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: window.background.running == 0, timeout=20_000)
    assert prompter.shown[-1][0] == "info" and "gjenopprettet" in prompter.shown[-1][2]
    # The case added after the backup is gone, from the database and from the window.
    numbers = [r.number for r in window.model.rows]
    assert added.number not in numbers and "2026/6" in numbers
    assert window.detail is None and not window.case_view.isEnabled()
    # The state before the restore was kept as a backup of its own, and can be restored.
    kinds = [b.reason for b in workspace.backups()]
    assert "for-gjenoppretting" in kinds
