"""The landsmøte report on the command line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from tillitsvalgt.cli.context import Context, pass_ctx
from tillitsvalgt.cli.rules import _parse_date
from tillitsvalgt.errors import UserError
from tillitsvalgt.plural import count


@click.command("report")
@click.option("--from", "start", required=True, help="Periodens første dag (ÅÅÅÅ-MM-DD).")
@click.option("--to", "end", required=True, help="Periodens siste dag (ÅÅÅÅ-MM-DD).")
@click.option(
    "--by",
    "granularity",
    type=click.Choice(["year", "quarter"]),
    default="year",
    show_default=True,
    help="Utviklingen per år eller per kvartal.",
)
@click.option(
    "--anonymise-employers",
    is_flag=True,
    help="Ikke navngi virksomheter; bare sektor og størrelse.",
)
@click.option(
    "--min-cell",
    type=int,
    default=3,
    show_default=True,
    help="Tall under dette (etter støy) vises som «–»; minst 3.",
)
@click.option("--out", required=True, type=click.Path(path_type=Path), help="Word-fil (.docx).")
@click.option("--xlsx", type=click.Path(path_type=Path), help="Også regneark (.xlsx).")
@click.option("--csv", type=click.Path(path_type=Path), help="Også tabellene som CSV (.csv).")
@click.option("--force", is_flag=True, help="Skriv over filer som finnes fra før.")
@pass_ctx
def report_command(
    ctx: Context,
    start: str,
    end: str,
    granularity: str,
    anonymise_employers: bool,
    min_cell: int,
    out: Path,
    xlsx: Path | None,
    csv: Path | None,
    force: bool,
) -> None:
    """Rapport til landsmøtet: sakene i en periode, som Word (og regneark)."""
    from tillitsvalgt import paths
    from tillitsvalgt.reports.cube import ReportRequest
    from tillitsvalgt.reports.output_check import check_min_cell, check_outputs, check_years
    from tillitsvalgt.reports.ptable import FLOOR

    first = _parse_date(start, "--from")
    last = _parse_date(end, "--to")
    assert first is not None and last is not None
    if last < first:
        raise UserError("--to må være samme dag som eller etter --from.")
    check_years(first, last, date.today())
    check_min_cell(min_cell, FLOOR)
    check_outputs(out, xlsx, data_dir=paths.data_dir(ctx.data_dir), overwrite=force, csv=csv)
    request = ReportRequest(
        start=first,
        end=last,
        granularity="quarter" if granularity == "quarter" else "year",
        min_cell=min_cell,
        anonymise_employers=anonymise_employers,
    )
    files = ctx.workspace().report(request, out, xlsx=xlsx, csv=csv)
    click.echo(f"Rapporten er skrevet til {files.docx} ({count(files.cases, 'sak', 'saker')}).")
    if files.summaries:
        oppsummeringer = "saksoppsummering" if files.summaries == 1 else "saksoppsummeringer"
        click.echo(f"Vedlegget har {files.summaries} {oppsummeringer}, anonymisert.")
    if files.xlsx is not None:
        click.echo(f"Tabellene er skrevet til {files.xlsx}.")
    if csv is not None:
        click.echo(f"Tabellene er også skrevet som CSV til {csv}.")


COMMANDS = [report_command]
