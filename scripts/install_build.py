"""What the install builds from the source tree and keeps out of git.

    .venv/bin/python scripts/install_build.py build

* the migrated schema template a new SQLite database copies (``resources/schema/``,
  ``tillitsvalgt/schema_template.py``): without it the first start migrates with Alembic;
* the built-in legal catalogue's JSON twin (``resources/built/catalogue.json``,
  ``tillitsvalgt/rules/catalogue.py``): without it every start parses the TOML;
* Shiboken's own Python helpers unpacked and compiled (``shiboken6/files.dir`` in the
  installed PySide6, ``ui/shiboken_files.py``): without them every start compiles them.

Run by the install like the translations' ``build`` (``scripts/run``, ``scripts/test``,
``scripts/build_bundle.py``, the start benchmark).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tillitsvalgt import schema_build  # noqa: E402
from tillitsvalgt.rules import catalogue  # noqa: E402
from ui import shiboken_files  # noqa: E402  (no Qt imported)


def main(argv: list[str]) -> int:
    if argv != ["build"]:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    for made in (schema_build.build(), catalogue.write_twin()):
        print(f"built {made.relative_to(ROOT) if made.is_relative_to(ROOT) else made}")
    try:
        unpacked = shiboken_files.unpack()
    except (OSError, subprocess.SubprocessError) as e:
        # Only the start's speed depends on it: the app runs as well without.
        print(f"not built: Shiboken's helpers in files.dir ({e})", file=sys.stderr)
    else:
        if unpacked is not None:
            print(f"built {unpacked}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
