"""Our own modules told to PySide6's import hook, so that it does not read their source.

Once ``PySide6.QtCore`` is loaded, PySide6 replaces ``__import__`` and, for every module
imported after it, reads the module's whole source file to see whether it mentions
«PySide6» (``shibokensupport.feature._mod_uses_pyside``: the answer decides whether the
module takes part in the opt-in ``__feature__`` switching, snake_case names and the like,
which this app does not use). It asks once per module name, also for a module loaded long
before, the first time a newer module imports from it (``typing``, ``datetime``,
``pydantic.json_schema`` …). At the start that is ≈ 130 modules before the window is
painted, 20-29 ms here.

What the hook wants to know is known without reading: the window's modules (``ui``) use
PySide6; the core (``tillitsvalgt``) never does (the import contracts in ``pyproject.toml``
hold it to that); and a module loaded before ``PySide6.QtCore`` was loaded cannot have
used it (PySide6's and Shiboken's own aside). They are entered in the hook's table: 0
(uses PySide6, no feature selected) for the window's, -1 (ignored) for the others. The
hook itself only looks for the text «PySide6», so it would answer otherwise for a handful
(a package's empty ``__init__``, a comment in the command line); as no module here selects
a feature, both values mean the same ordinary names. The table is PySide6's internal one:
if a later PySide6 has no such table, nothing is entered and the hook reads the sources as
before.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

USES_PYSIDE, IGNORED = 0, -1
_PACKAGES = {"ui": USES_PYSIDE, "tillitsvalgt": IGNORED}


def module_names(package: str, folder: Path) -> list[str]:
    """Every module of ``package`` under ``folder``, by its files (nothing is imported)."""
    names = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith((".", "__pycache__"))]
        parts = Path(root).relative_to(folder).parts
        prefix = ".".join((package, *parts))
        for file in files:
            if file.endswith(".py"):
                stem = file[:-3]
                names.append(prefix if stem == "__init__" else f"{prefix}.{stem}")
    return names


_QTS_OWN = ("PySide6", "shiboken6", "shibokensupport", "signature_bootstrap", "__feature__")


def mark_known_modules() -> int:
    """Enter our modules and those loaded before Qt in PySide6's table (call it once
    ``PySide6.QtCore`` is loaded, before the window's modules are imported); how many were
    entered. Nothing in the bundle (its modules have no source to read)."""
    if getattr(sys, "frozen", False):
        return 0
    table = getattr(sys.modules.get("__feature__"), "pyside_feature_dict", None)
    if not isinstance(table, dict):
        return 0
    entered = 0
    for name in list(sys.modules):
        window = name == "ui" or name.startswith("ui.")  # entered as the window's below
        if name not in table and not window and not name.startswith(_QTS_OWN):
            table[name] = IGNORED
            entered += 1
    for package, value in _PACKAGES.items():
        module = sys.modules.get(package)
        folder = getattr(module, "__file__", None)
        if folder is None:
            continue
        for name in module_names(package, Path(folder).parent):
            if name not in table:
                table[name] = value
                entered += 1
    return entered
