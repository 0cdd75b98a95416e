"""Run every benchmark: ``.venv/bin/python -m benchmarks [--n N] [--json] [--repeat R] [--keep]``.

1. Generate N cases (``generate``), and as its floor write the same rows with raw sqlite3
   (``load_floor``) into a second, throwaway database; check both hold the same data.
   With ``--keep`` a database generated earlier in ``benchmarks/out/`` by the same
   generator, seed and schema is reused instead, with the generation figures recorded then.
2. Time the case list through ``list_cases`` against the same SQL in raw sqlite3
   (``case_list``); ``--show-sql`` prints what the service sends (``emitted_sql``) beside the
   floor's SQL and the query plans.
3. Time assessing every case (``assess_all``).
4. Time writing letters (``letters``): needs no generated database, it makes a small one.
5. The landsmøte report over the generated database (``report``, see ``landsmote.py``).
6. The desktop app: the list's model and the cold start (``gui``, see ``gui_list.py``).
7. The crash test: SIGKILLs survived with nothing lost (``crash``, see ``crash.py``).
8. Several processes updating the same rows and creating cases at once, on PostgreSQL
   (``$TILLITSVALGT_TEST_DATABASE_URL`` or ``--database-url``) and on a SQLite file
   (``concurrency``, see ``concurrency.py``).
9. Restores while another process writes: committed cases lost (``restore``, see
   ``restore_race.py``; ``--restore-rounds``).

``--only PART`` (repeatable) runs only those parts; without it, all of them. ``--table
FILE`` also writes the figures as a Markdown table, and ``--readme`` puts that table in the
README between its ``benchmarks`` markers (``docs/benchmarks.md`` and the README are
written this way).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import sys
import time
from pathlib import Path
from typing import Any

from alembic.script import ScriptDirectory

from benchmarks import OUT_DIR
from benchmarks.assess_all import measure_assess_all
from benchmarks.case_list import (
    LIMIT_MS,
    MAX_RATIO,
    connect_raw,
    explain,
    floor_query,
    list_benchmarks,
    measure_list,
)
from benchmarks.emitted_sql import captured_sql
from benchmarks.generate import DEFAULT_SEED, GENERATOR_VERSION, Generated, generate
from benchmarks.letters import header as letters_header
from benchmarks.letters import measure_letters
from benchmarks.load_floor import check_same_rows, raw_load
from benchmarks.report import Figure, table
from tillitsvalgt.db import Database, alembic_config

META_FILE = "meta.json"
PARTS = ("list", "assess", "letters", "report", "gui", "crash", "concurrency", "restore")
README = Path(__file__).resolve().parent.parent / "README.md"
README_START = "<!-- benchmarks:start -->"
README_END = "<!-- benchmarks:end -->"


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _fingerprint(n: int) -> dict[str, Any]:
    """What a cached database must match to be reused."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    return {"n": n, "seed": DEFAULT_SEED, "generator": GENERATOR_VERSION, "schema": head}


def _generation_figures(record: dict[str, Any], *, cached: bool) -> list[Figure]:
    mine, floor = record["seconds"], record["floor_seconds"]
    counts = record["counts"]
    when = f"recorded {record['when']} (cached database)" if cached else "measured now"
    return [
        Figure(
            name="generate",
            value=sum(mine.values()),
            unit="s",
            floor=sum(floor.values()),
            what=f"{counts['cases']} cases with events, deadlines",
            note=f"{counts['events']} events, {counts['deadlines']} deadlines; {when}\n"
            f"{'':27}parts, generator/floor (s): "
            + ", ".join(f"{k} {v:.1f}/{floor.get(k, 0):.1f}" for k, v in mine.items()),
        ),
        Figure(
            name="generate.cases",
            value=mine["insert cases"],
            unit="s",
            floor=floor["insert cases"],
            what="insert cases (+ FTS insert trigger)",
        ),
        Figure(
            name="generate.events",
            value=mine["insert events"],
            unit="s",
            floor=floor["insert events"],
            what="insert events (+ FTS update trigger)",
        ),
    ]


