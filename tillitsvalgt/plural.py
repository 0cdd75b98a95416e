"""Norwegian counts: «1 sak», «2 saker», «0,5 dager». Singular only for exactly one; a
fraction takes the plural (as in «0,5 dager»). Numbers over 999 get a space (1 274)."""

from __future__ import annotations


def number_text(n: float) -> str:
    """«1 274», «0,5», «2»: Norwegian digit grouping and decimal comma."""
    if float(n).is_integer():
        return f"{int(n):,}".replace(",", " ")
    return f"{n:g}".replace(".", ",")


def count(n: float, one: str, many: str) -> str:
    """``count(1, "sak", "saker")`` -> «1 sak»; ``count(3, …)`` -> «3 saker»."""
    return f"{number_text(n)} {one if n == 1 else many}"
