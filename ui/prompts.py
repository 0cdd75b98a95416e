"""Modal questions and messages behind a small service, so dialogs are testable: the app
uses ``QtPrompter``; tests inject a ``ScriptedPrompter`` that answers from a list and
records what was shown."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

if TYPE_CHECKING:  # printing support is loaded when something is printed
    from PySide6.QtPrintSupport import QPrinter

SaveAnswer = Literal["save", "discard", "cancel"]


class Prompter(Protocol):
    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool: ...

    def ask_save(self, parent: QWidget | None, title: str, text: str) -> SaveAnswer: ...

    def open_paths(self, parent: QWidget | None, title: str, filter_text: str) -> list[Path]: ...

    def ask_text(self, parent: QWidget | None, title: str, label: str) -> str | None: ...

    def info(self, parent: QWidget | None, title: str, text: str) -> None: ...

    def error(self, parent: QWidget | None, title: str, text: str) -> None: ...

    def save_path(
        self, parent: QWidget | None, title: str, suggested: Path, filter_text: str
    ) -> Path | None: ...

    def choose_folder(self, parent: QWidget | None, title: str) -> Path | None: ...

    def printer(self, parent: QWidget | None, title: str) -> QPrinter | None:
        """A printer the user chose and set up (the print dialog), or None: cancelled."""
        ...

    def choose(
        self, parent: QWidget | None, title: str, text: str, options: Sequence[str]
    ) -> int | None: ...


class QtPrompter:
    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        answer = QMessageBox.question(
            parent,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def ask_save(self, parent: QWidget | None, title: str, text: str) -> SaveAnswer:
        buttons = (
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        answer = QMessageBox.question(parent, title, text, buttons, QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return "save"
        if answer == QMessageBox.StandardButton.Discard:
            return "discard"
        return "cancel"

    def open_paths(self, parent: QWidget | None, title: str, filter_text: str) -> list[Path]:
        chosen, _ = QFileDialog.getOpenFileNames(parent, title, "", filter_text)
        return [Path(p) for p in chosen]

    def ask_text(self, parent: QWidget | None, title: str, label: str) -> str | None:
        text, ok = QInputDialog.getText(parent, title, label)
        return text if ok and text.strip() else None

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.warning(parent, title, text)

    def save_path(
        self, parent: QWidget | None, title: str, suggested: Path, filter_text: str
    ) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), filter_text)
        return Path(chosen) if chosen else None

    def choose_folder(self, parent: QWidget | None, title: str) -> Path | None:
        chosen = QFileDialog.getExistingDirectory(parent, title)
        return Path(chosen) if chosen else None

    def printer(self, parent: QWidget | None, title: str) -> QPrinter | None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(title)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return None
        return printer

    def choose(
        self, parent: QWidget | None, title: str, text: str, options: Sequence[str]
    ) -> int | None:
        """One of ``options`` (button texts, the first the default); None when the box was
        closed without a choice."""
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
        buttons = [box.addButton(option, QMessageBox.ButtonRole.ActionRole) for option in options]
        if buttons:
            box.setDefaultButton(buttons[0])
        box.addButton(QMessageBox.StandardButton.Cancel).hide()  # Esc: no choice
        box.exec()
        clicked = box.clickedButton()
        return buttons.index(clicked) if clicked in buttons else None


class ScriptedPrompter:
    """For tests: answers ``confirm`` and ``save_path`` from queues; records every message."""

    def __init__(
        self,
        confirms: list[bool] | None = None,
        paths: list[Path | None] | None = None,
        saves: list[SaveAnswer] | None = None,
        opens: list[list[Path]] | None = None,
        texts: list[str | None] | None = None,
        folders: list[Path | None] | None = None,
        printed: list[Path | None] | None = None,
        choices: list[int | None] | None = None,
    ) -> None:
        self.confirms = list(confirms or [])
        self.paths = list(paths or [])
        self.saves = list(saves or [])
        self.opens = list(opens or [])
        self.texts = list(texts or [])
        self.folders = list(folders or [])
        self.printed = list(printed or [])  # a PDF file per print asked for; None: cancel
        self.choices = list(choices or [])
        self.shown: list[tuple[str, str, str]] = []  # (kind, title, text)

    def ask_save(self, parent: QWidget | None, title: str, text: str) -> SaveAnswer:
        self.shown.append(("ask_save", title, text))
        return self.saves.pop(0) if self.saves else "cancel"

    def open_paths(self, parent: QWidget | None, title: str, filter_text: str) -> list[Path]:
        self.shown.append(("open", title, filter_text))
        return self.opens.pop(0) if self.opens else []

    def ask_text(self, parent: QWidget | None, title: str, label: str) -> str | None:
        self.shown.append(("ask_text", title, label))
        return self.texts.pop(0) if self.texts else None

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        self.shown.append(("confirm", title, text))
        return self.confirms.pop(0) if self.confirms else False

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        self.shown.append(("info", title, text))

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        self.shown.append(("error", title, text))

    def save_path(
        self, parent: QWidget | None, title: str, suggested: Path, filter_text: str
    ) -> Path | None:
        self.shown.append(("save", title, str(suggested)))
        return self.paths.pop(0) if self.paths else None

    def choose_folder(self, parent: QWidget | None, title: str) -> Path | None:
        self.shown.append(("folder", title, ""))
        return self.folders.pop(0) if self.folders else None

    def printer(self, parent: QWidget | None, title: str) -> QPrinter | None:
        """A printer that writes a PDF file (Qt's own PdfFormat), so a test reads back what
        was printed."""
        from PySide6.QtPrintSupport import QPrinter

        self.shown.append(("print", title, ""))
        target = self.printed.pop(0) if self.printed else None
        if target is None:
            return None
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        return printer

    def choose(
        self, parent: QWidget | None, title: str, text: str, options: Sequence[str]
    ) -> int | None:
        self.shown.append(("choose", title, text))
        return self.choices.pop(0) if self.choices else None
