"""the history's role and time as column defaults; case numbers handed out many at once

Revision ID: 0026
Revises: 0025
Create Date: 2026-12-07

PostgreSQL only (on SQLite the revision alone).

- ``change_history``: every new line went through ``change_history_guard()``, a PL/pgSQL
  trigger that sets the line's database role and time (and drops a profile the role may
  not claim): ≈ 7 µs a line, ≈ 50 ms of the 7 000 lines a 1 000-case import writes. The
  role and the time are now the columns' defaults (``session_user``, ``now()``), and the
  trigger runs only for a line that differs from them or names a profile
  (``WHEN``, tested by the executor without calling the function). A line that claims
  another role or time, or a profile, is stamped by the same function as before: what is
  stored is the same; only the call for a line that already holds it is saved.
- ``tillitsvalgt_next_case_seqs(y, n)``: ``n`` sequence numbers of year ``y`` in one call,
  returning the last (the first is ``last - n + 1``), for the import's runs of new cases.
  The import called ``tillitsvalgt_next_case_seq`` once per case. Same checks, same lock
  on the counter row (held to the end of the transaction), granted to the same groups.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0026"
down_revision: str | None = "0025"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PIN = "SET search_path = pg_catalog, pg_temp"  # as 0010: no planted function runs here
OWN_ERROR = "TV403"  # 0010's code for a refusal worded for the user
GROUPS = ("tillitsvalgt_representative", "tillitsvalgt_office")  # 0008's groups
MOST_AT_ONCE = 100_000  # numbers in one call: a file holds at most 100 000 cases

# The executor's own test of a new line: the guard is called only when it has work to do.
# now() is the transaction's start, the same in the default and here.
STAMPED = (
    "NEW.db_role IS DISTINCT FROM session_user::text "
    "OR NEW.changed_at IS DISTINCT FROM now() "
    "OR NEW.representative_id IS NOT NULL"
)


def _schema() -> str:
    name = str(op.get_bind().exec_driver_sql("SELECT current_schema()").scalar_one())
    return str(op.get_bind().dialect.identifier_preparer.quote(name))


def upgrade() -> None:
    if op.get_context().dialect.name != "postgresql":
        return
    s = _schema()
    op.execute(
        f"ALTER TABLE {s}.change_history "
        "ALTER COLUMN changed_at SET DEFAULT now(), "
        "ALTER COLUMN db_role SET DEFAULT session_user"
    )
    op.execute(f"DROP TRIGGER change_history_insert ON {s}.change_history")
    op.execute(
        f"CREATE TRIGGER change_history_insert BEFORE INSERT ON {s}.change_history "
        f"FOR EACH ROW WHEN ({STAMPED}) EXECUTE FUNCTION {s}.change_history_guard()"
    )
    op.execute(
        f"""CREATE FUNCTION {s}.tillitsvalgt_next_case_seqs(y integer, n integer)
            RETURNS integer LANGUAGE plpgsql SECURITY DEFINER {PIN} AS $$
        DECLARE
            seq integer;
        BEGIN
            IF y IS NULL OR y < 1 OR y > 9999 THEN
                RAISE EXCEPTION USING ERRCODE = '{OWN_ERROR}', MESSAGE = format(
                    'Året %s kan ikke brukes i et saksnummer; ingenting er lagret.', y);
            END IF;
            IF n IS NULL OR n < 1 OR n > {MOST_AT_ONCE} THEN
                RAISE EXCEPTION USING ERRCODE = '{OWN_ERROR}', MESSAGE = format(
                    'Kan ikke hente %s saksnumre på en gang; ingenting er lagret.', n);
            END IF;
            INSERT INTO {s}.case_counters AS k (year, last_seq) VALUES (y, n)
            ON CONFLICT (year) DO UPDATE SET last_seq = k.last_seq + n
            RETURNING k.last_seq INTO seq;
            RETURN seq;
        END $$"""
    )
    function = f"{s}.tillitsvalgt_next_case_seqs(integer, integer)"
    op.execute(f"REVOKE EXECUTE ON FUNCTION {function} FROM PUBLIC")
    op.execute(f"GRANT EXECUTE ON FUNCTION {function} TO {', '.join(GROUPS)}")


def downgrade() -> None:
    if op.get_context().dialect.name != "postgresql":
        return
    s = _schema()
    op.execute(f"DROP FUNCTION {s}.tillitsvalgt_next_case_seqs(integer, integer)")
    op.execute(f"DROP TRIGGER change_history_insert ON {s}.change_history")
    op.execute(
        f"CREATE TRIGGER change_history_insert BEFORE INSERT ON {s}.change_history "
        f"FOR EACH ROW EXECUTE FUNCTION {s}.change_history_guard()"
    )
    op.execute(
        f"ALTER TABLE {s}.change_history "
        "ALTER COLUMN changed_at DROP DEFAULT, ALTER COLUMN db_role DROP DEFAULT"
    )
