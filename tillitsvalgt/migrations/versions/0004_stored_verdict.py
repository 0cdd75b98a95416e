"""the assessment's verdict stored on the case

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22

Stored when a case or its timeline changes, so the case list can filter and count by the
verdict in SQL; existing cases get theirs the next time they are assessed.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = (
    ("verdict_level", sa.String(20)),
    ("verdict_timing", sa.String(40)),
    ("verdict_missing", sa.String(200)),
    ("verdict_demand", sa.String(20)),
    ("verdict_demand_due_on", sa.Date()),
    ("verdict_catalogue", sa.String(200)),
    ("verdict_at", sa.DateTime(timezone=True)),
)


def upgrade() -> None:
    # Plain ADD COLUMN (no batch): a batch may rebuild the table on SQLite and drop the
    # free-text triggers of 0002.
    for name, type_ in COLUMNS:
        op.add_column("cases", sa.Column(name, type_, nullable=True))
    op.create_index(
        "ix_cases_live_timing_updated",
        "cases",
        ["verdict_timing", "updated_at", "id"],
        sqlite_where=sa.text("deleted_at IS NULL"),
        postgresql_where=sa.text("deleted_at IS NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_cases_live_timing_updated", table_name="cases")
    for name, _ in reversed(COLUMNS):  # SQLite >= 3.35 drops columns in place
        op.execute(f"ALTER TABLE cases DROP COLUMN {name}")
