"""Commands for letters: write one, list and suggest, mark sent, export; check and export
templates; the representative's own profile (the letters' sender)."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from tillitsvalgt import paths
from tillitsvalgt.cli.context import Context, pass_ctx
from tillitsvalgt.cli.output import chosen_output, force_option, protected_files
from tillitsvalgt.cli.rules import _parse_date
from tillitsvalgt.errors import UserError, os_reason

if TYPE_CHECKING:
    from tillitsvalgt.shapes import DeadlineRead
    from tillitsvalgt.workspace import Letter, LetterRequest, LetterSetup


def _setup(ctx: Context, templates: str | None = None) -> LetterSetup:
    """The window's letter setup (``Workspace.open``), with ``--templates`` if given."""
    setup = ctx.workspace().setup
    if templates is None:
        return setup
    import dataclasses

    return dataclasses.replace(setup, template_folder=_template_folder(ctx, templates))


def _template_folder(ctx: Context, templates: str | None) -> Path | None:
    """``--templates``, else the setting; without opening the database."""
    from tillitsvalgt import settings
    from tillitsvalgt.letters.templates import template_folder

    return template_folder(templates, settings.read(ctx.data_dir).templates)


def _write_pdf(ctx: Context, docx: Path) -> Path:
    """The PDF beside ``docx`` (its target was checked by ``chosen_output`` up front)."""
    from tillitsvalgt.letters.pdf import docx_to_pdf
    from tillitsvalgt.output_paths import write_output

    return write_output(
        docx.with_suffix(".pdf"),
        docx_to_pdf(docx.read_bytes()),
        overwrite=True,
        protected=protected_files(ctx),
    )


# --------------------------------------------------------------------------- letter


