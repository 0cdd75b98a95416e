"""The landsmøte report's data: the cube of counts (``reports/cube.py``), aggregated in SQL.

No case is ever loaded as an ORM object: each statement is a per-case inner select (one row
per live case in the period, with its dimensions worked out by the database) grouped by an
outer select, so only the cube's cells cross the wire. The inner/outer split also keeps
PostgreSQL happy: with server-side parameters (psycopg 3), an expression with bound
constants in the select list is not recognised as the "same" expression in GROUP BY, while
a column of a subquery always is.

The period is grouped as integers (year, quarter) by the database; the strings "2026" and
"2026-K1" are made in Python from the grouped values. Only the case's first known date
differs by dialect: ``created_at`` is a UTC timestamp, turned into a date with
``date()`` on SQLite and ``timezone('UTC', …)::date`` on PostgreSQL.

Query plans: the cases are read by a scan of the live cases — the period is on
``coalesce(notice_on, decision_on, created_at)``, which no index covers, and a report normally
spans most of the data anyway — joined to employers by primary key, and to two grouped
passes: the live events per case (signed protocol, verneombud/AMU, letters sent) and the
open deadlines per case. One pass each instead of an EXISTS or count probe per case and
measure halved the cube's time at 100 000 cases (``benchmarks/landsmote.py``: the whole
aggregation 2.05 s, the same SQL in raw sqlite3 1.66 s).
"""

from __future__ import annotations

import contextlib
import uuid as uuid_module
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col

from tillitsvalgt.reports.anonymise import (
    SummaryFacts,
    SummarySource,
    employer_words,
    split_names,
)
from tillitsvalgt.reports.cube import (
    OPEN,
    REPLY_CLASSES,
    SIZE_BANDS,
    UNKNOWN,
    CubeCell,
    Measures,
    ReportData,
    ReportRequest,
)
from tillitsvalgt.services._lookup import resolve_case
from tillitsvalgt.services._plans import planner
from tillitsvalgt.services.events import REPLY_RULE
from tillitsvalgt.tables import (
    Case,
    CaseGroup,
    ChecklistAnswer,
    Deadline,
    Employer,
    Escalation,
    Event,
    Representative,
)

DROFTING_KINDS = ("consultation_meeting", "negotiation_meeting")
ENVIRONMENT_KINDS = ("verneombud", "amu")


def _first_known_date(dialect: str) -> sa.ColumnElement[Any]:
    """The date a case belongs to the period by: notice, else decision, else registered."""
    if dialect == "postgresql":
        created: sa.ColumnElement[Any] = sa.cast(
            sa.func.timezone("UTC", col(Case.created_at)), sa.Date
        )
    else:
        created = sa.func.date(col(Case.created_at), type_=sa.Date)
    return sa.func.coalesce(col(Case.notice_on), col(Case.decision_on), created, type_=sa.Date)


def _year_quarter(day: sa.ColumnElement[Any]) -> tuple[sa.ColumnElement[int], Any]:
    # extract() compiles to strftime() on SQLite and EXTRACT on PostgreSQL.
    year = sa.cast(sa.extract("year", day), sa.Integer)
    month = sa.cast(sa.extract("month", day), sa.Integer)
    return year, (month + 2) // 3


def _size_band() -> sa.ColumnElement[str]:
    """``cube.size_band`` as a CASE expression (same thresholds, same labels)."""
    employees = col(Employer.employees)
    return sa.case(
        (employees.is_(None), UNKNOWN),
        (employees < 50, SIZE_BANDS[0]),
        (employees < 200, SIZE_BANDS[1]),
        (employees < 1000, SIZE_BANDS[2]),
        else_=SIZE_BANDS[3],
    )


def _case_filters(
    request: ReportRequest, day: sa.ColumnElement[Any]
) -> list[sa.ColumnElement[bool]]:
    where: list[sa.ColumnElement[bool]] = [
        col(Case.deleted_at).is_(None),
        sa.not_(col(Case.is_demo)),  # example cases never count (demo.py)
        day >= request.start,
        day <= request.end,
    ]
    return where


