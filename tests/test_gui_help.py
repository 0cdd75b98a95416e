"""The user guide inside the app: found in the installed resources, shown with its pictures."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtGui import QTextDocument
from pytestqt.qtbot import QtBot

from ui.dialogs.help_dialog import HelpDialog, guide_file


def test_the_guide_ships_with_the_app_and_every_picture_it_names_is_there() -> None:
    guide = guide_file()
    text = guide.read_text("utf-8")
    assert text.startswith("# Brukerveiledning")
    pictures = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text)
    assert len(pictures) >= 5
    missing = [p for p in pictures if not (guide.parent / p).is_file()]
    assert not missing, f"pictures named in the guide but not shipped: {missing}"


def test_the_help_window_shows_the_guide_with_its_pictures(qtbot: QtBot) -> None:
    dialog = HelpDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    document = dialog.browser.document()
    assert "Kom i gang" in document.toPlainText()
    assert "Ctrl+L" in document.toPlainText()
    first = re.search(r"!\[[^\]]*\]\(([^)]+)\)", guide_file().read_text("utf-8"))
    assert first is not None
    image = document.resource(QTextDocument.ResourceType.ImageResource, first.group(1))
    assert image is not None and not image.isNull()  # the picture was found and loaded


def test_a_missing_guide_is_said_plainly(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = HelpDialog(file=tmp_path / "borte.md")
    qtbot.addWidget(dialog)
    assert "ble ikke funnet" in dialog.browser.toPlainText()


def test_the_guides_pictures_are_the_current_screenshots() -> None:
    """The guide ships copies of docs/screenshots (the docs folder is not installed): a
    refreshed screenshot must be copied to resources/guide too."""
    docs = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
    for picture in guide_file().parent.glob("*.png"):
        assert picture.read_bytes() == (docs / picture.name).read_bytes(), picture.name


def test_f1_in_the_window_opens_the_guide(qtbot: QtBot, tmp_path: Path) -> None:
    from datetime import date

    from conftest import open_scenario_workspace
    from helpers.gui import make_window

    workspace = open_scenario_workspace(tmp_path / "data", date(2026, 11, 20))
    window = make_window(qtbot, workspace, tmp_path)
    try:
        assert window.guide_action.shortcut().toString() == "F1"
        window.guide_action.trigger()  # (the offscreen window is never active for a key)
        assert window.guide_dialog.isVisible()
        assert "Kom i gang" in window.guide_dialog.browser.toPlainText()
    finally:
        workspace.close()
