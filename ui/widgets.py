"""Small widgets the forms share."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QPushButton

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


def ok_cancel(dialog: QDialog, ok_text: str) -> tuple[QDialogButtonBox, QPushButton]:
    """A dialog's «OK»/«Avbryt» row with the OK button's own text; «Avbryt» closes the
    dialog, and the caller decides what «OK» does (accept at once, or check first)."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(ok_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Avbryt"))
    buttons.rejected.connect(dialog.reject)
    return buttons, ok