def _deadline_pass(today: date, *, replies_only: bool = False) -> Any:
    """One grouped pass over the deadlines, per case: how many were missed (not met, not
    cancelled, run out before the report day or before the case closed), and the reply
    deadlines of the representatives' letters (rule «svarfrist …») by how they went:
    answered by the deadline (an extension agreed counts: ``due_on``), answered after it,
    not answered although it has run out, and still running."""
    due = col(Deadline.due_on)
    met = col(Deadline.met_on)
    open_ = sa.and_(met.is_(None), col(Deadline.cancelled).is_(False))
    # A deadline that lapsed with its case's close was missed only if it had run out
    # before the close; one still running then was not.
    ran_out = due < sa.case(
        (col(Deadline.lapsed_on) < today, col(Deadline.lapsed_on)), else_=sa.literal(today)
    )
    is_reply = sa.and_(
        col(Deadline.rule).startswith(REPLY_RULE), col(Deadline.cancelled).is_(False)
    )

    def total(condition: sa.ColumnElement[bool]) -> Any:
        return sa.func.sum(sa.case((condition, 1), else_=0))

    def count(condition: sa.ColumnElement[bool], label: str) -> Any:
        return total(condition).label(label)

    unanswered = sa.and_(is_reply, met.is_(None), ran_out)
    late = sa.and_(is_reply, met > due)
    in_time = sa.and_(is_reply, met.is_not(None), met <= due)
    pending = sa.and_(is_reply, met.is_(None), col(Deadline.lapsed_on).is_(None), due >= today)

    query = (
        sa.select(
            col(Deadline.case_id).label("case_id"),
            count(sa.and_(open_, ran_out), "missed"),
            # The case's answers, the worst first (``cube.REPLY_CLASSES``), worked out
            # once per case here in the grouped pass: the statements that join it compare
            # a column instead of repeating the CASE for every measure.
            sa.case(
                (total(unanswered) > 0, "unanswered"),
                (total(late) > 0, "late"),
                (total(in_time) > 0, "in_time"),
                (total(pending) > 0, "pending"),
                else_="none",
            ).label("reply"),
        )
        # Only the rows that can count (most deadlines were met or cancelled), filtered
        # before they are grouped.
        .where(sa.or_(sa.and_(open_, ran_out), is_reply))
        .group_by(col(Deadline.case_id))
    )
    if replies_only:
        query = query.where(is_reply)
    return query.subquery("dl")


def _reply_class(dl: Any) -> sa.ColumnElement[str]:
    """A case's answers to its letters, the worst first: one reply deadline run out
    unanswered makes the case «not answered», else one answered late «late», and so on
    (``cube.REPLY_CLASSES``); ``none`` when it has no reply deadline."""
    return sa.func.coalesce(dl.c.reply, "none")


def _period(year: int, quarter: int | None) -> str:
    return f"{year}" if quarter is None else f"{year}-K{quarter}"


