"""Small widgets the forms share."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from ui.i18n import tr


def tri_value(combo: QComboBox) -> bool | None:
    data = combo.currentData()
    return None if data is None else bool(data)


def tri_combo() -> QComboBox:
    combo = QComboBox()
    combo.addItem(tr("Ukjent"), None)
    combo.addItem(tr("Ja"), True)
    combo.addItem(tr("Nei"), False)
    return combo
