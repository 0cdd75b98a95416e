"""The landsmøte report's documents: the Word report and the spreadsheet, read back.

The cube is a small hand-made one (adapted from test_report_figures.py) with cells that
must be suppressed: «Helseforetak» has 2 cases, «Annet» 1, «Ukjent» 1 (sector table)."""

from __future__ import annotations

import dataclasses
import io
import shutil
import subprocess
import zipfile
from datetime import date
from pathlib import Path

import pytest

from tillitsvalgt.reports.anonymise import AppendixEntry
from tillitsvalgt.reports.cellkey import SUPPRESSED, footnote, published
from tillitsvalgt.reports.cellkey import ProtectedTable as SuppressedTable
from tillitsvalgt.reports.cellkey import protect_figures as suppress_figures
from tillitsvalgt.reports.cube import CubeCell, ReportData, ReportRequest
from tillitsvalgt.reports.documents import (
    ABOUT_SHEET,
    APPENDIX_TITLE,
    COUNT_AXIS,
    DAYS_AXIS,
    MEDIAN_COLUMN,
    NO_CHART,
    NO_SUMMARIES,
    ONE_BAR,
    ONE_REAL_BAR,
    PERCENT_AXIS,
    TITLE,
    TREND_HAS_CHART,
    ChartSpec,
    Series,
    _median_shown,
    chart_spec,
    layout,
    median_chart_spec,
    norwegian_date,
    period_words,
    render_chart,
    report_docx,
    report_xlsx,
    sheet_name,
    why_no_chart,
)
from tillitsvalgt.reports.figures import (
    BY_SECTOR,
    KEY_FIGURES,
    PROTOCOL,
    TIMING,
    Figures,
    Row,
    Table,
    make_figures,
    percent,
    period_label,
)
from tillitsvalgt.reports.ptable import shown_magnitude

T, F = True, False

# period, case type, sector, agreement, outcome, timing, signed protocol, verneombud/AMU,
# cases, members, letters sent, deadlines missed
RAW = [
    ("2025", "office_layout", "stat", "staten", "agreement", "in_time", T, T, 4, 120, 1, 0),
    ("2025", "office_layout", "kommune", "ks", "disagreement", "late_before_implementation", T, F, 2, 40, 2, 1),  # noqa: E501
    ("2025", "home_office_policy", "privat", "lo-nho", "agreement", "in_time", T, F, 3, 300, 0, 0),
    ("2025", "home_office_policy", "privat", "lo-nho", "open", "information_only", F, F, 1, 15, 1, 1),  # noqa: E501
    ("2025", "space_allocation", "stat", "staten", "partial_agreement", "late_after_implementation", F, T, 2, 60, 3, 1),  # noqa: E501
    ("2025", "equipment_costs", "helse", "spekter", "withdrawn", "not_held_decision_taken", F, F, 1, 0, 2, 2),  # noqa: E501
    ("2025", "availability", "kommune", "ks", "open", "not_held_yet", F, F, 2, 25, 1, 0),
    ("2025", "other", "ukjent", "none", "dropped", "ukjent", F, F, 1, 0, 0, 0),
    ("2025", "office_layout", "privat", "virke-lo", "agreement", "in_time", T, T, 5, 500, 0, 0),
    ("2025", "home_office_agreement", "stat", "staten", "escalated", "not_held_decision_taken", F, F, 1, 10, 4, 2),  # noqa: E501
    ("2026", "office_layout", "stat", "staten", "agreement", "in_time", T, T, 6, 600, 1, 0),
    ("2026", "office_layout", "kommune", "ks", "open", "not_held_yet", F, F, 3, 90, 2, 1),
    ("2026", "home_office_policy", "privat", "lo-nho", "agreement", "in_time", T, F, 2, 80, 0, 0),
    ("2026", "home_office_policy", "stat", "staten", "disagreement", "late_before_implementation", T, T, 4, 200, 3, 1),  # noqa: E501
    ("2026", "space_allocation", "helse", "spekter", "open", "unknown", F, F, 1, 5, 0, 0),
    ("2026", "equipment_costs", "privat", "ys-nho", "partial_agreement", "information_only", F, F, 2, 30, 1, 0),  # noqa: E501
    ("2026", "availability", "kommune", "oslo-kommune", "agreement", "in_time", T, F, 3, 150, 0, 0),
    ("2026", "home_office_agreement", "privat", "finans-finansforbundet", "open", "not_held_decision_taken", F, F, 2, 70, 2, 1),  # noqa: E501
    ("2026", "office_layout", "annet", "none", "withdrawn", "late_after_implementation", F, T, 1, 12, 1, 1),  # noqa: E501
    ("2026", "other", "stat", "staten", "agreement", "in_time", T, F, 1, 8, 0, 0),
    ("2026", "office_layout", "privat", "lo-nho", "open", "ukjent", F, F, 2, 0, 0, 0),
    ("2026", "space_allocation", "stat", "staten", "escalated", "not_held_decision_taken", F, T, 2, 45, 2, 2),  # noqa: E501
]  # fmt: skip