def _cube(
    request: ReportRequest,
    *,
    conn: sa.Connection,
    dialect: str,
    today: date,
) -> tuple[CubeCell, ...]:
    day = _first_known_date(dialect)
    year, quarter = _year_quarter(day)
    # One pass over the live events and one over the open deadlines, each grouped by case
    # and joined to the cases — not a probe per case and per measure (about twice as fast
    # at 100 000 cases; benchmarks/landsmote.py).
    ev = (
        sa.select(
            col(Event.case_id).label("case_id"),
            sa.func.max(
                sa.case(
                    (
                        sa.and_(col(Event.kind) == "protocol", col(Event.signed_by_both).is_(True)),
                        1,
                    ),
                    else_=0,
                )
            ).label("signed"),
            sa.func.max(sa.case((col(Event.kind).in_(ENVIRONMENT_KINDS), 1), else_=0)).label(
                "environment"
            ),
            sa.func.sum(sa.case((col(Event.kind) == "letter_sent", 1), else_=0)).label("letters"),
        )
        .where(col(Event.deleted_at).is_(None))
        .group_by(col(Event.case_id))
        .subquery("ev")
    )
    dl = _deadline_pass(today)
    esc = (
        sa.select(col(Escalation.case_id).label("case_id"))
        .group_by(col(Escalation.case_id))
        .subquery("esc")
    )
    signed = sa.func.coalesce(ev.c.signed, 0)
    environment = sa.func.coalesce(ev.c.environment, 0)
    letters = sa.func.coalesce(ev.c.letters, 0)
    missed = sa.func.coalesce(dl.c.missed, 0)
    reply = _reply_class(dl)
    per_case = (
        sa.select(
            year.label("year"),
            (quarter if request.granularity == "quarter" else sa.null()).label("quarter"),
            col(Case.case_type).label("case_type"),
            sa.func.coalesce(col(Employer.sector), UNKNOWN).label("sector"),
            col(Employer.agreement).label("agreement"),
            _size_band().label("size_band"),
            sa.case(
                (col(Case.status) == "open", OPEN), else_=sa.func.coalesce(col(Case.outcome), OPEN)
            ).label("outcome"),
            sa.func.coalesce(col(Case.verdict_timing), UNKNOWN).label("timing"),
            signed.label("signed"),
            environment.label("environment"),
            sa.func.coalesce(col(Case.members_affected), 0).label("members"),
            letters.label("letters"),
            missed.label("missed"),
            col(Case.cell_key).label("cell_key"),
            sa.case((letters > 0, 1), else_=0).label("has_letter"),
            sa.case((missed > 0, 1), else_=0).label("has_missed"),
            sa.case((col(Case.members_affected).is_(None), 0), else_=1).label("members_known"),
            sa.case((col(Case.notice_on).is_(None), 1), else_=0).label("no_notice"),
            sa.case((col(Case.decision_on).is_(None), 1), else_=0).label("no_decision"),
            *(
                sa.case((reply == code, 1), else_=0).label(f"reply_{code}")
                for code in REPLY_CLASSES
            ),
            sa.case((esc.c.case_id.is_(None), 0), else_=1).label("escalated"),
            sa.case((col(Case.group_id).is_(None), 0), else_=1).label("grouped"),
        )
        .select_from(Case)
        .join(Employer, col(Employer.id) == col(Case.employer_id))
        .outerjoin(ev, ev.c.case_id == col(Case.id))
        .outerjoin(dl, dl.c.case_id == col(Case.id))
        .outerjoin(esc, esc.c.case_id == col(Case.id))
        .where(*_case_filters(request, day))
        .subquery("per_case")
    )
    keys = [
        per_case.c.year,
        per_case.c.quarter,
        per_case.c.case_type,
        per_case.c.sector,
        per_case.c.agreement,
        per_case.c.size_band,
        per_case.c.outcome,
        per_case.c.timing,
        per_case.c.signed,
        per_case.c.environment,
    ]
    statement = sa.select(
        *keys,
        sa.func.count(),
        sa.func.sum(per_case.c.members),
        sa.func.sum(per_case.c.letters),
        sa.func.sum(per_case.c.missed),
        sa.func.sum(per_case.c.cell_key),
        sa.func.sum(per_case.c.has_letter),
        sa.func.sum(per_case.c.has_letter * per_case.c.cell_key),
        sa.func.sum(per_case.c.has_missed),
        sa.func.sum(per_case.c.has_missed * per_case.c.cell_key),
        sa.func.sum(per_case.c.members_known),
        sa.func.sum(per_case.c.no_notice),
        sa.func.sum(per_case.c.no_notice * per_case.c.cell_key),
        sa.func.sum(per_case.c.no_decision),
        sa.func.sum(per_case.c.no_decision * per_case.c.cell_key),
        *(
            measure
            for flag in (
                *(per_case.c[f"reply_{code}"] for code in REPLY_CLASSES),
                per_case.c.escalated,
                per_case.c.grouped,
            )
            for measure in (sa.func.sum(flag), sa.func.sum(flag * per_case.c.cell_key))
        ),
    ).group_by(*keys)
    return tuple(_cube_cell(r) for r in conn.execute(_in_key_order(statement, keys, dialect)))


