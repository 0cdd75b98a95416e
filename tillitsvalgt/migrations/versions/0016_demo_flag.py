"""demo data is marked: cases.is_demo and employers.is_demo

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-06

The example cases a new user can load (``demo.py``) are marked when they are made, so the
window can tag them «DEMO», remove them in one action, and the landsmøte report can leave
them out. Rows that existed before this migration were made by a person (or by a demo load
the app can no longer tell apart): they stay unmarked. A partial index over the few marked
cases keeps reading them cheap at any size of the database.

On PostgreSQL the database itself refuses to take an employer out of the register while any
case names it (0010). Removing the examples puts their cases in the recycle bin, where they
still name their employers; so the check now lets a demo employer go when every case that
names it is a demo case too. A real case still keeps its employer, demo or not.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


OWN_ERROR = "TV403"  # as in 0010
PIN = "SET search_path = pg_catalog, pg_temp"


def _employer_in_use(s: str, *, demo_may_go: bool) -> str:
    only_real = " AND NOT (c.is_demo AND OLD.is_demo)" if demo_may_go else ""
    return f"""CREATE OR REPLACE FUNCTION {s}.tillitsvalgt_employer_in_use() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER {PIN} AS $$
    BEGIN
        IF NEW.deleted_at IS NOT NULL AND OLD.deleted_at IS NULL
           AND EXISTS (SELECT 1 FROM {s}.cases c WHERE c.employer_id = NEW.id{only_real}) THEN
            RAISE EXCEPTION USING ERRCODE = '{OWN_ERROR}', MESSAGE = format(
                'Virksomheten «%s» brukes i saker (også i andre avdelinger) og kan ikke '
                'slettes; ingenting er endret.', OLD.name);
        END IF;
        RETURN NEW;
    END $$"""


def _schema() -> str:
    bind = op.get_bind()
    schema = str(bind.exec_driver_sql("SELECT current_schema()").scalar_one())
    return str(bind.dialect.identifier_preparer.quote(schema))


def upgrade() -> None:
    for table in ("cases", "employers"):
        op.add_column(
            table,
            sa.Column("is_demo", sa.Boolean(), nullable=False, server_default=sa.false()),
        )
    op.create_index(
        "ix_cases_demo",
        "cases",
        ["id"],
        sqlite_where=sa.text("is_demo = 1"),  # as SQLAlchemy writes the test
        postgresql_where=sa.text("is_demo"),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_employer_in_use(_schema(), demo_may_go=True))


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_employer_in_use(_schema(), demo_may_go=False))
    op.drop_index("ix_cases_demo", table_name="cases")
    for table in ("cases", "employers"):
        op.execute(f"ALTER TABLE {table} DROP COLUMN is_demo")  # SQLite >= 3.35 drops in place
