"""deadlines lapse with their case: closing a case settles its open deadlines

Revision ID: 0013
Revises: 0009
Create Date: 2026-12-06

A deadline of a closed case is neither met nor cancelled by hand: it lapsed on the day the
case closed. ``lapsed_on`` keeps that day, so the overdue lists and the start notice leave it
out while the landsmøte report still counts one that had already run out before the close
(it was missed) and not one that was still running (it was not). Reopening the case clears
it. Deadlines of cases closed before this migration lapse on their case's closing day.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("deadlines", sa.Column("lapsed_on", sa.Date(), nullable=True))
    op.execute(
        """
        UPDATE deadlines
        SET lapsed_on = (
            SELECT COALESCE(date(cases.closed_at), CURRENT_DATE)
            FROM cases WHERE cases.id = deadlines.case_id
        )
        WHERE met_on IS NULL
          AND NOT cancelled
          AND case_id IN (SELECT id FROM cases WHERE status = 'closed')
        """
    )


def downgrade() -> None:
    op.execute("ALTER TABLE deadlines DROP COLUMN lapsed_on")  # SQLite >= 3.35 drops in place