def _in_key_order(
    statement: sa.Select[Any], keys: Sequence[sa.ColumnElement[Any]], dialect: str
) -> sa.Select[Any]:
    """A grouped statement's rows in the order of its keys. PostgreSQL: the rows are
    sorted after the grouping, in an outer query. Asked for in the same query, the order
    made the planner sort every case to group them (at 1 000 000 cases the cube sorted a
    million rows, 112 MB on disk) where grouping them in a hash table and sorting the
    24 000 cells is enough; ``_whole_table_plans`` steers it to the hash table. The same
    rows in the same order: only the plan changes. SQLite sorts to group in any case."""
    if dialect != "postgresql":
        return statement.order_by(*keys)
    grouped = statement.subquery("grouped")
    return sa.select(grouped).order_by(*(grouped.c[key.name] for key in keys))


_CLASSES = len(REPLY_CLASSES)


def _cube_cell(r: Sequence[Any]) -> CubeCell:
    # By position, as the statement lists them: 23 772 cells at 100 000 cases, so the
    # conversion is done once per row (every sum has at least one case, so none is NULL;
    # PostgreSQL's sums of big integers come back as Decimal, hence int).
    n = [int(v) for v in r[10:]]
    replies = 14 + 2 * _CLASSES
    fields: list[Any] = [
        _period(int(r[0]), None if r[1] is None else int(r[1])),
        *r[2:8],
        bool(r[8]),
        bool(r[9]),
        *n[:14],
        tuple(n[14:replies:2]),
        tuple(n[15:replies:2]),
        *n[replies:],
    ]
    return CubeCell(*fields)


def _days_to_drofting(
    request: ReportRequest, *, conn: sa.Connection, dialect: str
) -> tuple[dict[str, tuple[int, ...]], dict[str, int]]:
    """Per period, the days from notice to the first drøftingsmøte (consultation or
    negotiation meeting), one per case with both; grouped by (period, days) in SQL, so
    only the distinct day counts and how many cases had each come back."""
    day = _first_known_date(dialect)
    year, quarter = _year_quarter(day)
    first_meeting = sa.func.min(col(Event.occurred_on))
    if dialect == "postgresql":
        days: sa.ColumnElement[Any] = first_meeting - col(Case.notice_on)  # date - date: int
    else:
        days = sa.cast(
            sa.func.julianday(first_meeting) - sa.func.julianday(col(Case.notice_on)), sa.Integer
        )
    per_case = (
        sa.select(
            year.label("year"),
            (quarter if request.granularity == "quarter" else sa.null()).label("quarter"),
            days.label("days"),
            col(Case.cell_key).label("cell_key"),
        )
        .select_from(Case)
        .join(Employer, col(Employer.id) == col(Case.employer_id))
        .join(Event, col(Event.case_id) == col(Case.id))
        .where(
            *_case_filters(request, day),
            col(Case.notice_on).is_not(None),
            col(Event.deleted_at).is_(None),
            col(Event.kind).in_(DROFTING_KINDS),
        )
        .group_by(
            col(Case.id),
            col(Case.notice_on),
            col(Case.decision_on),
            col(Case.created_at),
            col(Case.cell_key),
        )
        .subquery("per_case")
    )
    keys = [per_case.c.year, per_case.c.quarter, per_case.c.days]
    statement = sa.select(*keys, sa.func.count(), sa.func.sum(per_case.c.cell_key)).group_by(*keys)
    found: dict[str, list[int]] = defaultdict(list)
    key_sums: dict[str, int] = defaultdict(int)
    for row in conn.execute(_in_key_order(statement, keys, dialect)):
        y, q, n_days, n_cases = row[0], row[1], row[2], row[3]
        period = _period(int(y), None if q is None else int(q))
        found[period].extend([int(n_days)] * int(n_cases))
        key_sums[period] += int(row[4] or 0)
    return {period: tuple(values) for period, values in found.items()}, dict(key_sums)


