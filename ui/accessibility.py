"""Names and descriptions for screen readers. Qt names a field after the label whose buddy it
is, but most forms put the field in a wrapper (with its message underneath), so the label's
buddy was the wrapper and the field itself had no name: 10 of the case's 22 fields were read
out as just «redigeringsfelt». ``describe_inputs`` runs at the end of building each window
and dialog: every input gets its label as name and a description (its tooltip, placeholder
or what to do with it). ``tests/test_gui_accessibility.py`` walks every window and dialog and
fails on an input without either."""

from __future__ import annotations

import html
import re

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from ui.date_input import DateInput
from ui.i18n import tr

# What a user types or chooses in (named from a label); buttons name themselves by text.
ENTRY_TYPES: tuple[type[QWidget], ...] = (
    DateInput,
    QLineEdit,
    QAbstractSpinBox,
    QComboBox,
    QPlainTextEdit,
    QTextEdit,
    QAbstractItemView,
)
INPUT_TYPES: tuple[type[QWidget], ...] = (*ENTRY_TYPES, QAbstractButton)
_MNEMONIC = re.compile(r"&(?!&)")
_TAGS = re.compile(r"<[^>]+>")


def plain_label(text: str) -> str:
    """«Be&slutning tatt:» -> «Beslutning tatt»; rich text loses its tags."""
    if _TAGS.search(text):
        text = html.unescape(_TAGS.sub("", text))
    else:
        text = _MNEMONIC.sub("", text).replace("&&", "&")
    return text.strip().rstrip(":").strip()


def _entry_in(widget: QWidget) -> QWidget | None:
    """The input a label stands for: the widget itself, or the first input in a wrapper
    (a text box before the buttons beside it)."""
    if isinstance(widget, INPUT_TYPES):
        return widget
    for kind in (ENTRY_TYPES, (QAbstractButton,)):
        for child in widget.findChildren(QWidget):
            if isinstance(child, kind) and not _inside_date_input(child, widget):
                return child
    return None


def _inside_date_input(child: QWidget, stop: QWidget) -> bool:
    parent = child.parentWidget()
    while parent is not None and parent is not stop:
        if isinstance(parent, DateInput):
            return True
        parent = parent.parentWidget()
    return False


def is_part_of_another(widget: QWidget) -> bool:
    """A header of a table, the text box inside a spin box or combo box: read out as part
    of the widget it belongs to, not on its own."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, (QAbstractSpinBox, QComboBox, QAbstractItemView, DateInput)):
            return True
        parent = parent.parentWidget()
    return isinstance(widget, QHeaderView)


def _how(widget: QWidget) -> str:
    if isinstance(widget, DateInput):
        return widget.line.toolTip()
    if isinstance(widget, QComboBox):
        return tr("Velg fra listen med piltastene.")
    if isinstance(widget, QAbstractSpinBox):
        return tr("Skriv et tall, eller bruk piltastene.")
    if isinstance(widget, QCheckBox):
        return tr("Mellomrom krysser av eller fjerner krysset.")
    if isinstance(widget, QAbstractItemView):
        return tr("Piltastene flytter mellom radene.")
    if isinstance(widget, QAbstractButton):
        return tr("Mellomrom eller Enter trykker på knappen.")
    if isinstance(widget, QTextEdit) and widget.isReadOnly():
        return tr("Tekst som bare kan leses.")
    return tr("Skriv teksten her.")


def name_input(widget: QWidget, name: str, description: str | None = None) -> None:
    """Give ``widget`` (and a date field's text box) a name and a description."""
    widget.setAccessibleName(name)
    if description or not widget.accessibleDescription():
        placeholder = getattr(widget, "placeholderText", None)
        hint = placeholder() if callable(placeholder) else ""
        widget.setAccessibleDescription(description or widget.toolTip() or hint or _how(widget))
    if isinstance(widget, DateInput):
        widget.line.setAccessibleName(name)
        widget.button.setAccessibleName(tr("Kalender for ") + name.lower())
        widget.button.setAccessibleDescription(widget.button.toolTip())


def describe_inputs(root: QWidget) -> None:
    """Name every input under ``root`` after its label and describe it (idempotent; a name
    set by hand is kept)."""
    for label in root.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is None:
            continue
        entry = _entry_in(buddy)
        text = plain_label(label.text())
        if entry is not None and text and not entry.accessibleName():
            name_input(entry, text)
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, INPUT_TYPES) or _inside_date_input(widget, root):
            continue
        if isinstance(widget, DateInput):
            if widget.accessibleName():
                name_input(widget, widget.accessibleName())
            continue
        if not widget.accessibleDescription():
            widget.setAccessibleDescription(widget.toolTip() or _how(widget))
