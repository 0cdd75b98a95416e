"""``tillitsvalgt admin``: who may see which cases in a shared PostgreSQL database."""

from __future__ import annotations

import click

from tillitsvalgt.cli.context import Context, pass_ctx

NO_PASSWORD_HELP = (
    "Ingen passord: brukeren logger inn slik tjeneren ellers tillater (~/.pgpass, peer, "
    "sertifikat)."
)


def _password(no_password: bool) -> str | None:
    """Asked with a hidden prompt, twice; never an option (it would stay in the shell's
    history and in the process list)."""
    if no_password:
        return None
    value: str = click.prompt(
        "Passord for den nye brukeren",
        hide_input=True,
        confirmation_prompt="Gjenta passordet",
    )
    return value


@click.group("admin")
def admin_group() -> None:
    """Tilgang i en felles PostgreSQL-database: brukere, avdelinger og delte saker."""


@admin_group.command("create-representative")
@click.argument("role")
@click.option("--branch", required=True, help="Avdelingen den tillitsvalgte hører til.")
@click.option("--no-password", is_flag=True, help=NO_PASSWORD_HELP)
@pass_ctx
def create_representative_command(ctx: Context, role: str, branch: str, no_password: bool) -> None:
    """Opprett en databasebruker for en tillitsvalgt: ser bare avdelingens saker."""
    from tillitsvalgt.services import access

    db = ctx.db()
    with db.session() as session:
        access.require_postgresql(session=session)
        access.check_role_name(role)
        access.require_role_admin(session)  # before the password is typed
        created = access.create_representative(
            role, branch=branch, password=_password(no_password), session=session
        )
    what = "er opprettet" if created else "fantes fra før og har fått tilgang"
    click.echo(f"Brukeren «{role.strip()}» {what}: avdeling «{branch.strip()}».")
    if no_password:
        click.echo("Uten passord: brukeren logger inn med ~/.pgpass, peer eller sertifikat.")


@admin_group.command("create-office")
@click.argument("role")
@click.option("--no-password", is_flag=True, help=NO_PASSWORD_HELP)
@pass_ctx
def create_office_command(ctx: Context, role: str, no_password: bool) -> None:
    """Opprett en databasebruker for forbundskontoret: ser alle saker og lager rapporten."""
    from tillitsvalgt.services import access

    db = ctx.db()
    with db.session() as session:
        access.require_postgresql(session=session)
        access.check_role_name(role)
        access.require_role_admin(session)
        created = access.create_office(role, password=_password(no_password), session=session)
    what = "er opprettet" if created else "fantes fra før og har fått tilgang"
    click.echo(f"Forbundskontorets bruker «{role.strip()}» {what}: ser alle saker.")


@admin_group.command("share")
@click.argument("case")
@click.argument("role")
@pass_ctx
def share_command(ctx: Context, case: str, role: str) -> None:
    """Del en sak med en tillitsvalgt i en annen avdeling (se og endre)."""
    from tillitsvalgt.services import access

    with ctx.db().session() as session:
        number = access.share_case(case, role, session=session)
    click.echo(f"Sak {number} er delt med «{role.strip()}».")


@admin_group.command("unshare")
@click.argument("case")
@click.argument("role")
@pass_ctx
def unshare_command(ctx: Context, case: str, role: str) -> None:
    """Slutt å dele en sak."""
    from tillitsvalgt.services import access

    with ctx.db().session() as session:
        number = access.unshare_case(case, role, session=session)
    click.echo(f"Sak {number} er ikke lenger delt med «{role.strip()}».")


@admin_group.command("move")
@click.argument("case")
@click.argument("branch", required=False)
@pass_ctx
def move_command(ctx: Context, case: str, branch: str | None) -> None:
    """Flytt en sak til en annen avdeling (uten avdeling: bare forbundskontoret ser den)."""
    from tillitsvalgt.services import access

    with ctx.db().session() as session:
        number = access.move_case(case, branch, session=session)
    where = f"avdeling «{branch.strip()}»" if branch and branch.strip() else "ingen avdeling"
    click.echo(f"Sak {number} hører nå til {where}.")


@admin_group.command("give-profile")
@click.argument("profile")
@click.argument("role")
@pass_ctx
def give_profile_command(ctx: Context, profile: str, role: str) -> None:
    """Gi en profil (id eller UUID) til en bruker: bare den (og forbundskontoret) kan endre den."""
    from tillitsvalgt.services import access

    with ctx.db().session() as session:
        name = access.give_profile(profile, role, session=session)
    click.echo(f"Profilen «{name}» tilhører nå «{role.strip()}».")


@admin_group.command("list")
@pass_ctx
def list_command(ctx: Context) -> None:
    """Brukerne og avdelingene deres."""
    from tillitsvalgt.services import access

    with ctx.db().session(readonly=True) as session:
        me = access.current_role(session=session)
        roles = access.list_roles(session=session)
    click.echo(f"Du er logget inn som «{me}».")
    if not roles:
        click.echo("Ingen brukere er registrert ennå (tillitsvalgt admin create-representative).")
        return
    for r in roles:
        kind = "forbundskontoret" if r.office else f"avdeling «{r.branch}»"
        notes = []
        if r.shared_cases:
            notes.append(f"{r.shared_cases} delte saker")
        if not r.exists:
            notes.append("finnes ikke lenger på tjeneren")
        elif not r.can_login:
            notes.append("kan ikke logge inn")
        suffix = f" ({', '.join(notes)})" if notes else ""
        click.echo(f"  {r.role:<32}{kind}{suffix}")


@admin_group.command("branches")
@pass_ctx
def branches_command(ctx: Context) -> None:
    """Avdelingene, med antall tillitsvalgte og saker."""
    from tillitsvalgt.services import access

    with ctx.db().session(readonly=True) as session:
        rows = access.list_branches(session=session)
    if not rows:
        click.echo("Ingen avdelinger ennå.")
    for b in rows:
        name = b.branch if b.branch is not None else "(uten avdeling: bare forbundskontoret)"
        click.echo(
            f"  {name:<48}{b.representatives:>4} "
            f"{'tillitsvalgt ' if b.representatives == 1 else 'tillitsvalgte'} "
            f"{b.cases:>7} {'sak' if b.cases == 1 else 'saker'}"
        )


@admin_group.command("revoke")
@click.argument("role")
@click.option("--drop", is_flag=True, help="Slett også brukeren fra databasetjeneren.")
@pass_ctx
def revoke_command(ctx: Context, role: str, drop: bool) -> None:
    """Ta fra en bruker all tilgang (avdeling, delte saker, grupper)."""
    from tillitsvalgt.services import access

    with ctx.db().session() as session:
        access.revoke(role, drop=drop, session=session)
    gone = " og slettet" if drop else ""
    click.echo(f"Brukeren «{role.strip()}» har ikke lenger tilgang{gone}.")


COMMANDS = [admin_group]
