"""What the report may be written to, and for which years: checked before anything is
counted, with a Norwegian message saying what to change.

The report must never replace the database, a backup, or a file the user did not mean to
lose (a typo in ``--out`` once turned the live database into a Word file)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from tillitsvalgt import paths
from tillitsvalgt.errors import UserError
from tillitsvalgt.output_paths import check_output, database_files

SQLITE_MAGIC = b"SQLite format 3\x00"
FIRST_YEAR = 2000  # the app's cases begin long after this; earlier is a typo


def _is_database(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            return f.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False


def protected_reason(path: Path, data_dir: Path | None) -> str | None:
    """Why ``path`` may never be written by the report (even with --force), or None: the
    report's own rules on top of ``output_paths.check_output`` (a backup, or any SQLite
    file, even one named .docx)."""
    target = path.expanduser().resolve()
    if data_dir is not None:
        home = data_dir.expanduser().resolve()
        if home / "backups" in target.parents:
            return "den ligger i mappen med sikkerhetskopier"
    if target.exists() and _is_database(target):
        return "det er en database"
    return None


def check_outputs(
    out: Path,
    xlsx: Path | None,
    *,
    data_dir: Path | None,
    overwrite: bool,
    csv: Path | None = None,
) -> None:
    """Refuse a wrong extension, the same file twice, the database or a backup, and what
    ``output_paths.check_output`` refuses for every file the app writes (a folder, a
    device, a missing folder, an existing file unless ``overwrite``: the user answered
    yes, or gave --force)."""
    chosen = [
        (out, ".docx", "Rapporten"),
        (xlsx, ".xlsx", "Regnearket"),
        (csv, ".csv", "CSV-filen"),
    ]
    files = [(p, ext, what) for p, ext, what in chosen if p is not None]
    for path, ext, what in files:
        if path.suffix.lower() != ext:
            raise UserError(f"{what} må ha filendelsen {ext}, ikke «{path.name}».")
    resolved = [p.expanduser().resolve() for p, _, _ in files]
    if len(set(resolved)) < len(resolved):
        raise UserError("Rapporten, regnearket og CSV-filen kan ikke skrives til samme fil.")
    database = data_dir / paths.DATABASE_FILENAME if data_dir is not None else None
    for path, _, _ in files:
        reason = protected_reason(path, data_dir)
        if reason is not None:
            raise UserError(f"Kan ikke skrive til {path}: {reason}. Velg et annet filnavn.")
        check_output(path, overwrite=overwrite, protected=database_files(database))


def existing_outputs(out: Path, xlsx: Path | None) -> list[Path]:
    """The chosen files that already exist (the window asks before writing over them)."""
    return [p for p in (out, xlsx) if p is not None and p.exists()]


def check_years(start: date, end: date, today: date) -> None:
    if end < start:
        raise UserError("«Til» må være samme dag som eller etter «Fra».")
    if start.year < FIRST_YEAR:
        raise UserError(
            f"«Fra» er i år {start.year}. Rapporten kan begynne tidligst i {FIRST_YEAR}."
        )
    if end.year > today.year + 1:
        raise UserError(
            f"«Til» er i år {end.year}. Rapporten kan gå til og med neste år ({today.year + 1})."
        )
    check_whole_quarters(start, end)


def check_whole_quarters(start: date, end: date) -> None:
    """A report covers whole quarters. Two reports whose periods differ by a day (or a
    week) differ by the few cases of that day, and the cells that change between them
    describe those cases: the same cases always give the same published number, so a
    changed number says the new case is in it. Whole quarters leave no such pairs."""
    next_day = end + timedelta(days=1)
    if start.day != 1 or start.month not in (1, 4, 7, 10):
        raise UserError(
            "«Fra» må være første dag i et kvartal (1. januar, 1. april, 1. juli eller "
            f"1. oktober), ikke {start:%d.%m.%Y}. Rapporten dekker hele kvartaler, så to "
            "rapporter med noen dagers forskjell ikke kan trekkes fra hverandre."
        )
    if next_day.day != 1 or next_day.month not in (1, 4, 7, 10):
        raise UserError(
            "«Til» må være siste dag i et kvartal (31. mars, 30. juni, 30. september eller "
            f"31. desember), ikke {end:%d.%m.%Y}. Rapporten dekker hele kvartaler, så to "
            "rapporter med noen dagers forskjell ikke kan trekkes fra hverandre."
        )


def check_min_cell(min_cell: int, floor: int) -> None:
    if not floor <= min_cell <= 100:
        raise UserError(
            f"Minste tall som vises må være mellom {floor} og 100 (du skrev {min_cell}). "
            f"Lavere enn {floor} ville gjøre enkeltpersoner gjenkjennelige."
        )
