"""The landsmøte report as documents: a Word report and a spreadsheet, as bytes in memory.

Both are written from the *published* tables only (``cellkey.protect_figures``): every
count perturbed by its cell key, a value under the floor printed as "–"; the true counts
are never read, neither for the table, the share beside it, nor the chart. Nothing here
writes a file; the caller saves the bytes with ``paths.write_atomically``.

Charts are drawn with matplotlib's Agg canvas on a ``Figure`` of their own (no pyplot,
no global backend switch, nothing shown), in grey shades with hatching so they read in
black-and-white print. What a chart says is decided by ``chart_spec`` (pure, testable
without matplotlib): its labels are only the table's row and column labels (vocabulary
labels and periods) and fixed words from this module, and a hidden cell is ``None``,
drawn as a gap marked "–". A stacked bar with a hidden part is left out whole: a bar
drawn from its shown parts would misstate the total, and one drawn to the total would
show the hidden part as the gap.

python-docx, openpyxl and matplotlib are imported on first use (≈0.7 s together).
"""

from __future__ import annotations

import contextlib
import contextvars
import io
import re
import textwrap
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any, Literal

from tillitsvalgt.reports.anonymise import AppendixEntry
from tillitsvalgt.reports.cellkey import (
    FLOOR,
    SUPPRESSED,
    ProtectedTable,
    Shown,
    footnote,
    protect,
    shown_medians,
)
from tillitsvalgt.reports.chart_worker import Charts
from tillitsvalgt.reports.figures import (
    BY_SECTOR,
    LATE_TREND,
    LETTERS,
    TIMING,
    TOTAL_LABEL,
    Figures,
    Table,
    percent,
)
from tillitsvalgt.reports.figures import (
    CASES as CASES_COLUMN,
)
from tillitsvalgt.reports.summary import summary_sentences
from tillitsvalgt.rules.deadlines import format_date

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

FONT = "Arial"  # LibreOffice substitutes the metric-compatible Liberation Sans
TITLE = "Rapport til landsmøtet"
DEFAULT_UNION = "Forbundet"
APPENDIX_TITLE = "Sakssammendrag"
NO_SUMMARIES = "Ingen saker var merket «ta med i rapport» for denne perioden."
NO_CHART = "Ingen figur: det er ingen tall å vise, eller for mange av dem er skjult."
SECTOR_IN_SIZE_CHART = "Figuren til tabellen for sektor og størrelse viser sektorene."
TREND_HAS_CHART = "Figuren for utviklingen over tid viser de samme tallene per periode."
ONE_BAR = "Ingen figur: tabellen har bare én rad, og én søyle sier ikke mer enn tallet."
ONE_REAL_BAR = (
    "Ingen figur: bare én søyle ville vist et tall, og én søyle sier ikke mer enn tabellen."
)
MEDIAN_COLUMN = "Median antall dager"
SHARE_LABEL = "Andel"
PERCENT_AXIS = "Andel av sakene i perioden (%)"
COUNT_AXIS = "Antall"
DAYS_AXIS = "Dager (median)"
ABOUT_SHEET = "Om rapporten"
METHOD_TITLE = "Om tallene"


def title_page_promise(min_cell: int) -> list[str]:
    """What the report does to protect members, exactly, for the title page."""
    floor = max(min_cell, FLOOR)
    return [
        "Alle antall saker har fått litt tilfeldig, fast støy (høyst ±2) etter «cell "
        "key»-metoden som statistikkbyråene i Storbritannia (ONS) og Australia (ABS) bruker; "
        "antall medlemmer har ±10 % støy og er rundet av til nærmeste ti.",
        f"Tall under {floor} etter støyen vises som «{SUPPRESSED}», også null.",
        "Ingen personer er navngitt; i vedlegget er navn, fødselsnumre, telefonnumre, "
        "e-postadresser og eksakte datoer tatt ut.",
    ]


def method_text(min_cell: int) -> list[str]:
    """The method page: what the numbers are, and why they are safe, in plain words."""
    floor = max(min_cell, FLOOR)
    return [
        "Hver sak har fått et tilfeldig tall (en nøkkel fra 0 til 255) da den ble "
        "registrert. Nøkkelen endres aldri og vises aldri.",
        "Når rapporten teller sakene i en rute, legger den sammen nøklene til sakene i "
        "ruten og slår opp i en fast tabell hvor mye tallet skal justeres: halvparten av "
        "rutene står uendret, de fleste av resten endres med 1, og noen få med 2. Summer "
        "(«I alt») er egne ruter med egen justering. Derfor stemmer ikke alltid delene med "
        "summen, og andelene er regnet av de justerte tallene.",
        "De samme sakene gir alltid det samme tallet, i denne og i alle senere rapporter. "
        "Den som trekker én rapport fra en annen (to perioder som overlapper, år mot "
        "kvartal, med og uten navn på virksomhetene), får bare støy, ikke den ene saken "
        "som skiller dem.",
        f"Tall under {floor} etter justeringen vises som «{SUPPRESSED}». En «{SUPPRESSED}» "
        f"kan skjule fra 0 til {floor + 1} saker, og et vist tall på {floor} kan være 1. "
        "Også en rute uten saker vises som «–»: viste rapporten null, ville hver «–» bety "
        "minst én sak, og noen små tall kunne regnes ut av summene. Av samme grunn har "
        "hver tabell de samme radene uansett hvilke saker som finnes.",
        "Antall berørte medlemmer er en sum, ikke en telling: den har fått støy på ±10 % "
        "og er rundet av til nærmeste ti. Medianer vises bare når de bygger på minst "
        "ti saker.",
        f"Det minste tallet som kan vises, kan ikke settes lavere enn {FLOOR}. "
        "Virksomheter navngis bare når de har minst så mange saker etter justeringen; "
        "resten er samlet på én linje.",
        "Rapporten dekker alltid hele kvartaler. Publiser en periode én gang, med én "
        "inndeling (år eller kvartal): to rapporter for samme periode der den ene har fått "
        "med én sak til, eller de samme sakene per år og per kvartal, kan sammen si mer om "
        "små tall enn hver av dem. Per kvartal vises bare antall saker og andelen med for "
        "sen eller manglende drøfting; resten vises per år.",
        "Rapporten teller alltid alle sakene i databasen for perioden, aldri bare én sektor "
        "eller noen av de tillitsvalgte. En tillitsvalgts egen rapport ved siden av denne "
        "skiller seg med de andre tillitsvalgtes saker: har de svært få saker i perioden, "
        "bør bare én av rapportene publiseres.",
        "Tabellene om svar på krav, sjekklisten for hjemmekontor, beslutninger og saker "
        "løftet videre teller også saker, med den samme støyen. En beslutning som gjelder "
        "flere enheter (en gruppesak), telles én gang og har sin egen faste nøkkel. Svar per "
        "virksomhet vises bare for virksomheter som er navngitt fra før.",
        "Vedlegget med sakssammendrag har ingen navn, fødselsnumre, telefonnumre, "
        "e-postadresser eller eksakte datoer, og overskriftene sier bare hvilket nummer "
        "sammendraget har.",
    ]


