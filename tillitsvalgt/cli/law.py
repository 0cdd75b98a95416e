"""Commands for what the law itself sets on a case: whether a rebuild needs a building
permit (aml § 18-9: Arbeidstilsynet's consent before work starts)."""

from __future__ import annotations

import click

from tillitsvalgt.cli.context import Context, pass_ctx
from tillitsvalgt.errors import UserError

PERMIT_ANSWERS: dict[str, bool | None] = {"ja": True, "nei": False, "ukjent": None}


@click.command("building-permit")
@click.argument("case")
@click.argument("answer", type=click.Choice(list(PERMIT_ANSWERS)))
@pass_ctx
def building_permit_command(ctx: Context, case: str, answer: str) -> None:
    """Om ombyggingen i saken er søknadspliktig etter plan- og bygningsloven (ja, nei,
    ukjent). Er den det, kreves Arbeidstilsynets samtykke før arbeidet starter, og
    vurderingen følger samtykket og medvirkningen til verneombud og AMU."""
    from tillitsvalgt.shapes import CaseUpdate

    value = PERMIT_ANSWERS[answer]
    workspace = ctx.workspace()
    current = workspace.get_case(case)
    if current.case_type not in ("office_layout", "space_allocation"):
        raise UserError(
            f"Sak {current.number} gjelder ikke kontorløsning eller lokaler; søknadsplikt "
            "for ombygging registreres bare der."
        )
    # The version read above: a change saved in between is refused, not overwritten.
    updated = workspace.update_case(
        current.id, CaseUpdate(version=current.version, building_permit=value)
    )
    if value:
        click.echo(
            f"Sak {updated.number}: ombyggingen er søknadspliktig. Arbeidstilsynets samtykke "
            "må foreligge før arbeidet starter (arbeidsmiljøloven § 18-9); registrer "
            "samtykket og verneombudets og AMUs medvirkning i tidslinjen."
        )
    else:
        click.echo(f"Sak {updated.number}: søknadsplikt for ombyggingen er satt til «{answer}».")


COMMANDS = [building_permit_command]
