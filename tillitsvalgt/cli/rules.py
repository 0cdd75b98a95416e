"""Commands over the rules: assess, deadline, catalogue, settings and demo."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import click

from tillitsvalgt import plural
from tillitsvalgt.cli.context import Context, pass_ctx
from tillitsvalgt.cli.output import force_option
from tillitsvalgt.errors import UserError


def _parse_date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    from tillitsvalgt.rules.date_text import DateTextError, parse_date_text

    try:
        return date.fromisoformat(value)
    except ValueError:
        pass
    try:  # as typed in the window: 15.10.2026, 15.10.26, «i» for today …
        return parse_date_text(value, date.today())
    except DateTextError as exc:
        raise UserError(
            f"{option} «{value}» er ikke en dato ({exc}); skriv den som ÅÅÅÅ-MM-DD eller "
            "DD.MM.ÅÅÅÅ."
        ) from None


def _as_json(number: str, title: str, result: Any) -> dict[str, Any]:
    return {
        "number": number,
        "title": title,
        **result.as_expected(),
        "reasons": list(result.reasons),
        "evidence_gaps": list(result.evidence_gaps),
        "demand_due_on": result.demand_due_on.isoformat() if result.demand_due_on else None,
        "next_letters_reasons": [{"kind": s.kind, "reason": s.reason} for s in result.next_letters],
    }


def _print(number: str, title: str, result: Any) -> None:
    from tillitsvalgt.vocabulary import DATE_FIELDS, DEMANDS, LETTER_KINDS, LEVELS, TIMINGS

    click.echo(f"Sak {number}: {title}")
    click.echo(f"  Krever:    {LEVELS[result.required_level]}")
    click.echo(f"  Tidspunkt: {TIMINGS[result.timing]}")
    if result.missing:
        click.echo("  Mangler:   " + ", ".join(DATE_FIELDS.get(m, m) for m in result.missing))
    click.echo(f"  Krav:      {DEMANDS[result.demand]}")
    click.echo("  Begrunnelse:")
    for reason in result.reasons:
        click.echo(f"    – {reason}")
    click.echo("  Bestemmelser som gjelder:")
    for p in result.provisions:
        flag = "" if p.verified else "  [paragrafen ikke kontrollert – sitert på kapittel]"
        click.echo(f"    {p.citation} – {p.title}{flag}")
        click.echo(f"        fordi {p.reason}")
    if result.evidence_gaps:
        click.echo("  Dette mangler i dokumentasjonen:")
        for gap in result.evidence_gaps:
            click.echo(f"    – {gap}")
    if result.next_letters:
        click.echo("  Foreslåtte brev:")
        for s in result.next_letters:
            click.echo(f"    {LETTER_KINDS.get(s.kind, s.kind)}: {s.reason}")
    else:
        click.echo("  Foreslåtte brev: ingen")


@click.command("assess")
@click.argument("case", required=False)
@click.option("--today", help="Vurder saken per denne datoen (ÅÅÅÅ-MM-DD); ellers i dag.")
@click.option("--json", "as_json", is_flag=True, help="Skriv JSON.")
@click.option(
    "--use-register",
    is_flag=True,
    help="Vurder saken etter det virksomhetsregisteret sier nå om antall ansatte, "
    "hovedavtale og sektor (saken beholder ellers opplysningene fra da den ble registrert).",
)
@pass_ctx
def assess_command(
    ctx: Context, case: str | None, today: str | None, as_json: bool, use_register: bool
) -> None:
    """Vurder én sak (eller alle): hva som gjelder, om drøftingen kom i tide, og hva nå."""
    # The verdict is stored only when judged as of the real today, never for a "what if".
    results, differs = ctx.workspace().assess(
        case, day=_parse_date(today, "--today"), use_register=use_register
    )
    if as_json:
        rows = [_as_json(*r) for r in results]
        if case is not None:
            rows[0]["register_differs"] = list(differs)
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not results:
        click.echo("Ingen saker å vurdere.")
    for i, (number, title, judged) in enumerate(results):
        if i:
            click.echo("")
        _print(number, title, judged)
    if differs:
        click.echo("  Virksomhetsregisteret er endret siden saken ble vurdert:")
        for line in differs:
            click.echo(f"    – {line}")
        click.echo(
            "    Saken vurderes fortsatt etter opplysningene den ble registrert med; "
            "«tillitsvalgt assess SAK --use-register» tar i bruk registerets."
        )


@click.command("deadline")
@click.option("--from", "start", required=True, help="Brevets dato (ÅÅÅÅ-MM-DD).")
@click.option("--days", required=True, type=int, help="Antall dager svarfrist.")
def deadline_command(start: str, days: int) -> None:
    """Svarfristen: dager fra brevets dato, flyttet til neste virkedag ved helg/helligdag."""
    from tillitsvalgt.rules.deadlines import explain_deadline, reply_deadline

    dated = _parse_date(start, "--from")
    assert dated is not None
    click.echo(reply_deadline(dated, days).isoformat())
    click.echo(explain_deadline(dated, days))


@click.command("calendar")
@click.option("--out", required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--case", "case_ref", help="Bare én sak (f.eks. 2026/3); ellers alle saker.")
@force_option
@pass_ctx
def calendar_command(ctx: Context, out: Path, case_ref: str | None, force: bool) -> None:
    """Fristene som kalenderfil (.ics) med påminnelse to virkedager før. Importer filen på
    nytt etter endringer: flyttede frister flyttes, innfridde og avlyste fjernes."""
    from tillitsvalgt.cli.output import chosen_output, protected_files
    from tillitsvalgt.output_paths import write_output

    out = chosen_output(ctx, out, force=force)
    data, live = ctx.workspace().calendar(case_ref)
    written = write_output(out, data, overwrite=True, protected=protected_files(ctx))
    click.echo(f"{live} åpne frister er skrevet til {written}.")


@click.command("catalogue")
@click.option(
    "--check",
    "check_file",
    type=click.Path(path_type=Path),
    help="Kontroller en katalogfil i stedet for å liste.",
)
@pass_ctx
def catalogue_command(ctx: Context, check_file: Path | None) -> None:
    """List avtalene og bestemmelsene i lovkatalogen, eller kontroller en katalogfil."""
    from tillitsvalgt.rules.catalogue import check_catalogue
    from tillitsvalgt.vocabulary import CASE_TYPES_SHORT, LEVELS

    if check_file is not None:
        problems = check_catalogue(check_file)
        if problems:
            raise UserError(f"{check_file} har feil:\n" + "\n".join(f"  – {p}" for p in problems))
        click.echo(f"{check_file} er en gyldig lovkatalog.")
        return
    catalogue = ctx.catalogue()
    click.echo(f"Lovkatalog: {catalogue.origin}, versjon {catalogue.version}\n")
    click.echo("Hovedavtaler:")
    for a in catalogue.agreements.values():
        period = ""
        if a.valid_from or a.valid_to:
            period = f" ({a.valid_from or '?'} – {a.valid_to or '?'})"
        click.echo(f"  {a.code:<24}{a.name} {a.version}{period}")
    click.echo("\nBestemmelser:")
    for p in catalogue.provisions:
        level = LEVELS[p.level].lower() if p.level else "–"
        types = (
            "alle"
            if "*" in p.case_types
            else ", ".join(CASE_TYPES_SHORT.get(t, t) for t in sorted(p.case_types))
        )
        extra = []
        if p.min_employees:
            extra.append(f"fra {p.min_employees} ansatte")
        if not p.verified:
            extra.append("paragraf ikke kontrollert")
        suffix = f" ({'; '.join(extra)})" if extra else ""
        click.echo(f"  {p.key:<36}{p.citation()} – {p.title}{suffix}")
        click.echo(f"  {'':<36}krever: {level}; gjelder: {types}")


@click.command("settings")
@click.argument("key", required=False)
@click.argument("value", required=False)
@click.option("--unset", is_flag=True, help="Fjern innstillingen.")
@pass_ctx
def settings_command(ctx: Context, key: str | None, value: str | None, unset: bool) -> None:
    """Vis eller endre innstillinger (f.eks. «settings catalogue FIL»)."""
    from tillitsvalgt import settings

    if key is None:
        current = settings.load(ctx.data_dir)
        for name, what in settings.KNOWN.items():
            click.echo(f"{name} = {current.get(name, '(ikke satt)')}    # {what}")
        return
    if value is None and not unset:
        click.echo(settings.load(ctx.data_dir).get(key, "(ikke satt)"))
        return
    if key == "catalogue" and value is not None:
        from tillitsvalgt.rules.catalogue import check_catalogue

        problems = check_catalogue(Path(value).expanduser())
        if problems:
            raise UserError(
                f"{value} er ikke lagret som lovkatalog fordi den har feil:\n"
                + "\n".join(f"  – {p}" for p in problems)
            )
        value = str(Path(value).expanduser().resolve())
    if key == "database":
        from tillitsvalgt.onboarding import has_password, save_database_choice, test_database_url

        if value is not None and not unset:
            # Checked before it is remembered, and never with its password.
            click.echo(f"Tilkoblingen virker: {test_database_url(value)}")
            if has_password(value):
                click.echo(
                    "Passordet lagres ikke; legg det i PostgreSQLs passordfil (~/.pgpass).",
                    err=True,
                )
        file = save_database_choice(ctx.data_dir, None if unset else value)
        click.echo(f"Lagret i {file}. Gjelder fra neste start.")
        return
    file = settings.save(key, None if unset else value, ctx.data_dir)
    click.echo(f"Lagret i {file}.")


@click.command("demo")
@click.option(
    "--remove",
    is_flag=True,
    help="Fjern eksempelsakene og -virksomhetene igjen (sakene legges i papirkurven).",
)
@pass_ctx
def demo_command(ctx: Context, remove: bool) -> None:
    """Fyll en tom database med realistiske eksempelsaker (merket demo, telles aldri i
    rapporten), eller fjern dem med --remove."""
    from tillitsvalgt.demo import fill_demo, remove_demo

    if remove:
        with ctx.db().session() as session:
            removed = remove_demo(session=session)
        click.echo(
            "Ingen demodata å fjerne."
            if removed.empty
            else f"Demodata fjernet: {plural.count(removed.cases, 'sak', 'saker')}, "
            f"{plural.count(removed.employers, 'virksomhet', 'virksomheter')}."
        )
        return
    with ctx.db().session() as session:
        report = fill_demo(session=session, today=date.today())
    click.echo(f"Eksempeldata lagt inn: {report.summary()}")


COMMANDS = [
    assess_command,
    deadline_command,
    calendar_command,
    catalogue_command,
    settings_command,
    demo_command,
]
