"""The report's charts drawn beside the rest of the report.

matplotlib draws in Python and holds the interpreter, so a thread cannot draw while the
tables are written; a forked child process can. Where ``fork`` is safe (Linux) and there is
a second core, the charts are drawn in order by a child started as soon as the tables are
known, while this process writes the spreadsheet and the Word file's tables; each picture
is taken from the child when the Word file reaches it. Anywhere else — or if the child
cannot be started or dies — every chart is drawn here, in order, as before. The pictures
are the same bytes either way (the same code draws them from the same specs).

At 100 000 cases the ten charts take about a second of the report's three
(benchmarks/README.md, «the landsmøte report»).
"""

from __future__ import annotations

import gc
import os
import sys
import warnings
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.process import BaseProcess

Spec = TypeVar("Spec")  # a chart's description (documents.ChartSpec): drawn by ``render``

INLINE_ENV = "TILLITSVALGT_CHARTS_INLINE"
"""Set (to anything) to draw every chart in this process (for comparing, and a way out)."""


def _draw_all(specs: Sequence[Spec], render: Callable[[Spec], bytes], out: Connection) -> None:
    # The child shares the parent's objects (database connections among them) until it
    # exits: no collector run may finalise one and close the parent's connection.
    gc.disable()
    try:
        for spec in specs:
            out.send_bytes(render(spec))
    except BaseException:  # the parent draws the rest itself when the pipe ends early
        pass
    finally:
        out.close()
        os._exit(0)


class Charts(Generic[Spec]):
    """The pictures of ``specs``, in order: ``png(k)`` is the k-th chart's PNG."""

    def __init__(self, specs: Sequence[Spec], render: Callable[[Spec], bytes]) -> None:
        self.specs = list(specs)
        self.render = render
        self._done: list[bytes] = []
        self._pipe: Connection | None = None
        self._child: BaseProcess | None = None
        if len(self.specs) >= 2 and _can_fork():
            self._start()

    @property
    def beside(self) -> bool:
        """Whether a child is drawing (for tests and the benchmark)."""
        return self._child is not None

    def _start(self) -> None:
        import multiprocessing

        context = multiprocessing.get_context("fork")
        reader, writer = context.Pipe(duplex=False)
        child = context.Process(
            target=_draw_all, args=(self.specs, self.render, writer), daemon=True
        )
        try:
            with warnings.catch_warnings():
                # Python 3.12+ warns about fork in a process with threads (the window's);
                # the child only draws and leaves with os._exit, touching no lock of theirs.
                warnings.simplefilter("ignore", DeprecationWarning)
                child.start()
        except OSError:  # no process to be had: drawn here
            reader.close()
            writer.close()
            return
        writer.close()
        self._pipe, self._child = reader, child

    def png(self, k: int) -> bytes:
        while len(self._done) <= k:
            self._done.append(self._next())
        return self._done[k]

    def _next(self) -> bytes:
        k = len(self._done)
        if self._pipe is not None:
            try:
                return self._pipe.recv_bytes()
            except (EOFError, OSError):  # the child ended early: the rest drawn here
                self.close()
        return self.render(self.specs[k])

    def close(self) -> None:
        if self._pipe is not None:
            self._pipe.close()
            self._pipe = None
        if self._child is not None:
            self._child.join(timeout=5)
            if self._child.is_alive():
                self._child.kill()
                self._child.join()
            self._child.close()
            self._child = None

    def __enter__(self) -> Charts[Spec]:
        return self

    def __exit__(self, *_exc: Any) -> None:
        self.close()


def _can_fork() -> bool:
    if os.environ.get(INLINE_ENV) or not sys.platform.startswith("linux"):
        return False
    return (os.cpu_count() or 1) >= 2
