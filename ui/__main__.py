"""``python -m ui`` / ``tillitsvalgt-gui``: the desktop app."""

from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="tillitsvalgt-gui", description="Tillitsvalgt")
    parser.add_argument("--data-dir", help="Mappe for database, sikkerhetskopier og logg.")
    parser.add_argument("--database-url", help="PostgreSQL-adresse i stedet for SQLite-filen.")
    parser.add_argument("--catalogue", help="Egen lovkatalog (TOML).")
    args, qt_args = parser.parse_known_args(sys.argv[1:] if argv is None else argv)
    from ui.app import run

    return run(
        [sys.argv[0], *qt_args],
        data_dir=args.data_dir,
        database_url=args.database_url,
        catalogue=args.catalogue,
    )


if __name__ == "__main__":
    sys.exit(main())
