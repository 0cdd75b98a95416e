"""``python -m ui`` / ``tillitsvalgt-gui``: the desktop app."""

from __future__ import annotations

import argparse
import gc
import os
import sys


def main(argv: list[str] | None = None) -> int:
    # The start is mostly imports, and the cyclic collector walked their objects again and
    # again (≈ 10 % of the start's CPU); ui.first_paint switches it back on once the window
    # is painted.
    gc.disable()
    parser = argparse.ArgumentParser(prog="tillitsvalgt-gui", description="Tillitsvalgt")
    parser.add_argument("--data-dir", help="Mappe for database, sikkerhetskopier og logg.")
    parser.add_argument("--database-url", help="PostgreSQL-adresse i stedet for SQLite-filen.")
    parser.add_argument("--catalogue", help="Egen lovkatalog (TOML).")
    args, qt_args = parser.parse_known_args(sys.argv[1:] if argv is None else argv)
    if not _screen_available(qt_args):
        print(
            "tillitsvalgt-gui: fant ingen skjerm (DISPLAY eller WAYLAND_DISPLAY er ikke satt). "
            "Start programmet fra skrivebordet, eller bruk kommandoene: tillitsvalgt --help",
            file=sys.stderr,
        )
        return 1
    # The core (SQLAlchemy, SQLModel, pydantic, the models) before Qt: once PySide6 is
    # loaded, its import hook reads the source of every module imported after it
    # (inspect.getsource, to see whether the module uses PySide6): ≈ 10 % of the start.
    import tillitsvalgt.workspace  # noqa: F401
    from ui.shiboken_files import check_before_qt

    check_before_qt()
    from ui.head_start import begin  # (PySide6.QtCore from here on)
    from ui.import_marks import mark_known_modules

    mark_known_modules()

    # The database opened and a remembered search's page begun while the rest loads.
    head = begin(data_dir=args.data_dir, database_url=args.database_url, catalogue=args.catalogue)
    from ui.app import run

    return run(
        [sys.argv[0], *qt_args],
        data_dir=args.data_dir,
        database_url=args.database_url,
        catalogue=args.catalogue,
        head=head,
    )


def _screen_available(qt_args: list[str]) -> bool:
    """Linux needs an X11 or Wayland display (or a platform chosen, such as offscreen);
    without one Qt aborts with a message about xcb-cursor0 whatever is missing."""
    if not sys.platform.startswith("linux") or "-platform" in qt_args:
        return True
    return any(os.environ.get(v) for v in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


if __name__ == "__main__":
    sys.exit(main())
