"""Running deadlines a page at a time (services/deadlines.open_deadline_rows with ``after``
and ``limit``) and their capped count, on both backends: the pages together are the whole
list in its order, ties on a due date included."""

from __future__ import annotations

from datetime import date, timedelta

from tillitsvalgt.db import Database
from tillitsvalgt.services import deadlines
from tillitsvalgt.shapes import DeadlineCreate

from helpers.data import make_case, make_employer

DAY = date(2026, 12, 1)


def _fill(db: Database) -> list[int]:
    """Eleven deadlines over four cases, three or four on each day, made latest day
    first (so the ids run against the dates); one met and one cancelled besides."""
    employer = make_employer(db)
    numbers = [make_case(db, employer, title=f"Sak {k}") for k in range(4)]
    made = []
    with db.session() as s:
        for k in range(13):
            due = DAY + timedelta(days=(12 - k) // 4)
            made.append(
                deadlines.add_deadline(
                    numbers[k % 4], DeadlineCreate(due_on=due, title=f"Frist {k}"), session=s
                ).id
            )
        deadlines.mark_met(made[0], met_on=DAY, session=s)
        deadlines.cancel_deadline(made[5], session=s)
    return made


def _paged(db: Database, size: int, until: date | None = None) -> list[int]:
    ids: list[int] = []
    after = None
    with db.session(readonly=True) as s:
        for _ in range(100):  # a page that never moves on must fail, not hang
            page = deadlines.open_deadline_rows(session=s, until=until, after=after, limit=size)
            ids += [d.id for d, *_ in page]
            if len(page) < size:
                return ids
            last = page[-1][0]
            after = (last.due_on, last.id)
    raise AssertionError(f"the pages never ended: {ids[:20]} …")


def test_the_pages_together_are_the_whole_list_in_its_order(db: Database) -> None:
    made = _fill(db)
    with db.session(readonly=True) as s:
        whole = [d.id for d, *_ in deadlines.open_deadline_rows(session=s)]
    assert sorted(whole) == sorted(set(made) - {made[0], made[5]})
    for size in (1, 2, 3, 4, 5, 11, 12):
        assert _paged(db, size) == whole, size
    until = DAY + timedelta(days=1)
    with db.session(readonly=True) as s:
        soon = [d.id for d, *_ in deadlines.open_deadline_rows(session=s, until=until)]
    assert soon == [i for i in whole if i in soon] and len(soon) == 7
    assert _paged(db, 4, until) == soon


def test_the_count_stops_one_past_its_cap(db: Database) -> None:
    _fill(db)
    today = DAY + timedelta(days=2)  # the first two days' seven deadlines are overdue
    with db.session(readonly=True) as s:
        assert deadlines.count_open_deadline_rows(session=s, until=None, today=today, cap=100) == (
            11,
            7,
        )
        assert deadlines.count_open_deadline_rows(session=s, until=DAY, today=today, cap=100) == (
            4,
            7,
        )  # the overdue ones are counted whatever the range
        assert deadlines.count_open_deadline_rows(session=s, until=None, today=today, cap=4) == (
            5,
            5,
        )
