"""PySide6's import hook told which modules are ours and which were loaded before Qt
(``ui/import_marks.py``), so that the start does not have it read their sources."""

from __future__ import annotations

import subprocess
import sys
import types
from pathlib import Path

import pytest

from ui import import_marks

REPO = Path(__file__).resolve().parent.parent

# The start's order (ui/__main__.py): the core, then QtCore, the marks, then the window's
# modules; every module whose source the hook reads from then on is recorded.
_PROBE = r"""
import sys
import tillitsvalgt.workspace
from ui.shiboken_files import check_before_qt
check_before_qt()
import ui.head_start
from ui import import_marks
before = set(sys.modules)
entered = import_marks.mark_known_modules() if sys.argv[1] == "marked" else 0
from shibokensupport import feature
read = []
real = feature._mod_uses_pyside
def recording(module):
    read.append(getattr(module, "__name__", "?"))
    return real(module)
feature._mod_uses_pyside = recording
import ui.app, ui.views.case_view
print(repr((entered, read, sorted(before), feature.pyside_feature_dict.get("ui.main_window"),
            feature.pyside_feature_dict.get("tillitsvalgt.reports.anonymise"))))
"""


def _start(kind: str) -> tuple[int, list[str], list[str], int | None, int | None]:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, kind],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
        check=True,
        env={"PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen"},
    )
    return eval(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def test_the_hook_reads_none_of_our_sources_nor_those_loaded_before_qt() -> None:
    entered, read, before, window, core = _start("marked")
    assert entered > 300
    ours = [n for n in read if n.split(".")[0] in ("ui", "tillitsvalgt")]
    assert not ours, ours
    assert not set(read) & set(before), set(read) & set(before)
    assert (window, core) == (import_marks.USES_PYSIDE, import_marks.IGNORED)
    # Unmarked, the hook reads them: the test can fail.
    _, unmarked, _, _, _ = _start("unmarked")
    assert any(n.startswith("ui.") for n in unmarked)
    assert len(unmarked) > 3 * max(len(read), 1)


def test_module_names_come_from_the_files_without_importing() -> None:
    names = import_marks.module_names("ui", REPO / "ui")
    assert {"ui", "ui.views", "ui.views.case_view", "ui.import_marks"} <= set(names)
    assert not [n for n in names if "__pycache__" in n or n.endswith("__init__")]


def test_nothing_is_entered_without_pysides_table_or_in_the_bundle(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "__feature__", types.ModuleType("__feature__"))
    assert import_marks.mark_known_modules() == 0
    table: dict[str, int] = {}
    feature = types.ModuleType("__feature__")
    feature.pyside_feature_dict = table  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "__feature__", feature)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert import_marks.mark_known_modules() == 0 and table == {}
    monkeypatch.setattr(sys, "frozen", False)
    assert import_marks.mark_known_modules() > 0
    assert table["ui.main_window"] == import_marks.USES_PYSIDE
    assert table["tillitsvalgt.workspace"] == import_marks.IGNORED
    assert not [n for n in table if n.startswith(("PySide6", "shiboken"))]
