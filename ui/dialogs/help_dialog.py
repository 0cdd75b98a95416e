"""The user guide inside the app: ``resources/guide/brukerveiledning.md`` with its pictures,
in a window that can stay open beside the main one (Hjelp → Brukerveiledning, F1)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSize, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QPixmap, QTextCursor, QTextDocument
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
        screen = (parent.screen() if parent is not None else self.screen()).availableGeometry()
        # Never taller than the screen (1024×700 less the title bar).
        self.resize(QSize(760, 680).boundedTo(screen.size() - QSize(0, 40)))
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser(self)
        self.browser.setAccessibleName(tr("Brukerveiledning"))
        self.browser.setOpenLinks(False)  # web links go to the system's browser, not in here
        self.browser.anchorClicked.connect(self._open_link)
        layout.addWidget(self.browser)
        self.browser.viewport().installEventFilter(self)  # pictures follow the width
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
        self.fit_pictures()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit_pictures()
        return False

    def fit_pictures(self) -> None:
        """Every picture as wide as the window lets it be, never wider than it is: the
        screenshots are 1600 px wide and would otherwise make the guide scroll sideways."""
        document = self.browser.document()
        room = int(self.browser.viewport().width() - 2 * document.documentMargin() - 24)
        if room <= 0:
            return
        block = document.begin()
        while block.isValid():
            fragments = block.begin()
            while not fragments.atEnd():
                fragment = fragments.fragment()
                fragments += 1
                if not fragment.charFormat().isImageFormat():
                    continue
                picture = fragment.charFormat().toImageFormat()
                image = document.resource(
                    QTextDocument.ResourceType.ImageResource, QUrl(picture.name())
                )
                if not isinstance(image, (QImage, QPixmap)) or image.isNull():
                    continue
                width = min(image.width(), room)
                if round(picture.width()) == width:
                    continue
                picture.setWidth(width)
                picture.setHeight(image.height() * width / image.width())
                cursor = QTextCursor(document)
                cursor.setPosition(fragment.position())
                cursor.setPosition(
                    fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor
                )
                cursor.setCharFormat(picture)
            block = block.next()

    def _open_link(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
        elif url.hasFragment():
            self.browser.scrollToAnchor(url.fragment())
