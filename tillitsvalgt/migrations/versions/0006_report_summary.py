"""a case's anonymised summary for the landsmøte report, and whether to include it

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-22

The representative writes (or accepts a proposed) short text without names and marks the
case «ta med i rapport»; the report's appendix prints the marked texts of its period.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("cases", sa.Column("report_summary", sa.String(), nullable=True))
    op.add_column(
        "cases",
        sa.Column("report_include", sa.Boolean(), nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    # SQLite >= 3.35 drops columns in place
    op.execute("ALTER TABLE cases DROP COLUMN report_include")
    op.execute("ALTER TABLE cases DROP COLUMN report_summary")
