"""Cases: numbering, optimistic locking, close/reopen, recycle bin, and the case list."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from datetime import date

import pytest

from tillitsvalgt.db import Database
from tillitsvalgt.errors import ConflictError, NotFoundError, StateError, ValidationError
from tillitsvalgt.services import cases, deadlines, events
from tillitsvalgt.services.cases import CaseQuery
from tillitsvalgt.shapes import CaseUpdate, DeadlineCreate, EventCreate

from conftest import TODAY, make_case, make_employer


def test_case_numbers_count_per_year_and_are_never_reused(db: Database) -> None:
    employer = make_employer(db)
    numbers = [make_case(db, employer, today=date(2025, 12, 31)) for _ in range(2)]
    numbers += [make_case(db, employer, today=date(2026, 1, 2)) for _ in range(3)]
    assert numbers == ["2025/1", "2025/2", "2026/1", "2026/2", "2026/3"]
    with db.session() as s:
        cases.delete_case("2026/3", session=s)
    # A deleted case keeps its number: the next one does not take it.
    assert make_case(db, employer, today=date(2026, 5, 1)) == "2026/4"


def test_every_case_has_a_distinct_uuid(db: Database) -> None:
    employer = make_employer(db)
    refs = [make_case(db, employer) for _ in range(3)]
    with db.session(readonly=True) as s:
        uuids = {cases.get_case(r, session=s).uuid for r in refs}
        by_uuid = cases.get_case(str(next(iter(uuids))), session=s)
    assert len(uuids) == 3
    assert by_uuid.number in refs


WRITER = textwrap.dedent(
    """
    import sys
    from datetime import date
    from tillitsvalgt.db import Database
    from tillitsvalgt.shapes import CaseCreate
    from tillitsvalgt.services import cases
    url, employer, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    db = Database.open(database_url=url, busy_timeout_ms=30000)
    for i in range(count):
        with db.session() as s:
            c = cases.create_case(
                CaseCreate(title=f"Sak {i}", employer_id=employer, case_type="other"),
                session=s, today=date(2026, 6, 1))
            print(c.number, flush=True)
    """
)


def test_two_writers_at_once_never_get_the_same_number(db: Database) -> None:
    employer = make_employer(db)
    url = db.location.url if db.location.file is None else f"sqlite:///{db.location.file}"
    url = db.engine.url.render_as_string(hide_password=False) if db.location.file is None else url
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, url, str(employer), "25"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    outputs = [w.communicate(timeout=120) for w in writers]
    for w, (_, err) in zip(writers, outputs, strict=True):
        assert w.returncode == 0, err
    numbers = [line for out, _ in outputs for line in out.split()]
    assert len(numbers) == 75
    assert sorted(numbers, key=lambda n: int(n.split("/")[1])) == [
        f"2026/{i}" for i in range(1, 76)
    ]


def test_a_stale_update_is_refused_and_changes_nothing(db: Database) -> None:
    employer = make_employer(db)
    number = make_case(db, employer)
    with db.session(readonly=True) as s:
        mine = cases.get_case(number, session=s)  # the form opens at version 1
    with db.session() as s:  # somebody else saves first
        theirs = cases.update_case(number, CaseUpdate(version=1, title="Deres tittel"), session=s)
    assert theirs.version == 2
    with pytest.raises(ConflictError) as err, db.session() as s:
        cases.update_case(number, CaseUpdate(version=mine.version, title="Min tittel"), session=s)
    assert "endret av noen andre" in str(err.value)
    with db.session(readonly=True) as s:
        stored = cases.get_case(number, session=s)
    assert stored.title == "Deres tittel"
    assert stored.version == 2


def test_update_changes_only_the_fields_given(db: Database) -> None:
    employer = make_employer(db)
    number = make_case(db, employer, description="Første utkast", notice_on=date(2026, 2, 2))
    with db.session() as s:
        updated = cases.update_case(
            number, CaseUpdate(version=1, decision_on=date(2026, 3, 10)), session=s
        )
    assert updated.description == "Første utkast"
    assert updated.notice_on == date(2026, 2, 2)
    assert updated.decision_on == date(2026, 3, 10)


def test_update_refuses_implementation_before_decision(db: Database) -> None:
    employer = make_employer(db)
    number = make_case(db, employer, decision_on=date(2026, 3, 10))
    with pytest.raises(ValidationError) as err, db.session() as s:
        cases.update_case(number, CaseUpdate(version=1, implemented_on=date(2026, 3, 1)), session=s)
    assert "Faktisk iverksetting" in str(err.value)
    with db.session(readonly=True) as s:
        stored = cases.get_case(number, session=s)
    assert stored.implemented_on is None
    assert stored.version == 1


def test_close_and_reopen(db: Database) -> None:
    employer = make_employer(db)
    number = make_case(db, employer)
    with db.session() as s:
        closed = cases.close_case(number, outcome="agreement", version=1, session=s)
    assert (closed.status, closed.outcome, closed.closed_at is not None) == (
        "closed",
        "agreement",
        True,
    )
    with pytest.raises(StateError), db.session() as s:
        cases.close_case(number, outcome="agreement", version=closed.version, session=s)
    with pytest.raises(ValidationError), db.session() as s:
        cases.close_case(number, outcome="won", version=closed.version, session=s)
    with db.session() as s:
        reopened = cases.reopen_case(number, version=closed.version, session=s)
    assert (reopened.status, reopened.outcome, reopened.closed_at) == ("open", None, None)


def test_recycle_bin_hides_and_restores(db: Database) -> None:
    employer = make_employer(db)
    kept, binned = make_case(db, employer), make_case(db, employer, title="Til papirkurven")
    with db.session() as s:
        cases.delete_case(binned, session=s)
    with db.session(readonly=True) as s:
        live = cases.list_cases(CaseQuery(), session=s)
        bin_ = cases.list_cases(CaseQuery(deleted=True), session=s)
        with pytest.raises(NotFoundError) as err:
            cases.get_case(binned, session=s)
    assert [r.number for r in live.rows] == [kept]
    assert [r.number for r in bin_.rows] == [binned]
    assert "papirkurven" in str(err.value)
    with db.session() as s:
        cases.restore_case(binned, session=s)
    with db.session(readonly=True) as s:
        assert cases.list_cases(CaseQuery(), session=s).total == 2


def test_unknown_case_number_is_a_clear_message(db: Database) -> None:
    with pytest.raises(NotFoundError) as err, db.session(readonly=True) as s:
        cases.get_case("2026/99", session=s)
    assert "2026/99" in str(err.value)
    with pytest.raises(NotFoundError) as err, db.session(readonly=True) as s:
        cases.get_case("sak tre", session=s)
    assert "år/nummer" in str(err.value)


# --------------------------------------------------------------------------- the list


def _numbers(db: Database, **query: object) -> list[str]:
    with db.session(readonly=True) as s:
        return [r.number for r in cases.list_cases(CaseQuery(**query), session=s).rows]  # type: ignore[arg-type]


def test_paging_covers_every_case_once(db: Database) -> None:
    employer = make_employer(db)
    made = [make_case(db, employer, title=f"Sak {i}") for i in range(7)]
    pages = [_numbers(db, sort="number", descending=False, offset=o, limit=3) for o in (0, 3, 6)]
    assert [len(p) for p in pages] == [3, 3, 1]
    assert [n for p in pages for n in p] == made
    with db.session(readonly=True) as s:
        assert cases.list_cases(CaseQuery(limit=3), session=s).total == 7


def test_sorting(db: Database) -> None:
    a = make_employer(db, name="Alfa AS", orgnr=None)
    b = make_employer(db, name="Beta AS", orgnr=None)
    first = make_case(db, b, title="Cellekontor", notice_on=date(2026, 1, 5))
    second = make_case(db, a, title="Aktivitetsbasert", notice_on=date(2026, 3, 1))
    third = make_case(db, a, title="Bygg B", notice_on=date(2026, 2, 1))
    assert _numbers(db) == [third, second, first]  # newest change first
    assert _numbers(db, sort="title", descending=False) == [second, third, first]
    assert _numbers(db, sort="notice", descending=False) == [first, third, second]
    assert _numbers(db, sort="employer", descending=False) == [second, third, first]
    assert _numbers(db, sort="number", descending=True) == [third, second, first]
    with pytest.raises(ValidationError):
        _numbers(db, sort="title; DROP TABLE cases")


def test_filters(db: Database) -> None:
    a = make_employer(db)
    b = make_employer(db, name="Agder Teknikk AS", orgnr="918190937", agreement="ys-nho")
    home = make_case(db, a, case_type="home_office_policy", today=date(2025, 3, 1))
    office = make_case(db, a, case_type="office_layout")
    other = make_case(db, b, case_type="office_layout")
    with db.session() as s:
        cases.close_case(other, outcome="agreement", version=1, session=s)
    assert _numbers(db, case_type="office_layout", sort="number", descending=False) == [
        office,
        other,
    ]
    assert _numbers(db, case_type="office_layout", status="open") == [office]
    assert _numbers(db, employer_id=b) == [other]
    assert _numbers(db, year=2025) == [home]
    assert _numbers(db, status="closed", year=2025) == []


def test_free_text_finds_title_description_and_event_notes(db: Database) -> None:
    employer = make_employer(db)
    by_title = make_case(db, employer, title="Åpent landskap i 2. etasje")
    by_description = make_case(db, employer, title="Flytting", description="Kantinen blir møterom")
    by_note = make_case(db, employer, title="Hjemmekontor")
    make_case(db, employer, title="Uten treff")
    with db.session() as s:
        events.add_event(
            by_note,
            EventCreate(kind="note", occurred_on=TODAY, notes="Verneombudet ble ikke spurt"),
            session=s,
        )
    assert _numbers(db, text="landskap") == [by_title]
    assert _numbers(db, text="åpent") == [by_title]  # case folding of Norwegian letters
    assert _numbers(db, text="kantinen") == [by_description]
    assert _numbers(db, text="verneombudet") == [by_note]
    assert _numbers(db, text="verneomb") == [by_note]  # word prefixes match as you type
    # Every word must match somewhere in the case: title and note together.
    assert _numbers(db, text="hjemmekontor verneombudet") == [by_note]
    assert _numbers(db, text="landskap verneombudet") == []


def test_free_text_with_many_hits_walks_the_sort_index_and_finds_the_same(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    employer = make_employer(db)
    made = [make_case(db, employer, title=f"Landskap {i}") for i in range(4)]
    make_case(db, employer, title="Hjemmekontor")
    with db.session() as s:
        cases.delete_case(made[0], session=s)
    few = _numbers(db, text="landskap", limit=2, offset=1)
    with db.session(readonly=True) as s:
        few_total = cases.list_cases(CaseQuery(text="landskap"), session=s).total
    monkeypatch.setattr(cases, "MANY_HITS", 0)  # take the many-hits path for 3 hits
    assert _numbers(db, text="landskap", limit=2, offset=1) == few == made[2:0:-1]
    with db.session(readonly=True) as s:
        assert cases.list_cases(CaseQuery(text="landskap"), session=s).total == few_total == 3


def test_free_text_follows_edits_and_deletions_of_event_notes(db: Database) -> None:
    employer = make_employer(db)
    number = make_case(db, employer)
    with db.session() as s:
        ev = events.add_event(
            number,
            EventCreate(kind="note", occurred_on=TODAY, notes="Protokoll mangler"),
            session=s,
        )
    assert _numbers(db, text="protokoll") == [number]
    from tillitsvalgt.shapes import EventUpdate

    with db.session() as s:
        ev2 = events.update_event(ev.id, EventUpdate(version=1, notes="Referat mottatt"), session=s)
    assert _numbers(db, text="protokoll") == []
    assert _numbers(db, text="referat") == [number]
    with db.session() as s:
        events.delete_event(ev.id, version=ev2.version, session=s)
    assert _numbers(db, text="referat") == []


@pytest.mark.parametrize(
    "text",
    [
        '"',
        "*",
        '"landskap"*',
        "(landskap",
        "OR",
        "NOT landskap",
        "landskap OR",
        "'; DROP TABLE cases; --",
        "a:*",
        "(",
        "NEAR(",
        "\\",
        "%",
        "_",
        "!",
        "&",
        "|",
        "^",
        "title:landskap",
        "\x00",
    ],
)
def test_search_text_is_never_query_syntax(db: Database, text: str) -> None:
    employer = make_employer(db)
    make_case(db, employer, title="Åpent landskap")
    make_case(db, employer, title="Hjemmekontor")
    found = _numbers(db, text=text)
    # Operators are dropped and only the words decide: the same result as the bare words
    # (no words at all is no filter, like an empty search box).
    words = " ".join(cases.search_terms(text))
    assert found == _numbers(db, text=words)
    if text.strip('"*( ') == "landskap":
        assert len(found) == 1
    with db.session(readonly=True) as s:
        assert cases.list_cases(CaseQuery(), session=s).total == 2


def test_list_shows_next_open_deadline(db: Database) -> None:
    employer = make_employer(db)
    number = make_case(db, employer)
    with db.session() as s:
        d1 = deadlines.add_deadline(
            number, DeadlineCreate(due_on=date(2026, 12, 1), title="Svar på krav"), session=s
        )
        deadlines.add_deadline(
            number, DeadlineCreate(due_on=date(2026, 12, 15), title="Protokoll"), session=s
        )
    with db.session(readonly=True) as s:
        row = cases.list_cases(CaseQuery(), session=s).rows[0]
    assert row.next_deadline == date(2026, 12, 1)
    with db.session() as s:
        deadlines.mark_met(d1.id, met_on=date(2026, 11, 28), session=s)
    with db.session(readonly=True) as s:
        row = cases.list_cases(CaseQuery(), session=s).rows[0]
    assert row.next_deadline == date(2026, 12, 15)
    assert row.employer_name == "Nordkyst Sparebank"


def test_page_size_is_bounded(db: Database) -> None:
    with pytest.raises(ValidationError), db.session(readonly=True) as s:
        cases.list_cases(CaseQuery(limit=0), session=s)
    with pytest.raises(ValidationError), db.session(readonly=True) as s:
        cases.list_cases(CaseQuery(limit=100_000), session=s)
