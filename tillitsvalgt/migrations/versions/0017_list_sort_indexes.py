"""indexes for sorting the case list by its verdict and by the next deadline

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-06

At 100 000 cases, sorting the list by «Tidspunkt» (the stored verdict, worst first) or by
«Neste frist» took 0.34–0.36 s: the verdict's rank is a CASE over its code, computed and
sorted for every case, and the next deadline a sub-query per case. Now:

- ``ix_cases_live_timing_rank``: the very rank expression the list orders by, then the id,
  over live cases; the first page is read from the index, no sort step. The expression here
  and in ``services/cases.py`` (``TIMING_RANK_SQL``) must stay the same text: a test checks
  that SQLite's plan uses this index.
- ``ix_deadlines_open_case_due``: the running deadlines (not met, not cancelled, not lapsed)
  by case and due day. The list pages the cases with a running deadline from it (a few
  thousand at most) and the rest by id.

Both are indexes only: no row changes, and the downgrade drops them.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TIMING_RANK = (
    "CASE verdict_timing"
    " WHEN 'not_held_decision_taken' THEN 0"
    " WHEN 'late_after_implementation' THEN 1"
    " WHEN 'late_before_implementation' THEN 2"
    " WHEN 'information_only' THEN 3"
    " WHEN 'not_held_yet' THEN 4"
    " WHEN 'unknown' THEN 5"
    " WHEN 'in_time' THEN 6"
    " ELSE 7 END"
)
LIVE = "deleted_at IS NULL"


def upgrade() -> None:
    # Plain index operations, not a batch: a batch may rebuild the table on SQLite, and
    # that would drop the free-text triggers of 0002.
    postgres = op.get_bind().dialect.name == "postgresql"
    op.create_index(
        "ix_cases_live_timing_rank",
        "cases",
        [sa.text(f"({TIMING_RANK})"), "id"],
        sqlite_where=sa.text(LIVE),
        postgresql_where=sa.text(LIVE),
    )
    # Written as SQLAlchemy writes the list's filter on each database, so SQLite sees
    # that the query's terms are the index's.
    running = (
        f"met_on IS NULL AND cancelled IS {'false' if postgres else '0'} AND lapsed_on IS NULL"
    )
    op.create_index(
        "ix_deadlines_open_case_due",
        "deadlines",
        ["case_id", "due_on"],
        sqlite_where=sa.text(running),
        postgresql_where=sa.text(running),
    )


def downgrade() -> None:
    op.drop_index("ix_deadlines_open_case_due", table_name="deadlines")
    op.drop_index("ix_cases_live_timing_rank", table_name="cases")
