"""The record of changes and GDPR requests on the command line: ``history CASE`` and
``person export|delete NAME``."""

from __future__ import annotations

import json
from pathlib import Path

import click

from tillitsvalgt.cli.context import Context, pass_ctx, table
from tillitsvalgt.cli.output import chosen_output, force_option, protected_files

_CELL = 60  # a long description would fill the terminal; --json has it whole


def _cell(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= _CELL else line[: _CELL - 1] + "…"


@click.command("history")
@click.argument("case")
@click.option("--json", "as_json", is_flag=True, help="Skriv JSON (med hele verdiene).")
@pass_ctx
def history_command(ctx: Context, case: str, as_json: bool) -> None:
    """Endringshistorikken for en sak, nyeste først: når, hvem, hva, fra, til."""
    entries = ctx.workspace().case_history(case)
    if as_json:
        click.echo(json.dumps([e.as_json() for e in entries], ensure_ascii=False, indent=2))
        return
    if not entries:
        click.echo("Ingen endringer er registrert for saken.")
        return
    table(
        ["Når", "Hvem", "Hva", "Fra", "Til"],
        [[e.when, e.who, e.what, _cell(e.old), _cell(e.new)] for e in entries],
    )


@click.group("person")
def person_group() -> None:
    """Innsyn og sletting for en navngitt person (personvern/GDPR)."""


@person_group.command("export")
@click.argument("name")
@click.option("--out", required=True, type=click.Path(path_type=Path))
@force_option
@pass_ctx
def person_export(ctx: Context, name: str, out: Path, force: bool) -> None:
    """Alt som er lagret om en person, og hvor, som en JSON-fil (innsyn)."""
    from tillitsvalgt.output_paths import write_output

    out = chosen_output(ctx, out, force=force)
    report = ctx.workspace().find_person(name)
    data = json.dumps(report.as_json(), ensure_ascii=False, indent=2) + "\n"
    written = write_output(
        out, data.encode("utf-8"), overwrite=True, protected=protected_files(ctx)
    )
    click.echo(f"{len(report.hits)} treff er skrevet til {written} (lesbar bare for deg).")


@person_group.command("delete")
@click.argument("name")
@click.option("--yes", is_flag=True, help="Ikke spør (for skript).")
@pass_ctx
def person_delete(ctx: Context, name: str, yes: bool) -> None:
    """Slett en person fra avsluttede saker (navnet blir «[slettet]»); åpne saker
    vises, men endres ikke. Slettingen føres i endringshistorikken, uten navnet."""
    workspace = ctx.workspace()
    if not yes:
        found = workspace.find_person(name)
        if not found.hits:
            click.echo("Fant ingen opplysninger om personen. Ingenting er endret.")
            return
        cases = sorted({h.case_number for h in found.hits if h.case_number})
        click.echo(
            f"Fant {len(found.hits)} treff"
            + (f" i sakene {', '.join(cases)}" if cases else "")
            + ". Bare avsluttede saker endres."
        )
        click.confirm("Slette personens opplysninger fra de avsluttede sakene?", abort=True)
    report = workspace.delete_person(name)
    click.echo(report.summary())


COMMANDS = [history_command, person_group]
