"""The landsmøte report's tables, made from the cube of counts (pure: no database, no files).

``make_figures(data)`` turns a ``ReportData`` into ``Figures``: one ``Table`` per question
the report answers, plus the median days from notice to drøfting. Nothing here suppresses
anything: ``cellkey.py`` decides what may be shown, and ``summary.py`` only ever speaks
from the protected tables, so a small number cannot slip into the prose.
"""

from __future__ import annotations

import operator
import statistics
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, fields, replace
from datetime import date
from typing import Literal

from tillitsvalgt import vocabulary
from tillitsvalgt.reports.cube import (
    OPEN,
    REPLY_CLASSES,
    SIZE_BANDS,
    UNKNOWN,
    CubeCell,
    ReportData,
    ReportRequest,
)
from tillitsvalgt.rules.deadlines import format_date as norwegian_day

ShareKind = Literal["row", "total"]

# The table keys, for the writers (one section / one sheet per table) and the tests.
KEY_FIGURES = "nokkeltall"
BY_CASE_TYPE = "sakstype"
BY_SECTOR = "sektor"
BY_AGREEMENT = "hovedavtale"
BY_OUTCOME = "utfall"
TIMING = "tidspunkt"
PROTOCOL = "protokoll"
ENVIRONMENT = "verneombud_amu"
LETTERS = "brev_og_frister"
TIMING_TREND = "tidspunkt_per_periode"
DAYS_TO_DROFTING = "dager_til_drofting"
BY_SECTOR_SIZE = "sektor_og_storrelse"
BY_EMPLOYER = "virksomhet"
LATE_TREND = "for_sent_per_periode"
LATE_BY_SECTOR = "for_sent_sektor"
LATE_BY_AGREEMENT = "for_sent_hovedavtale"
LATE_BY_SIZE = "for_sent_storrelse"
LATE_BY_TYPE = "for_sent_sakstype"
LATE_BY_OUTCOME = "utfall_etter_tidspunkt"
DATA_QUALITY = "datakvalitet"
REPLIES_BY_SECTOR = "svar_sektor"
REPLIES_BY_AGREEMENT = "svar_hovedavtale"
REPLIES_BY_SIZE = "svar_storrelse"
REPLIES_BY_EMPLOYER = "svar_virksomhet"
CHECKLIST = "hjemmekontor_sjekkliste"
DECISIONS = "beslutninger"
ESCALATION = "lofter_videre"
REPLY_TABLES = (REPLIES_BY_SECTOR, REPLIES_BY_AGREEMENT, REPLIES_BY_SIZE, REPLIES_BY_EMPLOYER)
# Short headers: a table of four numbers and a total fits the page without breaking a
# word (the notes say what they mean).
REPLY_COLUMNS = ("Svar i tide", "Svar for sent", "Ikke svart", "Frist ikke ute")
CHECKLIST_COLUMNS = ("Oppfylt", "Ikke oppfylt", "Ukjent")
# The outcomes of a stage, gathered so the table fits a page.
ESCALATION_GROUPS: tuple[tuple[str, str, frozenset[str]], ...] = (
    ("agreement", "Enighet", frozenset({"agreement", "partial_agreement", "settled"})),
    ("upheld", "Medhold", frozenset({"upheld"})),
    ("lost", "Uenighet", frozenset({"disagreement", "rejected"})),
    ("ended", "Trukket", frozenset({"withdrawn", "dropped"})),
    ("pending", "Ikke avgjort", frozenset({"pending"})),
)
LATE_COLUMNS = ("For sent, bare informert eller ikke drøftet", "Andre saker")

# The named-employer table shows the employers with most cases and gathers the rest in one
# row, so a union of thousands of workplaces still gets a table that fits a page.
EMPLOYER_ROWS = 25
OTHER_EMPLOYERS = "Øvrige virksomheter"

TOTAL_LABEL = "I alt"
CASES = "Saker"

# The timing verdicts grouped the way the landsmøte asks the question: was the change
# drøftet before the decision, after it, after implementation, or never? "Ikke drøftet
# ennå" is kept apart from "aldri drøftet": the decision is not taken yet, so it is not a
# breach (yet) and counting it as one would overstate the employers' failures.
# "Ukjent" gathers both the verdict "unknown" (a date is missing) and cases never judged:
# either way the report cannot say when the drøfting happened.
TIMING_GROUPS: tuple[tuple[str, str, frozenset[str]], ...] = (
    ("in_time", "Før beslutningen", frozenset({"in_time"})),
    ("after_decision", "Etter beslutningen", frozenset({"late_before_implementation"})),
    ("after_implementation", "Etter iverksetting", frozenset({"late_after_implementation"})),
    ("information_only", "Bare informert", frozenset({"information_only"})),
    ("never", "Aldri drøftet", frozenset({"not_held_decision_taken"})),
    ("not_yet", "Ikke drøftet ennå", frozenset({"not_held_yet"})),
    ("unknown", "Ukjent", frozenset({"unknown", UNKNOWN})),
)
TIMING_UNKNOWN_GROUP = "unknown"


@dataclass(frozen=True, slots=True)
class Row:
    """One row: its label and one count per column."""

    label: str
    counts: tuple[int, ...]
    code: str = ""  # the code or period behind the label, for writers and tests
    # Per column, the sum of the cell keys of the cases counted (reports/cellkey.py), and
    # for a magnitude column (members) how many cases have the number known.
    keys: tuple[int, ...] = ()
    known: tuple[int, ...] = ()

    def key(self, column: int) -> int:
        return self.keys[column] if self.keys else 0

    def known_in(self, column: int) -> int:
        return self.known[column] if self.known else self.counts[column]


