"""access control in the database itself (PostgreSQL row-level security)

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-22

Each representative logs in with their own PostgreSQL role and sees and changes only the
cases of their own branch, and the cases the union office shared with them; an office role
sees everything (the landsmøte report). The rows hanging off a case (events, documents,
deadlines, …) follow their case. The employer and representative registers and the case
number counter are shared by everybody.

A case's branch is a column on ``cases``, set by a trigger from the creating role's branch.
Not derived through ``representative_id``: that column is optional and editable on the case,
and a representative's profile (with its ``branch`` text) is editable by its owner, so
access would follow whatever anyone typed; a case also stays with its branch when the
representative who made it leaves. Only the office (or the owner) moves a case to another
branch. Existing cases get the branch of their responsible representative's profile, when
it has one; the rest are seen by the office only until it assigns them (``admin move``).

Who is who is kept in ``tillitsvalgt_access`` (login role → branch, or office), per
database; the group roles ``tillitsvalgt_representative`` and ``tillitsvalgt_office`` carry
the table privileges and are cluster-wide, so they are created when missing and never
dropped (other databases on the server may use them). The owner of the tables (whoever ran
the migrations) and superusers keep full access.

On SQLite (one user, one file) this migration does nothing.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

REPRESENTATIVE_GROUP = "tillitsvalgt_representative"
OFFICE_GROUP = "tillitsvalgt_office"
GROUPS = (REPRESENTATIVE_GROUP, OFFICE_GROUP)

# Everyone uses these as they are: the employer register, the profiles, the case numbers.
SHARED_TABLES = ("employers", "representatives", "case_counters")
# A row belongs to the case it names; (table, column, the table that column points into).
CASE_ROWS = (
    ("events", "case_id", "cases"),
    ("documents", "case_id", "cases"),
    ("deadlines", "case_id", "cases"),
    ("checklist_answers", "case_id", "cases"),
    ("event_revisions", "event_id", "events"),
    ("deadline_extensions", "deadline_id", "deadlines"),
)
ACCESS = "tillitsvalgt_access"
SHARES = "tillitsvalgt_case_shares"

# Raised by our own checks, so the app can show the message as it is (see db.py).
OWN_ERROR = "TV403"


# The free-text index carries its case's branch, so that its policy is a plain comparison
# per row like the cases' own: a search matching every case of 100 000 would otherwise
# look each hit up in ``cases`` again. 0002's refresh, and the same with the branch:
SEARCH_REFRESH_0002 = """CREATE OR REPLACE FUNCTION case_search_refresh(cid integer) RETURNS void
    LANGUAGE sql AS $$
        INSERT INTO case_search (case_id, document)
        SELECT c.id, to_tsvector('simple', c.title || ' ' || coalesce(c.description, '') || ' '
               || coalesce((SELECT string_agg(e.notes, ' ') FROM events e
                            WHERE e.case_id = c.id AND e.deleted_at IS NULL), ''))
        FROM cases c WHERE c.id = cid
        ON CONFLICT (case_id) DO UPDATE SET document = excluded.document
    $$"""
SEARCH_REFRESH = """CREATE OR REPLACE FUNCTION case_search_refresh(cid integer) RETURNS void
    LANGUAGE sql AS $$
        INSERT INTO case_search (case_id, document, branch)
        SELECT c.id, to_tsvector('simple', c.title || ' ' || coalesce(c.description, '') || ' '
               || coalesce((SELECT string_agg(e.notes, ' ') FROM events e
                            WHERE e.case_id = c.id AND e.deleted_at IS NULL), '')),
               c.branch
        FROM cases c WHERE c.id = cid
        ON CONFLICT (case_id) DO UPDATE SET document = excluded.document,
                                            branch = excluded.branch
    $$"""


def _ensure_group(name: str) -> str:
    """Create the NOLOGIN group role unless it exists, tolerating a concurrent creator; a
    migrating user who may not create roles is told what the server administrator runs."""
    return f"""DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{name}') THEN
        BEGIN
            CREATE ROLE {name} NOLOGIN;
        EXCEPTION
            WHEN duplicate_object OR unique_violation THEN NULL;
            WHEN insufficient_privilege THEN
                RAISE EXCEPTION USING ERRCODE = '{OWN_ERROR}', MESSAGE = format(
                    'Rollen {name} finnes ikke på databasetjeneren, og %s har ikke lov til å '
                    'opprette roller. Be tjenerens administrator kjøre «CREATE ROLE {name} '
                    'NOLOGIN;» og prøv igjen; ingenting er endret.', current_user);
        END;
    END IF;