def _employers(
    request: ReportRequest, *, conn: sa.Connection, dialect: str, today: date
) -> tuple[dict[str, int], dict[str, int], dict[str, Measures]]:
    """The cases per employer by name, their keys, and their cases by how the employer
    answered the letters (only for the named report)."""
    day = _first_known_date(dialect)
    statement = (
        sa.select(col(Employer.name), sa.func.count(), sa.func.sum(col(Case.cell_key)))
        .select_from(Case)
        .join(Employer, col(Employer.id) == col(Case.employer_id))
        .where(*_case_filters(request, day))
        .group_by(col(Employer.id), col(Employer.name))
    )
    counts: dict[str, int] = defaultdict(int)
    keys: dict[str, int] = defaultdict(int)
    for name, n, key_sum in conn.execute(statement):
        counts[name] += int(n)  # two employers of the same name are one line in the report
        keys[name] += int(key_sum or 0)
    # The answers: only the cases with a reply deadline (an inner join on the reply
    # deadlines' pass), not a second pass over every case.
    dl = _deadline_pass(today, replies_only=True)
    reply = _reply_class(dl)
    answers = (
        sa.select(
            col(Employer.name),
            *(
                measure
                for code in REPLY_CLASSES
                for flag in [sa.case((reply == code, 1), else_=0)]
                for measure in (sa.func.sum(flag), sa.func.sum(flag * col(Case.cell_key)))
            ),
        )
        # From the reply deadlines (few) to their cases by primary key, not every case.
        .select_from(dl)
        .join(Case, col(Case.id) == dl.c.case_id)
        .join(Employer, col(Employer.id) == col(Case.employer_id))
        .where(*_case_filters(request, day))
        .group_by(col(Employer.id), col(Employer.name))
    )
    replies: dict[str, list[int]] = {}
    width = len(REPLY_CLASSES)
    for row in conn.execute(answers):
        sums = replies.setdefault(row[0], [0] * (2 * width))
        for k in range(2 * width):
            sums[k] += int(row[1 + k] or 0)
    measured = {
        name: (tuple(v[0::2]), tuple(v[1::2])) for name, v in replies.items() if any(v[0::2])
    }
    return dict(sorted(counts.items())), dict(keys), measured


def _escalations(
    request: ReportRequest, *, conn: sa.Connection, dialect: str
) -> dict[tuple[str, str], tuple[int, int]]:
    """The report's cases by each stage they reached and its outcome ("pending" while a
    stage has none): (stage, outcome) -> (cases, their keys). A case is on a stage once
    (``uq_escalations_case_stage``)."""
    day = _first_known_date(dialect)
    statement = (
        sa.select(
            col(Escalation.stage),
            col(Escalation.outcome),
            sa.func.count(),
            sa.func.sum(col(Case.cell_key)),
        )
        .select_from(Escalation)
        .join(Case, col(Case.id) == col(Escalation.case_id))
        .join(Employer, col(Employer.id) == col(Case.employer_id))
        .where(*_case_filters(request, day))
        .group_by(col(Escalation.stage), col(Escalation.outcome))
    )
    out: dict[tuple[str, str], tuple[int, int]] = {}
    for stage, outcome, n, key_sum in conn.execute(statement):
        where = (stage, outcome or "pending")
        before = out.get(where, (0, 0))
        out[where] = (before[0] + int(n), before[1] + int(key_sum or 0))
    return out


def group_key(group_uuid: uuid_module.UUID | str) -> int:
    """A group case's permanent cell key: drawn at random once, like a case's, as the
    last byte of its random uuid (no column of its own: the uuid is never published)."""
    value = group_uuid if isinstance(group_uuid, uuid_module.UUID) else uuid_module.UUID(group_uuid)
    return value.int % 256


