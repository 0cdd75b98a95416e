"""Cases from a spreadsheet (``.xlsx`` or ``.csv``), for representatives who kept their
cases in Excel: the first row names the columns, each further row is a case.

Columns are recognised by their Norwegian names (those the case list's own export writes,
and the form's labels); others can be mapped by hand (``Mapping``: a small TOML file or
``--column "Overskrift=felt"``). The file is checked whole: every bad row is reported with
its row number and column, and only a clean file is imported, in one transaction, through
the same import as a JSON bundle (all or nothing; the same file imported twice changes
nothing, since each row's case gets a UUID derived from its case number or content).

Hostile files: a formula cell is refused (the value, not a formula, is data; an xlsx keeps
no trustworthy value of a formula that was never calculated), as is a CSV cell that would
run as one; the case list's own defusing apostrophe is taken off again. Limits on the file
size, the unpacked size of an xlsx, rows and columns stop a zip bomb or a runaway file
before it fills memory.
"""

from __future__ import annotations

import csv
import io
import re
import tomllib
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from tillitsvalgt import file_limits
from tillitsvalgt.errors import Problem, UserError, ValidationError
from tillitsvalgt.vocabulary import (
    AGREEMENTS,
    CASE_STATUSES,
    CASE_TYPES,
    CASE_TYPES_SHORT,
    OUTCOMES,
    SECTORS,
)

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024  # an xlsx is a zip: what it unpacks to
MAX_ROWS = 100_000
MAX_COLUMNS = 200
MAX_CELL_CHARS = 20_000

# The fields a column can fill: key → (where in the bundle item, Norwegian label).
FIELDS: dict[str, tuple[str, str]] = {
    "saksnr": ("id", "Saksnummer"),
    "tittel": ("case.title", "Tittel"),
    "sakstype": ("case.type", "Sakstype"),
    "beskrivelse": ("case.description", "Beskrivelse"),
    "sted": ("case.location", "Sted/avdeling"),
    "medlemmer": ("case.members_affected", "Berørte medlemmer"),
    "varslet": ("case.notice_on", "Dato for første varsel"),
    "beslutning": ("case.decision_on", "Beslutningsdato"),
    "planlagt": ("case.planned_implementation_on", "Planlagt iverksetting"),
    "iverksatt": ("case.implemented_on", "Faktisk iverksetting"),
    "hjemmekontordager": ("case.home_office_days_per_week", "Hjemmekontordager per uke"),
    "status": ("case.status", "Status"),
    "utfall": ("case.outcome", "Utfall"),
    "virksomhet": ("employer.name", "Virksomhet"),
    "orgnr": ("employer.orgnr", "Organisasjonsnummer"),
    "hovedavtale": ("employer.agreement", "Hovedavtale"),
    "sektor": ("employer.sector", "Sektor"),
    "ansatte": ("employer.employees", "Antall ansatte"),
    "gruppesak": ("group.name", "Gruppesak"),
}
IGNORED = "ignorer"  # map a column to this to leave it out on purpose

# Column names recognised without a mapping (compared in lower case, without spaces and
# full stops at the ends): the case list's export and the form's labels.
DEFAULT_HEADERS: dict[str, str] = {
    "saksnr": "saksnr",
    "saksnummer": "saksnr",
    "tittel": "tittel",
    "sakstittel": "tittel",
    "sakstype": "sakstype",
    "type": "sakstype",
    "beskrivelse": "beskrivelse",
    "sted": "sted",
    "sted/avdeling": "sted",
    "avdeling": "sted",
    "berørte medlemmer": "medlemmer",
    "medlemmer": "medlemmer",
    "varslet": "varslet",
    "dato for første varsel": "varslet",
    "beslutning": "beslutning",
    "beslutningsdato": "beslutning",
    "planlagt iverksetting": "planlagt",
    "iverksatt": "iverksatt",
    "faktisk iverksetting": "iverksatt",
    "hjemmekontordager": "hjemmekontordager",
    "hjemmekontordager per uke": "hjemmekontordager",
    "status": "status",
    "utfall": "utfall",
    "virksomhet": "virksomhet",
    "arbeidsgiver": "virksomhet",
    "org.nr": "orgnr",
    "orgnr": "orgnr",
    "organisasjonsnummer": "orgnr",
    "hovedavtale": "hovedavtale",
    "sektor": "sektor",
    "antall ansatte": "ansatte",
    "ansatte": "ansatte",
    "gruppesak": "gruppesak",
    # Derived by the app; the case list's export writes them, an import leaves them out.
    "tidspunkt for medbestemmelse": IGNORED,
    "krav": IGNORED,
    "neste frist": IGNORED,
    "sist endret": IGNORED,
}

