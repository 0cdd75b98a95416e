"""First start and the settings a user changes in the desktop app, without Qt: is a
welcome needed, example cases for trying the program, testing and remembering another
database, the letters' union name and template folder, and checking a template folder.

A database password is never written to any file by this program. A PostgreSQL URL is
remembered without it; the password belongs in PostgreSQL's own password file, which the
driver reads by itself (``PGPASS_HELP``)."""

from __future__ import annotations

import dataclasses
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.engine import URL, make_url

from tillitsvalgt import paths, settings
from tillitsvalgt.db import (
    Database,
    Location,
    mask_password,
    resolve_location,
    saved_database_url,
    translate_error,
)

# Moved to db.py (the URL order both doors use); the window's settings still find them here.
from tillitsvalgt.db import choice_url as choice_url
from tillitsvalgt.db import sqlite_file_url as sqlite_file_url
from tillitsvalgt.demo import count_demo, remove_demo
from tillitsvalgt.demo import demo_case_ids as ids
from tillitsvalgt.errors import DatabaseError, UserError, os_reason
from tillitsvalgt.file_limits import TEMPLATE_LIMIT, read_limited
from tillitsvalgt.letters.kinds import KINDS

if TYPE_CHECKING:
    from tillitsvalgt.demo import DemoCount
    from tillitsvalgt.workspace import Workspace

DATABASE_KEY = "database"

PGPASS_HELP = (
    "Tillitsvalgt lagrer aldri passord. Legg passordet i PostgreSQL sin egen passordfil, som "
    "tilkoblingen leser selv: ~/.pgpass på Linux og macOS (bare lesbar for deg: "
    "chmod 600 ~/.pgpass), %APPDATA%\\postgresql\\pgpass.conf på Windows. Én linje per "
    "database: tjener:port:database:bruker:passord, for eksempel "
    "db.forbundet.no:5432:tillitsvalgt:kari:hemmelig."
)

# user:password@ in running text (a driver's message); a URL ends at whitespace.
_TEXT_PASSWORD = re.compile(r"(://[^:/@\s]*:)\S*@")


# --------------------------------------------------------------------------- first start


def needs_welcome(workspace: Workspace) -> bool:
    """True until the user has made a profile (the sender of every letter)."""
    return workspace.profile() is None


def case_count(workspace: Workspace) -> int:
    """Every case in the database, the recycle bin's too."""
    return workspace.case_count()


def database_empty(workspace: Workspace) -> bool:
    """No case at all, the recycle bin's neither (the rule ``fill_demo`` keeps)."""
    return workspace.is_empty()


def fill_demo_data(workspace: Workspace) -> str:
    """Fill an empty database with example cases; returns what was added, in words. A
    database that has cases is refused (``StateError``): examples never mix with real cases."""
    return f"Eksempelsaker lagt inn: {workspace.fill_demo_data().summary()}"


def demo_case_ids(workspace: Workspace) -> frozenset[int]:
    """The example cases, for the «DEMO» tag (a partial index keeps this cheap)."""

    with workspace.db.session(readonly=True) as session:
        return ids(session=session)


def count_demo_data(workspace: Workspace) -> DemoCount:

    with workspace.db.session(readonly=True) as session:
        return count_demo(session=session)


def remove_demo_data(workspace: Workspace) -> DemoCount:
    """Take the example cases and employers out of use in one unit of work."""

    with workspace.db.session() as session:
        return remove_demo(session=session)


# --------------------------------------------------------------------------- the database


def default_database_file(data_dir: str | os.PathLike[str] | None = None) -> Path:
    """The SQLite file used when no other database is chosen."""
    return (paths.data_dir(data_dir) / paths.DATABASE_FILENAME).resolve()


def without_password(url: str) -> str:
    """``url`` with any password removed (also a ``password=`` in the query). An invalid
    URL raises the Norwegian ``DatabaseError``, with the password masked."""
    location = resolve_location(database_url=choice_url(url))
    if location.file is not None:
        return sqlite_file_url(location.file)
    parsed = make_url(location.url)
    clean = URL.create(
        parsed.drivername,
        username=parsed.username,
        password=None,
        host=parsed.host,
        port=parsed.port,
        database=parsed.database,
        query={k: v for k, v in parsed.query.items() if k.lower() != "password"},
    )
    return clean.render_as_string(hide_password=False)


def has_password(url: str) -> bool:
    """Whether ``url`` is a server URL with a password (which is never stored)."""
    try:
        location = resolve_location(database_url=choice_url(url))
    except UserError:
        return False
    if location.file is not None:
        return False
    parsed = make_url(location.url)
    return bool(parsed.password) or any(k.lower() == "password" for k in parsed.query)


def _scrub(text: str, url: str) -> str:
    try:
        password = make_url(url).password
    except Exception:
        password = None
    if password:
        text = text.replace(str(password), "***")
    return _TEXT_PASSWORD.sub(r"\1***@", text)


