"""Files the user names for the app to write (``--out``, a save dialog): the one check
every such write goes through, and the write itself.

A target is refused when it is a directory, a device, a FIFO or anything else that is not
a regular file (``--out /dev/null`` run with sudo must never put a file where the device
was), or one of the files of the database. An existing regular file is replaced only when
the caller says so (``overwrite``), after asking the user or seeing ``--force``: without it
:class:`OutputExists` is raised, which the command line turns into a question.

A file whose content belongs to a unit of work (a letter and its journal entry) is
*staged*: written in full under a temporary name next to the target, and moved into place
only after the commit (:func:`stage_output`). If the commit fails, the temporary file is
deleted, so no file is left whose journal number was never recorded.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from tillitsvalgt.errors import UserError, os_reason

TEMP_PREFIX = ".tillitsvalgt-"


class OutputExists(UserError):
    """The target is an existing regular file and replacing it was not confirmed."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"{path} finnes fra før. Bruk --force for å erstatte den, eller velg et annet "
            "filnavn. Ingenting er skrevet."
        )
        self.path = path


def database_files(database: Path | None) -> list[Path]:
    """The files of a SQLite database that an output must never replace."""
    if database is None:
        return []
    return [database.with_name(database.name + suffix) for suffix in ("", "-wal", "-shm")]


def check_output(target: Path, *, overwrite: bool = False, protected: Iterable[Path] = ()) -> Path:
    """The path to write, with ``~`` expanded, or a Norwegian :class:`UserError` saying
    why not (:class:`OutputExists` when only the confirmation is missing)."""
    target = Path(os.path.expanduser(target))
    if not target.name or target.name in (".", ".."):
        raise UserError(f"«{target}» er ikke et filnavn. Oppgi filen som skal skrives.")
    directory = target.parent
    if not directory.exists():
        raise UserError(
            f"Kan ikke skrive til mappen {directory}: den finnes ikke. Opprett den, eller "
            "velg en annen mappe. Ingenting er skrevet."
        )
    if not directory.is_dir():
        raise UserError(f"{directory} er ikke en mappe; {target.name} kan ikke skrives der.")
    for guarded in protected:
        if _same_file(target, guarded):
            raise UserError(
                f"{target} er databasen til Tillitsvalgt og kan ikke overskrives. Velg et "
                "annet filnavn. Ingenting er skrevet."
            )
    try:
        mode = os.stat(target).st_mode  # through a symlink: what would be replaced
    except FileNotFoundError:
        return target  # new (or a symlink to nothing: the link itself is replaced)
    except OSError as exc:
        raise UserError(f"Kan ikke skrive {target}: {os_reason(exc)}.") from None
    if stat.S_ISDIR(mode):
        raise UserError(
            f"{target} er en mappe. Oppgi et filnavn, for eksempel {target / 'brev.docx'}."
        )
    if not stat.S_ISREG(mode):
        raise UserError(
            f"{target} er ikke en vanlig fil (men en enhet, en FIFO eller lignende), og blir "
            "ikke erstattet. Velg et annet filnavn. Ingenting er skrevet."
        )
    if not overwrite:
        raise OutputExists(target)
    return target


def _same_file(a: Path, b: Path) -> bool:
    try:
        if os.path.samefile(a, b):
            return True
    except OSError:
        pass
    try:
        return a.resolve() == b.resolve()
    except (OSError, RuntimeError):
        return False


def write_output(
    target: Path, data: bytes, *, overwrite: bool = False, protected: Iterable[Path] = ()
) -> Path:
    """Check ``target`` and write ``data`` to it whole (readable by its owner only) or
    not at all. Returns the path written."""
    staged = stage_output(target, data, overwrite=overwrite, protected=protected)
    return staged.publish()


@dataclass
class StagedFile:
    """A file written in full under a temporary name, not yet in place."""

    target: Path
    temporary: Path
    protected: tuple[Path, ...]
    overwrite: bool

    def publish(self) -> Path:
        """Move the file into place (checked again: the target may have changed since)."""
        try:
            check_output(self.target, overwrite=self.overwrite, protected=self.protected)
            os.replace(self.temporary, self.target)
        except UserError:
            self.discard()
            raise
        except OSError as exc:
            self.discard()
            raise UserError(f"Kan ikke skrive {self.target}: {os_reason(exc)}.") from None
        return self.target

    def discard(self) -> None:
        self.temporary.unlink(missing_ok=True)


def stage_output(
    target: Path, data: bytes, *, overwrite: bool = False, protected: Iterable[Path] = ()
) -> StagedFile:
    """Check ``target`` and write ``data`` under a temporary name beside it; the caller
    calls ``publish()`` after its commit, or ``discard()`` when the commit failed."""
    guarded = tuple(protected)
    target = check_output(target, overwrite=overwrite, protected=guarded)
    try:
        fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, dir=target.parent)
    except OSError as exc:
        raise UserError(f"Kan ikke skrive til mappen {target.parent}: {os_reason(exc)}.") from None
    try:
        if os.name == "posix":
            os.fchmod(fd, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise UserError(
                f"Det er ikke plass på disken for {target}. Frigjør plass og prøv igjen. "
                "Ingenting er skrevet."
            ) from None
        raise UserError(f"Kan ikke skrive {target}: {os_reason(exc)}.") from None
    return StagedFile(target, Path(tmp), guarded, overwrite)