@click.command("letter")
@click.argument("case")
@click.option("--kind", "kind", required=True, help="Brevtype, f.eks. krav_om_drofting.")
@click.option("--date", "dated", help="Brevets dato (ÅÅÅÅ-MM-DD); ellers i dag.")
@click.option("--reply-days", type=int, default=None, help="Dager svarfrist (standard 14).")
@click.option("--their-ref", help="Arbeidsgivers referanse («Deres ref.»).")
@click.option("--text", "extra_text", help="Egen tekst som tas med i brevet.")
@click.option("--copy", "copy_to", help="Hvem som får kopi, f.eks. «verneombud Per Olsen».")
@click.option(
    "--provision",
    "provisions",
    multiple=True,
    help="Bestemmelse brevet skal vise til (nøkkel; kan gjentas). Ellers alle som gjelder.",
)
@click.option("--templates", help="Mappe med egne maler (ellers innstillingen «templates»).")
@click.option(
    "--maalform",
    "--målform",
    "form_name",
    metavar="nynorsk|bokmål",
    help="Skriv brevet på nynorsk eller bokmål. Ellers virksomhetens målform, så profilens, "
    "så bokmål.",
)
@click.option(
    "--out",
    required=True,
    type=click.Path(path_type=Path),
    help="Word-filen som skal skrives.",
)
@click.option("--pdf", is_flag=True, help="Lag også PDF (krever LibreOffice eller Word).")
@click.option("--sent", is_flag=True, help="Merk brevet som sendt på brevets dato.")
@force_option
@click.option(
    "--draft",
    "draft_number",
    help="Oppdater dette usendte utkastet (journalnummer, f.eks. 2026/6-1) i stedet for å "
    "lage et nytt brev; utkastet beholder nummeret.",
)
@pass_ctx
def letter_command(
    ctx: Context,
    case: str,
    kind: str,
    dated: str | None,
    reply_days: int | None,
    their_ref: str | None,
    extra_text: str | None,
    copy_to: str | None,
    provisions: tuple[str, ...],
    templates: str | None,
    form_name: str | None,
    out: Path,
    pdf: bool,
    sent: bool,
    force: bool,
    draft_number: str | None,
) -> None:
    """Skriv et brev i en sak som Word-fil, og før det i journalen.

    Et brev som strider mot fakta i saken på brevets dato (for eksempel krav om utsatt
    iverksetting etter at endringen er iverksatt), lages ikke: programmet sier hvorfor og
    hva du kan sende i stedet, og avslutter med kode 1. Tvilsomme brev lages med en
    advarsel."""
    from tillitsvalgt.letters.kinds import DEFAULT_REPLY_DAYS, letter_kind
    from tillitsvalgt.letters.pdf import HOW_TO_GET, pdf_converter
    from tillitsvalgt.letters.phrases import FORM_NAMES, form_code
    from tillitsvalgt.rules.deadlines import format_date
    from tillitsvalgt.workspace import LetterRequest

    spec = letter_kind(kind)
    day = _parse_date(dated, "--date") or date.today()
    try:
        form = form_code(form_name) if form_name is not None else None
    except ValueError as exc:
        raise UserError(f"--maalform: {exc}.") from None
    if pdf and pdf_converter() is None:
        raise UserError(HOW_TO_GET)  # before anything is journaled
    if sent and not spec.to_employer:
        raise UserError(f"{spec.label} er ikke et brev til arbeidsgiver og kan ikke sendes.")
    request = LetterRequest(
        kind=spec.code,
        dated=day,
        reply_days=DEFAULT_REPLY_DAYS if reply_days is None else reply_days,
        their_ref=their_ref,
        extra_text=extra_text,
        copy_to=copy_to,
        provisions=provisions or None,
        form=form,
    )
    out = chosen_output(ctx, out, force=force)  # asked before anything is journaled
    if pdf:
        chosen_output(ctx, out.with_suffix(".pdf"), force=force)
    setup = _setup(ctx, templates)
    written = _journal_and_write(
        ctx, case, request, setup, out, sent_on=day if sent else None, draft_number=draft_number
    )
    letter = written.letter
    made = written.deadlines
    for warning in letter.template.warnings:
        click.echo(f"Advarsel: {warning}", err=True)
    for notice in letter.notices:
        click.echo(f"Kontroller: {notice}", err=True)
    verb = "Oppdaterte utkastet" if draft_number else "Skrev"
    line = f"{verb} {spec.label.lower()} {letter.number} til {written.path}"
    line += f" på {FORM_NAMES[letter.form]}"
    for check in letter.checks:
        offer = (
            f" Bruk --reply-days {check.reply_days} for den dagen."
            if check.reply_days is not None
            else ""
        )
        click.echo(f"Advarsel: {check.message}{offer}", err=True)
    if letter.context.reply_by:
        line += f"; svarfrist {format_date(letter.context.reply_by)}"
    click.echo(line + ".")
    for cited in letter.context.cited:
        if not cited.verified:
            click.echo(
                f"Kontroller: {cited.citation} er sitert etter kapittel, fordi paragrafnummeret "
                "ikke er kontrollert mot avtaleteksten.",
                err=True,
            )
    click.echo(
        "Merket som sendt."
        if sent
        else f"Merk det som sendt: tillitsvalgt letters send {letter.number}"
    )
    for deadline in made:
        click.echo(f"Frist {format_date(deadline.due_on)}: {deadline.title}.")
    if pdf:
        click.echo(f"PDF: {_write_pdf(ctx, written.path)}")


@dataclass(frozen=True)
class _Written:
    letter: Letter
    path: Path
    deadlines: list[DeadlineRead]  # the agreements' meeting deadlines a sent demand started


def _journal_and_write(
    ctx: Context,
    case: str,
    request: LetterRequest,
    setup: LetterSetup,
    out: Path,
    *,
    sent_on: date | None,
    draft_number: str | None = None,
) -> _Written:
    """Journal the letter and write its file (``Workspace.create_letter``): the file is
    written in full beside ``out`` inside the unit of work (a file that cannot be written
    journals nothing), and moved into place only after the commit (a failed commit, such
    as a full disk, leaves no file whose journal number was never recorded, and which a
    later letter would reuse)."""
    workspace = ctx.workspace()
    draft_id = workspace.find_document(draft_number).id if draft_number else None
    letter = workspace.create_letter(
        case,
        request,
        out=out,
        draft_id=draft_id,
        sent_on=sent_on,
        setup=setup,
        fetch_hint="Hent det med: tillitsvalgt letters export {number} --out FIL",
    )
    assert letter.document is not None
    made = workspace.meeting_deadlines(letter.document.id) if sent_on is not None else []
    return _Written(letter, out, made)


