"""Several files imported at once (``services/bundle_files.py``, ``Workspace.import_files``,
``tillitsvalgt import A B C``, the window's «Importer saker» with several files chosen):
each file all or nothing on its own, a bad one named with its reason while the others are
imported, the next file read while one is written, a cancel that keeps the files before it
and starts none after, and a fault in the program raised rather than reported as a file's
problem. On SQLite and PostgreSQL."""

from __future__ import annotations

import contextlib
import gc
import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from pytestqt.qtbot import QtBot

from benchmarks import national
from tillitsvalgt import collector
from tillitsvalgt.db import Database
from tillitsvalgt.services.bundle_files import Prepared, Source, import_sources
from tillitsvalgt.services.transfer import parse_bundle, read_bundle
from tillitsvalgt.workspace import Workspace
from ui.prompts import ScriptedPrompter

from conftest import TODAY
from helpers.data import run_cli
from helpers.gui import make_window

_SIZE = 4
_BUNDLES = [list(b) for b in national.bundles(8, base=8000, size=_SIZE)]


def _bundle(size: int, index: int) -> list[dict[str, Any]]:
    """The ``index``th of eight generated bundles (cases of their own), ``size`` of its
    cases (a live case or two may be left out by the generator)."""
    return json.loads(json.dumps(_BUNDLES[index][:size]))


def _source(name: str, items: list[dict[str, Any]], log: list[str] | None = None) -> Source:
    text = json.dumps(items, ensure_ascii=False)

    def load() -> Prepared:
        if log is not None:
            log.append(f"read {name}")
        return Prepared(parse_bundle(read_bundle(text, name)))

    return Source(name, load)