@dataclass(frozen=True, slots=True)
class Table:
    """A table of counts with its margins.

    The total row (column sums) is there when the table has more than one row; the total
    column (row sums) when it has more than one column *and* every column counts cases, so
    a row's columns split its cases. A table with one row or one column repeats itself in
    its margin, and a repeated margin would hand out a suppressed cell for free.
    """

    key: str
    title: str
    row_label: str
    columns: tuple[str, ...]
    rows: tuple[Row, ...]
    note: str
    shares: ShareKind | None = None  # percent of the row total, or of all cases
    # Per column, the column whose number of cases the value rests on (members affected
    # rest on the cases). Empty: every column is a count of cases itself.
    basis: tuple[int, ...] = ()
    chart: bool = True  # whether the Word report draws it (a list of names is not a chart)
    # Whether the columns split a row's cases (then a total column adds them up); False
    # for columns that each count some of the same cases (with a letter, with a deadline).
    parts: bool = True
    # Whether the rows split the cases (then a total row adds them up); False when a case
    # is in several rows (the checklist's points, the stages of escalation).
    sums_rows: bool = True

    def __post_init__(self) -> None:
        for row in self.rows:
            if len(row.counts) != len(self.columns):
                raise ValueError(f"{self.key}: row {row.label!r} has the wrong number of cells")
        if self.basis and len(self.basis) != len(self.columns):
            raise ValueError(f"{self.key}: one basis per column")

    def column_basis(self, column: int) -> int:
        return self.basis[column] if self.basis else column

    @property
    def counts_cases(self) -> bool:
        """Every column is a count of cases (no derived columns such as members)."""
        return all(self.column_basis(j) == j for j in range(len(self.columns)))

    @property
    def has_total_row(self) -> bool:
        return len(self.rows) > 1 and self.sums_rows

    @property
    def has_total_column(self) -> bool:
        return len(self.columns) > 1 and self.counts_cases and self.parts

    @property
    def total_row(self) -> tuple[int, ...] | None:
        if not self.has_total_row:
            return None
        return tuple(sum(row.counts[j] for row in self.rows) for j in range(len(self.columns)))

    @property
    def total_column(self) -> tuple[int, ...] | None:
        if not self.has_total_column:
            return None
        return tuple(sum(row.counts) for row in self.rows)

    @property
    def grand_total(self) -> int | None:
        if not (self.has_total_row and self.has_total_column):
            return None
        return sum(sum(row.counts) for row in self.rows)

    def value(self, row: int, column: int) -> int:
        """A cell of the table with its margins: row ``len(rows)`` is the total row,
        column ``len(columns)`` the total column."""
        n_rows, n_cols = len(self.rows), len(self.columns)
        if row < n_rows and column < n_cols:
            return self.rows[row].counts[column]
        if row == n_rows and column < n_cols:
            return sum(r.counts[column] for r in self.rows)
        if row < n_rows and column == n_cols:
            return sum(self.rows[row].counts)
        return sum(sum(r.counts) for r in self.rows)

    def key_value(self, row: int, column: int) -> int:
        """The cell-key sum of a cell with its margins (as ``value``)."""
        n_rows, n_cols = len(self.rows), len(self.columns)
        if row < n_rows and column < n_cols:
            return self.rows[row].key(column)
        if row == n_rows and column < n_cols:
            return sum(r.key(column) for r in self.rows)
        if row < n_rows and column == n_cols:
            return sum(self.rows[row].key(j) for j in range(n_cols))
        return sum(r.key(j) for r in self.rows for j in range(n_cols))

    def known_value(self, row: int, column: int) -> int:
        """How many cases of a magnitude cell have the number known."""
        if row < len(self.rows):
            return self.rows[row].known_in(column)
        return sum(r.known_in(column) for r in self.rows)

    def share_denominator(self, row: int) -> tuple[int, int] | None:
        """Where the share of a cell in ``row`` is taken from, as a cell of the table with
        margins; None when the table has no shares."""
        n_rows, n_cols = len(self.rows), len(self.columns)
        if self.shares is None:
            return None
        if self.shares == "row":
            return (row, n_cols) if self.has_total_column else None
        # Of all cases: the grand total, or in a one-column table its total row.
        if self.has_total_column:
            return (n_rows, n_cols) if self.has_total_row else (0, n_cols)
        return (n_rows, 0) if self.has_total_row else (0, 0)

    def share(self, row: int, column: int) -> float | None:
        """The cell as a percentage (0–100), or None (no shares, or nothing to divide by)."""
        where = self.share_denominator(row)
        if where is None:
            return None
        denominator = self.value(*where)
        if denominator == 0:
            return None
        return 100.0 * self.value(row, column) / denominator


@dataclass(frozen=True, slots=True)
class MedianTable:
    """Median days from the first notice to the first drøftingsmøte, per period and
    overall. ``counts`` says how many cases each median rests on (and is suppressed like
    any table); a median is only shown when it rests on enough cases."""

    key: str
    title: str
    note: str
    counts: Table  # rows: the periods; one column: cases with both dates
    medians: tuple[float | None, ...]  # one per row of counts; None when no case
    overall: float | None
    overall_cases: int


@dataclass(frozen=True, slots=True)
class Figures:
    request: ReportRequest
    made_on: date
    periods: tuple[str, ...]
    tables: tuple[Table, ...]
    median: MedianTable

    def table(self, key: str) -> Table:
        for table in self.tables:
            if table.key == key:
                return table
        raise KeyError(key)