# Names planted where the report could take text from other than the summaries: the
# employers (which the report must leave out when anonymised) and the union's settings.
PLANTED = ("Kari Nordmann", "Ola Hansen", "Nordmann Bakeri AS")
SUMMARIES = (
    AppendixEntry(
        "Sammendrag 1",
        "En arbeidsgiver i staten innførte aktivitetsbasert kontor i mars 2025 uten drøfting."
        "\n\nEtter protest ble saken drøftet i mai 2025.",
    ),
    AppendixEntry(
        "Sammendrag 2",
        "Hjemmekontoravtalen ble sagt opp i oktober 2026; saken er ikke avsluttet.",
    ),
)


def make_cell(raw: tuple[str, str, str, str, str, str, bool, bool, int, int, int, int]) -> CubeCell:
    period, ctype, sector, agreement, outcome, timing, prot, env, cases, members, lt, dl = raw
    return CubeCell(
        period=period, case_type=ctype, sector=sector, agreement=agreement,
        size_band="50–199", outcome=outcome, timing=timing, signed_protocol=prot,
        environment_involved=env, cases=cases, members=members, letters_sent=lt,
        deadlines_missed=dl, members_known=cases,
    )  # fmt: skip


def make_data(granularity: str = "year") -> ReportData:
    request = ReportRequest(
        start=date(2025, 1, 1),
        end=date(2026, 12, 31),
        granularity="quarter" if granularity == "quarter" else "year",
        anonymise_employers=True,
    )
    cells = tuple(make_cell(r) for r in RAW)
    if granularity == "quarter":
        # Spread the cells over quarters (the period string is all that changes).
        cells = tuple(
            dataclasses.replace(c, period=f"{c.period}-K{k % 4 + 1}") for k, c in enumerate(cells)
        )
    days = {"2025": (10, 4, 30, 7), "2026": (3, 21, 14)}
    employers = {name: 3 for name in PLANTED}  # must never reach the documents
    return ReportData(request, date(2027, 1, 15), cells, days, employers)


@pytest.fixture(scope="module")
def figures() -> Figures:
    return make_figures(make_data())


@pytest.fixture(scope="module")
def shown(figures: Figures) -> dict[str, SuppressedTable]:
    return suppress_figures(figures)


@pytest.fixture(scope="module")
def docx_bytes(figures: Figures, shown: dict[str, SuppressedTable]) -> bytes:
    return report_docx(figures, shown, union_name="Testforbundet", summaries=SUMMARIES)


@pytest.fixture(scope="module")
def xlsx_bytes(figures: Figures, shown: dict[str, SuppressedTable]) -> bytes:
    return report_xlsx(figures, shown)


def open_docx(data: bytes):  # type: ignore[no-untyped-def]
    from docx import Document

    return Document(io.BytesIO(data))


