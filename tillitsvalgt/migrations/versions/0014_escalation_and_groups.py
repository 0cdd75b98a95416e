"""escalation stages of a case, group cases (one decision over several units), and the
catalogue version a letter was written under

Revision ID: 0014
Revises: 0009
Create Date: 2026-12-06

``escalations``: one row per case and stage (central parties, Arbeidsretten, a dispute under
tjenestetvistloven, …) with the date it began, the date and outcome when decided, and the
timeline event that shows it. ``case_groups``: one employer decision that touches several
units; ``cases.group_id`` links a case to it, and the group holds the decision's dates.

On PostgreSQL the stages follow their case under row-level security (0008), like events;
the groups are a shared register like the employers (a decision may touch several
branches), holding only a name, a description and two dates.

``documents.catalogue_version``: which legal catalogue (version, and the union office's
pack when one is in use) a letter was written under.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

GROUPS = ("tillitsvalgt_representative", "tillitsvalgt_office")


def _timestamp(name: str, *, nullable: bool = False) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "case_groups",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("uuid", sa.Uuid(), nullable=False, unique=True),
        sa.Column("name", sa.String(length=200), nullable=False, unique=True),
        sa.Column("description", sa.String(), nullable=True),
        sa.Column("notice_on", sa.Date(), nullable=True),
        sa.Column("decision_on", sa.Date(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        _timestamp("created_at"),
        _timestamp("updated_at"),
    )
    op.create_table(
        "escalations",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("uuid", sa.Uuid(), nullable=False, unique=True),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("cases.id"), nullable=False),
        sa.Column("event_id", sa.Integer(), sa.ForeignKey("events.id"), nullable=True),
        sa.Column("stage", sa.String(length=40), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=False),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("outcome", sa.String(length=40), nullable=True),
        sa.Column("reference", sa.String(length=200), nullable=True),
        sa.Column("notes", sa.String(), nullable=True),
        _timestamp("created_at"),
        _timestamp("updated_at"),
        sa.UniqueConstraint("case_id", "stage", name="uq_escalations_case_stage"),
    )
    op.create_index("ix_escalations_case_id", "escalations", ["case_id"])
    # Plain SQL: Alembic would add the foreign key as a separate ALTER, which SQLite lacks.
    op.execute("ALTER TABLE cases ADD COLUMN group_id INTEGER REFERENCES case_groups (id)")
    op.create_index("ix_cases_group_id", "cases", ["group_id"])
    op.add_column("documents", sa.Column("catalogue_version", sa.String(200), nullable=True))

    if op.get_context().dialect.name != "postgresql":
        return
    everyone = ", ".join(GROUPS)
    mine = (
        "(SELECT tillitsvalgt_sees_all()) "
        "OR EXISTS (SELECT 1 FROM cases p WHERE p.id = escalations.case_id)"
    )
    op.execute("ALTER TABLE escalations ENABLE ROW LEVEL SECURITY")
    op.execute("ALTER TABLE escalations FORCE ROW LEVEL SECURITY")
    op.execute(
        f"CREATE POLICY tillitsvalgt_case_rows ON escalations USING ({mine}) WITH CHECK ({mine})"
    )
    op.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON escalations TO {everyone}")
    op.execute(f"GRANT SELECT, INSERT, UPDATE ON case_groups TO {everyone}")
    op.execute(
        f"GRANT USAGE, SELECT ON SEQUENCE escalations_id_seq, case_groups_id_seq TO {everyone}"
    )


def downgrade() -> None:
    op.execute("ALTER TABLE documents DROP COLUMN catalogue_version")
    op.drop_index("ix_cases_group_id", table_name="cases")
    # SQLite >= 3.35 drops columns in place (its own foreign key goes with it).
    op.execute("ALTER TABLE cases DROP COLUMN group_id")
    op.drop_index("ix_escalations_case_id", table_name="escalations")
    op.drop_table("escalations")
    op.drop_table("case_groups")
