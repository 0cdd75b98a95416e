"""The command line, driven as a user drives it: ``tillitsvalgt.cli.main([...])`` in-process
(exit code, stdout and stderr captured) and, where the real process matters, as a subprocess
of the installed ``tillitsvalgt`` command. Database commands run on SQLite and PostgreSQL.

Every failure a user can cause must end with a Norwegian message on stderr, exit code 1, no
traceback, and nothing stored changed; an internal error ends with exit code 70, a short
message, and the traceback in the private log file.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import sqlite3
import stat
import subprocess
import sys
import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from tillitsvalgt.cli import EXIT_BUG, EXIT_USER_ERROR, main
from tillitsvalgt.db import Database

from conftest import BACKENDS, SCENARIOS, PgServer

COMMAND = Path(sys.executable).with_name("tillitsvalgt")

# A case whose text is full of query syntax, so that searching for operators as words has
# something to find (the scenario cases have no descriptions or notes).
TRICKY_CASE: dict[str, Any] = {
    "id": "X1",
    "employer": {"name": "Operatør AS"},
    "case": {
        "type": "other",
        "title": 'Sitat: "NOT" OR ikke',
        "description": "Ledelsen skrev «OR» og NOT i e-posten; se 'vedlegg' * 2",
    },
    "events": [{"kind": "note", "on": "2026-10-01", "notes": "DROP TABLE cases er bare tekst"}],
}


# --------------------------------------------------------------------------- helpers


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str

    @property
    def text(self) -> str:
        return self.out + self.err


class Cli:
    """Runs ``tillitsvalgt <selection> ARGS`` in-process; ``selection`` picks the database."""

    def __init__(self, capsys: pytest.CaptureFixture[str], selection: list[str]) -> None:
        self.capsys = capsys
        self.selection = selection

    def run(self, *args: str) -> Result:
        self.capsys.readouterr()
        try:
            main([*self.selection, *args])
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        captured = self.capsys.readouterr()
        return Result(code, captured.out, captured.err)

    def ok(self, *args: str) -> Result:
        result = self.run(*args)
        assert result.code == 0, result
        assert "Traceback" not in result.text
        return result

    def fails(self, *args: str) -> Result:
        """A user error: exit code 1, a Norwegian message on stderr, no traceback."""
        result = self.run(*args)
        assert result.code == EXIT_USER_ERROR, result
        assert result.err.startswith("Feil: "), result
        assert "Traceback" not in result.text
        assert result.out == ""
        return result

    def listing(self, *args: str) -> dict[str, Any]:
        return dict(json.loads(self.ok("cases", "--json", *args).out))

    def numbers(self, *args: str) -> list[str]:
        return [row["number"] for row in self.listing("--page-size", "1000", *args)["rows"]]

    def export(self) -> list[dict[str, Any]]:
        return list(json.loads(self.ok("export").out))

    def content(self) -> list[dict[str, Any]]:
        """The export without the cases' last-change times."""
        bundle = self.export()
        for item in bundle:
            item["case"].pop("updated_at")
        return bundle


def stored(url: str) -> dict[str, int]:
    """Row counts straight from the database, not through the command line."""
    db = Database.open(database_url=url)
    try:
        with db.session(readonly=True) as session:
            return {
                table: int(session.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one())
                for table in ("cases", "employers", "events")
            }
    finally:
        db.dispose()


def case_numbers(items: list[dict[str, Any]]) -> dict[str, str]:
    """The number each bundle item gets when imported, in file order, into an empty database:
    numbered in the year of its first known date."""
    per_year: Counter[int] = Counter()
    numbers = {}
    for item in items:
        case = item["case"]
        dates = [case.get("notice_on"), case.get("decision_on"), *(e["on"] for e in item["events"])]
        year = min(date.fromisoformat(d) for d in dates if d).year
        per_year[year] += 1
        numbers[item["id"]] = f"{year}/{per_year[year]}"
    return numbers


def words_match(items: list[dict[str, Any]], query: str) -> set[str]:
    """The cases a search should find: every word of the query begins a word of the title,
    description or event notes. Operators are words like any other."""
    numbers = case_numbers(items)
    terms = re.findall(r"\w+", query.lower())
    found = set()
    for item in items:
        text = " ".join(
            [
                item["case"]["title"],
                item["case"].get("description") or "",
                *(e.get("notes") or "" for e in item["events"]),
            ]
        )
        words = re.findall(r"\w+", text.lower())
        if all(any(w.startswith(t) for w in words) for t in terms):
            found.add(numbers[item["id"]])
    return found


def write_bundle(path: Path, items: list[dict[str, Any]]) -> Path:
    path.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    return path


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# --------------------------------------------------------------------------- fixtures


@pytest.fixture
def tv(capsys: pytest.CaptureFixture[str], db_url: str) -> Cli:
    """The command line on the backend under test, selected with ``--database-url``."""
    return Cli(capsys, ["--database-url", db_url])