def _groups(
    request: ReportRequest, *, conn: sa.Connection, dialect: str
) -> tuple[tuple[str, int], ...]:
    """The group cases the report's cases belong to: (the earliest period among its cases,
    its cell key), one per group. A group is one employer decision: the report counts it
    once, in the period of its first case."""
    day = _first_known_date(dialect)
    year, quarter = _year_quarter(day)
    per_case = (
        sa.select(
            year.label("year"),
            (quarter if request.granularity == "quarter" else sa.null()).label("quarter"),
            col(Case.group_id).label("group_id"),
            col(CaseGroup.uuid).label("uuid"),
        )
        .select_from(Case)
        .join(Employer, col(Employer.id) == col(Case.employer_id))
        .join(CaseGroup, col(CaseGroup.id) == col(Case.group_id))
        .where(*_case_filters(request, day))
        .subquery("per_case")
    )
    keys = [per_case.c.group_id, per_case.c.uuid, per_case.c.year, per_case.c.quarter]
    first: dict[int, tuple[str, int]] = {}
    for group_id, group_uuid, y, q in conn.execute(sa.select(*keys).group_by(*keys)):
        period = _period(int(y), None if q is None else int(q))
        seen = first.get(int(group_id))
        if seen is None or period < seen[0]:
            first[int(group_id)] = (period, group_key(group_uuid))
    return tuple(sorted(first.values()))


CHECKLIST_STATES = ("met", "not_met", "unknown")
ALL_ITEMS = "*"  # the checklist's row for «every point of the regulation fulfilled»


def _checklist(
    request: ReportRequest, *, conn: sa.Connection, dialect: str
) -> dict[tuple[str, str], tuple[int, int]]:
    """The home-office cases by checklist item and state, as a letter reads them
    (``rules.checklist.checklist_gaps``): answered «met» is met; answered «not met» is
    not met, and so is every point of the regulation not answered «met» when the case
    records that there are no written agreements; the rest is unknown. Also the row
    ``ALL_ITEMS``: every point of the regulation met, one missing, or neither known.
    (item, state) -> (cases, their keys)."""
    from tillitsvalgt.rules.checklist import checklist_items

    items = checklist_items()
    regulation = [i.key for i in items if i.group == "forskrift"]
    day = _first_known_date(dialect)
    home = [*_case_filters(request, day), col(Case.case_type).startswith("home_office")]
    no_agreement = sa.case((col(Case.written_agreements).is_(False), 1), else_=0)
    answer = col(ChecklistAnswer.answer)
    is_regulation = col(ChecklistAnswer.item_key).in_(regulation)
    per_case = (
        sa.select(
            col(Case.cell_key).label("cell_key"),
            no_agreement.label("no_agreement"),
            sa.func.sum(sa.case((sa.and_(is_regulation, answer == "met"), 1), else_=0)).label(
                "met"
            ),
            sa.func.sum(sa.case((sa.and_(is_regulation, answer == "not_met"), 1), else_=0)).label(
                "not_met"
            ),
        )
        .select_from(Case)
        .join(Employer, col(Employer.id) == col(Case.employer_id))
        .outerjoin(ChecklistAnswer, col(ChecklistAnswer.case_id) == col(Case.id))
        .where(*home)
        .group_by(col(Case.id), col(Case.cell_key), col(Case.written_agreements))
        .subquery("per_case")
    )
    totals = [[0, 0], [0, 0]]  # by no_agreement: cases, keys
    out: dict[tuple[str, str], tuple[int, int]] = {}

    def add(where: tuple[str, str], n: int, keys: int) -> None:
        before = out.get(where, (0, 0))
        out[where] = (before[0] + n, before[1] + keys)

    keys = [per_case.c.no_agreement, per_case.c.met, per_case.c.not_met]
    for row in conn.execute(
        sa.select(*keys, sa.func.count(), sa.func.sum(per_case.c.cell_key)).group_by(*keys)
    ):
        flag, met, not_met = row[0], row[1], row[2]
        n, key_sum = int(row[3]), int(row[4] or 0)
        totals[int(flag)][0] += n
        totals[int(flag)][1] += key_sum
        if int(met or 0) >= len(regulation):
            state = "met"
        elif int(not_met or 0) > 0 or int(flag):
            state = "not_met"
        else:
            state = "unknown"
        add((ALL_ITEMS, state), n, key_sum)
    answered: dict[tuple[str, str, int], tuple[int, int]] = {}
    statement = (
        sa.select(
            col(ChecklistAnswer.item_key),
            answer,
            no_agreement,
            sa.func.count(),
            sa.func.sum(col(Case.cell_key)),
        )
        .select_from(ChecklistAnswer)
        .join(Case, col(Case.id) == col(ChecklistAnswer.case_id))
        .join(Employer, col(Employer.id) == col(Case.employer_id))
        .where(*home)
        .group_by(col(ChecklistAnswer.item_key), answer, col(Case.written_agreements))
    )
    for item_key, state, flag, n, key_sum in conn.execute(statement):
        where3 = (item_key, state, int(flag))
        before = answered.get(where3, (0, 0))
        answered[where3] = (before[0] + int(n), before[1] + int(key_sum or 0))
    for entry in items:
        for flag in (0, 1):
            met = answered.get((entry.key, "met", flag), (0, 0))
            not_met = answered.get((entry.key, "not_met", flag), (0, 0))
            if flag and entry.group == "forskrift":
                # No written agreement: every point of the regulation not met is missing.
                not_met = (totals[1][0] - met[0], totals[1][1] - met[1])
            add((entry.key, "met"), *met)
            add((entry.key, "not_met"), *not_met)
            add(
                (entry.key, "unknown"),
                totals[flag][0] - met[0] - not_met[0],
                totals[flag][1] - met[1] - not_met[1],
            )
    return out