# --------------------------------------------------------------------------- letters


@click.group("letters")
def letters_group() -> None:
    """Brevene i en sak: forslag, liste, sendt, eksport."""


@letters_group.command("suggest")
@click.argument("case")
@click.option("--today", help="Vurder per denne datoen (ÅÅÅÅ-MM-DD); ellers i dag.")
@pass_ctx
def suggest_command(ctx: Context, case: str, today: str | None) -> None:
    """Brevene vurderingen foreslår for saken, med begrunnelse."""
    from tillitsvalgt.vocabulary import LETTER_KINDS

    suggested = ctx.workspace().suggest_letters(case, _parse_date(today, "--today"))
    if not suggested:
        click.echo("Ingen brev foreslås nå.")
    for s in suggested:
        click.echo(f"{s.kind:<30}{LETTER_KINDS.get(s.kind, s.kind)}: {s.reason}")


@letters_group.command("list")
@click.argument("case")
@pass_ctx
def list_command(ctx: Context, case: str) -> None:
    """Dokumentene i sakens journal."""
    docs = ctx.workspace().case_documents(case)
    if not docs:
        click.echo("Journalen er tom.")
    for d in docs:
        sent = f"sendt {d.sent_on:%d.%m.%Y}" if d.sent_on else "ikke sendt"
        dated = f"{d.dated:%d.%m.%Y}" if d.dated else ""
        click.echo(f"{d.number:<12}{dated:<12}{d.direction:<9}{sent:<18}{d.title}")


@letters_group.command("send")
@click.argument("number")
@click.option("--date", "sent_on", help="Dagen brevet ble sendt (ÅÅÅÅ-MM-DD); ellers i dag.")
@pass_ctx
def send_command(ctx: Context, number: str, sent_on: str | None) -> None:
    """Merk et brev som sendt: det låses, «Brev sendt» føres i tidslinjen og svarfristen
    opprettes."""
    from tillitsvalgt.rules.deadlines import format_date

    workspace = ctx.workspace()
    day = _parse_date(sent_on, "--date") or workspace.today()
    doc = workspace.find_document(number)
    workspace.mark_letter_sent(doc.id, day)
    made = workspace.meeting_deadlines(doc.id)
    due = f"; svarfrist {format_date(doc.reply_by)}" if doc.reply_by else ""
    click.echo(f"{doc.number} er merket som sendt {format_date(day)}{due}.")
    for deadline in made:
        click.echo(f"Frist {format_date(deadline.due_on)}: {deadline.title}.")


@letters_group.command("export")
@click.argument("number")
@click.option("--out", required=True, type=click.Path(path_type=Path))
@click.option("--pdf", is_flag=True, help="Lag også PDF (krever LibreOffice eller Word).")
@force_option
@pass_ctx
def export_command(ctx: Context, number: str, out: Path, pdf: bool, force: bool) -> None:
    """Skriv et dokument fra journalen til en fil (innholdet kontrolleres mot sjekksummen)."""
    from tillitsvalgt.output_paths import write_output

    out = chosen_output(ctx, out, force=force)
    if pdf:
        chosen_output(ctx, out.with_suffix(".pdf"), force=force)
    workspace = ctx.workspace()
    doc = workspace.find_document(number)
    content = workspace.document_content(doc.id)
    written = write_output(out, content, overwrite=True, protected=protected_files(ctx))
    click.echo(f"Skrev {doc.number} til {written}.")
    if pdf:
        click.echo(f"PDF: {_write_pdf(ctx, written)}")


