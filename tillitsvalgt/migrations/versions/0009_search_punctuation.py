"""PostgreSQL's free-text index splits words at punctuation, as SQLite's does

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-22

PostgreSQL's text-search parser keeps "01.03.2026", "2.5", "a.b@example.com" and
"example.com/sti" whole, as one word each, while the search splits what the user types into
words at every punctuation mark; so a case titled "Møte 01.03.2026" was not found by
searching for "01.03.2026" (SQLite's FTS5 splits both sides alike and found it). The index
now replaces ASCII punctuation with spaces before parsing. ``translate`` does not depend on
the database's locale, as a regular expression class would.

It also indexes only the first 150 000 characters of a case's text (title, description,
then the notes of its events): a tsvector holds at most 1 MB, and a case with many long
notes made every further event fail with "string is too long for tsvector". At worst about
6 bytes per character (one-letter words of 4-byte characters), 150 000 fit.
SQLite's FTS5 has no such limit and is unchanged.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Every ASCII punctuation mark but "_", which the search keeps inside words.
PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^`{|}~"


def _refresh(text_expression: str) -> str:
    # With the case's branch, as row-level security (0008) made it: its policy on the index
    # is a plain comparison per row. CREATE OR REPLACE keeps 0008's owner and privileges.
    return f"""CREATE OR REPLACE FUNCTION case_search_refresh(cid integer) RETURNS void
    LANGUAGE sql AS $$
        INSERT INTO case_search (case_id, document, branch)
        SELECT c.id, to_tsvector('simple', {text_expression}), c.branch
        FROM cases c WHERE c.id = cid
        ON CONFLICT (case_id) DO UPDATE SET document = excluded.document,
                                            branch = excluded.branch
    $$"""


_TEXT = """c.title || ' ' || coalesce(c.description, '') || ' '
               || coalesce((SELECT string_agg(e.notes, ' ') FROM events e
                            WHERE e.case_id = c.id AND e.deleted_at IS NULL), '')"""
_QUOTED = PUNCTUATION.replace("'", "''")
MAX_INDEXED = 150_000
SPLIT = _refresh(
    f"translate(left({_TEXT}, {MAX_INDEXED}), '{_QUOTED}', '{' ' * len(PUNCTUATION)}')"
)
WHOLE = _refresh(_TEXT)


def upgrade() -> None:
    if op.get_context().dialect.name != "postgresql":
        return
    op.execute(SPLIT)
    op.execute("SELECT case_search_refresh(id) FROM cases")


def downgrade() -> None:
    if op.get_context().dialect.name != "postgresql":
        return
    op.execute(WHOLE)
    op.execute("SELECT case_search_refresh(id) FROM cases")
