"""The employer register in the desktop app, driven with pytest-qt on the offscreen
platform: the table model, search as you type, the employer dialog (org.nr checked while
typing, refusals that keep what was typed, optimistic locking with reload), deleting, and
the selected employer's cases."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from tillitsvalgt.services import transfer
from tillitsvalgt.services.cases import CaseQuery
from tillitsvalgt.shapes import EmployerCreate, EmployerRead, EmployerUpdate
from tillitsvalgt.workspace import Workspace
from ui.dialogs.employer_dialog import EmployerDialog
from ui.errors import CrashReporter
from ui.models.employer_table import (
    AGREEMENT,
    CASE_NUMBER,
    CONTACT,
    EMPLOYEES,
    NAME,
    ORGNR,
    SECTOR,
    EmployerCaseTableModel,
    EmployerTableModel,
)
from ui.prompts import ScriptedPrompter
from ui.views.employers_view import EmployersView

from conftest import SCENARIOS

TODAY = date(2026, 11, 20)
NORDKYST = "Nordkyst Sparebank"  # 952 601 814, two cases (2026/1 and 2026/2)
FREE_ORGNR = "974760673"  # valid, and not in the scenarios


@pytest.fixture
def workspace(tmp_path: Path) -> Any:
    ws = Workspace.open(data_dir=tmp_path / "data", clock=lambda: TODAY)
    with ws.db.session() as s:
        transfer.import_bundle(json.loads(SCENARIOS.read_text("utf-8")), session=s, today=TODAY)
    yield ws
    ws.close()


def make_view(qtbot: QtBot, workspace: Workspace, prompter: ScriptedPrompter) -> EmployersView:
    view = EmployersView(
        workspace, prompter=prompter, crashes=CrashReporter(prompter, enabled=False)
    )
    qtbot.addWidget(view)
    view.resize(900, 700)  # inside the offscreen screen (800×800 is fine for height)
    view.show()
    return view


def employer_named(workspace: Workspace, name: str) -> EmployerRead:
    return next(e for e in workspace.find_employers() if e.name == name)


def select(view: EmployersView, name: str) -> EmployerRead:
    row = next(i for i, e in enumerate(view.model.employers) if e.name == name)
    view.table.selectRow(row)
    selected = view.selected_employer()
    assert selected is not None and selected.name == name
    return selected


def open_new(qtbot: QtBot, view: EmployersView) -> EmployerDialog:
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert dialog is not None and dialog.isVisible() and dialog.employer is None
    return dialog


def open_edit(qtbot: QtBot, view: EmployersView, name: str) -> EmployerDialog:
    select(view, name)
    qtbot.mouseClick(view.edit_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert dialog is not None and dialog.isVisible() and dialog.employer is not None
    assert dialog.name.text() == name
    return dialog


def set_employees(qtbot: QtBot, dialog: EmployerDialog, count: int) -> None:
    dialog.employees.lineEdit().selectAll()
    qtbot.keyClicks(dialog.employees, str(count))
    assert dialog.employees.value() == count


def errors(prompter: ScriptedPrompter) -> list[str]:
    return [text for kind, _, text in prompter.shown if kind == "error"]


# --------------------------------------------------------------------------- the models


def test_the_models_pass_qt_model_tester(qtmodeltester: Any, workspace: Workspace) -> None:
    model = EmployerTableModel()
    model.set_employers(workspace.find_employers())
    assert model.rowCount() == 9
    qtmodeltester.check(model)
    row = model.row_of(employer_named(workspace, NORDKYST).id)
    assert row is not None
    cell = {c: model.data(model.index(row, c)) for c in range(model.columnCount())}
    assert cell[NAME] == NORDKYST
    assert cell[ORGNR] == "952 601 814"
    assert cell[SECTOR] == "Privat sektor"
    assert cell[AGREEMENT] == "Hovedavtalen Finans Norge–Finansforbundet"
    assert cell[EMPLOYEES] == "180"
    assert cell[CONTACT] == ""
    assert model.headerData(ORGNR, Qt.Orientation.Horizontal) == "Org.nr."

    cases = EmployerCaseTableModel()
    page = workspace.list_cases(CaseQuery(employer_id=model.employers[row].id, today=TODAY))
    cases.set_rows(page.rows)
    qtmodeltester.check(cases)
    numbers = {cases.data(cases.index(r, CASE_NUMBER)) for r in range(cases.rowCount())}
    assert numbers == {"2026/1", "2026/2"}


def test_contact_column_falls_back_to_email_and_shows_all_in_the_tooltip(
    workspace: Workspace,
) -> None:
    saved = workspace.create_employer(
        EmployerCreate(
            name="Kontakt AS", contact_email="hr@kontakt.no", contact_phone="22 22 22 22"
        )
    )
    model = EmployerTableModel()
    model.set_employers([saved])
    assert model.data(model.index(0, CONTACT)) == "hr@kontakt.no"
    tooltip = model.data(model.index(0, CONTACT), Qt.ItemDataRole.ToolTipRole)
    assert "hr@kontakt.no" in tooltip and "22 22 22 22" in tooltip
    assert model.data(model.index(0, ORGNR)) == ""


# --------------------------------------------------------------------------- the list


def test_search_filters_as_you_type(qtbot: QtBot, workspace: Workspace) -> None:
    view = make_view(qtbot, workspace, ScriptedPrompter())
    assert view.model.rowCount() == 9 and view.count.text() == "9 virksomheter"
    qtbot.keyClicks(view.search, "sparebank")
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=10_000)
    assert view.model.employers[0].name == NORDKYST
    assert view.count.text() == "1 virksomhet"

    view.search.clear()
    qtbot.waitUntil(lambda: view.model.rowCount() == 9, timeout=10_000)
    qtbot.keyClicks(view.search, "952 601")  # an org.nr as people write it
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=10_000)
    assert view.model.employers[0].orgnr == "952601814"

    view.search.clear()
    qtbot.keyClicks(view.search, "finnes ikke")
    qtbot.waitUntil(lambda: view.model.rowCount() == 0, timeout=10_000)
    assert view.count.text() == "Ingen virksomheter"


def test_the_selected_employers_cases_and_activating_one(
    qtbot: QtBot, workspace: Workspace
) -> None:
    view = make_view(qtbot, workspace, ScriptedPrompter())
    assert view.case_model.rowCount() == 0 and not view.edit_button.isEnabled()
    nordkyst = select(view, NORDKYST)
    assert view.edit_button.isEnabled() and view.delete_button.isEnabled()
    expected = {
        r.number: r.id
        for r in workspace.list_cases(CaseQuery(employer_id=nordkyst.id, today=TODAY)).rows
    }
    assert set(expected) == {"2026/1", "2026/2"}
    assert {r.number for r in view.case_model.rows} == set(expected)
    assert "Nordkyst Sparebank" in view.cases_label.text() and "(2)" in view.cases_label.text()

    select(view, "Tromsø Logistikk AS")
    assert [r.number for r in view.case_model.rows] == ["2026/7"]
    select(view, NORDKYST)

    row = next(i for i, r in enumerate(view.case_model.rows) if r.number == "2026/1")
    rect = view.cases.visualRect(view.case_model.index(row, CASE_NUMBER))
    assert rect.isValid()
    # A real double-click starts with a click (QTest's double-click alone has no press).
    qtbot.mouseClick(view.cases.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(view.case_activated, timeout=2000) as blocker:
        qtbot.mouseDClick(view.cases.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [expected["2026/1"]]

    # The keyboard does the same: Enter on the current case.
    other = next(i for i, r in enumerate(view.case_model.rows) if r.number == "2026/2")
    view.cases.setFocus()
    view.cases.setCurrentIndex(view.case_model.index(other, CASE_NUMBER))
    with qtbot.waitSignal(view.case_activated, timeout=2000) as blocker:
        qtbot.keyClick(view.cases, Qt.Key.Key_Return)
    assert blocker.args == [expected["2026/2"]]


# --------------------------------------------------------------------------- the dialog


def test_create_an_employer_through_the_dialog(qtbot: QtBot, workspace: Workspace) -> None:
    view = make_view(qtbot, workspace, ScriptedPrompter())
    dialog = open_new(qtbot, view)
    assert dialog.windowTitle() == "Ny virksomhet"
    assert not dialog.ok_button.isEnabled()  # no name yet
    qtbot.keyClicks(dialog.name, "Tindesenteret Kontorfellesskap AS")
    qtbot.keyClicks(dialog.orgnr, "974 760 673")
    qtbot.keyClicks(dialog.address, "Storgata 1, 9008 Tromsø")
    dialog.sector.setCurrentIndex(dialog.sector.findData("kommune"))
    dialog.agreement.setCurrentIndex(dialog.agreement.findData("ks"))
    set_employees(qtbot, dialog, 120)
    qtbot.keyClicks(dialog.contact_name, "Per Olsen")
    qtbot.keyClicks(dialog.contact_email, "per.olsen@tindesenteret.no")
    qtbot.keyClicks(dialog.contact_phone, "77 00 00 00")
    assert dialog.ok_button.isEnabled()
    with qtbot.waitSignal(view.employers_changed, timeout=2000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()

    stored = employer_named(workspace, "Tindesenteret Kontorfellesskap AS")
    assert stored.orgnr == FREE_ORGNR
    assert (stored.sector, stored.agreement, stored.employees) == ("kommune", "ks", 120)
    assert stored.address == "Storgata 1, 9008 Tromsø"
    assert (stored.contact_name, stored.contact_email, stored.contact_phone) == (
        "Per Olsen",
        "per.olsen@tindesenteret.no",
        "77 00 00 00",
    )
    # It is in the list, selected, shown as people read it, with no cases yet.
    assert view.model.rowCount() == 10
    selected = view.selected_employer()
    assert selected is not None and selected.id == stored.id
    row = view.model.row_of(stored.id)
    assert row is not None
    assert view.model.data(view.model.index(row, ORGNR)) == "974 760 673"
    assert view.model.data(view.model.index(row, SECTOR)) == "Kommune og fylkeskommune"
    assert view.case_model.rowCount() == 0 and "ingen" in view.cases_label.text()


def test_the_org_number_is_checked_while_typing(qtbot: QtBot, workspace: Workspace) -> None:
    view = make_view(qtbot, workspace, ScriptedPrompter())
    dialog = open_new(qtbot, view)
    qtbot.keyClicks(dialog.name, "Prøve AS")
    assert dialog.ok_button.isEnabled()  # the org.nr is optional
    assert "Valgfritt" in dialog.orgnr_message.text()

    qtbot.keyClicks(dialog.orgnr, "12345")
    assert not dialog.ok_button.isEnabled()
    assert "9 sifre; 5 er skrevet" in dialog.orgnr_message.text()
    qtbot.keyClicks(dialog.orgnr, "6789")
    assert not dialog.ok_button.isEnabled()
    assert "123 456 789 er ikke et gyldig organisasjonsnummer" in dialog.orgnr_message.text()
    assert "kontrollsifferet" in dialog.orgnr_message.text()
    qtbot.keyClick(dialog.orgnr, Qt.Key.Key_Return)  # Enter cannot save a wrong number
    assert dialog.isVisible() and workspace.find_employers("Prøve") == []

    dialog.orgnr.clear()
    qtbot.keyClicks(dialog.orgnr, "952601814")
    assert dialog.ok_button.isEnabled()
    assert "Gyldig organisasjonsnummer: 952 601 814" in dialog.orgnr_message.text()
    dialog.orgnr.clear()
    qtbot.keyClicks(dialog.orgnr, "95260181x")
    assert not dialog.ok_button.isEnabled() and "bare inneholde sifre" in (
        dialog.orgnr_message.text()
    )
    dialog.orgnr.clear()
    qtbot.keyClicks(dialog.orgnr, "NO 974 760 673 MVA")  # as printed on an invoice
    assert dialog.ok_button.isEnabled()
    assert dialog.values()["orgnr"] == FREE_ORGNR

    dialog.name.clear()  # a name is required too
    assert not dialog.ok_button.isEnabled()


def test_a_duplicate_org_number_is_refused_and_nothing_typed_is_lost(
    qtbot: QtBot, workspace: Workspace
) -> None:
    prompter = ScriptedPrompter()
    view = make_view(qtbot, workspace, prompter)
    dialog = open_new(qtbot, view)
    qtbot.keyClicks(dialog.name, "Kopi Sparebank")
    qtbot.keyClicks(dialog.orgnr, "952601814")  # valid, but Nordkyst Sparebank has it
    qtbot.keyClicks(dialog.address, "Strandveien 5")
    dialog.agreement.setCurrentIndex(dialog.agreement.findData("finans-finansforbundet"))
    qtbot.keyClicks(dialog.contact_name, "Lise Berg")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    assert len(errors(prompter)) == 1
    assert "allerede registrert" in errors(prompter)[0]
    assert "Nordkyst Sparebank" in errors(prompter)[0]
    assert dialog.isVisible()
    assert dialog.name.text() == "Kopi Sparebank"
    assert dialog.orgnr.text() == "952601814"
    assert dialog.address.text() == "Strandveien 5"
    assert dialog.agreement.currentData() == "finans-finansforbundet"
    assert dialog.contact_name.text() == "Lise Berg"
    assert workspace.find_employers("Kopi") == []

    dialog.orgnr.clear()
    qtbot.keyClicks(dialog.orgnr, FREE_ORGNR)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and len(errors(prompter)) == 1
    stored = employer_named(workspace, "Kopi Sparebank")
    assert (stored.orgnr, stored.address, stored.contact_name) == (
        FREE_ORGNR,
        "Strandveien 5",
        "Lise Berg",
    )


def test_editing_a_stale_version_explains_the_conflict_and_offers_a_reload(
    qtbot: QtBot, workspace: Workspace
) -> None:
    prompter = ScriptedPrompter(confirms=[False, True])
    view = make_view(qtbot, workspace, prompter)
    dialog = open_edit(qtbot, view, NORDKYST)
    assert dialog.orgnr.text() == "952 601 814" and dialog.employees.value() == 180
    opened = dialog.employer
    assert opened is not None

    # Somebody else saves the employer while the dialog is open.
    workspace.update_employer(
        opened.id, EmployerUpdate(version=opened.version, contact_name="Ola Hansen")
    )
    set_employees(qtbot, dialog, 200)
    qtbot.keyClicks(dialog.contact_phone, "99 99 99 99")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    kind, title, text = prompter.shown[-1]
    assert kind == "confirm" and title == "Endret av noen andre"
    assert "endret av noen andre" in text and "laste inn" in text
    # "No": what was typed stays, nothing was saved.
    assert dialog.isVisible()
    assert dialog.employees.value() == 200 and dialog.contact_phone.text() == "99 99 99 99"
    stored = workspace.get_employer(opened.id)
    assert stored.employees == 180 and stored.contact_phone is None
    assert stored.contact_name == "Ola Hansen"

    # Trying again: the same conflict; "yes" loads the version saved now.
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert [k for k, _, _ in prompter.shown] == ["confirm", "confirm"]
    assert dialog.isVisible()
    assert dialog.contact_name.text() == "Ola Hansen"
    assert dialog.employees.value() == 180 and dialog.contact_phone.text() == ""
    assert dialog.employer is not None and dialog.employer.version == stored.version
    assert "Lastet inn" in dialog.status.text()

    set_employees(qtbot, dialog, 200)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and len(prompter.shown) == 2
    saved = workspace.get_employer(opened.id)
    assert saved.employees == 200 and saved.contact_name == "Ola Hansen"  # both changes kept
    assert saved.version == stored.version + 1
    row = view.model.row_of(opened.id)
    assert row is not None and view.model.data(view.model.index(row, EMPLOYEES)) == "200"


def test_an_edit_can_clear_optional_fields(qtbot: QtBot, workspace: Workspace) -> None:
    view = make_view(qtbot, workspace, ScriptedPrompter())
    dialog = open_edit(qtbot, view, NORDKYST)
    dialog.orgnr.clear()
    dialog.sector.setCurrentIndex(0)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    stored = employer_named(workspace, NORDKYST)
    assert stored.orgnr is None and stored.sector is None
    assert stored.agreement == "finans-finansforbundet"  # untouched fields stay


# --------------------------------------------------------------------------- deleting


def test_delete_asks_first_and_an_employer_with_cases_is_refused(
    qtbot: QtBot, workspace: Workspace
) -> None:
    prompter = ScriptedPrompter(confirms=[False, True, True])
    view = make_view(qtbot, workspace, prompter)
    nordkyst = select(view, NORDKYST)

    qtbot.mouseClick(view.delete_button, Qt.MouseButton.LeftButton)  # "no"
    assert prompter.shown[-1][0] == "confirm" and NORDKYST in prompter.shown[-1][2]
    assert workspace.get_employer(nordkyst.id).deleted_at is None

    qtbot.mouseClick(view.delete_button, Qt.MouseButton.LeftButton)  # "yes": refused
    assert prompter.shown[-1][0] == "error"
    assert "har 2 saker og kan ikke slettes" in prompter.shown[-1][2]
    assert workspace.get_employer(nordkyst.id).deleted_at is None
    assert view.model.rowCount() == 9

    empty = workspace.create_employer(EmployerCreate(name="Uten Saker AS"))
    view.reload()
    select(view, "Uten Saker AS")
    with qtbot.waitSignal(view.employers_changed, timeout=2000):
        qtbot.mouseClick(view.delete_button, Qt.MouseButton.LeftButton)
    assert [k for k, _, _ in prompter.shown] == ["confirm", "confirm", "error", "confirm"]
    assert all(e.id != empty.id for e in workspace.find_employers())
    assert view.model.row_of(empty.id) is None and view.model.rowCount() == 9
    assert view.selected_employer() is None and not view.delete_button.isEnabled()


# --------------------------------------------------------------------------- the keyboard


def test_labels_have_mnemonics_that_reach_their_fields(qtbot: QtBot, workspace: Workspace) -> None:
    view = make_view(qtbot, workspace, ScriptedPrompter())
    dialog = open_new(qtbot, view)
    fields: list[QWidget] = [
        dialog.name,
        dialog.orgnr,
        dialog.address,
        dialog.sector,
        dialog.agreement,
        dialog.employees,
        dialog.contact_name,
        dialog.contact_email,
        dialog.contact_phone,
    ]
    buddies = {label.buddy(): label.text() for label in dialog.findChildren(QLabel)}
    keys = []
    for field in fields:
        text = buddies.get(field)
        assert text is not None and "&" in text, field.objectName()
        keys.append(text[text.index("&") + 1].lower())
        assert field.toolTip(), field.objectName()
    keys += ["l", "b"]  # «&Lagre», «Av&bryt»
    assert len(keys) == len(set(keys)), keys  # no two fields share a mnemonic

    # Tab walks the form in reading order.
    dialog.name.setFocus()
    for field in fields[1:]:
        assert dialog.focusNextChild()
        assert field.hasFocus() or field.isAncestorOf(dialog.focusWidget()), field.objectName()
