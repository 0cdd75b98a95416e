"""Timing helpers: medians of repeated runs after a warm-up."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def paired_median_seconds(
    a: Callable[[], object], b: Callable[[], object], *, repeat: int, warmup: int = 2
) -> tuple[float, float]:
    """Medians of ``a`` and ``b`` measured interleaved, so both see the same machine noise
    (these machines are shared and noisy). The order alternates so that neither always runs
    on caches the other just warmed."""
    for _ in range(warmup):
        a()
        b()
    times_a: list[float] = []
    times_b: list[float] = []
    for i in range(repeat):
        pairs = [(a, times_a), (b, times_b)]
        if i % 2:
            pairs.reverse()
        for work, times in pairs:
            start = time.perf_counter()
            work()
            times.append(time.perf_counter() - start)
    return statistics.median(times_a), statistics.median(times_b)


def seconds_each(
    works: dict[str, Callable[[], object]],
    *,
    repeat: int,
    warmup: int = 2,
    pick: Callable[[list[float]], float] = statistics.median,
) -> dict[str, float]:
    """Several pieces of work timed in rounds (each once per round), so a burst of machine
    noise hits all of them rather than one; ``pick`` reduces each one's times (median by
    default; ``min`` when the figures are to be subtracted from each other, because noise
    only ever adds time and the difference of two noisy medians can come out negative)."""
    for _ in range(warmup):
        for work in works.values():
            work()
    times: dict[str, list[float]] = {name: [] for name in works}
    for _ in range(repeat):
        for name, work in works.items():
            start = time.perf_counter()
            work()
            times[name].append(time.perf_counter() - start)
    return {name: pick(t) for name, t in times.items()}
