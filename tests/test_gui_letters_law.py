"""The desktop app and the law: the letter dialog keeps its draft's number when saved again
and shows what to check, the case form carries the building-permit answer, and the employer
dialog warns about a sector and agreement that do not fit. pytest-qt, offscreen."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tillitsvalgt.letters.render import docx_text
from tillitsvalgt.services import cases, employers
from tillitsvalgt.services.representatives import create_representative
from tillitsvalgt.shapes import CaseCreate, EmployerCreate, RepresentativeCreate
from tillitsvalgt.workspace import Workspace
from ui.dialogs.employer_dialog import EmployerDialog
from ui.errors import CrashReporter
from ui.main_window import MainWindow
from ui.prompts import ScriptedPrompter

from helpers.gui import make_window, select_case

TODAY = date(2026, 3, 2)


@pytest.fixture
def workspace(tmp_path: Path) -> Any:
    ws = Workspace.open(data_dir=tmp_path / "data", clock=lambda: TODAY)
    with ws.db.session() as s:
        employer = employers.create_employer(
            EmployerCreate(
                name="Verkstedet AS", employees=120, agreement="lo-nho", sector="privat"
            ),
            session=s,
        )
        cases.create_case(
            CaseCreate(
                title="Nytt landskap i 2. etasje",
                employer_id=employer.id,
                case_type="office_layout",
                notice_on=date(2026, 2, 20),
            ),
            session=s,
            today=TODAY,
        )
        create_representative(
            RepresentativeCreate(name="Kari Nordmann", union_name="Delta", place="Oslo"),
            session=s,
        )
    yield ws
    ws.close()


def window_for(qtbot: QtBot, workspace: Workspace, tmp_path: Path, prompter: Any) -> MainWindow:
    window = make_window(qtbot, workspace, tmp_path, prompter)
    select_case(window, "2026/1")
    return window


def test_saving_a_letter_twice_keeps_its_number_and_the_preview_shows_it(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    first, second = tmp_path / "a.docx", tmp_path / "b.docx"
    prompter = ScriptedPrompter(paths=[first, second])
    window = window_for(qtbot, workspace, tmp_path, prompter)
    window.new_letter("krav_om_drofting")
    dialog = window.letter_dialog
    qtbot.waitUntil(lambda: "2026/1-1" in dialog.preview.toPlainText(), timeout=5000)
    # The sender is Delta (YS): the letter cites YS–NHO and says why.
    assert "YS–NHO" in dialog.preview.toPlainText()
    assert "LO–NHO" not in dialog.preview.toPlainText()
    assert not dialog.notices.isHidden()
    assert "registrert med Hovedavtalen LO–NHO" in dialog.notices.text()
    # The case's LO–NHO box stands for what the letter cites: YS–NHO.
    box = dialog.provision_boxes["ha-lo-nho:kap-IX"]
    assert box.isChecked() and box.text().startswith("Hovedavtalen YS–NHO kapittel IX")
    qtbot.mouseClick(dialog.save_word, Qt.MouseButton.LeftButton)
    assert "Vår ref.: 2026/1-1" in docx_text(first.read_bytes())
    assert dialog.mark_sent.isEnabled()
    dialog.extra.setPlainText("Vi ber også om tegningene.")
    assert not dialog.mark_sent.isEnabled()  # the saved draft is not what is shown now
    qtbot.waitUntil(lambda: "tegningene." in dialog.preview.toPlainText(), timeout=5000)
    assert "2026/1-1" in dialog.preview.toPlainText()  # the number it will carry
    assert "2026/1-2" not in dialog.preview.toPlainText()
    qtbot.mouseClick(dialog.save_word, Qt.MouseButton.LeftButton)
    text = docx_text(second.read_bytes())
    assert "Vår ref.: 2026/1-1" in text and "tegningene." in text
    detail = workspace.case_detail("2026/1")
    assert [d.number for d in detail.documents] == ["2026/1-1"]
    qtbot.mouseClick(dialog.mark_sent, Qt.MouseButton.LeftButton)
    assert workspace.case_detail("2026/1").documents[0].frozen
    # Sent is final: the next letter from the dialog is a new one with the next number.
    dialog.extra.setPlainText("Purring på tegningene.")
    qtbot.waitUntil(lambda: "2026/1-2" in dialog.preview.toPlainText(), timeout=5000)
    dialog.reject()


def test_the_case_form_carries_the_building_permit(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    window = window_for(qtbot, workspace, tmp_path, ScriptedPrompter())
    form = window.case_view.form
    assert form.permit.currentData() is None  # unknown until the representative says so
    assert form.permit.objectName() == "buildingPermit"
    form.permit.setCurrentIndex(form.permit.findData(True))
    assert window.save_action.isEnabled()
    window.save_action.trigger()
    detail = workspace.case_detail("2026/1")
    assert detail.case.building_permit is True
    assert any(p.key == "aml:18-9" for p in detail.assessment.provisions)
    assert any("samtykke" in g for g in detail.assessment.evidence_gaps)
    form.apply({"building_permit": False})
    window.save_action.trigger()
    assert workspace.case_detail("2026/1").case.building_permit is False


def test_the_employer_dialog_warns_when_sector_and_agreement_do_not_fit(
    qtbot: QtBot, workspace: Workspace
) -> None:
    prompter = ScriptedPrompter()
    dialog = EmployerDialog(
        workspace, prompter=prompter, crashes=CrashReporter(prompter, enabled=False)
    )
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.agreement_message.isHidden()
    dialog.sector.setCurrentIndex(dialog.sector.findData("stat"))
    dialog.agreement.setCurrentIndex(dialog.agreement.findData("lo-nho"))
    assert not dialog.agreement_message.isHidden()
    assert "passer ikke" in dialog.agreement_message.text()
    dialog.agreement.setCurrentIndex(dialog.agreement.findData("staten"))
    assert dialog.agreement_message.isHidden()
    # A warning, not a refusal: the register may know better than the catalogue.
    dialog.agreement.setCurrentIndex(dialog.agreement.findData("lo-nho"))
    qtbot.keyClicks(dialog.name, "Departementet")
    dialog.accept()
    assert dialog.saved is not None and dialog.saved.agreement == "lo-nho"


def test_the_profile_says_which_confederation_the_union_belongs_to(
    qtbot: QtBot, workspace: Workspace
) -> None:
    from ui.dialogs.welcome_dialog import ProfileForm

    form = ProfileForm(with_signature=True)
    qtbot.addWidget(form)
    form.set_profile(None)
    assert form.confederation.currentData() is None
    form.edits["name"].setText("Kari Nordmann")
    form.edits["place"].setText("Oslo")
    form.confederation.setCurrentIndex(form.confederation.findData("ys"))
    saved = workspace.save_profile(form.profile())
    assert saved.confederation == "ys"
    again = ProfileForm()
    qtbot.addWidget(again)
    again.set_profile(saved)
    assert again.confederation.currentData() == "ys"
