"""The window's finish, as a representative sees it: the list's «Endret» tells the exact
time it orders by; on a 1024 px and a 1280 px screen the case list and the history show
their columns whole enough to read and never scroll sideways; demo cases carry «DEMO» in
the deadlines too; every cell, label and choice starts with a capital letter; the letter's
sender line names the union once."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tillitsvalgt.workspace import Workspace
from ui.models.case_table import EMPLOYER, NUMBER, TIMING, TITLE, TYPE, UPDATED
from ui.models.deadline_table import TITLE as DEADLINE_TITLE
from ui.models.history_table import HIST_NEW, HIST_OLD, HIST_WHAT, HIST_WHEN, HIST_WHO

from helpers.gui import make_window, select_case
from helpers.gui_tour import tour

TODAY = date(2026, 12, 6)


def _sideways(view: QAbstractItemView) -> int:
    bar = view.horizontalScrollBar()
    return bar.maximum() if bar.isVisible() else 0


def test_the_changed_column_tells_the_time_it_orders_by(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    window = make_window(qtbot, workspace, tmp_path)
    model = window.model
    first, second = model.rows[0], model.rows[1]
    tips = [model.data(model.index(r, UPDATED), Qt.ItemDataRole.ToolTipRole) for r in (0, 1)]
    for row, tip in zip((first, second), tips, strict=True):
        local = row.updated_at.astimezone()
        assert tip == f"Sist endret {local:%d.%m.%Y} kl. {local:%H:%M:%S}"
    # Newest first, to the second the tooltip shows (the day alone ties).
    assert first.updated_at >= second.updated_at
    header_tip = model.headerData(UPDATED, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "nyeste først" in header_tip


def test_cases_changed_at_the_same_moment_keep_their_order(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    """Ten cases with one «Endret» to the microsecond (as an import makes them): clicking
    the header both ways and refreshing (F5) gives the same order every time, ties by id."""
    import sqlalchemy as sa

    from tillitsvalgt.tables import Case

    stamp = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)
    with workspace.db.session() as s:
        s.execute(sa.update(Case).values(updated_at=stamp))
        ids = {n: i for n, i in s.execute(sa.select(Case.number, Case.id))}
    window = make_window(qtbot, workspace, tmp_path)
    window.resize(1280, 768)
    window.default_split()
    header = window.table.horizontalHeader()

    def listed() -> list[str]:
        return [r.number for r in window.model.rows]

    def click_updated() -> None:
        x = header.sectionViewportPosition(UPDATED) + header.sectionSize(UPDATED) // 2
        QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))

    newest_first = sorted(ids, key=ids.__getitem__, reverse=True)
    assert listed() == newest_first
    click_updated()  # oldest first
    assert listed() == newest_first[::-1]
    click_updated()  # newest first again
    assert listed() == newest_first
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    for _ in range(2):
        with qtbot.waitSignal(window.model.modelReset, timeout=2000):  # reloaded
            QTest.keyClick(window.table, Qt.Key.Key_F5)
        assert listed() == newest_first


@pytest.mark.parametrize(("width", "height"), [(1024, 668), (1280, 768)])
def test_the_case_list_fits_and_its_columns_read(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path, width: int, height: int
) -> None:
    window = make_window(qtbot, workspace, tmp_path)
    window.resize(width, height)
    window.default_split()  # as a first start on that screen
    qtbot.wait(50)
    table, header = window.table, window.table.horizontalHeader()
    assert _sideways(table) == 0
    metrics = table.fontMetrics()
    # Whole numbers and short verdicts, and the title the widest of the texts shown.
    for column, text in ((NUMBER, "2026/10"), (TIMING, "→ Handle nå")):
        assert header.sectionSize(column) >= metrics.horizontalAdvance(text) + 8, column
    assert header.sectionSize(TITLE) >= metrics.horizontalAdvance("Hjemmekontoravtale")
    shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
    if width >= 1280:
        assert len(shown) == 7  # every column on a 1280 px screen
    else:
        assert header.isSectionHidden(TYPE) and EMPLOYER in shown  # the type steps aside
    # A cut cell has the whole text as its tooltip.
    row = next(i for i, r in enumerate(window.model.rows) if len(r.title) > 30)
    tip = window.model.data(window.model.index(row, TITLE), Qt.ItemDataRole.ToolTipRole)
    assert tip == window.model.rows[row].title
    # A wider list (a bigger window, the splitter dragged) brings them back.
    window.resize(1800, height)
    window.splitter.setSizes([1100, 700])
    qtbot.wait(50)
    assert not header.isSectionHidden(TYPE) and not header.isSectionHidden(UPDATED)
    assert _sideways(table) == 0


@pytest.mark.parametrize(("width", "height"), [(1024, 668), (1280, 768)])
def test_the_history_what_column_gets_the_room(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path, width: int, height: int
) -> None:
    window = make_window(qtbot, workspace, tmp_path)
    window.resize(width, height)
    window.default_split()
    select_case(window, "2026/3")
    qtbot.waitUntil(lambda: window.detail is not None)
    tabs = window.case_view.tabs
    bar = tabs.tabBar()
    tabs.setCurrentIndex(0)
    QTest.mouseClick(
        bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(window.case_view.history_tab).center()
    )
    table = window.case_view.history_table
    qtbot.waitUntil(lambda: table.model().rowCount() > 0)
    qtbot.wait(50)
    header = table.horizontalHeader()
    assert _sideways(table) == 0
    metrics = table.fontMetrics()
    assert header.sectionSize(HIST_WHEN) >= metrics.horizontalAdvance("07.12.2026 00:10")
    what = header.sectionSize(HIST_WHAT)
    assert what > header.sectionSize(HIST_OLD) and what > header.sectionSize(HIST_NEW)
    assert what > header.sectionSize(HIST_WHO)
    model = table.model()
    for row in range(model.rowCount()):  # one line a row; the whole «Hva» as tooltip
        index = model.index(row, HIST_WHAT)
        assert model.data(index, Qt.ItemDataRole.ToolTipRole) == model.data(index)
        assert table.rowHeight(row) < 2 * metrics.height()


def test_demo_cases_are_tagged_in_the_deadlines_too(qtbot: QtBot, tmp_path: Path) -> None:
    ws = Workspace.open(data_dir=tmp_path / "demo", clock=lambda: date(2026, 12, 18))
    try:
        ws.fill_demo_data()
        window = make_window(qtbot, ws, tmp_path)
        bar = window.sections.tabBar()
        QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(2).center())
        view = window.deadlines_view
        qtbot.waitUntil(lambda: view.model.rowCount() > 0)
        model = view.model
        for row in range(model.rowCount()):
            index = model.index(row, DEADLINE_TITLE)
            assert model.data(index).startswith("DEMO · "), model.data(index)
            assert "demodata" in model.data(index, Qt.ItemDataRole.ToolTipRole)
            assert model.row_at(row).demo
        # The case list tags the same cases the same way.
        number = model.row_at(0).case_number
        listed = next(r for r in window.model.rows if r.number == number)
        row = window.model.rows.index(listed)
        assert window.model.data(window.model.index(row, TITLE)).startswith("DEMO · ")
        window.close()
    finally:
        ws.close()


# Texts that may start in lower case: an e-mail, a path, a law's name (written so in
# Norwegian), a date pattern.
_MAY_BE_LOWER = re.compile(r"^([^\s]*[@/]|\S+loven\b|\S+forskriften\b|forskrift\b|dd\.mm)")


def _lower_start(text: str) -> bool:
    text = re.sub(r"<[^>]+>", "", text or "").strip()
    if text.startswith("("):  # «(lagrede filtre)»: a placeholder's convention
        return False
    text = text.lstrip("!?✓→·–- ").replace("&", "")
    return bool(text) and text[0].islower() and not _MAY_BE_LOWER.match(text)


def _texts(root: QWidget) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for label in root.findChildren(QLabel):
        if label.isVisibleTo(root) and label.text():
            found.append((f"label {label.objectName()}", label.text()))
    for combo in root.findChildren(QComboBox):
        if combo.isVisibleTo(root):
            found += [
                (f"combo {combo.objectName()}", combo.itemText(i)) for i in range(combo.count())
            ]
    for spin in root.findChildren(QAbstractSpinBox):
        if spin.isVisibleTo(root) and spin.text():
            found.append((f"field {spin.objectName()}", spin.text()))
    for view in root.findChildren(QAbstractItemView):
        model = view.model()
        if not view.isVisibleTo(root) or model is None or isinstance(view.parent(), QComboBox):
            continue
        for row in range(min(model.rowCount(), 30)):
            for column in range(model.columnCount()):
                value = model.data(model.index(row, column))
                if isinstance(value, str):
                    found.append((f"cell {view.objectName()}[{row},{column}]", value))
    return found


def test_every_cell_label_and_choice_starts_with_a_capital(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    window = make_window(qtbot, workspace, tmp_path)
    window.resize(1280, 768)
    lower: set[str] = set()
    for name, root in tour(qtbot, window):
        QApplication.processEvents()
        lower |= {
            f"{name}: {where}: {text!r}" for where, text in _texts(root) if _lower_start(text)
        }
    assert not lower, "\n".join(sorted(lower))


def test_the_sender_line_names_the_union_once(workspace: Workspace) -> None:
    from types import SimpleNamespace

    from tillitsvalgt.letters.context import _sender

    def line(union: str, branch: str) -> Any:
        rep = SimpleNamespace(
            name="Kari",
            role="hovedtillitsvalgt",
            union_name=union,
            branch=branch,
            email=None,
            phone=None,
            place=None,
            signature=None,
        )
        return _sender(SimpleNamespace(representative=rep, union_name=None))["organisasjon"]

    assert line("Finansforbundet", "Finansforbundet i Vestlandske Forsikring") == (
        "Finansforbundet i Vestlandske Forsikring"
    )
    assert line("Fagforbundet", "Avdeling 120 Tromsø") == "Fagforbundet – Avdeling 120 Tromsø"


def test_the_guide_fits_its_pictures_to_the_window(qtbot: QtBot) -> None:
    """The screenshots are 1600 px wide: the guide shows them as wide as its window, so it
    never scrolls sideways, and they follow when the window is made wider or narrower."""
    from ui.dialogs.help_dialog import HelpDialog

    dialog = HelpDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    for width in (760, 560, 1100):
        dialog.resize(width, 600)
        qtbot.wait(50)
        bar = dialog.browser.horizontalScrollBar()
        assert bar.maximum() == 0, width
        assert dialog.height() <= 680


def test_the_employer_register_shows_each_sector_whole_at_1024(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    from ui.models.employer_table import SECTOR

    window = make_window(qtbot, workspace, tmp_path)
    window.resize(1024, 668)
    bar = window.sections.tabBar()
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    table = window.employers_view.table
    qtbot.waitUntil(lambda: table.model().rowCount() > 0)
    qtbot.wait(50)
    metrics = table.fontMetrics()
    need = metrics.horizontalAdvance("Kommune og fylkeskommune")
    assert table.columnWidth(SECTOR) >= need + 8
    assert _sideways(table) == 0
