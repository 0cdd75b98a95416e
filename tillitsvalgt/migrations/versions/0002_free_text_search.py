"""free-text index over cases and event notes

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22

An FTS5 table kept by triggers on SQLite; a tsvector table with a GIN index, kept by
triggers, on PostgreSQL. Both use no stemming and match word prefixes, so a search finds
the same cases on both. Existing cases are indexed by the migration.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SQLITE_SEARCH = [
    """CREATE VIRTUAL TABLE case_search USING fts5(
        title, description, notes, tokenize = "unicode61 remove_diacritics 0")""",
    # rowid = cases.id; notes = the case's live event notes, joined
    """CREATE TRIGGER case_search_case_insert AFTER INSERT ON cases BEGIN
        INSERT INTO case_search(rowid, title, description, notes)
        VALUES (new.id, new.title, coalesce(new.description, ''),
                (SELECT coalesce(group_concat(notes, ' '), '') FROM events
                 WHERE case_id = new.id AND deleted_at IS NULL));
    END""",
    """CREATE TRIGGER case_search_case_update AFTER UPDATE OF title, description ON cases BEGIN
        UPDATE case_search SET title = new.title, description = coalesce(new.description, '')
        WHERE rowid = new.id;
    END""",
    """CREATE TRIGGER case_search_case_delete AFTER DELETE ON cases BEGIN
        DELETE FROM case_search WHERE rowid = old.id;
    END""",
    """CREATE TRIGGER case_search_event_insert AFTER INSERT ON events
    WHEN new.notes IS NOT NULL AND new.deleted_at IS NULL BEGIN
        UPDATE case_search SET notes = (SELECT coalesce(group_concat(notes, ' '), '') FROM events
            WHERE case_id = new.case_id AND deleted_at IS NULL)
        WHERE rowid = new.case_id;
    END""",
    """CREATE TRIGGER case_search_event_update AFTER UPDATE OF notes, deleted_at, case_id ON events
    BEGIN
        UPDATE case_search SET notes = (SELECT coalesce(group_concat(notes, ' '), '') FROM events
            WHERE case_id = case_search.rowid AND deleted_at IS NULL)
        WHERE rowid IN (new.case_id, old.case_id);
    END""",
    """CREATE TRIGGER case_search_event_delete AFTER DELETE ON events BEGIN
        UPDATE case_search SET notes = (SELECT coalesce(group_concat(notes, ' '), '') FROM events
            WHERE case_id = old.case_id AND deleted_at IS NULL)
        WHERE rowid = old.case_id;
    END""",
]

POSTGRESQL_SEARCH = [
    """CREATE TABLE case_search (
        case_id integer PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
        document tsvector NOT NULL)""",
    "CREATE INDEX case_search_document_idx ON case_search USING gin (document)",
    """CREATE FUNCTION case_search_refresh(cid integer) RETURNS void LANGUAGE sql AS $$
        INSERT INTO case_search (case_id, document)
        SELECT c.id, to_tsvector('simple', c.title || ' ' || coalesce(c.description, '') || ' '
               || coalesce((SELECT string_agg(e.notes, ' ') FROM events e
                            WHERE e.case_id = c.id AND e.deleted_at IS NULL), ''))
        FROM cases c WHERE c.id = cid
        ON CONFLICT (case_id) DO UPDATE SET document = excluded.document
    $$""",
    """CREATE FUNCTION case_search_on_case() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        PERFORM case_search_refresh(NEW.id);
        RETURN NULL;
    END $$""",
    """CREATE FUNCTION case_search_on_event() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP <> 'INSERT' THEN PERFORM case_search_refresh(OLD.case_id); END IF;
        IF TG_OP <> 'DELETE' THEN PERFORM case_search_refresh(NEW.case_id); END IF;
        RETURN NULL;
    END $$""",
    """CREATE TRIGGER case_search_case AFTER INSERT OR UPDATE OF title, description ON cases
        FOR EACH ROW EXECUTE FUNCTION case_search_on_case()""",
    """CREATE TRIGGER case_search_event
        AFTER INSERT OR DELETE OR UPDATE OF notes, deleted_at, case_id ON events
        FOR EACH ROW EXECUTE FUNCTION case_search_on_event()""",
]


SQLITE_BACKFILL = """INSERT INTO case_search(rowid, title, description, notes)
    SELECT id, title, coalesce(description, ''),
           (SELECT coalesce(group_concat(notes, ' '), '') FROM events
            WHERE case_id = cases.id AND deleted_at IS NULL)
    FROM cases"""
POSTGRESQL_BACKFILL = "SELECT case_search_refresh(id) FROM cases"


def upgrade() -> None:
    sqlite = op.get_context().dialect.name == "sqlite"
    for statement in SQLITE_SEARCH if sqlite else POSTGRESQL_SEARCH:
        op.execute(statement)
    op.execute(SQLITE_BACKFILL if sqlite else POSTGRESQL_BACKFILL)


def downgrade() -> None:
    _drop_search()


def _drop_search() -> None:
    if op.get_context().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS case_search")  # its triggers go with the tables
        for name in (
            "case_insert",
            "case_update",
            "case_delete",
            "event_insert",
            "event_update",
            "event_delete",
        ):
            op.execute(f"DROP TRIGGER IF EXISTS case_search_{name}")
    else:
        op.execute("DROP TRIGGER IF EXISTS case_search_case ON cases")
        op.execute("DROP TRIGGER IF EXISTS case_search_event ON events")
        op.execute("DROP TABLE IF EXISTS case_search")
        op.execute("DROP FUNCTION IF EXISTS case_search_on_case()")
        op.execute("DROP FUNCTION IF EXISTS case_search_on_event()")
        op.execute("DROP FUNCTION IF EXISTS case_search_refresh(integer)")