def prepare(n: int, *, keep: bool) -> tuple[Path, list[Figure]]:
    """The data directory with N generated cases, and the generation figures."""
    data_dir = OUT_DIR / f"n{n}"
    meta_file = data_dir / META_FILE
    fingerprint = _fingerprint(n)
    if keep and meta_file.exists():
        record = json.loads(meta_file.read_text())
        if record.get("fingerprint") == fingerprint and (data_dir / "tillitsvalgt.db").exists():
            _say(f"reusing {data_dir} (--keep)")
            return data_dir, _generation_figures(record, cached=True)
        _say(f"{data_dir} was made by another generator, seed or schema: generating again")

    shutil.rmtree(data_dir, ignore_errors=True)  # only ever our own output directory
    _say(f"generating {n} cases in {data_dir} …")
    mine = generate(n, data_dir, progress=lambda msg: print(msg, end="\r", file=sys.stderr))
    _say(f"\n  {mine.total_seconds:.1f} s; the same rows through raw sqlite3 (the floor) …")
    floor_dir = OUT_DIR / f"n{n}-floor"
    shutil.rmtree(floor_dir, ignore_errors=True)
    floor: Generated = raw_load(n, floor_dir)
    check_same_rows(mine.file, floor.file)
    shutil.rmtree(floor_dir)
    _say(f"  {floor.total_seconds:.1f} s; both databases hold the same rows")

    record = {
        "fingerprint": fingerprint,
        "when": time.strftime("%Y-%m-%d %H:%M"),
        "counts": {
            "cases": mine.cases,
            "employers": mine.employers,
            "events": mine.events,
            "deadlines": mine.deadlines,
        },
        "seconds": mine.seconds,
        "floor_seconds": floor.seconds,
    }
    meta_file.write_text(json.dumps(record, indent=2))
    return data_dir, _generation_figures(record, cached=False)


def _crash_figures(kills: int) -> list[Figure]:
    import tempfile

    from benchmarks.crash import crash_test
    from benchmarks.crash import figures as crash_figures

    with tempfile.TemporaryDirectory(prefix="tillitsvalgt-crash-") as tmp:
        _say(f"crash test: {kills} kills …")
        result = crash_test(Path(tmp) / "data", kills, say=_say)
    return crash_figures(result)


def _restore_figures(rounds: int) -> list[Figure]:
    import tempfile

    from benchmarks.restore_race import figures as race_figures
    from benchmarks.restore_race import restore_race

    with tempfile.TemporaryDirectory(prefix="tillitsvalgt-restore-race-") as tmp:
        _say(f"restore while writing: {rounds} rounds …")
        result = restore_race(Path(tmp) / "data", rounds, say=_say)
    return race_figures(result)


def _concurrency_figures(database_url: str | None) -> list[Figure]:
    import os

    from benchmarks.concurrency import measure

    url = database_url or os.environ.get("TILLITSVALGT_TEST_DATABASE_URL")
    out: list[Figure] = []
    for found in measure(database_url=url, sqlite=True):
        tag = "pg" if found["backend"] == "postgresql" else "sqlite"
        what = f"{found['processes']} processes, {found['backend']}"
        out += [
            Figure(
                f"load.{tag}.updates",
                found["update_attempts"],
                "",
                None,
                f"update attempts, {what}",
                note=f"{found['updates_saved']} saved, {found['conflicts_reported']} conflicts "
                f"reported, {found['updates_per_second']} updates/s",
            ),
            Figure(
                f"load.{tag}.lost",
                found["lost_updates"] + found["phantom_writes"] + found["unexplained"],
                "",
                None,
                "lost, phantom or unexplained updates",
                limit=1,
            ),
            Figure(
                f"load.{tag}.creates",
                found["cases_created_at_once"],
                "",
                None,
                f"cases created at once, {what}",
                note=f"{found['creations_rolled_back']} rolled back, "
                f"{found['cases_per_second']} cases/s",
            ),
            Figure(
                f"load.{tag}.duplicates",
                found["duplicate_numbers"] + found["number_gaps"],
                "",
                None,
                "duplicate case numbers or gaps",
                limit=1,
            ),
        ]
    return out