@letters_group.command("email")
@click.argument("number")
@click.option("--out", required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--pdf", is_flag=True, help="Legg ved PDF i stedet for Word (krever LibreOffice).")
@click.option(
    "--form",
    type=click.Choice(["nb", "nn"]),
    default=None,
    help="Målform i e-postteksten: nb (bokmål) eller nn (nynorsk). Ellers brevets egen.",
)
@click.option("--open", "open_it", is_flag=True, help="Åpne utkastet i e-postprogrammet.")
@force_option
@pass_ctx
def email_command(
    ctx: Context, number: str, out: Path, pdf: bool, form: str | None, open_it: bool, force: bool
) -> None:
    """Lag et e-postutkast (.eml) med brevet vedlagt, adressert til virksomhetens kontakt.
    Outlook og Thunderbird åpner det som et utkast; merk brevet som sendt når det er sendt."""
    from tillitsvalgt.output_paths import write_output

    out = chosen_output(ctx, out, force=force)
    workspace = ctx.workspace()
    doc = workspace.find_document(number)
    draft = workspace.email_draft(doc.id, pdf=pdf, form=form)
    written = write_output(out, draft.message, overwrite=True, protected=protected_files(ctx))
    to = draft.to or "ingen mottaker (virksomheten har ingen e-post for kontaktpersonen)"
    click.echo(f"E-postutkast til {to}, vedlegg {draft.attachment_name}: {written}")
    if doc.sent_on is None:
        click.echo(
            f"Når e-posten er sendt: tillitsvalgt letters send {doc.number} --date ÅÅÅÅ-MM-DD"
        )
    if open_it:
        click.launch(str(written))


# --------------------------------------------------------------------------- templates


@click.group("templates")
def templates_group() -> None:
    """Brevmalene: liste, kontroll og eksport for redigering i Word."""


@templates_group.command("list")
@click.option("--templates", help="Mappe med egne maler (ellers innstillingen «templates»).")
@pass_ctx
def templates_list(ctx: Context, templates: str | None) -> None:
    """Brevtypene og hvilken mal hver bruker."""
    from tillitsvalgt.letters.kinds import KINDS

    folder = _template_folder(ctx, templates)
    for code, spec in KINDS.items():
        custom = folder / f"{code}.docx" if folder else None
        origin = str(custom) if custom and custom.is_file() else "innebygd"
        click.echo(f"{code:<30}{spec.label:<40}{origin}")


@templates_group.command("check")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--kind", help="Brevtypen malen er for (ellers fra filnavnet).")
@click.option("--repair", is_flag=True, help="Reparer delte koder og typografiske anførselstegn.")
def templates_check(file: Path, kind: str | None, repair: bool) -> None:
    """Kontroller en redigert mal: ukjente og manglende felt, syntaks, Words delte koder."""
    from tillitsvalgt.file_limits import TEMPLATE_LIMIT, read_limited
    from tillitsvalgt.letters.checking import check_template
    from tillitsvalgt.letters.kinds import KINDS, letter_kind

    file = file.expanduser()
    try:
        data = read_limited(file, TEMPLATE_LIMIT, what="Malen")
    except OSError as exc:
        raise UserError(f"Kan ikke lese {file}: {os_reason(exc)}.") from None
    stem = file.stem.removesuffix(".nn")  # «krav_om_drofting.nn.docx»: the nynorsk template
    code = letter_kind(kind).code if kind else (stem if stem in KINDS else None)
    result = check_template(data, code)
    what = f" (brevtype {code})" if code else " (brevtype ukjent: påkrevde felt er ikke sjekket)"
    if not result.problems:
        click.echo(f"{file}{what}: ingen feil funnet.")
        return
    click.echo(f"{file}{what}:")
    for problem in result.problems:
        click.echo(f"  – {problem}")
    if repair and result.repaired is not None:
        backup = file.with_name(file.name + ".før-reparasjon")
        shutil.copy2(file, backup)
        paths.write_atomically(file, result.repaired)
        click.echo(f"Reparert; originalen er kopiert til {backup}.")
    elif result.repaired is not None:
        click.echo("Kjør på nytt med --repair for å reparere det som kan repareres.")
    if not result.ok:
        raise UserError(f"{len(result.errors)} feil må rettes i Word før malen kan brukes.")


@templates_group.command("export")
@click.argument("kind", required=False)
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(path_type=Path),
    help="Mappen malene kopieres til.",
)
@force_option
@pass_ctx
def templates_export(ctx: Context, kind: str | None, out_dir: Path, force: bool) -> None:
    """Kopier de innebygde malene (eller én) til en mappe, for å redigere dem i Word.
    Nynorskmalene heter <brevtype>.nn.docx."""
    from tillitsvalgt.letters.kinds import KINDS, letter_kind
    from tillitsvalgt.letters.templates import builtin_path, template_name
    from tillitsvalgt.output_paths import OutputExists, check_output, write_output

    kinds = [letter_kind(kind).code] if kind else list(KINDS)
    out_dir = out_dir.expanduser()
    if out_dir.exists() and not out_dir.is_dir():
        raise UserError(f"{out_dir} er ikke en mappe. Oppgi mappen malene skal kopieres til.")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"Kan ikke opprette mappen {out_dir}: {os_reason(exc)}.") from None
    protected = protected_files(ctx)
    pairs = [(c, f) for f in ("nb", "nn") for c in kinds]
    for code, form in pairs:
        target = out_dir / template_name(code, form)
        try:
            check_output(target, overwrite=force, protected=protected)
        except OutputExists:
            click.echo(f"Hopper over {target}: den finnes fra før (--force erstatter den).")
            continue
        data = builtin_path(code, form).read_bytes()
        write_output(target, data, overwrite=True, protected=protected)
        click.echo(f"Skrev {target}")
    click.echo(
        f"Rediger i Word, og pek programmet på mappen: tillitsvalgt settings templates {out_dir}"
    )


