"""the walls' lookups marked parallel safe on PostgreSQL

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-07

PostgreSQL only. Every row-level-security rule calls ``tillitsvalgt_sees_all()`` (and the
representative's ``tillitsvalgt_my_branch()``), and a function is PARALLEL UNSAFE unless it
says otherwise: so every statement on a walled table ran in one process, whatever the
server had to offer. These four only read (the access table, the catalogue, the role that
asks), and what they read is what a parallel worker shares with its leader: the current
and the session user are the leader's, and so is the snapshot. Marked PARALLEL SAFE, the
landsmøte report at 1 000 000 cases went from 14.3 to 11.4 s on two cores (its cube is
scanned by two processes). The rules themselves are the same; ``tests/test_access*.py``
prove the walls again, and ``test_migrations`` that the marks are there.

A later migration that replaces one of these functions must say PARALLEL SAFE again
(``CREATE OR REPLACE`` resets it); ``test_0022_the_walls_lookups_are_parallel_safe``
fails if it does not.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0022"
down_revision: str | None = "0021"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LOOKUPS = (
    "tillitsvalgt_is_owner()",
    "tillitsvalgt_sees_all()",
    "tillitsvalgt_login_sees_all()",
    "tillitsvalgt_my_branch()",
)


def _mark(kind: str) -> None:
    if op.get_context().dialect.name != "postgresql":
        return
    schema = op.get_bind().exec_driver_sql("SELECT current_schema()").scalar_one()
    for function in LOOKUPS:
        op.execute(f'ALTER FUNCTION "{schema}".{function} PARALLEL {kind}')


def upgrade() -> None:
    _mark("SAFE")


def downgrade() -> None:
    _mark("UNSAFE")
