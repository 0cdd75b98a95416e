"""The window in bokmål, nynorsk and English: the choice, the shipped translations (complete
for every text the window shows), and a real window that speaks the chosen language — also in
Qt's own buttons and the calendar."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from tillitsvalgt import settings
from ui import i18n
from ui.app import window_language
from ui.main_window import MainWindow

from conftest import open_scenario_workspace
from helpers.gui import make_window

REPO = Path(__file__).resolve().parent.parent
TODAY = date(2026, 11, 20)


@pytest.mark.parametrize(
    ("setting", "environment", "system", "expected"),
    [
        ("nn", None, "en_GB", "nn"),  # the setting wins
        (None, "en", "nb_NO", "en"),
        (None, None, "nn_NO", "nn"),
        (None, None, "nb_NO", "nb"),
        (None, None, "no", "nb"),
        (None, None, "de_DE", "nb"),  # no German texts: bokmål
        ("sv", None, "en_US", "en"),  # an unknown setting falls through to the system
        ("NN-no", None, "C", "nn"),
    ],
)
def test_the_language_is_chosen_setting_first(
    setting: str | None, environment: str | None, system: str, expected: str
) -> None:
    assert i18n.choose_language(setting, environment, system) == expected


def test_the_setting_is_read_from_the_data_folder(tmp_path: Path) -> None:
    settings.save("language", "nn", tmp_path)
    assert window_language(str(tmp_path)) == "nn"
    (tmp_path / "settings.json").write_text("{ ikke json", "utf-8")
    assert window_language(str(tmp_path)) in i18n.LANGUAGES  # a broken file never stops the start


def test_every_text_of_the_window_is_translated() -> None:
    """A fresh extraction of ui/ and the vocabulary: a text added without its nynorsk and
    English translation fails here (run ``scripts/translations.py update`` and translate)."""
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "translations.py"), "check"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="module")
def built() -> None:
    subprocess.run(
        [sys.executable, str(REPO / "scripts" / "translations.py"), "build"],
        check=True,
        capture_output=True,
        timeout=300,
    )


@pytest.fixture
def speaking(built: None) -> Iterator[Any]:
    app = QApplication.instance()
    assert app is not None
    installed: list[Any] = []

    def speak(language: str) -> None:
        installed.extend(i18n.install_language(app, language))

    yield speak
    for translator in installed:
        app.removeTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.Language.NorwegianBokmal, QLocale.Country.Norway))


def _window(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    workspace = open_scenario_workspace(tmp_path / "data", TODAY)
    return make_window(qtbot, workspace, tmp_path)


def _menus(window: MainWindow) -> list[str]:
    """Every menu title and menu item's text."""
    texts = []
    for top in window.menuBar().actions():
        texts.append(top.text())
        menu = top.menu()
        if menu is not None:
            texts += [a.text() for a in menu.actions() if a.text()]  # type: ignore[attr-defined]
    return texts


@pytest.mark.parametrize(
    ("language", "menu", "save", "month"),
    [
        ("nb", "&Virksomheter", "Lagre", "januar"),
        ("nn", "&Verksemder", "Lagra", "januar"),
        ("en", "&Employers", "Save", "January"),
    ],
)
def test_the_window_speaks_the_chosen_language(
    qtbot: QtBot,
    tmp_path: Path,
    speaking: Any,
    language: str,
    menu: str,
    save: str,
    month: str,
) -> None:
    speaking(language)
    window = _window(qtbot, tmp_path)
    try:
        assert menu in _menus(window)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save)
        qtbot.addWidget(box)
        assert box.buttons()[0].text() == save  # Qt's own words follow
        assert QLocale().monthName(1) == month  # and so does the calendar
        if language == "nn":
            words = " ".join(_menus(window))
            for bokmal in ("Virksomheter", "Innstillinger"):
                assert bokmal not in words
    finally:
        window.workspace.close()


def test_a_missing_translation_file_leaves_the_window_in_bokmal(
    qtbot: QtBot, speaking: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(i18n, "translation_file", lambda language: tmp_path / "finnes-ikke.qm")
    speaking("nn")
    assert QLocale().language() == QLocale.Language.NorwegianBokmal
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save)
    qtbot.addWidget(box)
    assert box.buttons()[0].text() == "Lagre"