END $$"""


def _functions(pin: str) -> list[str]:
    """The questions every policy asks, each evaluated once per statement (the policies
    call them as ``(SELECT f())``, an init plan). ``pin`` fixes their search_path so that
    nobody can shadow our tables with their own."""
    return [
        # Whoever owns the tables, or is a member of their owner (and superusers).
        f"""CREATE FUNCTION tillitsvalgt_is_owner() RETURNS boolean
            LANGUAGE sql STABLE {pin} AS $$
            SELECT pg_has_role(current_user, c.relowner, 'USAGE')
            FROM pg_class c WHERE c.oid = 'cases'::regclass
        $$""",
        # Office: in the office group *and* marked as office in this database (the group
        # is cluster-wide; an office of another database on the server is nobody here).
        f"""CREATE FUNCTION tillitsvalgt_sees_all() RETURNS boolean
            LANGUAGE sql STABLE {pin} AS $$
            SELECT tillitsvalgt_is_owner()
                OR (pg_has_role(current_user, '{OFFICE_GROUP}', 'USAGE')
                    AND EXISTS (SELECT 1 FROM {ACCESS} a
                                WHERE a.role_name = current_user::text AND a.office))
        $$""",
        f"""CREATE FUNCTION tillitsvalgt_my_branch() RETURNS text
            LANGUAGE sql STABLE {pin} AS $$
            SELECT a.branch FROM {ACCESS} a WHERE a.role_name = current_user::text
        $$""",
        # A new case gets its creator's branch; only the office and the owner choose or
        # change a branch (the policy alone would let a representative "take over" a case
        # shared with them by setting their own branch on it).
        f"""CREATE FUNCTION tillitsvalgt_case_branch() RETURNS trigger
            LANGUAGE plpgsql {pin} AS $$
        DECLARE
            mine text;
        BEGIN
            IF tillitsvalgt_sees_all() THEN
                RETURN NEW;
            END IF;
            IF TG_OP = 'INSERT' THEN
                mine := tillitsvalgt_my_branch();
                IF mine IS NULL THEN
                    RAISE EXCEPTION USING ERRCODE = '{OWN_ERROR}', MESSAGE = format(
                        'Databasebrukeren %s hører ikke til noen avdeling og kan ikke '
                        'opprette saker. Be forbundskontoret gi brukeren en avdeling '
                        '(tillitsvalgt admin create-representative); ingenting er lagret.',
                        current_user);
                END IF;
                IF NEW.branch IS NULL THEN
                    NEW.branch := mine;
                END IF;
            ELSIF NEW.branch IS DISTINCT FROM OLD.branch THEN
                RAISE EXCEPTION USING ERRCODE = '{OWN_ERROR}', MESSAGE =
                    'Bare forbundskontoret kan flytte en sak til en annen avdeling; '
                    'ingenting er lagret.';
            END IF;
            RETURN NEW;
        END $$""",
    ]


def _branch_policy(table: str, case_id: str) -> str:
    mine = (
        "(SELECT tillitsvalgt_sees_all())"
        " OR branch = (SELECT tillitsvalgt_my_branch())"
        f" OR {case_id} IN (SELECT s.case_id FROM {SHARES} s"
        " WHERE s.role_name = current_user::text)"
    )
    return f"CREATE POLICY tillitsvalgt_branch ON {table} USING ({mine}) WITH CHECK ({mine})"


def _row_policy(table: str, column: str, parent: str, *, caseless_shared: bool = False) -> str:
    # The parent's own policy applies inside the subquery: a row is yours exactly when the
    # case (event, deadline) it belongs to is visible to you. EXISTS, not IN: one index
    # probe per row; IN hashes every visible case first, and its estimated cost made
    # PostgreSQL JIT-compile the case list (80 ms instead of 2 ms at 100 000 cases).
    # ``caseless_shared``: a row that belongs to no case (the change history of the shared
    # employer register) is as shared as what it describes.
    caseless = f" OR {table}.{column} IS NULL" if caseless_shared else ""
    mine = (
        "(SELECT tillitsvalgt_sees_all())"
        f"{caseless} OR EXISTS (SELECT 1 FROM {parent} p WHERE p.id = {table}.{column})"
    )
    return f"CREATE POLICY tillitsvalgt_case_rows ON {table} USING ({mine}) WITH CHECK ({mine})"


def _schema() -> str:
    return str(op.get_bind().exec_driver_sql("SELECT current_schema()").scalar_one())


def _quote(name: str) -> str:
    return str(op.get_bind().dialect.identifier_preparer.quote(name))


def _tables_with_case_id(schema: str) -> dict[str, bool]:
    """Tables made by other migrations that hold a ``case_id`` (e.g. the change history),
    with whether the column may be empty: they follow their case too, append-only unless
    listed in CASE_ROWS."""
    known = {"cases", "case_search", SHARES, *(t for t, _, _ in CASE_ROWS)}
    rows = op.get_bind().execute(
        sa.text(
            "SELECT table_name, is_nullable FROM information_schema.columns "
            "WHERE table_schema = :schema AND column_name = 'case_id'"
        ),
        {"schema": schema},
    )
    return {str(r[0]): r[1] == "YES" for r in rows if str(r[0]) not in known}


def _sequences(tables: Sequence[str]) -> list[str]:
    """The id sequences of ``tables`` (a representative inserting a row draws from them)."""
    rows = op.get_bind().execute(
        sa.text(
            "SELECT s.oid::regclass::text FROM pg_class s "
            "JOIN pg_depend d ON d.objid = s.oid AND d.deptype IN ('a', 'i') "
            "JOIN pg_class t ON t.oid = d.refobjid "
            "WHERE s.relkind = 'S' AND t.relnamespace = current_schema()::regnamespace "
            "AND t.relname = ANY(:tables)"
        ),
        {"tables": list(tables)},
    )
    return sorted(str(r[0]) for r in rows)


def upgrade() -> None:
    if op.get_context().dialect.name != "postgresql":
        return
    schema = _schema()
    pin = f"SET search_path = pg_catalog, {_quote(schema)}"
    everyone = ", ".join(GROUPS)
    for group in GROUPS:
        op.execute(_ensure_group(group))

    op.execute(
        f"""CREATE TABLE {ACCESS} (
            role_name text PRIMARY KEY,
            branch text,
            office boolean NOT NULL DEFAULT false,
            created_at timestamptz NOT NULL DEFAULT now(),
            CONSTRAINT {ACCESS}_branch_or_office CHECK (office OR branch IS NOT NULL))"""
    )
    op.execute(
        f"""CREATE TABLE {SHARES} (
            case_id integer NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
            role_name text NOT NULL REFERENCES {ACCESS}(role_name) ON DELETE CASCADE,
            created_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (case_id, role_name))"""
    )
    op.execute(f"CREATE INDEX {SHARES}_role_idx ON {SHARES} (role_name)")
    op.execute("ALTER TABLE cases ADD COLUMN branch text")
    op.execute("CREATE INDEX ix_cases_branch ON cases (branch)")
    op.execute(
        "UPDATE cases SET branch = r.branch FROM representatives r "
        "WHERE r.id = cases.representative_id AND nullif(trim(r.branch), '') IS NOT NULL"
    )

    for statement in _functions(pin):
        op.execute(statement)
    op.execute(
        "CREATE TRIGGER tillitsvalgt_case_branch BEFORE INSERT OR UPDATE OF branch ON cases "
        "FOR EACH ROW EXECUTE FUNCTION tillitsvalgt_case_branch()"
    )
    # The free-text index is derived data: its triggers write it as the owner, whoever
    # changed the case, and nobody else may write it or call its refresh.
    for function in ("case_search_on_case()", "case_search_on_event()"):
        op.execute(f"ALTER FUNCTION {function} SECURITY DEFINER {pin}")
    op.execute("ALTER TABLE case_search ADD COLUMN branch text")
    op.execute(
        "UPDATE case_search SET branch = c.branch FROM cases c WHERE c.id = case_search.case_id"
    )
    op.execute(SEARCH_REFRESH)
    op.execute("REVOKE EXECUTE ON FUNCTION case_search_refresh(integer) FROM PUBLIC")
    op.execute(
        "CREATE TRIGGER tillitsvalgt_case_search_branch AFTER UPDATE OF branch ON cases "
        "FOR EACH ROW EXECUTE FUNCTION case_search_on_case()"
    )

    # Policies. FORCE: the owner is held to them too (its own policy lets it see all), so
    # a connection as the owner cannot be mistaken for a path around them.
    extra = _tables_with_case_id(schema)
    ruled = ["cases", "case_search", ACCESS, SHARES, *(t for t, _, _ in CASE_ROWS), *extra]
    for table in ruled:
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY")
    op.execute(_branch_policy("cases", "id"))
    op.execute(_branch_policy("case_search", "case_id"))
    for table, column, parent in CASE_ROWS:
        op.execute(_row_policy(table, column, parent))
    for table, nullable in extra.items():
        op.execute(_row_policy(table, "case_id", "cases", caseless_shared=nullable))
    # Everybody sees their own entry; the office group sees (and keeps) the list. No
    # table reads here: tillitsvalgt_sees_all reads this table.
    office_or_owner = (
        f"(SELECT tillitsvalgt_is_owner()) OR pg_has_role(current_user, '{OFFICE_GROUP}', 'USAGE')"
    )
    op.execute(
        f"CREATE POLICY tillitsvalgt_access_rows ON {ACCESS} "
        f"USING (role_name = current_user::text OR {office_or_owner}) "
        f"WITH CHECK ({office_or_owner})"
    )
    op.execute(
        f"CREATE POLICY tillitsvalgt_share_rows ON {SHARES} "
        "USING (role_name = current_user::text OR (SELECT tillitsvalgt_sees_all())) "
        "WITH CHECK ((SELECT tillitsvalgt_sees_all()))"
    )

    # Privileges (the policies decide the rows).
    op.execute(f"GRANT USAGE ON SCHEMA {_quote(schema)} TO {everyone}")
    op.execute(f"GRANT SELECT ON alembic_version TO {everyone}")
    for table in SHARED_TABLES:
        op.execute(f"GRANT SELECT, INSERT, UPDATE ON {table} TO {everyone}")
    for table in ("cases", *(t for t, _, _ in CASE_ROWS)):
        op.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {table} TO {everyone}")
    for table in extra:
        op.execute(f"GRANT SELECT, INSERT ON {table} TO {everyone}")
    if "change_history" in extra:
        # A GDPR deletion redacts old values; the history's own trigger allows nothing else
        # (0007), and only the office runs it for every branch.
        op.execute(f"GRANT UPDATE ON change_history TO {OFFICE_GROUP}")
    op.execute(f"GRANT SELECT ON case_search TO {everyone}")
    op.execute(f"GRANT SELECT ON {ACCESS}, {SHARES} TO {REPRESENTATIVE_GROUP}")
    op.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {ACCESS}, {SHARES} TO {OFFICE_GROUP}")
    sequences = _sequences(["cases", *SHARED_TABLES, *(t for t, _, _ in CASE_ROWS), *extra])
    if sequences:
        op.execute(f"GRANT USAGE, SELECT ON SEQUENCE {', '.join(sequences)} TO {everyone}")


def downgrade() -> None:
    if op.get_context().dialect.name != "postgresql":
        return
    bind = op.get_bind()
    schema = _schema()
    existing = {
        str(r[0])
        for r in bind.exec_driver_sql(f"SELECT rolname FROM pg_roles WHERE rolname IN {GROUPS!r}")
    }
    # Privileges first, while the tables are there; the group roles stay (cluster-wide).
    if existing:
        holders = ", ".join(sorted(existing))
        tables = [
            str(r[0])
            for r in bind.execute(
                sa.text("SELECT tablename FROM pg_tables WHERE schemaname = :s"), {"s": schema}
            )
        ]
        for table in tables:
            op.execute(f"REVOKE ALL ON {_quote(table)} FROM {holders}")
        sequences = [
            str(r[0])
            for r in bind.execute(
                sa.text("SELECT sequencename FROM pg_sequences WHERE schemaname = :s"),
                {"s": schema},
            )
        ]
        for sequence in sequences:
            op.execute(f"REVOKE ALL ON SEQUENCE {_quote(sequence)} FROM {holders}")
        op.execute(f"REVOKE USAGE ON SCHEMA {_quote(schema)} FROM {holders}")
    for table, policy in bind.execute(
        sa.text(
            "SELECT tablename, policyname FROM pg_policies "
            "WHERE schemaname = :s AND policyname LIKE 'tillitsvalgt\\_%'"
        ),
        {"s": schema},
    ).all():
        op.execute(f"DROP POLICY {_quote(str(policy))} ON {_quote(str(table))}")
    for (table,) in bind.execute(
        sa.text(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = :s AND c.relkind = 'r' AND c.relrowsecurity"
        ),
        {"s": schema},
    ).all():
        op.execute(f"ALTER TABLE {_quote(str(table))} NO FORCE ROW LEVEL SECURITY")
        op.execute(f"ALTER TABLE {_quote(str(table))} DISABLE ROW LEVEL SECURITY")

    op.execute("DROP TRIGGER IF EXISTS tillitsvalgt_case_search_branch ON cases")
    op.execute(SEARCH_REFRESH_0002)
    op.execute("ALTER TABLE case_search DROP COLUMN IF EXISTS branch")
    op.execute("GRANT EXECUTE ON FUNCTION case_search_refresh(integer) TO PUBLIC")
    for function in ("case_search_on_case()", "case_search_on_event()"):
        op.execute(f"ALTER FUNCTION {function} SECURITY INVOKER RESET search_path")
    op.execute("DROP TRIGGER IF EXISTS tillitsvalgt_case_branch ON cases")
    op.execute(f"DROP TABLE IF EXISTS {SHARES}")
    op.execute(f"DROP TABLE IF EXISTS {ACCESS}")
    op.execute("DROP INDEX IF EXISTS ix_cases_branch")
    op.execute("ALTER TABLE cases DROP COLUMN IF EXISTS branch")
    for function in (
        "tillitsvalgt_case_branch()",
        "tillitsvalgt_my_branch()",
        "tillitsvalgt_sees_all()",
        "tillitsvalgt_is_owner()",
    ):
        op.execute(f"DROP FUNCTION IF EXISTS {function}")
