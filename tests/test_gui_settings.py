"""The first-start welcome and the settings dialog, driven with pytest-qt on the offscreen
platform: a profile that is refused keeps what was typed, example cases on request, a
database choice that can only be saved after a successful test (and never with its
password), and the letters' settings with the check of a template folder."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel
from pytestqt.qtbot import QtBot

from tillitsvalgt import onboarding, settings
from tillitsvalgt.shapes import RepresentativeCreate
from tillitsvalgt.workspace import Workspace
from ui.dialogs.settings_dialog import DATABASE_TAB, LETTERS_TAB, SettingsDialog
from ui.dialogs.welcome_dialog import WelcomeDialog
from ui.errors import CrashReporter
from ui.prompts import ScriptedPrompter

from conftest import PgServer, make_case, make_employer

TODAY = date(2026, 11, 20)
SECRET = "hemmelig-pw"
WAIT_MS = 15_000


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    """A new user's workspace: an empty database and no profile."""
    ws = Workspace.open(data_dir=tmp_path / "data", clock=lambda: TODAY)
    yield ws
    ws.close()


def stored(workspace: Workspace) -> dict[str, str]:
    return dict(settings.load(workspace.data_dir))


def welcome(qtbot: QtBot, workspace: Workspace, prompter: ScriptedPrompter) -> WelcomeDialog:
    dialog = WelcomeDialog(
        workspace, prompter=prompter, crashes=CrashReporter(prompter, enabled=False)
    )
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def settings_dialog(
    qtbot: QtBot, workspace: Workspace, prompter: ScriptedPrompter
) -> SettingsDialog:
    dialog = SettingsDialog(
        workspace, prompter=prompter, crashes=CrashReporter(prompter, enabled=False)
    )
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def click(qtbot: QtBot, button: object) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- welcome


def test_the_welcome_refuses_a_profile_without_name_or_place_and_keeps_the_rest(
    qtbot: QtBot, workspace: Workspace
) -> None:
    prompter = ScriptedPrompter()
    dialog = welcome(qtbot, workspace, prompter)
    form = dialog.form
    assert "kontorendringer" in dialog.findChild(QLabel, "intro").text()
    qtbot.keyClicks(form.edits["role"], "hovedtillitsvalgt")
    qtbot.keyClicks(form.edits["email"], "kari@example.no")
    click(qtbot, dialog.start)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert not form.errors["name"].isHidden() and "må fylles ut" in form.errors["name"].text()
    assert not form.errors["place"].isHidden() and "Sted, dato" in form.errors["place"].text()
    assert form.errors["role"].isHidden()
    assert form.edits["role"].text() == "hovedtillitsvalgt"  # nothing typed is lost
    assert form.edits["email"].text() == "kari@example.no"
    assert dialog.focusWidget() is form.edits["name"]  # straight to the first problem
    assert onboarding.needs_welcome(workspace) and "profile" not in stored(workspace)

    qtbot.keyClicks(form.edits["name"], "Kari Nordmann")  # a name alone is not enough
    click(qtbot, dialog.start)
    assert dialog.isVisible() and form.errors["name"].isHidden()
    assert not form.errors["place"].isHidden()
    assert onboarding.needs_welcome(workspace)


