"""The legal catalogue: loaded from TOML data and checked, with every problem named by line.

The built-in catalogue is ``resources/catalogue.toml``; a union office may use its own copy.
A custom file is edited by people, not programs, so the checker does not stop at the first
mistake: it reports every problem it can find, each with the line to look at and what to
write instead, in Norwegian. The app must keep working when such a file is broken, hence
``catalogue_for``, which falls back to the built-in catalogue and passes the messages on.

No Qt, no database, no work at import time: the built-in file is parsed on first use, once,
from its JSON twin when the install made one (``write_twin``): tomllib took 10–15 ms of
every start to parse the same 74 kB, JSON takes 0.3 ms. The twin carries the SHA-256 of
the TOML text it was made from and is used only while the two match, so an edited
built-in file is never shadowed by an old twin; the file's checks run on its data alike.
"""

from __future__ import annotations

import difflib
import functools
import hashlib
import json
import os
import re
import string
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from tillitsvalgt import paths
from tillitsvalgt.errors import Problem, UserError, ValidationError, os_reason
from tillitsvalgt.file_limits import CATALOGUE_LIMIT, read_limited
from tillitsvalgt.rules.types import (
    CONDITIONS,
    CONFEDERATIONS,
    LEVELS,
    Agreement,
    Catalogue,
    Level,
    Provision,
)
from tillitsvalgt.vocabulary import AGREEMENTS, CASE_TYPES, LETTER_KINDS, SECTORS

if TYPE_CHECKING:  # tomllib is loaded when a text is parsed: the twin needs none of it
    import tomllib

CATALOGUE_FILE = "catalogue.toml"
TWIN_FILE = ("built", "catalogue.json")  # made by scripts/install_build.py, not in git
BUILTIN_ORIGIN = "innebygd"
ALL_CASE_TYPES = "*"
NO_AGREEMENT = "none"

# The fields of each table, as in types.py; a field not listed here is a typo to report.
AGREEMENT_FIELDS = (
    "code",
    "name",
    "version",
    "valid_from",
    "valid_to",
    "note",
    "confederations",
    "unions",
    "employer_party",
    "sectors",
    "prolonged",
    "prolonged_nn",
    "prolonged_by",
)
PROVISION_FIELDS = (
    "key",
    "source",
    "source_name",
    "paragraph",
    "chapter",
    "title",
    "title_nn",
    "summary",
    "summary_nn",
    "verified",
    "case_types",
    "level",
    "timing",
    "agreement",
    "min_employees",
    "condition",
    "working_environment",
    "mandatory_from",
    "deadline_days",
    "deadline_letters",
    "deadline_title",
    "deadline_title_nn",
    "argument",
    "argument_nn",
)
# The words an argument sentence may fill in (letters/context.py fills them).
ARGUMENT_PLACEHOLDERS = ("sitat", "tema", "ansatte")
TOP_LEVEL = ("version", "agreement", "provision")


@dataclass(frozen=True)
class CatalogueProblem:
    """One problem in a catalogue file: the line to look at (``None`` only when the file
    cannot be read at all), the message in Norwegian, and the TOML field if there is one."""

    line: int | None
    message: str
    field: str | None = None

    def __str__(self) -> str:
        return f"linje {self.line}: {self.message}" if self.line is not None else self.message


# --------------------------------------------------------------------------- public API


def load_catalogue(path: Path | None = None) -> Catalogue:
    """The built-in catalogue (parsed once), or a union office's own file.

    Raises ``ValidationError`` listing every problem, each naming its line, when the file is
    missing, unreadable or broken."""
    if path is None:
        return _builtin_catalogue()
    catalogue, problems = _from_file(Path(path))
    if catalogue is None:
        raise _validation_error(str(path), problems)
    return catalogue


def load_text(text: str, origin: str) -> Catalogue:
    """A catalogue from TOML text; ``origin`` names it in messages and in ``Catalogue``."""
    catalogue, problems = _from_text(text, origin)
    if catalogue is None:
        raise _validation_error(origin, problems)
    return catalogue


def check_catalogue(path: Path) -> list[CatalogueProblem]:
    """Every problem in a catalogue file, sorted by line; an empty list means it can be used."""
    return _from_file(Path(path))[1]


def check_text(text: str) -> list[CatalogueProblem]:
    """Every problem in catalogue text, sorted by line."""
    return _from_text(text, "tekst")[1]


def catalogue_for(path: Path | None) -> tuple[Catalogue, list[str]]:
    """The catalogue the app should use, and messages for the user.

    No path: the built-in catalogue. A good custom file: that file. A broken or missing one:
    the built-in catalogue, so the app keeps working, and one message per problem, each
    naming the file and the line."""
    if path is None:
        return _builtin_catalogue(), []
    path = Path(path)
    catalogue, problems = _from_file(path)
    if catalogue is not None:
        return catalogue, []
    messages = [
        f"Den egne rettskatalogen {path} kan ikke brukes, så programmet bruker den innebygde "
        "katalogen til feilene er rettet."
    ]
    messages += [f"{path}, {problem}" for problem in problems]
    return _builtin_catalogue(), messages


def builtin_path() -> Path:
    return paths.resource_path(CATALOGUE_FILE)


@functools.cache
def _builtin_catalogue() -> Catalogue:
    return builtin_catalogue_from(builtin_path(), twin_path())


