"""the free-text index of an imported run written by one statement, its text made faster

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-07

PostgreSQL only. Two costs of indexing imported cases, measured at a million cases
(benchmarks/README.md, «National scale»):

* 0020 made an INSERT refresh the index once per case it touched, by calling 0002's
  per-case function (``case_search_refresh``) once for each case: 1 000 calls for a
  1 000-case bundle, each a SQL function with its own pinned search path and its own
  planned INSERT. ``case_search_refresh_many`` is now that INSERT written once for all the
  cases, in the same order of case id: 80–120 → 57–61 ms a run of 500.
* 0009's text turns ASCII punctuation into spaces with ``translate``, which on UTF-8 text
  measures each character of the text against each of the 31 marks: 85 ms for 1 000
  cases' text, more than making the tsvectors (38 ms). ``regexp_replace`` with the same
  31 marks as one bracket expression gives the same text (a test compares the two on every
  ASCII character and Norwegian letters) in 6 ms.

Both functions write the same text (title, description and the live events' notes,
punctuation to spaces, at most 150 000 characters) as before, so the index is not rebuilt.
The row triggers for an UPDATE or a DELETE still call the per-case function.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0024"
down_revision: str | None = "0023"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PIN = "SET search_path = pg_catalog, pg_temp"  # as 0010: no planted function runs here
# 0009's marks: every ASCII punctuation character but "_", which the search keeps in words.
PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^`{|}~"
# The same marks as ranges of one bracket expression: ! to /, : to @, [ to ^, `, { to ~.
MARKS = "[!-/:-@[-^`{-~]"


def _schema() -> str:
    name = str(op.get_bind().exec_driver_sql("SELECT current_schema()").scalar_one())
    return str(op.get_bind().dialect.identifier_preparer.quote(name))


def _text(s: str, *, fast: bool) -> str:
    joined = f"""left(c.title || ' ' || coalesce(c.description, '') || ' '
               || coalesce((SELECT string_agg(e.notes, ' ') FROM {s}.events e
                            WHERE e.case_id = c.id AND e.deleted_at IS NULL), ''), 150000)"""
    if fast:
        return f"regexp_replace({joined}, '{MARKS}', ' ', 'g')"
    quoted = PUNCTUATION.replace("'", "''")
    return f"translate({joined}, '{quoted}', '{' ' * len(PUNCTUATION)}')"


def _insert(s: str, cases: str, *, fast: bool) -> str:
    """The INSERT that indexes the cases ``cases`` (a condition on ``c.id``), in the order
    of their ids (as 0020's loop did: two imports at once take the rows in one order)."""
    return f"""INSERT INTO {s}.case_search (case_id, document, branch)
        SELECT c.id, to_tsvector('simple', {_text(s, fast=fast)}), c.branch
        FROM {s}.cases c WHERE {cases} ORDER BY c.id
        ON CONFLICT (case_id) DO UPDATE SET document = excluded.document,
                                            branch = excluded.branch"""


def _one(s: str, *, fast: bool) -> str:
    # CREATE OR REPLACE keeps the functions' owner and grants (none to PUBLIC).
    return f"""CREATE OR REPLACE FUNCTION {s}.case_search_refresh(cid integer) RETURNS void
        LANGUAGE sql {PIN} AS $$ {_insert(s, "c.id = cid", fast=fast)} $$"""


def upgrade() -> None:
    if op.get_context().dialect.name != "postgresql":
        return
    s = _schema()
    op.execute(_one(s, fast=True))
    run = "c.id IN (SELECT u.id FROM unnest(cids) AS u(id))"
    op.execute(
        f"""CREATE OR REPLACE FUNCTION {s}.case_search_refresh_many(cids integer[])
            RETURNS void LANGUAGE sql {PIN} AS $$ {_insert(s, run, fast=True)} $$"""
    )


def downgrade() -> None:
    if op.get_context().dialect.name != "postgresql":
        return
    s = _schema()
    op.execute(_one(s, fast=False))  # 0010's
    op.execute(  # 0020's
        f"""CREATE OR REPLACE FUNCTION {s}.case_search_refresh_many(cids integer[])
            RETURNS void LANGUAGE plpgsql {PIN} AS $$
        BEGIN
            PERFORM {s}.case_search_refresh(c.id)
            FROM (SELECT DISTINCT u.id FROM unnest(cids) AS u(id)) AS c ORDER BY c.id;
        END $$"""
    )
