"""indexes over live cases for the case list

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22

The list's sort indexes now cover live cases only (partial, ``deleted_at IS NULL``), with a
combined type/status/sort index, and ``deleted_at`` is indexed for the recycle bin only.
Measured in benchmarks/: at 100 000 cases the first page went from ~80 ms to ~10 ms.
"""

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LIVE = sa.text("deleted_at IS NULL")
BINNED = sa.text("deleted_at IS NOT NULL")


def _where(clause: sa.TextClause) -> dict[str, Any]:
    return {"sqlite_where": clause, "postgresql_where": clause}


def upgrade() -> None:
    # Plain index operations, not a batch: a batch may rebuild the table on SQLite, and
    # that would drop the free-text triggers of 0002.
    for name in (
        "ix_cases_deleted_at",
        "ix_cases_updated_at_id",
        "ix_cases_notice_on_id",
        "ix_cases_title_id",
    ):
        op.drop_index(name, table_name="cases")
    op.create_index("ix_cases_deleted_at", "cases", ["deleted_at"], **_where(BINNED))
    op.create_index("ix_cases_updated_at_id", "cases", ["updated_at", "id"], **_where(LIVE))
    op.create_index(
        "ix_cases_live_type_status_updated",
        "cases",
        ["case_type", "status", "updated_at", "id"],
        **_where(LIVE),
    )
    op.create_index("ix_cases_notice_on_id", "cases", ["notice_on", "id"], **_where(LIVE))
    op.create_index("ix_cases_title_id", "cases", ["title", "id"], **_where(LIVE))


def downgrade() -> None:
    for name in (
        "ix_cases_deleted_at",
        "ix_cases_updated_at_id",
        "ix_cases_live_type_status_updated",
        "ix_cases_notice_on_id",
        "ix_cases_title_id",
    ):
        op.drop_index(name, table_name="cases")
    op.create_index("ix_cases_deleted_at", "cases", ["deleted_at"])
    op.create_index("ix_cases_updated_at_id", "cases", ["updated_at", "id"])
    op.create_index("ix_cases_notice_on_id", "cases", ["notice_on", "id"])
    op.create_index("ix_cases_title_id", "cases", ["title", "id"])
