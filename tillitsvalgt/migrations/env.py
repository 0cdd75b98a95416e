"""Alembic environment. The app passes its own connection in ``config.attributes``;
``alembic`` run by hand uses ``sqlalchemy.url``."""

from __future__ import annotations

import warnings

import sqlalchemy as sa
from alembic import context
from sqlmodel import SQLModel

import tillitsvalgt.tables  # noqa: F401  (registers the tables on SQLModel.metadata)

config = context.config
target_metadata = SQLModel.metadata

# Objects that migrations make by hand and the models do not describe: the free-text index,
# and PostgreSQL's access control (0008: who belongs to which branch, the shared cases, and
# the branch of a case, which only policies and triggers use).
UNMODELLED_TABLES = {"case_search", "tillitsvalgt_access", "tillitsvalgt_case_shares"}
UNMODELLED_COLUMNS = {("cases", "branch"), ("representatives", "db_role")}
# The list's sort indexes of 0017 (an expression index Alembic cannot compare, and a partial
# one written per database) and 0019's partial branch indexes (PostgreSQL only).
UNMODELLED_INDEXES = {
    "ix_cases_branch",
    "ix_cases_live_timing_rank",
    "ix_deadlines_open_case_due",
    "ix_cases_live_branch_updated",
    "ix_cases_live_branch_type_status",
    "ix_cases_live_year_updated",  # 0021, PostgreSQL only
    "ix_cases_live_employer_updated",  # 0021, PostgreSQL only
}


def include_object(
    obj: object, name: str | None, type_: str, reflected: bool, compare_to: object
) -> bool:
    if type_ == "table":
        return not (name in UNMODELLED_TABLES or (name or "").startswith("case_search_"))
    if type_ == "column":
        table = getattr(getattr(obj, "table", None), "name", None)
        return (table, name) not in UNMODELLED_COLUMNS
    if type_ == "index":
        return name not in UNMODELLED_INDEXES
    return True


def run(connection: sa.Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        include_object=include_object,
        compare_type=True,
    )
    with context.begin_transaction(), warnings.catch_warnings():
        # SQLAlchemy cannot reflect an expression index (0017's verdict rank) and says so
        # whenever a comparison or a batch reads the table; include_object leaves it out of
        # the comparison anyway. A batch that rebuilds «cases» must create it again.
        warnings.filterwarnings(
            "ignore",
            message="Skipped unsupported reflection of expression-based index",
            category=sa.exc.SAWarning,
        )
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    run(connection)
else:
    engine = sa.create_engine(config.get_main_option("sqlalchemy.url") or "")
    with engine.begin() as conn:
        run(conn)
