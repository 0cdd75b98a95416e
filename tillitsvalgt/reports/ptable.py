"""The cell-key method's fixed perturbation table (the *ptable*) and key arithmetic; the
method and the choice of table are explained in ``cellkey.py`` and docs/rapport-metode.md.
Pure: no figures, no database."""

from __future__ import annotations

from typing import Final, Literal

from tillitsvalgt.validation import CELL_KEY_RANGE

KEY_RANGE: Final = CELL_KEY_RANGE
FLOOR: Final = 3
"""The smallest ``min_cell`` the report accepts."""

MEDIAN_MIN_CASES: Final = 10
"""A median is shown only when the (published) number of cases under it is at least this:
a median of few values is nearly one of them."""

SUPPRESSED: Final = "–"
UNKNOWN_TEXT: Final = "ukjent"
Suppressed = Literal["–"]
Shown = int | str  # a published number, "–" (under the floor) or "ukjent"
Cell = tuple[int, int]

# Noise for n >= 3, as (perturbation, number of the 256 key positions).
_WIDE: Final = ((-2, 16), (-1, 48), (0, 128), (1, 48), (2, 16))


def ptable_row(n: int) -> tuple[int, ...]:
    """The perturbation for each of the 256 cell keys, for a true count ``n``."""
    if n <= 0:
        return (0,) * KEY_RANGE
    out: list[int] = []
    for d, width in _WIDE:
        out.extend([d if n + d >= 1 else 0] * width)
    assert len(out) == KEY_RANGE
    return tuple(out)


_PTABLE: Final = {n: ptable_row(n) for n in range(4)}


def perturbation(n: int, key_sum: int) -> int:
    return _PTABLE[min(n, 3)][key_sum % KEY_RANGE]


def published(n: int, key_sum: int) -> int:
    """The count as published (before the floor is applied)."""
    return n + perturbation(n, key_sum)


def support(n: int) -> frozenset[int]:
    """Every value a true count ``n`` can be published as (whatever its cell key)."""
    return frozenset(n + d for d in ptable_row(n))


def shown_count(n: int, key_sum: int, min_cell: int) -> int | Suppressed:
    """The count as printed: «–» for everything under the floor, zero included. A zero
    printed as 0 would make every «–» mean "at least one case", and a «–» total over
    «–» parts could then be worked out (four «–» parts under a «–» total are one case
    each)."""
    value = published(n, key_sum)
    return SUPPRESSED if value < min_cell else value


def shown_magnitude(total: int, key_sum: int) -> int:
    """A sum such as members affected: ±10 % by the cell key, rounded to tens."""
    # A second, independent-looking position in the key range for the factor.
    position = (key_sum * 167 + 89) % KEY_RANGE
    factor = 0.9 + 0.2 * position / (KEY_RANGE - 1)
    return round(total * factor / 10.0) * 10
