"""the change history of cases, events and employers, which nobody can edit

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-22

Rows are written by the app (``tillitsvalgt/history.py``) in the transaction of the change.
Triggers make the table append-only on both backends: DELETE is refused, and UPDATE is
refused unless it only redacts the old/new values (each becomes NULL or a text holding
«[slettet]») — the GDPR deletion of ``services/privacy.py``. On PostgreSQL that UPDATE must
also come from a transaction that has run ``SET LOCAL tillitsvalgt.redaction = 'on'``
(only the privacy service does), TRUNCATE is refused, and an INSERT gets the database role
(``session_user``) and the transaction's time from the server, whatever the client sent.

Sent letters stay frozen in the database too: once ``documents.frozen`` is true, an UPDATE
of the bytes, their SHA-256, size, sent date or the frozen flag is refused, and so is a
DELETE (the app's own services already refuse; this stops everything else that writes
through SQL). Opening or exporting a document checks its SHA-256 (``services/documents.py``).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

REFUSED = "Endringshistorikken kan ikke endres eller slettes."
FROZEN = "Et sendt dokument kan ikke endres eller slettes."
_FROZEN_COLUMNS = "content, sha256, size, sent_on, frozen"

# Columns a redaction must leave exactly as they were.
_FIXED = (
    "id",
    "changed_at",
    "entity",
    "entity_id",
    "case_id",
    "action",
    "field",
    "representative_id",
    "db_role",
    "context",
)


def _value_redacted(column: str, contains: str) -> str:
    return (
        f"(NEW.{column} IS NOT DISTINCT FROM OLD.{column} OR NEW.{column} IS NULL "
        f"OR {contains.format(column=f'NEW.{column}')})"
    )


def upgrade() -> None:
    op.create_table(
        "change_history",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("entity", sa.String(length=20), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("cases.id"), nullable=True),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("field", sa.String(length=60), nullable=True),
        sa.Column("old_value", sa.String(), nullable=True),
        sa.Column("new_value", sa.String(), nullable=True),
        sa.Column(
            "representative_id", sa.Integer(), sa.ForeignKey("representatives.id"), nullable=True
        ),
        sa.Column("db_role", sa.String(length=200), nullable=True),
        sa.Column("context", sa.String(length=40), nullable=True),
    )
    op.create_index("ix_change_history_case_id_id", "change_history", ["case_id", "id"])
    op.create_index("ix_change_history_entity", "change_history", ["entity", "entity_id", "id"])
    if op.get_bind().dialect.name == "postgresql":
        _postgresql_guard()
        _postgresql_frozen_documents()
    else:
        _sqlite_guard()
        _sqlite_frozen_documents()


def _postgresql_frozen_documents() -> None:
    op.execute(
        f"""CREATE FUNCTION documents_frozen_guard() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION '{FROZEN}' USING ERRCODE = 'insufficient_privilege';
        END $$"""
    )
    op.execute(
        f"CREATE TRIGGER documents_frozen_update BEFORE UPDATE OF {_FROZEN_COLUMNS} "
        "ON documents FOR EACH ROW WHEN (OLD.frozen) EXECUTE FUNCTION documents_frozen_guard()"
    )
    op.execute(
        "CREATE TRIGGER documents_frozen_delete BEFORE DELETE ON documents "
        "FOR EACH ROW WHEN (OLD.frozen) EXECUTE FUNCTION documents_frozen_guard()"
    )


def _sqlite_frozen_documents() -> None:
    op.execute(
        f"CREATE TRIGGER documents_frozen_update BEFORE UPDATE OF {_FROZEN_COLUMNS} "
        f"ON documents WHEN OLD.frozen BEGIN SELECT RAISE(ABORT, '{FROZEN}'); END"
    )
    op.execute(
        "CREATE TRIGGER documents_frozen_delete BEFORE DELETE ON documents "
        f"WHEN OLD.frozen BEGIN SELECT RAISE(ABORT, '{FROZEN}'); END"
    )


def _postgresql_guard() -> None:
    same = " AND ".join(f"NEW.{c} IS NOT DISTINCT FROM OLD.{c}" for c in _FIXED)
    contains = "strpos({column}, '[slettet]') > 0"
    values = " AND ".join(_value_redacted(c, contains) for c in ("old_value", "new_value"))
    op.execute(
        f"""CREATE FUNCTION change_history_guard() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'INSERT' THEN
                NEW.db_role := session_user;
                NEW.changed_at := now();
                RETURN NEW;
            END IF;
            IF TG_OP = 'UPDATE'
               AND current_setting('tillitsvalgt.redaction', true) = 'on'
               AND {same} AND {values} THEN
                RETURN NEW;
            END IF;
            RAISE EXCEPTION '{REFUSED}' USING ERRCODE = 'insufficient_privilege';
        END $$"""
    )
    op.execute(
        "CREATE TRIGGER change_history_insert BEFORE INSERT ON change_history "
        "FOR EACH ROW EXECUTE FUNCTION change_history_guard()"
    )
    op.execute(
        "CREATE TRIGGER change_history_append_only BEFORE UPDATE OR DELETE ON change_history "
        "FOR EACH ROW EXECUTE FUNCTION change_history_guard()"
    )
    op.execute(
        "CREATE TRIGGER change_history_no_truncate BEFORE TRUNCATE ON change_history "
        "FOR EACH STATEMENT EXECUTE FUNCTION change_history_guard()"
    )


def _sqlite_guard() -> None:
    same = " AND ".join(f"NEW.{c} IS OLD.{c}" for c in _FIXED)
    contains = "instr({column}, '[slettet]') > 0"
    values = " AND ".join(
        _value_redacted(c, contains).replace("IS NOT DISTINCT FROM", "IS")
        for c in ("old_value", "new_value")
    )
    op.execute(
        "CREATE TRIGGER change_history_no_delete BEFORE DELETE ON change_history "
        f"BEGIN SELECT RAISE(ABORT, '{REFUSED}'); END"
    )
    op.execute(
        "CREATE TRIGGER change_history_no_update BEFORE UPDATE ON change_history "
        f"WHEN NOT ({same} AND {values}) "
        f"BEGIN SELECT RAISE(ABORT, '{REFUSED}'); END"
    )


def downgrade() -> None:
    op.execute(
        "DROP TRIGGER documents_frozen_update ON documents"
        if _pg()
        else "DROP TRIGGER documents_frozen_update"
    )
    op.execute(
        "DROP TRIGGER documents_frozen_delete ON documents"
        if _pg()
        else "DROP TRIGGER documents_frozen_delete"
    )
    op.execute("DROP TABLE change_history")  # its triggers go with it
    if _pg():
        op.execute("DROP FUNCTION change_history_guard()")
        op.execute("DROP FUNCTION documents_frozen_guard()")


def _pg() -> bool:
    return op.get_bind().dialect.name == "postgresql"