def cube_cells(request: ReportRequest, *, session: Session, today: date) -> tuple[CubeCell, ...]:
    """The cube alone: the biggest statement, which ``services/report.py`` runs on a
    connection of its own beside the others."""
    conn = session.connection()
    with _whole_table_plans(session):
        return _cube(request, conn=conn, dialect=conn.dialect.name, today=today)


@dataclass(frozen=True)
class ReportExtras:
    days_to_drofting: dict[str, tuple[int, ...]]
    drofting_keys: dict[str, int]
    employers: dict[str, int]
    employer_keys: dict[str, int]
    employer_replies: dict[str, Measures]
    escalations: dict[tuple[str, str], tuple[int, int]]
    groups: tuple[tuple[str, int], ...]
    checklist: dict[tuple[str, str], tuple[int, int]]


def report_extras(request: ReportRequest, *, session: Session, today: date) -> ReportExtras:
    """The days to the first drøfting, (unless anonymised) the employers, the stages of
    escalation, the group cases and the home-office checklist, with the cell-key sums of
    their cases."""
    with _whole_table_plans(session):
        conn = session.connection()
        dialect = conn.dialect.name
        days, day_keys = _days_to_drofting(request, conn=conn, dialect=dialect)
        employers, employer_keys, employer_replies = (
            ({}, {}, {})
            if request.anonymise_employers
            else _employers(request, conn=conn, dialect=dialect, today=today)
        )
        return ReportExtras(
            days,
            day_keys,
            employers,
            employer_keys,
            employer_replies,
            _escalations(request, conn=conn, dialect=dialect),
            _groups(request, conn=conn, dialect=dialect),
            _checklist(request, conn=conn, dialect=dialect),
        )


def report_data(request: ReportRequest, *, session: Session, today: date) -> ReportData:
    """The cube, the days to the first drøfting, and (unless anonymised) the employers,
    for the live cases whose first known date is in ``[request.start, request.end]``.
    ``today`` is the day deadlines are judged missed on."""
    cells = cube_cells(request, session=session, today=today)
    extras = report_extras(request, session=session, today=today)
    return with_extras(request, today, cells, extras)