# ---------------------------------------------------------------------------- periods


def period_label(period: str) -> str:
    """'2026' stays; '2026-K3' reads '3. kvartal 2026'."""
    if "-K" in period:
        year, quarter = period.split("-K", 1)
        return f"{quarter}. kvartal {year}"
    return period


def periods_of(request: ReportRequest, seen: Iterable[str] = ()) -> tuple[str, ...]:
    """Every period the request spans, in order, so an empty year still shows as a row of
    zeros in the trend instead of vanishing; periods in the data outside the span (there
    should be none) are kept at the end rather than dropped."""
    wanted: list[str] = []
    if request.granularity == "year":
        wanted = [str(y) for y in range(request.start.year, request.end.year + 1)]
    else:
        year, quarter = request.start.year, (request.start.month - 1) // 3 + 1
        last = (request.end.year, (request.end.month - 1) // 3 + 1)
        while (year, quarter) <= last:
            wanted.append(f"{year}-K{quarter}")
            year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)
    extra = sorted(set(seen) - set(wanted))
    return (*wanted, *extra)


# ----------------------------------------------------------------------------- helpers


_GROUP_OF = {member: code for code, _label, members in TIMING_GROUPS for member in members}


def timing_group(timing: str) -> str:
    # A code the report does not know: it cannot tell when, so "unknown".
    return _GROUP_OF.get(timing, TIMING_UNKNOWN_GROUP)


def _categories(
    labels: Mapping[str, str], seen: Iterable[str], extra: Mapping[str, str] | None = None
) -> list[tuple[str, str]]:
    """All codes of a vocabulary in its order, then the extra codes (open, unknown),
    whether or not they occur: a table's rows never depend on the data (a row shown only
    when it has cases would say "at least one"). A stray code outside the vocabulary is
    added, labelled by its code, when it occurs (data from an older version)."""
    out = list(labels.items())
    seen_set = set(seen)
    for code, label in (extra or {}).items():
        if code not in labels:
            out.append((code, label))
    known = {code for code, _ in out}
    out.extend((code, code) for code in sorted(seen_set - known))
    return out


def _one_dimension(
    key: str,
    title: str,
    row_label: str,
    note: str,
    cells: tuple[CubeCell, ...],
    categories: list[tuple[str, str]],
    of: Callable[[CubeCell], str],
) -> Table:
    counts: dict[str, int] = {}
    keys: dict[str, int] = {}
    for cell in cells:
        code = of(cell)
        counts[code] = counts.get(code, 0) + cell.cases
        keys[code] = keys.get(code, 0) + cell.key_sum
    rows = tuple(
        Row(label, (counts.get(code, 0),), code, (keys.get(code, 0),)) for code, label in categories
    )
    return Table(key, title, row_label, (CASES,), rows, note, shares="total")


Measure = tuple[int, int, int]  # (count or sum, cell-key sum, cases with it known)


def _by_period(
    cells: tuple[CubeCell, ...],
    periods: tuple[str, ...],
    values: Callable[[CubeCell], list[Measure]],
) -> tuple[Row, ...]:
    # Flat per period: count, keys, known for column 0, then column 1, … (this loop runs
    # once per cube cell and table: tens of thousands of cells at 100 000 cases).
    width = len(values(_EMPTY_CELL))
    sums: dict[str, list[int]] = {}
    for cell in cells:
        row = sums.get(cell.period)
        if row is None:
            row = sums[cell.period] = [0] * (3 * width)
        k = 0
        for count, keys, known in values(cell):
            row[k] += count
            row[k + 1] += keys
            row[k + 2] += known
            k += 3
    empty = [0] * (3 * width)
    out = []
    for p in periods:
        row = sums.get(p, empty)
        out.append(Row(period_label(p), tuple(row[0::3]), p, tuple(row[1::3]), tuple(row[2::3])))
    return tuple(out)


def _cases(cell: CubeCell, counted: bool = True) -> Measure:
    return (cell.cases, cell.key_sum, cell.cases) if counted else (0, 0, 0)


# Only used to learn how many values a period row has when there are no cells at all.
_EMPTY_CELL = CubeCell(
    period="", case_type="", sector="", agreement="", size_band="", outcome="", timing="",
    signed_protocol=False, environment_involved=False, cases=0, members=0, letters_sent=0,
    deadlines_missed=0,
)  # fmt: skip


def _median(days: Iterable[int]) -> float | None:
    values = list(days)
    return float(statistics.median(values)) if values else None


def _sector_by_size(cells: tuple[CubeCell, ...]) -> Table:
    """Employers generalised the way the report may always show them: sector by size band."""
    sectors = _categories(vocabulary.SECTORS, (c.sector for c in cells), {UNKNOWN: "Ukjent"})
    counts: dict[tuple[str, str], int] = {}
    keys: dict[tuple[str, str], int] = {}
    for cell in cells:
        key = (cell.sector, cell.size_band)
        counts[key] = counts.get(key, 0) + cell.cases
        keys[key] = keys.get(key, 0) + cell.key_sum
    columns = tuple(band if band != UNKNOWN else "Ukjent" for band in SIZE_BANDS)
    rows = tuple(
        Row(
            label,
            tuple(counts.get((code, band), 0) for band in SIZE_BANDS),
            code,
            tuple(keys.get((code, band), 0) for band in SIZE_BANDS),
        )
        for code, label in sectors
    )
    return Table(
        BY_SECTOR_SIZE,
        "Saker etter sektor og virksomhetens størrelse",
        "Sektor",
        columns,
        rows,
        "Størrelse er antall ansatte hos arbeidsgiveren; arbeidsmiljøloven kapittel 8 "
        "regner fra 50 ansatte.",
    )


