"""The report's charts drawn beside the rest of the report.

matplotlib draws in Python and holds the interpreter, so a thread cannot draw while the
tables are written; a forked child process can. Where ``fork`` is safe (Linux) and there is
a second core, a child started as soon as the tables are known draws the charts from the
first on, while this process writes the spreadsheet and the Word file's tables; whenever
this process needs a chart the child has not sent yet, it draws one itself **from the
last backwards** instead of waiting, until the two meet (each chart is claimed once, in a
shared table, by whichever gets to it first). Anywhere else — or if the child cannot be
started or dies — the charts not received are drawn here. The pictures are the same bytes
either way (the same code draws them from the same specs).

At 100 000 cases the ten charts take about a second of the report's three
(benchmarks/README.md, «the landsmøte report»); shared between the two processes, the
Word file waits for about half of that.
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
    from multiprocessing.synchronize import Lock

Spec = TypeVar("Spec")  # a chart's description (documents.ChartSpec): drawn by ``render``

INLINE_ENV = "TILLITSVALGT_CHARTS_INLINE"
"""Set (to anything) to draw every chart in this process (for comparing, and a way out)."""

_PIPE_BYTES = 1 << 20
"""The pipe holds this much (Linux's default is 64 KiB, about one chart): the child goes
on drawing while this process is busy drawing from the back, instead of waiting for it
to read."""


def _claim(claimed: Any, lock: Lock, k: int) -> bool:
    with lock:
        if claimed[k]:
            return False
        claimed[k] = 1
        return True


def _draw_all(
    specs: Sequence[Spec],
    render: Callable[[Spec], bytes],
    out: Connection,
    claimed: Any,
    lock: Lock,
) -> None:
    # The child shares the parent's objects (database connections among them) until it
    # exits: no collector run may finalise one and close the parent's connection.
    gc.disable()
    try:
        for k, spec in enumerate(specs):
            if not _claim(claimed, lock, k):
                break  # the parent has drawn this one, and every later one
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
        self._done: dict[int, bytes] = {}
        self._received = 0  # the child sends its charts in order: the next one's index
        self._back = len(self.specs) - 1  # the next chart this process may draw itself
        self._pipe: Connection | None = None
        self._child: BaseProcess | None = None
        self._claimed: Any = None
        self._lock: Lock | None = None
        if len(self.specs) >= 2 and _can_fork():
            self._start()

    @property
    def beside(self) -> bool:
        """Whether a child is drawing (for tests and the benchmark)."""
        return self._child is not None

    @property
    def drawn_here(self) -> int:
        """How many charts this process drew itself (for tests and the benchmark)."""
        return len(self._done) - self._received

    def _start(self) -> None:
        import multiprocessing

        context = multiprocessing.get_context("fork")
        reader, writer = context.Pipe(duplex=False)
        _widen(writer)
        self._claimed = context.RawArray("b", len(self.specs))
        self._lock = context.Lock()
        child = context.Process(
            target=_draw_all,
            args=(self.specs, self.render, writer, self._claimed, self._lock),
            daemon=True,
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
            self._claimed = self._lock = None
            return
        writer.close()
        self._pipe, self._child = reader, child

    def png(self, k: int) -> bytes:
        while k not in self._done:
            self._step(k)
        return self._done[k]

    def _step(self, k: int) -> None:
        """One move towards chart ``k``: take what the child has sent, else draw one from
        the back here, else wait for the child; with no child, draw ``k`` here."""
        if self._pipe is None:
            self._done[k] = self.render(self.specs[k])
            return
        try:
            if self._pipe.poll() or not self._draw_from_back():
                self._done[self._received] = self._pipe.recv_bytes()
                self._received += 1
        except (EOFError, OSError):  # the child ended early: the rest drawn here
            self.close()

    def _draw_from_back(self) -> bool:
        assert self._claimed is not None and self._lock is not None
        while self._back >= 0 and self._back in self._done:
            self._back -= 1
        if self._back < 0 or not _claim(self._claimed, self._lock, self._back):
            self._back = -1  # met the child: the rest is its
            return False
        self._done[self._back] = self.render(self.specs[self._back])
        return True

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


def _widen(writer: Connection) -> None:
    try:
        import fcntl

        fcntl.fcntl(writer.fileno(), fcntl.F_SETPIPE_SZ, _PIPE_BYTES)
    except (ImportError, AttributeError, OSError):  # not Linux, or not allowed: 64 KiB
        pass


def _can_fork() -> bool:
    if os.environ.get(INLINE_ENV) or not sys.platform.startswith("linux"):
        return False
    return (os.cpu_count() or 1) >= 2