# --------------------------------------------------------------------------- profile


@click.command("profile")
@click.option("--name", help="Navnet ditt.")
@click.option("--role", help="Rollen din, f.eks. «hovedtillitsvalgt».")
@click.option("--union", "union_name", help="Forbundet.")
@click.option("--branch", help="Avdeling eller klubb.")
@click.option("--email", help="E-post.")
@click.option("--phone", help="Telefon.")
@click.option("--place", help="Stedet brevene skrives fra, f.eks. «Oslo».")
@click.option("--signature", help="Signatur (valgfri).")
@click.option(
    "--confederation",
    type=click.Choice(["lo", "ys", "unio", "akademikerne", "none"]),
    help="Hovedorganisasjonen forbundet tilhører (ys for Delta/Negotia); avgjør hvilken "
    "versjon av hovedavtalen brevene viser til.",
)
@click.option(
    "--maalform",
    "--målform",
    "letter_form",
    metavar="nynorsk|bokmål",
    help="Målformen brevene dine skrives på når virksomheten ikke har en egen: nynorsk eller "
    "bokmål.",
)
@pass_ctx
def profile_command(ctx: Context, /, **values: str | None) -> None:
    """Vis eller endre profilen din: avsenderen i brevene."""
    given = {k: v for k, v in values.items() if v is not None}
    if "letter_form" in given:
        from tillitsvalgt.letters.phrases import form_code

        try:
            given["letter_form"] = form_code(given["letter_form"] or "")
        except ValueError as exc:
            raise UserError(f"--maalform: {exc}.") from None
    workspace = ctx.workspace()
    rep = workspace.profile()
    if given:
        if rep is None and "name" not in given:
            raise UserError("Oppgi navnet ditt med --name første gang.")
        rep = workspace.change_profile({k: v for k, v in given.items() if v is not None})
    if rep is None:
        click.echo("Ingen profil ennå. Lag den med: tillitsvalgt profile --name … --place …")
        return
    labels = {
        "name": "Navn",
        "role": "Rolle",
        "union_name": "Forbund",
        "branch": "Avdeling",
        "email": "E-post",
        "phone": "Telefon",
        "place": "Sted",
        "signature": "Signatur",
        "confederation": "Hovedorg.",
        "letter_form": "Målform",
    }
    from tillitsvalgt.vocabulary import CONFEDERATIONS, KNOWN_UNIONS

    for field, label in labels.items():
        value = getattr(rep, field)
        if field == "letter_form":
            from tillitsvalgt.letters.phrases import FORM_NAMES

            value = FORM_NAMES.get(value or "", "") or "bokmål (standard)"
        if field == "confederation" and value:
            value = CONFEDERATIONS.get(value, value)
        elif field == "confederation":
            known = KNOWN_UNIONS.get((rep.union_name or "").strip().casefold())
            if known:
                value = f"{CONFEDERATIONS[known]} (ut fra forbundets navn)"
        click.echo(f"{label + ':':<11}{value or '(ikke satt)'}")


COMMANDS = [letter_command, letters_group, templates_group, profile_command]