def builtin_catalogue_from(toml: Path, twin: Path) -> Catalogue:
    """The built-in catalogue in ``toml``, read from ``twin`` when that was made from this
    very text. A broken built-in file is a bug, not a user error: it surfaces as one."""
    text = toml.read_text(encoding="utf-8")
    data = _twin_data(twin, text)
    if data is not None:
        # (The checks take any JSON shape, null included, as a problem: then the text
        # decides.)
        catalogue, _problems = _checked(data, BUILTIN_ORIGIN, _Lines(top=_Table(1)))
        if catalogue is not None:
            return catalogue
    return load_text(text, BUILTIN_ORIGIN)  # (problems named by line, from the text)


def twin_path() -> Path:
    return paths.resource_path(*TWIN_FILE)


def write_twin(toml: Path | None = None, twin: Path | None = None) -> Path:
    """Write the JSON twin of the built-in catalogue (the install does, like the .qm
    files): its data, and the SHA-256 of the text it was parsed from."""
    toml = toml or builtin_path()
    twin = twin or twin_path()
    text = toml.read_text(encoding="utf-8")
    load_text(text, BUILTIN_ORIGIN)  # a twin is made of a good file only
    import tomllib

    payload = {"sha256": _text_digest(text), "data": tomllib.loads(text.removeprefix("\ufeff"))}
    twin.parent.mkdir(parents=True, exist_ok=True)
    spare = twin.with_name(f".{twin.name}.{os.getpid()}.new")
    try:
        spare.write_text(
            json.dumps(payload, default=_to_json, ensure_ascii=False), encoding="utf-8"
        )
        os.replace(spare, twin)  # a start never reads half a twin
    finally:
        spare.unlink(missing_ok=True)
    return twin


def _twin_data(twin: Path, text: str) -> dict[str, Any] | None:
    """The twin's data if it was made from ``text``; None if it is missing, damaged or
    stale (the start then parses the TOML, as it did before there were twins)."""
    try:
        payload = json.loads(twin.read_bytes(), object_hook=_from_json)
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(payload, dict) or payload.get("sha256") != _text_digest(text):
        return None
    data = payload.get("data")
    return data if isinstance(data, dict) else None


def _text_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# TOML's dates and times, which JSON has not, as one-key objects ({"$date": "…"}); datetime
# before date: a datetime is a date too.
_TIME_KINDS: tuple[tuple[str, type[date] | type[time]], ...] = (
    ("$datetime", datetime),
    ("$date", date),
    ("$time", time),
)
_TIME_BY_KEY = dict(_TIME_KINDS)


def _to_json(value: Any) -> dict[str, str]:
    for key, kind in _TIME_KINDS:
        if isinstance(value, kind):
            return {key: value.isoformat()}
    raise TypeError(f"{type(value).__name__} in the catalogue cannot be written as JSON")


def _from_json(obj: dict[str, Any]) -> Any:
    if len(obj) == 1:
        ((key, value),) = obj.items()
        kind = _TIME_BY_KEY.get(key)
        if kind is not None and isinstance(value, str):
            return kind.fromisoformat(value)
    return obj


def _validation_error(origin: str, problems: list[CatalogueProblem]) -> ValidationError:
    where = (
        "Den innebygde rettskatalogen" if origin == BUILTIN_ORIGIN else f"Rettskatalogen {origin}"
    )
    return ValidationError(
        [
            Problem(f"{origin}, linje {p.line}" if p.line is not None else origin, p.message)
            for p in problems
        ],
        heading=f"{where} kan ikke brukes",
    )


# --------------------------------------------------------------------------- reading


def _from_file(path: Path) -> tuple[Catalogue | None, list[CatalogueProblem]]:

    try:
        data = read_limited(path, CATALOGUE_LIMIT, what="Katalogfilen")
    except UserError as error:  # a device, a FIFO, or far too large
        return None, [CatalogueProblem(None, error.message)]
    except FileNotFoundError:
        return None, [CatalogueProblem(None, f"finner ikke filen {path}")]
    except IsADirectoryError:
        return None, [CatalogueProblem(None, f"{path} er en mappe, ikke en katalogfil")]
    except OSError as error:
        return None, [CatalogueProblem(None, f"kan ikke lese {path}: {os_reason(error)}")]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        message = (
            "filen er ikke lagret som UTF-8 (ugyldig tegn her); lagre den på nytt med "
            "tegnkoding UTF-8"
        )
        return None, [CatalogueProblem(line, message)]
    return _from_text(text, str(path))


def _from_text(text: str, origin: str) -> tuple[Catalogue | None, list[CatalogueProblem]]:
    # Windows Notepad may save a byte-order mark, which TOML does not allow; it is invisible
    # to the user, so it is dropped rather than reported.
    text = text.removeprefix("\ufeff")
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return None, [_syntax_problem(error, _scan(text))]
    except RecursionError:
        # tomllib recurses on nested arrays; a file nested thousands deep is not a catalogue.
        return None, [CatalogueProblem(1, "filen har for mange lister inni hverandre")]
    # Where each table and key is written only names a problem's line: a good file (the
    # built-in one, read on every start) is checked without scanning its lines, and a file
    # with problems is checked again with them.
    catalogue, problems = _checked(data, origin, _Lines(top=_Table(1)))
    if problems:
        catalogue, problems = _checked(data, origin, _scan(text))
    return catalogue, problems


def _checked(
    data: dict[str, Any], origin: str, lines: _Lines
) -> tuple[Catalogue | None, list[CatalogueProblem]]:
    checker = _Checker(lines)
    catalogue = checker.document(data, origin)
    problems = sorted(checker.problems, key=lambda p: p.line or 0)
    return (catalogue if not problems else None), problems


# --------------------------------------------------------------------------- TOML syntax errors

_WHERE = re.compile(r"\s*\(at (?:line (\d+), column (\d+)|end of document)\)\s*$")

