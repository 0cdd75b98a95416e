"""Errors in two tiers.

``UserError`` and its subclasses carry a Norwegian message that tells the user what to fix;
the CLI and the GUI show that message as it is. Anything else is a bug and goes to the
crash handler with details.
"""

from __future__ import annotations

import errno
from collections.abc import Sequence
from dataclasses import dataclass


class UserError(Exception):
    """A problem the user can fix; ``str(error)`` is the Norwegian message to show."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Problem:
    """One problem with one field of the input (``field`` is a Norwegian label or a path)."""

    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}" if self.field else self.message


class ValidationError(UserError):
    """Input that was refused; ``problems`` lists every problem found, not just the first."""

    def __init__(self, problems: Sequence[Problem], heading: str = "Ugyldige opplysninger") -> None:
        self.problems = list(problems)
        lines = "\n".join(f"  – {p}" for p in self.problems)
        super().__init__(f"{heading}:\n{lines}")


class NotFoundError(UserError):
    pass


class ConflictError(UserError):
    """A save that would overwrite somebody else's newer change (optimistic locking)."""


class StateError(UserError):
    """An action the object's state does not allow (e.g. changing a sent letter)."""


class DatabaseError(UserError):
    """The database file or server cannot be used as it is: locked, read-only, not a
    database, made by a newer version, unreachable."""


class AccessError(DatabaseError):
    """The database refused the connected user (PostgreSQL privileges and row-level
    security; see ``services/access.py``), or access control was asked of SQLite."""


class CancelledError(UserError):
    """The user stopped a long piece of work; nothing of it was kept."""


def os_reason(exc: OSError) -> str:
    """Why a file operation failed, in Norwegian (the system's own text is English)."""

    reasons = {
        errno.ENOENT: "filen eller mappen finnes ikke",
        errno.EACCES: "du har ikke tilgang",
        errno.EPERM: "du har ikke tilgang",
        errno.EISDIR: "det er en mappe",
        errno.ENOTDIR: "en del av stien er ikke en mappe",
        errno.ENOSPC: "det er ikke plass på disken",
        errno.EDQUOT: "diskkvoten er brukt opp",
        errno.EROFS: "filsystemet er skrivebeskyttet",
        errno.ENAMETOOLONG: "navnet er for langt",
        errno.EXDEV: "filen ligger på et annet filsystem",
        errno.ELOOP: "for mange symbolske lenker",
    }
    if exc.errno in reasons:
        return reasons[exc.errno]
    return exc.strerror or str(exc)
