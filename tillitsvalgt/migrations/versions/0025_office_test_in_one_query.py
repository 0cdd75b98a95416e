"""the walls' office test answered by one query on PostgreSQL

Revision ID: 0025
Revises: 0024
Create Date: 2026-12-07

PostgreSQL only. ``tillitsvalgt_sees_all()`` asked ``tillitsvalgt_is_owner()`` first: a
second SQL function with its own pinned search path, set and restored on every call. The
policies call it once per statement, but the branch trigger on ``cases`` calls it once per
new case: 41–54 µs a call, ≈ 45 ms of a 1 000-case import. Now the owner test is written
in the same query, as 0010 already wrote it in ``tillitsvalgt_login_sees_all()``: the same
answer (the table's owner, or a member of the office group listed as office), 16 µs a call
(benchmarks/README.md, «National scale»). ``tillitsvalgt_is_owner()`` stays for the
history's redaction rule. PARALLEL SAFE is said again (0022): CREATE OR REPLACE resets it.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0025"
down_revision: str | None = "0024"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PIN = "SET search_path = pg_catalog, pg_temp"  # as 0010: no planted function runs here
OFFICE_GROUP = "tillitsvalgt_office"  # 0008's group of office roles


def _schema() -> str:
    name = str(op.get_bind().exec_driver_sql("SELECT current_schema()").scalar_one())
    return str(op.get_bind().dialect.identifier_preparer.quote(name))


def _office_test(s: str, owner: str) -> str:
    return f"""CREATE OR REPLACE FUNCTION {s}.tillitsvalgt_sees_all() RETURNS boolean
        LANGUAGE sql STABLE PARALLEL SAFE {PIN} AS $$
        SELECT {owner}
            OR (pg_has_role(current_user, '{OFFICE_GROUP}', 'USAGE')
                AND EXISTS (SELECT 1 FROM {s}.tillitsvalgt_access a
                            WHERE a.role_name = current_user::text AND a.office))
    $$"""


def upgrade() -> None:
    if op.get_context().dialect.name != "postgresql":
        return
    s = _schema()
    owner = (
        "pg_has_role(current_user, (SELECT c.relowner FROM pg_catalog.pg_class c "
        f"WHERE c.oid = '{s}.cases'::pg_catalog.regclass), 'USAGE')"
    )
    op.execute(_office_test(s, owner))


def downgrade() -> None:
    if op.get_context().dialect.name != "postgresql":
        return
    s = _schema()
    op.execute(_office_test(s, f"{s}.tillitsvalgt_is_owner()"))  # 0010's, marked by 0022