# tomllib's messages, translated. Patterns are anchored; a group is shown in the message.
_SYNTAX: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern + r"$"), message)
    for pattern, message in (
        (
            r"Invalid statement",
            "ugyldig linje: forventet et felt (navn = verdi), en tabell som [[provision]] "
            "eller en kommentar som begynner med #",
        ),
        (
            r"Expected newline or end of document after a statement",
            "uventet tekst etter verdien; hvert felt må stå på sin egen linje, og tekst må stå "
            "i anførselstegn",
        ),
        (r"Cannot declare (.+) twice", "tabellen {0} er skrevet to ganger"),
        (r"Cannot overwrite a value", "feltet er satt to ganger i samme tabell"),
        (r"Expected '\]' at the end of a table declaration", "tabellnavnet mangler ] til slutt"),
        (
            r"Expected '\]\]' at the end of an array declaration",
            "tabellnavnet mangler ]] til slutt, som i [[provision]]",
        ),
        (r"Cannot mutate immutable namespace (.+)", "{0} er allerede definert og kan ikke endres"),
        (r"Cannot redefine namespace (.+)", "{0} er allerede definert og kan ikke endres"),
        (r"Expected '=' after a key in a key/value pair", "mangler = etter feltnavnet"),
        (
            r"Invalid initial character for a key part",
            "ugyldig tegn i feltnavnet; bruk bokstaver a–z, tall, - og _",
        ),
        (r"Unclosed array", "listen mangler ] til slutt"),
        (r"Duplicate inline table key (.+)", "feltet {0} står to ganger i samme tabell"),
        # The messages go through str.format: a literal brace is doubled.
        (r"Unclosed inline table", "tabellen i klammeparenteser mangler }} til slutt"),
        (
            r"Unescaped '\\' in a string",
            "ugyldig \\ i teksten; skriv \\\\ for en omvendt skråstrek",
        ),
        (r"Invalid hex value", "ugyldig \\u-kode i teksten"),
        (r"Escaped character is not a Unicode scalar value", "ugyldig \\u-kode i teksten"),
        (r"Unterminated string", "teksten mangler avsluttende anførselstegn"),
        (
            r"Illegal character '\\[nr]'",
            "teksten mangler avsluttende anførselstegn før linjeskiftet",
        ),
        (r"Illegal character (.+)", "ulovlig tegn {0} i teksten"),
        (r"Found invalid character (.+)", "ulovlig tegn {0} i teksten"),
        (r"Invalid date or datetime", "ugyldig dato; skriv ÅÅÅÅ-MM-DD, for eksempel 2026-01-31"),
        (
            r"Invalid value",
            'ugyldig verdi; tekst må stå i anførselstegn (som "drofting"), sannhetsverdier '
            "skrives true eller false",
        ),
        (r"Expected (.+)", "forventet {0}"),
    )
)


def _syntax_problem(error: tomllib.TOMLDecodeError, lines: _Lines) -> CatalogueProblem:
    text = str(error)
    where = _WHERE.search(text)
    bare = text[: where.start()] if where else text
    line: int
    column: int | None = None
    if where and where.group(1):
        line, column = int(where.group(1)), int(where.group(2))
    else:
        # "at end of document": point at what was left open, else at the last line written.
        line = lines.open_since or lines.last_content
    message = f"TOML-feil: {bare}"
    for pattern, norwegian in _SYNTAX:
        match = pattern.match(bare)
        if match:
            message = norwegian.format(*match.groups())
            break
    if column is not None:
        message += f" (tegn nr. {column} på linjen)"
    elif where:
        message += " (ved slutten av filen)"
    return CatalogueProblem(line, message)


# --------------------------------------------------------------------------- where things are

# tomllib gives values, not positions, so the lines are found by scanning the text for table
# headers and "name =" lines. The file has already parsed as TOML when these are used, so a
# light scanner that knows strings, comments and open brackets is enough.
_ARRAY_HEADER = re.compile(r"\[\[\s*([^\]]*?)\s*\]\]")
_TABLE_HEADER = re.compile(r"\[\s*([^\]]*?)\s*\]")
_KEY = re.compile(r"(\"(?:[^\"\\]|\\.)*\"|'[^']*'|[A-Za-z0-9_-]+)\s*[.=]")


@dataclass
class _Table:
    line: int
    keys: dict[str, int] = field(default_factory=dict)

    def at(self, name: str) -> int:
        """The line of field ``name``, or the table's own line when the field is absent."""
        return self.keys.get(name, self.line)


@dataclass
class _Lines:
    top: _Table
    arrays: dict[str, list[_Table]] = field(default_factory=dict)
    tables: dict[str, int] = field(default_factory=dict)
    last_content: int = 1
    open_since: int | None = None  # where a string or list still open at the end began

    def entry(self, name: str, index: int) -> _Table:
        entries = self.arrays.get(name, [])
        if index < len(entries):
            return entries[index]
        # Written inline (provision = [{...}]): all we know is where the list begins.
        return _Table(self.find(name))

    def find(self, name: str) -> int:
        if name in self.top.keys:
            return self.top.keys[name]
        if self.arrays.get(name):
            return self.arrays[name][0].line
        if name in self.tables:
            return self.tables[name]
        return 1


def _unquote(name: str) -> str:
    name = name.strip()
    if len(name) >= 2 and name[0] == name[-1] and name[0] in "\"'":
        return name[1:-1]
    return name


def _header_name(raw: str) -> str:
    # [[ "provision" ]] and [provision.x] are found under "provision".
    return _unquote(raw.split(".")[0])