class Imported:
    """The scenario file imported through the command line once per module and backend;
    each test gets its own copy (a file copy, or a PostgreSQL database made from it as a
    template), so the many tests that start from imported cases stay fast."""

    def __init__(self, root: Path, pg: PgServer | None) -> None:
        self.root = root
        self.pg = pg
        self._sqlite: Path | None = None
        self._pg_template: str | None = None

    @staticmethod
    def _import(url: str) -> None:
        try:
            main(["--database-url", url, "import", str(SCENARIOS)])
        except SystemExit as exc:  # pragma: no cover - shows why the setup failed
            raise AssertionError(f"import of the scenarios failed: {exc.code}") from exc

    def sqlite_copy(self, target: Path) -> None:
        if self._sqlite is None:
            self._sqlite = self.root / "sqlite" / "tillitsvalgt.db"
            self._import(f"sqlite:///{self._sqlite}")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(self._sqlite, target)

    def pg_copy(self) -> str:
        assert self.pg is not None
        if self._pg_template is None:
            url = self.pg.create()
            self._import(url)
            self._pg_template = str(sa.make_url(url).database)
        return self.pg.create(template=self._pg_template)

    def close(self) -> None:
        if self.pg is not None and self._pg_template is not None:
            template = self.pg.url.set(database=self._pg_template)
            self.pg.drop(template.render_as_string(hide_password=False))


@pytest.fixture(scope="module")
def _imported_templates(
    tmp_path_factory: pytest.TempPathFactory, pg_server: PgServer | None
) -> Iterator[Imported]:
    templates = Imported(tmp_path_factory.mktemp("imported"), pg_server)
    yield templates
    templates.close()


@pytest.fixture
def imported_url(
    backend: str, tmp_path: Path, pg_server: PgServer | None, _imported_templates: Imported
) -> Iterator[str]:
    """A database on the backend under test holding the ten imported scenario cases."""
    if backend == "sqlite":
        file = tmp_path / "data" / "tillitsvalgt.db"
        _imported_templates.sqlite_copy(file)
        yield f"sqlite:///{file}"
        return
    if pg_server is None:
        pytest.skip("no PostgreSQL server configured (TILLITSVALGT_TEST_DATABASE_URL unset)")
    url = _imported_templates.pg_copy()
    yield url
    pg_server.drop(url)


@pytest.fixture
def imported(capsys: pytest.CaptureFixture[str], imported_url: str) -> Cli:
    return Cli(capsys, ["--database-url", imported_url])


def fingerprint(url: str) -> tuple[dict[str, int], list[dict[str, Any]], list[dict[str, Any]]]:
    """Everything a command could change: row counts, the export, the recycle bin."""
    from tillitsvalgt.services.cases import CaseQuery, list_cases
    from tillitsvalgt.services.transfer import export_bundle

    db = Database.open(database_url=url)
    try:
        with db.session(readonly=True) as session:
            bundle = export_bundle(session=session)
            bin_ = list_cases(CaseQuery(deleted=True), session=session).as_json()
    finally:
        db.dispose()
    return stored(url), bundle, bin_["rows"]


@pytest.fixture(scope="module", params=BACKENDS)
def shared_url(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    pg_server: PgServer | None,
    _imported_templates: Imported,
) -> Iterator[str]:
    """One database with the imported scenarios per backend, shared by the tests that only
    read or are refused: they must leave it exactly as it was (checked at the end)."""
    if request.param == "sqlite":
        file = tmp_path_factory.mktemp("shared") / "tillitsvalgt.db"
        _imported_templates.sqlite_copy(file)
        url = f"sqlite:///{file}"
    elif pg_server is None:
        pytest.skip("no PostgreSQL server configured (TILLITSVALGT_TEST_DATABASE_URL unset)")
    else:
        url = _imported_templates.pg_copy()
    before = fingerprint(url)
    yield url
    assert fingerprint(url) == before, "a test using the shared database changed it"
    if pg_server is not None and request.param == "postgresql":
        pg_server.drop(url)


@pytest.fixture
def shared(capsys: pytest.CaptureFixture[str], shared_url: str) -> Cli:
    return Cli(capsys, ["--database-url", shared_url])