def all_xml_text(data: bytes) -> str:
    """Every XML part of an Office file, as text (document, headers, properties, sheets)."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return "\n".join(
            z.read(n).decode("utf-8", "replace") for n in z.namelist() if n.endswith(".xml")
        )


def word_table(doc, header0: str):  # type: ignore[no-untyped-def]
    found = [t for t in doc.tables if t.rows[0].cells[0].text == header0]
    assert found, header0
    return found


# ------------------------------------------------------------------------------- words


def test_dates_in_norwegian_words() -> None:
    assert period_words(date(2025, 1, 1), date(2026, 12, 31)) == (
        "1. januar 2025 – 31. desember 2026"
    )
    assert norwegian_date(date(2026, 11, 22)) == "22. november 2026"
    assert norwegian_date(date(2026, 5, 3)) == "3. mai 2026"


# ------------------------------------------------------------------------------- docx


def test_docx_title_page_summary_and_a_section_per_table(
    docx_bytes: bytes, figures: Figures
) -> None:
    doc = open_docx(docx_bytes)
    texts = [p.text for p in doc.paragraphs]
    head = texts[:15]
    assert "Testforbundet" in head
    assert TITLE in head
    assert "1. januar 2025 – 31. desember 2026" in head
    assert any("Laget 15. januar 2027" in t for t in head)
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    expected = [
        "Sammendrag",
        *(f"{k}. {t.title}" for k, t in enumerate(figures.tables, start=1)),
        f"{len(figures.tables) + 1}. {figures.median.title}",
        "Om tallene",
        f"Vedlegg: {APPENDIX_TITLE}",
    ]
    assert [h for h in headings if not h.startswith("Sammendrag ")] == expected
    # The summary is the key figures in words.
    bullets = [p.text for p in doc.paragraphs if p.style.name == "List Bullet"]
    assert bullets[0].startswith("I perioden 1. januar 2025 – 31. desember 2026 ble det registrert")


def test_docx_is_a4_in_arial_with_page_numbers(docx_bytes: bytes) -> None:
    from docx.shared import Mm

    doc = open_docx(docx_bytes)
    section = doc.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(1)
    assert abs(section.page_height - Mm(297)) < Mm(1)
    assert doc.styles["Normal"].font.name == "Arial"
    styles_xml = doc.styles.element.xml
    assert "Calibri" not in styles_xml and "Cambria" not in styles_xml
    assert "asciiTheme" not in styles_xml  # theme fonts would win over Arial in Word
    footer_xml = section.footer._element.xml
    assert 'w:instr=" PAGE "' in footer_xml and 'w:instr=" NUMPAGES "' in footer_xml


def test_docx_sector_table_shows_only_what_may_be_shown(
    docx_bytes: bytes, shown: dict[str, SuppressedTable]
) -> None:
    doc = open_docx(docx_bytes)
    table = word_table(doc, "Sektor")[0]  # the sector table comes before sector × size
    rows = {r.cells[0].text: [c.text for c in r.cells[1:]] for r in table.rows[1:]}
    # privat 17 of 51; helse has 2 cases, annet 1, ukjent 1. The test cells' keys are
    # all 0, so every count is published as ptable(n, 0): 17 → 15, 51 → 49, 2 and 1 stay
    # and are under the floor.
    privat, staten, total = published(17, 0), published(20, 0), published(51, 0)
    assert (privat, total) == (15, 49)
    assert rows["Privat sektor"] == [str(privat), percent(100 * privat / total)]
    assert rows["Staten"] == [str(staten), percent(100 * staten / total)]
    assert rows["Helseforetak"] == [SUPPRESSED, SUPPRESSED]
    assert rows["Annet"] == [SUPPRESSED, SUPPRESSED]
    assert rows["I alt"] == [str(total), "100\u00a0%"]
    # The real value of the hidden cell is in the data, and not in the document's cell.
    sector = shown[BY_SECTOR]
    helse = [r.label for r in sector.table.rows].index("Helseforetak")
    assert sector.table.value(helse, 0) == 2
    assert "2" not in "".join(rows["Helseforetak"])


def test_docx_every_hidden_cell_of_every_table_is_a_dash(
    docx_bytes: bytes, figures: Figures, shown: dict[str, SuppressedTable]
) -> None:
    doc = open_docx(docx_bytes)
    # The tables in the document, in order: one per figures table, then the median table.
    assert len(doc.tables) == len(figures.tables) + 1
    checked = 0
    for word, table in zip(doc.tables, figures.tables, strict=False):
        lay = layout(shown[table.key])
        assert [c.text for c in word.rows[0].cells][: len(lay.header)] == list(lay.header)
        for r, row in enumerate(lay.cells):
            for j, value in enumerate(row):
                first_line = word.rows[r + 1].cells[j + 1].text.split("\n")[0]
                if value == SUPPRESSED:
                    checked += 1
                    assert first_line == SUPPRESSED, (table.key, r, j)
                else:
                    assert first_line.replace("\u00a0", "") == str(value), (table.key, r, j)
    assert checked >= 10  # the data hides plenty (sector, agreement, trend, ...)


def test_docx_footnote_exactly_under_tables_with_hidden_cells(
    docx_bytes: bytes, figures: Figures, shown: dict[str, SuppressedTable]
) -> None:
    doc = open_docx(docx_bytes)
    note = footnote(figures.request.min_cell)
    with_hidden = [t.key for t in figures.tables if shown[t.key].hidden]
    assert BY_SECTOR in with_hidden and KEY_FIGURES not in with_hidden
    count = sum(p.text == note for p in doc.paragraphs)
    _counts, median_layout = _median_shown(figures)
    median_hidden = SUPPRESSED in (c for row in median_layout.cells for c in row)
    assert median_hidden  # 4 and 3 cases with both dates: under the ten a median needs
    assert count == len(with_hidden) + 1
    # And the table notes are there too.
    texts = {p.text for p in doc.paragraphs}
    assert all(t.note in texts for t in figures.tables)


def test_docx_has_one_chart_per_table_that_has_one(
    docx_bytes: bytes, figures: Figures, shown: dict[str, SuppressedTable]
) -> None:
    doc = open_docx(docx_bytes)
    # Drawn: tables with a chart, but not the overall timing table when the trend (same
    # numbers per period) has one; a table of names or breakdowns has none to miss.
    drawn = [
        t
        for t in figures.tables
        if t.chart and not (t.key == TIMING and len(figures.periods) > 1) and t.key != BY_SECTOR
    ]
    specs = [chart_spec(shown[t.key], figures.periods) for t in drawn]
    specs.append(median_chart_spec(figures))
    missing = [s is None for s in specs].count(True)
    assert len(doc.inline_shapes) == len(specs) - missing
    assert sum(p.text in (NO_CHART, ONE_BAR, ONE_REAL_BAR) for p in doc.paragraphs) == missing
    assert sum(p.text == TREND_HAS_CHART for p in doc.paragraphs) == 1
    with zipfile.ZipFile(io.BytesIO(docx_bytes)) as z:
        pngs = [n for n in z.namelist() if n.startswith("word/media/")]
    assert len(pngs) == len(specs) - missing


def test_docx_appendix_holds_the_summaries_or_says_there_are_none(
    docx_bytes: bytes, figures: Figures, shown: dict[str, SuppressedTable]
) -> None:
    texts = [p.text for p in open_docx(docx_bytes).paragraphs]
    start = texts.index(f"Vedlegg: {APPENDIX_TITLE}")
    appendix = texts[start:]
    assert "Sammendrag 1" in appendix and "Sammendrag 2" in appendix
    assert "Etter protest ble saken drøftet i mai 2025." in appendix  # its own paragraph
    assert SUMMARIES[1].text in appendix
    assert NO_SUMMARIES not in texts
    empty = [p.text for p in open_docx(report_docx(figures, shown, union_name=None)).paragraphs]
    assert NO_SUMMARIES in empty
    assert "Forbundet" in empty[:15]  # no union name set


def test_planted_names_never_reach_the_documents(docx_bytes: bytes, xlsx_bytes: bytes) -> None:
    docx_text = all_xml_text(docx_bytes)
    xlsx_text = all_xml_text(xlsx_bytes)
    assert "Hjemmekontoravtalen ble sagt opp" in docx_text  # the check can see text
    assert "Privat sektor" in xlsx_text
    for word in (*PLANTED, "Nordmann", "Hansen"):
        assert word not in docx_text, word
        assert word not in xlsx_text, word


def test_chart_labels_come_only_from_the_tables_and_fixed_words(
    figures: Figures, shown: dict[str, SuppressedTable]
) -> None:
    allowed = {COUNT_AXIS, PERCENT_AXIS, DAYS_AXIS, MEDIAN_COLUMN}
    allowed |= {period_label(p) for p in figures.periods}
    for table in figures.tables:
        allowed |= {r.label for r in table.rows} | set(table.columns)
    specs = [chart_spec(shown[t.key], figures.periods) for t in figures.tables]
    specs.append(median_chart_spec(figures))
    labels = {label for s in specs if s is not None for label in s.labels()}
    assert labels <= allowed
    assert "Privat sektor" in labels and "2025" in labels
    assert not any(part in label for label in labels for n in PLANTED for part in n.split())


def test_hidden_cells_are_gaps_in_the_chart_never_their_value(
    figures: Figures, shown: dict[str, SuppressedTable]
) -> None:
    spec = chart_spec(shown[BY_SECTOR], figures.periods)
    assert spec is not None and spec.kind == "hbar"
    values = dict(zip(spec.categories, spec.series[0].values, strict=True))
    assert values["Privat sektor"] == published(17, 0)
    assert values["Helseforetak"] is None  # 2 in the data
    assert values["Annet"] is None and values["Ukjent"] is None
    protocol = chart_spec(shown[PROTOCOL], figures.periods)
    assert protocol is not None and protocol.kind == "stacked" and protocol.percent
    # signed 14 of 22 in 2025 (both published with key sum 0)
    assert protocol.series[0].values[0] == pytest.approx(100 * published(14, 0) / published(22, 0))


def test_sector_by_size_is_a_horizontal_stack_that_never_draws_a_hidden_part(
    figures: Figures, shown: dict[str, SuppressedTable]
) -> None:
    from tillitsvalgt.reports.figures import BY_SECTOR_SIZE

    table = shown[BY_SECTOR_SIZE]
    spec = chart_spec(table, figures.periods)
    assert spec is not None and spec.kind == "hstacked"
    for i in range(len(table.table.rows)):
        parts = [s.values[i] for s in spec.series]
        for j, part in enumerate(parts):  # a hidden part is never drawn, a shown one is
            assert (part is None) == (table.cell(i, j) == SUPPRESSED)


def test_a_stacked_bar_draws_its_shown_parts_and_never_a_hidden_one() -> None:
    """A hidden part («–», zero included) is a gap in its bar, never drawn; the shown
    parts keep the shares the table prints."""
    table = Table(
        "t", "Tittel", "Periode", ("Med", "Uten"),
        (Row("2025", (2, 10), "2025"), Row("2026", (7, 8), "2026"), Row("2027", (6, 1), "2027"),
         Row("2028", (5, 5), "2028")),
        "", shares="row",
    )  # fmt: skip
    # 2025: «Med» published under the floor; 2027: «Uten» under the floor.
    values = {
        (0, 0): SUPPRESSED, (0, 1): 10, (0, 2): 12,
        (1, 0): 7, (1, 1): 8, (1, 2): 15,
        (2, 0): 6, (2, 1): SUPPRESSED, (2, 2): 7,
        (3, 0): 5, (3, 1): 5, (3, 2): 10,
        (4, 0): 20, (4, 1): 24, (4, 2): 44,
    }  # fmt: skip
    periods = ("2025", "2026", "2027", "2028")
    shown = SuppressedTable(table, 3, values)
    spec = chart_spec(shown, periods)
    assert spec is not None
    assert [s.values[0] for s in spec.series] == [None, pytest.approx(100 * 10 / 12)]
    assert [s.values[2] for s in spec.series] == [pytest.approx(100 * 6 / 7), None]
    assert spec.series[0].values[1] == pytest.approx(100 * 7 / 15)
    # Only one bar left with numbers: no chart, and the sentence says why.
    one = {**values, (0, 1): SUPPRESSED, (2, 0): SUPPRESSED, (3, 0): SUPPRESSED,
           (3, 1): SUPPRESSED}  # fmt: skip
    assert chart_spec(SuppressedTable(table, 3, one), periods) is None
    assert why_no_chart(SuppressedTable(table, 3, one), periods) == ONE_REAL_BAR
    # Everything hidden: no chart at all.
    everything = {(i, j): SUPPRESSED for i in range(5) for j in range(3)}
    assert chart_spec(SuppressedTable(table, 3, everything), periods) is None
    assert why_no_chart(SuppressedTable(table, 3, everything), periods) == NO_CHART


def test_every_kind_of_chart_renders_to_png() -> None:
    quarters = make_figures(make_data("quarter"))
    q_shown = suppress_figures(quarters)
    specs = [chart_spec(q_shown[KEY_FIGURES], quarters.periods)]
    assert specs[0] is not None and specs[0].kind == "lines"  # 8 quarters
    specs += [
        ChartSpec("hbar", ("A", "B"), (Series("Saker", (3.0, None)),), COUNT_AXIS),
        ChartSpec("bars", ("2025",), (Series("Saker", (None,)), Series("X", (4.0,))), COUNT_AXIS),
        ChartSpec(
            "stacked", ("2025", "2026"), (Series("A", (40.0, None)), Series("B", (60.0, None))),
            PERCENT_AXIS, percent=True,
        ),
        ChartSpec("lines", tuple("abcdef"), (Series("S", (1, 2, None, 4, 5, 6)),), COUNT_AXIS),
        ChartSpec(
            "hstacked", ("Staten", "Privat sektor"),
            (Series("under 50", (4.0, None)), Series("50–199", (3.0, None))), COUNT_AXIS,
        ),
    ]  # fmt: skip
    for spec in specs:
        assert spec is not None
        png = render_chart(spec)
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        width = int.from_bytes(png[16:20], "big")
        assert width == int(6.3 * 150)  # 6.3 in at 150 dpi: sharp in print at 16 cm
    docx = report_docx(quarters, q_shown, union_name=None)
    assert len(open_docx(docx).inline_shapes) >= 5


def test_rendering_writes_no_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, figures: Figures
) -> None:
    monkeypatch.chdir(tmp_path)
    shown = suppress_figures(figures)
    report_docx(figures, shown, union_name=None)
    report_xlsx(figures, shown)
    assert list(tmp_path.iterdir()) == []


# ------------------------------------------------------------------------------- xlsx


def test_xlsx_sheets_header_values_and_dashes(
    xlsx_bytes: bytes, figures: Figures, shown: dict[str, SuppressedTable]
) -> None:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(xlsx_bytes))
    names = book.sheetnames
    assert names[0] == ABOUT_SHEET
    assert len(names) == 1 + len(figures.tables) + 1
    assert len(set(n.lower() for n in names)) == len(names)
    for name in names:
        assert len(name) <= 31 and not set(name) & set("[]:*?/\\")
    sector = book["Sektor"]
    assert sector["A1"].value == "Saker etter sektor"
    assert [c.value for c in sector[3]] == ["Sektor", "Saker", "Andel saker"]
    rows = {r[0]: r[1:] for r in sector.iter_rows(min_row=4, max_row=10, values_only=True)}
    privat, total = published(17, 0), published(51, 0)
    assert rows["Privat sektor"][0] == privat and isinstance(rows["Privat sektor"][0], int)
    assert rows["Privat sektor"][1] == pytest.approx(privat / total)
    assert sector["C4"].number_format == "0 %"
    assert rows["Helseforetak"] == (SUPPRESSED, SUPPRESSED)
    assert rows["I alt"] == (total, pytest.approx(1.0))
    column_a = [c.value for c in sector["A"]]
    assert footnote(3) in column_a
    assert shown[BY_SECTOR].table.note in column_a
    # A table without hidden cells has no footnote.
    key = book["Saker og medlemmer"]
    assert footnote(3) not in [c.value for c in key["A"]]
    # 22 cases and 1 070 members, published: the count by the ptable, the members ±10 %
    # and rounded to tens.
    assert [c.value for c in key[4]] == ["2025", published(22, 0), shown_magnitude(1070, 0)]
    assert shown_magnitude(1070, 0) % 10 == 0 and 960 <= shown_magnitude(1070, 0) <= 1180


def test_xlsx_about_sheet(xlsx_bytes: bytes) -> None:
    from openpyxl import load_workbook

    about = load_workbook(io.BytesIO(xlsx_bytes))[ABOUT_SHEET]
    pairs = {r[0]: r[1] for r in about.iter_rows(values_only=True) if r[0]}
    assert pairs["Periode"] == "1. januar 2025 – 31. desember 2026"
    assert pairs["Laget"].date() == date(2027, 1, 15)
    assert pairs["Minste tall som vises"] == 3
    assert "under 3 etter at tilfeldig støy er lagt til" in pairs[f"«{SUPPRESSED}» betyr"]


def test_sheet_names_are_cleaned_shortened_and_unique() -> None:
    taken: set[str] = set()
    first = sheet_name("ny", "Hva skjedde? [alt]: a/b*c\\d og mye mer tekst her", taken)
    second = sheet_name("ny", "Hva skjedde? [alt]: a/b*c\\d og mye mer tekst her", taken)
    for name in (first, second):
        assert len(name) <= 31 and not set(name) & set("[]:*?/\\")
    assert first != second and second.endswith(" 2")
    assert sheet_name(BY_SECTOR, "Saker etter sektor", taken) == "Sektor"


# -------------------------------------------------------------------- real clients


@pytest.mark.slow
def test_docx_converts_to_pdf_in_libreoffice(docx_bytes: bytes, tmp_path: Path) -> None:
    from tillitsvalgt.letters.pdf import convert_to_pdf, find_office

    if find_office() is None or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice or pdftotext is not installed")
    source = tmp_path / "rapport.docx"
    source.write_bytes(docx_bytes)
    (pdf,) = convert_to_pdf([source], tmp_path / "pdf")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert TITLE in text
    assert "1. januar 2025 – 31. desember 2026" in text
    assert "Side 2 av" in text  # the page-number fields were filled in
    assert "Saker etter sektor" in text


def test_the_report_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import openpyxl

    from tillitsvalgt.letters.render import docx_text

    from conftest import SCENARIOS, run_cli

    data = ["--data-dir", str(tmp_path / "data")]
    run_cli(capsys, *data, "import", str(SCENARIOS))
    run_cli(capsys, *data, "settings", "union", "Negotia")
    out, sheet = tmp_path / "rapport.docx", tmp_path / "rapport.xlsx"
    code, said, err = run_cli(
        capsys,
        *data,
        "report",
        "--from",
        "2026-01-01",
        "--to",
        "2026-12-31",
        "--out",
        str(out),
        "--xlsx",
        str(sheet),
        "--anonymise-employers",
    )
    assert code == 0, err
    assert str(out) in said and str(sheet) in said
    shown = docx_text(out.read_bytes())
    assert "Negotia" in shown and "Rapport til landsmøtet" in shown
    assert "Nordkyst Sparebank" not in shown  # employers are never named in the report
    book = openpyxl.load_workbook(sheet)
    assert book.sheetnames[0] == "Om rapporten" and len(book.sheetnames) > 5
    code, _, err = run_cli(
        capsys, *data, "report", "--from", "2026-12-31", "--to", "2026-01-01", "--out", str(out)
    )
    assert code == 1 and "--to" in err


def test_title_page_and_method_page_say_exactly_what_the_report_does(docx_bytes: bytes) -> None:
    from tillitsvalgt.reports.documents import method_text, title_page_promise

    texts = [p.text for p in open_docx(docx_bytes).paragraphs]
    title_page = texts[: texts.index("Sammendrag")]
    joined = "\n".join(title_page)
    for line in title_page_promise(3):
        assert line in joined
    assert "±2" in joined and "«–»" in joined and "Tall under 3" in joined
    assert "vises ikke" not in joined  # the old promise, no longer what it does
    start = texts.index("Om tallene")
    assert texts[start + 1 : start + 1 + len(method_text(3))] == method_text(3)


def test_charts_have_alt_text_and_the_document_real_properties(docx_bytes: bytes) -> None:
    import re as _re
    import zipfile

    with zipfile.ZipFile(io.BytesIO(docx_bytes)) as z:
        body = z.read("word/document.xml").decode()
        core = z.read("docProps/core.xml").decode()
    descriptions = _re.findall(r'<wp:docPr [^>]*descr="([^"]+)"', body)
    assert descriptions and all(": " in d for d in descriptions)
    assert "python-docx" not in core and "2013-12-23" not in core
    assert "2027-01-15" in core  # made on


def test_a_report_of_no_cases_is_written_with_every_table_empty(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Found by the bundle's smoke test: a table without rows (every table, when the period
    holds no cases, as with only example cases) crashed the column widths in Word and in
    the spreadsheet with an «unexpected error»."""
    from openpyxl import load_workbook

    from tillitsvalgt.reports.documents import column_widths

    from conftest import run_cli

    widths = column_widths(["Sektor", "Saker", "Andel"], [], 10.0)
    assert len(widths) == 3 and abs(sum(widths) - 166.0) < 0.01
    data = str(tmp_path / "data")
    assert run_cli(capsys, "--data-dir", data, "demo")[0] == 0  # examples: never counted
    out, xlsx = tmp_path / "tom.docx", tmp_path / "tom.xlsx"
    code, said, err = run_cli(
        capsys, "--data-dir", data, "report", "--from", "2025-01-01", "--to", "2026-12-31",
        "--out", str(out), "--xlsx", str(xlsx),
    )  # fmt: skip
    assert code == 0, err
    assert "(0 saker)" in said
    assert zipfile.is_zipfile(out)
    assert load_workbook(xlsx, read_only=True).sheetnames
