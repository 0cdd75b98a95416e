"""Who may see which cases in a shared PostgreSQL database: login roles for
representatives (one branch each) and for the union office (everything), and cases shared
with a role. The rules themselves live in the database (migration 0008: row-level security);
this module only manages the roles and the tables the rules read.

Passwords are never stored by the app, and never even sent in plain text: libpq turns a
password into its SCRAM-SHA-256 verifier on this machine (as psql's ``\\password`` does), and
only that verifier goes to the server. Without a password the role logs in the way the
server allows otherwise (``~/.pgpass``, peer or certificate authentication).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from tillitsvalgt.errors import AccessError, NotFoundError, UserError
from tillitsvalgt.services._lookup import resolve_case

REPRESENTATIVE_GROUP = "tillitsvalgt_representative"
OFFICE_GROUP = "tillitsvalgt_office"
ACCESS = "tillitsvalgt_access"
SHARES = "tillitsvalgt_case_shares"

# Lower-case ASCII, digits and _: a name nobody has to quote in psql or ~/.pgpass.
ROLE_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
_SCRAM = re.compile(r"^SCRAM-SHA-256\$\d+:[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$")

ONLY_POSTGRESQL = (
    "Tilgangsstyring gjelder bare PostgreSQL. En SQLite-fil har én bruker: den som kan åpne "
    "filen, ser alt i den. Bruk --database-url postgresql://… mot forbundets database."
)


@dataclass(frozen=True)
class AccessRole:
    role: str
    branch: str | None
    office: bool
    exists: bool  # the login role is still on the server
    can_login: bool
    shared_cases: int


@dataclass(frozen=True)
class BranchSummary:
    branch: str | None  # None: cases no branch owns yet (the office sees them)
    representatives: int
    cases: int


# --------------------------------------------------------------------------- checks


def require_postgresql(*, session: Session) -> None:
    if session.get_bind().dialect.name != "postgresql":
        raise AccessError(ONLY_POSTGRESQL)


def current_role(*, session: Session) -> str:
    require_postgresql(session=session)
    return str(session.execute(sa.text("SELECT current_user")).scalar_one())


def sees_all(*, session: Session) -> bool:
    """The connected role is the office (of this database), the owner or a superuser."""
    require_postgresql(session=session)
    return bool(session.execute(sa.text("SELECT tillitsvalgt_sees_all()")).scalar_one())


def _require_office(session: Session, what: str) -> None:
    if not sees_all(session=session):
        raise AccessError(
            f"Bare forbundskontoret eller databasens administrator kan {what}. Du er logget "
            f"inn som «{current_role(session=session)}»."
        )


def require_role_admin(session: Session) -> None:
    row = session.execute(
        sa.text("SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user")
    ).scalar()
    if not row:
        raise AccessError(
            f"Brukeren «{current_role(session=session)}» har ikke lov til å opprette eller "
            "endre databasebrukere (det krever CREATEROLE). Kjør kommandoen som databasens "
            "administrator, den som oppgraderer databasen; ingenting er endret."
        )


# Who besides superusers and the tables' owner (and its members) may create objects in our
# schema, PUBLIC included: each could plant an operator or function that other users'
# sessions would run (migration 0010 refuses to set up such a database, too).
_SCHEMA_CREATORS = """SELECT 'PUBLIC' FROM pg_namespace n, aclexplode(n.nspacl) a
    WHERE n.nspname = current_schema() AND a.grantee = 0 AND a.privilege_type = 'CREATE'
    UNION
    SELECT r.rolname::text FROM pg_roles r, pg_namespace n, pg_class t
    WHERE n.nspname = current_schema()
      AND t.oid = to_regclass(quote_ident(n.nspname) || '.cases')
      AND NOT r.rolsuper AND r.rolname NOT LIKE 'pg\\_%'
      AND has_schema_privilege(r.oid, n.oid, 'CREATE')
      AND NOT pg_has_role(r.oid, t.relowner, 'MEMBER')
    ORDER BY 1"""


def require_closed_schema(session: Session) -> None:
    """Refuse to give anyone access while others can create objects in our schema."""
    others = [str(r[0]) for r in session.execute(sa.text(_SCHEMA_CREATORS))]
    if others:
        schema = session.execute(sa.text("SELECT current_schema()")).scalar_one()
        raise AccessError(
            f"Andre enn databasens eier kan opprette objekter i skjemaet {schema} "
            f"({', '.join(others)}). Da kan en tillitsvalgt plante funksjoner som kjøres med "
            "andres rettigheter. Be eieren av skjemaet kjøre «REVOKE CREATE ON SCHEMA "
            f"{schema} FROM PUBLIC;» (og fra rollene som er nevnt); ingenting er endret."
        )


def check_role_name(role: str) -> str:
    name = role.strip()
    if not ROLE_NAME.match(name):
        raise UserError(
            f"«{role}» kan ikke brukes som brukernavn i databasen. Bruk små bokstaver a–z, "
            "sifre og _ (høyst 63 tegn), og begynn med en bokstav, f.eks. kari_nordmann."
        )
    if name.startswith(("pg_", "tillitsvalgt_")):
        raise UserError(f"Brukernavnet «{name}» er reservert; velg et annet.")
    return name


def _role_exists(session: Session, role: str) -> bool:
    found = session.execute(sa.text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role})
    return found.first() is not None


def _is_superuser(session: Session, role: str) -> bool:
    found = session.execute(
        sa.text("SELECT rolsuper FROM pg_roles WHERE rolname = :r"), {"r": role}
    )
    return bool(found.scalar())


# --------------------------------------------------------------------------- passwords


def scram_verifier(password: str, role: str, *, session: Session) -> str:
    """The SCRAM-SHA-256 verifier of ``password``, computed by libpq on this machine: the
    only form of the password that leaves it (nothing in a statement, a log or an error can
    give the password back)."""
    if not password:
        raise UserError(
            "Passordet kan ikke være tomt. Vil du ikke ha passord, velg «uten passord»."
        )
    raw: Any = session.connection().connection.dbapi_connection
    verifier = raw.pgconn.encrypt_password(
        password.encode("utf-8"), role.encode("utf-8"), b"scram-sha-256"
    ).decode("ascii")
    if not _SCRAM.match(verifier):  # the literal below must be exactly that, nothing else
        raise AccessError("Passordet kunne ikke krypteres; ingenting er endret.")
    return str(verifier)


# --------------------------------------------------------------------------- roles


def _login_role(session: Session, role: str, password: str | None) -> bool:
    """Create the login role, or give an existing one the password; True when created."""
    secret = ""
    if password is not None:
        secret = f" PASSWORD '{scram_verifier(password, role, session=session)}'"
    # exec_driver_sql: the verifier's ":" must not be read as a bind parameter.
    conn = session.connection()
    if _role_exists(session, role):
        if secret:
            conn.exec_driver_sql(f'ALTER ROLE "{role}"{secret}')
        return False
    conn.exec_driver_sql(f'CREATE ROLE "{role}" LOGIN{secret}')
    return True


def _set_groups(session: Session, role: str, *, office: bool) -> None:
    keep, drop = (
        (OFFICE_GROUP, REPRESENTATIVE_GROUP) if office else (REPRESENTATIVE_GROUP, OFFICE_GROUP)
    )
    session.execute(sa.text(f'GRANT {keep} TO "{role}"'))
    session.execute(sa.text(f'REVOKE {drop} FROM "{role}"'))


def _map(session: Session, role: str, *, branch: str | None, office: bool) -> None:
    session.execute(
        sa.text(
            f"INSERT INTO {ACCESS} (role_name, branch, office) VALUES (:r, :b, :o) "
            "ON CONFLICT (role_name) DO UPDATE SET branch = excluded.branch, "
            "office = excluded.office"
        ),
        {"r": role, "b": branch, "o": office},
    )


def create_representative(
    role: str, *, branch: str, password: str | None, session: Session
) -> bool:
    """A login role that sees the cases of ``branch`` (and those shared with it). An
    existing role is given the branch (and the password, if one is given). Returns whether
    the role was created."""
    require_postgresql(session=session)
    role = check_role_name(role)
    branch = branch.strip()
    if not branch:
        raise UserError("Oppgi avdelingen den tillitsvalgte hører til (--branch).")
    require_role_admin(session)
    require_closed_schema(session)
    if _is_superuser(session, role):
        raise UserError(
            f"«{role}» er superbruker i databasen og ser alt uansett; velg en vanlig bruker."
        )
    created = _login_role(session, role, password)
    _set_groups(session, role, office=False)
    _map(session, role, branch=branch, office=False)
    return created


def create_office(role: str, *, password: str | None, session: Session) -> bool:
    """A login role for the union office: every case, and the report."""
    require_postgresql(session=session)
    role = check_role_name(role)
    require_role_admin(session)
    require_closed_schema(session)
    created = _login_role(session, role, password)
    _set_groups(session, role, office=True)
    _map(session, role, branch=None, office=True)
    return created


def revoke(role: str, *, drop: bool = False, session: Session) -> None:
    """Take every access away from ``role`` (its branch, its shared cases, its groups);
    ``drop`` also removes the login role from the server."""
    require_postgresql(session=session)
    role = check_role_name(role)
    require_role_admin(session)
    mapped = session.execute(
        sa.text(f"DELETE FROM {ACCESS} WHERE role_name = :r RETURNING role_name"), {"r": role}
    ).first()
    exists = _role_exists(session, role)
    if mapped is None and not exists:
        raise NotFoundError(f"Det finnes ingen databasebruker «{role}».")
    if exists:
        for group in (REPRESENTATIVE_GROUP, OFFICE_GROUP):
            session.execute(sa.text(f'REVOKE {group} FROM "{role}"'))
        if drop:
            if role == current_role(session=session):
                raise UserError("Du kan ikke slette brukeren du selv er logget inn som.")
            session.execute(sa.text(f'DROP ROLE "{role}"'))


def list_roles(*, session: Session) -> list[AccessRole]:
    """Every registered role (a representative sees only their own line)."""
    require_postgresql(session=session)
    rows = session.execute(
        sa.text(
            f"SELECT a.role_name, a.branch, a.office, r.rolname IS NOT NULL, "
            f"coalesce(r.rolcanlogin, false), "
            f"(SELECT count(*) FROM {SHARES} s WHERE s.role_name = a.role_name) "
            f"FROM {ACCESS} a LEFT JOIN pg_roles r ON r.rolname = a.role_name "
            "ORDER BY a.office DESC, a.branch, a.role_name"
        )
    )
    return [
        AccessRole(str(r[0]), r[1], bool(r[2]), bool(r[3]), bool(r[4]), int(r[5])) for r in rows
    ]


def list_branches(*, session: Session) -> list[BranchSummary]:
    """Each branch with its representatives and cases (live and in the recycle bin)."""
    _require_office(session, "se alle avdelingene")
    rows = session.execute(
        sa.text(
            f"""WITH reps AS (SELECT branch, count(*) AS n FROM {ACCESS}
                             WHERE NOT office GROUP BY branch),
                     held AS (SELECT branch, count(*) AS n FROM cases GROUP BY branch)
                SELECT coalesce(reps.branch, held.branch), coalesce(reps.n, 0),
                       coalesce(held.n, 0)
                FROM reps FULL JOIN held ON reps.branch = held.branch
                ORDER BY 1 NULLS LAST"""
        )
    )
    return [BranchSummary(r[0], int(r[1]), int(r[2])) for r in rows]


# --------------------------------------------------------------------------- cases


def _registered(session: Session, role: str) -> tuple[str | None, bool]:
    row = session.execute(
        sa.text(f"SELECT branch, office FROM {ACCESS} WHERE role_name = :r"), {"r": role}
    ).first()
    if row is None:
        raise NotFoundError(
            f"«{role}» er ikke registrert som tillitsvalgt i denne databasen. Opprett brukeren "
            "først med «tillitsvalgt admin create-representative»."
        )
    return row[0], bool(row[1])


def share_case(case_ref: str | int, role: str, *, session: Session) -> str:
    """Let ``role`` see and change one case of another branch. Returns the case number."""
    require_postgresql(session=session)
    role = check_role_name(role)
    _require_office(session, "dele saker")
    case = resolve_case(case_ref, session=session, include_deleted=True)
    branch, office = _registered(session, role)
    if office:
        raise UserError(f"«{role}» er forbundskontoret og ser alle saker allerede.")
    owner = session.execute(
        sa.text("SELECT branch FROM cases WHERE id = :id"), {"id": case.id}
    ).scalar()
    if owner is not None and owner == branch:
        raise UserError(f"Sak {case.number} hører til avdelingen til «{role}» og vises allerede.")
    session.execute(
        sa.text(
            f"INSERT INTO {SHARES} (case_id, role_name) VALUES (:c, :r) ON CONFLICT DO NOTHING"
        ),
        {"c": case.id, "r": role},
    )
    return case.number


def unshare_case(case_ref: str | int, role: str, *, session: Session) -> str:
    require_postgresql(session=session)
    role = check_role_name(role)
    _require_office(session, "slutte å dele saker")
    case = resolve_case(case_ref, session=session, include_deleted=True)
    gone = session.execute(
        sa.text(f"DELETE FROM {SHARES} WHERE case_id = :c AND role_name = :r RETURNING 1"),
        {"c": case.id, "r": role},
    ).first()
    if gone is None:
        raise NotFoundError(f"Sak {case.number} er ikke delt med «{role}».")
    return case.number


def move_case(case_ref: str | int, branch: str | None, *, session: Session) -> str:
    """Give a case to another branch (None: to no branch, the office's only)."""
    require_postgresql(session=session)
    _require_office(session, "flytte saker mellom avdelinger")
    case = resolve_case(case_ref, session=session, include_deleted=True)
    session.execute(
        sa.text("UPDATE cases SET branch = :b WHERE id = :id"),
        {"b": (branch or "").strip() or None, "id": case.id},
    )
    return case.number


def case_branch(case_ref: str | int, *, session: Session) -> str | None:
    require_postgresql(session=session)
    case = resolve_case(case_ref, session=session, include_deleted=True)
    value = session.execute(sa.text("SELECT branch FROM cases WHERE id = :id"), {"id": case.id})
    branch = value.scalar()
    return str(branch) if branch is not None else None


# --------------------------------------------------------------------------- profiles


def give_profile(profile: str, role: str, *, session: Session) -> str:
    """Let ``role`` (and no one else but the office) change the profile ``profile`` (its
    id or UUID): a profile belongs to the role that made it (migration 0010), and one made
    before that, or by the office for someone, has to be handed over. Returns its name."""
    require_postgresql(session=session)
    role = check_role_name(role)
    _require_office(session, "gi en profil til en bruker")
    _registered(session, role)
    text = profile.strip()
    column = "id" if text.isdecimal() and len(text) < 10 else "uuid::text"
    found = session.execute(
        sa.text(f"SELECT id, name FROM representatives WHERE {column} = :p"), {"p": text}
    ).first()
    if found is None:
        raise NotFoundError(f"Fant ingen profil «{text}» (oppgi profilens id eller UUID).")
    session.execute(
        sa.text("UPDATE representatives SET db_role = :r WHERE id = :id"),
        {"r": role, "id": found[0]},
    )
    return str(found[1])
