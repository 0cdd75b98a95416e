"""The command line: the window's own door (the Workspace), for scripts, tests and union offices.

Errors the user can fix are printed in Norwegian (exit code 1); anything else is written
with its traceback, without messages or values (``crash_report``), to the log file and
reported briefly (exit code 70), never as a raw traceback in the user's face.
"""

from __future__ import annotations

import codecs
import io
import json
import logging
import os
import sys
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

from tillitsvalgt import __version__, paths
from tillitsvalgt.cli.context import Context, clip, date_text, pass_ctx, table
from tillitsvalgt.cli.output import chosen_output, force_option, protected_files
from tillitsvalgt.crash_report import crash_report
from tillitsvalgt.errors import UserError
from tillitsvalgt.plural import count
from tillitsvalgt.vocabulary import DEADLINE_STATES

if TYPE_CHECKING:
    from tillitsvalgt.workspace import Workspace

EXIT_USER_ERROR = 1
EXIT_BUG = 70

log = logging.getLogger("tillitsvalgt")


def _log_file(data_dir: str | None) -> Path:
    directory = paths.ensure_private_dir(paths.data_dir(data_dir) / "logs")
    file = directory / "tillitsvalgt.log"
    paths.make_private_file(file)
    return file


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--data-dir",
    help=f"Mappe for database, sikkerhetskopier og logg (eller {paths.DATA_DIR_ENV}).",
)
@click.option(
    "--database-url",
    help=f"PostgreSQL- eller SQLite-adresse i stedet for filen i datamappen "
    f"(eller {paths.DATABASE_URL_ENV}).",
)
@click.option(
    "--catalogue",
    help="Egen lovkatalog (TOML) i stedet for den innebygde (eller innstillingen «catalogue» "
    "eller TILLITSVALGT_CATALOGUE).",
)
@click.version_option(__version__, prog_name="tillitsvalgt")
@click.pass_context
def cli(
    ctx: click.Context, data_dir: str | None, database_url: str | None, catalogue: str | None
) -> None:
    """Tillitsvalgt – saker om kontorendringer og hjemmekontor, drøfting og brev."""
    ctx.obj = Context(data_dir, database_url, catalogue)
    ctx.call_on_close(ctx.obj.close)
    if ctx.invoked_subcommand is None:
        if _gui_possible():
            _start_gui(ctx.obj)
        else:
            _overview(ctx.obj)


NO_GUI_ENV = "TILLITSVALGT_NO_GUI"


def _gui_possible() -> bool:
    """A window can be shown: not switched off, a screen to show it on (Linux needs an X11
    or Wayland display; Windows and macOS always have one), and Qt installed."""
    import importlib.util

    if os.environ.get(NO_GUI_ENV):
        return False
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY")
        or os.environ.get("WAYLAND_DISPLAY")
        or os.environ.get("QT_QPA_PLATFORM")
    ):
        return False
    return importlib.util.find_spec("PySide6") is not None


def _start_gui(ctx: Context) -> None:
    """The desktop app, as its own program (``tillitsvalgt-gui``): the command line never
    loads Qt and the core never imports the GUI. The daily backup and verdicts run inside
    the app, in the background, after the window is shown."""
    from tillitsvalgt.gui_process import run_gui

    sys.exit(
        run_gui(
            data_dir=ctx.data_dir, database_url=ctx.database_url, catalogue=ctx.catalogue_option
        )
    )


@cli.command("overview")
@pass_ctx
def overview_command(ctx: Context) -> None:
    """Kort oversikt (det «tillitsvalgt» uten argumenter viser når det ikke er noen skjerm)."""
    _overview(ctx)


