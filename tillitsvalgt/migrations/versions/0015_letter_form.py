"""the written form (bokmål or nynorsk) of letters, per employer and per profile

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-06

``employers.letter_form`` and ``representatives.letter_form``: ``nb``, ``nn`` or NULL. A
letter is written in the form chosen for it; unchosen, in the employer's form (many public
employers write nynorsk), else in the signer's profile's, else in bokmål. Existing rows get
NULL, so every letter stays bokmål until someone chooses otherwise.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("employers", sa.Column("letter_form", sa.String(length=2), nullable=True))
    op.add_column("representatives", sa.Column("letter_form", sa.String(length=2), nullable=True))


def downgrade() -> None:
    # SQLite >= 3.35 drops columns in place
    op.execute("ALTER TABLE representatives DROP COLUMN letter_form")
    op.execute("ALTER TABLE employers DROP COLUMN letter_form")
