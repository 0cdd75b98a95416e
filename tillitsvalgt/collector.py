"""Python's cyclic garbage collector held off while a large unit of work runs.

Importing a 1 000-case bundle makes some hundred thousand short-lived containers (the
checked items, the rows, the history lines): the collector ran ≈ 120 times a bundle and
walked them for ≈ 0.09 s of its ≈ 1 s (benchmarks/README.md, «National scale»). Nearly
all of it is freed by reference counting when the unit ends; what is left in cycles is
collected when the collector runs again afterwards."""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

_lock = threading.Lock()
_holders = 0  # units running with the collector held off (an import in the window's
# background and one from a test may overlap)
_was_enabled = False


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """The collector off inside the block, and as it was before once the last block
    running ends."""
    global _holders, _was_enabled
    with _lock:
        if _holders == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _holders += 1
    try:
        yield
    finally:
        with _lock:
            _holders -= 1
            if _holders == 0 and _was_enabled:
                gc.enable()