def _overview(ctx: Context) -> None:
    from tillitsvalgt.workspace import CaseQuery

    workspace = ctx.workspace()
    open_cases = workspace.list_cases(CaseQuery(status="open", limit=1)).total
    all_cases = workspace.list_cases(CaseQuery(limit=1)).total
    click.echo(f"Database: {workspace.location}")
    click.echo(f"Saker: {all_cases} ({open_cases} åpne)")
    pack = workspace.pack_in_use()
    if pack:
        click.echo(f"Pakke fra forbundskontoret: {pack}")
    notice = workspace.newer_pack_notice()
    if notice:
        click.echo(notice)
    _start_backup(ctx)
    _start_verdicts(ctx)
    click.echo("Skriv «tillitsvalgt --help» for kommandoene.")


def _start_verdicts(ctx: Context) -> None:
    """Once a day, when the app starts: judge every case as of today, since the timing
    depends on the day (a planned decision date passes, a reply deadline runs out)."""
    stored = ctx.workspace().refresh_all_verdicts()
    if stored:
        click.echo(f"Vurderingen er oppdatert for {count(stored, 'sak', 'saker')}.")


def _start_backup(ctx: Context) -> None:
    """The automatic backup when the app starts (not for every scripted subcommand): at
    most once a day, and only when something changed. A failure warns, never blocks."""
    try:
        made = ctx.workspace().auto_backup()
    except UserError as exc:
        click.echo(f"Advarsel: automatisk sikkerhetskopi feilet: {exc.message}", err=True)
        return
    if made is not None:
        click.echo(f"Automatisk sikkerhetskopi: {made}")


# --------------------------------------------------------------------------- output helpers


# The output helpers live with the context every command shares (cli/audit.py uses them too).
_table = table
_date = date_text
_clip = clip


# --------------------------------------------------------------------------- cases