def _bad(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    items[-1]["case"]["type"] = "no_such_type"
    return items


def _cases(db: Database) -> int:
    with db.session(readonly=True) as s:
        return int(s.execute(sa.text("SELECT count(*) FROM cases")).scalar_one())


def test_each_file_is_all_or_nothing_and_a_bad_one_is_named(db: Database) -> None:
    sources = [
        _source("a.json", _bundle(4, 0)),
        _source("b.json", _bad(_bundle(3, 1))),
        _source("c.json", _bundle(2, 2)),
    ]
    before = _cases(db)
    result = import_sources(sources, unit=db.session, today=TODAY)
    assert [o.source for o in result.outcomes] == ["a.json", "b.json", "c.json"]
    a, b, c = result.outcomes
    assert a.report is not None and len(a.report.created) == 4
    assert c.report is not None and len(c.report.created) == 2
    assert b.report is None and b.problem is not None
    assert "Sak nr. 3" in b.problem and "ingenting er endret" in b.problem
    assert result.failed == [b]
    assert _cases(db) == before + 6  # nothing of b.json
    summary = result.summary()
    assert summary.startswith("2 av 3 filer importert: 6 nye saker, 0 oppdatert")
    assert "b.json: IKKE importert." in summary and "c.json: 2 nye saker" in summary


def test_the_summary_of_many_files_stays_short_and_names_every_bad_one(db: Database) -> None:
    """An office importing many files reads the total and the files that failed (ten of
    them by name, then how many more), not a paragraph for every file."""
    good = [_source(f"ok-{n}.json", _bundle(1, n % 8)) for n in range(12)]
    bad = [_source(f"feil-{n}.json", _bad(_bundle(2, n % 8))) for n in range(11)]
    result = import_sources(good + bad, unit=db.session, today=TODAY)
    summary = result.summary()
    assert summary.startswith("12 av 23 filer importert: ")
    assert summary.count("IKKE importert.") == 10
    assert "… og 1 fil til som ikke ble importert." in summary
    assert "ok-3.json" not in summary  # twelve imported: counted, not listed
    assert len(summary.splitlines()) < 40


def test_the_next_file_is_read_while_one_is_written(db: Database) -> None:
    """Read ahead: the next file is read and checked while this one's last cases and
    history are written, and not earlier."""
    log: list[str] = []
    started = [threading.Event() for _ in range(3)]
    written = iter(range(3))

    def reading(n: int) -> Source:
        inner = _source(f"{n}.json", _bundle(3, n))

        def load() -> Prepared:
            log.append(f"read {n}.json")
            started[n].set()
            return inner.load()

        return Source(inner.name, load)

    @contextlib.contextmanager
    def unit() -> Iterator[Any]:
        n = next(written)
        with db.session() as session:
            yield session
            if n + 1 < len(started):
                # Read ahead, the next file's reading has begun while this one is written
                # (a thread is not scheduled at once: waited for, not assumed).
                started[n + 1].wait(5)
            log.append(f"written {n}")

    def progress(done: int, total: int) -> bool:
        log.append(f"step {done}")
        return True

    sources = [reading(n) for n in range(3)]
    result = import_sources(sources, unit=unit, today=TODAY, progress=progress)
    assert not result.failed
    assert started[1].is_set() and log.index("read 1.json") < log.index("written 0")
    assert log.index("read 2.json") < log.index("written 1")
    # Not before every case of the file being written is sent (the last case's step): the
    # check would take turns with the writer's own Python rather than the server's work.
    assert log.index("read 1.json") > log.index("step 666")
    assert log.index("read 2.json") > log.index("step 1666")


def test_a_cancel_keeps_the_files_before_and_starts_none_after(db: Database) -> None:
    sources = [_source(f"{n}.json", _bundle(3, 3 + n)) for n in range(3)]
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        calls.append((done, total))
        return done < 1000 + 500  # the user cancels halfway through the second file

    before = _cases(db)
    result = import_sources(sources, unit=db.session, today=TODAY, progress=progress)
    first, second, third = result.outcomes
    assert first.report is not None and len(first.report.created) == 3
    assert second.report is None and "avbrutt" in (second.problem or "")
    assert third.report is None and "før denne filen" in (third.problem or "")
    assert _cases(db) == before + 3
    assert all(total == 3000 for _, total in calls)
    assert max(done for done, _ in calls) < 2000  # nothing of the third file was started


def test_a_fault_in_the_program_is_raised_after_the_files_before_it(db: Database) -> None:
    def broken() -> Prepared:
        raise RuntimeError("a bug, not a bad file")

    sources = [_source("a.json", _bundle(2, 6)), Source("b.json", broken)]
    before = _cases(db)
    with pytest.raises(RuntimeError, match="a bug"):
        import_sources(sources, unit=db.session, today=TODAY)
    assert _cases(db) == before + 2


def test_the_collector_is_held_off_and_given_back_as_it_was() -> None:
    assert gc.isenabled()
    started, release = threading.Event(), threading.Event()

    def other() -> None:
        with collector.paused():
            started.set()
            release.wait(5)

    thread = threading.Thread(target=other)
    with collector.paused():
        assert not gc.isenabled()
        thread.start()
        started.wait(5)
    assert not gc.isenabled()  # the other unit still runs
    release.set()
    thread.join(5)
    assert gc.isenabled()
    gc.disable()
    try:
        with collector.paused():
            pass
        assert not gc.isenabled()  # off before: stays off
    finally:
        gc.enable()


def _files(tmp_path: Path) -> list[Path]:
    files = []
    for n, items in enumerate([_bundle(3, 0), _bad(_bundle(2, 1)), _bundle(2, 2)]):
        file = tmp_path / f"fra-avdeling-{n + 1}.json"
        file.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
        files.append(file)
    return files


def test_the_command_line_imports_several_files(
    capsys: pytest.CaptureFixture[str], db_url: str, tmp_path: Path
) -> None:
    files = _files(tmp_path)
    code, out, err = run_cli(capsys, "--database-url", db_url, "import", *map(str, files))
    assert code == 1 and "Traceback" not in out + err
    assert f"Importert fra {files[0]}: 3 nye saker" in out
    assert f"Importert fra {files[2]}: 2 nye saker" in out
    assert f"Ikke importert: {files[1]}:" in err and "Sak nr. 2" in err
    assert "1 av 3 filer ble ikke importert" in err
    code, out, err = run_cli(capsys, "--database-url", db_url, "import", "-", str(files[0]))
    assert code == 1 and "standard inn" in err and "Ingenting er importert" in err


def test_the_window_imports_every_file_chosen(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    files = _files(tmp_path)
    prompter = ScriptedPrompter(opens=[[files[0], files[2]], files])
    window = make_window(qtbot, workspace, tmp_path, prompter)
    before = window.model.total

    window.import_action.trigger()
    qtbot.waitUntil(lambda: window.background.running == 0, timeout=30_000)
    kind, _, text = prompter.shown[-1]
    assert kind == "info" and text.startswith("2 av 2 filer importert: 5 nye saker")
    assert window.model.total == before + 5

    window.import_action.trigger()  # again, with the bad file among them
    qtbot.waitUntil(lambda: window.background.running == 0, timeout=30_000)
    kind, title, text = prompter.shown[-1]
    assert kind == "error" and "ikke alt" in title
    assert f"{files[1]}: IKKE importert." in text and "Sak nr. 2" in text
    assert window.model.total == before + 5  # the others were there already: unchanged
