"""The landsmøte report on the command line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from tillitsvalgt.cli_context import Context, pass_ctx
from tillitsvalgt.cli_rules import _parse_date
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
    type=click.IntRange(1, 100),
    default=3,
    show_default=True,
    help="Tall under dette vises som «–».",
)
@click.option("--out", required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--xlsx", type=click.Path(dir_okay=False, path_type=Path), help="Også regneark.")
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
) -> None:
    """Rapport til landsmøtet: sakene i en periode, som Word (og regneark)."""
    from tillitsvalgt import settings
    from tillitsvalgt.reports.build import make_report
    from tillitsvalgt.reports.cube import ReportRequest

    first = _parse_date(start, "--from")
    last = _parse_date(end, "--to")
    assert first is not None and last is not None
    if last < first:
        raise UserError("--to må være samme dag som eller etter --from.")
    request = ReportRequest(
        start=first,
        end=last,
        granularity="quarter" if granularity == "quarter" else "year",
        min_cell=min_cell,
        anonymise_employers=anonymise_employers,
    )
    files = make_report(
        ctx.db(),
        request,
        today=date.today(),
        union_name=settings.load(ctx.data_dir).get("union"),
        out=out,
        xlsx=xlsx,
    )
    click.echo(f"Rapporten er skrevet til {files.docx} ({count(files.cases, 'sak', 'saker')}).")
    if files.summaries:
        click.echo(f"Vedlegget har {files.summaries} saksoppsummeringer, anonymisert.")
    if files.xlsx is not None:
        click.echo(f"Tabellene er skrevet til {files.xlsx}.")


COMMANDS = [report_command]
