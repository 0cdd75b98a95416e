"""Deadlines by hand: list a case's deadlines (or every running one), set one, cancel one.
A closed case's deadlines lapsed with the close and are listed as such."""

from __future__ import annotations

from datetime import date

import click

from tillitsvalgt.cli.context import Context, pass_ctx
from tillitsvalgt.errors import UserError
from tillitsvalgt.vocabulary import DEADLINE_STATES


def _day(value: date) -> str:
    return value.strftime("%d.%m.%Y")


@click.group("deadlines")
def deadlines_group() -> None:
    """Frister: vis, sett og avlys frister for hånd."""


@deadlines_group.command("list")
@click.argument("case", required=False)
@pass_ctx
def deadlines_list(ctx: Context, case: str | None) -> None:
    """Fristene i en sak, eller alle løpende frister (åpne saker) når ingen sak er gitt."""
    workspace = ctx.workspace()
    if case is not None:
        rows = workspace.case_deadlines(case)
        if not rows:
            click.echo("Ingen frister.")
        for d in rows:
            click.echo(f"{d.id:>6}  {_day(d.due_on)}  {d.title} ({DEADLINE_STATES[d.state]})")
        return
    running = workspace.open_deadlines()
    if not running:
        click.echo("Ingen løpende frister.")
    for row in running:
        d, late = row.deadline, "  OVERSITTET" if row.overdue else ""
        click.echo(
            f"{d.id:>6}  {_day(d.due_on)}  {row.case_number:<10} {d.title} – {row.case_title}{late}"
        )


@deadlines_group.command("add")
@click.argument("case")
@click.argument("due")
@click.argument("title")
@pass_ctx
def deadlines_add(ctx: Context, case: str, due: str, title: str) -> None:
    """Sett en frist for hånd: SAK DATO TITTEL (datoen som 15.10.2026 eller 2026-10-15)."""
    from tillitsvalgt.rules.date_text import DateTextError, parse_date_text

    workspace = ctx.workspace()
    try:
        due_on = parse_date_text(due, workspace.today())
    except DateTextError as exc:
        raise UserError(f"Datoen «{due}»: {exc}.") from None
    made = workspace.add_deadline(case, due_on, title)
    click.echo(f"Frist {made.id} er satt: {_day(made.due_on)} {made.title}.")


@deadlines_group.command("cancel")
@click.argument("deadline_id", type=int)
@pass_ctx
def deadlines_cancel(ctx: Context, deadline_id: int) -> None:
    """Avlys en frist (kravet er trukket, fristen satt ved en feil); den telles ikke."""
    cancelled = ctx.workspace().cancel_deadline(deadline_id)
    click.echo(f"Frist {cancelled.id} ({cancelled.title}) er avlyst.")


COMMANDS = [deadlines_group]