# Fill and hatch per series: distinguishable without colour, and on a photocopy.
_STYLES: tuple[tuple[str, str], ...] = (
    ("0.35", ""),
    ("white", "///"),
    ("0.75", ""),
    ("white", "..."),
    ("0.55", "\\\\\\"),
    ("white", "xx"),
    ("0.9", "--"),
    ("white", ""),
)
WIDTH_INCHES = 6.3
CHART_DPI = 150  # 945 pixels across at 160 mm: sharp in print
_LINE_STYLES: tuple[tuple[str, str], ...] = (("-", "o"), ("--", "s"), (":", "^"), ("-.", "D"))


# ------------------------------------------------------------------------------ words


def norwegian_date(day: date) -> str:
    """'22. november 2026' (the letters' own date format)."""
    return format_date(day)


def period_words(start: date, end: date) -> str:
    """'1. januar 2025 – 31. desember 2026'."""
    return f"{norwegian_date(start)} – {norwegian_date(end)}"


def number(n: int) -> str:
    """Norwegian thousands: a no-break space between groups (12 400)."""
    return f"{n:,}".replace(",", "\u00a0")


def decimal(value: float) -> str:
    """A median in days: whole, or with one decimal and a comma (12,5)."""
    if value == int(value):
        return number(int(value))
    return f"{value:.1f}".replace(".", ",")


def shown_text(value: Shown | float | None) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value  # "–" or "ukjent"
    if isinstance(value, float):
        return decimal(value)
    return number(value)


