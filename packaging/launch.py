"""The bundle's one entry script, frozen twice: as ``tillitsvalgt`` (the command line, with a
console) and as ``tillitsvalgt-gui`` (the window, without one on Windows). Which one runs is
read from the name it was started by, so both share one analysis and one set of libraries;
on Linux ``tillitsvalgt-gui`` is then only a link to ``tillitsvalgt`` (20 MB less)."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def main() -> int:
    # A windowed program on Windows has no console: sys.stdout and sys.stderr are None, and
    # the first warning written to them would crash the app.
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115
    names = (sys.argv[0] if sys.argv else "", sys.executable)
    if any(Path(name).stem.lower().endswith("-gui") for name in names):
        from ui.__main__ import main as gui_main

        return gui_main()
    from tillitsvalgt.cli import main as cli_main

    cli_main()
    return 0


if __name__ == "__main__":
    sys.exit(main())
