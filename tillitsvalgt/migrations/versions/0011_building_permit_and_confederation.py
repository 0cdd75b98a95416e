"""whether a case's rebuild needs a building permit, and the profile's union confederation

Revision ID: 0011
Revises: 0009
Create Date: 2026-12-06

``cases.building_permit``: yes / no / unknown (NULL). A rebuild that needs a building permit
needs Arbeidstilsynet's consent before work starts (aml § 18-9); until the representative
says so, the app cannot know it, so it asks instead of saying «gjelder hvis» on every case.

``representatives.confederation``: the confederation (LO, YS, Unio, Akademikerne, none) of
the sender's union, which decides which side's version of a main agreement a letter cites.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("cases", sa.Column("building_permit", sa.Boolean(), nullable=True))
    op.add_column(
        "representatives", sa.Column("confederation", sa.String(length=20), nullable=True)
    )


def downgrade() -> None:
    # SQLite >= 3.35 drops columns in place
    op.execute("ALTER TABLE representatives DROP COLUMN confederation")
    op.execute("ALTER TABLE cases DROP COLUMN building_permit")
