"""Tables that fit their width: on a narrow screen (1024 px, or 150 % scale) a list's
columns are narrowed to the width there is instead of scrolling sideways.

Only when the columns do not fit: then every column wider than its floor gives up width in
proportion to what it has above the floor (long titles elide with «…», as they do anyway).
A wider window leaves the widths alone, so the widths the user chose (and the app
remembers) come back whenever there is room for them."""

from __future__ import annotations

import math

from PySide6.QtCore import QByteArray, QEvent, QObject
from PySide6.QtWidgets import QHeaderView, QTableView

FLOOR = 56  # narrower than this a column shows nothing but «…»


class ColumnFit(QObject):
    """Installed on a table's viewport; refits the columns whenever it is resized."""

    def __init__(self, view: QTableView, floors: dict[int, int] | None = None) -> None:
        super().__init__(view)
        self.view = view
        self.floors = floors or {}
        view.viewport().installEventFilter(self)
        view.horizontalHeader().sectionResized.connect(self._user_resized)
        self._fitting = False
        self.chosen: dict[int, int] = {}  # the widths before narrowing, to give back

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def _user_resized(self, logical: int, _old: int, new: int) -> None:
        if not self._fitting:
            self.chosen[logical] = new

    def fit(self) -> None:
        header = self.view.horizontalHeader()
        stretch_last = header.stretchLastSection()
        columns = [
            c
            for c in range(header.count())
            if not header.isSectionHidden(c)
            and header.sectionResizeMode(c) == QHeaderView.ResizeMode.Interactive
        ]
        if stretch_last and columns:
            last = max(columns, key=header.visualIndex)
            columns.remove(last)  # the header stretches it to what is left,
            spare = header.defaultSectionSize()  # but not below this
        else:
            spare = 0
        room = self.view.viewport().width() - spare
        wanted = {c: self.chosen.get(c, header.sectionSize(c)) for c in columns}
        self._fitting = True
        try:
            total = sum(wanted.values())
            if total <= room:
                for c, width in wanted.items():  # room enough: the chosen widths again
                    if header.sectionSize(c) != width:
                        header.resizeSection(c, width)
                return
            for c, width in wanted.items():
                self.chosen.setdefault(c, width)
            floors = {c: min(wanted[c], self.floors.get(c, FLOOR)) for c in columns}
            above = sum(wanted[c] - floors[c] for c in columns)
            over = total - room
            for c in columns:
                give = 0 if above <= 0 else math.ceil(over * (wanted[c] - floors[c]) / above)
                header.resizeSection(c, max(floors[c], wanted[c] - give))
        finally:
            self._fitting = False

    def state(self) -> QByteArray:
        """The header's state with the widths the user chose, not the narrowed ones: a
        window on a bigger screen next time gets them back."""
        header = self.view.horizontalHeader()
        narrowed = {c: header.sectionSize(c) for c in self.chosen}
        self._fitting = True
        try:
            for c, width in self.chosen.items():
                header.resizeSection(c, width)
            state = header.saveState()
            for c, width in narrowed.items():
                header.resizeSection(c, width)
        finally:
            self._fitting = False
        return state