def _scan_value(s: str, depth: int, open_string: str | None) -> tuple[int, str | None]:
    """Follow a value over one line: the bracket depth and any multi-line string left open."""
    i, n = 0, len(s)
    while i < n:
        if open_string is not None:
            end = s.find(open_string, i)
            if end < 0:
                return depth, open_string
            i, open_string = end + 3, None
            continue
        c = s[i]
        if c == "#":
            break
        if s.startswith('"""', i) or s.startswith("'''", i):
            open_string, i = s[i : i + 3], i + 3
            continue
        if c == '"':
            i += 1
            while i < n and s[i] != '"':
                i += 2 if s[i] == "\\" else 1
            i += 1
            continue
        if c == "'":
            end = s.find("'", i + 1)
            i = n if end < 0 else end + 1
            continue
        if c in "[{":
            depth += 1
        elif c in "]}":
            depth = max(0, depth - 1)
        i += 1
    return depth, open_string


def _scan(text: str) -> _Lines:
    lines = _Lines(top=_Table(1))
    current = lines.top
    depth, open_string = 0, None
    opened_at = 0
    # TOML counts lines by "\n" only (tomllib's messages do too), so no splitlines().
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.rstrip("\r")
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            lines.last_content = number
        if depth > 0 or open_string is not None:
            depth, open_string = _scan_value(line, depth, open_string)
            continue
        if not stripped or stripped.startswith("#"):
            continue
        if stripped.startswith("[["):
            match = _ARRAY_HEADER.match(stripped)
            if match:
                current = _Table(number)
                lines.arrays.setdefault(_header_name(match.group(1)), []).append(current)
                continue
        elif stripped.startswith("["):
            match = _TABLE_HEADER.match(stripped)
            if match:
                current = _Table(number)  # keys under [x] are not top-level keys
                lines.tables.setdefault(_header_name(match.group(1)), number)
                continue
        match = _KEY.match(stripped)
        if match:
            current.keys.setdefault(_unquote(match.group(1)), number)
            equals = stripped.find("=", match.end(1))
            if equals >= 0:
                depth, open_string = _scan_value(stripped[equals + 1 :], 0, None)
                opened_at = number
    if depth > 0 or open_string is not None:
        lines.open_since = opened_at
    return lines


# --------------------------------------------------------------------------- checking

_MISSING = object()


