"""Commands for the union office's work on a case: escalation past the local level, and
group cases (one employer decision over several units)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from tillitsvalgt.cli.context import Context, pass_ctx
from tillitsvalgt.cli.rules import _parse_date
from tillitsvalgt.errors import UserError

_STAGE_HELP = "local (brudd lokalt), central (sentrale parter), arbeidsretten eller tjenestetvist"
_OUTCOME_HELP = (
    "agreement, partial_agreement, disagreement, settled, upheld (medhold), "
    "rejected (ikke medhold), withdrawn eller dropped"
)


@click.command("escalate")
@click.argument("case")
@click.option("--stage", required=True, help=f"Trinnet: {_STAGE_HELP}.")
@click.option(
    "--date",
    "when",
    help="Datoen for det du registrerer: når saken ble løftet til trinnet, eller – for et "
    "trinn som alt er registrert – datoen for utfallet (ÅÅÅÅ-MM-DD).",
)
@click.option("--outcome", help=f"Utfallet på trinnet: {_OUTCOME_HELP}.")
@click.option("--outcome-date", help="Datoen for utfallet, hvis den er en annen enn --date.")
@click.option("--reference", help="Referanse, f.eks. Arbeidsrettens saksnummer.")
@click.option("--notes", help="Notat.")
@click.option("--remove", is_flag=True, help="Fjern trinnet (registrert ved en feil).")
@pass_ctx
def escalate_command(
    ctx: Context,
    case: str,
    stage: str,
    when: str | None,
    outcome: str | None,
    outcome_date: str | None,
    reference: str | None,
    notes: str | None,
    remove: bool,
) -> None:
    """Registrer at en sak er løftet videre (sentrale parter, Arbeidsretten, tjenestetvist),
    og utfallet der. Vises på sakens tidslinje."""
    from tillitsvalgt.rules.escalation import event_text
    from tillitsvalgt.workspace import StageInput

    day = _parse_date(when, "--date")
    ended = _parse_date(outcome_date, "--outcome-date")
    workspace = ctx.workspace()
    if remove:
        workspace.remove_escalation(case, stage)
        click.echo(f"Trinnet «{stage}» er fjernet fra sak {case}.")
        return
    known = {s.stage for s in workspace.escalation_stages(case)}
    if stage in known:
        # For a stage already there, the date given is the outcome's.
        started = None if outcome else day
        ended = ended or (day if outcome else None)
    else:
        started = day
        ended = ended or (day if outcome else None)
    row = workspace.record_escalation(
        case,
        StageInput(
            stage=stage,
            started_on=started,
            ended_on=ended,
            outcome=outcome,
            reference=reference,
            notes=notes,
        ),
    )
    click.echo(f"Sak {case}: {event_text(row)}")


@click.group("groups")
def groups_group() -> None:
    """Gruppesaker: én beslutning hos arbeidsgiveren som gjelder flere enheter."""


@groups_group.command("create")
@click.argument("name")
@click.option("--decision-on", help="Beslutningsdato (ÅÅÅÅ-MM-DD).")
@click.option("--notice-on", help="Dato for første varsel (ÅÅÅÅ-MM-DD).")
@click.option("--description", help="Beskrivelse av beslutningen.")
@click.option("--case", "numbers", multiple=True, help="Sak som hører til; kan gis flere ganger.")
@pass_ctx
def groups_create(
    ctx: Context,
    name: str,
    decision_on: str | None,
    notice_on: str | None,
    description: str | None,
    numbers: tuple[str, ...],
) -> None:
    """Opprett en gruppesak (og knytt saker til den)."""
    from tillitsvalgt.shapes import CaseGroupCreate
    from tillitsvalgt.validation import validate

    data = validate(
        CaseGroupCreate,
        {
            "name": name,
            "description": description,
            "decision_on": _parse_date(decision_on, "--decision-on"),
            "notice_on": _parse_date(notice_on, "--notice-on"),
        },
    )
    workspace = ctx.workspace()
    group = workspace.create_group(data, numbers)
    # The numbers as the database has them (a case named «3» is 2026/3).
    _, members = workspace.group_cases(group.id)
    linked = [c.number for c in members]
    click.echo(
        f"Gruppesak G{group.id} «{group.name}» er opprettet"
        + (f" med sakene {', '.join(linked)}." if linked else ".")
    )


@groups_group.command("add")
@click.argument("group")
@click.argument("cases", nargs=-1, required=True)
@pass_ctx
def groups_add(ctx: Context, group: str, cases: tuple[str, ...]) -> None:
    """Knytt saker til gruppesaken; de får gruppens beslutningsdato og varseldato."""
    workspace = ctx.workspace()
    linked = workspace.join_group(group, cases)
    found = workspace.get_group(group)
    click.echo(f"Sakene {', '.join(linked)} hører nå til gruppesaken «{found.name}».")


@groups_group.command("remove")
@click.argument("case")
@pass_ctx
def groups_remove(ctx: Context, case: str) -> None:
    """Ta en sak ut av gruppesaken den hører til."""
    number = ctx.workspace().leave_group(case)
    click.echo(f"Sak {number} hører ikke lenger til noen gruppesak.")


@groups_group.command("set")
@click.argument("group")
@click.option("--name", help="Nytt navn.")
@click.option("--decision-on", help="Beslutningsdato (ÅÅÅÅ-MM-DD); settes på alle sakene.")
@click.option("--notice-on", help="Dato for første varsel (ÅÅÅÅ-MM-DD); settes på alle sakene.")
@click.option("--description", help="Beskrivelse.")
@pass_ctx
def groups_set(
    ctx: Context,
    group: str,
    name: str | None,
    decision_on: str | None,
    notice_on: str | None,
    description: str | None,
) -> None:
    """Endre gruppesaken. Nye datoer skrives på hver sak i gruppen (og står i sakenes
    historikk); avviser en sak datoen, endres ingenting."""
    changes: dict[str, Any] = {}
    if name is not None:
        changes["name"] = name
    if description is not None:
        changes["description"] = description.strip() or None
    if decision_on is not None:
        changes["decision_on"] = _parse_date(decision_on, "--decision-on")
    if notice_on is not None:
        changes["notice_on"] = _parse_date(notice_on, "--notice-on")
    if not changes:
        raise UserError(
            "Ingenting å endre; gi --name, --decision-on, --notice-on eller --description."
        )
    found, changed = ctx.workspace().update_group(group, **changes)
    click.echo(
        f"Gruppesaken «{found.name}» er endret"
        + (f"; sakene {', '.join(changed)} er oppdatert." if changed else ".")
    )


@groups_group.command("list")
@pass_ctx
def groups_list(ctx: Context) -> None:
    """List gruppesakene."""
    rows = ctx.workspace().groups()
    if not rows:
        click.echo("Ingen gruppesaker.")
        return
    for row in rows:
        g = row.group
        decided = f", beslutning {g.decision_on:%d.%m.%Y}" if g.decision_on else ""
        click.echo(f"G{g.id}  {g.name} – {row.cases} saker{decided}")


@groups_group.command("show")
@click.argument("group")
@pass_ctx
def groups_show(ctx: Context, group: str) -> None:
    """Vis gruppesaken og sakene i den."""
    g, members = ctx.workspace().group_cases(group)
    numbers = [c.number for c in members]
    click.echo(f"Gruppesak G{g.id}: {g.name}")
    if g.description:
        click.echo(g.description)
    click.echo(f"  Varslet:     {g.notice_on:%d.%m.%Y}" if g.notice_on else "  Varslet:     ukjent")
    click.echo(
        f"  Beslutning:  {g.decision_on:%d.%m.%Y}" if g.decision_on else "  Beslutning:  ukjent"
    )
    click.echo("  Saker:       " + (", ".join(numbers) if numbers else "(ingen)"))


@groups_group.command("letter")
@click.argument("group")
@click.option("--kind", "kind", required=True, help="Brevtype, f.eks. krav_om_drofting.")
@click.option("--date", "dated", help="Brevenes dato (ÅÅÅÅ-MM-DD); ellers i dag.")
@click.option("--reply-days", type=int, default=None, help="Dager svarfrist (standard 14).")
@click.option("--their-ref", help="Arbeidsgivers referanse («Deres ref.»).")
@click.option("--text", "extra_text", help="Egen tekst som tas med i hvert brev.")
@click.option(
    "--out-dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Mappen brevene skrives til (én Word-fil per sak, navngitt etter journalnummeret).",
)
@click.option("--pdf", is_flag=True, help="Lag også PDF (krever LibreOffice eller Word).")
@pass_ctx
def groups_letter(
    ctx: Context,
    group: str,
    kind: str,
    dated: str | None,
    reply_days: int | None,
    their_ref: str | None,
    extra_text: str | None,
    out_dir: Path,
    pdf: bool,
) -> None:
    """Skriv samme brevtype til alle sakene i gruppesaken: ett brev per sak, hvert med
    sitt journalnummer. Avviser én sak brevet, eller kan én fil ikke skrives, lages ingen
    (ingenting føres i journalen, ingen filer blir liggende)."""
    from tillitsvalgt.letters.kinds import DEFAULT_REPLY_DAYS, letter_kind
    from tillitsvalgt.letters.pdf import HOW_TO_GET, pdf_converter
    from tillitsvalgt.rules.deadlines import format_date
    from tillitsvalgt.workspace import LetterRequest

    spec = letter_kind(kind)
    if pdf and pdf_converter() is None:
        raise UserError(HOW_TO_GET)  # before anything is journaled
    workspace = ctx.workspace()
    request = LetterRequest(
        kind=spec.code,
        dated=_parse_date(dated, "--date") or workspace.today(),
        reply_days=DEFAULT_REPLY_DAYS if reply_days is None else reply_days,
        their_ref=their_ref,
        extra_text=extra_text,
    )
    made, written = workspace.create_group_letters(group, request, out_dir, pdf=pdf)
    click.echo(
        f"{len(made.letters)} brev ({spec.label.lower()}) til sakene i «{made.group_name}», "
        f"skrevet til {out_dir}:"
    )
    for letter in made.letters:
        due = (
            f", svarfrist {format_date(letter.context.reply_by)}" if letter.context.reply_by else ""
        )
        click.echo(f"  {letter.number}{due}")
        # What the one-letter command warns of, per letter (the case named by its number).
        for warning in (*letter.template.warnings, *(c.message for c in letter.checks)):
            click.echo(f"Advarsel ({letter.number}): {warning}", err=True)
        for notice in letter.notices:
            click.echo(f"Kontroller ({letter.number}): {notice}", err=True)
    click.echo(f"{len(written)} filer. Merk hvert brev som sendt: tillitsvalgt letters send NUMMER")


@click.group("pack")
def pack_group() -> None:
    """Forbundskontorets pakke: lovkatalog, brevmaler og forbundsinnstillinger i én fil."""


@pack_group.command("build")
@click.option("--name", required=True, help="Pakkens navn, f.eks. forbundets navn.")
@click.option("--version", "version", required=True, help="Versjon, f.eks. 2027.1.")
@click.option(
    "--catalogue",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Lovkatalogen (TOML) som skal med.",
)
@click.option(
    "--templates",
    type=click.Path(file_okay=False, path_type=Path),
    help="Mappe med brevmaler (<brevtype>.docx) som skal med.",
)
@click.option("--union", help="Forbundets navn slik det skal stå i brevhodet.")
@click.option("--out", required=True, type=click.Path(dir_okay=False, path_type=Path))
def pack_build(
    name: str,
    version: str,
    catalogue: Path | None,
    templates: Path | None,
    union: str | None,
    out: Path,
) -> None:
    """Lag en pakke (for forbundskontoret). Katalogen og malene sjekkes først."""
    from tillitsvalgt import paths
    from tillitsvalgt.services import pack

    data, info = pack.build_pack(
        name=name, version=version, catalogue=catalogue, templates=templates, union=union
    )
    written = paths.write_atomically(out.expanduser(), data)
    click.echo(
        f"Pakken «{info.label}» ({len(info.files)} filer) er skrevet til {written}.\n"
        f"SHA-256: {info.sha256}"
    )


@pack_group.command("import")
@click.argument("file", type=click.Path(path_type=Path))
@pass_ctx
def pack_import(ctx: Context, file: Path) -> None:
    """Ta i bruk en pakke fra forbundskontoret (sjekkes hel før noe endres). Er FILE en
    mappe (f.eks. en delt mappe), tas den nyeste pakken der, og appen sier fra når det
    senere kommer en nyere."""
    from tillitsvalgt import settings
    from tillitsvalgt.services import pack

    place = file.expanduser()
    if place.is_dir():
        found = pack.newest_in(place)
        if found is None:
            raise UserError(f"Det ligger ingen pakke (.zip) i {place}. Ingenting er endret.")
        file = found[0]
    from tillitsvalgt.services.spreadsheet_import import read_limited

    data = read_limited(file, pack.MAX_PACK_BYTES)
    info = pack.install_pack(data, str(file), ctx.data_dir)
    if place.is_dir():
        settings.save("pack_source", str(place.resolve()), ctx.data_dir)
    click.echo(
        f"Pakken «{info.label}» fra {info.created[:10]} er tatt i bruk"
        f" ({', '.join(info.files) or 'bare forbundets navn'})."
    )


@pack_group.command("show")
@pass_ctx
def pack_show(ctx: Context) -> None:
    """Vis hvilken pakke og lovkatalog som er i bruk."""
    from tillitsvalgt.services import pack

    current = pack.current_pack(ctx.data_dir)
    catalogue = ctx.catalogue()
    click.echo(f"Pakke: {current or 'ingen (innebygd katalog og maler)'}")
    click.echo(f"Lovkatalog: versjon {catalogue.version} ({catalogue.origin})")
    notice = pack.newer_pack_notice(ctx.data_dir)
    if notice:
        click.echo(notice)


COMMANDS = [escalate_command, groups_group, pack_group]
