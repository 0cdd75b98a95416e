"""Several files imported one after the other (the union office's folder of the files its
representatives sent), each all or nothing on its own: a file that cannot be imported is
named with the reason, and the others are imported.

The next file is read and checked in a thread of its own while one is written. Checking a
1 000-case bundle is Python's work (≈ 0.1 s); writing it is mostly the database's, and
while this process waits for the server the thread has the interpreter. The check starts
once the file being written has sent its last cases, while the server writes them and
their history: started with the file, it took turns with the writer's own Python instead
(benchmarks/README.md, «National scale», sessions 14 and 16).
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date

from sqlmodel import Session

from tillitsvalgt import collector
from tillitsvalgt.errors import CancelledError, UserError
from tillitsvalgt.plural import count, number_text
from tillitsvalgt.services.transfer import BundleItem, ImportReport, Progress, import_items


@dataclass(frozen=True)
class Prepared:
    """A file read and checked, not yet written."""

    items: list[BundleItem]
    unused_columns: tuple[str, ...] = ()  # a spreadsheet's columns no field was taken from


@dataclass(frozen=True)
class Source:
    """A file to import: its name in messages, and how to read and check it (run in the
    reading thread: no database)."""

    name: str
    load: Callable[[], Prepared]


@dataclass
class FileOutcome:
    source: str
    report: ImportReport | None = None
    problem: str | None = None  # why nothing of this file was imported


@dataclass
class FilesImport:
    outcomes: list[FileOutcome] = field(default_factory=list)

    @property
    def failed(self) -> list[FileOutcome]:
        return [o for o in self.outcomes if o.report is None]

    def summary(self) -> str:
        """What a person reads after the import: the files imported and their cases in all,
        each file that was not with its reason, and each imported file's own counts when
        there are few enough to read (an office importing a hundred files reads the total)."""
        imported = [o for o in self.outcomes if o.report is not None]
        total = ImportReport()
        for outcome in imported:
            assert outcome.report is not None
            _add(total, outcome.report)
        lines = [
            f"{number_text(len(imported))} av {count(len(self.outcomes), 'fil', 'filer')} "
            "importert" + (f": {total.summary()}" if imported else ".")
        ]
        for outcome in self.failed[:_LISTED]:
            lines.append(f"{outcome.source}: IKKE importert. {outcome.problem}")
        if len(self.failed) > _LISTED:
            more = count(len(self.failed) - _LISTED, "fil", "filer")
            lines.append(f"… og {more} til som ikke ble importert.")
        if len(imported) <= _LISTED:
            lines += [f"{o.source}: {o.report.summary()}" for o in imported if o.report]
        return "\n\n".join(lines)


_LISTED = 10  # files named one by one in the summary


def _add(total: ImportReport, report: ImportReport) -> None:
    total.created += report.created
    total.updated += report.updated
    total.unchanged += report.unchanged
    total.kept += report.kept
    total.events_added += report.events_added
    total.events_updated += report.events_updated
    total.employers_created += report.employers_created
    total.escalations_changed += report.escalations_changed
    total.groups_created += report.groups_created
    for name, value in vars(report.evidence).items():
        setattr(total.evidence, name, getattr(total.evidence, name) + value)


UnitOfWork = Callable[[], contextlib.AbstractContextManager[Session]]


def write_prepared(
    prepared: Prepared,
    *,
    unit: UnitOfWork,
    today: date,
    progress: Progress | None = None,
    written: Callable[[], None] | None = None,
) -> ImportReport:
    """One file read and checked already, written in its own unit of work (committed as it
    ends) with Python's collector held off; a spreadsheet's unused columns in the report.
    ``written``: as ``transfer.import_items``."""
    with collector.paused(), unit() as session:
        report = import_items(
            prepared.items, session=session, today=today, progress=progress, written=written
        )
    report.unused_columns = list(prepared.unused_columns)
    return report


# The progress of several files is one bar: each file a thousand steps.
_STEPS = 1000
_CANCELLED_BEFORE = "Ikke importert: importen ble avbrutt før denne filen."


def import_sources(
    sources: Sequence[Source],
    *,
    unit: UnitOfWork,
    today: date,
    progress: Progress | None = None,
) -> FilesImport:
    """Import ``sources`` in order, each in its own unit of work (``unit()``, committed as
    it ends), the next one read and checked meanwhile. A file that fails with a message for
    the user (unreadable, not a bundle, refused by a check or by the database) is listed
    with it, and the next file is imported. ``progress`` may cancel: the file being
    written is undone, the ones before it stay imported, and the rest are not started.
    Anything else (a fault in the program) is raised, after the files before it."""
    result = FilesImport()
    if not sources:
        return result
    cancelled = False
    total = len(sources) * _STEPS

    def within(index: int) -> Progress | None:
        if progress is None:
            return None
        reported = progress

        def step(done: int, cases: int) -> bool:
            return reported(index * _STEPS + done * _STEPS // max(cases, 1), total)

        return step

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="tillitsvalgt-import") as reader:
        ahead: dict[int, Future[Prepared]] = {}

        def read(index: int) -> None:
            """Start reading and checking file ``index`` (once). The file after the one being
            written is started when that one's cases are all sent: the check is Python, and
            until then it would take turns with the writer's own Python, not with the
            server's work (benchmarks/README.md, «National scale»)."""
            if index < len(sources) and index not in ahead:
                ahead[index] = reader.submit(sources[index].load)

        for index, source in enumerate(sources):
            read(index)  # begun already, unless the file before failed before it was sent
            current = ahead.pop(index)
            if progress is not None and not progress(index * _STEPS, total):
                result.outcomes += [
                    FileOutcome(s.name, problem=_CANCELLED_BEFORE) for s in sources[index:]
                ]
                cancelled = True
                break
            try:
                report = write_prepared(
                    current.result(),
                    unit=unit,
                    today=today,
                    progress=within(index),
                    written=functools.partial(read, index + 1),
                )
            except CancelledError as exc:
                result.outcomes.append(FileOutcome(source.name, problem=exc.message))
                result.outcomes += [
                    FileOutcome(s.name, problem=_CANCELLED_BEFORE) for s in sources[index + 1 :]
                ]
                cancelled = True
                break
            except UserError as exc:
                result.outcomes.append(FileOutcome(source.name, problem=exc.message))
                continue
            result.outcomes.append(FileOutcome(source.name, report))
        for future in ahead.values():
            future.cancel()
    if progress is not None and not cancelled:
        progress(total, total)
    return result
