"""every case carries a permanent random key for the report's cell-key perturbation

Revision ID: 0012
Revises: 0009
Create Date: 2026-12-06

The landsmøte report protects its counts with the cell-key method (reports/cellkey.py):
each case has a random key 0–255 drawn once and never changed; a published count is
perturbed by a value looked up from the sum of its cases' keys, so the same cases always
give the same published number, in every report. Existing cases get their key here, drawn
by the database (one independent draw per row).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KEY_RANGE = 256  # reports/cellkey.py KEY_RANGE; copied, a migration must not move with the code


def upgrade() -> None:
    op.add_column(
        "cases",
        sa.Column("cell_key", sa.Integer(), nullable=False, server_default="0"),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"UPDATE cases SET cell_key = floor(random() * {KEY_RANGE})::int")
    else:
        op.execute(f"UPDATE cases SET cell_key = abs(random() % {KEY_RANGE})")


def downgrade() -> None:
    # SQLite >= 3.35 drops columns in place
    op.execute("ALTER TABLE cases DROP COLUMN cell_key")