def _by_employer(employers: Mapping[str, int], keys: Mapping[str, int], min_cell: int) -> Table:
    """The employers with most cases by name; only those whose *published* count reaches
    the floor are named (a named «–» would say "this employer had a case" and, with the
    employer's public sector and size, tie the other tables to it). The rest is one row."""
    from tillitsvalgt.reports.ptable import FLOOR, published

    floor = max(min_cell, FLOOR)
    ranked = sorted(employers.items(), key=lambda item: (-item[1], item[0].casefold()))
    named = [(name, n) for name, n in ranked if published(n, keys.get(name, 0)) >= floor][
        :EMPLOYER_ROWS
    ]
    named_set = {name for name, _ in named}
    rest = [(name, n) for name, n in ranked if name not in named_set]
    rows = [Row(name, (n,), name, (keys.get(name, 0),)) for name, n in named]
    if employers:  # «Øvrige» always (see _replies_by_employer)
        rows.append(
            Row(
                OTHER_EMPLOYERS,
                (sum(n for _, n in rest),),
                OTHER_EMPLOYERS,
                (sum(keys.get(name, 0) for name, _ in rest),),
            )
        )
    return Table(
        BY_EMPLOYER,
        "Saker per virksomhet",
        "Virksomhet",
        (CASES,),
        tuple(rows),
        f"Virksomheter med minst {max(min_cell, 3)} saker (etter støy) er navngitt, "
        f"høyst {EMPLOYER_ROWS}; resten er samlet på én linje. Velg «anonymiser "
        "virksomheter» for å vise bare sektor og størrelse.",
        shares="total",
        chart=False,
    )


# ----------------------------------------------------------------------------- figures


_DIMENSIONS = frozenset(
    {"period", "case_type", "sector", "agreement", "size_band", "outcome", "timing",
     "signed_protocol", "environment_involved"}
)  # fmt: skip
# What the tables by period add up: every count but the answers per class (those are
# split by sector, hovedavtale and size, never by period: tuples cost most to add).
_SUMMED = tuple(
    f.name
    for f in fields(CubeCell)
    if f.name not in _DIMENSIONS and f.name not in {"replies", "reply_keys"}
)
_summed = operator.attrgetter(*_SUMMED)


def collapse_by_period(cells: tuple[CubeCell, ...]) -> tuple[CubeCell, ...]:
    """The cube added up over everything but the period, the signed protocol, verneombud
    and the timing (the other dimensions blanked, the answers per class left out): what
    the tables by period count."""
    sums: dict[tuple[str, bool, bool, str], list[int]] = {}
    for cell in cells:
        where = (cell.period, cell.signed_protocol, cell.environment_involved, cell.timing)
        values = _summed(cell)
        acc = sums.get(where)
        if acc is None:
            sums[where] = list(values)
        else:
            sums[where] = [a + b for a, b in zip(acc, values, strict=True)]
    return tuple(
        CubeCell(
            period=period,
            case_type="",
            sector="",
            agreement="",
            size_band="",
            outcome="",
            signed_protocol=signed,
            environment_involved=environment,
            timing=timing,
            **dict(zip(_SUMMED, values, strict=True)),  # type: ignore[arg-type]  # all ints
        )
        for (period, signed, environment, timing), values in sums.items()
    )


def _by_year(cells: tuple[CubeCell, ...]) -> tuple[CubeCell, ...]:
    """The cells with their quarter replaced by its year (the sums stay per cell)."""
    return tuple(
        replace(c, period=c.period.split("-K", 1)[0]) if "-K" in c.period else c for c in cells
    )


