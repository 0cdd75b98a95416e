"""Screenshots of the main views, for the README: the real app on a (virtual) display with
the demo data. Run through ``scripts/screenshots``, which starts Xvfb.

    python scripts/screenshots.py OUT_DIR DATA_DIR
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from tillitsvalgt.services.escalation import StageInput
from tillitsvalgt.shapes import CaseGroupCreate, RepresentativeCreate
from tillitsvalgt.workspace import Workspace
from ui.errors import CrashReporter
from ui.i18n import install_qt_texts
from ui.main_window import MainWindow
from ui.prompts import QtPrompter

# A fixed day, so the pictures do not change by date: the day of the demo scenario most of
# them show (2026/6, notified 1 December 2026), so no date there lies in the future.
TODAY = date(2026, 12, 18)


def settle(app: QApplication, ms: int = 300) -> None:
    done: list[bool] = []
    QTimer.singleShot(ms, lambda: done.append(True))
    while not done:
        app.processEvents()


def shoot(app: QApplication, widget: QWidget, file: Path) -> None:
    settle(app)
    widget.grab().save(str(file))
    print(file)


def main(out: Path, data_dir: Path) -> int:
    app = QApplication(sys.argv[:1])
    _texts = install_qt_texts(app)  # as ui.app.run does: Qt's own buttons in bokmål
    out.mkdir(parents=True, exist_ok=True)
    ws = Workspace.open(data_dir=data_dir, clock=lambda: TODAY)
    if ws.profile() is None:
        ws.save_profile(
            RepresentativeCreate(
                name="Kari Nordmann",
                role="hovedtillitsvalgt",
                # The union whose agreement the pictured cases are under, so the letter
                # shows no «not a party» warning that belongs to another setup.
                union_name="Finansforbundet",
                branch="Finansforbundet i Vestlandske Forsikring",
                email="kari.nordmann@eksempel.no",
                phone="900 00 000",
                place="Tromsø",
            )
        )
    if ws.is_empty():
        # The example cases as of the pictures' day (not the day the script runs), and after
        # the profile, so that the dates agree and the history names who made them.
        ws.fill_demo_data()
    prompter = QtPrompter()
    window = MainWindow(
        ws,
        prompter=prompter,
        crashes=CrashReporter(prompter),
        settings=QSettings(str(data_dir / "gui.ini"), QSettings.Format.IniFormat),
    )
    window.resize(1600, 900)
    window.show()
    # Room for the list's titles behind «DEMO · », on the display's full width.
    window.splitter.setSizes([760, 840])
    settle(app, 800)
    window.show_case("2026/6")
    shoot(app, window, out / "1-saker-vurdering.png")
    window.case_view.tabs.setCurrentIndex(1)
    shoot(app, window, out / "2-saken.png")
    form = window.case_view.form
    form.propose_button.click()
    form.report_summary.appendPlainText(
        "Kari Nordmann og HR møttes 14. desember 2026; arbeidsgiver lovet ny drøfting."
    )
    scroll = form.parentWidget().parentWidget()
    assert isinstance(scroll, QScrollArea)
    scroll.ensureWidgetVisible(form.summary_preview)
    shoot(app, window, out / "8-til-rapporten.png")
    form.load(ws.case_detail("2026/6").case, TODAY)  # the demo is not changed
    window.show_case("2026/2")
    window.case_view.tabs.setCurrentIndex(2)
    shoot(app, window, out / "3-tidslinje.png")
    window.show_case("2026/6")
    window.new_letter("krav_om_drofting")
    dialog = window.letter_dialog
    dialog.resize(1300, 820)
    settle(app, 1500)  # the preview is rendered in the background
    for _ in range(120):  # then LibreOffice makes its pages (seconds on a busy machine)
        if dialog.pages is not None and not dialog._pages_busy:
            break
        settle(app, 500)
    settle(app, 300)
    shoot(app, dialog, out / "4-brev.png")
    dialog.reject()
    window.sections.setCurrentIndex(1)
    shoot(app, window, out / "5-virksomheter.png")
    window.sections.setCurrentIndex(2)
    shoot(app, window, out / "6-frister.png")
    window.sections.setCurrentIndex(0)
    window.show_case("2026/4")
    window.case_view.tabs.setCurrentIndex(4)
    shoot(app, window, out / "7-sjekkliste.png")
    window.show_case("2026/6")
    window.case_view.tabs.setCurrentIndex(window.case_view.history_tab)
    settle(app, 500)
    shoot(app, window, out / "10-historikk.png")
    _escalated_and_grouped(ws)
    window.show_case("2026/2")
    window.case_view.tabs.setCurrentIndex(window.case_view.office_tab)
    settle(app, 500)
    shoot(app, window, out / "13-videre-og-gruppe.png")
    window.show_case("2026/5")  # sporadic home work: the regulation does not apply
    window.case_view.tabs.setCurrentIndex(4)
    shoot(app, window, out / "12-sjekkliste-sporadisk.png")
    window.new_case()
    new_case = window.new_case_dialog
    new_case.form.title.setText("Ny kantine i 1. etasje")
    new_case.form.notice.line.setText("15.10.26")  # as typed: read as 15.10.2026
    new_case.form.decision.line.setText("31.11.2026")  # no such day: said, not saved
    shoot(app, new_case, out / "11-ny-sak.png")
    new_case.done(0)
    ws.backup_now()
    window.open_restore()
    restore = window.restore_dialog
    settle(app, 1500)  # the chosen backup is checked in the background
    shoot(app, restore, out / "9-gjenopprett.png")
    restore.reject()
    window.open_about()
    shoot(app, window.about_dialog, out / "14-om.png")
    window.about_dialog.reject()
    ws.close()
    _first_start(app, out, data_dir / "tom")
    return 0


def _escalated_and_grouped(ws: Workspace) -> None:
    """What the «Videre og gruppe» tab is for, on the demo's two cases about one decision
    (2026/1 and 2026/2): the breach taken to the central parties, the cases in one group."""
    ws.record_escalation(
        "2026/2",
        StageInput(
            stage="local",
            started_on=date(2026, 4, 20),
            ended_on=date(2026, 5, 4),
            outcome="disagreement",
            reference="Protokoll 4. mai 2026",
        ),
    )
    ws.record_escalation(
        "2026/2", StageInput(stage="central", started_on=date(2026, 5, 18), reference="26/114")
    )
    ws.create_group(
        CaseGroupCreate(
            name="Faste plasser fjernes – bankens plan for alle etasjer",
            notice_on=date(2026, 2, 2),
            decision_on=date(2026, 3, 10),
        ),
        ["2026/1", "2026/2"],
    )


def _first_start(app: QApplication, out: Path, data_dir: Path) -> None:
    """The window over a database with no case: the first steps in the list's place."""
    ws = Workspace.open(data_dir=data_dir, clock=lambda: TODAY)
    prompter = QtPrompter()
    window = MainWindow(
        ws,
        prompter=prompter,
        crashes=CrashReporter(prompter),
        settings=QSettings(str(data_dir / "gui.ini"), QSettings.Format.IniFormat),
    )
    window.resize(1280, 800)
    window.default_split()  # as a first start on a 1280×800 screen splits it
    window.show()
    shoot(app, window, out / "0-kom-i-gang.png")
    window.close()
    ws.close()


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
