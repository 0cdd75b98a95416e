"""the office's list by type and status counted from its index on PostgreSQL

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-07

PostgreSQL only. The case list filtered by type and status pages through
``ix_cases_live_type_status_updated`` and counts its hits (capped at 10 000). Under
row-level security every hit is tested against the walls' rule, which reads the case's
``branch``: a column the index did not carry, so each of the 10 000 hits was fetched from
the table. Carried in the index (``INCLUDE (branch)``, as 0021 did for the year and
employer lists), the count is read from the index alone: as the union office at
1 000 000 cases, 19.7 ms before (28.1 ms before a VACUUM), 5.4 ms after (``python -m
benchmarks national``, benchmarks/README.md). The index is the same one, a little wider,
so a new or changed case still writes one entry in it. SQLite has no INCLUDE and no walls:
nothing changes there.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0023"
down_revision: str | None = "0022"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NAME = "ix_cases_live_type_status_updated"
COLUMNS = "cases (case_type, status, updated_at, id)"
LIVE = "WHERE deleted_at IS NULL"


def upgrade() -> None:
    if op.get_context().dialect.name != "postgresql":
        return
    op.execute(f"DROP INDEX IF EXISTS {NAME}")
    op.execute(f"CREATE INDEX {NAME} ON {COLUMNS} INCLUDE (branch) {LIVE}")


def downgrade() -> None:
    if op.get_context().dialect.name != "postgresql":
        return
    op.execute(f"DROP INDEX IF EXISTS {NAME}")
    op.execute(f"CREATE INDEX {NAME} ON {COLUMNS} {LIVE}")