def make_figures(data: ReportData) -> Figures:
    cells = data.cells
    periods = periods_of(data.request, (c.period for c in cells))
    # By quarter, only the cases and the share of late drøfting are split by quarter; the
    # other splits of a period (protocol, verneombud, timing, letters, data quality) stay
    # by year. Each split of a handful of cases is one more reading with its own noise, and
    # enough of them pin a small count (tests/test_report_attack.py).
    # The tables by period need only the period, the protocol, verneombud and timing: the
    # cube gathered on those once (a few hundred cells instead of tens of thousands), so
    # each of them loops over little.
    period_cells = collapse_by_period(cells)
    if data.request.granularity == "quarter":
        split_cells = _by_year(period_cells)
        split_periods = periods_of(
            replace(data.request, granularity="year"), (c.period for c in split_cells)
        )
    else:
        split_cells, split_periods = period_cells, periods
    group_codes = [code for code, _, _ in TIMING_GROUPS]

    key_figures = Table(
        KEY_FIGURES,
        "Saker og berørte medlemmer",
        "Periode",
        (CASES, "Berørte medlemmer"),
        _by_period(
            period_cells,
            periods,
            lambda c: [_cases(c), (c.members, c.key_sum, c.members_known)],
        ),
        "Berørte medlemmer er summert over sakene der tallet er kjent, med litt støy og "
        "avrundet til nærmeste ti; «ukjent» når ingen sak har tallet.",
        basis=(0, 0),
    )
    by_type = _one_dimension(
        BY_CASE_TYPE,
        "Saker etter type endring",
        "Type endring",
        "Hver sak telles én gang, etter hovedtypen den er registrert med.",
        cells,
        _categories(vocabulary.CASE_TYPES_SHORT, (c.case_type for c in cells)),
        lambda c: c.case_type,
    )
    by_sector = _one_dimension(
        BY_SECTOR,
        "Saker etter sektor",
        "Sektor",
        "Sektor er arbeidsgiverens; ukjent når den ikke er registrert.",
        cells,
        _categories(vocabulary.SECTORS, (c.sector for c in cells), {UNKNOWN: "Ukjent"}),
        lambda c: c.sector,
    )
    by_agreement = _one_dimension(
        BY_AGREEMENT,
        "Saker etter hovedavtale",
        "Hovedavtale",
        "Hovedavtalen som gjelder hos arbeidsgiveren.",
        cells,
        _categories(vocabulary.AGREEMENTS, (c.agreement for c in cells), {UNKNOWN: "Ukjent"}),
        lambda c: c.agreement,
    )
    by_outcome = _one_dimension(
        BY_OUTCOME,
        "Saker etter utfall",
        "Utfall",
        "Saker som ikke er avsluttet, står som «Ikke avsluttet».",
        cells,
        _categories(
            vocabulary.OUTCOMES,
            (c.outcome for c in cells),
            {OPEN: "Ikke avsluttet"},
        ),
        lambda c: c.outcome,
    )
    timing = _one_dimension(
        TIMING,
        "Når ble endringen drøftet?",
        "Drøfting",
        "«Ikke drøftet ennå»: beslutningen er ikke tatt. «Ukjent»: en dato mangler.",
        cells,
        [(code, label) for code, label, _ in TIMING_GROUPS],
        lambda c: timing_group(c.timing),
    )
    protocol = Table(
        PROTOCOL,
        "Saker med signert protokoll",
        "Periode",
        ("Med signert protokoll", "Uten signert protokoll"),
        _by_period(
            split_cells,
            split_periods,
            lambda c: [_cases(c, c.signed_protocol), _cases(c, not c.signed_protocol)],
        ),
        "Protokoll eller referat signert av begge parter. Andel av alle saker i perioden.",
        shares="row",
    )
    environment = Table(
        ENVIRONMENT,
        "Saker der verneombud eller AMU var involvert",
        "Periode",
        ("Verneombud/AMU involvert", "Ikke involvert"),
        _by_period(
            split_cells,
            split_periods,
            lambda c: [_cases(c, c.environment_involved), _cases(c, not c.environment_involved)],
        ),
        "Andel av alle saker i perioden.",
        shares="row",
    )
    letters = Table(
        LETTERS,
        "Brev sendt og frister oversittet",
        "Periode",
        (CASES, "Saker med brev sendt", "Saker med svarfrist oversittet av arbeidsgiver"),
        _by_period(
            split_cells,
            split_periods,
            lambda c: [
                _cases(c),
                (c.letter_cases, c.letter_keys, c.letter_cases),
                (c.missed_cases, c.missed_keys, c.missed_cases),
            ],
        ),
        "Saker der de tillitsvalgte sendte minst ett brev, og saker der en svarfrist var "
        f"passert uten svar per {norwegian_day(data.made_on)}.",
        parts=False,
    )
    trend = Table(
        TIMING_TREND,
        "Når ble endringen drøftet? Utvikling over tid",
        "Periode",
        tuple(label for _, label, _ in TIMING_GROUPS),
        _by_period(
            split_cells,
            split_periods,
            lambda c: [
                _cases(c, g == group)
                for g in group_codes
                for group in [_GROUP_OF.get(c.timing, TIMING_UNKNOWN_GROUP)]
            ],
        ),
        "Andel av sakene i hver periode.",
        shares="row",
    )

    sector_size = _sector_by_size(cells)
    employers = (
        _by_employer(data.employers, data.employer_keys, data.request.min_cell)
        if not data.request.anonymise_employers
        else None
    )

    named = frozenset(
        row.code for row in (employers.rows if employers is not None else ()) if row.code
    ) - {OTHER_EMPLOYERS}
    checklist = checklist_table(data)
    escalation = escalation_table(data)

    days = data.days_to_drofting
    median_counts = Table(
        DAYS_TO_DROFTING,
        "Dager fra første varsel til første drøftingsmøte",
        "Periode",
        ("Saker med begge datoer",),
        tuple(
            Row(period_label(p), (len(days.get(p, ())),), p, (data.drofting_keys.get(p, 0),))
            for p in periods
        ),
        "Bare saker der både varsel og første drøftingsmøte er registrert.",
    )
    all_days = [d for p in periods for d in days.get(p, ())]
    median = MedianTable(
        DAYS_TO_DROFTING,
        median_counts.title,
        "Median: halvparten av sakene tok kortere tid, halvparten lengre. " + median_counts.note,
        median_counts,
        tuple(_median(days.get(p, ())) for p in periods),
        _median(all_days),
        len(all_days),
    )

    return Figures(
        data.request,
        data.made_on,
        periods,
        (
            key_figures,
            by_type,
            by_sector,
            sector_size,
            *((employers,) if employers is not None else ()),
            by_agreement,
            by_outcome,
            timing,
            protocol,
            environment,
            letters,
            trend,
            *late_tables(cells, periods),
            *reply_tables(cells, data, named),
            *((checklist,) if checklist is not None else ()),
            decisions_table(data, split_cells, split_periods),
            *((escalation,) if escalation is not None else ()),
            Table(
                DATA_QUALITY,
                "Datakvalitet: saker der en dato mangler",
                "Periode",
                (CASES, "Uten varseldato", "Uten beslutningsdato", "Ukjent når drøftet"),
                _by_period(
                    split_cells,
                    split_periods,
                    lambda c: [
                        _cases(c),
                        (c.no_notice, c.no_notice_keys, c.no_notice),
                        (c.no_decision, c.no_decision_keys, c.no_decision),
                        _cases(c, timing_group(c.timing) == TIMING_UNKNOWN_GROUP),
                    ],
                ),
                "Saker uten beslutningsdato kan være saker der beslutningen ikke er tatt ennå. "
                "Fyll inn datoene i sakene før landsmøtet, så blir rapporten sikrere.",
                parts=False,
                chart=False,
            ),
        ),
        median,
    )


