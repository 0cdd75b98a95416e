"""The built-in legal catalogue's JSON twin (``tillitsvalgt/rules/catalogue.py``).

    .venv/bin/python scripts/catalogue_twin.py build   # -> resources/built/catalogue.json

Run by the install like the translations' ``build`` (``scripts/run``, ``scripts/test``,
``scripts/build_bundle.py``, the start benchmark); the file is made from the TOML and not
kept in git. Without it, or once the TOML is edited, the app parses the TOML as before.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tillitsvalgt.rules import catalogue  # noqa: E402


def main(argv: list[str]) -> int:
    if argv != ["build"]:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    made = catalogue.write_twin()
    print(f"built {made.relative_to(ROOT) if made.is_relative_to(ROOT) else made}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