def _describe(value: object) -> str:
    """What the user wrote, in words, for "must be X, not Y"."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "…"
        return f"teksten «{shown}»"
    if isinstance(value, int):
        return f"tallet {value}"
    if isinstance(value, float):
        return f"desimaltallet {value}"
    if isinstance(value, datetime):
        return "et tidspunkt"
    if isinstance(value, date):
        return "en dato"
    if isinstance(value, time):
        return "et klokkeslett"
    if isinstance(value, list):
        return "en liste med andre verdier enn tekst" if value else "en liste"
    if isinstance(value, dict):
        return "en tabell"
    return "en annen verdi"


def _is_date(value: object) -> bool:
    # A TOML datetime is a subclass of date; a validity period is whole days.
    return isinstance(value, date) and not isinstance(value, datetime)


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_str_list(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


# kind -> (test, what it must be)
_KINDS: dict[str, tuple[Callable[[object], bool], str]] = {
    "str": (lambda v: isinstance(v, str), 'tekst i anførselstegn, som "tekst"'),
    "bool": (lambda v: isinstance(v, bool), "true eller false"),
    "int": (_is_int, "et helt tall"),
    "date": (_is_date, "en dato skrevet ÅÅÅÅ-MM-DD uten anførselstegn"),
    "str_list": (_is_str_list, 'en liste med tekster, som ["office_layout"]'),
}


def _suggest(value: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.6)
    return f" (mente du «{close[0]}»?)" if close else ""


def _one_of(choices: Iterable[str]) -> str:
    items = list(choices)
    return ", ".join(items[:-1]) + " eller " + items[-1] if len(items) > 1 else items[0]


class _Checker:
    def __init__(self, lines: _Lines) -> None:
        self.lines = lines
        self.problems: list[CatalogueProblem] = []
        # Provision keys named by agreements (prolonged_by), checked once all are read.
        self.pending_refs: list[tuple[str, int, str]] = []

    def add(self, line: int, message: str, name: str | None = None) -> None:
        self.problems.append(CatalogueProblem(line, message, name))

    def get(
        self,
        entry: dict[str, Any],
        table: _Table,
        label: str,
        name: str,
        kind: str,
        *,
        required: bool,
    ) -> Any:
        """The value of a field if present and of the right kind, else ``_MISSING`` (and the
        problem is recorded). Required text may not be blank."""
        if name not in entry:
            if required:
                self.add(table.line, f"{label} mangler feltet «{name}»", name)
            return _MISSING
        value = entry[name]
        test, must_be = _KINDS[kind]
        if not test(value):
            self.add(
                table.at(name),
                f"feltet «{name}» i {label} må være {must_be}, ikke {_describe(value)}",
                name,
            )
            return _MISSING
        if required and kind == "str" and not value.strip():
            self.add(table.at(name), f"feltet «{name}» i {label} er tomt", name)
            return _MISSING
        return value

    def unknown_fields(
        self, entry: dict[str, Any], table: _Table, label: str, allowed: tuple[str, ...]
    ) -> None:
        for name in entry:
            if name not in allowed:
                self.add(
                    table.at(name),
                    f"ukjent felt «{name}» i {label}{_suggest(name, allowed)}; "
                    f"tillatte felt er {_one_of(allowed)}",
                    name,
                )

    def tables(self, data: dict[str, Any], name: str) -> list[tuple[dict[str, Any], _Table]]:
        """The entries of [[name]], with where each one is."""
        value = data.get(name, [])
        if isinstance(value, dict):
            self.add(
                self.lines.find(name),
                f"skriv [[{name}]] med doble hakeparenteser; hver {name} er en egen tabell",
                name,
            )
            return []
        if not isinstance(value, list):
            self.add(
                self.lines.find(name),
                f"«{name}» må være tabeller skrevet [[{name}]], ikke {_describe(value)}",
                name,
            )
            return []
        out: list[tuple[dict[str, Any], _Table]] = []
        for index, entry in enumerate(value):
            table = self.lines.entry(name, index)
            if not isinstance(entry, dict):
                self.add(
                    table.line,
                    f"«{name}» nr. {index + 1} må være en tabell [[{name}]], "
                    f"ikke {_describe(entry)}",
                    name,
                )
                continue
            out.append((entry, table))
        return out

    # ----------------------------------------------------------------------- the document

    def document(self, data: dict[str, Any], origin: str) -> Catalogue | None:
        for name in data:
            if name not in TOP_LEVEL:
                self.add(
                    self.lines.find(name),
                    f"ukjent felt eller tabell «{name}» øverst i filen{_suggest(name, TOP_LEVEL)}"
                    "; filen skal ha version, [[agreement]]-tabeller og [[provision]]-tabeller",
                    name,
                )
        version = self.version(data)
        agreements = self.agreements(data)
        provisions = self.provisions(data, agreements)
        if self.problems or version is None:
            return None
        return Catalogue(version, agreements, tuple(provisions), origin)

    def version(self, data: dict[str, Any]) -> str | None:
        line = self.lines.find("version")
        if "version" not in data:
            self.add(
                1,
                "filen mangler «version» øverst, katalogens dato, for eksempel "
                'version = "2026-11-22"',
                "version",
            )
            return None
        value = data["version"]
        if _is_date(value):
            return cast(date, value).isoformat()  # version = 2026-11-22 without quotes is fine
        if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
            self.add(
                line,
                "«version» må være katalogens dato skrevet ÅÅÅÅ-MM-DD, for eksempel "
                f'version = "2026-11-22", ikke {_describe(value)}',
                "version",
            )
            return None
        try:
            date.fromisoformat(value.strip())
        except ValueError:
            self.add(line, f"«version» er ikke en gyldig dato: «{value}»", "version")
            return None
        return value.strip()

    def agreements(self, data: dict[str, Any]) -> dict[str, Agreement]:
        out: dict[str, Agreement] = {}
        first_line: dict[str, int] = {}
        codes = [c for c in AGREEMENTS if c != NO_AGREEMENT]
        for index, (entry, table) in enumerate(self.tables(data, "agreement")):
            raw_code = entry.get("code")
            label = (
                f"avtalen «{raw_code}»"
                if isinstance(raw_code, str) and raw_code.strip()
                else f"avtale nr. {index + 1}"
            )
            self.unknown_fields(entry, table, label, AGREEMENT_FIELDS)
            ok = True
            code = self.get(entry, table, label, "code", "str", required=True)
            if code is _MISSING:
                ok = False
            elif code == NO_AGREEMENT:
                self.add(
                    table.at("code"),
                    "«none» betyr at virksomheten ikke har hovedavtale og skal ikke ha en "
                    "[[agreement]]-tabell",
                    "code",
                )
                ok = False
            elif code not in AGREEMENTS:
                self.add(
                    table.at("code"),
                    f"ukjent avtalekode «{code}»{_suggest(code, codes)}; bruk {_one_of(codes)}",
                    "code",
                )
                ok = False
            elif code in first_line:
                self.add(
                    table.at("code"),
                    f"avtalen «{code}» står to ganger (første gang på linje {first_line[code]})",
                    "code",
                )
                ok = False
            else:
                first_line[code] = table.line
            name = self.get(entry, table, label, "name", "str", required=True)
            version = self.get(entry, table, label, "version", "str", required=True)
            valid_from = self.get(entry, table, label, "valid_from", "date", required=False)
            valid_to = self.get(entry, table, label, "valid_to", "date", required=False)
            note = self.get(entry, table, label, "note", "str", required=False)
            sides = self.sides(entry, table, label)
            if name is _MISSING or version is _MISSING or sides is None:
                ok = False
            if (
                valid_from is not _MISSING
                and valid_to is not _MISSING
                and cast(date, valid_to) < cast(date, valid_from)
            ):
                self.add(
                    table.at("valid_to"),
                    f"{label} gjelder til {valid_to} (valid_to), som er før den gjelder fra "
                    f"{valid_from} (valid_from)",
                    "valid_to",
                )
                ok = False
            if ok:
                assert sides is not None
                out[code] = Agreement(
                    code=code,
                    name=name.strip(),
                    version=version.strip(),
                    valid_from=None if valid_from is _MISSING else valid_from,
                    valid_to=None if valid_to is _MISSING else valid_to,
                    note=None if note is _MISSING else note.strip() or None,
                    **sides,
                )
        # A code that failed its own checks is still "known" for the provisions below, so
        # one mistake in an [[agreement]] does not cascade into every provision using it.
        return out | {c: _PLACEHOLDER for c in first_line if c not in out}

    def sides(self, entry: dict[str, Any], table: _Table, label: str) -> dict[str, Any] | None:
        """Who the agreement is made with, the sectors it fits and how it runs on: the
        fields that choose the sender's version of it. None when one of them is wrong."""
        before = len(self.problems)
        confederations = self.get(entry, table, label, "confederations", "str_list", required=False)
        unions = self.get(entry, table, label, "unions", "str_list", required=False)
        party = self.get(entry, table, label, "employer_party", "str", required=False)
        sectors = self.get(entry, table, label, "sectors", "str_list", required=False)
        prolonged = self.get(entry, table, label, "prolonged", "str", required=False)
        prolonged_by = self.get(entry, table, label, "prolonged_by", "str", required=False)
        prolonged_nn = self.get(entry, table, label, "prolonged_nn", "str", required=False)
        self.text_in_both_forms(table, label, "prolonged", prolonged, prolonged_nn)
        for value in [] if confederations is _MISSING else confederations:
            if value not in CONFEDERATIONS:
                self.add(
                    table.at("confederations"),
                    f"{label} har ukjent hovedorganisasjon «{value}»"
                    f"{_suggest(value, CONFEDERATIONS)}; bruk {_one_of(CONFEDERATIONS)}",
                    "confederations",
                )
        for value in [] if sectors is _MISSING else sectors:
            if value not in SECTORS:
                self.add(
                    table.at("sectors"),
                    f"{label} har ukjent sektor «{value}»{_suggest(value, SECTORS)}; bruk "
                    f"{_one_of(SECTORS)}",
                    "sectors",
                )
        if prolonged_by is not _MISSING and prolonged is _MISSING:
            self.add(
                table.at("prolonged_by"),
                f"{label} har «prolonged_by» uten «prolonged»; skriv også hvordan avtalen "
                "løper videre",
                "prolonged",
            )
        if prolonged_by is not _MISSING:
            self.pending_refs.append((prolonged_by, table.at("prolonged_by"), label))
        if len(self.problems) > before:
            return None
        return {
            "confederations": frozenset(() if confederations is _MISSING else confederations),
            "unions": tuple(u.strip() for u in ([] if unions is _MISSING else unions)),
            "employer_party": None if party is _MISSING else party.strip() or None,
            "sectors": frozenset(() if sectors is _MISSING else sectors),
            "prolonged": None if prolonged is _MISSING else prolonged.strip() or None,
            "prolonged_nn": None if prolonged_nn is _MISSING else prolonged_nn.strip() or None,
            "prolonged_by": None if prolonged_by is _MISSING else prolonged_by.strip(),
        }

    def provisions(self, data: dict[str, Any], agreements: dict[str, Agreement]) -> list[Provision]:
        out: list[Provision] = []
        first_line: dict[str, int] = {}
        for index, (entry, table) in enumerate(self.tables(data, "provision")):
            provision = self.provision(entry, table, index, agreements, first_line)
            if provision is not None:
                out.append(provision)
        for key, line, label in self.pending_refs:
            if key not in first_line:
                self.add(
                    line,
                    f"{label} viser i «prolonged_by» til bestemmelsen «{key}», som ikke finnes "
                    "i filen",
                    "prolonged_by",
                )
        return out

    def provision(
        self,
        entry: dict[str, Any],
        table: _Table,
        index: int,
        agreements: dict[str, Agreement],
        first_line: dict[str, int],
    ) -> Provision | None:
        raw_key = entry.get("key")
        label = (
            f"bestemmelsen «{raw_key}»"
            if isinstance(raw_key, str) and raw_key.strip()
            else f"bestemmelse nr. {index + 1}"
        )
        before = len(self.problems)
        self.unknown_fields(entry, table, label, PROVISION_FIELDS)

        def text(name: str, required: bool) -> Any:
            return self.get(entry, table, label, name, "str", required=required)

        key, source, source_name = (
            text("key", True),
            text("source", True),
            text("source_name", True),
        )
        paragraph, chapter = text("paragraph", False), text("chapter", False)
        title, summary, timing = text("title", True), text("summary", True), text("timing", False)
        # The same title and summary in nynorsk: a nynorsk case summary prints them, and a
        # nynorsk text never borrows a bokmål sentence.
        title_nn, summary_nn = text("title_nn", True), text("summary_nn", True)
        verified = self.get(entry, table, label, "verified", "bool", required=True)
        case_types = self.get(entry, table, label, "case_types", "str_list", required=True)
        level, agreement, condition = (
            text("level", False),
            text("agreement", False),
            text("condition", False),
        )
        min_employees = self.get(entry, table, label, "min_employees", "int", required=False)
        working_environment = self.get(
            entry, table, label, "working_environment", "bool", required=False
        )
        mandatory_from = self.get(entry, table, label, "mandatory_from", "int", required=False)
        deadline = self.deadline(entry, table, label)

        if key is not _MISSING:
            match = re.fullmatch(r"([^\s:]+):(\S+)", key)
            if not match:
                self.add(
                    table.at("key"),
                    f"nøkkelen «{key}» må ha formen kilde:paragraf uten mellomrom, for eksempel "
                    "«aml:8-2» eller «ha-ys-nho:kap-IX»",
                    "key",
                )
            elif source is not _MISSING and match.group(1) != source:
                self.add(
                    table.at("key"),
                    f"nøkkelen «{key}» begynner med «{match.group(1)}», men feltet «source» er "
                    f"«{source}»; delen før : skal være lik source",
                    "key",
                )
            if key in first_line:
                self.add(
                    table.at("key"),
                    f"nøkkelen «{key}» er brukt før, på linje {first_line[key]}; hver "
                    "bestemmelse må ha sin egen nøkkel",
                    "key",
                )
            else:
                first_line[key] = table.line
        if case_types is not _MISSING:
            self.case_types(case_types, table, label)
        if level is not _MISSING and level not in LEVELS:
            self.add(
                table.at("level"),
                f"{label} har ukjent nivå «{level}»; bruk {_one_of(LEVELS)}, eller utelat "
                "feltet for en plikt av et annet slag",
                "level",
            )
        if condition is not _MISSING and condition not in CONDITIONS:
            self.add(
                table.at("condition"),
                f"{label} har ukjent vilkår «{condition}»{_suggest(condition, CONDITIONS)}; "
                f"bruk {_one_of(CONDITIONS)}",
                "condition",
            )
        if agreement is not _MISSING:
            self.agreement_ref(agreement, agreements, table, label)
        if min_employees is not _MISSING and min_employees < 1:
            self.add(
                table.at("min_employees"),
                f"«min_employees» i {label} må være minst 1, ikke {min_employees}",
                "min_employees",
            )
        if mandatory_from is not _MISSING and (
            mandatory_from < 1
            or (min_employees is not _MISSING and mandatory_from <= min_employees)
        ):
            self.add(
                table.at("mandatory_from"),
                f"«mandatory_from» i {label} må være et helt tall over «min_employees» "
                f"(antall ansatte der ordningen alltid finnes), ikke {mandatory_from}",
                "mandatory_from",
            )
        if verified is True and (paragraph is _MISSING or not paragraph.strip()):
            self.add(
                table.at("paragraph") if "paragraph" in entry else table.at("verified"),
                f"{label} er merket verified = true, men mangler «paragraph», paragrafen som "
                "skal siteres (for eksempel «§ 8-2»)",
                "paragraph",
            )
        if verified is False:
            self.lead(entry, table, label, chapter, source_name)

        said_before = len(self.problems)
        arguments = self.arguments(entry, table, label)
        arguments_nn = self.arguments(entry, table, label, "argument_nn")
        if len(self.problems) == said_before:  # a broken sentence is the one problem to fix
            self.both_forms(arguments, arguments_nn, entry, table, label)

        if len(self.problems) > before:
            return None
        return Provision(
            key=key,
            source=source,
            source_name=source_name.strip(),
            paragraph="" if paragraph is _MISSING else paragraph.strip(),
            chapter="" if chapter is _MISSING else chapter.strip(),
            title=title.strip(),
            summary=summary.strip(),
            title_nn=title_nn.strip(),
            summary_nn=summary_nn.strip(),
            verified=verified,
            case_types=frozenset(case_types),
            level=None if level is _MISSING else cast(Level, level),
            timing=None if timing is _MISSING else timing.strip() or None,
            agreement=None if agreement is _MISSING else agreement,
            min_employees=None if min_employees is _MISSING else min_employees,
            condition=None if condition is _MISSING else condition,
            working_environment=False if working_environment is _MISSING else working_environment,
            mandatory_from=None if mandatory_from is _MISSING else mandatory_from,
            **deadline,
            arguments=arguments,
            arguments_nn=arguments_nn,
        )

    def deadline(self, entry: dict[str, Any], table: _Table, label: str) -> dict[str, Any]:
        """A time limit that starts when a demand is sent: all three fields or none."""
        days = self.get(entry, table, label, "deadline_days", "int", required=False)
        letters = self.get(entry, table, label, "deadline_letters", "str_list", required=False)
        title = self.get(entry, table, label, "deadline_title", "str", required=False)
        title_nn = self.get(entry, table, label, "deadline_title_nn", "str", required=False)
        self.text_in_both_forms(table, label, "deadline_title", title, title_nn)
        given = [v is not _MISSING for v in (days, letters, title)]
        if any(given) and not all(given):
            self.add(
                table.line,
                f"{label} må ha alle tre feltene deadline_days, deadline_letters og "
                "deadline_title, eller ingen av dem",
                "deadline_days",
            )
        if days is not _MISSING and not 1 <= days <= 365:
            self.add(
                table.at("deadline_days"),
                f"«deadline_days» i {label} må være mellom 1 og 365, ikke {days}",
                "deadline_days",
            )
        for value in [] if letters is _MISSING else letters:
            if value not in LETTER_KINDS:
                self.add(
                    table.at("deadline_letters"),
                    f"{label} har ukjent brevtype «{value}»{_suggest(value, LETTER_KINDS)} i "
                    f"«deadline_letters»; bruk {_one_of(LETTER_KINDS)}",
                    "deadline_letters",
                )
        if not all(given):
            return {}
        return {
            "deadline_days": days,
            "deadline_letters": frozenset(letters),
            "deadline_title": title.strip(),
            "deadline_title_nn": None if title_nn is _MISSING else title_nn.strip(),
        }

    def both_forms(
        self,
        nb: tuple[tuple[str, str], ...] | None,
        nn: tuple[tuple[str, str], ...] | None,
        entry: dict[str, Any],
        table: _Table,
        label: str,
    ) -> None:
        """Where a provision argues in one written form, it argues in both, for the same
        case types: a nynorsk letter never borrows a bokmål sentence (nor the other way)."""
        if nb is None and nn is None:
            return
        said = {c for c, t in nb or () if not t.startswith("=")}
        said_nn = {c for c, t in nn or () if not t.startswith("=")}
        if said == said_nn:
            return
        field = "argument_nn" if said - said_nn else "argument"
        line = table.at(field) if field in entry else table.line
        missing = sorted(said - said_nn) or sorted(said_nn - said)
        which = "nynorsk (argument_nn)" if field == "argument_nn" else "bokmål (argument)"
        self.add(
            line,
            f"{label} har argument på bare den ene målformen; skriv det også på {which} for "
            f"sakstype {', '.join(missing)}",
            field,
        )

    def text_in_both_forms(
        self, table: _Table, label: str, field: str, bokmal: object, nynorsk: object
    ) -> None:
        """A text the letters print must be there in both forms or in neither: a nynorsk
        letter would otherwise leave the sentence out, or borrow bokmål."""
        twin = f"{field}_nn"
        if nynorsk is not _MISSING and bokmal is _MISSING:
            self.add(
                table.at(twin),
                f"{label} har «{twin}» uten «{field}»; skriv bokmålsteksten også",
                twin,
            )
        elif bokmal is not _MISSING and nynorsk is _MISSING:
            self.add(
                table.at(field),
                f"{label} har «{field}» uten «{twin}»; skriv teksten på nynorsk også",
                twin,
            )

    def arguments(
        self, entry: dict[str, Any], table: _Table, label: str, name: str = "argument"
    ) -> tuple[tuple[str, str], ...] | None:
        """«argument» (bokmål) or «argument_nn» (nynorsk): one sentence for every case type,
        or a table of them by case type ("*" for the rest); {} means the provision is never
        argued in a letter."""
        if name not in entry:
            return None
        value = entry[name]
        line = table.at(name)
        if isinstance(value, str):
            pairs = [("*", value)]
        elif isinstance(value, dict) and all(isinstance(v, str) for v in value.values()):
            pairs = list(value.items())
        else:
            self.add(
                line,
                f"«{name}» i {label} må være en tekst, eller en tabell med en tekst per "
                f"sakstype, ikke {_describe(value)}",
                name,
            )
            return None
        for case_type, text in pairs:
            if case_type != ALL_CASE_TYPES and case_type not in CASE_TYPES:
                self.add(
                    line,
                    f"«{name}» i {label} har ukjent sakstype «{case_type}»"
                    f"{_suggest(case_type, CASE_TYPES)}",
                    name,
                )
                continue
            if text.startswith("="):
                if not re.fullmatch(r"=[^\s:]+:\S+", text):
                    self.add(
                        line,
                        f"«{name}» i {label}: «{text}» må være = fulgt av nøkkelen til "
                        "bestemmelsen den siteres sammen med, for eksempel «=aml:8-2»",
                        name,
                    )
                continue
            try:
                names = {name for _, name, _, _ in string.Formatter().parse(text) if name}
            except ValueError:
                names = {"{"}
            unknown = sorted(names - set(ARGUMENT_PLACEHOLDERS))
            if unknown or "sitat" not in names:
                self.add(
                    line,
                    f"«{name}» i {label} må vise til bestemmelsen med {{sitat}} og kan "
                    f"ellers bare bruke {_one_of('{' + n + '}' for n in ARGUMENT_PLACEHOLDERS)}"
                    + (f"; ukjent: {', '.join(unknown)}" if unknown else ""),
                    name,
                )
        return tuple((c, t.strip()) for c, t in pairs)

    def case_types(self, values: list[str], table: _Table, label: str) -> None:
        line = table.at("case_types")
        if not values:
            self.add(
                line,
                f'«case_types» i {label} er tom; skriv sakstypene, eller ["*"] for alle',
                "case_types",
            )
            return
        for value in values:
            if value != ALL_CASE_TYPES and value not in CASE_TYPES:
                self.add(
                    line,
                    f"{label} har ukjent sakstype «{value}»{_suggest(value, CASE_TYPES)}; bruk "
                    f"{_one_of(CASE_TYPES)}, eller «*» for alle",
                    "case_types",
                )
        if ALL_CASE_TYPES in values and len(set(values)) > 1:
            self.add(
                line,
                f"«*» betyr alle sakstyper og kan ikke kombineres med andre i {label}",
                "case_types",
            )

    def agreement_ref(
        self, code: str, agreements: dict[str, Agreement], table: _Table, label: str
    ) -> None:
        line = table.at("agreement")
        known = [c for c in AGREEMENTS if c != NO_AGREEMENT]
        if code == NO_AGREEMENT:
            self.add(
                line,
                f'{label} har agreement = "none"; utelat feltet for bestemmelser som gjelder '
                "uansett avtale",
                "agreement",
            )
        elif code not in AGREEMENTS:
            self.add(
                line,
                f"{label} viser til ukjent avtalekode «{code}»{_suggest(code, known)}; bruk "
                f"{_one_of(known)}",
                "agreement",
            )
        elif code not in agreements:
            self.add(
                line,
                f"{label} viser til avtalen «{code}», men filen har ingen [[agreement]] med "
                f'code = "{code}"',
                "agreement",
            )

    def lead(
        self,
        entry: dict[str, Any],
        table: _Table,
        label: str,
        chapter: Any,
        source_name: Any,
    ) -> None:
        """A lead (verified = false) is cited by chapter or agreement, never by a paragraph
        number: its citation must name a chapter and contain no §."""
        if chapter is _MISSING or not chapter.strip():
            self.add(
                table.at("chapter") if "chapter" in entry else table.at("verified"),
                f"{label} er et spor (verified = false) og må ha «chapter», kapittelet eller "
                "avtalen brevet skal vise til, siden paragrafnummeret ikke er kontrollert",
                "chapter",
            )
        elif "§" in chapter:
            self.add(
                table.at("chapter"),
                f"«chapter» i {label} viser til en paragraf («{chapter.strip()}»), men "
                "bestemmelsen er ikke verifisert; skriv bare kapittelet eller avtalen",
                "chapter",
            )
        if source_name is not _MISSING and "§" in source_name:
            self.add(
                table.at("source_name"),
                f"«source_name» i {label} inneholder §, men bestemmelsen er ikke verifisert; "
                "skriv bare navnet på loven eller avtalen",
                "source_name",
            )


# Stands in for an [[agreement]] that had problems of its own (see ``agreements``); it never
# reaches a Catalogue, because any problem stops the catalogue from being built.
_PLACEHOLDER = Agreement(code="", name="", version="", valid_from=None, valid_to=None)
