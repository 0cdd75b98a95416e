"""The report's disclosure control: the cell-key method (ABS TableBuilder; UK Office for
National Statistics, Census 2021).

Every case carries a permanent random key, 0–255 (``tables.Case.cell_key``, drawn once).
A published count of ``n`` cases whose keys add up to ``s`` is ``n + d``, where ``d`` is
looked up in a fixed perturbation table (the *ptable*) at row ``n`` and column
``s mod 256`` (the *cell key*). So:

- the same cases always give the same published number, in this report and in every
  earlier or later one (the key is permanent): asking again, or for an overlapping period,
  averages nothing away;
- two reports that differ by one case differ by ``1 + d' − d``, noise, not the case;
- a true zero is published as 0 (row 0 of the ptable is all 0) and no count of one case
  or more is published as 0;
- every published value under the floor (``min_cell``, at least 3), zero included, is
  printed as «–»: a «–» may hide 0 to floor + 1 cases, a shown 3 may be a true 1. Zeros
  printed as 0 made every «–» mean "at least one", and the attack suite then pinned small
  counts of a single report: a «–» total over several «–» parts left one value for each.
  For the same reason a table's rows never depend on the data (every category is a row);
- totals and margins are cells of their own, perturbed from *their* cases' keys, so a
  table need not add up (the report says so), and subtracting shown cells from a shown
  total gives noise, not a hidden cell.

The ptable (``ptable_row``): for ``n ≥ 3`` the noise is −2, −1, 0, +1, +2 with
probabilities 1/16, 3/16, 1/2, 3/16, 1/16 (variance 0.875, mean 0): half the counts are
exact, almost all are within one, and the largest change is 2, small next to the counts
a landsmøte reads. For ``n = 1`` and ``n = 2`` the draws that would go to 0 or below
are moved to "no change", so a nonzero count never becomes zero. The width (±2) is the
least that keeps every true 1 and 2 among several possible values for every published
number (a published «–» can be 1–4, a published 3 can be 1–5): with ±1 a shown 3 could
only be 2–4 and, together with a total, pin a neighbouring 1 more often. ONS used a
maximum of 2 as well in its Census 2021 tables for the same reason.

Magnitudes (members affected) are not counts: they are multiplied by a factor between
0.9 and 1.1 taken from the same cell key and rounded to tens, and shown only where the
number of cases is shown.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from tillitsvalgt.reports.figures import (
    KEY_FIGURES,
    Figures,
    MedianTable,
    Table,
)
from tillitsvalgt.reports.ptable import (
    FLOOR,
    KEY_RANGE,
    MEDIAN_MIN_CASES,
    SUPPRESSED,
    UNKNOWN_TEXT,
    Cell,
    Shown,
    Suppressed,
    perturbation,
    ptable_row,
    published,
    shown_count,
    shown_magnitude,
    support,
)


def footnote(min_cell: int) -> str:
    return (
        f"{SUPPRESSED} : under {min_cell} etter at tilfeldig støy er lagt til "
        "(se «Om tallene»). Alle tall har litt støy, så summene stemmer ikke alltid."
    )


@dataclass(frozen=True, slots=True)
class ProtectedTable:
    """A table as it is published: every count perturbed by its cell key, every value
    under the floor «–». ``hidden`` is where a «–» stands (for charts and prose)."""

    table: Table
    min_cell: int
    values: Mapping[Cell, Shown]

    @property
    def hidden(self) -> frozenset[Cell]:
        return frozenset(c for c, v in self.values.items() if v == SUPPRESSED)

    @property
    def primary(self) -> frozenset[Cell]:
        return self.hidden

    @property
    def footnote(self) -> str | None:
        return footnote(self.min_cell) if self.hidden else None

    def cell(self, row: int, column: int) -> Shown:
        return self.values[(row, column)]

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
        """The share of a cell from the *published* numbers, hidden when either is."""
        where = self.table.share_denominator(row)
        if where is None:
            return None
        value, denominator = self.values.get((row, column)), self.values.get(where)
        if not isinstance(value, int) or not isinstance(denominator, int):
            return SUPPRESSED
        if denominator == 0:
            return None
        return 100.0 * value / denominator

    def overall_cell(self, column: int) -> Cell:
        return (len(self.table.rows) if self.table.has_total_row else 0, column)


def all_cells(table: Table) -> list[Cell]:
    n_rows, n_cols = len(table.rows), len(table.columns)
    rows = range(n_rows + (1 if table.has_total_row else 0))
    cols = range(n_cols + (1 if table.has_total_column else 0))
    return [(i, j) for i in rows for j in cols]


def protect(table: Table, min_cell: int) -> ProtectedTable:
    values: dict[Cell, Shown] = {}
    for i, j in all_cells(table):
        basis = table.column_basis(j) if j < len(table.columns) else j
        cases = table.value(i, basis)
        keys = table.key_value(i, basis)
        count = shown_count(cases, keys, min_cell)
        if basis == j:
            values[(i, j)] = count
        elif count == SUPPRESSED:
            values[(i, j)] = SUPPRESSED  # a magnitude of too few cases
        elif cases and not table.known_value(i, j):
            values[(i, j)] = UNKNOWN_TEXT  # no case has the number: not 0
        else:
            values[(i, j)] = shown_magnitude(table.value(i, j), keys)
    return ProtectedTable(table, min_cell, values)


def shown_medians(
    table: MedianTable, min_cell: int
) -> tuple[tuple[float | Suppressed | None, ...], float | Suppressed | None]:
    """Medians rounded to whole days, shown only over at least ``MEDIAN_MIN_CASES``
    cases as published (the count is perturbed, so a report one case apart cannot tell
    from the threshold alone whether the case had both dates)."""
    counts = table.counts
    enough = max(min_cell, MEDIAN_MIN_CASES)

    def one(median: float | None, cases: int, keys: int) -> float | Suppressed | None:
        if median is None:
            return None
        if published(cases, keys) < enough:
            return SUPPRESSED
        return float(round(median))

    per_period = tuple(
        one(m, row.counts[0], row.key(0)) for m, row in zip(table.medians, counts.rows, strict=True)
    )
    overall_keys = sum(row.key(0) for row in counts.rows)
    return per_period, one(table.overall, table.overall_cases, overall_keys)


def protect_figures(figures: Figures) -> dict[str, ProtectedTable]:
    """Every table of the report, published. No table needs to know another: the same
    cases give the same number wherever they appear."""
    n = max(figures.request.min_cell, FLOOR)
    return {t.key: protect(t, n) for t in figures.tables}


__all__ = [
    "FLOOR",
    "KEY_FIGURES",
    "KEY_RANGE",
    "SUPPRESSED",
    "UNKNOWN_TEXT",
    "ProtectedTable",
    "Shown",
    "footnote",
    "perturbation",
    "protect",
    "protect_figures",
    "ptable_row",
    "published",
    "shown_count",
    "shown_medians",
    "support",
]