def markdown_table(figures: list[Figure], *, n: int) -> str:
    """The figures as a Markdown table for the README."""
    when = time.strftime("%Y-%m-%d")
    lines = [
        f"Measured {when} with `python -m benchmarks --readme` (N = {n:,} cases; SQLite "
        f"{sqlite3.sqlite_version}). The floor is the same work in raw `sqlite3`.".replace(
            ",", " "
        ),
        "",
        "| figure | what | value | floor | ratio | goal |",
        "|---|---|---:|---:|---:|---|",
    ]
    for fig in figures:
        if not fig.has_goal():
            verdict = ""
        elif fig.misses():
            verdict = "**missed** (" + ", ".join(fig.misses()) + ")"
        else:
            verdict = "met"
        cells = [
            f"`{fig.name}`",
            fig.what.replace("|", "/"),
            _md_number(fig.value, fig.unit),
            _md_number(fig.floor, fig.unit),
            "–" if fig.ratio is None else f"{fig.ratio:.2f}",
            verdict,
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def _md_number(value: float | None, unit: str) -> str:
    if value is None:
        return "–"
    if float(value).is_integer() and not unit:
        return f"{int(value):,}".replace(",", "\u00a0")
    digits = 2 if value < 100 else 1 if value < 1000 else 0
    return f"{value:,.{digits}f}".replace(",", "\u00a0") + (f" {unit}" if unit else "")


def put_in_readme(text: str) -> None:
    readme = README.read_text(encoding="utf-8")
    if README_START not in readme or README_END not in readme:
        raise SystemExit(f"{README} has no {README_START} … {README_END} section")
    head, rest = readme.split(README_START, 1)
    _old, tail = rest.split(README_END, 1)
    README.write_text(f"{head}{README_START}\n{text}{README_END}{tail}", encoding="utf-8")


def show_sql(db: Database, conn: sqlite3.Connection, n: int) -> None:
    """The SQL list_cases emits next to the handwritten floor, with the query plans."""
    for bench in list_benchmarks(n):
        sent, cached = captured_sql(db, bench.query)
        fq = floor_query(bench.query)
        print(f"==== {bench.name}: {bench.what} (compiled cache hit: {cached})")
        for text, params in sent:
            print(f"-- emitted by SQLAlchemy, params {params}\n{text}\n")
        print(f"-- floor, params {fq.params}\n{fq.count_sql}\n{fq.page_sql}\n")
        print("\n".join("   " + line for line in explain(conn, fq)) + "\n")


def main(argv: list[str] | None = None) -> int:
    args_given = sys.argv[1:] if argv is None else argv
    if args_given[:1] == ["national"]:  # the union office's database on PostgreSQL
        from benchmarks import national

        return national.main(args_given[1:])
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--n", type=int, default=100_000, help="cases (default 100000)")
    parser.add_argument("--json", action="store_true", help="one JSON object per figure")
    parser.add_argument("--repeat", type=int, default=15, help="timed runs per figure")
    parser.add_argument(
        "--keep", action="store_true", help="reuse the database generated in benchmarks/out/"
    )
    parser.add_argument(
        "--show-sql", action="store_true", help="print the emitted and floor SQL and plans"
    )
    parser.add_argument(
        "--only",
        action="append",
        choices=PARTS,
        help="run only this part (repeatable); default all",
    )
    parser.add_argument("--kills", type=int, default=200, help="crash test kills (default 200)")
    parser.add_argument(
        "--restore-rounds", type=int, default=50, help="restores while writing (default 50)"
    )
    parser.add_argument(
        "--database-url", help="PostgreSQL server for the concurrency part (default: the env)"
    )
    parser.add_argument("--table", type=Path, help="also write the figures as Markdown here")
    parser.add_argument(
        "--readme", action="store_true", help="put the Markdown table into README.md"
    )
    args = parser.parse_args(argv)
    if args.n < 100 or args.repeat < 1:
        parser.error("--n must be at least 100 and --repeat at least 1")
    only = set(args.only or PARTS)

    figures: list[Figure] = []
    file: Path | None = None
    cached_ok = True
    plans: dict[str, list[str]] = {}
    if only & {"list", "assess", "report", "gui"}:
        data_dir, figures = prepare(args.n, keep=args.keep)
        db = Database.open(data_dir=data_dir)
        file = db.location.file
        assert file is not None
        conn = connect_raw(file)
        try:
            if args.show_sql:
                show_sql(db, conn, args.n)
            live = conn.execute("SELECT count(*) FROM cases WHERE deleted_at IS NULL").fetchone()[0]
            for bench in list_benchmarks(args.n) if "list" in only else []:
                _say(f"timing {bench.name} …")
                figure = measure_list(db, conn, bench, live_cases=live, repeat=args.repeat)
                if not args.json:
                    cached_ok = cached_ok and captured_sql(db, bench.query)[1]
                    if figure.misses():
                        plans[bench.name] = explain(conn, floor_query(bench.query))
                figures.append(figure)
            if "assess" in only:
                _say("timing assess.all …")
                figures.append(measure_assess_all(db, conn, repeat=max(3, args.repeat // 5)))
        finally:
            conn.close()
            db.dispose()
        if "report" in only:
            from benchmarks import landsmote

            _say("timing the landsmøte report …")
            figures += landsmote.measure(data_dir)
        if "gui" in only:
            from benchmarks import gui_list

            _say("timing the window: list and cold starts …")
            figures += gui_list.measure(data_dir)
    if "letters" in only:
        figures += measure_letters(say=_say)
    if "crash" in only:
        figures += _crash_figures(args.kills)
    if "concurrency" in only:
        figures += _concurrency_figures(args.database_url)
    if "restore" in only:
        figures += _restore_figures(args.restore_rounds)
    if args.table is not None or args.readme:
        text = markdown_table(figures, n=args.n)
        if args.table is not None:
            args.table.parent.mkdir(parents=True, exist_ok=True)
            args.table.write_text(text, encoding="utf-8")
            _say(f"table written to {args.table}")
        if args.readme:
            put_in_readme(text)
            _say(f"table put in {README}")

    if args.json:
        for figure in figures:
            print(figure.as_json())
        return 0
    print(f"\nTillitsvalgt benchmarks — SQLite {sqlite3.sqlite_version}")
    if file is not None:
        print(
            f"N = {args.n} cases, median of {args.repeat} after warm-up\ndatabase: {file}\n"
            f"goal for the list figures: under {LIMIT_MS:g} ms and within {MAX_RATIO:g}× of "
            "the raw-sqlite3 floor (same SQL, same file)"
        )
    if "letters" in only:
        print(letters_header())
    print()
    print(table(figures))
    if "list" in only:
        print(
            "\nSQLAlchemy's compiled-statement cache: "
            + ("hit on every repeated list query" if cached_ok else "MISSES on repeated queries")
        )
    if plans:
        print("\nQuery plans (EXPLAIN QUERY PLAN) of the list figures that miss a goal:")
        for name, lines in plans.items():
            print(f"\n{name}\n" + "\n".join("  " + line for line in lines))
    missed = [f.name for f in figures if f.misses()]
    print("\nGoals: " + ("all met" if not missed else "missed by " + ", ".join(missed)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