_DATE_FIELDS = {"varslet", "beslutning", "planlagt", "iverksatt"}
_INT_FIELDS = {"medlemmer", "ansatte"}
_CODES: dict[str, tuple[Mapping[str, str], ...]] = {
    "sakstype": (CASE_TYPES, CASE_TYPES_SHORT),
    "status": (CASE_STATUSES,),
    "utfall": (OUTCOMES,),
    "hovedavtale": (AGREEMENTS,),
    "sektor": (SECTORS,),
}
_FORMULA_START = ("=", "+", "-", "@")
_REFUSED = "Regnearket ble ikke importert; ingenting er endret"


def _key(header: str) -> str:
    return " ".join(header.strip().strip(".:").lower().split())


@dataclass
class ColumnMapping:
    """Column name (as written in the file) → field key (``FIELDS``) or ``ignorer``."""

    columns: dict[str, str] = field(default_factory=dict)
    sheet: str | None = None


def read_mapping(text: str, file: str) -> ColumnMapping:
    """A mapping file: ``ark = "Saker"`` (optional) and a ``[kolonner]`` table."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise UserError(f"{file} er ikke gyldig TOML: {exc}. Ingenting er importert.") from None
    columns = data.get("kolonner", {})
    sheet = data.get("ark")
    if not isinstance(columns, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in columns.items()
    ):
        raise UserError(
            f'{file}: [kolonner] må ha linjer som «"Overskrift i filen" = "felt"». '
            "Ingenting er importert."
        )
    if sheet is not None and not isinstance(sheet, str):
        raise UserError(f"{file}: «ark» må være navnet på et ark. Ingenting er importert.")
    return parse_columns([f"{k}={v}" for k, v in columns.items()], sheet=sheet)


def parse_columns(pairs: Iterable[str], *, sheet: str | None = None) -> ColumnMapping:
    mapping = ColumnMapping(sheet=sheet)
    problems = []
    for pair in pairs:
        header, sep, target = pair.rpartition("=")
        target = target.strip().lower()
        if not sep or not header.strip():
            problems.append(f"«{pair}»: skriv «Overskrift=felt»")
        elif target not in FIELDS and target != IGNORED:
            problems.append(
                f"«{pair}»: ukjent felt «{target}»; gyldige: {', '.join(FIELDS)}, {IGNORED}"
            )
        else:
            mapping.columns[_key(header)] = target
    if problems:
        raise UserError(
            "Kolonnevalget kan ikke brukes:\n"
            + "\n".join(f"  – {p}" for p in problems)
            + "\nIngenting er importert."
        )
    return mapping


# --------------------------------------------------------------------------- reading


@dataclass(frozen=True)
class Cell:
    value: str | int | float | date | datetime | bool | None
    formula: bool = False


def _read_csv(data: bytes, file: str) -> list[list[Cell]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel in Norway saves "CSV" in Windows-1252 unless asked for UTF-8.
        text = data.decode("cp1252", errors="replace")
    if "\x00" in text:
        raise UserError(f"{file} er ikke en CSV-fil (den inneholder binære data).")
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    csv.field_size_limit(MAX_CELL_CHARS + 1)
    rows: list[list[Cell]] = []
    try:
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            # In a CSV, "=…" is what Excel would run as a formula.
            rows.append([Cell(v, v.lstrip().startswith("=")) for v in row])
            if len(rows) > MAX_ROWS + 1:
                break
    except csv.Error as exc:
        raise UserError(
            f"{file} kan ikke leses som CSV (rad {len(rows) + 1}: {exc}). Ingenting er importert."
        ) from None
    return rows


def _read_xlsx(data: bytes, file: str, sheet: str | None) -> list[list[Cell]]:
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(i.file_size for i in archive.infolist())
    except zipfile.BadZipFile:
        raise UserError(f"{file} er ikke en .xlsx-fil (Excel). Ingenting er importert.") from None
    if unpacked > MAX_UNPACKED_BYTES:
        raise UserError(
            f"{file} pakker seg ut til {unpacked / 2**20:.0f} MB; høyst "
            f"{MAX_UNPACKED_BYTES // 2**20} MB. Del regnearket opp. Ingenting er importert."
        )
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception:  # openpyxl raises many kinds for a damaged file
        raise UserError(
            f"{file} kan ikke åpnes som et Excel-regneark (.xlsx). Ingenting er importert."
        ) from None
    try:
        if sheet is not None:
            if sheet not in book.sheetnames:
                raise UserError(
                    f"{file} har ikke noe ark som heter «{sheet}»; arkene er: "
                    + ", ".join(book.sheetnames)
                    + ". Ingenting er importert."
                )
            ws = book[sheet]
        else:
            ws = book.worksheets[0]
        rows: list[list[Cell]] = []
        for row in ws.iter_rows():
            cells = []
            for c in row[: MAX_COLUMNS + 1]:
                value = getattr(c, "value", None)
                cells.append(Cell(value, getattr(c, "data_type", None) == "f"))
            rows.append(cells)
            if len(rows) > MAX_ROWS + 1:
                break
        return rows
    finally:
        book.close()


def read_rows(data: bytes, file: str, *, suffix: str, sheet: str | None = None) -> list[list[Cell]]:
    if len(data) > MAX_FILE_BYTES:
        raise UserError(
            f"{file} er {len(data) / 2**20:.0f} MB; høyst {MAX_FILE_BYTES // 2**20} MB. "
            "Del regnearket opp. Ingenting er importert."
        )
    if suffix == ".csv":
        return _read_csv(data, file)
    if suffix == ".xlsx":
        return _read_xlsx(data, file, sheet)
    raise UserError(f"{file}: regnearket må være .xlsx eller .csv. Ingenting er importert.")


# --------------------------------------------------------------------------- converting


@dataclass
class SheetItems:
    """The bundle items a sheet became, with what to call each in messages."""

    items: list[dict[str, Any]]
    names: list[str]
    unused_columns: list[str]


def _text(cell: Cell) -> str | None:
    value = cell.value
    if value is None:
        return None
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "ja" if value else "nei"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    if text.startswith("'") and text[1:2] in _FORMULA_START:
        text = text[1:]  # our own export's defusing apostrophe
    return text or None


_DATE_RE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")


def _date(cell: Cell) -> str:
    if isinstance(cell.value, datetime):
        return cell.value.date().isoformat()
    if isinstance(cell.value, date):
        return cell.value.isoformat()
    text = _text(cell) or ""
    found = _DATE_RE.match(text)
    try:
        if found:
            day, month, year = (int(g) for g in found.groups())
            return date(year, month, day).isoformat()
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise ValueError(f"«{text[:40]}» er ikke en dato; skriv den som 31.12.2026") from None


def _number(cell: Cell, *, whole: bool) -> int | float:
    value = cell.value
    if isinstance(value, bool):
        raise ValueError("må være et tall")
    if isinstance(value, int | float):
        number: int | float = value
    else:
        text = (_text(cell) or "").replace("\u00a0", "").replace(" ", "").replace(",", ".")
        try:
            number = float(text)
        except ValueError:
            raise ValueError(f"«{(_text(cell) or '')[:40]}» er ikke et tall") from None
    if whole:
        if float(number) != int(number):
            raise ValueError(f"{number} er ikke et heltall")
        return int(number)
    return number


def _code(key: str, cell: Cell) -> str:
    text = _text(cell) or ""
    for table in _CODES[key]:
        if text in table:
            return text
        for code, label in table.items():
            if _key(label) == _key(text):
                return code
    choices = ", ".join(_CODES[key][0].values())
    raise ValueError(f"«{text[:60]}» er ikke gyldig; velg en av: {choices}")


def _convert(key: str, cell: Cell) -> Any:
    if key in _DATE_FIELDS:
        return _date(cell)
    if key in _INT_FIELDS:
        return _number(cell, whole=True)
    if key == "hjemmekontordager":
        return _number(cell, whole=False)
    if key in _CODES:
        return _code(key, cell)
    text = _text(cell)
    if text is not None and len(text) > MAX_CELL_CHARS:
        raise ValueError(f"er {len(text)} tegn; høyst {MAX_CELL_CHARS}")
    return text


def _put(item: dict[str, Any], path: str, value: Any) -> None:
    where = item
    *parents, last = path.split(".")
    for part in parents:
        where = where.setdefault(part, {})
    where[last] = value


def sheet_items(rows: list[list[Cell]], mapping: ColumnMapping | None = None) -> SheetItems:
    """Bundle items from the rows (the first is the header). Every problem in the sheet is
    reported at once, by row number (as the spreadsheet shows it) and column."""
    mapping = mapping or ColumnMapping()
    while rows and all(_text(c) is None for c in rows[-1]):
        rows = rows[:-1]
    if not rows:
        raise ValidationError([Problem("", "regnearket er tomt")], heading="Ingenting er importert")
    if len(rows) - 1 > MAX_ROWS:
        raise ValidationError(
            [Problem("", f"regnearket har over {MAX_ROWS} rader; del det opp")],
            heading="Ingenting er importert",
        )
    header = rows[0]
    while header and _text(header[-1]) is None:
        header = header[:-1]
    if len(header) > MAX_COLUMNS:
        raise ValidationError(
            [Problem("", f"regnearket har over {MAX_COLUMNS} kolonner")],
            heading="Ingenting er importert",
        )
    columns: dict[int, tuple[str, str]] = {}  # column index → (field key, header text)
    unused: list[str] = []
    problems: list[Problem] = []
    taken: dict[str, str] = {}
    for index, cell in enumerate(header):
        name = _text(cell)
        if name is None:
            continue
        target = mapping.columns.get(_key(name)) or DEFAULT_HEADERS.get(_key(name))
        if target is None:
            unused.append(name)
            continue
        if target == IGNORED:
            continue
        if target in taken:
            problems.append(
                Problem(
                    f"Kolonne «{name}»",
                    f"fyller samme felt ({FIELDS[target][1]}) som kolonne «{taken[target]}»",
                )
            )
        taken[target] = name
        columns[index] = (target, name)
    for required in ("tittel", "sakstype", "virksomhet"):
        if required not in taken:
            problems.append(
                Problem(
                    "Overskriftsraden",
                    f"mangler en kolonne for {FIELDS[required][1].lower()}; gi kolonnen navnet "
                    f'«{FIELDS[required][1]}» eller velg den med --column "Overskrift={required}"',
                )
            )
    if problems:
        raise ValidationError(
            problems, heading="Regnearket ble ikke importert; ingenting er endret"
        )

    items: list[dict[str, Any]] = []
    names: list[str] = []
    for number, row in enumerate(rows[1:], start=2):
        if all(_text(c) is None for c in row):
            continue
        if len(row) > MAX_COLUMNS:
            row = row[:MAX_COLUMNS]
        item: dict[str, Any] = {"employer": {}, "case": {}}
        for index, (key, name) in columns.items():
            if index >= len(row):
                continue
            cell = row[index]
            where = f"Rad {number} › {name}"
            if cell.formula:
                problems.append(
                    Problem(where, "er en formel; skriv inn verdien i stedet for formelen")
                )
                continue
            if _text(cell) is None:
                continue
            try:
                _put(item, FIELDS[key][0], _convert(key, cell))
            except ValueError as exc:
                problems.append(Problem(where, str(exc)))
        items.append(item)
        names.append(f"Rad {number}")
    if problems:
        raise ValidationError(
            problems, heading="Regnearket ble ikke importert; ingenting er endret"
        )
    if not items:
        raise ValidationError(
            [Problem("", "regnearket har ingen saker under overskriftsraden")],
            heading="Ingenting er importert",
        )
    return SheetItems(items=items, names=names, unused_columns=unused)


def read_limited(file: Path, limit: int) -> bytes:
    """A regular file's bytes, at most ``limit`` of them (``file_limits.read_limited``: a
    FIFO or a device such as /dev/zero is refused at once, whatever its reported size),
    every refusal ending in "nothing was imported"."""
    nothing = "Ingenting er importert."
    try:
        return file_limits.read_limited(file, limit, what="Filen")
    except UserError as exc:  # not a regular file, too large
        raise type(exc)(f"{exc.message} {nothing}") from None
    except FileNotFoundError:
        raise UserError(f"Finner ikke filen {file}. {nothing}") from None
    except IsADirectoryError:
        raise UserError(f"{file} er en mappe, ikke en fil. {nothing}") from None
    except OSError as exc:
        raise UserError(f"Kan ikke lese {file}: {exc.strerror}. {nothing}") from None


def load_sheet(file: Path, *, mapping: ColumnMapping | None = None) -> SheetItems:
    """Read and convert a spreadsheet file (not yet imported)."""
    data = read_limited(file, MAX_FILE_BYTES)
    rows = read_rows(
        data, str(file), suffix=file.suffix.lower(), sheet=mapping.sheet if mapping else None
    )
    return sheet_items(rows, mapping)
