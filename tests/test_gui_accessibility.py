"""Screen readers: every input of every window and dialog (walked widget by widget, on every
tab) has a name a screen reader reads out — its label — and a description. A field added
without a label, or a wrapper that hides the label from its field, fails here."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tillitsvalgt.workspace import Workspace
from ui.accessibility import INPUT_TYPES, is_part_of_another, plain_label
from ui.date_input import DateInput

from helpers.gui import make_window
from helpers.gui_tour import tour

TODAY = date(2026, 12, 6)


def _spoken(widget: QWidget) -> tuple[str, str]:
    face = QAccessible.queryAccessibleInterface(widget)
    assert face is not None
    return face.text(QAccessible.Text.Name).strip(), face.text(QAccessible.Text.Description)


def test_every_input_of_every_window_has_a_name_and_a_description(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    window = make_window(qtbot, workspace, tmp_path)
    missing: list[str] = []
    checked = 0
    for name, root in tour(qtbot, window):
        for widget in root.findChildren(QWidget):
            if not isinstance(widget, INPUT_TYPES) or isinstance(widget, DateInput):
                continue  # a date field is read through its text box, checked here
            if is_part_of_another(widget) and not isinstance(widget.parentWidget(), DateInput):
                continue
            if not widget.isVisibleTo(root):
                continue
            checked += 1
            spoken_name, description = _spoken(widget)
            what = f"{name}: {type(widget).__name__} {widget.objectName()!r} «{spoken_name}»"
            if not spoken_name:
                missing.append(what + " has no name")
            elif not description.strip():
                missing.append(what + " has no description")
    assert checked > 150
    assert not missing, "\n".join(missing)


def test_case_fields_are_named_after_their_labels(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    window = make_window(qtbot, workspace, tmp_path)
    form = window.case_view.form
    assert _spoken(form.title)[0] == "Tittel"
    assert _spoken(form.location)[0] == "Sted/avdeling"
    assert _spoken(form.members)[0] == "Berørte medlemmer"
    assert _spoken(form.decision.line)[0] == "Beslutning tatt"
    assert _spoken(form.implemented.line)[0] == "Iverksatt"
    assert _spoken(form.description)[0] == "Beskrivelse"
    assert _spoken(form.report_summary)[0] == "Til rapporten"
    # A date field's description is the date it understood, in words.
    form.decision.set_value(date(2026, 10, 15))
    assert "Torsdag 15. oktober 2026" in _spoken(form.decision.line)[1]
    assert _spoken(window.search)[0]
    assert _spoken(window.table)[0] == "Saker"


def test_plain_label() -> None:
    assert plain_label("Be&slutning tatt:") == "Beslutning tatt"
    assert plain_label("<b>Fra &amp; til</b>") == "Fra & til"
    assert plain_label("R&&D:") == "R&D"


def test_every_dialog_names_its_inputs() -> None:
    """Every dialog class of the window calls ``describe_inputs`` (the walk above opens the
    dialogs it knows; this catches one added later)."""
    import ast

    root = Path(__file__).resolve().parent.parent / "ui"
    missing = []
    for file in root.rglob("*.py"):
        tree = ast.parse(file.read_text("utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.ClassDef):
                continue
            bases = {getattr(b, "id", getattr(b, "attr", "")) for b in node.bases}
            if not bases & {"QDialog", "QMainWindow"}:
                continue
            if "describe_inputs" not in ast.unparse(node):
                missing.append(f"{file.name}: {node.name}")
    assert missing == []
