"""The window's words through Qt's translation mechanism, in bokmål, nynorsk or English.

Every string a user sees goes through ``tr`` (or, where a table is built before Qt runs,
is marked with ``QT_TR_NOOP`` and translated when shown — the core's vocabulary too, whose
labels carry a Qt-free ``QT_TR_NOOP`` marker). Text the rules write (reasons, letters) is
Norwegian by design. The source language is Norwegian bokmål; ``pyside6-lupdate`` files these
free ``tr`` calls under the empty context. The translations are
``resources/translations/tillitsvalgt_<nn|en>.ts``, built into ``.qm`` files by
``scripts/translations.py build`` (the install does it; ``update`` collects new texts).

The language is the setting «language» (nb, nn, en), else ``TILLITSVALGT_LANGUAGE``, else the
system's. Qt's own words (standard buttons, the calendar) follow: Qt ships nynorsk, and for
bokmål we keep our own table below, since Qt ships none.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from tillitsvalgt import paths
from tillitsvalgt.plural import number_text

CONTEXT = ""
LANGUAGE_ENV = "TILLITSVALGT_LANGUAGE"
LANGUAGES: dict[str, str] = {"nb": "Norsk bokmål", "nn": "Norsk nynorsk", "en": "English"}
_ALIASES = {"no": "nb", "nob": "nb", "nno": "nn", "eng": "en"}
_LOCALES = {
    "nb": (QLocale.Language.NorwegianBokmal, QLocale.Country.Norway),
    "nn": (QLocale.Language.NorwegianNynorsk, QLocale.Country.Norway),
    "en": (QLocale.Language.English, QLocale.Country.UnitedKingdom),
}


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def translation_file(language: str) -> Path:
    return paths.resource_path("translations", f"tillitsvalgt_{language}.qm")


def choose_language(setting: str | None, environment: str | None, system: str) -> str:
    """The window's language: the setting, then the environment, then the system's language
    (``nb_NO``, ``nn``, ``en_GB`` …); a language we have no texts for gives bokmål."""
    for wanted in (setting, environment, system):
        if not wanted:
            continue
        code = wanted.replace("-", "_").split("_")[0].lower()
        code = _ALIASES.get(code, code)
        if code in LANGUAGES:
            return code
        if wanted is not system:
            continue  # a setting we do not know: fall through to the next source
    return "nb"


def install_translator(app: QCoreApplication, language: str | None = None) -> QTranslator | None:
    """Load the app's translation for ``language`` (default: the environment, then the
    system's language); None for bokmål or a missing file. Keep the result alive."""
    code = language or choose_language(None, os.environ.get(LANGUAGE_ENV), QLocale.system().name())
    if code == "nb":
        return None
    translator = QTranslator(app)
    if not translator.load(str(translation_file(code))):
        return None
    app.installTranslator(translator)
    return translator


def install_language(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Everything the window needs to speak ``language`` (nb, nn or en): the app's texts, Qt's
    own (buttons, the calendar's month names via the default locale). Returns the
    translators, to keep alive; a missing translation file leaves the window in bokmål."""
    QLocale.setDefault(QLocale(*_LOCALES.get(language, _LOCALES["nb"])))
    if language == "nb":
        return [install_qt_texts(app)]
    own = install_translator(app, language)
    if own is None:
        QLocale.setDefault(QLocale(*_LOCALES["nb"]))
        return [install_qt_texts(app)]
    installed = [own]
    if language != "en":  # Qt's source texts are English already
        qt = QTranslator(app)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt.load(QLocale(*_LOCALES[language]), "qtbase", "_", folder):
            app.installTranslator(qt)
            installed.append(qt)
    return installed


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

    return tr(one if n == 1 else many).replace("%n", number_text(n))
