"""the free-text index of an imported run of cases written by one statement

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-07

PostgreSQL only. 0020 made an INSERT refresh the free-text index once per case it
touched, from the statement's transition table, by calling 0002's per-case function
(``case_search_refresh``) once for each case: 1 000 calls for a 1 000-case bundle, each a
SQL function with its own pinned search path and its own planned INSERT. Now
``case_search_refresh_many`` is that same INSERT written once for all the cases: the same
text (0009's: title, description and the live events' notes, punctuation to spaces, at
most 150 000 characters), the same branch, in the same order of case id. At a million
cases the index part of the import's statement fell from 80–120 ms to 57–61 ms a run of
500 cases (benchmarks/README.md, «National scale»). The row triggers for an UPDATE or a
DELETE still call the per-case function, which is unchanged.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0024"
down_revision: str | None = "0023"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PIN = "SET search_path = pg_catalog, pg_temp"  # as 0010: no planted function runs here
# 0009's text: every ASCII punctuation mark but "_" to a space, the first 150 000 characters.
PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^`{|}~"
_QUOTED = PUNCTUATION.replace("'", "''")
TRANSLATED = f"'{_QUOTED}', '{' ' * len(PUNCTUATION)}'"


def _schema() -> str:
    name = str(op.get_bind().exec_driver_sql("SELECT current_schema()").scalar_one())
    return str(op.get_bind().dialect.identifier_preparer.quote(name))


def upgrade() -> None:
    if op.get_context().dialect.name != "postgresql":
        return
    s = _schema()
    # CREATE OR REPLACE keeps 0020's owner and grants (none to PUBLIC).
    op.execute(
        f"""CREATE OR REPLACE FUNCTION {s}.case_search_refresh_many(cids integer[])
            RETURNS void LANGUAGE sql {PIN} AS $$
        INSERT INTO {s}.case_search (case_id, document, branch)
        SELECT c.id, to_tsvector('simple', translate(left(c.title || ' '
                   || coalesce(c.description, '') || ' '
                   || coalesce((SELECT string_agg(e.notes, ' ') FROM {s}.events e
                                WHERE e.case_id = c.id AND e.deleted_at IS NULL), ''),
                   150000), {TRANSLATED})), c.branch
        FROM {s}.cases c WHERE c.id IN (SELECT u.id FROM unnest(cids) AS u(id))
        ORDER BY c.id
        ON CONFLICT (case_id) DO UPDATE SET document = excluded.document,
                                            branch = excluded.branch
        $$"""
    )


def downgrade() -> None:
    if op.get_context().dialect.name != "postgresql":
        return
    s = _schema()
    op.execute(  # 0020's
        f"""CREATE OR REPLACE FUNCTION {s}.case_search_refresh_many(cids integer[])
            RETURNS void LANGUAGE plpgsql {PIN} AS $$
        BEGIN
            PERFORM {s}.case_search_refresh(c.id)
            FROM (SELECT DISTINCT u.id FROM unnest(cids) AS u(id)) AS c ORDER BY c.id;
        END $$"""
    )
