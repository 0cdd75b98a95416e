"""Pages of a document shown as paper: white sheets at their paper's proportions, one
under the other on a grey desk, scaled to the view's width (never wider, so the view never
scrolls sideways), with a caption above them."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from tillitsvalgt.letters.pages import PageImage

MARGIN = 12  # grey around the sheets
MIN_PAGE_WIDTH = 240  # below this a page is a thumbnail nobody can read


class PageView(QScrollArea):
    """The pages; ``set_pages`` replaces them, ``pages`` are the sheets' labels."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pageView")
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        desk = QWidget()
        desk.setObjectName("desk")
        desk.setAutoFillBackground(True)
        desk.setStyleSheet("#desk { background: #8a8f94; }")
        self._layout = QVBoxLayout(desk)
        self._layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        self._layout.setSpacing(MARGIN)
        self.caption = QLabel()
        self.caption.setObjectName("pageCaption")
        self.caption.setWordWrap(True)
        self.caption.setStyleSheet("color: white;")
        self._layout.addWidget(self.caption)
        self._layout.addStretch(1)
        self.setWidget(desk)
        self._images: list[QImage] = []
        self.pages: list[QLabel] = []
        self.paper: list[tuple[float, float]] = []  # each page's size in points

    def sizeHint(self) -> QSize:
        return QSize(MIN_PAGE_WIDTH + 2 * MARGIN + 40, 400)

    def minimumSizeHint(self) -> QSize:
        return QSize(MIN_PAGE_WIDTH + 2 * MARGIN + self.verticalScrollBar().sizeHint().width(), 200)

    def set_pages(self, pages: tuple[PageImage, ...], caption: str) -> None:
        for label in self.pages:
            self._layout.removeWidget(label)
            label.deleteLater()
        self.pages = []
        self.caption.setText(caption)
        # copy(): the QImage must own its pixels, the bytes object may go away.
        self._images = [
            QImage(p.pixels, p.width, p.height, p.stride, QImage.Format.Format_RGBX8888).copy()
            for p in pages
        ]
        self.paper = [(p.width_pt, p.height_pt) for p in pages]
        for number, _image in enumerate(self._images, start=1):
            label = QLabel()
            label.setObjectName(f"page-{number}")
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            # Before the stretch at the end, so the sheets stay at the top.
            self._layout.insertWidget(self._layout.count() - 1, label)
            self.pages.append(label)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """Scale every sheet to the width there is, keeping its paper's proportions."""
        width = max(MIN_PAGE_WIDTH, self.viewport().width() - 2 * MARGIN)
        ratio = self.devicePixelRatioF()
        for label, image in zip(self.pages, self._images, strict=True):
            height = round(width * image.height() / max(image.width(), 1))
            pixmap = QPixmap.fromImage(
                image.scaled(
                    round(width * ratio),
                    round(height * ratio),
                    Qt.AspectRatioMode.IgnoreAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
            pixmap.setDevicePixelRatio(ratio)
            label.setPixmap(pixmap)
            label.setFixedHeight(height)