def share_text(value: float | str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return SUPPRESSED
    return percent(value)


# ------------------------------------------------------------------------ table layout


@dataclass(frozen=True, slots=True)
class Layout:
    """A suppressed table laid out for print: the header and the body rows, every cell a
    shown count or "–" (``cells``) with its share when the table has shares."""

    header: tuple[str, ...]  # row label, then one per column (and "I alt")
    labels: tuple[str, ...]  # per body row, "I alt" last when there is a total row
    cells: tuple[tuple[Shown | float | None, ...], ...]  # floats: medians
    shares: tuple[tuple[float | str | None, ...], ...] | None  # "–" hidden, None none


def layout(shown: ProtectedTable) -> Layout:
    table = shown.table
    n_rows, n_cols = len(table.rows), len(table.columns)
    row_ids = list(range(n_rows)) + ([n_rows] if table.has_total_row else [])
    col_ids = list(range(n_cols)) + ([n_cols] if table.has_total_column else [])
    header = (table.row_label, *table.columns, *([TOTAL_LABEL] if table.has_total_column else []))
    labels = tuple(table.rows[i].label if i < n_rows else TOTAL_LABEL for i in row_ids)
    cells = tuple(tuple(shown.cell(i, j) for j in col_ids) for i in row_ids)
    shares = None
    if table.shares is not None:
        shares = tuple(tuple(shown.share(i, j) for j in col_ids) for i in row_ids)
    return Layout(header, labels, cells, shares)


# ------------------------------------------------------------------------------ charts


ChartKind = Literal["hbar", "hstacked", "stacked", "bars", "lines"]


@dataclass(frozen=True, slots=True)
class Series:
    label: str
    values: tuple[float | None, ...]  # None: hidden (drawn as a gap marked "–")


@dataclass(frozen=True, slots=True)
class ChartSpec:
    """Everything a chart says, before it is drawn."""

    kind: ChartKind
    categories: tuple[str, ...]  # bars or points along the axis
    series: tuple[Series, ...]
    axis_label: str
    percent: bool = False

    def labels(self) -> tuple[str, ...]:
        """Every text the chart prints (besides numbers and "–")."""
        return (*self.categories, *(s.label for s in self.series), self.axis_label)


def _count(value: Shown) -> float | None:
    return None if isinstance(value, str) else float(value)


def chart_spec(shown: ProtectedTable, periods: Sequence[str]) -> ChartSpec | None:
    """The chart for a table, or None when it would show nothing (every bar hidden or
    zero) or a single bar (``why_no_chart`` says which, under the table). Hidden cells
    become None; the margins are not drawn."""
    spec = _any_chart(shown, periods)
    if spec is None or bars_with_numbers(spec) <= 1:
        return None
    return spec


def _any_chart(shown: ProtectedTable, periods: Sequence[str]) -> ChartSpec | None:
    table = shown.table
    n_rows, n_cols = len(table.rows), len(table.columns)
    if n_rows <= 1:
        return None  # one bar says no more than the table (a report for one period)
    categories = tuple(row.label for row in table.rows)
    # Rows are periods: the report's (quarters), or years (the splits kept by year).
    by_period = all(
        row.code in periods or re.fullmatch(r"\d{4}(-K[1-4])?", row.code) for row in table.rows
    )
    if table.key == LATE_TREND:
        # The landsmøte's question over time: one bar (or point) per period, the share of
        # late or missing drøfting, so a small «other» part never hides the period.
        shares = [shown.share(i, 0) for i in range(n_rows)]
        values = tuple(v if isinstance(v, float) else None for v in shares)
        trend_kind: ChartKind = "lines" if n_rows > 4 else "bars"
        return ChartSpec(
            trend_kind, categories, (Series(table.columns[0], values),), PERCENT_AXIS, percent=True
        )
    if not by_period and n_cols == 1:
        values = tuple(_count(shown.cell(i, 0)) for i in range(n_rows))
        spec = ChartSpec("hbar", categories, (Series(table.columns[0], values),), COUNT_AXIS)
    elif not by_period and n_cols > 1:
        # Categories split by a second dimension (sector by size): one bar per category,
        # its shown parts stacked; a hidden part («–», which may be zero) is not drawn and
        # the bar's label says a part is missing, so the bar never shows what the table
        # hides.
        cells = [[_count(shown.cell(i, j)) for j in range(n_cols)] for i in range(n_rows)]
        series = tuple(
            Series(column, tuple(cells[i][j] for i in range(n_rows)))
            for j, column in enumerate(table.columns)
        )
        spec = ChartSpec("hstacked", categories, series, COUNT_AXIS)
    elif by_period and table.shares == "row" and table.has_total_column:
        rows: list[tuple[float | None, ...]] = []
        for i in range(n_rows):
            # The shown parts' shares of the shown total; a hidden part («–», which may
            # be zero) is a gap at the top of the bar, never drawn.
            parts = [shown.share(i, j) for j in range(n_cols)]
            rows.append(tuple(p if isinstance(p, float) else None for p in parts))
        series = tuple(
            Series(column, tuple(r[j] for r in rows)) for j, column in enumerate(table.columns)
        )
        spec = ChartSpec("stacked", categories, series, PERCENT_AXIS, percent=True)
    else:
        kind: ChartKind = "lines" if by_period and n_rows > 4 else "bars"
        # Columns that only repeat the cases per period (drawn in figure 1) are left out.
        drawn = [
            j
            for j, column in enumerate(table.columns)
            if not (table.key == LETTERS and column == CASES_COLUMN)
        ]
        series = tuple(
            Series(table.columns[j], tuple(_count(shown.cell(i, j)) for i in range(n_rows)))
            for j in drawn
        )
        spec = ChartSpec(kind, categories, series, COUNT_AXIS)
    return spec


def bars_with_numbers(spec: ChartSpec) -> int:
    """How many categories the chart would show a (nonzero, not hidden) number for."""
    return sum(1 for k in range(len(spec.categories)) if any(s.values[k] for s in spec.series))


def why_no_chart(shown: ProtectedTable, periods: Sequence[str]) -> str:
    """The sentence in place of a chart: one row, one bar with a number, or nothing."""
    if len(shown.table.rows) <= 1:
        return ONE_BAR
    spec = _any_chart(shown, periods)
    return ONE_REAL_BAR if spec is not None and bars_with_numbers(spec) == 1 else NO_CHART


def alt_text(spec: ChartSpec, title: str) -> str:
    """The chart in words: its kind, then each category with its values."""
    kind = {
        "hbar": "Liggende søylediagram",
        "hstacked": "Liggende stablede søyler",
        "stacked": "Stablede søyler i prosent",
        "bars": "Søylediagram",
        "lines": "Linjediagram",
    }[spec.kind]

    def value(v: float | None) -> str:
        if v is None:
            return SUPPRESSED
        return percent(v) if spec.percent else number(round(v))

    parts = []
    for k, category in enumerate(spec.categories):
        values = ", ".join(
            (f"{s.label} {value(s.values[k])}" if len(spec.series) > 1 else value(s.values[k]))
            for s in spec.series
        )
        parts.append(f"{category}: {values}")
    return f"{kind}: {title}. " + "; ".join(parts) + "."


def median_chart_spec(figures: Figures) -> ChartSpec | None:
    per_period, _overall = shown_medians(figures.median, figures.request.min_cell)
    # A period without a case with both dates has no median: left out of the chart (a
    # «–» there would say "hidden" where there is nothing).
    kept = [
        (row.label, v)
        for row, v in zip(figures.median.counts.rows, per_period, strict=True)
        if v is not None
    ]
    values = tuple(v if isinstance(v, float) else None for _, v in kept)
    if sum(1 for v in values if v) <= 1:
        return None  # no median to show, or one: the table says it (ONE_REAL_BAR)
    categories = tuple(label for label, _ in kept)
    kind: ChartKind = "lines" if len(values) > 4 else "bars"
    return ChartSpec(kind, categories, (Series(MEDIAN_COLUMN, values),), DAYS_AXIS)


_CHART_STYLE: dict[Any, Any] = {
    "font.family": "sans-serif",
    "font.sans-serif": ["Liberation Sans", "Arial", "DejaVu Sans"],
    "font.size": 9,
    "hatch.linewidth": 0.7,
    "axes.spines.top": False,
    "axes.spines.right": False,
}
_styled: contextvars.ContextVar[bool] = contextvars.ContextVar("chart_styled", default=False)


@contextlib.contextmanager
def chart_style() -> Iterator[None]:
    """The charts' look, set once for a whole report (matplotlib copies every setting on
    entering a context: about 6 ms a chart when each chart enters its own)."""
    if _styled.get():
        yield
        return
    import matplotlib

    token = _styled.set(True)
    try:
        with matplotlib.rc_context(_CHART_STYLE):
            yield
    finally:
        _styled.reset(token)


def render_chart(spec: ChartSpec) -> bytes:
    """The chart as a PNG (Agg canvas, in memory)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    with chart_style():
        panels = len(spec.series) if spec.kind in ("bars", "lines") else 1
        height = (
            max(2.0, 0.38 * len(spec.categories) + 0.8)
            if spec.kind == "hbar"
            else max(2.4, 0.42 * len(spec.categories) + 1.3)
            if spec.kind == "hstacked"
            else 3.2
        )
        # Margins set by hand: a layout engine measures every text and costs a second
        # draw (about 40 % of the report's time).
        fig = Figure(figsize=(WIDTH_INCHES, height))
        FigureCanvasAgg(fig)
        if spec.kind == "hbar":
            longest = max(len(c) for c in spec.categories)
            left = min(0.5, (0.3 + 0.068 * longest) / WIDTH_INCHES)
            fig.subplots_adjust(left=left, right=0.96, top=0.97, bottom=0.5 / height)
            _draw_hbar(fig.add_subplot(), spec)
        elif spec.kind == "hstacked":
            longest = max(len(c) for c in spec.categories)
            left = min(0.5, (0.3 + 0.068 * min(longest, 28)) / WIDTH_INCHES)
            legend_rows = -(-len(spec.series) // 3)
            fig.subplots_adjust(
                left=left, right=0.96, top=0.97, bottom=(0.6 + 0.22 * legend_rows) / height
            )
            _draw_hstacked(fig, fig.add_subplot(), spec)
        elif spec.kind == "stacked":
            legend_rows = -(-len(spec.series) // 4)
            fig.subplots_adjust(
                left=0.1, right=0.98, top=0.96, bottom=(0.55 + 0.22 * legend_rows) / height
            )
            _draw_stacked(fig, fig.add_subplot(), spec)
        else:
            # Quarters take two lines under the axis (K1 over its year): room for both.
            bottom = 0.17 if axis_labels(spec.categories)[1] else 0.1
            fig.subplots_adjust(left=0.1, right=0.98, top=0.86, bottom=bottom, wspace=0.25)
            axes = fig.subplots(1, panels, squeeze=False)[0]
            for k, (ax, series) in enumerate(zip(axes, spec.series, strict=True)):
                _draw_counts(ax, spec, series, k)
        out = io.BytesIO()
        # Fast zlib level: the charts are flat colours, so the files stay small (≈ +20 %)
        # while encoding takes a third of the time.
        fig.savefig(out, format="png", dpi=CHART_DPI, pil_kwargs={"compress_level": 1})
    return out.getvalue()


def _draw_hbar(ax: Any, spec: ChartSpec) -> None:
    values = spec.series[0].values
    ys = list(range(len(spec.categories)))
    drawn = [v or 0.0 for v in values]
    ax.barh(ys, drawn, color="0.6", edgecolor="black", linewidth=0.6, hatch="//")
    top = max(drawn) or 1.0
    for y, v in zip(ys, values, strict=True):
        text = SUPPRESSED if v is None else number(int(v))
        ax.text((v or 0.0) + top * 0.01, y, text, va="center", ha="left", fontsize=10)
    # Long labels (an outcome such as «Løftet videre (sentrale parter, …)») are wrapped,
    # or the left margin cuts them off.
    ax.set_yticks(ys, [textwrap.fill(label, 28) for label in spec.categories])
    ax.invert_yaxis()
    ax.set_xlim(0, top * 1.12)
    ax.set_xlabel(spec.axis_label)
    ax.xaxis.get_major_locator().set_params(integer=True)


def _draw_hstacked(fig: Any, ax: Any, spec: ChartSpec) -> None:
    ys = list(range(len(spec.categories)))
    lefts = [0.0] * len(ys)
    for k, series in enumerate(spec.series):
        fill, hatch = _STYLES[k % len(_STYLES)]
        widths = [v or 0.0 for v in series.values]
        ax.barh(
            ys, widths, 0.6, left=lefts, color=fill, edgecolor="black", linewidth=0.6,
            hatch=hatch, label=series.label,
        )  # fmt: skip
        lefts = [a + w for a, w in zip(lefts, widths, strict=True)]
    top = max(lefts, default=0.0) or 1.0
    for y in ys:
        hidden = [s.values[y] is None for s in spec.series]
        text = (
            SUPPRESSED
            if all(hidden)
            else f"{number(int(lefts[y]))} + {SUPPRESSED}"  # a part under the floor
            if any(hidden)
            else number(int(lefts[y]))
        )
        ax.text(lefts[y] + top * 0.01, y, text, va="center", ha="left", fontsize=10)
    ax.set_yticks(ys, [textwrap.fill(label, 28) for label in spec.categories])
    ax.invert_yaxis()
    ax.set_xlim(0, top * 1.12)
    ax.set_xlabel(spec.axis_label)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.legend(
        loc="upper center", bbox_to_anchor=(0.5, -0.45 / fig.get_figheight() - 0.1),
        ncol=min(3, len(spec.series)), frameon=False,
    )  # fmt: skip


def _draw_stacked(fig: Any, ax: Any, spec: ChartSpec) -> None:
    xs = list(range(len(spec.categories)))
    bottoms = [0.0] * len(xs)
    for k, series in enumerate(spec.series):
        fill, hatch = _STYLES[k % len(_STYLES)]
        heights = [v or 0.0 for v in series.values]
        ax.bar(
            xs, heights, 0.6, bottom=bottoms, color=fill, edgecolor="black",
            linewidth=0.6, hatch=hatch, label=series.label,
        )  # fmt: skip
        for x, h, b in zip(xs, heights, bottoms, strict=True):
            if h >= 8:
                ax.text(
                    x, b + h / 2, percent(h), ha="center", va="center", fontsize=8,
                    bbox={"facecolor": "white", "edgecolor": "none", "pad": 1},
                )  # fmt: skip
        bottoms = [b + h for b, h in zip(bottoms, heights, strict=True)]
    for x in xs:
        if all(s.values[x] is None for s in spec.series):
            ax.text(x, 2, SUPPRESSED, ha="center", va="bottom", fontsize=12)
    ax.set_xticks(xs, axis_labels(spec.categories)[0])
    ax.set_ylim(0, 100)
    ax.set_ylabel(spec.axis_label)
    ncol = min(4, len(spec.series))
    ax.legend(
        loc="upper center", bbox_to_anchor=(0.5, -0.3 / fig.get_figheight() - 0.06),
        ncol=ncol, frameon=False,
    )  # fmt: skip


_QUARTER = re.compile(r"([1-4])\. kvartal (\d{4})")


def axis_labels(categories: Sequence[str]) -> tuple[list[str], bool]:
    """Labels for a chart's horizontal axis that fit without turning or cutting: a
    quarter «3. kvartal 2025» is «K3», with its year on a second line under the first
    quarter shown and under every first quarter. Other labels stay. Returns the labels
    and whether they take two lines. (The alt text keeps the full words.)"""
    out: list[str] = []
    two_lines = False
    last_year = ""
    for category in categories:
        found = _QUARTER.fullmatch(category)
        if found is None:
            out.append(category)
            continue
        quarter, year = found.groups()
        if year != last_year:
            out.append(f"K{quarter}\n{year}")
            two_lines = True
        else:
            out.append(f"K{quarter}")
        last_year = year
    return out, two_lines


def _draw_counts(ax: Any, spec: ChartSpec, series: Series, k: int) -> None:
    xs = list(range(len(spec.categories)))
    shown = [v for v in series.values if v is not None]
    top = max(shown, default=0.0) or 1.0
    if spec.kind == "lines":
        line, marker = _LINE_STYLES[k % len(_LINE_STYLES)]
        ys = [float("nan") if v is None else v for v in series.values]
        ax.plot(xs, ys, linestyle=line, marker=marker, color="black", markerfacecolor="white")
        for x, v in zip(xs, series.values, strict=True):
            if v is None:
                ax.text(x, 0, SUPPRESSED, ha="center", va="bottom", fontsize=12)
    else:
        fill, hatch = _STYLES[k % len(_STYLES)]
        ax.bar(
            xs, [v or 0.0 for v in series.values], 0.6, color=fill, edgecolor="black",
            linewidth=0.6, hatch=hatch,
        )  # fmt: skip
        for x, v in zip(xs, series.values, strict=True):
            if v is None:
                text = SUPPRESSED
            elif spec.percent:
                text = percent(v)
            else:
                text = decimal(v) if v != int(v) else number(int(v))
            ax.text(x, (v or 0.0) + top * 0.02, text, ha="center", va="bottom", fontsize=8)
    labels, _two_lines = axis_labels(spec.categories)
    # Many years side by side in a half-width panel: every other label, so none overlap.
    thin = len(xs) > 8 and not any(label.startswith("K") for label in labels)
    ax.set_xticks(xs, [lab if not thin or i % 2 == 0 else "" for i, lab in enumerate(labels)])
    ax.set_ylim(0, top * 1.18)
    ax.set_title(textwrap.fill(series.label, 26), fontsize=9, fontweight="bold")
    if k == 0:
        ax.set_ylabel(spec.axis_label)
    ax.yaxis.get_major_locator().set_params(integer=True)


# ----------------------------------------------------------------------------- the docx


def _median_shown(figures: Figures) -> tuple[ProtectedTable, Layout]:
    """The median table laid out like the others: cases per period (suppressed on their
    own: this count is in no other table) and the median beside it."""
    n = figures.request.min_cell
    counts = protect(figures.median.counts, max(n, FLOOR))
    per_period, overall = shown_medians(figures.median, n)
    base = layout(counts)
    medians = [*per_period, *([overall] if figures.median.counts.has_total_row else [])]
    cells = tuple((*row, m) for row, m in zip(base.cells, medians, strict=True))
    return counts, Layout((*base.header, MEDIAN_COLUMN), base.labels, cells, None)


def _median_text(value: object) -> str:
    if value is None:
        return ""
    if value == SUPPRESSED:
        return SUPPRESSED
    assert isinstance(value, (int, float))
    return decimal(float(value))


def report_docx(
    figures: Figures,
    shown: dict[str, ProtectedTable],
    *,
    union_name: str | None,
    summaries: Sequence[AppendixEntry] = (),
    charts: Charts[ChartSpec] | None = None,
) -> bytes:
    """The Word report, as the bytes of a ``.docx``; its charts from ``charts`` (started
    earlier by the caller, so they are drawn while it does other work) or drawn here."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Mm, Pt, RGBColor

    doc = Document()
    _set_fonts(doc)
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(22)
    section.top_margin, section.bottom_margin = Mm(22), Mm(20)
    section.different_first_page_header_footer = True
    _page_numbers(section.footer.paragraphs[0])
    made = datetime.combine(figures.made_on, time(12, 0))
    props = doc.core_properties
    props.title = TITLE
    props.author = props.last_modified_by = union_name or DEFAULT_UNION
    props.language = "nb-NO"
    props.subject = f"Saker {period_words(figures.request.start, figures.request.end)}"
    props.keywords = "landsmøte; drøfting; kontor; hjemmekontor"
    props.comments = "Laget av Tillitsvalgt. Tallene har støy etter cell key-metoden."
    props.category = "Rapport"
    props.created = props.modified = made
    props.revision = 1

    request = figures.request
    # Title page
    for _ in range(6):
        doc.add_paragraph()
    for text, size, bold in (
        (union_name or DEFAULT_UNION, 20, False),
        (TITLE, 30, True),
        (period_words(request.start, request.end), 14, False),
    ):
        para = doc.add_paragraph()
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        para.paragraph_format.space_after = Pt(14)
        run = para.add_run(text)
        run.font.size, run.font.bold = Pt(size), bold
    para = doc.add_paragraph()
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    para.paragraph_format.space_before = Pt(48)
    lines = [
        "Saker om endringer i kontor og hjemmekontor, registrert av de tillitsvalgte.",
        *title_page_promise(request.min_cell),
        f"Laget {norwegian_date(figures.made_on)}",
    ]
    for k, line in enumerate(lines):
        run = para.add_run(line)
        run.font.color.rgb = RGBColor(0x40, 0x40, 0x40)
        if k < len(lines) - 1:
            run.add_break()
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    # Summary
    doc.add_heading("Sammendrag", level=1)
    sentences = summary_sentences(figures)
    for sentence in sentences:
        doc.add_paragraph(sentence, style="List Bullet")
    if not sentences:
        doc.add_paragraph("Det er ingen saker å oppsummere i perioden.")
    doc.add_paragraph(
        f"Tabellene teller saker. Alle tall har fått litt tilfeldig støy (høyst ±2), og "
        f"«{SUPPRESSED}» betyr under {max(request.min_cell, FLOOR)} etter støyen. Summer "
        "og deltall har hver sin støy, så en tabell stemmer ikke alltid helt. Metoden står "
        "på siden «Om tallene» bakerst."
    )

    # One section per table
    with chart_style():
        if charts is None:
            with Charts(chart_specs(figures, shown), render_chart) as own:
                _sections(doc, figures, shown, own)
        else:
            _sections(doc, figures, shown, charts)

    # The method, in plain Norwegian
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    doc.add_heading(METHOD_TITLE, level=1)
    for part in method_text(request.min_cell):
        doc.add_paragraph(part)

    # Appendix
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    doc.add_heading(f"Vedlegg: {APPENDIX_TITLE}", level=1)
    entries = [e for e in summaries if e.text.strip()]
    if entries:
        doc.add_paragraph(
            "Korte sammendrag av saker de tillitsvalgte har valgt ut. Navn er tatt ut, og "
            "datoer er oppgitt som måned."
            + (
                " Virksomhetene er oppgitt som sektor og størrelse."
                if request.anonymise_employers
                else ""
            )
        )
        for entry in entries:
            doc.add_heading(entry.heading, level=3)
            for part in entry.text.strip().split("\n\n"):
                if part.strip():
                    doc.add_paragraph(part.strip())
    else:
        doc.add_paragraph(NO_SUMMARIES)

    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


@dataclass(frozen=True)
class _Section:
    number: int
    table: Table
    lay: Layout
    note_hidden: str | None
    spec: ChartSpec | None
    note: str | None = None
    title: str | None = None
    note_trend: bool = False
    no_chart: str = NO_CHART


def _section_plan(figures: Figures, shown: dict[str, ProtectedTable]) -> list[_Section]:
    """The report's table sections in order, each with its chart (if any)."""
    request = figures.request
    plan: list[_Section] = []
    for number, table in enumerate(figures.tables, start=1):
        table_shown = shown[table.key]
        # With several periods the timing table is the trend's total; the trend has the
        # chart (one chart fewer: each costs a tenth of a second at 100 000 cases).
        # The sector chart is the sector × size chart's bar lengths: drawn once.
        drawn = (
            table.chart
            and not (table.key == TIMING and len(figures.periods) > 1)
            and table.key != BY_SECTOR
        )
        spec = chart_spec(table_shown, figures.periods) if drawn else None
        plan.append(
            _Section(
                number,
                table,
                layout(table_shown),
                table_shown.footnote,
                spec,
                note_trend=table.key == TIMING and len(figures.periods) > 1,
                no_chart=why_no_chart(table_shown, figures.periods)
                if drawn and spec is None
                else "",
            )
        )
    _counts, median_layout = _median_shown(figures)
    median_hidden = SUPPRESSED in (c for row in median_layout.cells for c in row)
    median_spec = median_chart_spec(figures)
    medians = shown_medians(figures.median, request.min_cell)[0]
    plan.append(
        _Section(
            len(plan) + 1,
            figures.median.counts,
            median_layout,
            footnote(request.min_cell) if median_hidden else None,
            median_spec,
            note=figures.median.note,
            title=figures.median.title,
            no_chart=(
                ONE_REAL_BAR if sum(1 for m in medians if isinstance(m, float)) == 1 else NO_CHART
            )
            if median_spec is None
            else "",
        )
    )
    return plan


def chart_specs(figures: Figures, shown: dict[str, ProtectedTable]) -> list[ChartSpec]:
    """The report's charts in the order the Word file shows them (``Charts`` draws them)."""
    return [section.spec for section in _section_plan(figures, shown) if section.spec]


def report_charts(figures: Figures, shown: dict[str, ProtectedTable]) -> Charts[ChartSpec]:
    """The report's charts, drawn beside the rest where a second core can (chart_worker)."""
    return Charts(chart_specs(figures, shown), render_chart)


def _sections(
    doc: DocxDocument, figures: Figures, shown: dict[str, ProtectedTable], charts: Charts[ChartSpec]
) -> None:
    drawn = 0
    for section in _section_plan(figures, shown):
        picture = None
        if section.spec is not None:
            picture = charts.png(drawn)
            drawn += 1
        _table_section(
            doc,
            section.number,
            section.table,
            section.lay,
            section.note_hidden,
            section.spec,
            picture,
            note=section.note,
            title=section.title,
            note_trend=section.note_trend,
            no_chart=section.no_chart,
        )


def _table_section(
    doc: DocxDocument,
    index: int,
    table: Table,
    lay: Layout,
    note_hidden: str | None,
    spec: ChartSpec | None,
    picture_png: bytes | None,
    *,
    note: str | None = None,
    title: str | None = None,
    note_trend: bool = False,
    no_chart: str = NO_CHART,
) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import parse_xml
    from docx.shared import Mm, Pt

    heading = doc.add_heading(f"{index}. {title or table.title}", level=2)
    heading.paragraph_format.keep_with_next = True
    separate_share = lay.shares is not None and len(table.columns) == 1
    header = list(lay.header)
    if separate_share:
        header.append(SHARE_LABEL)
    small = 9.0 if len(header) <= 5 else 8.0 if len(header) <= 7 else 7.5
    rows: list[_Row] = [_Row([[text] for text in header], bold=True, fill="D9D9D9")]
    for r, label in enumerate(lay.labels):
        is_total = label == TOTAL_LABEL and r == len(lay.labels) - 1 and table.has_total_row
        texts: list[list[str]] = [[label]]
        for j, value in enumerate(lay.cells[r]):
            text = _median_text(value) if lay.header[j + 1] == MEDIAN_COLUMN else shown_text(value)
            lines = [text]
            if lay.shares is not None and not separate_share:
                share = share_text(lay.shares[r][j])
                if share:
                    lines.append(share)
            texts.append(lines)
        if separate_share and lay.shares is not None:
            texts.append([share_text(lay.shares[r][0])])
        rows.append(_Row(texts, bold=is_total, fill="F2F2F2" if is_total else None))
    doc.element.body._insert_tbl(
        parse_xml(table_xml(rows, column_widths(header, lay.labels, small), small))
    )
    if lay.shares is not None and not separate_share:
        _small_note(doc, "Prosent under tallet: andel av sakene i raden.")
    if note_hidden:
        _small_note(doc, note_hidden)
    _small_note(doc, note or table.note)
    if spec is None:
        if table.key == TIMING and note_trend:
            _small_note(doc, TREND_HAS_CHART)
        elif table.key == BY_SECTOR:
            _small_note(doc, SECTOR_IN_SIZE_CHART)
        elif table.chart and no_chart:  # a list of names has no chart to miss
            _small_note(doc, no_chart)
    else:
        para = doc.add_paragraph()
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        para.paragraph_format.keep_with_next = True
        png = picture_png if picture_png is not None else render_chart(spec)
        picture = para.add_run().add_picture(io.BytesIO(png), width=Mm(160))
        # Alt text for screen readers (universell utforming): what the chart shows, from
        # the published numbers only.
        picture._inline.docPr.set("descr", alt_text(spec, title or table.title))
        picture._inline.docPr.set("title", f"Figur {index}")
        caption = doc.add_paragraph(f"Figur {index}: {title or table.title}")
        caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
        caption.runs[0].font.size = Pt(9)
        caption.runs[0].font.italic = True


def column_widths(header: Sequence[str], labels: Sequence[str], size_pt: float) -> list[float]:
    """Column widths in mm on the 166 mm text width, so that no header breaks inside a
    word: every number column is at least as wide as its longest word (and a shown
    number), the label column takes what its labels need up to 70 mm, and what is left
    goes to the number columns. Pure, for the tests."""
    text_width = 166.0
    per_char = 0.2 * size_pt  # Arial: about 0.5 em a character on average, bold a little more
    padding = 2.6  # the cell margins (2 × 1 mm) and the grid
    n_numbers = max(1, len(header) - 1)

    def longest_word(text: str) -> int:
        return max((len(word) for word in text.split()), default=0)

    numbers = [max(7, longest_word(h)) * per_char + padding for h in header[1:]]
    # A list, not arguments: a table with no rows has no labels (max of one float fails).
    label_need = max(
        [longest_word(header[0]) * per_char, *(len(x) * per_char * 0.95 for x in labels)]
    )
    first = min(70.0, max(14.0, label_need + padding), text_width - sum(numbers))
    # The label column never below its own longest word.
    first = max(first, max((longest_word(x) for x in (*labels, header[0])), default=0)
                * per_char + padding)  # fmt: skip
    spare = max(0.0, text_width - first - sum(numbers))
    return [first, *(w + spare / n_numbers for w in numbers)]


def _small_note(doc: DocxDocument, text: str) -> None:
    from docx.shared import Pt

    para = doc.add_paragraph()
    para.paragraph_format.space_before = Pt(2)
    para.paragraph_format.space_after = Pt(2)
    run = para.add_run(text)
    run.font.size = Pt(8.5)
    run.font.italic = True


@dataclass(frozen=True)
class _Row:
    cells: list[list[str]]  # the lines of each cell, first column first
    bold: bool = False
    fill: str | None = None  # shading, as RRGGBB


def _twips(mm: float) -> int:
    return round(mm * 36000 / 635)


def table_xml(rows: Sequence[_Row], widths_mm: Sequence[float], size_pt: float) -> str:
    """A report table as WordprocessingML, written in one piece: python-docx's cell by cell
    API took a third of the Word file's time at 100 000 cases (about 10 000 elements, each
    placed by searching its siblings). The markup is what that API wrote: the grid style,
    centred, fixed column widths (``column_widths``; LibreOffice reads the grid), narrow
    cell margins, the header row repeated on every page and shaded, numbers right-aligned,
    the total row bold and shaded, every row kept with the next so a table stays on one
    page together with the note under it."""
    widths = [_twips(w) for w in widths_mm]
    size = f'<w:sz w:val="{round(size_pt * 2)}"/>'
    out = [
        f'<w:tbl {_W}><w:tblPr><w:tblStyle w:val="TableGrid"/>'
        '<w:tblW w:type="auto" w:w="0"/><w:jc w:val="center"/><w:tblLayout w:type="fixed"/>'
        '<w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0" '
        'w:noHBand="0" w:noVBand="1" w:val="04A0"/><w:tblCellMar><w:left w:w="57" '
        'w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>',
        *(f'<w:gridCol w:w="{w}"/>' for w in widths),
        "</w:tblGrid>",
    ]
    keep = "<w:keepNext/>"
    for r, row in enumerate(rows):
        run_pr = f"<w:rPr>{'<w:b/>' if row.bold else ''}{size}</w:rPr>"
        out.append("<w:tr><w:trPr><w:tblHeader/></w:trPr>" if r == 0 else "<w:tr>")
        for j, lines in enumerate(row.cells):
            shade = f'<w:shd w:val="clear" w:color="auto" w:fill="{row.fill}"/>' if row.fill else ""
            align = '<w:jc w:val="right"/>' if j > 0 else ""
            out.append(f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{widths[j]}"/>{shade}</w:tcPr>')
            for line in lines:
                out.append(
                    f'<w:p><w:pPr>{keep}<w:spacing w:after="0"/>{align}</w:pPr>'
                    f"<w:r>{run_pr}{_text(line)}</w:r></w:p>"
                )
            out.append("</w:tc>")
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _text(line: str) -> str:
    from xml.sax.saxutils import escape

    space = ' xml:space="preserve"' if line != line.strip() else ""
    return f"<w:t{space}>{escape(line)}</w:t>"


def _page_numbers(paragraph: Any) -> None:
    """'Side N av M' in the footer, as fields Word and LibreOffice fill in."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run("Side ")
    for k, field in enumerate(("PAGE", "NUMPAGES")):
        paragraph._p.append(
            parse_xml(
                f'<w:fldSimple {nsdecls("w")} w:instr=" {field} "><w:r><w:t>1</w:t></w:r>'
                "</w:fldSimple>"
            )
        )
        if k == 0:
            paragraph._p.append(
                parse_xml(f'<w:r {nsdecls("w")}><w:t xml:space="preserve"> av </w:t></w:r>')
            )


def _set_fonts(doc: DocxDocument) -> None:
    """Arial everywhere (theme fonts removed: Word prefers them to named ones), black
    headings, Norwegian as the language."""
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    styles_element = doc.styles.element
    for fonts in styles_element.iter(qn("w:rFonts")):
        for attr in list(fonts.attrib):
            if attr.endswith("Theme"):
                del fonts.attrib[attr]
        for name in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(name), FONT)
    for lang in styles_element.iter(qn("w:lang")):
        lang.set(qn("w:val"), "nb-NO")
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(10.5)
    for name, size in (("Heading 1", 16), ("Heading 2", 13), ("Heading 3", 11)):
        style = doc.styles[name]
        style.font.name = FONT
        style.font.size = Pt(size)
        style.font.color.rgb = RGBColor(0, 0, 0)
        style.font.bold = True
        style.font.italic = False


# ----------------------------------------------------------------------------- the xlsx


_SHEET_NAMES = {
    "nokkeltall": "Saker og medlemmer",
    "sakstype": "Type endring",
    "sektor": "Sektor",
    "hovedavtale": "Hovedavtale",
    "utfall": "Utfall",
    "tidspunkt": "Når drøftet",
    "protokoll": "Signert protokoll",
    "verneombud_amu": "Verneombud og AMU",
    "brev_og_frister": "Brev og frister",
    "tidspunkt_per_periode": "Når drøftet per periode",
    "dager_til_drofting": "Dager til drøfting",
    "sektor_og_storrelse": "Sektor og størrelse",
    "virksomhet": "Virksomheter",
    "for_sent_per_periode": "For sent per periode",
    "for_sent_sektor": "For sent etter sektor",
    "for_sent_hovedavtale": "For sent etter hovedavtale",
    "for_sent_storrelse": "For sent etter størrelse",
    "for_sent_sakstype": "For sent etter type",
    "utfall_etter_tidspunkt": "Utfall etter tidspunkt",
    "datakvalitet": "Datakvalitet",
    "svar_sektor": "Svar etter sektor",
    "svar_hovedavtale": "Svar etter hovedavtale",
    "svar_storrelse": "Svar etter størrelse",
    "svar_virksomhet": "Svar per virksomhet",
    "hjemmekontor_sjekkliste": "Hjemmekontor sjekkliste",
    "beslutninger": "Beslutninger",
    "lofter_videre": "Løftet videre",
}


def sheet_name(key: str, title: str, taken: set[str]) -> str:
    """A valid, unique sheet name (≤ 31 characters, none of []:*?/\\)."""
    base = _SHEET_NAMES.get(key) or re.sub(r"[\[\]:*?/\\]", "", title).strip() or key
    base = base[:31].strip()
    name, k = base, 2
    while name.lower() in {t.lower() for t in taken}:
        suffix = f" {k}"
        name = base[: 31 - len(suffix)] + suffix
        k += 1
    taken.add(name)
    return name


def report_xlsx(figures: Figures, shown: dict[str, ProtectedTable]) -> bytes:
    """The report's tables as a spreadsheet, one sheet per table."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    request = figures.request
    book = Workbook()
    about = book.active
    about.title = ABOUT_SHEET
    taken = {ABOUT_SHEET}
    bold = Font(bold=True)
    about["A1"] = TITLE
    about["A1"].font = Font(bold=True, size=14)
    rows: list[tuple[str, object]] = [
        ("Periode", period_words(request.start, request.end)),
        ("Fra", request.start),
        ("Til", request.end),
        ("Laget", figures.made_on),
        ("Minste tall som vises", request.min_cell),
        (f"«{SUPPRESSED}» betyr", footnote(request.min_cell).split(" : ", 1)[1]),
        ("Personer", "Ingen personer er navngitt."),
    ]
    for r, (label, value) in enumerate(rows, start=3):
        about.cell(r, 1, label).font = bold
        cell = about.cell(r, 2, value)
        if isinstance(value, date):
            cell.number_format = "DD.MM.YYYY"
            cell.alignment = Alignment(horizontal="left")
    about.column_dimensions["A"].width = 24
    about.column_dimensions["B"].width = 70
    r = len(rows) + 4
    about.cell(r, 1, "Tabeller").font = bold

    for table in figures.tables:
        name = sheet_name(table.key, table.title, taken)
        r += 1
        about.cell(r, 1, name)
        about.cell(r, 2, table.title)
        t_shown = shown[table.key]
        _sheet(book.create_sheet(name), table.title, layout(t_shown), t_shown.footnote, table.note)

    _counts, median_layout = _median_shown(figures)
    name = sheet_name(figures.median.key, figures.median.title, taken)
    r += 1
    about.cell(r, 1, name)
    about.cell(r, 2, figures.median.title)
    hidden = SUPPRESSED in (c for row in median_layout.cells for c in row)
    _sheet(
        book.create_sheet(name),
        figures.median.title,
        median_layout,
        footnote(request.min_cell) if hidden else None,
        figures.median.note,
        decimals_last=True,
    )

    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _sheet(
    sheet: Any,
    title: str,
    lay: Layout,
    note_hidden: str | None,
    note: str,
    *,
    decimals_last: bool = False,
) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    bold = Font(bold=True)
    right = Alignment(horizontal="right")
    sheet["A1"] = title
    sheet["A1"].font = Font(bold=True, size=12)
    header: list[str] = [lay.header[0]]
    for column in lay.header[1:]:
        header.append(column)
        if lay.shares is not None:
            header.append(
                f"{SHARE_LABEL} {column.lower()}" if column != TOTAL_LABEL else SHARE_LABEL
            )
    top = 3
    grey = PatternFill("solid", fgColor="D9D9D9")
    for j, text in enumerate(header, start=1):
        cell = sheet.cell(top, j, text)
        cell.font, cell.fill = bold, grey
        cell.alignment = Alignment(horizontal="left" if j == 1 else "right", wrap_text=True)
    for r, label in enumerate(lay.labels, start=top + 1):
        sheet.cell(r, 1, label)
        c = 2
        values = lay.cells[r - top - 1]
        for j, value in enumerate(values):
            if isinstance(value, str):  # "–" or "ukjent"
                cell = sheet.cell(r, c, value)
                cell.alignment = right
            elif decimals_last and j == len(values) - 1:
                cell = sheet.cell(r, c, value)
                cell.number_format = "0.0"
            else:
                cell = sheet.cell(r, c, value)
                cell.number_format = "#,##0"
            c += 1
            if lay.shares is not None:
                share = lay.shares[r - top - 1][j]
                if isinstance(share, float):
                    cell = sheet.cell(r, c, share / 100)
                    cell.number_format = "0 %"
                elif share is not None:
                    sheet.cell(r, c, SUPPRESSED).alignment = right
                c += 1
        if label == TOTAL_LABEL and r == top + len(lay.labels):
            for j in range(1, len(header) + 1):
                sheet.cell(r, j).font = bold
                sheet.cell(r, j).border = Border(top=Side(style="thin"))
    below = top + len(lay.labels) + 2
    if note_hidden:
        sheet.cell(below, 1, note_hidden).font = Font(italic=True)
        below += 1
    sheet.cell(below, 1, note).font = Font(italic=True)
    sheet.column_dimensions["A"].width = max([14, *(len(x) + 2 for x in lay.labels)])
    for j in range(2, len(header) + 1):
        letter = sheet.cell(top, j).column_letter
        sheet.column_dimensions[letter].width = min(22, max(10, len(header[j - 1]) // 2 + 4))
    sheet.freeze_panes = sheet.cell(top + 1, 2)


def report_csv(figures: Figures, shown: dict[str, ProtectedTable]) -> bytes:
    """Every table as rows of one CSV file (semicolon, UTF-8 with BOM, so Excel in
    Norwegian opens it): table, row, column, value, share. The same published numbers as
    the report: perturbed, «–» under the floor, never a true count."""
    import csv

    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(["Tabell", "Rad", "Kolonne", "Verdi", "Andel (%)"])
    for table in figures.tables:
        lay = layout(shown[table.key])
        for r, label in enumerate(lay.labels):
            for j, value in enumerate(lay.cells[r]):
                share = lay.shares[r][j] if lay.shares is not None else None
                writer.writerow(
                    [
                        table.title,
                        label,
                        lay.header[j + 1],
                        value if value is not None else "",
                        f"{share:.1f}".replace(".", ",")
                        if isinstance(share, float)
                        else (share or ""),
                    ]
                )
    _counts, median_layout = _median_shown(figures)
    for r, label in enumerate(median_layout.labels):
        for j, value in enumerate(median_layout.cells[r]):
            writer.writerow(
                [figures.median.title, label, median_layout.header[j + 1],
                 value if value is not None else "", ""]
            )  # fmt: skip
    writer.writerow([])
    writer.writerow([footnote(figures.request.min_cell)])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
