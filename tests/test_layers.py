"""The core never loads Qt: the GUI depends on the core, never the other way."""

from __future__ import annotations

import os
import pkgutil
import shutil
import subprocess
import sys
from pathlib import Path

import tillitsvalgt

REPO = Path(__file__).resolve().parent.parent


def core_modules() -> list[str]:
    names = ["tillitsvalgt"]
    for info in pkgutil.walk_packages(tillitsvalgt.__path__, "tillitsvalgt."):
        if ".migrations.versions." in info.name or info.name.endswith("migrations.env"):
            continue  # Alembic loads these itself, inside a migration run
        names.append(info.name)
    return names


def test_core_modules_are_found() -> None:
    names = core_modules()
    assert "tillitsvalgt.services.cases" in names
    assert "tillitsvalgt.cli" in names
    assert len(names) >= 15


def test_importing_every_core_module_loads_no_qt() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {core_modules()!r}:\n"
        "    importlib.import_module(name)\n"
        "qt = ('PySide6', 'shiboken6', 'ui')\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in qt)\n"
        "print(len(sys.modules), bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_importing_the_core_does_no_work() -> None:
    # No engine, no directory, no database at import time.
    code = (
        "import os, tempfile\n"
        "d = tempfile.mkdtemp()\n"
        "os.environ['TILLITSVALGT_DATA_DIR'] = os.path.join(d, 'x')\n"
        "import tillitsvalgt.cli, tillitsvalgt.db, tillitsvalgt.services.cases\n"
        "print(os.path.exists(os.path.join(d, 'x')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr


def test_the_house_rules_hold() -> None:
    """The import contracts of ``.importlinter`` (docs/architecture.md), run as CI runs them."""
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(lint), "--config", str(REPO / ".importlinter"), "--no-cache"],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout
    # A crossing that was mended leaves its ignore_imports line behind: strike it, so the
    # list says what is still to mend.
    assert "No matches for ignored import" not in result.stdout + result.stderr, result.stdout


def test_a_crossing_the_rules_forbid_is_caught(tmp_path: Path) -> None:
    """The contracts can fail: a copy of the code where a rule breaks makes lint-imports fail."""
    shutil.copytree(REPO / "tillitsvalgt", tmp_path / "tillitsvalgt")
    shutil.copytree(REPO / "ui", tmp_path / "ui")
    shutil.copy(REPO / ".importlinter", tmp_path / ".importlinter")
    rules = tmp_path / "tillitsvalgt" / "rules" / "deadlines.py"
    # Inside a function, where a hidden import would hide from a top-level-only check.
    rules.write_text(
        rules.read_text("utf-8") + "\n\ndef _sneak() -> None:\n    from tillitsvalgt import db\n",
        "utf-8",
    )
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(lint), "--config", ".importlinter", "--no-cache"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(tmp_path)},
    )
    assert result.returncode != 0
    assert "tillitsvalgt.rules.deadlines -> tillitsvalgt.db" in result.stdout


def test_a_widget_holding_a_table_is_caught(tmp_path: Path) -> None:
    """ "The GUI holds shapes, never tables" is a contract that can fail: a window importing
    a shape passes, the same window importing a table fails lint-imports."""
    shutil.copytree(REPO / "tillitsvalgt", tmp_path / "tillitsvalgt")
    shutil.copytree(REPO / "ui", tmp_path / "ui")
    shutil.copy(REPO / ".importlinter", tmp_path / ".importlinter")
    window = tmp_path / "ui" / "printing.py"
    lint = Path(sys.executable).with_name("lint-imports")

    def lint_with(line: str) -> subprocess.CompletedProcess[str]:
        window.write_text(
            (REPO / "ui" / "printing.py").read_text("utf-8")
            + f"\n\ndef _sneak() -> None:\n    {line}\n",
            "utf-8",
        )
        return subprocess.run(
            [str(lint), "--config", ".importlinter", "--no-cache"],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            env={**os.environ, "PYTHONPATH": str(tmp_path)},
        )

    assert lint_with("from tillitsvalgt.shapes import CaseRead").returncode == 0
    result = lint_with("from tillitsvalgt.tables import Case")
    assert result.returncode != 0
    assert "ui.printing -> tillitsvalgt.tables" in result.stdout


# The import circles between parts that exist today. The list may only shrink: a new circle,
# or a part joining one, fails. docs/architecture.md says how each is to be broken.
KNOWN_CIRCLES: list[set[str]] = []  # none: a new circle fails here


def _part(module: str) -> str:
    bits = module.split(".")
    depth = 3 if bits[0] == "tillitsvalgt" and len(bits) > 2 else 2
    return ".".join(bits[:depth])


def import_circles() -> list[set[str]]:
    """Strongly connected groups of parts (modules of the core, sub-packages' modules, the
    GUI's packages) in the graph of direct imports, including imports inside functions."""
    import grimp

    graph = grimp.build_graph("tillitsvalgt", "ui")
    edges: dict[str, set[str]] = {}
    for module in graph.modules:
        for imported in graph.find_modules_directly_imported_by(module):
            a, b = _part(module), _part(imported)
            if a != b and not b.startswith(a + ".") and not a.startswith(b + "."):
                edges.setdefault(a, set()).add(b)
    # Tarjan's algorithm, iterative enough for a graph of ~150 parts.
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    circles: list[set[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in edges.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group: set[str] = set()
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.add(w)
                if w == v:
                    break
            if len(group) > 1:
                circles.append(group)

    for v in list(edges):
        if v not in index:
            visit(v)
    return circles


def test_no_new_import_circles() -> None:
    circles = import_circles()
    for circle in circles:
        assert any(circle <= known for known in KNOWN_CIRCLES), f"a new import circle: {circle}"


def test_shapes_hold_no_table_and_tables_hold_every_table() -> None:
    """``shapes.py`` (what crosses the walls) defines no table and imports no ``tables``;
    every table of the schema is a class of ``tables.py``: a new table put among the shapes
    would reach the GUI, which the contracts let import shapes only."""
    import inspect

    from sqlmodel import SQLModel

    from tillitsvalgt import shapes, tables

    def own(module: object) -> dict[str, object]:
        return {
            name: value
            for name, value in vars(module).items()
            if getattr(value, "__module__", None) == getattr(module, "__name__", None)
        }

    for name, value in own(shapes).items():
        is_table = isinstance(value, type) and hasattr(value, "__table__")
        assert not is_table, f"shapes.{name} is a table, not a shape"
    assert "tillitsvalgt.tables" not in inspect.getsource(shapes)
    table_classes = {
        value.__table__.name
        for value in own(tables).values()
        if isinstance(value, type) and issubclass(value, SQLModel) and hasattr(value, "__table__")
    }
    assert table_classes == set(SQLModel.metadata.tables) - {"alembic_version"}
