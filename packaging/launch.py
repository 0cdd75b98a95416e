"""The bundle's one entry script, frozen twice: as ``tillitsvalgt`` (the command line, with a
console) and as ``tillitsvalgt-gui`` (the window, without one on Windows). Which one runs is
read from the executable's own name, so both share one analysis and one set of libraries."""

from __future__ import annotations

import sys
from pathlib import Path


def main() -> int:
    if Path(sys.executable).stem.lower().endswith("-gui"):
        from ui.__main__ import main as gui_main

        return gui_main()
    from tillitsvalgt.cli import main as cli_main

    cli_main()
    return 0


if __name__ == "__main__":
    sys.exit(main())
