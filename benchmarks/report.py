"""Figures and how they are printed: one JSON object per line, or a readable table."""

from __future__ import annotations

import json
from dataclasses import dataclass


@dataclass
class Figure:
    """One measured figure and its raw-``sqlite3`` floor (``None`` when it has none)."""

    name: str
    value: float
    unit: str
    floor: float | None
    what: str = ""
    note: str = ""
    limit: float | None = None  # goal: value below this (same unit)
    max_ratio: float | None = None  # goal: value / floor at most this

    @property
    def ratio(self) -> float | None:
        if self.floor is None or self.floor <= 0:
            return None
        return self.value / self.floor

    def misses(self) -> list[str]:
        """The goals this figure misses, in words."""
        missed = []
        if self.limit is not None and self.value >= self.limit:
            missed.append(f"≥ {self.limit:g} {self.unit}")
        ratio = self.ratio
        if self.max_ratio is not None and ratio is not None and ratio > self.max_ratio:
            missed.append(f"> {self.max_ratio:g}× floor")
        return missed

    def has_goal(self) -> bool:
        return self.limit is not None or self.max_ratio is not None

    def as_json(self) -> str:
        ratio = self.ratio
        return json.dumps(
            {
                "name": self.name,
                "value": round(self.value, 3),
                "unit": self.unit,
                "floor": None if self.floor is None else round(self.floor, 3),
                "ratio": None if ratio is None else round(ratio, 2),
            },
            ensure_ascii=False,
        )


def _num(value: float | None, unit: str = "") -> str:
    if value is None:
        return "–"
    digits = 2 if value < 100 else 1 if value < 1000 else 0
    return f"{value:,.{digits}f}".replace(",", " ") + (f" {unit}" if unit else "")


def table(figures: list[Figure]) -> str:
    """The figures with their floors, ratios and the goal check."""
    header = f"{'figure':<24} {'what':<36} {'value':>11} {'floor':>11} {'ratio':>6}  goal"
    lines = [header, "-" * (len(header) + 24)]
    for fig in figures:
        if not fig.has_goal():
            verdict = ""
        elif fig.misses():
            verdict = "MISSED (" + ", ".join(fig.misses()) + ")"
        else:
            verdict = "ok"
        lines.append(
            f"{fig.name:<24} {fig.what[:36]:<36} {_num(fig.value, fig.unit):>11} "
            f"{_num(fig.floor, fig.unit):>11} {_num(fig.ratio):>6}  {verdict}"
        )
        if fig.note:
            lines.append(f"{'':<24}   {fig.note}")
    return "\n".join(lines)
