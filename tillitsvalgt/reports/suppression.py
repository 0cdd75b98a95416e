"""Small-cell suppression: what of a table may be shown without exposing anyone.

A cell is addressed in the table *with its margins*: ``(row, column)`` where row
``len(table.rows)`` is the total row and column ``len(table.columns)`` the total column.
Every row and column that has a total is an equation (the parts add up to the total);
suppression must leave each hidden cell undetermined by those equations.

Decisions:

- **Zeros are shown.** "No case of this kind" exposes no person, and hiding it would hide
  real findings («ingen arbeidsgiver drøftet i tide»). Primary suppression is therefore
  ``0 < count < min_cell``, margins included.
- **Secondary cells** are the smallest *non-zero* cells still shown in the line that needs
  one (interior before margins on a tie): a zero as partner protects little, since the
  hidden cells would then add up to the small number itself. A zero is taken only when
  nothing else helps (possible when other tables fix the margins).
- **The check is exact linear algebra**, not just "two per line": a hidden cell is
  recoverable when the row/column equations determine it, which also catches cells that
  can only be worked out by combining several equations. Bounds from non-negativity are
  not considered (the usual practice for frequency tables).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Final, Literal

from tillitsvalgt.reports.figures import (
    KEY_FIGURES,
    LETTERS,
    TIMING,
    TIMING_TREND,
    Figures,
    MedianTable,
    Table,
)

SUPPRESSED: Final = "–"
Suppressed = Literal["–"]
Shown = int | Suppressed
Cell = tuple[int, int]
Line = tuple[tuple[Cell, ...], Cell]  # the parts and the total they add up to


class SuppressionError(RuntimeError):
    """No suppression pattern could be found that protects every cell (only possible when
    linked tables fix margins). The report must not be made rather than leak."""


def footnote(min_cell: int) -> str:
    return (
        f"{SUPPRESSED} : færre enn {min_cell} saker, "
        "eller skjult så tallet ikke kan regnes ut fra summene"
    )


@dataclass(frozen=True, slots=True)
class SuppressedTable:
    """A table as it may be shown. ``primary`` and ``secondary`` say why each cell is
    hidden; they are for the prose («færre enn 3» is only true of primary cells) and the
    tests, and must never be printed."""

    table: Table
    min_cell: int
    hidden: frozenset[Cell]
    primary: frozenset[Cell]

    @property
    def secondary(self) -> frozenset[Cell]:
        return self.hidden - self.primary

    @property
    def footnote(self) -> str | None:
        return footnote(self.min_cell) if self.hidden else None

    def cell(self, row: int, column: int) -> Shown:
        if (row, column) in self.hidden:
            return SUPPRESSED
        return self.table.value(row, column)

    @property
    def rows(self) -> tuple[tuple[Shown, ...], ...]:
        n_cols = len(self.table.columns)
        return tuple(
            tuple(self.cell(i, j) for j in range(n_cols)) for i in range(len(self.table.rows))
        )

    @property
    def total_row(self) -> tuple[Shown, ...] | None:
        if not self.table.has_total_row:
            return None
        n_rows = len(self.table.rows)
        return tuple(self.cell(n_rows, j) for j in range(len(self.table.columns)))

    @property
    def total_column(self) -> tuple[Shown, ...] | None:
        if not self.table.has_total_column:
            return None
        n_cols = len(self.table.columns)
        return tuple(self.cell(i, n_cols) for i in range(len(self.table.rows)))

    @property
    def grand_total(self) -> Shown | None:
        if self.table.grand_total is None:
            return None
        return self.cell(len(self.table.rows), len(self.table.columns))

    def share(self, row: int, column: int) -> float | Suppressed | None:
        """The share of a cell, hidden when the cell or what it is divided by is hidden
        (a share and its shown denominator give the count back)."""
        where = self.table.share_denominator(row)
        if where is None:
            return None
        if (row, column) in self.hidden or where in self.hidden:
            return SUPPRESSED
        return self.table.share(row, column)

    def overall_cell(self, column: int) -> Cell:
        """Where "all periods / all rows" of a column is: the total row, or the only row."""
        return (len(self.table.rows) if self.table.has_total_row else 0, column)


# ------------------------------------------------------------------------ the equations


def cells_of(table: Table) -> list[Cell]:
    """Every cell of the table with its margins."""
    n_rows, n_cols = len(table.rows), len(table.columns)
    rows = range(n_rows + (1 if table.has_total_row else 0))
    cols = range(n_cols + (1 if table.has_total_column else 0))
    return [(i, j) for i in rows for j in cols]


def lines_of(table: Table) -> list[Line]:
    """The equations: every row and column that has a total, margins included."""
    n_rows, n_cols = len(table.rows), len(table.columns)
    lines: list[Line] = []
    all_rows = range(n_rows + (1 if table.has_total_row else 0))
    all_cols = range(n_cols + (1 if table.has_total_column else 0))
    if table.has_total_column:
        for i in all_rows:
            lines.append((tuple((i, j) for j in range(n_cols)), (i, n_cols)))
    if table.has_total_row:
        for j in all_cols:
            lines.append((tuple((i, j) for i in range(n_rows)), (n_rows, j)))
    return lines


def determined(lines: Iterable[Line], hidden: Iterable[Cell]) -> list[Cell]:
    """The hidden cells the equations pin down, whatever the hidden values are.

    Unknowns are the hidden cells; each line gives parts − total = (known numbers). A
    cell is determined exactly when, in reduced row echelon form, some equation has it as
    its only unknown (the equation-by-equation substitution of a person with a
    calculator is a special case of this)."""
    unknowns = sorted(set(hidden))
    index = {cell: k for k, cell in enumerate(unknowns)}
    matrix: list[list[Fraction]] = []
    for parts, total in lines:
        row = [Fraction(0)] * len(unknowns)
        for cell in parts:
            if cell in index:
                row[index[cell]] += 1
        if total in index:
            row[index[total]] -= 1
        if any(row):
            matrix.append(row)
    # Gauss–Jordan elimination with exact fractions (tables are small).
    pivot_row = 0
    for col in range(len(unknowns)):
        found = next((r for r in range(pivot_row, len(matrix)) if matrix[r][col]), None)
        if found is None:
            continue
        matrix[pivot_row], matrix[found] = matrix[found], matrix[pivot_row]
        lead = matrix[pivot_row][col]
        matrix[pivot_row] = [v / lead for v in matrix[pivot_row]]
        for r in range(len(matrix)):
            if r != pivot_row and matrix[r][col]:
                factor = matrix[r][col]
                matrix[r] = [
                    a - factor * b for a, b in zip(matrix[r], matrix[pivot_row], strict=True)
                ]
        pivot_row += 1
    out: list[Cell] = []
    for row in matrix[:pivot_row]:
        nonzero = [k for k, v in enumerate(row) if v]
        if len(nonzero) == 1:
            out.append(unknowns[nonzero[0]])
    return sorted(out)


def describe(table: Table, cell: Cell) -> str:
    i, j = cell
    row = table.rows[i].label if i < len(table.rows) else "I alt"
    column = table.columns[j] if j < len(table.columns) else "I alt"
    return f"{table.key}: rad «{row}», kolonne «{column}»"


def recoverable(shown: SuppressedTable) -> list[str]:
    """The hidden cells someone could work out from what is shown, by the table's row and
    column equations (margins included). Looks only at *which* cells show "–", never at
    the hidden values: an empty list means the table is safe."""
    table = shown.table
    hidden = [cell for cell in cells_of(table) if shown.cell(*cell) == SUPPRESSED]
    return [describe(table, cell) for cell in determined(lines_of(table), hidden)]


# ------------------------------------------------------------------------- suppression


def suppress(
    table: Table, min_cell: int, locked: Mapping[Cell, bool] | None = None
) -> SuppressedTable:
    """Hide every cell under ``min_cell`` (zeros shown) and enough others that none of
    them can be worked out from the totals.

    ``locked`` fixes cells as hidden (True) or shown (False) because another table shows
    the same number (the cases per period appear in several tables): hiding it here but
    showing it there would undo the protection.

    Derived columns (members, letters: they rest on the cases of another column) are not
    judged on their own numbers; they are hidden exactly where their cases are."""
    locked = dict(locked or {})
    n_cols = len(table.columns)
    count_cols = {j for j in range(n_cols) if table.column_basis(j) == j}
    if table.has_total_column:
        count_cols.add(n_cols)
    cells = [c for c in cells_of(table) if c[1] in count_cols]
    lines = [(parts, total) for parts, total in lines_of(table) if total[1] in count_cols]
    value = {cell: table.value(*cell) for cell in cells}

    primary = {c for c in cells if 0 < value[c] < min_cell and locked.get(c, True)}
    hidden = primary | {c for c, hide in locked.items() if hide and c in value}

    def cost(cell: Cell) -> tuple[bool, int, bool, int, int]:
        is_margin = cell[0] == len(table.rows) or cell[1] == n_cols
        return (value[cell] == 0, value[cell], is_margin, *cell)

    def free(candidates: Iterable[Cell]) -> list[Cell]:
        return sorted((c for c in candidates if c not in hidden and c not in locked), key=cost)

    while True:
        # Secondary, round after round: a line with exactly one hidden cell gives it away
        # by subtraction, so it gets its smallest partner; a partner may open another
        # line, hence the loop to a fixed point.
        changed = False
        for parts, total in lines:
            line = (*parts, total)
            if sum(c in hidden for c in line) == 1:
                options = free(line)
                if not options:
                    raise SuppressionError(f"{table.key}: no cell left to protect {line}")
                hidden.add(options[0])
                changed = True
        if changed:
            continue
        # Every line now has none or two or more hidden cells, but equations can still be
        # combined (two blocks of hidden cells joined by one cell). Hide the cheapest cell
        # that leaves the exposed one undetermined, then go round again.
        exposed = determined(lines, hidden)
        if not exposed:
            break
        target = exposed[0]
        for option in free(cells):
            if target not in determined(lines, hidden | {option}):
                hidden.add(option)
                break
        else:
            raise SuppressionError(f"{table.key}: {describe(table, target)} cannot be hidden")

    for j in range(n_cols):
        basis = table.column_basis(j)
        if basis != j:
            hidden |= {(i, j) for (i, b) in list(hidden) if b == basis}
    return SuppressedTable(table, min_cell, frozenset(hidden), frozenset(primary))


def shown_medians(
    table: MedianTable, min_cell: int
) -> tuple[tuple[float | Suppressed | None, ...], float | Suppressed | None]:
    """The medians per period and overall as they may be shown: a median resting on
    fewer than ``min_cell`` cases is hidden (with two cases it is their average, with one
    the case itself). A median is not a sum, so no other median gives it away."""

    def one(median: float | None, cases: int) -> float | Suppressed | None:
        if median is None:
            return None
        return median if cases >= min_cell else SUPPRESSED

    per_period = tuple(
        one(m, row.counts[0]) for m, row in zip(table.medians, table.counts.rows, strict=True)
    )
    return per_period, one(table.overall, table.overall_cases)


def suppress_figures(figures: Figures) -> dict[str, SuppressedTable]:
    """Suppress every table of the report together, so a number shown in one table never
    uncovers the same number hidden in another.

    The cases per period (and in all) are one spine shared by the key figures, the
    protocol, verneombud, letters and trend tables, and the grand total is the total of
    every one-dimensional table; they are decided once, in the key figures, and locked
    elsewhere. The timing table is the trend's total row, so it copies the trend's
    pattern."""
    n = figures.request.min_cell
    tables = {t.key: t for t in figures.tables}
    out: dict[str, SuppressedTable] = {}
    key = suppress(tables[KEY_FIGURES], n)
    out[KEY_FIGURES] = key
    period_hidden = [(i, 0) in key.hidden for i in range(len(key.table.rows))]
    all_hidden = key.overall_cell(0) in key.hidden

    def spine(table: Table, column: int) -> dict[Cell, bool]:
        # The column that holds the cases per period, and its total.
        locks = {(i, column): period_hidden[i] for i in range(len(table.rows))}
        if table.has_total_row:
            locks[(len(table.rows), column)] = all_hidden
        return locks

    for t in figures.tables:
        if t.key in (KEY_FIGURES, TIMING):
            continue
        if t.key == LETTERS:
            out[t.key] = suppress(t, n, spine(t, 0))
        elif t.rows and [r.code for r in t.rows] == [r.code for r in key.table.rows]:
            out[t.key] = suppress(t, n, spine(t, len(t.columns)) if t.has_total_column else {})
        else:
            # The report's total is the grand total of a two-dimensional table (not the
            # total of its first column, which is a cell like any other).
            overall = (
                len(t.rows) if t.has_total_row else 0,
                len(t.columns) if t.has_total_column else 0,
            )
            out[t.key] = suppress(t, n, {overall: all_hidden})

    trend = out[TIMING_TREND]
    timing = tables[TIMING]
    over = trend.overall_cell(0)[0]
    locks = {(i, 0): (over, i) in trend.hidden for i in range(len(timing.rows))}
    locks[(len(timing.rows), 0)] = all_hidden
    out[TIMING] = suppress(timing, n, locks)
    return out
