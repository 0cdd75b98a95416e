"""indexes for the union office's case list by year and by employer on PostgreSQL

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-07

PostgreSQL only. At 1 000 000 cases the office's list filtered by a year took 296 ms: the
page (newest change first) walked the whole change-order index backwards, past 315 000
later cases, testing each row's year and the row-level-security rule; by the largest
employer (3 170 cases) 22 ms, sorting them. These indexes give the page of a year or an
employer in order and count it without the table (``INCLUDE (branch)``: the column the
row-level-security rule reads): 7 ms and 6 ms. Each is one more entry to write per new or
changed case (an import, the verdicts' store); SQLite's lists were fast without them.
Measured in ``python -m benchmarks national`` (benchmarks/README.md).
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0021"
down_revision: str | None = "0020"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES = (
    (
        "ix_cases_live_year_updated",
        "cases (year, updated_at, id) INCLUDE (branch) WHERE deleted_at IS NULL",
    ),
    (
        "ix_cases_live_employer_updated",
        "cases (employer_id, updated_at, id) INCLUDE (branch) WHERE deleted_at IS NULL",
    ),
)


def upgrade() -> None:
    if op.get_context().dialect.name != "postgresql":
        return
    for name, what in INDEXES:
        op.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {what}")


def downgrade() -> None:
    if op.get_context().dialect.name != "postgresql":
        return
    for name, _ in INDEXES:
        op.execute(f"DROP INDEX IF EXISTS {name}")