# The dimensions the late tables split by, in the order of a gathered key.
_PERIOD, _SECTOR, _AGREEMENT, _SIZE, _TYPE = range(5)
_Gathered = dict[tuple[str, str, str, str, str], list[int]]


def _gather_late(cells: tuple[CubeCell, ...]) -> tuple[_Gathered, dict[tuple[str, str], list[int]]]:
    """The cube gathered once for the late tables: by period, sector, hovedavtale, size and
    type (cases and key sums, late and not late), and by timing group and outcome. A few
    hundred entries instead of every cell for each table: at 100 000 cases the cube has
    about 24 000 cells and the late tables read it six times."""
    by_dims: _Gathered = {}
    by_outcome: dict[tuple[str, str], list[int]] = {}
    for cell in cells:
        group = timing_group(cell.timing)
        k = 0 if group in LATE_GROUPS else 2
        row = by_dims.setdefault(
            (cell.period, cell.sector, cell.agreement, cell.size_band, cell.case_type),
            [0, 0, 0, 0],
        )
        row[k] += cell.cases
        row[k + 1] += cell.key_sum
        entry = by_outcome.setdefault((group, cell.outcome), [0, 0])
        entry[0] += cell.cases
        entry[1] += cell.key_sum
    return by_dims, by_outcome


def _split_late(
    key: str,
    title: str,
    row_label: str,
    gathered: _Gathered,
    categories: list[tuple[str, str]],
    dimension: int,
    note: str,
) -> Table:
    sums: dict[str, list[int]] = {}
    for dims, counts in gathered.items():
        row = sums.setdefault(dims[dimension], [0, 0, 0, 0])
        for k in range(4):
            row[k] += counts[k]
    rows = tuple(
        Row(label, (r[0], r[2]), code, (r[1], r[3]))
        for code, label in categories
        for r in [sums.get(code, [0, 0, 0, 0])]
    )
    # Only the trend is drawn: the breakdowns are read as tables (and every chart costs
    # a third of a second at 100 000 cases; the whole report must stay under 3 s).
    return Table(
        key, title, row_label, LATE_COLUMNS, rows, note, shares="row", chart=key == LATE_TREND
    )


def late_tables(cells: tuple[CubeCell, ...], periods: tuple[str, ...]) -> tuple[Table, ...]:
    """The landsmøte's question, broken down: the cases where drøfting came too late,
    only information was given, or nothing was held although the decision was taken, by
    period, sector, hovedavtale, size and type of change; and the outcome by timing."""
    note = (
        "«For sent»: drøftet etter beslutningen eller etter iverksetting, bare informert, "
        "eller ikke drøftet selv om beslutningen var tatt. Andel av sakene i raden."
    )
    gathered, sums = _gather_late(cells)
    # Which codes occur in the cube, per dimension (only stray codes depend on it: every
    # table lists every category of its dimension).
    seen = [{dims[d] for dims in gathered} for d in range(5)]

    def occurring(categories: list[tuple[str, str]], _dimension: int) -> list[tuple[str, str]]:
        return categories

    by_period = _split_late(
        LATE_TREND,
        "For sen eller manglende drøfting: utvikling over tid",
        "Periode",
        gathered,
        [(p, period_label(p)) for p in periods],
        _PERIOD,
        note,
    )
    tables = [by_period] if len(periods) > 1 else []
    tables += [
        _split_late(
            LATE_BY_SECTOR,
            "For sen eller manglende drøfting etter sektor",
            "Sektor",
            gathered,
            occurring(_categories(vocabulary.SECTORS, seen[_SECTOR], {UNKNOWN: "Ukjent"}), _SECTOR),
            _SECTOR,
            note,
        ),
        _split_late(
            LATE_BY_AGREEMENT,
            "For sen eller manglende drøfting etter hovedavtale",
            "Hovedavtale",
            gathered,
            occurring(
                _categories(vocabulary.AGREEMENTS, seen[_AGREEMENT], {UNKNOWN: "Ukjent"}),
                _AGREEMENT,
            ),
            _AGREEMENT,
            note,
        ),
        _split_late(
            LATE_BY_SIZE,
            "For sen eller manglende drøfting etter virksomhetens størrelse",
            "Antall ansatte",
            gathered,
            occurring([(b, b if b != UNKNOWN else "Ukjent") for b in SIZE_BANDS], _SIZE),
            _SIZE,
            note,
        ),
        _split_late(
            LATE_BY_TYPE,
            "For sen eller manglende drøfting etter type endring",
            "Type endring",
            gathered,
            occurring(_categories(vocabulary.CASE_TYPES_SHORT, seen[_TYPE]), _TYPE),
            _TYPE,
            note,
        ),
    ]
    # Outcome by timing: does drøfting in time lead to agreement?
    # Every outcome as a column, whether or not it occurs: the columns of a table never
    # depend on the data (open cases always have theirs).
    used = [*vocabulary.OUTCOMES.items(), (OPEN, "Ikke avsluttet")]
    if cells:
        tables.append(
            Table(
                LATE_BY_OUTCOME,
                "Utfall etter når endringen ble drøftet",
                "Drøfting",
                tuple(label for _, label in used),
                tuple(
                    Row(
                        label,
                        tuple(sums.get((group, code), [0, 0])[0] for code, _ in used),
                        group,
                        tuple(sums.get((group, code), [0, 0])[1] for code, _ in used),
                    )
                    for group, label, _ in TIMING_GROUPS
                ),
                "Andel av sakene i raden. Gir drøfting i tide oftere enighet?",
                shares="row",
                chart=False,
            )
        )
    return tuple(tables)


