"""Tables that fit their width: on a narrow screen (1024 px, or 150 % scale) a list's
columns are narrowed to the width there is instead of scrolling sideways.

Only when the columns do not fit: then every column wider than its floor gives up width in
proportion to what it has above the floor (long titles elide with «…», as they do anyway).
A wider window leaves the widths alone, so the widths the user chose (and the app
remembers) come back whenever there is room for them."""

from __future__ import annotations

import math

from PySide6.QtCore import QByteArray, QEvent, QObject, QTimer
from PySide6.QtWidgets import QHeaderView, QTableView

FLOOR = 56  # narrower than this a column shows nothing but «…»
MIN_FLOOR = 24  # a splitter dragged far: still a column, if only «…»


class ColumnFit(QObject):
    """Installed on a table's viewport; refits the columns whenever it is resized.

    ``optional``: columns that step aside, in this order, when even the floors of all the
    columns do not fit (a column narrowed to «K…» tells nothing); they come back as soon
    as there is room for them. ``floors``: the narrowest each column may get (else
    ``FLOOR``); the stretched last column's floor is the room kept for it."""

    def __init__(
        self,
        view: QTableView,
        floors: dict[int, int] | None = None,
        optional: tuple[int, ...] = (),
    ) -> None:
        super().__init__(view)
        self.view = view
        self.floors = floors or {}
        self.optional = optional
        self.dropped: set[int] = set()  # hidden here for want of room, not by the user
        view.viewport().installEventFilter(self)
        view.horizontalHeader().sectionResized.connect(self._user_resized)
        self._fitting = False
        self._queued = False
        # New rows widen the columns sized to their contents: fit again after them.
        model = view.model()
        if model is not None:
            model.modelReset.connect(self._fit_later)
            model.rowsInserted.connect(self._fit_later)
        self.chosen: dict[int, int] = {}  # the widths before narrowing, to give back

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def _user_resized(self, logical: int, _old: int, new: int) -> None:
        header = self.view.horizontalHeader()
        if header.sectionResizeMode(logical) != QHeaderView.ResizeMode.Interactive:
            self._fit_later()  # sized by its contents: the others fit around it
        elif not self._fitting and new > 0:
            self.chosen[logical] = new

    def _fit_later(self, *_: object) -> None:
        if not self._queued:
            self._queued = True
            QTimer.singleShot(0, self, self._queued_fit)  # not after the table is gone

    def _queued_fit(self) -> None:
        self._queued = False
        self.fit()

    def _floor(self, column: int) -> int:
        return self.floors.get(column, FLOOR)

    def _layout(self, candidates: list[int]) -> tuple[list[int], int, dict[int, int]]:
        """The columns to narrow, the room they have and their floors, once the optional
        columns that do not fit have stepped aside (``self.dropped``). Narrower still (a
        splitter dragged far), the floors themselves give way, in proportion."""
        header = self.view.horizontalHeader()
        # The columns sized another way (to their contents) keep their width.
        fixed = sum(
            header.sectionSize(c)
            for c in range(header.count())
            if c not in candidates and not header.isSectionHidden(c)
        )
        width = self.view.viewport().width() - fixed
        self.dropped = set()
        while True:
            columns = [c for c in candidates if c not in self.dropped]
            last = None
            if header.stretchLastSection() and columns:
                last = max(columns, key=header.visualIndex)
                columns.remove(last)  # the header stretches it to what is left,
            # (a stretched section never gets narrower than the header's default size)
            spare = 0 if last is None else max(self._floor(last), header.defaultSectionSize())
            room = width - spare  # but not below its floor
            floors = {c: self._floor(c) for c in columns}
            need = sum(floors.values())
            left = [c for c in self.optional if c in candidates and c not in self.dropped]
            if need <= room or not left:
                break
            self.dropped.add(left[0])
        if need > room:
            floors = {c: max(MIN_FLOOR, f * room // need) for c, f in floors.items()}
        return columns, room, floors

    def fit(self) -> None:
        header = self.view.horizontalHeader()
        before = set(self.dropped)
        candidates = [
            c
            for c in range(header.count())
            if (not header.isSectionHidden(c) or c in before)
            and header.sectionResizeMode(c) == QHeaderView.ResizeMode.Interactive
        ]
        self._fitting = True
        try:
            for c in candidates:  # what the user had, before a column steps aside
                if not header.isSectionHidden(c):
                    self.chosen.setdefault(c, header.sectionSize(c))
            columns, room, least = self._layout(candidates)
            for c in candidates:
                hide = c in self.dropped
                if header.isSectionHidden(c) != hide:
                    header.setSectionHidden(c, hide)
                    if not hide and c in self.chosen:
                        header.resizeSection(c, self.chosen[c])
            wanted = {c: self.chosen.get(c, header.sectionSize(c)) for c in columns}
            total = sum(wanted.values())
            if total <= room:
                for c, width in wanted.items():  # room enough: the chosen widths again
                    if header.sectionSize(c) != width:
                        header.resizeSection(c, width)
            else:
                floors = {c: min(wanted[c], least[c]) for c in columns}
                above = sum(wanted[c] - floors[c] for c in columns)
                over = total - room
                for c in columns:
                    give = 0 if above <= 0 else math.ceil(over * (wanted[c] - floors[c]) / above)
                    header.resizeSection(c, max(floors[c], wanted[c] - give))
            self._narrow_stretched()
        finally:
            self._fitting = False

    def _narrow_stretched(self) -> None:
        """Qt never narrows a stretched last section below the width it had when the
        stretch began: a list first laid out wider, then narrowed (a vertical scroll bar
        appearing, the case view taking its place beside it), kept its last column 13 px
        too wide and scrolled sideways. Begun again at the width that is left, the stretch
        fills exactly that."""
        header = self.view.horizontalHeader()
        if not header.stretchLastSection():
            return
        shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
        if not shown:
            return
        last = max(shown, key=header.visualIndex)
        free = self.view.viewport().width() - sum(header.sectionSize(c) for c in shown if c != last)
        if header.sectionSize(last) > max(free, MIN_FLOOR):
            header.setStretchLastSection(False)
            header.resizeSection(last, max(free, MIN_FLOOR))
            header.setStretchLastSection(True)

    def state(self) -> QByteArray:
        """The header's state with the widths the user chose, not the narrowed ones, and
        the columns that stepped aside shown: a window on a bigger screen next time gets
        them back."""
        header = self.view.horizontalHeader()
        narrowed = {c: header.sectionSize(c) for c in self.chosen}
        self._fitting = True
        try:
            for c in self.dropped:
                header.setSectionHidden(c, False)
            for c, width in self.chosen.items():
                header.resizeSection(c, width)
            state = header.saveState()
            for c in self.dropped:
                header.setSectionHidden(c, True)
            for c, width in narrowed.items():
                if c not in self.dropped:
                    header.resizeSection(c, width)
        finally:
            self._fitting = False
        return state
