"""Starting the desktop app as its own program, ``tillitsvalgt-gui``.

``tillitsvalgt`` without a command opens the window. It does so by starting the GUI's own
entry point rather than importing it: the command line never loads Qt, the core never
imports ``ui``, and a frozen bundle needs no hidden import to find the window. The choices
travel in the environment, not on the command line, where a database address with a
password would show in the process list.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tillitsvalgt import paths, settings
from tillitsvalgt.child_process import child_environment
from tillitsvalgt.errors import UserError

GUI_PROGRAM = "tillitsvalgt-gui"


def gui_command(
    executable: str | None = None, *, frozen: bool | None = None, windows: bool | None = None
) -> list[str]:
    """The command that starts the window: the ``tillitsvalgt-gui`` program next to this
    one (a bundle's other executable, or the script pip wrote into the same ``bin`` or
    ``Scripts`` folder), else ``python -m ui`` with this interpreter."""
    executable = executable or sys.executable
    frozen = getattr(sys, "frozen", False) if frozen is None else frozen
    windows = (os.name == "nt") if windows is None else windows
    suffix = ".exe" if windows else ""
    folder = Path(executable).parent
    sibling = folder / (GUI_PROGRAM + suffix)
    if frozen or sibling.is_file():
        return [str(sibling)]
    return [executable, "-m", "ui"]


def gui_environment(
    *, data_dir: str | None, database_url: str | None, catalogue: str | None
) -> dict[str, str]:
    env = child_environment()
    for name, value in (
        (paths.DATA_DIR_ENV, data_dir),
        (paths.DATABASE_URL_ENV, database_url),
        (settings.CATALOGUE_ENV, catalogue),
    ):
        if value:
            env[name] = value
    return env


def run_gui(*, data_dir: str | None, database_url: str | None, catalogue: str | None) -> int:
    """Start the window and wait for it to close; returns its exit code."""
    command = gui_command()
    try:
        return subprocess.call(
            command,
            env=gui_environment(data_dir=data_dir, database_url=database_url, catalogue=catalogue),
        )
    except OSError as exc:
        raise UserError(
            f"Vinduet kunne ikke startes ({command[0]}: {exc.strerror}). "
            "Bruk kommandoene (tillitsvalgt --help), eller installer programmet på nytt."
        ) from None
