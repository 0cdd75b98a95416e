"""Small widgets the forms share."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QWidget

from ui.i18n import tr


class OptionalDate(QWidget):
    """A date that may be unknown: a check box turns the date on."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.known = QCheckBox(tr("kjent"))
        self.edit = QDateEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("dd.MM.yyyy")
        self.edit.setEnabled(False)
        layout.addWidget(self.known)
        layout.addWidget(self.edit, 1)
        self.known.toggled.connect(self.edit.setEnabled)
        self.known.toggled.connect(self.changed)
        self.edit.dateChanged.connect(self.changed)

    def value(self) -> date | None:
        if not self.known.isChecked():
            return None
        d = self.edit.date()
        return date(d.year(), d.month(), d.day())

    def set_value(self, value: date | None, default: date) -> None:
        day = value or default
        self.edit.setDate(QDate(day.year, day.month, day.day))
        self.known.setChecked(value is not None)


def tri_value(combo: QComboBox) -> bool | None:
    data = combo.currentData()
    return None if data is None else bool(data)


def tri_combo() -> QComboBox:
    combo = QComboBox()
    combo.addItem(tr("Ukjent"), None)
    combo.addItem(tr("Ja"), True)
    combo.addItem(tr("Nei"), False)
    return combo
