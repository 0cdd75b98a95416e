"""A list narrowed after it was laid out wider keeps to its width: the stretched last
column gives way too, not only the others (no sideways scrolling)."""

from __future__ import annotations

from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QApplication, QTableView
from pytestqt.qtbot import QtBot

from ui.column_fit import ColumnFit


def _table(qtbot: QtBot) -> QTableView:
    model = QStandardItemModel(40, 5)
    view = QTableView()
    view.setModel(model)
    qtbot.addWidget(view)
    header = view.horizontalHeader()
    # As the case list does: the stretch set while the default width is Qt's 100 px, then a
    # narrower default. Qt keeps the stretched section at least as wide as the default was
    # when the stretch began.
    header.setStretchLastSection(True)
    header.setDefaultSectionSize(60)
    for column in range(4):
        header.resizeSection(column, 90)
    return view


def _overflow(view: QTableView) -> int:
    header = view.horizontalHeader()
    used = sum(
        header.sectionSize(c) for c in range(header.count()) if not header.isSectionHidden(c)
    )
    return used - view.viewport().width()


def test_the_stretched_last_column_narrows_with_the_list(qtbot: QtBot) -> None:
    view = _table(qtbot)
    ColumnFit(view, {c: 60 for c in range(5)})
    view.resize(560, 300)
    view.show()
    qtbot.waitExposed(view)
    header = view.horizontalHeader()
    QApplication.processEvents()
    began = header.sectionSize(4)
    assert began > 100
    # The four others still fit at their widths, and leave the last less than 100 px.
    view.resize(440, 300)
    QApplication.processEvents()
    assert _overflow(view) <= 0, [header.sectionSize(c) for c in range(5)]
    assert view.horizontalScrollBar().maximum() == 0
    assert all(header.sectionSize(c) >= 60 for c in range(5))  # none below its floor
    assert header.sectionSize(4) < began
    view.resize(900, 300)  # wider again: the stretch fills it
    QApplication.processEvents()
    assert _overflow(view) == 0
