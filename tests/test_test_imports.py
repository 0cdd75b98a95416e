"""The test suite's own house rules: a test module never imports another test module (what
they share lives in ``tests/helpers/``; fixtures come through ``conftest.py``), the helpers do
not import ``conftest`` (it imports them), and Qt's offscreen platform is set in one place.

Importing a test module runs its collection-time code a second time under another name, and
ties two files together that should change apart: test_access_migration imported
test_migrations, test_disk_full imported test_db_files' fixtures, test_gui_disk_full
test_gui_cases' window builder, before they moved into helpers."""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent


def imported_modules(source: str) -> list[tuple[int, str]]:
    """(line, module) for every import in ``source``, also those inside functions, and
    modules named to ``importlib.import_module`` or ``__import__`` with a literal."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
            # "from tests import test_x" names the module in the alias.
            found += [(node.lineno, f"{node.module}.{a.name}") for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level > 0:
            found += [(node.lineno, f".{node.module or ''}.{a.name}") for a in node.names]
        elif (
            isinstance(node, ast.Call)
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
            and (
                (isinstance(node.func, ast.Attribute) and node.func.attr == "import_module")
                or (isinstance(node.func, ast.Name) and node.func.id == "__import__")
            )
        ):
            found.append((node.lineno, node.args[0].value))
    return found


def imports_of_test_modules(source: str) -> list[str]:
    """The imports in ``source`` that reach a test module (any dotted part named test_*),
    one per line."""
    hits: dict[int, str] = {}
    for line, module in imported_modules(source):
        if any(part.startswith("test_") for part in module.split(".")):
            hits.setdefault(line, module)
    return [f"line {line}: {module}" for line, module in sorted(hits.items())]


def python_files() -> list[Path]:
    return sorted(p for p in TESTS.rglob("*.py") if "__pycache__" not in p.parts)


def test_no_test_module_imports_another_test_module() -> None:
    offenders = {
        str(path.relative_to(TESTS)): hits
        for path in python_files()
        if (hits := imports_of_test_modules(path.read_text(encoding="utf-8")))
    }
    assert offenders == {}, "move what is shared into tests/helpers/"


def test_the_check_sees_imports_at_the_top_inside_functions_and_by_name() -> None:
    source = (
        "from test_gui_cases import window_for\n"
        "import test_migrations as m\n"
        "def f():\n"
        "    from test_gdpr import raw_hits\n"
        "    import importlib\n"
        "    importlib.import_module('test_access')\n"
        "from tests import test_cli\n"
        "from helpers.gui import make_window\n"
        "import testing_tools, pytest\n"
    )
    assert imports_of_test_modules(source) == [
        "line 1: test_gui_cases",
        "line 2: test_migrations",
        "line 4: test_gdpr",
        "line 6: test_access",
        "line 7: tests.test_cli",
    ]


def test_helpers_do_not_import_conftest_or_set_up_qt_themselves() -> None:
    for path in sorted((TESTS / "helpers").glob("*.py")):
        modules = [module for _, module in imported_modules(path.read_text(encoding="utf-8"))]
        assert "conftest" not in modules, f"{path.name}: conftest imports the helpers"


def test_the_offscreen_platform_is_set_once_in_conftest() -> None:
    setters = []
    for path in python_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            # os.environ.setdefault("QT_QPA_PLATFORM", …) or os.environ["QT_QPA_PLATFORM"] = …
            # at module level or anywhere: a test that needs another platform passes it to
            # the program it starts, in that program's environment.
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                target = node.func.value
                if (
                    node.func.attr in ("setdefault", "__setitem__")
                    and isinstance(target, ast.Attribute)
                    and target.attr == "environ"
                    and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and node.args[0].value == "QT_QPA_PLATFORM"
                ):
                    setters.append(f"{path.relative_to(TESTS)}:{node.lineno}")
            elif isinstance(node, ast.Assign):
                for target in node.targets:
                    if (
                        isinstance(target, ast.Subscript)
                        and isinstance(target.value, ast.Attribute)
                        and target.value.attr == "environ"
                        and isinstance(target.slice, ast.Constant)
                        and target.slice.value == "QT_QPA_PLATFORM"
                    ):
                        setters.append(f"{path.relative_to(TESTS)}:{node.lineno}")
    assert [s.split(":")[0] for s in setters] == ["conftest.py"], setters