# ------------------------------------------------- replies, checklist, decisions, stages


def _replies_split(
    key: str,
    title: str,
    row_label: str,
    cells: tuple[CubeCell, ...],
    categories: list[tuple[str, str]],
    of: Callable[[CubeCell], str],
) -> Table:
    """The cases with a reply deadline by how the employer answered, split by one
    dimension (every category, whether or not it has such cases)."""
    width = len(REPLY_CLASSES)
    sums: dict[str, list[int]] = {}
    for cell in cells:
        if not any(cell.replies):
            continue
        row = sums.setdefault(of(cell), [0] * (2 * width))
        for k in range(width):
            row[2 * k] += cell.replies[k]
            row[2 * k + 1] += cell.reply_keys[k]
    rows = tuple(
        Row(label, tuple(r[0::2]), code, tuple(r[1::2]))
        for code, label in categories
        for r in [sums.get(code, [0] * (2 * width))]
    )
    return Table(key, title, row_label, REPLY_COLUMNS, rows, REPLY_NOTE, shares="row", chart=False)


REPLY_NOTE = (
    "Saker der de tillitsvalgte sendte brev med svarfrist, etter hvordan arbeidsgiveren "
    "svarte. Har en sak flere brev, telles den der det gikk verst: «Ikke svart» før «Svar "
    "for sent» før «Svar i tide». «Frist ikke ute»: ingen svar ennå, men fristen løper. "
    "Andel av sakene i raden."
)


def reply_tables(
    cells: tuple[CubeCell, ...], data: ReportData, named: frozenset[str]
) -> tuple[Table, ...]:
    """Which employers answered the representatives' demands: by sector, hovedavtale and
    size, and in the named report by the employers already named in «Saker per
    virksomhet» (the same rule: a name only over the floor after noise)."""
    if not any(any(c.replies) for c in cells):
        return ()
    tables = [
        _replies_split(
            REPLIES_BY_SECTOR,
            "Svar på krav med svarfrist etter sektor",
            "Sektor",
            cells,
            _categories(vocabulary.SECTORS, (c.sector for c in cells), {UNKNOWN: "Ukjent"}),
            lambda c: c.sector,
        ),
        _replies_split(
            REPLIES_BY_AGREEMENT,
            "Svar på krav med svarfrist etter hovedavtale",
            "Hovedavtale",
            cells,
            _categories(vocabulary.AGREEMENTS, (c.agreement for c in cells), {UNKNOWN: "Ukjent"}),
            lambda c: c.agreement,
        ),
        _replies_split(
            REPLIES_BY_SIZE,
            "Svar på krav med svarfrist etter virksomhetens størrelse",
            "Antall ansatte",
            cells,
            [(band, band if band != UNKNOWN else "Ukjent") for band in SIZE_BANDS],
            lambda c: c.size_band,
        ),
    ]
    if not data.request.anonymise_employers and data.employer_replies:
        tables.append(_replies_by_employer(data, named))
    return tuple(tables)


def _replies_by_employer(data: ReportData, named: frozenset[str]) -> Table:
    from tillitsvalgt.reports.ptable import FLOOR, published

    floor = max(data.request.min_cell, FLOOR)
    width = len(REPLY_CLASSES)
    ranked = sorted(
        data.employer_replies.items(), key=lambda item: (-sum(item[1][0]), item[0].casefold())
    )
    rows: list[Row] = []
    rest_counts, rest_keys = [0] * width, [0] * width
    for name, (counts, keys) in ranked:
        if (
            name in named
            and len(rows) < EMPLOYER_ROWS
            and published(sum(counts), sum(keys)) >= floor
        ):
            rows.append(Row(name, counts, name, keys))
        else:
            rest_counts = [a + b for a, b in zip(rest_counts, counts, strict=True)]
            rest_keys = [a + b for a, b in zip(rest_keys, keys, strict=True)]
    # «Øvrige» always: shown only when the rest had cases, it would say "at least one".
    rows.append(Row(OTHER_EMPLOYERS, tuple(rest_counts), OTHER_EMPLOYERS, tuple(rest_keys)))
    return Table(
        REPLIES_BY_EMPLOYER,
        "Svar på krav med svarfrist per virksomhet",
        "Virksomhet",
        REPLY_COLUMNS,
        tuple(rows),
        "Bare virksomheter som er navngitt i tabellen «Saker per virksomhet», og som har "
        f"minst {floor} saker med svarfrist etter støy; resten er samlet på én linje. "
        + REPLY_NOTE,
        shares="row",
        chart=False,
    )


