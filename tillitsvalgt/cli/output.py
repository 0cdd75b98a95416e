"""``--out`` for every command that writes a file: checked by ``output_paths`` before any
work is done, and an existing file replaced only after the user said yes (or ``--force``
in a script)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from tillitsvalgt.cli.context import Context
from tillitsvalgt.output_paths import OutputExists, check_output, database_files

F = TypeVar("F", bound=Callable[..., Any])

force_option: Callable[[F], F] = click.option(
    "--force",
    is_flag=True,
    help="Erstatt en fil som finnes fra før, uten å spørre (for skript).",
)


def protected_files(ctx: Context | None) -> list[Path]:
    """The database's own files, which no output may replace."""
    if ctx is None:
        return []
    return database_files(ctx.location().file)


def chosen_output(ctx: Context | None, out: Path, *, force: bool) -> Path:
    """``out`` checked, asking before an existing file is replaced (in a terminal; a
    script must say ``--force``). Call it before any work, so a refusal changes nothing."""
    protected = protected_files(ctx)
    try:
        return check_output(out, overwrite=force, protected=protected)
    except OutputExists as exists:
        if not sys.stdin.isatty():
            raise
        click.confirm(f"{exists.path} finnes fra før. Erstatte den?", abort=True)
        return check_output(out, overwrite=True, protected=protected)