def test_database_url(url: str) -> str:
    """Open the database at ``url`` (a SQLite file is created and a database brought up to
    this version, as the next start would), close it again, and return where it is in words
    (a server without its password). Anything that stops it is a Norwegian ``UserError``."""
    chosen = choice_url(url)
    try:
        db = Database.open(database_url=chosen)
    except UserError:
        raise
    except (sa.exc.SQLAlchemyError, sqlite3.Error, OSError) as exc:
        location = resolve_location(database_url=chosen)
        translated = translate_error(exc, location)
        if translated is not None:
            raise translated from None
        detail = _scrub(str(getattr(exc, "orig", None) or exc).strip(), location.url)
        first_line = (detail.splitlines() or ["ukjent feil"])[0]
        raise DatabaseError(
            f"Databasen {location.describe()} kan ikke brukes: {first_line}"
        ) from None
    try:
        return db.location.describe()
    finally:
        db.dispose()


test_database_url.__test__ = False  # type: ignore[attr-defined]  # not a pytest test


def saved_database(data_dir: str | os.PathLike[str] | None = None) -> str | None:
    """The remembered choice as stored: a SQLite file's path or a password-free URL."""
    return settings.read(data_dir).database


# The remembered choice as a URL (db.py holds the order both doors use).
configured_database_url = saved_database_url


def describe_choice(value: str) -> str:
    """A stored choice in words (a server URL without any password)."""
    try:
        return resolve_location(database_url=choice_url(value)).describe()
    except UserError:
        return mask_password(value)


def save_database_choice(
    data_dir: str | os.PathLike[str] | None, url_or_none: str | os.PathLike[str] | None
) -> Path:
    """Remember the database to open at the next start: a SQLite file as its path, a
    server as its URL without the password; None forgets the choice (the default file in
    the data directory). Returns the settings file."""
    value: str | None = None
    if url_or_none is not None:
        location: Location = resolve_location(database_url=choice_url(url_or_none))
        if location.file is not None:
            value = str(location.file)
        else:
            value = without_password(location.url)
            if make_url(value).password is not None:  # never, but never is the point
                raise UserError("Adressen kan ikke lagres uten å lagre passordet.")
    return _save_setting(DATABASE_KEY, value, data_dir)


def _save_setting(key: str, value: str | None, data_dir: str | os.PathLike[str] | None) -> Path:
    return settings.save(key, value, data_dir)


# --------------------------------------------------------------------------- letters


def save_letter_settings(
    workspace: Workspace, *, union: str | None, templates: str | os.PathLike[str] | None
) -> None:
    """Remember the union's name and the template folder (empty: the built-in templates)
    and use them from the next letter on."""
    from tillitsvalgt.letters.templates import template_folder

    union = union.strip() if union else None
    folder: str | None = None
    if templates is not None and str(templates).strip():
        path = Path(str(templates).strip()).expanduser().resolve()
        if not path.is_dir():
            raise UserError(f"Malmappen {path} finnes ikke. Velg en mappe som finnes.")
        folder = str(path)
    settings.save("union", union or None, workspace.data_dir)
    settings.save("templates", folder, workspace.data_dir)
    workspace.setup = dataclasses.replace(
        workspace.setup,
        union_name=union or None,
        template_folder=template_folder(None, folder),
    )


@dataclass(frozen=True)
class LetterSettings:
    union: str | None  # the union's name in the letterhead
    templates: str | None  # the template folder; None: the built-in templates


def letter_settings(workspace: Workspace) -> LetterSettings:
    """The letters' settings as saved (not as overridden by the environment)."""
    chosen = settings.read(workspace.data_dir)
    return LetterSettings(chosen.union, chosen.templates)


@dataclass(frozen=True)
class TemplateFileCheck:
    file: Path
    kind: str | None  # the letter kind its name says; None: the name is not a kind
    problems: tuple[str, ...]
    ok: bool  # usable (problems Word made that are repaired when a letter is made are ok)


def check_template_folder(folder: str | os.PathLike[str]) -> list[TemplateFileCheck]:
    """Check every ``.docx`` in ``folder`` (not Word's ``~$`` lock files), by name."""
    from tillitsvalgt.letters.checking import check_template

    path = Path(folder).expanduser()
    if not path.is_dir():
        raise UserError(f"Malmappen {path} finnes ikke.")
    out: list[TemplateFileCheck] = []
    for file in sorted(path.glob("*.docx")):
        if file.name.startswith("~$") or not file.is_file():
            continue
        stem = file.stem.removesuffix(".nn")  # «<kind>.nn.docx»: the nynorsk template
        kind = stem if stem in KINDS else None
        try:
            data = read_limited(file, TEMPLATE_LIMIT, what="Malen")
        except UserError as exc:
            out.append(TemplateFileCheck(file, kind, (exc.message,), False))
            continue
        except OSError as exc:
            out.append(TemplateFileCheck(file, kind, (f"kan ikke leses: {os_reason(exc)}",), False))
            continue
        result = check_template(data, kind)
        problems = [str(p) for p in result.problems]
        if kind is None:
            problems.append(
                "filnavnet er ingen brevtype, så malen brukes ikke (kall den "
                "<brevtype>.docx, f.eks. krav_om_drofting.docx, eller krav_om_drofting.nn.docx "
                "for nynorsk)"
            )
        out.append(TemplateFileCheck(file, kind, tuple(problems), result.ok))
    return out