def checklist_table(data: ReportData) -> Table | None:
    """The home-office checklist: per point, the home-office cases where it is met, not
    met, or not known; first the row for every point of the regulation at once."""
    from tillitsvalgt.rules.checklist import checklist_items

    found = data.checklist
    if not any(n for n, _keys in found.values()):
        return None
    states = ("met", "not_met", "unknown")
    rows = [
        Row(
            label,
            tuple(found.get((code, state), (0, 0))[0] for state in states),
            code,
            tuple(found.get((code, state), (0, 0))[1] for state in states),
        )
        for code, label in [
            ("*", "Alle punktene i forskriften"),
            *((i.key, i.label) for i in checklist_items()),
        ]
    ]
    return Table(
        CHECKLIST,
        "Hjemmekontor: er punktene i sjekklisten oppfylt?",
        "Punkt",
        CHECKLIST_COLUMNS,
        tuple(rows),
        "Saker om hjemmekontor. Står det i saken at det ikke finnes skriftlige avtaler, "
        "regnes forskriftens punkter som ikke oppfylt, slik brevene gjør. «Ukjent»: punktet "
        "er ikke besvart. Hver sak er med i hver rad, så radene summeres ikke. Andel av "
        "sakene i raden.",
        shares="row",
        chart=False,
        sums_rows=False,
    )


def decisions_table(
    data: ReportData, split_cells: tuple[CubeCell, ...], split_periods: tuple[str, ...]
) -> Table:
    """Per period: the cases, the employer decisions behind them (a group case, one
    decision over several units, counted once, in the period of its first case) and the
    cases taken beyond the local level."""
    groups: dict[str, list[int]] = {}
    for period, key in data.groups:
        # The splits of a quarterly report are by year.
        where = period if period in split_periods else period.split("-K", 1)[0]
        entry = groups.setdefault(where, [0, 0])
        entry[0] += 1
        entry[1] += key
    rows = _by_period(
        split_cells,
        split_periods,
        lambda c: [
            _cases(c),
            (c.cases - c.grouped, c.key_sum - c.grouped_keys, c.cases - c.grouped),
            (c.escalated, c.escalated_keys, c.escalated),
        ],
    )
    rows = tuple(
        replace(
            row,
            counts=(
                row.counts[0],
                row.counts[1] + groups.get(row.code, [0, 0])[0],
                row.counts[2],
            ),
            keys=(row.keys[0], row.keys[1] + groups.get(row.code, [0, 0])[1], row.keys[2]),
            known=(),
        )
        for row in rows
    )
    return Table(
        DECISIONS,
        "Beslutninger og saker løftet videre",
        "Periode",
        (CASES, "Beslutninger", "Løftet videre"),
        rows,
        "«Beslutninger»: arbeidsgiverbeslutninger bak sakene. En beslutning som gjelder "
        "flere enheter (en gruppesak), telles én gang. «Løftet videre»: saker som gikk "
        "videre etter brudd lokalt, til sentrale parter, Arbeidsretten eller etter "
        "tjenestetvistloven.",
        parts=False,
        chart=False,
    )


def escalation_table(data: ReportData) -> Table | None:
    """The cases by every stage they reached, and how that stage ended."""
    if not data.escalations:
        return None
    group_of = {code: group for group, _label, codes in ESCALATION_GROUPS for code in codes}
    sums: dict[tuple[str, str], list[int]] = {}
    for (stage, outcome), (n, keys) in data.escalations.items():
        entry = sums.setdefault((stage, group_of.get(outcome, "pending")), [0, 0])
        entry[0] += n
        entry[1] += keys
    stages = _categories(vocabulary.ESCALATION_STAGES, (s for s, _ in data.escalations))
    rows = tuple(
        Row(
            label,
            tuple(sums.get((code, g), [0, 0])[0] for g, _, _ in ESCALATION_GROUPS),
            code,
            tuple(sums.get((code, g), [0, 0])[1] for g, _, _ in ESCALATION_GROUPS),
        )
        for code, label in stages
    )
    return Table(
        ESCALATION,
        "Saker løftet videre: trinn og utfall",
        "Trinn",
        tuple(label for _, label, _ in ESCALATION_GROUPS),
        rows,
        "«Enighet» tar med delvis enighet og forlik, «Uenighet» også «ikke medhold», "
        "«Trukket» også saker som ikke ble ført videre. En sak som gikk gjennom flere "
        "trinn, er med i hvert av dem, så radene summeres ikke. Andel av sakene i raden.",
        shares="row",
        chart=False,
        sums_rows=False,
    )


# --------------------------------------------------------------------------- summary


def _number(n: int) -> str:
    """Norwegian thousands: a no-break space between groups (3 100, 12 400)."""
    return f"{n:,}".replace(",", "\u00a0")


def about(n: int) -> str:
    """A rounded number for prose («om lag 3 100»): exact under 100, then two
    significant figures, so the sentence does not pretend to more precision than the
    members' counts have."""
    if n < 100:
        return _number(n)
    step = 10 ** (len(str(n)) - 2)
    return _number(int(n / step + 0.5) * step)


def percent(share: float) -> str:
    return f"{int(share + 0.5)}\u00a0%"


LATE_GROUPS = ("after_decision", "after_implementation", "information_only", "never")
"""The landsmøte's question: drøfting came too late, only information was given, or no
drøfting was held although the decision was taken."""


def late_cases(table: Table, min_cell: int) -> int | str:
    """The cases where drøfting came too late, only information was given, or nothing
    was held, published as one cell of its own (its own cases, its own key sum)."""
    from tillitsvalgt.reports.ptable import FLOOR, shown_count

    rows = [r for r in table.rows if r.code in LATE_GROUPS]
    return shown_count(
        sum(r.counts[0] for r in rows), sum(r.key(0) for r in rows), max(min_cell, FLOOR)
    )
