"""The user guide inside the app: ``resources/guide/brukerveiledning.md`` with its pictures,
in a window that can stay open beside the main one (Hjelp → Brukerveiledning, F1)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from tillitsvalgt import paths
from ui.accessibility import describe_inputs
from ui.i18n import tr

GUIDE = ("guide", "brukerveiledning.md")


def guide_file() -> Path:
    return paths.resource_path(*GUIDE)


class HelpDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, *, file: Path | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Brukerveiledning"))
        self.resize(760, 680)
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser(self)
        self.browser.setAccessibleName(tr("Brukerveiledning"))
        self.browser.setOpenLinks(False)  # web links go to the system's browser, not in here
        self.browser.anchorClicked.connect(self._open_link)
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        self.load(file or guide_file())
        describe_inputs(self)

    def load(self, file: Path) -> None:
        try:
            text = file.read_text(encoding="utf-8")
        except OSError as exc:
            text = tr("Brukerveiledningen ble ikke funnet") + f" ({file}: {exc.strerror})."
        # Pictures are found beside the guide.
        self.browser.setSearchPaths([str(file.parent)])
        self.browser.setMarkdown(text)

    def _open_link(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
        elif url.hasFragment():
            self.browser.scrollToAnchor(url.fragment())
