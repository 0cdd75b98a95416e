"""The environment for programs the app starts (LibreOffice, the file viewer, the window).

Inside a PyInstaller bundle the process's environment points at the bundle: the loader's
library path (``LD_LIBRARY_PATH`` on Linux, with the user's own value kept in ``*_ORIG``),
Qt's plugin folders, the bootloader's own ``_PYI_*`` notes, and on Windows the bundle's Qt
folder first on ``PATH``. A program started with that environment loads the bundle's Qt,
ICU or libstdc++ instead of its own and fails or crashes. This gives it the user's
environment back. Outside a bundle it changes nothing.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping

LIBRARY_PATHS = ("LD_LIBRARY_PATH", "DYLD_LIBRARY_PATH", "LIBPATH")
QT_PATHS = ("QT_PLUGIN_PATH", "QML2_IMPORT_PATH")
BOOTLOADER_PREFIXES = ("_PYI_", "_MEIPASS")


def bundle_folder() -> str | None:
    """The bundle's own folder when running from a PyInstaller bundle."""
    return getattr(sys, "_MEIPASS", None)


def child_environment(
    environ: Mapping[str, str] | None = None, *, bundle: str | None = None
) -> dict[str, str]:
    env = dict(os.environ if environ is None else environ)
    bundle = bundle if bundle is not None else bundle_folder()
    if not bundle:
        return env

    def inside(entry: str) -> bool:
        return bool(entry) and os.path.normcase(entry).startswith(os.path.normcase(bundle))

    for name in LIBRARY_PATHS:
        original = env.pop(name + "_ORIG", None)
        value = env.get(name)
        if value is None or not any(inside(p) for p in value.split(os.pathsep)):
            continue
        if original is None:
            del env[name]
        else:
            env[name] = original
    for name in [k for k in env if k.startswith(BOOTLOADER_PREFIXES)]:
        del env[name]  # the bootloader's notes to itself; another bundle would misread them
    for name in (*QT_PATHS, "PATH"):
        value = env.get(name)
        if value is None:
            continue
        kept = [p for p in value.split(os.pathsep) if not inside(p)]
        if kept:
            env[name] = os.pathsep.join(kept)
        else:
            del env[name]
    return env