def test_the_welcome_saves_the_profile_and_fills_example_cases(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    prompter = ScriptedPrompter()
    dialog = welcome(qtbot, workspace, prompter)
    assert dialog.demo.isEnabled() and not dialog.demo.isChecked()
    qtbot.keyClicks(dialog.form.edits["name"], "Kari Nordmann")
    qtbot.keyClicks(dialog.form.edits["role"], "hovedtillitsvalgt")
    qtbot.keyClicks(dialog.form.edits["place"], "Tromsø")
    dialog.demo.setChecked(True)
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        click(qtbot, dialog.start)
    assert prompter.shown == []
    count = onboarding.case_count(workspace)
    assert count >= 40
    assert dialog.demo_summary is not None and f"{count} nye saker" in dialog.demo_summary
    profile = workspace.profile()
    assert profile is not None and profile == dialog.saved
    assert (profile.name, profile.role, profile.place) == (
        "Kari Nordmann",
        "hovedtillitsvalgt",
        "Tromsø",
    )
    assert not onboarding.needs_welcome(workspace)
    again = Workspace.open(data_dir=tmp_path / "data")  # and at the next start
    try:
        assert not onboarding.needs_welcome(again)
    finally:
        again.close()


def test_the_welcome_adds_no_cases_unless_asked(qtbot: QtBot, workspace: Workspace) -> None:
    dialog = welcome(qtbot, workspace, ScriptedPrompter())
    qtbot.keyClicks(dialog.form.edits["name"], "Ola Nordmann")
    qtbot.keyClicks(dialog.form.edits["place"], "Bodø")
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        click(qtbot, dialog.start)
    assert onboarding.case_count(workspace) == 0 and dialog.demo_summary is None
    assert not onboarding.needs_welcome(workspace)


def test_example_cases_are_not_offered_beside_real_cases(
    qtbot: QtBot, workspace: Workspace
) -> None:
    make_case(workspace.db, make_employer(workspace.db), today=TODAY)
    dialog = welcome(qtbot, workspace, ScriptedPrompter())
    assert not dialog.demo.isEnabled()
    assert "allerede saker" in dialog.demo.toolTip()


def test_example_cases_refused_after_all_keep_the_dialog_open(
    qtbot: QtBot, workspace: Workspace
) -> None:
    prompter = ScriptedPrompter()
    dialog = welcome(qtbot, workspace, prompter)
    dialog.demo.setChecked(True)
    make_case(workspace.db, make_employer(workspace.db), today=TODAY)  # a case meanwhile
    qtbot.keyClicks(dialog.form.edits["name"], "Kari Nordmann")
    qtbot.keyClicks(dialog.form.edits["place"], "Tromsø")
    click(qtbot, dialog.start)
    qtbot.waitUntil(lambda: bool(prompter.shown), timeout=WAIT_MS)
    kind, title, text = prompter.shown[-1]
    assert kind == "error" and "Eksempelsakene" in title and "allerede 1 sak." in text
    assert "Profilen din er lagret" in text
    assert dialog.isVisible() and not dialog.demo.isEnabled()
    assert onboarding.case_count(workspace) == 1 and not onboarding.needs_welcome(workspace)
    assert dialog.form.edits["name"].text() == "Kari Nordmann"


# --------------------------------------------------------------------------- profile tab


def test_the_settings_dialog_edits_the_profile(qtbot: QtBot, workspace: Workspace) -> None:
    workspace.save_profile(
        RepresentativeCreate(name="Kari Nordmann", place="Tromsø", signature="Med hilsen Kari")
    )
    prompter = ScriptedPrompter()
    dialog = settings_dialog(qtbot, workspace, prompter)
    form = dialog.profile_form
    assert form.edits["name"].text() == "Kari Nordmann"
    assert form.signature is not None and form.signature.toPlainText() == "Med hilsen Kari"
    form.edits["role"].setText("hovedtillitsvalgt")
    form.edits["place"].setText("Harstad")
    click(qtbot, dialog.save_profile_button)
    profile = workspace.profile()
    assert profile is not None
    assert (profile.role, profile.place, profile.signature) == (
        "hovedtillitsvalgt",
        "Harstad",
        "Med hilsen Kari",
    )
    assert "lagret" in dialog.profile_status.text()

    form.edits["place"].clear()
    click(qtbot, dialog.save_profile_button)
    assert not form.errors["place"].isHidden()
    assert workspace.profile().place == "Harstad"  # type: ignore[union-attr]
    assert form.edits["role"].text() == "hovedtillitsvalgt"
    assert prompter.shown == []  # field problems are shown at the fields


# --------------------------------------------------------------------------- database tab


def test_a_database_is_saved_only_after_a_successful_test(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    prompter = ScriptedPrompter()
    dialog = settings_dialog(qtbot, workspace, prompter)
    dialog.tabs.setCurrentIndex(DATABASE_TAB)
    assert workspace.location in dialog.current_database.text()
    assert dialog.use_default.isChecked() and not dialog.sqlite_path.isEnabled()
    target = tmp_path / "annen mappe" / "saker.db"
    dialog.use_sqlite.setChecked(True)
    qtbot.keyClicks(dialog.sqlite_path, str(target))
    assert not dialog.save_database_button.isEnabled()
    assert not dialog.save_database()  # refused before a test
    assert prompter.shown[-1][0] == "error" and "Test tilkoblingen først" in prompter.shown[-1][2]
    assert "database" not in stored(workspace)

    click(qtbot, dialog.test_button)
    qtbot.waitUntil(lambda: dialog.test_result.text().startswith("✓"), timeout=WAIT_MS)
    assert str(target.resolve()) in dialog.test_result.text() and target.is_file()
    assert dialog.save_database_button.isEnabled()
    click(qtbot, dialog.save_database_button)
    assert stored(workspace)["database"] == str(target.resolve())
    assert dialog.restart_needed
    kind, _, text = prompter.shown[-1]
    assert kind == "info" and "på nytt" in text
    assert "på nytt" in dialog.test_result.text()
    assert str(target.resolve()) in dialog.saved_database.text()

    qtbot.keyClicks(dialog.sqlite_path, "x")  # a changed choice needs a new test
    assert not dialog.save_database_button.isEnabled() and not dialog.save_database()
    assert stored(workspace)["database"] == str(target.resolve())


def test_a_failed_test_cannot_be_saved(qtbot: QtBot, workspace: Workspace, tmp_path: Path) -> None:
    not_a_database = tmp_path / "notater.db"
    not_a_database.write_text("handleliste", encoding="utf-8")
    dialog = settings_dialog(qtbot, workspace, ScriptedPrompter())
    dialog.use_sqlite.setChecked(True)
    dialog.sqlite_path.setText(str(not_a_database))
    click(qtbot, dialog.test_button)
    qtbot.waitUntil(lambda: dialog.test_result.text().startswith("✗"), timeout=WAIT_MS)
    assert "ikke en Tillitsvalgt-database" in dialog.test_result.text()
    assert not dialog.save_database_button.isEnabled() and not dialog.save_database()
    assert "database" not in stored(workspace)


def test_a_server_address_is_tested_and_kept_without_its_password(
    qtbot: QtBot, workspace: Workspace
) -> None:
    dialog = settings_dialog(qtbot, workspace, ScriptedPrompter())
    dialog.tabs.setCurrentIndex(DATABASE_TAB)
    dialog.use_server.setChecked(True)
    qtbot.keyClicks(dialog.server_url, f"postgresql://kari:{SECRET}@127.0.0.1:1/tv")
    assert dialog.password_note.isVisible()
    url, value = dialog.database_choice()
    assert SECRET not in url and value == "postgresql+psycopg://kari@127.0.0.1:1/tv"
    click(qtbot, dialog.test_button)
    qtbot.waitUntil(lambda: dialog.test_result.text().startswith("✗"), timeout=WAIT_MS)
    result = dialog.test_result.text()
    assert "Får ikke kontakt" in result and "pgpass" in result and SECRET not in result
    assert not dialog.save_database_button.isEnabled()
    assert "database" not in stored(workspace)
    assert ".pgpass" in dialog.findChild(QLabel, "pgpassHelp").text()


def test_the_file_dialog_fills_in_the_path(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    chosen = tmp_path / "valgt.db"
    prompter = ScriptedPrompter(paths=[chosen])
    dialog = settings_dialog(qtbot, workspace, prompter)
    dialog.use_sqlite.setChecked(True)
    click(qtbot, dialog.browse)
    assert dialog.sqlite_path.text() == str(chosen) and dialog.use_sqlite.isChecked()


# --------------------------------------------------------------------------- letters tab


def test_the_letters_tab_saves_and_checks_the_templates(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    folder = tmp_path / "maler"
    folder.mkdir()
    doc = Document()
    doc.add_paragraph("Med vennlig hilsen {{ avsender.nvan }}")
    doc.save(str(folder / "purring.docx"))
    prompter = ScriptedPrompter()
    dialog = settings_dialog(qtbot, workspace, prompter)
    dialog.tabs.setCurrentIndex(LETTERS_TAB)

    dialog.templates.setText(str(tmp_path / "finnes ikke"))
    click(qtbot, dialog.save_letters_button)
    assert prompter.shown[-1][0] == "error" and "finnes ikke" in prompter.shown[-1][2]
    assert "union" not in stored(workspace) and "templates" not in stored(workspace)

    dialog.templates.setText(str(folder))
    click(qtbot, dialog.check_templates_button)
    qtbot.waitUntil(lambda: dialog.template_checks is not None, timeout=WAIT_MS)
    report = dialog.template_report.toPlainText()
    assert "✗ purring.docx" in report and "avsender.nvan" in report
    assert "1 har feil" in report

    click(qtbot, dialog.save_letters_button)
    assert stored(workspace)["templates"] == str(folder.resolve())
    assert workspace.setup.template_folder == folder.resolve()
    assert "Lagret" in dialog.letters_status.text()

    again = settings_dialog(qtbot, workspace, ScriptedPrompter())  # shown when reopened
    assert again.templates.text() == str(folder.resolve())


def test_the_template_check_without_a_folder_says_the_built_in_ones_are_used(
    qtbot: QtBot, workspace: Workspace
) -> None:
    dialog = settings_dialog(qtbot, workspace, ScriptedPrompter())
    click(qtbot, dialog.check_templates_button)
    assert "innebygde" in dialog.template_report.toPlainText()


def test_every_input_has_a_tooltip_and_the_tabs_have_mnemonics(
    qtbot: QtBot, workspace: Workspace
) -> None:
    dialog = settings_dialog(qtbot, workspace, ScriptedPrompter())
    assert [dialog.tabs.tabText(i) for i in range(3)] == ["&Profil", "&Database", "&Brev"]
    for widget in (
        *dialog.profile_form.edits.values(),
        dialog.sqlite_path,
        dialog.server_url,
        dialog.test_button,
        dialog.save_database_button,
        dialog.templates,
        dialog.check_templates_button,
    ):
        assert widget.toolTip(), widget.objectName()


def test_a_real_server_is_saved_after_its_test(
    qtbot: QtBot, workspace: Workspace, pg_server: PgServer | None
) -> None:
    if pg_server is None:
        pytest.skip("no PostgreSQL server configured (TILLITSVALGT_TEST_DATABASE_URL unset)")
    url = pg_server.create()
    try:
        dialog = settings_dialog(qtbot, workspace, ScriptedPrompter())
        dialog.use_server.setChecked(True)
        dialog.server_url.setText(url)
        click(qtbot, dialog.test_button)
        qtbot.waitUntil(lambda: dialog.test_result.text().startswith("✓"), timeout=WAIT_MS)
        click(qtbot, dialog.save_database_button)
        assert stored(workspace)["database"] == onboarding.without_password(url)
        assert onboarding.configured_database_url(workspace.data_dir) == (
            onboarding.without_password(url)
        )
    finally:
        pg_server.drop(url)


def test_one_place_for_the_union_name_used_by_letters_and_the_report(
    qtbot: QtBot, workspace: Workspace
) -> None:
    dialog = settings_dialog(qtbot, workspace, ScriptedPrompter())
    edits = dialog.profile_form.edits
    edits["name"].setText("Kari Nordmann")
    edits["place"].setText("Tromsø")
    union = edits["union_name"]
    union.setText("")
    qtbot.keyClicks(union, "Negotia")
    assert dialog.save_profile()
    assert workspace.setup.union_name == "Negotia"  # the letterhead
    assert stored(workspace)["union"] == "Negotia"  # the report's cover reads this
    assert "Negotia" in dialog.union_note.text()  # the Brev tab says where it comes from
    assert not hasattr(dialog, "union")  # and has no second field for it


def test_closing_with_unsaved_edits_asks(qtbot: QtBot, workspace: Workspace) -> None:
    prompter = ScriptedPrompter(saves=["cancel", "discard"])
    dialog = settings_dialog(qtbot, workspace, prompter)
    dialog.show()
    assert dialog.unsaved_tabs() == []
    dialog.profile_form.edits["name"].setText("Kari Nordmann")
    place = dialog.profile_form.edits["place"]
    place.setText("")
    qtbot.keyClicks(place, "Bodø")
    dialog.reject()  # «Lukk»: asked, «Avbryt» keeps the dialog and the edit
    assert prompter.shown[-1][0] == "ask_save" and "Profil" in prompter.shown[-1][2]
    assert dialog.isVisible() and place.text() == "Bodø"
    dialog.reject()  # «Forkast»: closed, nothing saved
    assert not dialog.isVisible()
    assert workspace.profile() is None  # nothing was saved

    prompter = ScriptedPrompter(saves=["save"])
    dialog = settings_dialog(qtbot, workspace, prompter)
    dialog.show()
    dialog.profile_form.edits["name"].setText("Kari Nordmann")
    place = dialog.profile_form.edits["place"]
    place.setText("Bodø")
    dialog.reject()  # «Lagre»: saved, then closed
    assert not dialog.isVisible()
    assert workspace.profile().place == "Bodø"  # type: ignore[union-attr]
    # Nothing changed: «Lukk» closes without a question.
    quiet = ScriptedPrompter()
    dialog = settings_dialog(qtbot, workspace, quiet)
    dialog.show()
    dialog.reject()
    assert not dialog.isVisible() and quiet.shown == []
