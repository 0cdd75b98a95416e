"""The case view's heading, and what stands in the case view's place until it is built.

The main window builds its case view just after its first paint (≈ 40 ms of the start, for
a view that shows nothing until a case is chosen); until then ``CasePlaceholder`` shows the
same heading in the same place, so the first paint does not wait for it."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


def case_heading(text: str) -> QLabel:
    heading = QLabel(text)
    heading.setObjectName("caseHeading")
    heading.setWordWrap(True)
    font = heading.font()
    font.setPointSizeF(font.pointSizeF() * 1.3)
    font.setBold(True)
    heading.setFont(font)
    return heading


class CasePlaceholder(QWidget):
    """The heading where the case view will be, laid out as the case view lays it out."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("casePlaceholder")
        layout = QVBoxLayout(self)
        self.heading = case_heading(text)
        layout.addWidget(self.heading)
        layout.addStretch(1)
        self.setEnabled(False)  # greyed, as the case view is until a case is chosen
