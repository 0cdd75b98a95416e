"""indexes for a representative's case list on a national PostgreSQL database

Revision ID: 0019
Revises: 0017
Create Date: 2026-12-06

PostgreSQL only (the branch exists only there, migration 0008). At 1 000 000 cases a
representative's first page took 1.3 s: the row-level-security rule is one OR
(``sees_all() OR branch = my_branch() OR id IN (shares)``), which no index can serve, so
every count and page scanned all cases. The case list now adds the same rule as a filter
the planner can use (``services/cases.py``: own branch or shared), and these indexes serve
it: the live cases of a branch newest change first (the default sort, and an index-only
count of the branch), the same by type and status (the list's usual filter), and the
free-text index by branch. Measured in
``python -m benchmarks national`` (benchmarks/README.md).
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0019"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES = (
    (
        "ix_cases_live_branch_updated",
        "cases (branch, updated_at, id) WHERE deleted_at IS NULL",
    ),
    (
        "ix_cases_live_branch_type_status",
        "cases (branch, case_type, status, updated_at, id) WHERE deleted_at IS NULL",
    ),
    ("ix_case_search_branch", "case_search (branch)"),
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