def _whole_table_plans(session: Session) -> contextlib.AbstractContextManager[None]:
    """PostgreSQL: no nested loops for the report's statements, in this transaction only.
    Under row-level security the planner guesses a few thousand of a million cases pass
    the policy, and joined the employers to every case in a nested loop (a billion row
    comparisons: 142 of the cube's 164 s at 1 000 000 cases, benchmarks/README.md); the
    same statements with hash joins took 12 s. The answers are the same rows: only how
    they are joined changes. Nor does the planner sort to group: it guesses a few
    thousand rows where a million come (see ``_in_key_order``); grouping them in a hash
    table took the cube from ≈ 10.4 to ≈ 7.4 s at 1 000 000 cases."""
    return planner(session.connection(), enable_nestloop="off", enable_sort="off", work_mem="128MB")


def with_extras(
    request: ReportRequest, today: date, cells: tuple[CubeCell, ...], extras: ReportExtras
) -> ReportData:
    return ReportData(
        request=request,
        made_on=today,
        cells=cells,
        days_to_drofting=extras.days_to_drofting,
        employers=extras.employers,
        employer_keys=extras.employer_keys,
        drofting_keys=extras.drofting_keys,
        employer_replies=extras.employer_replies,
        escalations=extras.escalations,
        groups=extras.groups,
        checklist=extras.checklist,
    )


# --------------------------------------------------------------------- the appendix


def appendix_sources(request: ReportRequest, *, session: Session) -> list[SummarySource]:
    """The summaries marked «ta med i rapport» of the live cases in the report's period
    (same period and filters as the figures), oldest first. Raw text: the caller
    anonymises it."""
    conn = session.connection()
    day = _first_known_date(conn.dialect.name).label("day")
    statement = (
        sa.select(
            day,
            col(Case.case_type),
            col(Employer.sector),
            _size_band(),
            col(Employer.name),
            col(Case.report_summary),
            col(Case.cell_key),
            col(Employer.address),
        )
        .select_from(Case)
        .join(Employer, col(Employer.id) == col(Case.employer_id))
        .where(
            *_case_filters(request, day),
            col(Case.report_include).is_(True),
            col(Case.report_summary).is_not(None),
        )
        .order_by(day, col(Case.year), col(Case.seq))
    )
    return [
        SummarySource(
            month=row[0],
            case_type=row[1],
            sector=row[2],
            size_band=row[3],
            employer_name=row[4],
            text=row[5],
            order=int(row[6]),
            employer_address=row[7],
        )
        for row in conn.execute(statement)
        if row[5] and str(row[5]).strip()
    ]


def known_person_names(*, session: Session) -> list[str]:
    """Every person name the database holds, for taking them out of the summaries: the
    representatives, the employers' contacts and the participants of every meeting."""
    conn = session.connection()
    names: set[str] = set()
    for statement in (
        sa.select(col(Representative.name)),
        sa.select(col(Employer.contact_name)).where(col(Employer.contact_name).is_not(None)),
        sa.select(col(Event.participants)).where(col(Event.participants).is_not(None)).distinct(),
    ):
        for (value,) in conn.execute(statement):
            names.update(split_names(value))
    return sorted(names)


def summary_facts(case_ref: str | int, *, session: Session) -> SummaryFacts:
    """What a proposed summary of one case is made from (codes, counts and dates only)."""
    from tillitsvalgt.reports.cube import size_band

    case = resolve_case(case_ref, session=session, include_deleted=True)
    employer = session.get(Employer, case.employer_id)
    sector = employer.sector if employer is not None else None
    size = size_band(employer.employees if employer is not None else None)
    return SummaryFacts(
        case_type=case.case_type,
        members_affected=case.members_affected,
        notice_on=case.notice_on,
        decision_on=case.decision_on,
        implemented_on=case.implemented_on,
        timing=case.verdict_timing,
        status=case.status,
        outcome=case.outcome,
        employer_words=employer_words(sector, size),
    )
