"""no way around the walls: hardened functions, owned profiles, recorded employer edits,
the employer facts a case was judged on, frozen letter metadata

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06

Both backends:

- A case keeps the employer facts it was judged on (headcount, agreement, sector), copied
  from the register when the case is registered (existing cases: now). The assessment uses
  these, so an edit of the shared register by somebody else never changes another case's
  verdict silently; the case shows when the register now says otherwise.
- A sent letter's date, number, reply deadline, case and sequence are frozen with its bytes.
- Deleting an event with SQL leaves a line in the change history.

PostgreSQL only (each closes a way around row-level security found by an attack):

- Every function the policies and triggers run has ``search_path = pg_catalog, pg_temp``
  and names our tables with their schema: a representative's temporary table (searched
  first when ``pg_temp`` is not named) or operator (in a ``public`` schema everyone may
  write, the PostgreSQL ≤ 14 default) is never resolved in them.
- CREATE on the schema is taken from PUBLIC when we own it; where someone else can still
  create objects in it, the migration refuses (nothing is changed) and says what to run.
- Profiles belong to the database role that made them: only it (or the office) edits one.
- Employer edits are recorded in the history by the database itself, with who made them;
  an employer that cases use (of any branch) cannot be deleted.
- Representatives insert history rows only for cases they see (no rows without a case),
  and never in another profile's name; redaction only through
  ``tillitsvalgt_redact_history``, which the office alone may call, which accepts only text
  where names were replaced by «[slettet]», and which records itself.
- The case counter is written only through ``tillitsvalgt_next_case_seq``; nobody reads it,
  and a representative's new case must carry a number it handed out.
- Side channels: the id sequences cannot be read (only drawn from); the planner keeps no
  statistics of free-text columns (EXPLAIN's estimates would count other branches'
  titles); a document's number must be its own case's, and a deadline may only point at a
  document of its own case, refused before any unique or foreign key is looked up.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

REPRESENTATIVE_GROUP = "tillitsvalgt_representative"
OFFICE_GROUP = "tillitsvalgt_office"
GROUPS = (REPRESENTATIVE_GROUP, OFFICE_GROUP)
OWN_ERROR = "TV403"
PIN = "SET search_path = pg_catalog, pg_temp"

SNAPSHOT = (
    ("employer_employees", sa.Integer(), "employees"),
    ("employer_agreement", sa.String(), "agreement"),
    ("employer_sector", sa.String(), "sector"),
)
FROZEN_0007 = "content, sha256, size, sent_on, frozen"
FROZEN = f"{FROZEN_0007}, dated, number, reply_by, case_id, seq, deleted_at"
FROZEN_MESSAGE = "Et sendt dokument kan ikke endres eller slettes."
HISTORY_REFUSED = "Endringshistorikken kan ikke endres eller slettes."
# The employer register's columns a person edits (history.RECORDED["employers"]).
EMPLOYER_FIELDS = (
    "name",
    "orgnr",
    "address",
    "sector",
    "agreement",
    "employees",
    "contact_name",
    "contact_email",
    "contact_phone",
)
HISTORY_FIXED = (
    "id",
    "changed_at",
    "entity",
    "entity_id",
    "case_id",
    "action",
    "field",
    "representative_id",
    "db_role",
    "context",
)
# Free text whose planner statistics would tell other branches' words and volumes.
NO_STATISTICS = (
    ("cases", "title"),
    ("cases", "description"),
    ("cases", "location"),
    ("cases", "branch"),
    ("cases", "report_summary"),
    ("events", "notes"),
    ("events", "participants"),
    ("documents", "title"),
    ("documents", "recipient"),
    ("documents", "their_ref"),
    ("deadlines", "title"),
    ("checklist_answers", "note"),
    ("case_search", "document"),
    ("change_history", "old_value"),
    ("change_history", "new_value"),
)

# Their type cannot be set again (PostgreSQL refuses for a column a policy uses): statistics
# gathered before this migration stay until a superuser removes them (see the README).
IN_POLICIES = {("cases", "branch")}
SEARCH_TRIGGERS = (  # 0002's, as they are
    ("case_search_case", "cases", "AFTER INSERT OR UPDATE OF title, description"),
    (
        "case_search_event",
        "events",
        "AFTER INSERT OR DELETE OR UPDATE OF notes, deleted_at, case_id",
    ),
)


def _pg() -> bool:
    return op.get_bind().dialect.name == "postgresql"


# --------------------------------------------------------------------------- both backends


def upgrade() -> None:
    for name, type_, _ in SNAPSHOT:  # plain ADD COLUMN: a batch would drop 0002's triggers
        op.add_column("cases", sa.Column(name, type_, nullable=True))
    op.add_column("cases", sa.Column("employer_facts_at", sa.DateTime(timezone=True)))
    sets = ", ".join(
        f"{name} = (SELECT e.{source} FROM employers e WHERE e.id = cases.employer_id)"
        for name, _, source in SNAPSHOT
    )
    if _pg():
        _postgresql_upgrade(sets)
    else:
        op.execute(
            f"UPDATE cases SET {sets}, "
            "employer_facts_at = strftime('%Y-%m-%d %H:%M:%f', 'now') || '000'"
        )
        _sqlite_frozen(FROZEN)
        op.execute(
            "CREATE TRIGGER events_delete_recorded AFTER DELETE ON events BEGIN "
            "INSERT INTO change_history (changed_at, entity, entity_id, case_id, action, "
            "context) VALUES (strftime('%Y-%m-%d %H:%M:%f', 'now') || '000', 'event', old.id, "
            "old.case_id, 'removed', 'sql'); END"
        )


def downgrade() -> None:
    if _pg():
        _postgresql_downgrade()
    else:
        op.execute("DROP TRIGGER IF EXISTS events_delete_recorded")
        _sqlite_frozen(FROZEN_0007)
    for name in ("employer_facts_at", *(n for n, _, _ in reversed(SNAPSHOT))):
        op.execute(f"ALTER TABLE cases DROP COLUMN {name}")  # in place (SQLite >= 3.35)


def _sqlite_frozen(columns: str) -> None:
    op.execute("DROP TRIGGER IF EXISTS documents_frozen_update")
    op.execute(
        f"CREATE TRIGGER documents_frozen_update BEFORE UPDATE OF {columns} "
        f"ON documents WHEN OLD.frozen BEGIN SELECT RAISE(ABORT, '{FROZEN_MESSAGE}'); END"
    )


# --------------------------------------------------------------------------- PostgreSQL


def _schema() -> str:
    return str(op.get_bind().exec_driver_sql("SELECT current_schema()").scalar_one())


def _quote(name: str) -> str:
    return str(op.get_bind().dialect.identifier_preparer.quote(name))


def schema_creators_sql(schema_literal: str) -> str:
    """The roles besides superusers and the tables' owner (and its members) that may create
    objects in the schema, PUBLIC included: each could plant an operator or function that
    our sessions would run (``services/access.py`` asks the same before adding a role)."""
    return f"""SELECT 'PUBLIC' FROM pg_namespace n, aclexplode(n.nspacl) a
        WHERE n.nspname = {schema_literal} AND a.grantee = 0 AND a.privilege_type = 'CREATE'
        UNION
        SELECT r.rolname::text FROM pg_roles r, pg_namespace n, pg_class t
        WHERE n.nspname = {schema_literal}
          AND t.oid = to_regclass(quote_ident(n.nspname) || '.cases')
          AND NOT r.rolsuper AND r.rolname NOT LIKE 'pg\\_%'
          AND has_schema_privilege(r.oid, n.oid, 'CREATE')
          AND NOT pg_has_role(r.oid, t.relowner, 'MEMBER')
        ORDER BY 1"""


def _secure_schema(schema: str) -> None:
    bind = op.get_bind()
    s = _quote(schema)
    owns = bind.execute(
        sa.text(
            "SELECT pg_has_role(current_user, nspowner, 'USAGE') FROM pg_namespace "
            "WHERE nspname = :s"
        ),
        {"s": schema},
    ).scalar()
    if owns:
        op.execute(f"REVOKE CREATE ON SCHEMA {s} FROM PUBLIC")
        for group in GROUPS:
            op.execute(f"REVOKE CREATE ON SCHEMA {s} FROM {group}")
    literal = "'" + schema.replace("'", "''") + "'"
    others = [str(r[0]) for r in bind.execute(sa.text(schema_creators_sql(literal)))]
    if others:
        who = ", ".join(others)
        message = (
            f"Andre enn databasens eier kan opprette objekter i skjemaet {schema} ({who}). "
            "Da kan en tillitsvalgt plante funksjoner som kjøres med andres rettigheter. "
            f"Be eieren av skjemaet kjøre «REVOKE CREATE ON SCHEMA {s} FROM PUBLIC;» "
            "(og fra rollene som er nevnt), og prøv igjen; ingenting er endret."
        ).replace("'", "''")
        op.execute(
            f"DO $$ BEGIN RAISE EXCEPTION USING ERRCODE = '{OWN_ERROR}', "
            f"MESSAGE = '{message}'; END $$"
        )


def _access_functions(s: str) -> list[str]:
    """0008's policy questions, the same answers, with every name qualified."""
    return [
        f"""CREATE OR REPLACE FUNCTION {s}.tillitsvalgt_is_owner() RETURNS boolean
            LANGUAGE sql STABLE {PIN} AS $$
            SELECT pg_has_role(current_user, c.relowner, 'USAGE')
            FROM pg_catalog.pg_class c WHERE c.oid = '{s}.cases'::pg_catalog.regclass
        $$""",
        f"""CREATE OR REPLACE FUNCTION {s}.tillitsvalgt_sees_all() RETURNS boolean
            LANGUAGE sql STABLE {PIN} AS $$
            SELECT {s}.tillitsvalgt_is_owner()
                OR (pg_has_role(current_user, '{OFFICE_GROUP}', 'USAGE')
                    AND EXISTS (SELECT 1 FROM {s}.tillitsvalgt_access a
                                WHERE a.role_name = current_user::text AND a.office))
        $$""",
        # The same for the role that logged in: inside a SECURITY DEFINER function
        # current_user is the owner, and the question is about the caller.
        f"""CREATE OR REPLACE FUNCTION {s}.tillitsvalgt_login_sees_all() RETURNS boolean
            LANGUAGE sql STABLE {PIN} AS $$
            SELECT pg_has_role(session_user, c.relowner, 'USAGE')
                OR (pg_has_role(session_user, '{OFFICE_GROUP}', 'USAGE')
                    AND EXISTS (SELECT 1 FROM {s}.tillitsvalgt_access a
                                WHERE a.role_name = session_user::text AND a.office))
            FROM pg_catalog.pg_class c WHERE c.oid = '{s}.cases'::pg_catalog.regclass
        $$""",
        f"""CREATE OR REPLACE FUNCTION {s}.tillitsvalgt_my_branch() RETURNS text
            LANGUAGE sql STABLE {PIN} AS $$
            SELECT a.branch FROM {s}.tillitsvalgt_access a
            WHERE a.role_name = current_user::text
        $$""",
        f"""CREATE OR REPLACE FUNCTION {s}.tillitsvalgt_case_branch() RETURNS trigger
            LANGUAGE plpgsql {PIN} AS $$
        DECLARE
            mine text;
        BEGIN
            IF {s}.tillitsvalgt_sees_all() THEN
                RETURN NEW;
            END IF;
            IF TG_OP = 'INSERT' THEN
                mine := {s}.tillitsvalgt_my_branch();
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


# 0009's index text (punctuation to spaces, at most 150 000 characters), qualified.
_PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^`{|}~"


def _search_functions(s: str) -> list[str]:
    quoted = _PUNCTUATION.replace("'", "''")
    text = f"""translate(left(c.title || ' ' || coalesce(c.description, '') || ' '
               || coalesce((SELECT string_agg(e.notes, ' ') FROM {s}.events e
                            WHERE e.case_id = c.id AND e.deleted_at IS NULL), ''), 150000),
               '{quoted}', '{" " * len(_PUNCTUATION)}')"""
    return [
        f"""CREATE OR REPLACE FUNCTION {s}.case_search_refresh(cid integer) RETURNS void
            LANGUAGE sql {PIN} AS $$
            INSERT INTO {s}.case_search (case_id, document, branch)
            SELECT c.id, to_tsvector('simple', {text}), c.branch
            FROM {s}.cases c WHERE c.id = cid
            ON CONFLICT (case_id) DO UPDATE SET document = excluded.document,
                                                branch = excluded.branch
        $$""",
        f"""CREATE OR REPLACE FUNCTION {s}.case_search_on_case() RETURNS trigger
            LANGUAGE plpgsql SECURITY DEFINER {PIN} AS $$
        BEGIN
            PERFORM {s}.case_search_refresh(NEW.id);
            RETURN NULL;
        END $$""",
        f"""CREATE OR REPLACE FUNCTION {s}.case_search_on_event() RETURNS trigger
            LANGUAGE plpgsql SECURITY DEFINER {PIN} AS $$
        BEGIN
            IF TG_OP <> 'INSERT' THEN PERFORM {s}.case_search_refresh(OLD.case_id); END IF;
            IF TG_OP <> 'DELETE' THEN PERFORM {s}.case_search_refresh(NEW.case_id); END IF;
            RETURN NULL;
        END $$""",
    ]


def _redaction_check(s: str) -> str:
    """``new`` is ``old`` with some stretches replaced by «[slettet]»: every piece of
    ``new`` between the marks is found in ``old``, in order, the first at its start and the
    last at its end. No other text can be written into the history this way."""
    return f"""CREATE OR REPLACE FUNCTION {s}.tillitsvalgt_is_redaction(old text, new text)
        RETURNS boolean LANGUAGE plpgsql IMMUTABLE {PIN} AS $$
    DECLARE
        parts text[];
        n integer;
        pos integer := 1;
        found integer;
        i integer;
    BEGIN
        IF new IS NOT DISTINCT FROM old OR new IS NULL THEN
            RETURN true;
        END IF;
        IF old IS NULL OR strpos(new, '[slettet]') = 0 THEN
            RETURN false;
        END IF;
        parts := string_to_array(new, '[slettet]');
        n := array_length(parts, 1);
        IF left(old, length(parts[1])) <> parts[1] THEN
            RETURN false;
        END IF;
        pos := length(parts[1]) + 1;
        FOR i IN 2..n - 1 LOOP
            IF parts[i] <> '' THEN
                found := strpos(substr(old, pos), parts[i]);
                IF found = 0 THEN
                    RETURN false;
                END IF;
                pos := pos + found - 1 + length(parts[i]);
            END IF;
        END LOOP;
        RETURN right(old, length(parts[n])) = parts[n]
            AND length(old) - length(parts[n]) + 1 >= pos;
    END $$"""


def _history_functions(s: str) -> list[str]:
    same = " AND ".join(f"NEW.{c} IS NOT DISTINCT FROM OLD.{c}" for c in HISTORY_FIXED)
    return [
        _redaction_check(s),
        # INSERT: the server's role and time; a profile only its own role may claim.
        # UPDATE: only as the owner (that is, inside tillitsvalgt_redact_history), and only
        # a redaction of the values.
        f"""CREATE OR REPLACE FUNCTION {s}.change_history_guard() RETURNS trigger
            LANGUAGE plpgsql {PIN} AS $$
        BEGIN
            IF TG_OP = 'INSERT' THEN
                NEW.db_role := session_user;
                NEW.changed_at := now();
                IF NEW.representative_id IS NOT NULL AND NOT EXISTS (
                    SELECT 1 FROM {s}.representatives r
                    WHERE r.id = NEW.representative_id AND r.db_role = session_user::text)
                THEN
                    NEW.representative_id := NULL;
                END IF;
                RETURN NEW;
            END IF;
            IF TG_OP = 'UPDATE' AND {s}.tillitsvalgt_is_owner() AND {same}
               AND {s}.tillitsvalgt_is_redaction(OLD.old_value, NEW.old_value)
               AND {s}.tillitsvalgt_is_redaction(OLD.new_value, NEW.new_value) THEN
                RETURN NEW;
            END IF;
            RAISE EXCEPTION '{HISTORY_REFUSED}' USING ERRCODE = 'insufficient_privilege';
        END $$""",
        f"""CREATE OR REPLACE FUNCTION {s}.tillitsvalgt_redact_history(
                hid integer, old_text text, new_text text) RETURNS void
            LANGUAGE plpgsql SECURITY DEFINER {PIN} AS $$
        DECLARE
            h {s}.change_history%ROWTYPE;
        BEGIN
            IF NOT {s}.tillitsvalgt_login_sees_all() THEN
                RAISE EXCEPTION USING ERRCODE = '{OWN_ERROR}', MESSAGE =
                    'Bare forbundskontoret kan slette personopplysninger i '
                    'endringshistorikken; ingenting er endret.';
            END IF;
            SELECT * INTO h FROM {s}.change_history WHERE id = hid FOR UPDATE;
            IF NOT FOUND THEN
                RAISE EXCEPTION USING ERRCODE = '{OWN_ERROR}', MESSAGE = format(
                    'Linje %s i endringshistorikken finnes ikke; ingenting er endret.', hid);
            END IF;
            UPDATE {s}.change_history
            SET old_value = coalesce(old_text, h.old_value),
                new_value = coalesce(new_text, h.new_value)
            WHERE id = hid;
            INSERT INTO {s}.change_history
                (changed_at, entity, entity_id, case_id, action, field, context)
            VALUES (now(), h.entity, h.entity_id, h.case_id, 'redacted', h.field, 'gdpr');
        END $$""",
        # A hard DELETE of an event (the app never does one) leaves a line in the history.
        f"""CREATE OR REPLACE FUNCTION {s}.tillitsvalgt_event_deleted() RETURNS trigger
            LANGUAGE plpgsql SECURITY DEFINER {PIN} AS $$
        BEGIN
            INSERT INTO {s}.change_history
                (changed_at, entity, entity_id, case_id, action, context)
            VALUES (now(), 'event', OLD.id, OLD.case_id, 'removed', 'sql');
            RETURN NULL;
        END $$""",
    ]


def _employer_functions(s: str) -> list[str]:
    values = ", ".join(f"('{f}', OLD.{f}::text, NEW.{f}::text)" for f in EMPLOYER_FIELDS)
    return [
        # Every edit of the shared register is recorded by the database, whoever made it
        # and however (app or SQL); the app leaves employer rows to this trigger.
        f"""CREATE OR REPLACE FUNCTION {s}.tillitsvalgt_employer_recorded() RETURNS trigger
            LANGUAGE plpgsql SECURITY DEFINER {PIN} AS $$
        DECLARE
            who integer;
            redacting boolean;
            why text := nullif(current_setting('tillitsvalgt.history_context', true), '');
        BEGIN
            SELECT r.id INTO who FROM {s}.representatives r
            WHERE r.db_role = session_user::text ORDER BY r.id LIMIT 1;
            IF TG_OP = 'INSERT' THEN
                INSERT INTO {s}.change_history
                    (changed_at, entity, entity_id, action, representative_id, context)
                VALUES (now(), 'employer', NEW.id, 'created', who, why);
                RETURN NULL;
            END IF;
            -- Only the office's GDPR deletion records a change without its values.
            redacting := coalesce(current_setting('tillitsvalgt.redaction', true), '') = 'on'
                         AND {s}.tillitsvalgt_login_sees_all();
            INSERT INTO {s}.change_history (changed_at, entity, entity_id, action, field,
                                            old_value, new_value, representative_id, context)
            SELECT now(), 'employer', NEW.id,
                   CASE WHEN redacting THEN 'redacted' ELSE 'changed' END, f.field,
                   CASE WHEN redacting THEN NULL ELSE f.old END,
                   CASE WHEN redacting THEN NULL ELSE f.new END, who, why
            FROM (VALUES {values}) AS f(field, old, new)
            WHERE f.old IS DISTINCT FROM f.new;
            IF NEW.deleted_at IS DISTINCT FROM OLD.deleted_at THEN
                INSERT INTO {s}.change_history
                    (changed_at, entity, entity_id, action, representative_id, context)
                VALUES (now(), 'employer', NEW.id,
                        CASE WHEN NEW.deleted_at IS NULL THEN 'restored' ELSE 'deleted' END,
                        who, why);
            END IF;
            RETURN NULL;
        END $$""",
        # The service refuses too, but counts only the cases the caller sees.
        f"""CREATE OR REPLACE FUNCTION {s}.tillitsvalgt_employer_in_use() RETURNS trigger
            LANGUAGE plpgsql SECURITY DEFINER {PIN} AS $$
        BEGIN
            IF NEW.deleted_at IS NOT NULL AND OLD.deleted_at IS NULL
               AND EXISTS (SELECT 1 FROM {s}.cases c WHERE c.employer_id = NEW.id) THEN
                RAISE EXCEPTION USING ERRCODE = '{OWN_ERROR}', MESSAGE = format(
                    'Virksomheten «%s» brukes i saker (også i andre avdelinger) og kan ikke '
                    'slettes; ingenting er endret.', OLD.name);
            END IF;
            RETURN NEW;
        END $$""",
        # A profile belongs to the role that made it; only it (or the office) changes it.
        f"""CREATE OR REPLACE FUNCTION {s}.tillitsvalgt_profile_owner() RETURNS trigger
            LANGUAGE plpgsql {PIN} AS $$
        BEGIN
            IF TG_OP = 'INSERT' THEN
                IF NEW.db_role IS NULL OR NOT {s}.tillitsvalgt_sees_all() THEN
                    NEW.db_role := current_user::text;
                END IF;
                RETURN NEW;
            END IF;
            IF {s}.tillitsvalgt_sees_all() THEN
                RETURN NEW;
            END IF;
            IF OLD.db_role IS DISTINCT FROM current_user::text
               OR NEW.db_role IS DISTINCT FROM OLD.db_role THEN
                RAISE EXCEPTION USING ERRCODE = '{OWN_ERROR}', MESSAGE = format(
                    'Profilen «%s» tilhører en annen databasebruker; du kan bare endre din '
                    'egen profil. Ingenting er lagret.', OLD.name);
            END IF;
            RETURN NEW;
        END $$""",
    ]


def _counter_function(s: str) -> str:
    return f"""CREATE OR REPLACE FUNCTION {s}.tillitsvalgt_next_case_seq(y integer)
        RETURNS integer LANGUAGE plpgsql SECURITY DEFINER {PIN} AS $$
    DECLARE
        seq integer;
    BEGIN
        IF y IS NULL OR y < 1 OR y > 9999 THEN
            RAISE EXCEPTION USING ERRCODE = '{OWN_ERROR}', MESSAGE = format(
                'Året %s kan ikke brukes i et saksnummer; ingenting er lagret.', y);
        END IF;
        INSERT INTO {s}.case_counters AS k (year, last_seq) VALUES (y, 1)
        ON CONFLICT (year) DO UPDATE SET last_seq = k.last_seq + 1
        RETURNING k.last_seq INTO seq;
        RETURN seq;
    END $$"""


def _case_number_guard(s: str) -> str:
    """A representative's case gets its number from the counter: one written ahead of it
    (INSERT … number '2026/1000') would make the counter's 1000th case fail for every
    branch, as a reset counter did."""
    return f"""CREATE OR REPLACE FUNCTION {s}.tillitsvalgt_case_number() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER {PIN} AS $$
    BEGIN
        IF {s}.tillitsvalgt_login_sees_all() THEN
            RETURN NEW;
        END IF;
        IF TG_OP = 'UPDATE' THEN
            IF NEW.year IS DISTINCT FROM OLD.year OR NEW.seq IS DISTINCT FROM OLD.seq
               OR NEW.number IS DISTINCT FROM OLD.number THEN
                RAISE EXCEPTION USING ERRCODE = '{OWN_ERROR}', MESSAGE =
                    'Et saksnummer kan ikke endres; ingenting er lagret.';
            END IF;
            RETURN NEW;
        END IF;
        IF NEW.number IS DISTINCT FROM NEW.year::text || '/' || NEW.seq::text
           OR NEW.seq > coalesce((SELECT k.last_seq FROM {s}.case_counters k
                                  WHERE k.year = NEW.year), 0) THEN
            RAISE EXCEPTION USING ERRCODE = '{OWN_ERROR}', MESSAGE =
                'Et saksnummer må hentes fra databasens teller (som programmet gjør); '
                'ingenting er lagret.';
        END IF;
        RETURN NEW;
    END $$"""


def _probe_guards(s: str) -> list[str]:
    """Refusals that come before any unique index or foreign key is consulted, so that
    neither tells whether another branch's row exists."""
    return [
        f"""CREATE OR REPLACE FUNCTION {s}.tillitsvalgt_document_number() RETURNS trigger
            LANGUAGE plpgsql {PIN} AS $$
        BEGIN
            IF NEW.number IS DISTINCT FROM (
                SELECT c.number || '-' || NEW.seq FROM {s}.cases c WHERE c.id = NEW.case_id)
            THEN
                RAISE EXCEPTION USING ERRCODE = '{OWN_ERROR}', MESSAGE =
                    'Et dokuments journalnummer er sakens nummer, bindestrek og dokumentets '
                    'løpenummer i saken; ingenting er lagret.';
            END IF;
            RETURN NEW;
        END $$""",
        f"""CREATE OR REPLACE FUNCTION {s}.tillitsvalgt_deadline_document() RETURNS trigger
            LANGUAGE plpgsql {PIN} AS $$
        BEGIN
            IF NEW.document_id IS NOT NULL AND NOT EXISTS (
                SELECT 1 FROM {s}.documents d
                WHERE d.id = NEW.document_id AND d.case_id = NEW.case_id) THEN
                RAISE EXCEPTION USING ERRCODE = '{OWN_ERROR}', MESSAGE =
                    'En frist kan bare vise til et dokument i samme sak; ingenting er lagret.';
            END IF;
            RETURN NEW;
        END $$""",
    ]


def _row_rule(s: str) -> str:
    return (
        f"(SELECT {s}.tillitsvalgt_sees_all()) OR EXISTS "
        f"(SELECT 1 FROM {s}.cases p WHERE p.id = change_history.case_id)"
    )


def _sequences() -> list[str]:
    rows = op.get_bind().exec_driver_sql(
        "SELECT s.oid::regclass::text FROM pg_class s "
        "WHERE s.relkind = 'S' AND s.relnamespace = current_schema()::regnamespace"
    )
    return sorted(str(r[0]) for r in rows)


def _postgresql_upgrade(sets: str) -> None:
    schema = _schema()
    s = _quote(schema)
    everyone = ", ".join(GROUPS)
    _secure_schema(schema)

    for statement in (
        *_access_functions(s),
        *_search_functions(s),
        *_history_functions(s),
        *_employer_functions(s),
        _counter_function(s),
        _case_number_guard(s),
        *_probe_guards(s),
    ):
        op.execute(statement)
    op.execute(f"ALTER FUNCTION {s}.documents_frozen_guard() {PIN}")
    for function in (
        "tillitsvalgt_redact_history(integer, text, text)",
        "tillitsvalgt_next_case_seq(integer)",
        "tillitsvalgt_event_deleted()",
        "tillitsvalgt_employer_recorded()",
        "tillitsvalgt_employer_in_use()",
        "tillitsvalgt_case_number()",
    ):
        op.execute(f"REVOKE EXECUTE ON FUNCTION {s}.{function} FROM PUBLIC")
    op.execute(f"GRANT EXECUTE ON FUNCTION {s}.tillitsvalgt_next_case_seq(integer) TO {everyone}")
    op.execute(
        f"GRANT EXECUTE ON FUNCTION {s}.tillitsvalgt_redact_history(integer, text, text) "
        f"TO {OFFICE_GROUP}"
    )

    # The employer facts a case was judged on.
    op.execute(f"UPDATE cases SET {sets}, employer_facts_at = now()")

    # Sent letters, deleted events.
    op.execute("DROP TRIGGER documents_frozen_update ON documents")
    op.execute(
        f"CREATE TRIGGER documents_frozen_update BEFORE UPDATE OF {FROZEN} ON documents "
        "FOR EACH ROW WHEN (OLD.frozen) EXECUTE FUNCTION documents_frozen_guard()"
    )
    op.execute(
        "CREATE TRIGGER events_delete_recorded AFTER DELETE ON events "
        "FOR EACH ROW EXECUTE FUNCTION tillitsvalgt_event_deleted()"
    )

    # Profiles: owned by a role. Existing ones go to the one role that ever wrote history
    # under them, when there is exactly one; the rest only the office may change.
    op.execute("ALTER TABLE representatives ADD COLUMN db_role text")
    op.execute(
        "UPDATE representatives r SET db_role = w.db_role FROM ("
        "  SELECT representative_id, min(db_role) AS db_role FROM change_history"
        "  WHERE representative_id IS NOT NULL AND db_role IS NOT NULL"
        "  GROUP BY representative_id HAVING count(DISTINCT db_role) = 1) w "
        "WHERE w.representative_id = r.id"
    )
    op.execute(
        "CREATE TRIGGER tillitsvalgt_profile_owner BEFORE INSERT OR UPDATE ON representatives "
        "FOR EACH ROW EXECUTE FUNCTION tillitsvalgt_profile_owner()"
    )

    # The employer register: recorded by the database, and not deleted from under a case.
    op.execute(
        "CREATE TRIGGER tillitsvalgt_employer_recorded AFTER INSERT OR UPDATE ON employers "
        "FOR EACH ROW EXECUTE FUNCTION tillitsvalgt_employer_recorded()"
    )
    op.execute(
        "CREATE TRIGGER tillitsvalgt_employer_in_use BEFORE UPDATE OF deleted_at ON employers "
        "FOR EACH ROW EXECUTE FUNCTION tillitsvalgt_employer_in_use()"
    )

    # The history: read as before; written only into a case one sees; updated only by the
    # owner (the redaction function).
    op.execute("DROP POLICY tillitsvalgt_case_rows ON change_history")
    op.execute(
        "CREATE POLICY tillitsvalgt_history_read ON change_history FOR SELECT USING ("
        f"{_row_rule(s)} OR change_history.case_id IS NULL)"
    )
    op.execute(
        "CREATE POLICY tillitsvalgt_history_write ON change_history FOR INSERT WITH CHECK ("
        f"(SELECT {s}.tillitsvalgt_sees_all()) OR (change_history.case_id IS NOT NULL "
        f"AND EXISTS (SELECT 1 FROM {s}.cases p WHERE p.id = change_history.case_id)))"
    )
    op.execute(
        "CREATE POLICY tillitsvalgt_history_redact ON change_history FOR UPDATE "
        f"USING ((SELECT {s}.tillitsvalgt_is_owner())) "
        f"WITH CHECK ((SELECT {s}.tillitsvalgt_is_owner()))"
    )
    op.execute(f"REVOKE UPDATE ON change_history FROM {OFFICE_GROUP}")

    # Probes for other branches' rows.
    op.execute(
        "CREATE TRIGGER tillitsvalgt_document_number BEFORE INSERT OR UPDATE OF number, "
        "case_id, seq ON documents FOR EACH ROW EXECUTE FUNCTION tillitsvalgt_document_number()"
    )
    op.execute(
        "CREATE TRIGGER tillitsvalgt_deadline_document BEFORE INSERT OR UPDATE OF "
        "document_id, case_id ON deadlines "
        "FOR EACH ROW EXECUTE FUNCTION tillitsvalgt_deadline_document()"
    )

    op.execute(
        "CREATE TRIGGER tillitsvalgt_case_number BEFORE INSERT OR UPDATE OF year, seq, number "
        "ON cases FOR EACH ROW EXECUTE FUNCTION tillitsvalgt_case_number()"
    )
    # The counter only through its function; sequences drawn from, never read.
    op.execute(f"REVOKE ALL ON case_counters FROM {everyone}")
    sequences = _sequences()
    if sequences:
        op.execute(f"REVOKE SELECT ON SEQUENCE {', '.join(sequences)} FROM {everyone}")
        op.execute(f"GRANT USAGE ON SEQUENCE {', '.join(sequences)} TO {everyone}")
    # A column named in a trigger's UPDATE OF cannot have its type set: 0002's index
    # triggers step aside meanwhile (in this transaction; nobody sees them gone).
    for trigger, table, _ in SEARCH_TRIGGERS:
        op.execute(f"DROP TRIGGER {trigger} ON {table}")
    for table, column in NO_STATISTICS:
        op.execute(f"ALTER TABLE {table} ALTER COLUMN {column} SET STATISTICS 0")
        if (table, column) in IN_POLICIES:
            continue
        # What ANALYZE gathered before stays unless the column's type is set again (to the
        # same type: no rewrite, the indexes are kept); only a superuser may delete it.
        kind = op.get_bind().execute(
            sa.text(
                "SELECT format_type(a.atttypid, a.atttypmod) FROM pg_attribute a "
                "WHERE a.attrelid = CAST(:t AS regclass) AND a.attname = :c"
            ),
            {"t": table, "c": column},
        )
        op.execute(f"ALTER TABLE {table} ALTER COLUMN {column} TYPE {kind.scalar_one()}")
    for trigger, table, when in SEARCH_TRIGGERS:
        op.execute(
            f"CREATE TRIGGER {trigger} {when} ON {table} FOR EACH ROW "
            f"EXECUTE FUNCTION {trigger.replace('case_search_', 'case_search_on_')}()"
        )


def _postgresql_downgrade() -> None:
    schema = _schema()
    s = _quote(schema)
    everyone = ", ".join(GROUPS)
    for table, column in NO_STATISTICS:
        op.execute(f"ALTER TABLE {table} ALTER COLUMN {column} SET STATISTICS -1")
    sequences = _sequences()
    if sequences:
        op.execute(f"GRANT USAGE, SELECT ON SEQUENCE {', '.join(sequences)} TO {everyone}")
    op.execute(f"GRANT SELECT, INSERT, UPDATE ON case_counters TO {everyone}")
    op.execute(f"GRANT UPDATE ON change_history TO {OFFICE_GROUP}")
    for policy in ("read", "write", "redact"):
        op.execute(f"DROP POLICY IF EXISTS tillitsvalgt_history_{policy} ON change_history")
    op.execute(
        "CREATE POLICY tillitsvalgt_case_rows ON change_history USING ("
        f"{_row_rule(s)} OR change_history.case_id IS NULL) WITH CHECK ("
        f"{_row_rule(s)} OR change_history.case_id IS NULL)"
    )
    for trigger, table in (
        ("tillitsvalgt_document_number", "documents"),
        ("tillitsvalgt_deadline_document", "deadlines"),
        ("tillitsvalgt_case_number", "cases"),
        ("tillitsvalgt_employer_recorded", "employers"),
        ("tillitsvalgt_employer_in_use", "employers"),
        ("tillitsvalgt_profile_owner", "representatives"),
        ("events_delete_recorded", "events"),
        ("documents_frozen_update", "documents"),
    ):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger} ON {table}")
    op.execute(
        f"CREATE TRIGGER documents_frozen_update BEFORE UPDATE OF {FROZEN_0007} ON documents "
        "FOR EACH ROW WHEN (OLD.frozen) EXECUTE FUNCTION documents_frozen_guard()"
    )
    op.execute("ALTER TABLE representatives DROP COLUMN IF EXISTS db_role")
    # 0007's guard (its redaction switch), so that 0008's downgrade leaves nothing of ours.
    same = " AND ".join(f"NEW.{c} IS NOT DISTINCT FROM OLD.{c}" for c in HISTORY_FIXED)
    values = " AND ".join(
        f"(NEW.{c} IS NOT DISTINCT FROM OLD.{c} OR NEW.{c} IS NULL "
        f"OR strpos(NEW.{c}, '[slettet]') > 0)"
        for c in ("old_value", "new_value")
    )
    op.execute(
        f"""CREATE OR REPLACE FUNCTION change_history_guard() RETURNS trigger
            LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'INSERT' THEN
                NEW.db_role := session_user;
                NEW.changed_at := now();
                RETURN NEW;
            END IF;
            IF TG_OP = 'UPDATE'
               AND current_setting('tillitsvalgt.redaction', true) = 'on'
               AND {same} AND {values} THEN
                RETURN NEW;
            END IF;
            RAISE EXCEPTION '{HISTORY_REFUSED}' USING ERRCODE = 'insufficient_privilege';
        END $$"""
    )
    for function in (
        "tillitsvalgt_document_number()",
        "tillitsvalgt_deadline_document()",
        "tillitsvalgt_next_case_seq(integer)",
        "tillitsvalgt_case_number()",
        "tillitsvalgt_profile_owner()",
        "tillitsvalgt_employer_in_use()",
        "tillitsvalgt_employer_recorded()",
        "tillitsvalgt_event_deleted()",
        "tillitsvalgt_redact_history(integer, text, text)",
        "tillitsvalgt_is_redaction(text, text)",
        "tillitsvalgt_login_sees_all()",
    ):
        op.execute(f"DROP FUNCTION IF EXISTS {s}.{function}")