@cli.command("cases")
@click.option("--type", "case_type", help="Sakstype (f.eks. office_layout).")
@click.option("--status", type=click.Choice(["open", "closed"]), help="Åpne eller avsluttede.")
@click.option("--employer", help="Virksomhetens navn eller org.nr.")
@click.option("--year", type=int, help="Saksnummerets år.")
@click.option("--search", "-s", "text", help="Fritekst i tittel, beskrivelse og notater.")
@click.option(
    "--sort",
    default="updated",
    show_default=True,
    help="updated, number, title, employer, type, status eller notice.",
)
@click.option("--asc", is_flag=True, help="Stigende rekkefølge.")
@click.option("--page", default=1, show_default=True, type=click.IntRange(min=1))
@click.option("--page-size", default=50, show_default=True, type=click.IntRange(1, 1000))
@click.option(
    "--timing",
    type=click.Choice(
        [
            "in_time",
            "late_before_implementation",
            "late_after_implementation",
            "information_only",
            "not_held_decision_taken",
            "not_held_yet",
            "unknown",
        ]
    ),
    help="Vurderingens tidspunkt (se «assess»).",
)
@click.option("--overdue", is_flag=True, help="Bare saker der svarfristen på kravet er ute.")
@click.option("--deleted", is_flag=True, help="Vis papirkurven.")
@click.option("--group", "group", help="Bare sakene i denne gruppesaken (G-nummer eller navn).")
@click.option("--json", "as_json", is_flag=True, help="Skriv JSON.")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Skriv hele listen (alle sider, med filtrene) til et regneark: .xlsx eller .csv.",
)
@force_option
@pass_ctx
def cases_command(
    ctx: Context,
    case_type: str | None,
    status: str | None,
    employer: str | None,
    year: int | None,
    text: str | None,
    sort: str,
    asc: bool,
    page: int,
    page_size: int,
    timing: str | None,
    overdue: bool,
    deleted: bool,
    group: str | None,
    as_json: bool,
    out: Path | None,
    force: bool,
) -> None:
    """Saksliste med filtre, sortering og sider."""
    from tillitsvalgt.vocabulary import CASE_TYPES_SHORT, TIMINGS_SHORT

    suffix = out.suffix.lower() if out is not None else ""
    if out is not None and suffix not in (".xlsx", ".csv"):
        raise UserError(f"{out}: regnearket må hete noe med .xlsx eller .csv.")
    if out is not None and str(out) == "-":
        out = None  # standard out
    if out is not None:
        out = chosen_output(ctx, out, force=force)
    workspace = ctx.workspace()
    query = workspace.case_query(
        employer=employer,
        group=group,
        case_type=case_type,
        status=status,
        year=year,
        text=text,
        timing=timing,
        overdue=overdue,
        deleted=deleted,
        sort=sort,
        descending=not asc,
        offset=(page - 1) * page_size,
        limit=page_size,
    )
    if out is not None:
        from tillitsvalgt.output_paths import write_output

        data, listed = workspace.case_list_sheet(query, out)
        written = write_output(out, data, overwrite=True, protected=protected_files(ctx))
        click.echo(f"{listed} saker er skrevet til {written}.")
        return
    result = workspace.list_cases(query)
    if as_json:
        click.echo(json.dumps(result.as_json(), ensure_ascii=False, indent=2))
        return
    _table(
        ["Nr.", "Tittel", "Virksomhet", "Type", "Tidspunkt", "Status", "Neste frist", "Endret"],
        [
            [
                r.number,
                _clip(r.title, 40),
                _clip(r.employer_name, 28),
                CASE_TYPES_SHORT.get(r.case_type, r.case_type),
                TIMINGS_SHORT.get(r.timing or "", "–")
                + (" (frist ute)" if r.demand == "overdue" else ""),
                "åpen" if r.status == "open" else "avsluttet",
                _date(r.next_deadline),
                r.updated_at.astimezone().strftime("%d.%m.%Y %H:%M"),
            ]
            for r in result.rows
        ],
    )
    pages = max(1, -(-result.total // page_size))
    click.echo(f"\n{count(result.total, 'sak', 'saker')} – side {page} av {pages}")
    if page > pages:
        click.echo(f"Siden finnes ikke; siste side er {pages}.")


@cli.command("show")
@click.argument("case")
@click.option("--json", "as_json", is_flag=True, help="Skriv JSON.")
@pass_ctx
def show_command(ctx: Context, case: str, as_json: bool) -> None:
    """Vis én sak (saksnummer som 2026/3) med tidslinje og dokumenter."""
    from tillitsvalgt.rules.escalation import event_text
    from tillitsvalgt.vocabulary import AGREEMENTS, CASE_TYPES, EVENT_KINDS, LETTER_KINDS, OUTCOMES

    workspace = ctx.workspace()
    detail = workspace.case_detail(case)
    c, employer = detail.case, detail.employer
    timeline, docs, frists = detail.events, detail.documents, detail.deadlines
    group = workspace.get_group(c.group_id) if c.group_id else None
    stages = workspace.escalation_stages(c.id)
    if as_json:
        click.echo(
            json.dumps(
                {
                    "case": c.model_dump(mode="json"),
                    "employer": employer.model_dump(mode="json"),
                    "events": [e.model_dump(mode="json") for e in timeline],
                    "documents": [d.model_dump(mode="json") for d in docs],
                    "deadlines": [d.model_dump(mode="json") for d in frists],
                    "group": group.model_dump(mode="json") if group else None,
                    "escalations": [x.model_dump(mode="json") for x in stages],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    status = "åpen" if c.status == "open" else f"avsluttet ({OUTCOMES.get(c.outcome or '', '')})"
    if c.deleted_at:
        status += " – i papirkurven"
    click.echo(f"Sak {c.number}: {c.title}")
    orgnr = f" (org.nr {employer.orgnr})" if employer.orgnr else ""
    fields = [
        ("Virksomhet", employer.name + orgnr),
        ("Hovedavtale", AGREEMENTS.get(employer.agreement, employer.agreement)),
        ("Type", CASE_TYPES.get(c.case_type, c.case_type)),
        ("Status", status),
        ("Varslet", _date(c.notice_on) or "ukjent"),
        ("Beslutning", _date(c.decision_on) or "ukjent"),
        ("Planlagt iverksatt", _date(c.planned_implementation_on) or "ukjent"),
        ("Iverksatt", _date(c.implemented_on) or "ukjent"),
    ]
    if c.case_type in ("office_layout", "space_allocation"):
        permit = {True: "ja", False: "nei", None: "ukjent"}[c.building_permit]
        fields.append(("Søknadspliktig", permit))
    if c.location:
        fields.insert(1, ("Sted/avdeling", c.location))
    if group is not None:
        fields.append(("Gruppesak", f"{group.name} (G{group.id})"))
    for label_text, value in fields:
        click.echo(f"  {label_text + ':':<20}{value}")
    if c.description:
        click.echo(f"\n{c.description}")
    click.echo("\nTidslinje:")
    for e in timeline or []:
        extra = ""
        if e.kind == "protocol" and e.signed_by_both is not None:
            extra = " (signert av begge)" if e.signed_by_both else " (ikke signert av begge)"
        if e.letter_kind:
            extra += f": {LETTER_KINDS.get(e.letter_kind, e.letter_kind)}"
        if e.reply_by:
            extra += f" (svarfrist {_date(e.reply_by)})"
        click.echo(f"  {_date(e.occurred_on)}  {EVENT_KINDS.get(e.kind, e.kind)}{extra}")
        if e.notes:
            click.echo(f"              {_clip(e.notes.replace(chr(10), ' '), 100)}")
    if not timeline:
        click.echo("  (ingen hendelser)")
    if stages:
        click.echo("\nLøftet videre:")
        for x in stages:
            click.echo(
                f"  {_date(x.started_on)}  {_clip(event_text(x).replace(chr(10), ' '), 100)}"
            )
    if docs:
        click.echo("\nDokumenter:")
        for d in docs:
            click.echo(
                f"  {d.number}  {d.direction:<7} {d.title}" + ("  [sendt]" if d.frozen else "")
            )
    if frists:
        click.echo("\nFrister:")
        for f in frists:
            click.echo(f"  {_date(f.due_on)}  {f.title} ({DEADLINE_STATES[f.state]})  [{f.id}]")


@cli.command("close")
@click.argument("case")
@click.option(
    "--outcome",
    required=True,
    help="agreement, partial_agreement, disagreement, withdrawn, escalated eller dropped.",
)
@pass_ctx
def close_command(ctx: Context, case: str, outcome: str) -> None:
    """Avslutt en sak med utfall."""
    workspace = ctx.workspace()
    current = workspace.get_case(case)
    closed = workspace.close_case(current.id, outcome=outcome, version=current.version)
    click.echo(f"Sak {closed.number} er avsluttet.")


@cli.command("reopen")
@click.argument("case")
@pass_ctx
def reopen_command(ctx: Context, case: str) -> None:
    """Gjenåpne en avsluttet sak."""
    workspace = ctx.workspace()
    current = workspace.get_case(case)
    opened = workspace.reopen_case(current.id, version=current.version)
    click.echo(f"Sak {opened.number} er åpnet igjen.")


@cli.command("delete")
@click.argument("case")
@pass_ctx
def delete_command(ctx: Context, case: str) -> None:
    """Legg en sak i papirkurven (kan hentes tilbake med «undelete»)."""
    deleted = ctx.workspace().delete_case(case)
    click.echo(f"Sak {deleted.number} er lagt i papirkurven.")


@cli.command("undelete")
@click.argument("case")
@pass_ctx
def undelete_command(ctx: Context, case: str) -> None:
    """Hent en sak tilbake fra papirkurven."""
    restored = ctx.workspace().restore_case(case)
    click.echo(f"Sak {restored.number} er hentet tilbake fra papirkurven.")


# --------------------------------------------------------------------------- import/export


@cli.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--mapping",
    type=click.Path(path_type=Path),
    help="Regneark: en TOML-fil som sier hvilken kolonne som er hvilket felt.",
)
@click.option(
    "--column",
    "columns",
    multiple=True,
    help='Regneark: «Overskrift=felt», f.eks. "Sak=tittel"; kan gis flere ganger.',
)
@click.option("--sheet", help="Regneark (.xlsx): arket som skal leses (ellers det første).")
@pass_ctx
def import_command(
    ctx: Context,
    files: tuple[Path, ...],
    mapping: Path | None,
    columns: tuple[str, ...],
    sheet: str | None,
) -> None:
    """Importer saker fra én eller flere JSON-filer (samme format som «export») eller
    regneark (.xlsx/.csv med én sak per rad); «-» leser JSON fra standard inn. Hver fil
    importeres helt eller ikke i det hele tatt; en fil som ikke kan importeres, nevnes med
    grunnen, og de andre importeres."""
    from tillitsvalgt.file_limits import IMPORT_LIMIT

    workspace = ctx.workspace()
    if any(str(file) == "-" for file in files):  # standard in (a file really named "-" is ./-)
        if len(files) > 1:
            raise UserError(
                "«-» (standard inn) kan ikke importeres sammen med andre filer. "
                "Ingenting er importert."
            )
        data = sys.stdin.buffer.read(IMPORT_LIMIT + 1)
        if len(data) > IMPORT_LIMIT:
            raise UserError(
                f"Det som kom på standard inn, er større enn {IMPORT_LIMIT // 2**20} MB. "
                "Ingenting er importert."
            )
        report = workspace.import_bundle_data(data, "standard inn")
        click.echo(f"Importert fra standard inn: {report.summary()}")
        _sector_warnings(workspace)
        return
    chosen = None
    if any(file.suffix.lower() in (".xlsx", ".csv") for file in files):
        chosen = workspace.column_mapping(mapping, columns, sheet)
    if len(files) == 1:
        report = workspace.import_file(files[0], mapping=chosen)
        click.echo(f"Importert fra {files[0]}: {report.summary()}")
        _unused_columns(report.unused_columns)
        _sector_warnings(workspace)
        return
    outcome = workspace.import_files(list(files), mapping=chosen)
    for each in outcome.outcomes:
        if each.report is not None:
            click.echo(f"Importert fra {each.source}: {each.report.summary()}")
            _unused_columns(each.report.unused_columns)
        else:
            click.echo(f"Ikke importert: {each.source}: {each.problem}", err=True)
    _sector_warnings(workspace)
    if outcome.failed:
        raise UserError(
            f"{len(outcome.failed)} av {len(files)} filer ble ikke importert (se over); "
            "de andre er importert."
        )


def _unused_columns(unused: list[str]) -> None:
    if unused:
        click.echo(
            'Kolonner som ikke ble brukt (velg dem med --column "Overskrift=felt" om de '
            "skal med): " + ", ".join(f"«{c}»" for c in unused),
            err=True,
        )


def _sector_warnings(workspace: Workspace) -> None:
    for warning in workspace.sector_agreement_warnings():
        click.echo(f"Advarsel: {warning}", err=True)


@cli.command("export")
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    help="Fil å skrive til (ellers skjermen; «-» er også skjermen / standard ut).",
)
@click.option(
    "--case",
    "numbers",
    multiple=True,
    help="Bare denne saken (saksnummer); kan gis flere ganger.",
)
@click.option("--type", "case_type", help="Bare saker av denne typen (f.eks. office_layout).")
@click.option("--status", type=click.Choice(["open", "closed"]), help="Åpne eller avsluttede.")
@click.option("--employer", help="Bare saker hos denne virksomheten (navn eller org.nr.).")
@click.option("--year", type=int, help="Bare saker med dette året i saksnummeret.")
@click.option("--search", "-s", "text", help="Bare saker som inneholder disse ordene.")
@click.option("--group", "group", help="Bare sakene i denne gruppesaken (G-nummer eller navn).")
@force_option
@pass_ctx
def export_command(
    ctx: Context,
    out: Path | None,
    force: bool,
    numbers: tuple[str, ...],
    case_type: str | None,
    status: str | None,
    employer: str | None,
    year: int | None,
    text: str | None,
    group: str | None,
) -> None:
    """Eksporter saker som JSON, med dokumenter, sjekkliste og frister, for forbundet.

    Uten valg eksporteres alle saker; med --case eller listens filtre bare de valgte."""
    from tillitsvalgt.output_paths import write_output
    from tillitsvalgt.workspace import Selection

    if out is not None and str(out) == "-":
        out = None  # standard out
    if out is not None:
        out = chosen_output(ctx, out, force=force)

    selection = Selection(
        numbers=numbers,
        case_type=case_type,
        status=status,
        employer=employer,
        year=year,
        text=text,
        group=group,
    )
    workspace = ctx.workspace()
    text_out, exported = workspace.export_text(workspace.selected_case_ids(selection))
    if out is None:
        click.echo(text_out, nl=False)
    else:
        written = write_output(
            out, text_out.encode("utf-8"), overwrite=True, protected=protected_files(ctx)
        )
        click.echo(f"{count(exported, 'sak', 'saker')} eksportert til {written}", err=True)


# --------------------------------------------------------------------------- safety


@cli.command("backup")
@click.option(
    "--keep",
    default=10,
    show_default=True,
    type=click.IntRange(min=1),
    help="Antall nyeste sikkerhetskopier som beholdes (i tillegg den nyeste for hver av de "
    "siste 14 dagene og hver av de siste 12 månedene).",
)
@pass_ctx
def backup_command(ctx: Context, keep: int) -> None:
    """Ta en sikkerhetskopi av databasen nå."""
    file = ctx.workspace().backup_now(keep=keep)
    click.echo(f"Sikkerhetskopi lagret: {file}")


@cli.command("backups")
@pass_ctx
def backups_command(ctx: Context) -> None:
    """List sikkerhetskopiene, nyeste først."""
    from tillitsvalgt.workspace import Workspace

    # The database is not opened: the list is what a user needs when it is damaged.
    location = ctx.location()
    found = Workspace.backups_at(location)
    if not found:
        click.echo(f"Ingen sikkerhetskopier i {Workspace.backup_folder(location)}.")
    for b in found:
        when = b.created.astimezone().strftime("%d.%m.%Y %H:%M")
        click.echo(f"{when}  {b.reason:<20} {b.size // 1024:>8} kB  {b.path}")


@cli.command("restore")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--yes", is_flag=True, help="Ikke spør om bekreftelse.")
@pass_ctx
def restore_command(ctx: Context, file: Path, yes: bool) -> None:
    """Gjenopprett databasen fra en sikkerhetskopi (den nåværende kopieres først)."""
    from tillitsvalgt.workspace import Workspace

    # Not opened first: a damaged database must not stop its own restore.
    location = ctx.location()
    if location.file is None:
        Workspace.restore_at(location, file)  # refused: the server keeps its own backups
    if not yes:
        if not sys.stdin.isatty():
            raise UserError(
                "«restore» erstatter hele databasen. Bekreft med --yes når du kjører uten "
                "terminal. Ingenting er endret."
            )
        click.confirm(f"Erstatte {location.describe()} med {file}?", abort=True)
    outcome = Workspace.restore_at(location, file)
    ctx.workspace()  # opened as the app opens it: an older backup is migrated now
    if outcome.safety is None:
        click.echo(f"Gjenopprettet fra {file}.")
    elif outcome.damaged:
        click.echo(
            f"Gjenopprettet fra {file}. Den skadde databasen er flyttet til {outcome.safety}."
        )
    else:
        click.echo(
            f"Gjenopprettet fra {file}. Databasen slik den var, er lagret i {outcome.safety}."
        )


@cli.command("check")
@pass_ctx
def check_command(ctx: Context) -> None:
    """Sjekk databasens integritet."""
    workspace = ctx.workspace()
    problems = workspace.integrity_problems()
    if not problems:
        click.echo(f"Databasen {workspace.location} er i orden.")
        return
    raise UserError("Databasen har feil:\n" + "\n".join(f"  – {p}" for p in problems))


@cli.command("employers")
@click.option("--search", "-s", "text", help="Del av navn eller org.nr.")
@pass_ctx
def employers_command(ctx: Context, text: str | None) -> None:
    """List virksomhetene."""
    workspace = ctx.workspace()
    rows = workspace.find_employers(text)
    warnings = workspace.sector_agreement_warnings()
    _table(
        ["Id", "Navn", "Org.nr", "Ansatte", "Hovedavtale"],
        [
            [
                str(e.id),
                e.name,
                e.orgnr or "",
                "" if e.employees is None else str(e.employees),
                e.agreement,
            ]
            for e in rows
        ],
    )
    names = {e.name for e in rows}
    for warning in warnings:
        if warning.split(": ", 1)[0] in names:
            click.echo(f"Advarsel: {warning}", err=True)


def _register_rule_commands() -> None:
    from tillitsvalgt.cli import (
        admin,
        audit,
        deadlines,
        law,
        letters,
        office,
        report,
        rules,
    )

    for command in (
        *rules.COMMANDS,
        *law.COMMANDS,
        *letters.COMMANDS,
        *report.COMMANDS,
        *audit.COMMANDS,
        *admin.COMMANDS,
        *deadlines.COMMANDS,
        *office.COMMANDS,
    ):
        cli.add_command(command)


_register_rule_commands()


# --------------------------------------------------------------------------- entry point


def _printable(message: str) -> str:
    """The message with control characters and broken characters shown as escapes: text
    from a file must not move the cursor, recolour the terminal or crash the output."""
    out = []
    for ch in message:
        if ch in "\n\t":
            out.append(ch)
        elif unicodedata.category(ch) in ("Cc", "Cs"):
            out.append(ch.encode("unicode_escape").decode("ascii"))
        else:
            out.append(ch)
    return "".join(out)


@contextmanager
def _guard(data_dir: str | None) -> Iterator[None]:
    try:
        yield
    except UserError as exc:
        click.echo(f"Feil: {_printable(exc.message)}", err=True)
        sys.exit(EXIT_USER_ERROR)
    except click.ClickException as exc:  # usage errors: click's own message
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("Avbrutt; ingenting er endret.", err=True)
        sys.exit(EXIT_USER_ERROR)
    except (click.exceptions.Exit, SystemExit):
        raise
    except KeyboardInterrupt:
        click.echo("Avbrutt.", err=True)
        sys.exit(130)
    except Exception as exc:
        where = ""
        try:
            log_file = _log_file(data_dir)
            with log_file.open("a", encoding="utf-8", errors="backslashreplace") as fh:
                # Types and places only: a message may quote a case's values.
                fh.write(crash_report(exc))
            where = f" Detaljer er skrevet til {log_file}."
        except OSError:
            pass
        click.echo(
            "Uventet feil i Tillitsvalgt; ingenting er halvveis lagret."
            + where
            + " Send gjerne loggfilen til den som drifter programmet.",
            err=True,
        )
        sys.exit(EXIT_BUG)


def _data_dir_arg(argv: list[str]) -> str | None:
    for i, arg in enumerate(argv):
        if arg == "--data-dir" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--data-dir="):
            return arg.split("=", 1)[1]
    return None


def _utf8_output() -> None:
    """Write UTF-8 whatever the platform: Windows Python writes redirected output in the
    ANSI code page (cp1252), where a ✓ or → in a case title crashed the command."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and codecs.lookup(stream.encoding).name != "utf-8":
            stream.reconfigure(encoding="utf-8", errors="backslashreplace")


def main(argv: list[str] | None = None) -> None:
    _utf8_output()
    args = sys.argv[1:] if argv is None else argv
    with _guard(_data_dir_arg(args)):
        cli.main(args=args, prog_name="tillitsvalgt", standalone_mode=False)
