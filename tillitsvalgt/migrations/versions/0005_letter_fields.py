"""a letter's reply deadline and the employer's reference, kept with the document

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22

The reply deadline a letter states is fixed when the letter is written; marking it sent
later creates the deadline from this date, not from a recomputation that could differ.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = (
    ("reply_by", sa.Date()),
    ("their_ref", sa.String()),
)


def upgrade() -> None:
    for name, type_ in COLUMNS:
        op.add_column("documents", sa.Column(name, type_, nullable=True))


def downgrade() -> None:
    for name, _ in reversed(COLUMNS):  # SQLite >= 3.35 drops columns in place
        op.execute(f"ALTER TABLE documents DROP COLUMN {name}")