@pytest.fixture
def local(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> Cli:
    """The command line on a SQLite database selected with ``--data-dir``."""
    return Cli(capsys, ["--data-dir", str(tmp_path / "local")])


def _bad(item: dict[str, Any], tag: str, change: dict[str, dict[str, Any]]) -> dict[str, Any]:
    copy: dict[str, Any] = json.loads(json.dumps(item))
    copy["id"] = tag
    for block, values in change.items():
        copy[block].update(values)
    return copy


@pytest.fixture
def broken_bundle(
    scenarios: list[dict[str, Any]],
) -> tuple[list[dict[str, Any]], list[tuple[str, str]]]:
    """Two valid cases followed by eight broken ones, and where and what each problem is."""
    base = scenarios[2]
    broken = [
        (_bad(base, "B1", {"employer": {"orgnr": "123456789"}}), "Organisasjonsnummer"),
        (_bad(base, "B2", {"employer": {"employees": -5}}), "Antall ansatte: kan ikke være neg"),
        (
            _bad(
                base, "B3", {"case": {"decision_on": "2026-09-10", "implemented_on": "2026-09-01"}}
            ),
            "før beslutningsdatoen",
        ),
        (_bad(base, "B4", {"employer": {"agreement": "hovedavtalen-x"}}), "«hovedavtalen-x»"),
        (_bad(base, "B5", {"case": {"type": "kantine"}}), "ukjent sakstype «kantine»"),
        (_bad(base, "B6", {"case": {"title": "   "}}), "Tittel: må fylles ut"),
        (_bad(base, "B7", {"case": {"title": "x" * 201}}), "Tittel: er for lang (201 tegn"),
        (_bad(base, "B8", {"case": {"title": "Bjelle\x07her"}}), "kontrolltegn (kode 7)"),
    ]
    items = [scenarios[0], scenarios[1], *(item for item, _ in broken)]
    return items, [
        (f"Sak nr. {index + 3} (B{index + 1})", detail) for index, (_, detail) in enumerate(broken)
    ]


# --------------------------------------------------------------------------- import / export


def test_import_of_scenarios_creates_ten_cases_and_a_second_import_changes_nothing(
    tv: Cli, db_url: str
) -> None:
    first = tv.ok("import", str(SCENARIOS))
    assert "10 nye saker, 0 oppdatert, 0 uendret" in first.out
    assert "18 nye hendelser" in first.out
    before = tv.export()
    counts = stored(db_url)
    assert counts["cases"] == 10

    second = tv.ok("import", str(SCENARIOS))
    assert "0 nye saker, 0 oppdatert, 10 uendret; 0 nye hendelser, 0 endrede hendelser" in (
        second.out
    )
    assert "0 nye virksomheter" in second.out
    assert tv.export() == before
    assert stored(db_url) == counts


def test_import_numbers_cases_in_file_order_in_the_year_they_began(
    shared: Cli, scenarios: list[dict[str, Any]]
) -> None:
    for source, number in case_numbers(scenarios).items():
        shown = json.loads(shared.ok("show", number, "--json").out)
        assert shown["case"]["source_ref"] == source
        assert shown["case"]["number"] == number


def test_export_to_stdout_is_json_with_a_uuid_for_every_case_and_event(
    shared: Cli, scenarios: list[dict[str, Any]]
) -> None:
    bundle = shared.export()
    assert len(bundle) == len(scenarios) == 10
    case_uuids = {uuid.UUID(item["uuid"]) for item in bundle}
    event_uuids = [uuid.UUID(e["uuid"]) for item in bundle for e in item["events"]]
    assert len(case_uuids) == 10
    assert len(event_uuids) == len(set(event_uuids)) == sum(len(s["events"]) for s in scenarios)
    assert [item["id"] for item in bundle] == list(case_numbers(scenarios).values())
    titles = Counter(item["case"]["title"] for item in bundle)
    assert titles == Counter(s["case"]["title"] for s in scenarios)


def test_export_out_writes_a_private_file_with_the_same_json_as_stdout(
    shared: Cli, tmp_path: Path
) -> None:
    (tmp_path / "ut").mkdir()
    target = tmp_path / "ut" / "saker.json"
    target.write_text("gammelt innhold", encoding="utf-8")
    os.chmod(target, 0o644)  # an existing readable file must not stay readable by others

    refused = shared.fails("export", "--out", str(target))  # a script must say --force
    assert "finnes fra før" in refused.err and "--force" in refused.err
    assert target.read_text(encoding="utf-8") == "gammelt innhold"

    result = shared.ok("export", "--out", str(target), "--force")

    assert result.out == ""
    assert f"10 saker eksportert til {target}" in result.err
    assert mode(target) == 0o600
    assert json.loads(target.read_text(encoding="utf-8")) == shared.export()
    assert [p.name for p in target.parent.iterdir()] == ["saker.json"]  # no temporary files left


def test_export_out_to_a_missing_folder_fails_with_a_message(shared: Cli, tmp_path: Path) -> None:
    result = shared.fails("export", "--out", str(tmp_path / "finnes-ikke" / "saker.json"))
    assert "Kan ikke skrive til mappen" in result.err


def test_an_exported_bundle_imported_into_a_fresh_database_reproduces_cases_and_events(
    imported: Cli, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    imported.ok("close", "2026/4", "--outcome", "disagreement")
    bundle_file = tmp_path / "saker.json"
    imported.ok("export", "--out", str(bundle_file))
    original = json.loads(bundle_file.read_text(encoding="utf-8"))

    fresh = Cli(capsys, ["--data-dir", str(tmp_path / "fresh")])
    report = fresh.ok("import", str(bundle_file)).out
    assert "10 nye saker" in report
    assert "18 nye hendelser" in report
    assert fresh.export() == original
    assert fresh.numbers("--status", "closed") == ["2026/4"]
    # the scenario file and the exported bundle hold the same cases and events (same UUIDs)
    again = fresh.ok("import", str(SCENARIOS)).out
    assert "0 nye saker" in again
    assert "0 nye hendelser" in again
    assert len(fresh.export()) == 10


# --------------------------------------------------------------------------- the case list


def test_cases_table_lists_every_case_newest_change_first(imported: Cli) -> None:
    imported.ok("close", "2026/3", "--outcome", "agreement")
    out = imported.ok("cases").out
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["Nr.", "Tittel", "Virksomhet"]
    assert lines[2].startswith("2026/3 ")
    assert "avsluttet" in lines[2]
    assert "10 saker – side 1 av 1" in out


FILTERS: list[tuple[list[str], Any]] = [
    (["--type", "office_layout"], lambda s: s["case"]["type"] == "office_layout"),
    (["--type", "home_office_policy"], lambda s: s["case"]["type"] == "home_office_policy"),
    (["--employer", "Nordkyst Sparebank"], lambda s: s["employer"]["orgnr"] == "952601814"),
    (["--employer", "nordkyst sparebank"], lambda s: s["employer"]["orgnr"] == "952601814"),
    (["--employer", "959083010"], lambda s: s["employer"]["orgnr"] == "959083010"),
    (["--employer", "959 083 010"], lambda s: s["employer"]["orgnr"] == "959083010"),
    (["--year", "2026"], lambda s: True),
    (["--year", "2025"], lambda s: False),
    (["--status", "open"], lambda s: True),
    (["--status", "closed"], lambda s: False),
    (["--type", "office_layout", "--employer", "952601814"], lambda s: s["id"] in ("S01", "S02")),
    (["--type", "availability", "--employer", "952601814"], lambda s: False),
]


def test_cases_filters_select_exactly_the_matching_cases(
    shared: Cli, scenarios: list[dict[str, Any]]
) -> None:
    numbers = case_numbers(scenarios)
    for args, wanted in FILTERS:
        expected = {numbers[s["id"]] for s in scenarios if wanted(s)}
        listing = shared.listing("--page-size", "1000", *args)
        assert {row["number"] for row in listing["rows"]} == expected, args
        assert listing["total"] == len(expected), args
    assert len(shared.numbers("--type", "office_layout")) == 6  # the oracle is not empty


def test_cases_status_filter_follows_close_and_reopen(imported: Cli) -> None:
    assert imported.ok("close", "2026/3", "--outcome", "agreement").out.strip() == (
        "Sak 2026/3 er avsluttet."
    )
    assert imported.numbers("--status", "closed") == ["2026/3"]
    assert "2026/3" not in imported.numbers("--status", "open")
    assert len(imported.numbers("--status", "open")) == 9
    assert "avsluttet (Enighet)" in imported.ok("show", "2026/3").out

    assert (
        "er allerede avsluttet" in imported.fails("close", "2026/3", "--outcome", "agreement").err
    )

    assert imported.ok("reopen", "2026/3").out.strip() == "Sak 2026/3 er åpnet igjen."
    assert imported.numbers("--status", "closed") == []
    assert "er ikke avsluttet" in imported.fails("reopen", "2026/3").err


def test_close_with_an_unknown_outcome_is_refused_and_the_case_stays_open(shared: Cli) -> None:
    result = shared.fails("close", "2026/3", "--outcome", "seier")
    assert "ukjent utfall «seier»" in result.err
    assert "agreement" in result.err
    assert shared.numbers("--status", "closed") == []


def test_cases_search_finds_words_and_treats_operators_and_sql_as_plain_words(
    imported: Cli, tmp_path: Path, scenarios: list[dict[str, Any]]
) -> None:
    imported.ok("import", str(write_bundle(tmp_path / "x.json", [TRICKY_CASE])))
    items = [*scenarios, TRICKY_CASE]
    tricky = case_numbers(items)["X1"]
    queries = {
        "landskap": {"2026/6", "2026/8"},
        "Landsk": {"2026/6", "2026/8"},
        "landskap*": {"2026/6", "2026/8"},
        '"landskap': {"2026/6", "2026/8"},
        "-landskap": {"2026/6", "2026/8"},
        "^landskap": {"2026/6", "2026/8"},
        "OR": {tricky},
        "NOT": {tricky},
        '"NOT" OR ikke': {tricky},
        "'; DROP TABLE cases; --": {tricky},
        "landskap OR fordeling": set(),  # OR is a word: no case has all three
        "NOT landskap": set(),  # NOT is a word, not "everything but landskap"
        "title:landskap": set(),  # no column filters
        "NEAR(landskap etasje)": set(),
        "landskap etasje": {"2026/6"},
        "e-posten": {tricky},
    }
    for query, expected in queries.items():
        assert words_match(items, query) == expected, query  # the oracle agrees
        listing = imported.listing("--search", query, "--page-size", "1000")
        assert {row["number"] for row in listing["rows"]} == expected, query
        assert listing["total"] == len(expected), query
    assert len(imported.numbers()) == 11  # the cases table is still there


def test_cases_search_without_any_word_is_refused_instead_of_listing_everything(
    shared: Cli,
) -> None:
    for query in ['"', "*", "'", "--", "()", '"*"', "'-'", "&|!", ":*"]:
        result = shared.fails("cases", "--search", query)
        assert "inneholder ingen ord" in result.err, query
    assert len(shared.numbers("--search", "  ")) == 10  # an empty search is no search


def test_cases_search_with_sql_injection_text_finds_nothing_and_drops_nothing(
    shared: Cli, shared_url: str
) -> None:
    listing = shared.listing("--search", "x' OR '1'='1")
    assert listing["total"] == 0
    assert shared.listing("--search", "'; DROP TABLE cases; --")["total"] == 0
    assert stored(shared_url)["cases"] == 10


def test_cases_pages_cover_every_case_once_in_the_chosen_order(shared: Cli) -> None:
    pages = [
        shared.listing("--sort", "number", "--asc", "--page-size", "3", "--page", str(page))
        for page in (1, 2, 3, 4)
    ]
    numbers = [row["number"] for page in pages for row in page["rows"]]
    assert numbers == [f"2026/{n}" for n in range(1, 11)]
    assert [len(page["rows"]) for page in pages] == [3, 3, 3, 1]
    assert all(page["total"] == 10 for page in pages)
    out = shared.ok("cases", "--sort", "number", "--page-size", "3", "--page", "2").out
    assert "10 saker – side 2 av 4" in out
    shown = [line.split()[0] for line in out.splitlines() if line.startswith("2026/")]
    assert shown == ["2026/7", "2026/6", "2026/5"]
    beyond = shared.ok("cases", "--page-size", "3", "--page", "5").out
    assert "Siden finnes ikke; siste side er 4." in beyond


def test_cases_sorting_by_number_employer_and_notice_date(
    shared: Cli, scenarios: list[dict[str, Any]]
) -> None:
    assert shared.numbers("--sort", "number")[:2] == ["2026/10", "2026/9"]
    assert shared.numbers("--sort", "number", "--asc")[:2] == ["2026/1", "2026/2"]

    by_employer = shared.listing("--sort", "employer", "--asc")["rows"]
    names = [row["employer_name"] for row in by_employer]
    assert names == sorted(s["employer"]["name"] for s in scenarios)
    descending = shared.listing("--sort", "employer")["rows"]
    assert [row["employer_name"] for row in descending] == names[::-1]

    notices = [row["notice_on"] for row in shared.listing("--sort", "notice", "--asc")["rows"]]
    assert notices == sorted(s["case"]["notice_on"] for s in scenarios)


def test_cases_with_an_unknown_filter_value_fails_with_a_message(shared: Cli) -> None:
    for args, message in [
        (["--type", "kantine"], "Ukjent sakstype «kantine»"),
        (["--sort", "lønn"], "Kan ikke sortere på «lønn»"),
        (["--employer", "Finnes Ikke AS"], "Fant ingen virksomhet"),
    ]:
        assert message in shared.fails("cases", *args).err, args


def test_employers_lists_the_imported_register(shared: Cli) -> None:
    out = shared.ok("employers").out
    assert "Nordkyst Sparebank" in out
    assert "952601814" in out
    assert len(out.strip().splitlines()) == 2 + 9  # header, rule, nine employers


# --------------------------------------------------------------------------- show


def test_show_prints_the_case_with_employer_dates_and_timeline(
    shared: Cli, scenarios: list[dict[str, Any]]
) -> None:
    s03 = scenarios[2]
    out = shared.ok("show", "2026/3").out
    assert out.startswith(f"Sak 2026/3: {s03['case']['title']}\n")
    assert f"{s03['employer']['name']} (org.nr {s03['employer']['orgnr']})" in out
    assert "Lokaler og arealfordeling" in out  # the type's Norwegian label
    assert "Status:             åpen" in out
    notice = date.fromisoformat(s03["case"]["notice_on"]).strftime("%d.%m.%Y")
    assert f"  {'Varslet:':<20}{notice}\n" in out
    timeline = out.split("Tidslinje:\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert len(timeline) == len(s03["events"])
    first = date.fromisoformat(s03["events"][0]["on"]).strftime("%d.%m.%Y")
    assert timeline[0] == f"  {first}  Arbeidsgiver varslet"


def test_show_json_has_case_employer_and_events(shared: Cli) -> None:
    shown = json.loads(shared.ok("show", "2026/1", "--json").out)
    assert shown["case"]["number"] == "2026/1"
    assert shown["employer"]["orgnr"] == "952601814"
    assert [e["kind"] for e in shown["events"]] == ["notice", "consultation_meeting", "protocol"]


def test_show_of_an_unknown_case_fails_with_a_norwegian_message(shared: Cli) -> None:
    assert shared.fails("show", "2026/99").err == "Feil: Fant ikke sak 2026/99.\n"
    assert shared.fails("show", "1999/1").err == "Feil: Fant ikke sak 1999/1.\n"
    assert "«tull» er ikke et saksnummer" in shared.fails("show", "tull").err


def test_show_of_an_unknown_case_as_a_real_process_exits_1_without_traceback(
    tmp_path: Path,
) -> None:
    result = subprocess.run(
        [str(COMMAND), "--data-dir", str(tmp_path / "d"), "show", "2026/3"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stderr == "Feil: Fant ikke sak 2026/3.\n"
    assert result.stdout == ""


# --------------------------------------------------------------------------- recycle bin


def test_delete_moves_a_case_to_the_recycle_bin_and_undelete_brings_it_back(
    imported: Cli,
) -> None:
    before = imported.content()
    assert imported.ok("delete", "2026/3").out.strip() == "Sak 2026/3 er lagt i papirkurven."

    assert "2026/3" not in imported.numbers()
    assert len(imported.numbers()) == 9
    assert imported.numbers("--deleted") == ["2026/3"]
    assert "2026/3" not in [item["id"] for item in imported.export()]
    assert "i papirkurven" in imported.ok("show", "2026/3").out
    assert "papirkurven" in imported.fails("close", "2026/3", "--outcome", "agreement").err
    assert "papirkurven" in imported.fails("delete", "2026/3").err

    assert "hentet tilbake" in imported.ok("undelete", "2026/3").out
    assert imported.numbers("--deleted") == []
    assert imported.content() == before  # only its last-change time moved
    assert "ligger ikke i papirkurven" in imported.fails("undelete", "2026/3").err


# --------------------------------------------------------------------------- safety


def test_backup_backups_and_restore_bring_back_the_earlier_database(
    local: Cli, tmp_path: Path
) -> None:
    local.ok("import", str(SCENARIOS))
    before = local.export()
    made = local.ok("backup").out
    backup = Path(made.removeprefix("Sikkerhetskopi lagret: ").strip())
    assert backup.parent == tmp_path / "local" / "backups"
    assert backup.is_file()
    assert mode(backup) == 0o600
    assert str(backup) in local.ok("backups").out

    local.ok("delete", "2026/1")
    local.ok("close", "2026/2", "--outcome", "withdrawn")
    assert local.export() != before

    restored = local.ok("restore", str(backup), "--yes").out
    assert restored.startswith(f"Gjenopprettet fra {backup}.")
    assert local.export() == before
    listed = local.ok("backups").out.splitlines()
    assert len(listed) == 2  # the manual backup and the copy made before restoring
    assert any("for-gjenoppretting" in line for line in listed)
    assert "er i orden" in local.ok("check").out


def test_backups_beyond_keep_are_pruned(local: Cli) -> None:
    assert "Ingen sikkerhetskopier" in local.ok("backups").out
    for _ in range(3):
        local.ok("backup", "--keep", "2")
    assert len(local.ok("backups").out.splitlines()) == 2


def test_restore_without_yes_and_without_a_terminal_changes_nothing(local: Cli) -> None:
    local.ok("import", str(SCENARIOS))
    backup = Path(local.ok("backup").out.removeprefix("Sikkerhetskopi lagret: ").strip())
    local.ok("delete", "2026/1")
    assert "--yes" in local.fails("restore", str(backup)).err
    assert local.numbers("--deleted") == ["2026/1"]


def test_restore_answered_no_at_the_prompt_changes_nothing(
    local: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    local.ok("import", str(SCENARIOS))
    backup = Path(local.ok("backup").out.removeprefix("Sikkerhetskopi lagret: ").strip())
    local.ok("delete", "2026/1")
    monkeypatch.setattr(sys, "stdin", Terminal("n\n"))
    result = local.run("restore", str(backup))
    assert result.code == EXIT_USER_ERROR
    assert "Avbrutt; ingenting er endret." in result.err
    assert local.numbers("--deleted") == ["2026/1"]


def test_restore_from_a_file_that_is_not_a_backup_is_refused(local: Cli, tmp_path: Path) -> None:
    local.ok("import", str(SCENARIOS))
    before = local.export()
    fake = tmp_path / "fake.db"
    fake.write_text("ikke en database", encoding="utf-8")
    assert "ikke en SQLite-database" in local.fails("restore", str(fake), "--yes").err
    missing = local.fails("restore", str(tmp_path / "mangler.db"), "--yes")
    assert "Finner ikke sikkerhetskopien" in missing.err
    assert local.export() == before


@pytest.mark.parametrize("backend", ["postgresql"])
def test_backup_commands_on_postgresql_point_to_the_server_tools(tv: Cli) -> None:
    assert "pg_dump" in tv.fails("backup").err
    assert "pg_dump" in tv.fails("backups").err
    assert "pg_dump" in tv.fails("restore", "x.db", "--yes").err
    assert "er i orden" in tv.ok("check").out


def test_check_reports_a_healthy_database(tv: Cli) -> None:
    assert "er i orden" in tv.ok("check").out


def test_check_reports_rows_pointing_at_missing_rows(local: Cli, tmp_path: Path) -> None:
    local.ok("import", str(SCENARIOS))
    with sqlite3.connect(tmp_path / "local" / "tillitsvalgt.db") as conn:
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("UPDATE cases SET employer_id = 9999 WHERE number = '2026/1'")
    conn.close()
    result = local.fails("check")
    assert "Databasen har feil" in result.err
    assert "fremmednøkler" in result.err


# --------------------------------------------------------------------------- overview, selection


def test_the_overview_without_arguments_counts_cases_and_names_the_database(
    imported: Cli, imported_url: str, backend: str
) -> None:
    out = imported.ok().out
    assert "Saker: 10 (10 åpne)" in out
    where = out.splitlines()[0].removeprefix("Database: ")
    if backend == "sqlite":
        assert where == imported_url.removeprefix("sqlite:///")
    else:
        assert where.endswith("/" + imported_url.rsplit("/", 1)[1])
    imported.ok("close", "2026/1", "--outcome", "agreement")
    assert "Saker: 10 (9 åpne)" in imported.ok().out


def test_data_dir_option_selects_a_private_sqlite_database(local: Cli, tmp_path: Path) -> None:
    local.ok("import", str(SCENARIOS))
    data = tmp_path / "local"
    assert mode(data) == 0o700
    assert mode(data / "tillitsvalgt.db") == 0o600
    assert f"Database: {data / 'tillitsvalgt.db'}" in local.ok().out
    assert not (tmp_path / "default-data").exists()  # the environment's folder is untouched


def test_data_dir_environment_variable_selects_the_database_and_the_option_wins(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("TILLITSVALGT_DATA_DIR", str(tmp_path / "env"))
    plain = Cli(capsys, [])
    plain.ok("import", str(SCENARIOS))
    assert (tmp_path / "env" / "tillitsvalgt.db").is_file()
    assert "Saker: 10" in plain.ok().out
    other = Cli(capsys, ["--data-dir", str(tmp_path / "other")])
    assert "Saker: 0 (0 åpne)" in other.ok().out
    assert "Saker: 0" in Cli(capsys, [f"--data-dir={tmp_path / 'other'}"]).ok().out


def test_database_url_environment_variable_selects_the_database_and_the_option_wins(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    db_url: str,
) -> None:
    monkeypatch.setenv("TILLITSVALGT_DATABASE_URL", db_url)
    plain = Cli(capsys, [])
    plain.ok("import", str(SCENARIOS))
    assert stored(db_url)["cases"] == 10
    assert len(plain.numbers()) == 10
    # the URL wins over a data directory
    assert len(Cli(capsys, ["--data-dir", str(tmp_path / "d")]).numbers()) == 10
    # and --database-url wins over the environment
    other = f"sqlite:///{tmp_path / 'other' / 'x.db'}"
    assert Cli(capsys, ["--database-url", other]).numbers() == []
    assert (tmp_path / "other" / "x.db").is_file()


def test_environment_selects_the_database_of_a_real_process(tmp_path: Path) -> None:
    env = {**os.environ, "TILLITSVALGT_DATA_DIR": str(tmp_path / "proc")}
    env.pop("TILLITSVALGT_DATABASE_URL", None)
    first = subprocess.run(
        [str(COMMAND), "import", str(SCENARIOS)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
    )
    assert first.returncode == 0, first.stderr
    assert "10 nye saker" in first.stdout
    listing = subprocess.run(
        [str(COMMAND), "cases", "--json"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
    )
    assert listing.returncode == 0, listing.stderr
    assert json.loads(listing.stdout)["total"] == 10
    assert (tmp_path / "proc" / "tillitsvalgt.db").is_file()


def test_an_invalid_database_url_fails_with_a_message(local: Cli) -> None:
    assert "støttes ikke" in local.fails("--database-url", "mysql://x@y/z", "cases").err


# --------------------------------------------------------------------------- bad input


def test_import_of_a_missing_file_fails_and_stores_nothing(
    tv: Cli, db_url: str, tmp_path: Path
) -> None:
    result = tv.fails("import", str(tmp_path / "finnes-ikke.json"))
    assert f"Finner ikke filen {tmp_path / 'finnes-ikke.json'}" in result.err
    assert stored(db_url) == {"cases": 0, "employers": 0, "events": 0}


def test_import_of_invalid_json_names_line_and_column(tv: Cli, db_url: str, tmp_path: Path) -> None:
    bad = tmp_path / "ødelagt.json"
    bad.write_text('[\n  {"employer": {"name": "A"},\n   case: {}}\n]', encoding="utf-8")
    result = tv.fails("import", str(bad))
    assert "er ikke gyldig JSON" in result.err
    assert "linje 3, kolonne 4" in result.err
    assert "forventet et feltnavn" in result.err
    assert stored(db_url)["cases"] == 0


def test_import_of_non_utf8_bytes_says_so(tv: Cli, db_url: str, tmp_path: Path) -> None:
    latin1 = tmp_path / "latin1.json"
    latin1.write_bytes('[{"employer": {"name": "Tromsø"}}]'.encode("latin-1"))
    result = tv.fails("import", str(latin1))
    assert "ikke en tekstfil i UTF-8" in result.err
    assert stored(db_url)["cases"] == 0


def test_import_of_a_file_with_a_byte_order_mark_works(local: Cli, tmp_path: Path) -> None:
    with_bom = tmp_path / "windows.json"
    with_bom.write_bytes(b"\xef\xbb\xbf" + SCENARIOS.read_bytes())
    assert "10 nye saker" in local.ok("import", str(with_bom)).out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"employer": {}}', "en liste med saker"),
        ("[" * 100_000, "nøstet for dypt"),
        ("[" + "1" * 5000 + "]", "svært mange sifre"),
        # a lone surrogate escape in a code field used to crash the validation itself
        ('[{"employer": {"name": "A"}, "case": {"type": "x\\ud800", "title": "t"}}]', "ødelagt"),
        ("", "forventet en verdi"),
    ],
)
def test_import_of_unusable_json_fails_with_a_message(
    local: Cli, tmp_path: Path, content: str, message: str
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    assert message in local.fails("import", str(bad)).err
    assert local.numbers() == []


def test_import_of_a_bundle_with_many_invalid_cases_lists_every_problem_and_stores_nothing(
    tv: Cli,
    db_url: str,
    tmp_path: Path,
    broken_bundle: tuple[list[dict[str, Any]], list[tuple[str, str]]],
) -> None:
    items, expected = broken_bundle
    result = tv.fails("import", str(write_bundle(tmp_path / "b.json", items)))
    assert "ingenting er endret" in result.err
    problems = [line for line in result.err.splitlines() if line.startswith("  – ")]
    assert len(problems) == len(expected)
    for line, (where, detail) in zip(problems, expected, strict=True):
        assert line.startswith(f"  – {where}"), (line, where)
        assert detail in line, (line, detail)
    assert "\x07" not in result.err  # the control character is shown escaped
    assert stored(db_url) == {"cases": 0, "employers": 0, "events": 0}


def test_import_where_only_the_last_case_is_invalid_imports_nothing(
    tv: Cli, db_url: str, tmp_path: Path, scenarios: list[dict[str, Any]]
) -> None:
    last = _bad(scenarios[9], "SIST", {"employer": {"orgnr": "123456789"}})
    result = tv.fails("import", str(write_bundle(tmp_path / "b.json", [*scenarios[:9], last])))
    problems = [line for line in result.err.splitlines() if line.startswith("  – ")]
    assert problems == [
        "  – Sak nr. 10 (SIST) › Virksomhet › Organisasjonsnummer: «123456789» er ikke et "
        "gyldig organisasjonsnummer (kontrollsifferet stemmer ikke); sjekk nummeret i "
        "Enhetsregisteret"
    ]
    assert stored(db_url) == {"cases": 0, "employers": 0, "events": 0}


def test_a_refused_import_leaves_an_existing_database_exactly_as_it_was(
    imported: Cli, imported_url: str, tmp_path: Path, scenarios: list[dict[str, Any]]
) -> None:
    before = imported.export()
    counts = stored(imported_url)
    changed = _bad(scenarios[0], scenarios[0]["id"], {"case": {"title": "Ny tittel"}})
    new = _bad(scenarios[1], "NY", {})
    broken = _bad(scenarios[2], "FEIL", {"case": {"type": "kantine"}})
    bundle = write_bundle(tmp_path / "b.json", [changed, new, broken])
    assert "Sak nr. 3 (FEIL)" in imported.fails("import", str(bundle)).err
    assert imported.export() == before
    assert stored(imported_url) == counts


def test_control_characters_in_an_error_message_are_shown_escaped(
    local: Cli, tmp_path: Path, scenarios: list[dict[str, Any]]
) -> None:
    item = _bad(scenarios[0], "\x1b[2J", {"case": {"type": "\x1b[31mrød"}})
    err = local.fails("import", str(write_bundle(tmp_path / "b.json", [item]))).err
    assert "\x1b" not in err
    assert "\\x1b[31mrød" in err


def test_usage_errors_exit_2_with_clicks_message_and_no_traceback(local: Cli) -> None:
    result = local.run("cases", "--page", "0")
    assert result.code == 2
    assert "--page" in result.err
    assert "Traceback" not in result.text


# --------------------------------------------------------------------------- internal errors


def test_an_internal_error_is_reported_briefly_with_exit_70_and_logged_privately(
    local: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tillitsvalgt.services.cases as case_service

    local.ok("import", str(SCENARIOS))

    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("intern feil 4711")

    monkeypatch.setattr(case_service, "list_cases", explode)
    result = local.run("cases")

    assert result.code == EXIT_BUG
    assert "Traceback" not in result.text
    assert "4711" not in result.text
    assert result.err.startswith("Uventet feil i Tillitsvalgt")
    log = tmp_path / "local" / "logs" / "tillitsvalgt.log"
    assert f"Detaljer er skrevet til {log}" in result.err
    assert mode(log) == 0o600
    assert mode(log.parent) == 0o700
    logged = log.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in logged
    assert "RuntimeError (meldingen er utelatt" in logged
    # The message (which may quote a case's values) is not; the code line raising it is.
    assert "RuntimeError: intern feil 4711" not in logged
    assert "in explode" in logged

    local.run("cases")
    assert log.read_text(encoding="utf-8").count("RuntimeError (meldingen er utelatt") == 2


def test_an_internal_error_is_logged_in_the_data_dir_from_the_environment(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import tillitsvalgt.services.transfer as transfer

    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("eksport feilet")

    monkeypatch.setattr(transfer, "export_bundle", explode)
    result = Cli(capsys, []).run("export")
    assert result.code == EXIT_BUG
    assert result.out == ""
    log = tmp_path / "default-data" / "logs" / "tillitsvalgt.log"
    assert "RuntimeError (meldingen er utelatt" in log.read_text(encoding="utf-8")


def test_starting_the_app_makes_a_daily_backup_when_data_changed(local: Cli) -> None:
    first = local.ok()
    assert "Automatisk sikkerhetskopi" not in first.out  # nothing to keep yet
    local.ok("import", str(SCENARIOS))
    second = local.ok().out
    assert "Automatisk sikkerhetskopi" in second
    assert "Automatisk sikkerhetskopi" not in local.ok().out  # not again the same day
    assert len(local.ok("backups").out.splitlines()) == 1
