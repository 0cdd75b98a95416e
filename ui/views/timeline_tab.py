"""The case's timeline tab: its events in a list, and the buttons to add, change, delete
one and see its earlier versions. What the buttons do is the case view's (``CaseView``):
this tab asks for it through its signals."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTableView, QVBoxLayout, QWidget

from tillitsvalgt.shapes import EventRead
from ui.context_menus import add_context_menu
from ui.i18n import tr
from ui.models.case_file import EventTableModel
from ui.views.case_tables import setup_table


class TimelineTab(QWidget):
    add_requested = Signal()
    edit_requested = Signal()
    delete_requested = Signal()
    history_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.events = EventTableModel()
        layout = QVBoxLayout(self)
        self.table = setup_table(QTableView(), self.events, "timeline")
        self.table.setAccessibleName(tr("Tidslinje"))
        self.table.doubleClicked.connect(lambda _: self.edit_requested.emit())
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.add_button = QPushButton(tr("&Ny hendelse …"))
        self.add_button.clicked.connect(self.add_requested)
        self.edit_button = QPushButton(tr("&Endre …"))
        self.edit_button.clicked.connect(self.edit_requested)
        self.delete_button = QPushButton(tr("Sl&ett"))
        self.delete_button.clicked.connect(self.delete_requested)
        self.history_button = QPushButton(tr("&Historikk"))
        self.history_button.setToolTip(tr("Tidligere versjoner av hendelsen"))
        self.history_button.clicked.connect(self.history_requested)
        for b in (self.add_button, self.edit_button, self.delete_button, self.history_button):
            row.addWidget(b)
        row.addStretch(1)
        layout.addLayout(row)
        add_context_menu(
            self.table,
            [
                self.edit_button,
                self.history_button,
                None,
                self.add_button,
                None,
                self.delete_button,
            ],
        )

    def selected(self) -> EventRead | None:
        result: EventRead | None = self.events.item_at(self.table.currentIndex().row())
        return result

    def update_buttons(self, *, live: bool) -> None:
        """``live``: the case is not in the recycle bin (its events are then only read)."""
        chosen = self.selected() is not None
        self.history_button.setEnabled(chosen)
        for b in (self.edit_button, self.delete_button):
            b.setEnabled(chosen and live)
