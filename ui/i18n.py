"""The window's words through Qt's translation mechanism.

Every string a user sees goes through ``tr`` (or, where a table is built before Qt runs,
is marked with ``QT_TR_NOOP`` and translated when shown — the core's vocabulary too, whose
labels carry a Qt-free ``QT_TR_NOOP`` marker). Text the rules write (reasons, letters) is
Norwegian by design. The source language is Norwegian
bokmål. ``pyside6-lupdate`` files these free ``tr`` calls under the empty context, so that
is the context used here; an English translation is one file:

    .venv/bin/pyside6-lupdate $(find ui -name '*.py') tillitsvalgt/vocabulary.py \
        -ts resources/translations/tillitsvalgt_en.ts
    (translate it in pyside6-linguist)
    .venv/bin/pyside6-lrelease resources/translations/tillitsvalgt_en.ts

The app loads ``resources/translations/tillitsvalgt_<language>.qm`` for the language of the
system (or ``TILLITSVALGT_LANGUAGE``), when such a file exists; otherwise it stays
Norwegian."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from tillitsvalgt import paths

CONTEXT = ""
LANGUAGE_ENV = "TILLITSVALGT_LANGUAGE"
NORWEGIAN = {"nb", "no", "nn"}


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def translation_file(language: str) -> Path:
    return paths.resource_path("translations", f"tillitsvalgt_{language}.qm")


def install_translator(app: QCoreApplication, language: str | None = None) -> QTranslator | None:
    """Load the translation for ``language`` (default: the environment, then the system's
    language); None when the app stays in Norwegian. Keep the result alive."""
    language = language or os.environ.get(LANGUAGE_ENV) or QLocale.system().name().split("_")[0]
    if language in NORWEGIAN:
        return None
    file = translation_file(language)
    if not file.is_file():
        return None
    translator = QTranslator(app)
    if not translator.load(str(file)):
        return None
    app.installTranslator(translator)
    return translator


# Qt's own words (standard buttons, the text fields' context menu) in bokmål: Qt ships no
# bokmål file for them (only nynorsk, whose «Lagra» and «Opne» would look like typos here).
QT_TEXTS: dict[tuple[str, str], str] = {
    **{
        ("QPlatformTheme", english): norwegian
        for english, norwegian in (
            ("OK", "OK"),
            ("Save", "Lagre"),
            ("Save All", "Lagre alle"),
            ("Open", "Åpne"),
            ("&Yes", "&Ja"),
            ("Yes to &All", "Ja til &alle"),
            ("&No", "&Nei"),
            ("N&o to All", "N&ei til alle"),
            ("Abort", "Avbryt"),
            ("Retry", "Prøv igjen"),
            ("Ignore", "Ignorer"),
            ("Close", "Lukk"),
            ("Cancel", "Avbryt"),
            ("Discard", "Forkast"),
            ("Help", "Hjelp"),
            ("Apply", "Bruk"),
            ("Reset", "Tilbakestill"),
            ("Restore Defaults", "Gjenopprett standard"),
            ("Don't Save", "Ikke lagre"),
            ("Close without Saving", "Lukk uten å lagre"),
        )
    },
    **{
        (context, english): norwegian
        for context in ("QLineEdit", "QWidgetTextControl")
        for english, norwegian in (
            ("&Undo", "&Angre"),
            ("&Redo", "&Gjør om"),
            ("Cu&t", "Klipp &ut"),
            ("&Copy", "&Kopier"),
            ("&Paste", "&Lim inn"),
            ("Delete", "Slett"),
            ("Select All", "Merk alt"),
            ("Copy &Link Location", "Kopier &lenkeadresse"),
        )
    },
}


class NorwegianQtTexts(QTranslator):
    """Translates Qt's own standard texts (``QT_TEXTS``) and nothing else."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        return QT_TEXTS.get((context, source))

    def isEmpty(self) -> bool:
        return False


def install_qt_texts(app: QCoreApplication) -> QTranslator:
    """For the Norwegian app: Qt's buttons and menus in bokmål. Keep the result alive."""
    translator = NorwegianQtTexts(app)
    app.installTranslator(translator)
    return translator


def QT_TR_NOOP(text: str) -> str:
    """Marks a string for translation where it is defined (a table's headers); ``tr``
    translates it where it is shown. Typed, unlike Qt's own."""
    return text


def translated(labels: Mapping[str, str]) -> dict[str, str]:
    """A vocabulary table (``tillitsvalgt.vocabulary``) with its labels translated."""
    return {code: tr(text) for code, text in labels.items()}


def count(n: float, one: str, many: str) -> str:
    """A translated count: ``count(n, "%n sak", "%n saker")``. Both forms go through ``tr``
    (a translation gives its own forms), and ``%n`` becomes the number written the
    Norwegian way. Qt's own ``tr(…, n)`` picks plural forms only from a loaded translation,
    and the source language here is bokmål, which has none loaded."""
    from tillitsvalgt.plural import number_text

    return tr(one if n == 1 else many).replace("%n", number_text(n))
