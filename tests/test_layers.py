"""The core never loads Qt: the GUI depends on the core, never the other way."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import tillitsvalgt


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
