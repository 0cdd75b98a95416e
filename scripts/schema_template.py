"""The migrated template a new SQLite database starts from (``tillitsvalgt/schema_template.py``).

    .venv/bin/python scripts/schema_template.py build   # Alembic -> resources/schema/*.db

Run by the install like the translations' ``build`` (``scripts/run``,
``scripts/build_bundle.py``, the start benchmark); the file is made from the migrations and
not kept in git. Without it the first start migrates with Alembic, as before.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tillitsvalgt import schema_build  # noqa: E402


def main(argv: list[str]) -> int:
    if argv != ["build"]:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    made = schema_build.build()
    print(f"built {made.relative_to(ROOT) if made.is_relative_to(ROOT) else made}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
