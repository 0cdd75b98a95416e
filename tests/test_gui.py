"""The desktop app, driven with pytest-qt on the offscreen platform: the case list over the
paging services, the case view with its assessment, the letter dialog from preview to a
journaled, sent letter; remembered window state; errors in two tiers."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tillitsvalgt.errors import UserError
from tillitsvalgt.letters.render import docx_text
from tillitsvalgt.services import cases
from tillitsvalgt.services.cases import CaseQuery
from tillitsvalgt.shapes import CaseCreate
from tillitsvalgt.workspace import Workspace
from ui.errors import CrashReporter
from ui.models.case_file import DocumentTableModel, EventTableModel
from ui.models.case_table import NUMBER, TIMING, CaseTableModel
from ui.prompts import ScriptedPrompter
from ui.workers import Background

from conftest import make_employer
from helpers.gui import make_window, select_case

TODAY = date(2026, 11, 20)
REPO = Path(__file__).resolve().parent.parent


# --------------------------------------------------------------------------- models


def test_the_models_pass_qt_model_tester(qtmodeltester: Any, workspace: Workspace) -> None:
    model = CaseTableModel(workspace.list_cases)
    model.reload(CaseQuery(today=TODAY))
    assert model.rowCount() == 10
    qtmodeltester.check(model)
    detail = workspace.case_detail("2026/3")
    events, documents = EventTableModel(), DocumentTableModel()
    events.set_items(detail.events)
    documents.set_items(detail.documents)
    qtmodeltester.check(events)
    qtmodeltester.check(documents)
    assert events.rowCount() == len(detail.events) > 0


def test_the_case_list_pages_in_from_the_database(workspace: Workspace) -> None:
    employer = make_employer(workspace.db, name="Stor Arbeidsgiver AS", orgnr=None)
    with workspace.db.session() as s:
        for i in range(450):
            cases.create_case(
                CaseCreate(title=f"Sak nummer {i}", employer_id=employer, case_type="other"),
                session=s,
                today=TODAY,
            )
    fetched: list[CaseQuery] = []

    def fetch(query: CaseQuery) -> Any:
        fetched.append(query)
        return workspace.list_cases(query)

    model = CaseTableModel(fetch)
    model.reload(CaseQuery(today=TODAY))
    assert model.total == 460 and model.rowCount() == 200  # one page, not every row
    assert model.canFetchMore()
    model.fetchMore()
    model.fetchMore()
    assert model.rowCount() == 460 and not model.canFetchMore()
    assert [q.offset for q in fetched] == [0, 200, 400]
    numbers = [r.number for r in model.rows]
    assert len(set(numbers)) == 460  # pages neither overlap nor skip
    model.sort(NUMBER, Qt.SortOrder.AscendingOrder)
    assert fetched[-1].sort == "number" and not fetched[-1].descending
    assert model.rows[0].number == "2026/1"


def test_timing_is_shown_with_a_symbol_not_colour_alone(workspace: Workspace) -> None:
    model = CaseTableModel(workspace.list_cases)
    model.reload(CaseQuery(today=TODAY))
    for row in range(model.rowCount()):
        text = model.data(model.index(row, TIMING))
        colour = model.data(model.index(row, TIMING), Qt.ItemDataRole.ForegroundRole)
        assert text and text[0] in "✓!→?", text
        assert colour is not None


# --------------------------------------------------------------------------- the window


def test_search_filters_and_the_case_view(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    window = make_window(qtbot, workspace, tmp_path, ScriptedPrompter())
    assert window.model.total == 10 and "10 saker" in window.count.text()
    qtbot.keyClicks(window.search, "landskap")
    qtbot.waitUntil(lambda: window.model.total < 10, timeout=10_000)
    titles = [r.title.lower() for r in window.model.rows]
    assert titles and all("landskap" in t for t in titles)
    window.search.clear()
    qtbot.waitUntil(lambda: window.model.total == 10, timeout=10_000)
    window.type_filter.setCurrentIndex(window.type_filter.findData("home_office_policy"))
    assert window.model.total == 2
    assert {r.case_type for r in window.model.rows} == {"home_office_policy"}
    window.type_filter.setCurrentIndex(0)
    window.timing_filter.setCurrentIndex(window.timing_filter.findData("information_only"))
    assert {r.number for r in window.model.rows} == {"2026/4", "2026/10"}
    window.timing_filter.setCurrentIndex(0)

    assert not window.letter_action.isEnabled()
    select_case(window, "2026/6")
    assert window.case_view.heading.text().startswith("2026/6")
    assert window.letter_action.isEnabled()
    panel = window.case_view.assessment
    assert "Ikke drøftet ennå" in panel.verdict.text()
    assert [b.objectName() for b in panel.letter_buttons] == ["suggest-krav_om_drofting"]
    assert "arbeidsmiljøloven § 8-2" in panel.text.toPlainText()


def test_a_letter_from_suggestion_to_sent(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    target = tmp_path / "ut" / "krav.docx"
    target.parent.mkdir()
    prompter = ScriptedPrompter(paths=[target])
    window = make_window(qtbot, workspace, tmp_path, prompter)
    select_case(window, "2026/6")
    qtbot.mouseClick(window.case_view.assessment.letter_buttons[0], Qt.MouseButton.LeftButton)
    dialog = window.letter_dialog
    assert dialog.kind_code() == "krav_om_drofting"
    qtbot.waitUntil(lambda: "Krav om drøftingsmøte" in dialog.preview.toPlainText(), timeout=5000)
    assert "2026/6-1" in dialog.preview.toPlainText()  # the number it will get
    assert "4. desember 2026" in dialog.deadline.text()  # 14 days, a Friday
    dialog.extra.setPlainText("Vi ber om at verneombudet innkalles.")
    qtbot.waitUntil(lambda: "verneombudet innkalles" in dialog.preview.toPlainText(), timeout=5000)
    assert not dialog.mark_sent.isEnabled()
    qtbot.mouseClick(dialog.save_word, Qt.MouseButton.LeftButton)
    assert target.is_file(), prompter.shown
    text = docx_text(target.read_bytes())
    assert "verneombudet innkalles" in text and "Vår ref.: 2026/6-1" in text
    assert dialog.mark_sent.isEnabled()
    qtbot.mouseClick(dialog.mark_sent, Qt.MouseButton.LeftButton)
    detail = workspace.case_detail("2026/6")
    assert [d.number for d in detail.documents] == ["2026/6-1"]
    assert detail.documents[0].frozen
    assert any(e.kind == "letter_sent" for e in detail.events)
    assert [d.due_on for d in detail.deadlines] == [date(2026, 12, 4)]
    assert detail.assessment.demand == "awaiting_reply"
    dialog.reject()
    qtbot.waitUntil(lambda: window.case_view.documents.rowCount() == 1, timeout=10_000)


def test_a_letter_that_cannot_be_made_is_explained_and_nothing_is_stored(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    prompter = ScriptedPrompter(paths=[tmp_path / "no" / "such" / "dir" / "brev.docx"])
    window = make_window(qtbot, workspace, tmp_path, prompter)
    select_case(window, "2026/6")
    window.new_letter("purring")  # nothing was sent: nothing to remind of
    dialog = window.letter_dialog
    qtbot.waitUntil(lambda: "purre" in dialog.status.text(), timeout=5000)
    dialog.kind.setCurrentIndex(dialog.kind.findData("krav_om_drofting"))
    qtbot.mouseClick(dialog.save_word, Qt.MouseButton.LeftButton)
    kinds = [k for k, _, _ in prompter.shown]
    assert kinds[-1] == "error" and "Kan ikke skrive" in prompter.shown[-1][2]
    assert workspace.case_detail("2026/6").documents == []


def test_the_window_remembers_its_filter_and_layout(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    window = make_window(qtbot, workspace, tmp_path, ScriptedPrompter())
    window.resize(900, 650)  # the offscreen screen is 800×800: stay inside it
    window.search.setText("landskap")
    window.status_filter.setCurrentIndex(window.status_filter.findData("open"))
    # (The offscreen screen is too narrow to move the splitter; compare its saved state.)
    header = window.table.horizontalHeader()
    header.resizeSection(1, 333)
    window.close()
    stored = QSettings(str(tmp_path / "gui.ini"), QSettings.Format.IniFormat)
    assert stored.value("window/splitter") == window.splitter.saveState()
    again = make_window(qtbot, workspace, tmp_path, ScriptedPrompter())
    assert again.search.text() == "landskap"
    assert again.status_filter.currentData() == "open"
    assert abs(again.size().height() - 650) <= 10
    assert again.splitter.saveState() == stored.value("window/splitter")
    # Column widths too: narrowed to fit the narrow offscreen screen, back with room.
    again.resize(2400, 650)
    again.splitter.setSizes([1900, 500])
    QApplication.processEvents()
    assert again.table.horizontalHeader().sectionSize(1) == 333
    again.close()
    # The remembered search and filter are read once at start, not once each (and the
    # search not again after the typing pause).
    listed = []
    real = workspace.list_cases
    workspace.list_cases = lambda *a, **k: listed.append(a) or real(*a, **k)  # type: ignore[method-assign]
    try:
        third = make_window(qtbot, workspace, tmp_path, ScriptedPrompter())
        qtbot.wait(400)  # past the typing pause
    finally:
        del workspace.list_cases
    assert len(listed) == 1, listed
    assert third.model.query.text == "landskap" and third.model.query.status == "open"


# --------------------------------------------------------------------------- plumbing


def test_background_work_comes_back_on_the_gui_thread(qtbot: QtBot) -> None:
    background = Background()
    seen: dict[str, Any] = {}
    gui = threading.get_ident()

    def work() -> int:
        seen["worker"] = threading.get_ident()
        return 42

    def done(value: int) -> None:
        seen["value"], seen["callback"] = value, threading.get_ident()

    background.submit(work, done, lambda exc: seen.setdefault("error", exc))
    qtbot.waitUntil(lambda: "value" in seen, timeout=10_000)
    assert seen["value"] == 42 and seen["callback"] == gui and seen["worker"] != gui

    def fail() -> None:
        raise UserError("Databasen er låst")

    background.submit(fail, lambda _: None, lambda exc: seen.__setitem__("error", exc))
    qtbot.waitUntil(lambda: "error" in seen, timeout=10_000)
    assert isinstance(seen["error"], UserError) and background.running == 0


def test_errors_in_two_tiers() -> None:
    prompter = ScriptedPrompter()
    crashes = CrashReporter(prompter, enabled=False)
    crashes.report(UserError("Databasefilen er skrivebeskyttet."))
    assert prompter.shown == [("error", "Kan ikke fullføre", "Databasefilen er skrivebeskyttet.")]
    with pytest.raises(ZeroDivisionError):
        crashes.report(ZeroDivisionError("bug"))  # a bug is never shown as a user message


def test_the_gui_never_opens_a_session_itself() -> None:
    for path in (REPO / "ui").rglob("*.py"):
        text = path.read_text("utf-8")
        assert ".session(" not in text and "sqlmodel" not in text, path


def test_pyside6_pin_survives_many_void_calls() -> None:
    # PySide6 6.12.0 on Python 3.11 aborts after some thousand calls of methods returning
    # None; this fails if a bad combination is ever installed.
    code = (
        "import os; os.environ['QT_QPA_PLATFORM']='offscreen'\n"
        "from PySide6.QtWidgets import QApplication, QLabel\n"
        "app = QApplication([]); label = QLabel()\n"
        "for i in range(60000): label.setText(str(i))\n"
        "print('ok')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr[-500:]


def test_the_header_sorts_in_the_database_and_shows_how(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    from ui.models.case_table import UPDATED

    window = make_window(qtbot, workspace, tmp_path, ScriptedPrompter())
    header = window.table.horizontalHeader()
    assert header.sortIndicatorSection() == UPDATED
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    stamps = [r.updated_at for r in window.model.rows]
    assert stamps == sorted(stamps, reverse=True)
    window.table.sortByColumn(NUMBER, Qt.SortOrder.AscendingOrder)
    numbers = [r.number for r in window.model.rows]
    assert numbers == sorted(numbers, key=lambda n: tuple(int(x) for x in n.split("/")))
    window.search.setText("etasje")  # a new filter keeps the chosen order
    qtbot.waitUntil(lambda: window.model.total < 10, timeout=10_000)
    assert window.model.query.sort == "number" and not window.model.query.descending


def test_the_app_starts_and_quits(tmp_path: Path) -> None:
    # In a process of its own: after QApplication.exec() returns, Qt is "closing down" and
    # no timer fires again in that process, which would break every later GUI test.
    script = (
        "import sys\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from ui import app\n"
        "from ui.main_window import MainWindow\n"
        "seen = []\n"
        "def look():\n"
        "    for w in QApplication.topLevelWidgets():\n"
        "        if isinstance(w, MainWindow) and w.isVisible():\n"
        "            seen.append(w.statusBar().currentMessage()); w.close()\n"
        "    QApplication.quit()\n"
        "qapp = QApplication([])\n"
        "QTimer.singleShot(500, look)\n"
        f"code = app.run(['tillitsvalgt'], data_dir={str(tmp_path / 'data')!r})\n"
        "print(code, seen)\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=REPO,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.startswith("0 [") and "tillitsvalgt.db" in done.stdout


def test_no_arguments_opens_the_window_only_where_it_can(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tillitsvalgt import cli

    monkeypatch.setattr(cli.sys, "platform", "linux")
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "TILLITSVALGT_NO_GUI"):
        monkeypatch.delenv(name, raising=False)
    assert not cli._gui_possible()  # a server or a CI box: the text overview
    monkeypatch.setenv("DISPLAY", ":0")
    assert cli._gui_possible()
    monkeypatch.setenv("TILLITSVALGT_NO_GUI", "1")
    assert not cli._gui_possible()


def test_an_english_translation_is_one_file(qtbot: QtBot, tmp_path: Path) -> None:
    """The words go through Qt's translation mechanism: lupdate finds them, a translated
    .ts becomes a .qm, and loading it changes what the window says."""
    from PySide6.QtWidgets import QApplication

    from ui import i18n

    bindir = Path(sys.executable).parent
    ts = tmp_path / "tillitsvalgt_en.ts"
    done = subprocess.run(
        [
            str(bindir / "pyside6-lupdate"),
            *map(str, sorted((REPO / "ui").rglob("*.py"))),
            str(REPO / "tillitsvalgt" / "vocabulary.py"),
            "-ts",
            str(ts),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    source = ts.read_text("utf-8")
    assert "<source>Søk i saker (tittel, beskrivelse, virksomhet) …</source>" in source
    assert "<source>Nr.</source>" in source  # table headers are found too
    source = (
        source.replace(
            "<source>Søk i saker (tittel, beskrivelse, virksomhet) …</source>\n"
            '        <translation type="unfinished"></translation>',
            "<source>Søk i saker (tittel, beskrivelse, virksomhet) …</source>\n"
            "        <translation>Search cases (title, description, employer) …</translation>",
        )
        .replace(
            '<source>Nr.</source>\n        <translation type="unfinished"></translation>',
            "<source>Nr.</source>\n        <translation>No.</translation>",
        )
        .replace(
            '<source>Kontorløsning</source>\n        <translation type="unfinished"></translation>',
            "<source>Kontorløsning</source>\n        <translation>Office layout</translation>",
        )
    )
    ts.write_text(source, "utf-8")
    done = subprocess.run(
        [str(bindir / "pyside6-lrelease"), str(ts)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    qm = ts.with_suffix(".qm")
    assert qm.is_file()
    app = QApplication.instance()
    assert app is not None
    original = i18n.translation_file
    i18n.translation_file = lambda language: qm  # type: ignore[assignment]
    try:
        assert i18n.install_translator(app, "nb") is None  # Norwegian needs no file
        translator = i18n.install_translator(app, "en")
        assert translator is not None
        assert i18n.tr("Søk i saker (tittel, beskrivelse, virksomhet) …").startswith("Search")
        model = CaseTableModel(lambda q: None)  # type: ignore[arg-type, return-value]
        assert model.headerData(NUMBER, Qt.Orientation.Horizontal) == "No."
        assert "<source>Kontorløsning</source>" in source  # the core's vocabulary is found
        from tillitsvalgt.vocabulary import CASE_TYPES_SHORT
        from ui.i18n import translated

        assert translated(CASE_TYPES_SHORT)["office_layout"] == "Office layout"
    finally:
        i18n.translation_file = original  # type: ignore[assignment]
        if translator is not None:
            app.removeTranslator(translator)


def test_qt_own_buttons_and_menus_speak_bokmal(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit

    from ui import i18n

    app = QApplication.instance()
    assert app is not None
    standard = QDialogButtonBox.StandardButton
    translator = i18n.install_qt_texts(app)
    try:
        box = QDialogButtonBox(standard.Close | standard.Cancel | standard.Save | standard.Yes)
        assert {b.text() for b in box.buttons()} == {"Lukk", "Avbryt", "Lagre", "&Ja"}
        field = QLineEdit("tekst")
        qtbot.addWidget(field)
        menu = field.createStandardContextMenu()
        texts = [a.text().split("\t")[0] for a in menu.actions() if a.text()]
        assert texts[:2] == ["&Angre", "&Gjør om"] and "&Lim inn" in texts
        assert i18n.tr("Lagre endringene") == "Lagre endringene"  # the app's own words stay
    finally:
        app.removeTranslator(translator)
    after = QDialogButtonBox(standard.Close)
    assert after.buttons()[0].text() == "Close"


def test_the_letter_dialog_refuses_a_letter_that_makes_no_sense_before_saving(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:

    prompter = ScriptedPrompter()
    window = make_window(qtbot, workspace, tmp_path, prompter)
    select_case(window, "2026/10")  # Spekter: implemented 1 October 2026
    window.new_letter("krav_om_utsatt_iverksetting")
    dialog = window.letter_dialog
    qtbot.waitUntil(lambda: "for sent" in dialog.checks.text(), timeout=5000)
    assert dialog.checks.text().startswith("Brevet lages ikke.")
    assert "Krav om drøfting" in dialog.checks.text()  # what to send instead
    assert not dialog.save_word.isEnabled() and not dialog.save_pdf.isEnabled()
    assert dialog.preview.toPlainText() == ""
    assert (
        dialog.use_instead.isVisibleTo(dialog) and "Krav om drøfting" in dialog.use_instead.text()
    )
    qtbot.mouseClick(dialog.use_instead, Qt.MouseButton.LeftButton)  # write that instead
    assert dialog.kind_code() == "krav_om_drofting"
    qtbot.waitUntil(lambda: "Krav om drøftingsmøte" in dialog.preview.toPlainText(), timeout=5000)
    assert dialog.save_word.isEnabled() and "lages ikke" not in dialog.checks.text()
    assert "Endringen ble iverksatt 1. oktober 2026." in dialog.preview.toPlainText()
    # A deadline on new year's eve: warned, and the next working day offered.
    dialog.dated.set_value(date(2026, 12, 17))
    qtbot.waitUntil(lambda: dialog.use_offered_day.isVisible(), timeout=5000)
    assert "nyttårsaften" in dialog.checks.text()
    qtbot.mouseClick(dialog.use_offered_day, Qt.MouseButton.LeftButton)
    assert dialog.reply_days.value() == 18
    assert "4. januar 2027" in dialog.deadline.text()
    qtbot.waitUntil(lambda: not dialog.use_offered_day.isVisible(), timeout=5000)
    assert workspace.case_detail("2026/10").documents == []  # nothing saved on the way
