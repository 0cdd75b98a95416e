"""The landsmøte report's cube, aggregated in SQL, on SQLite and PostgreSQL alike: checked
against hand-counted cells on a small set of hand-built cases, on the scenarios, and on
bundles from several representatives that overlap."""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlmodel import Session, col, select

from tillitsvalgt.db import Database
from tillitsvalgt.reports.cube import CubeCell, ReportData, ReportRequest
from tillitsvalgt.services import cases, deadlines, events, transfer
from tillitsvalgt.services.report_data import report_data
from tillitsvalgt.services.representatives import create_representative, list_representatives
from tillitsvalgt.shapes import DeadlineCreate, EventCreate, RepresentativeCreate
from tillitsvalgt.tables import Case

from conftest import SCENARIOS, TODAY, make_case, make_employer

YEAR_2026 = ReportRequest(start=date(2026, 1, 1), end=date(2026, 12, 31))
BANK = "finans-finansforbundet"


def run(db: Database, request: ReportRequest, today: date = TODAY) -> ReportData:
    with db.session(readonly=True) as s:
        return report_data(request, session=s, today=today)


def cell(
    period: str,
    case_type: str,
    sector: str,
    agreement: str,
    size_band: str,
    outcome: str,
    timing: str,
    signed: bool,
    environment: bool,
    cases: int,
    members: int,
    letters: int,
    missed: int,
) -> CubeCell:
    return CubeCell(
        period=period,
        case_type=case_type,
        sector=sector,
        agreement=agreement,
        size_band=size_band,
        outcome=outcome,
        timing=timing,
        signed_protocol=signed,
        environment_involved=environment,
        cases=cases,
        members=members,
        letters_sent=letters,
        deadlines_missed=missed,
    )


# --------------------------------------------------------------------------- hand-built


@dataclass(frozen=True)
class World:
    reps: tuple[int, int]
    numbers: dict[str, str]  # label -> case number


def _event(s: Session, number: str, kind: str, on: date, **extra: Any) -> int:
    data = EventCreate.model_validate({"kind": kind, "occurred_on": on, **extra})
    return events.add_event(number, data, session=s).id


def _close(s: Session, number: str, outcome: str) -> None:
    case = cases.get_case(number, session=s)
    # Closed on 1 December 2026: its running deadlines lapse that day.
    cases.close_case(
        number, outcome=outcome, version=case.version, session=s, today=date(2026, 12, 1)
    )


def build_world(db: Database) -> World:
    """Seven cases, five of them in 2026 and live; see each for what it tests."""
    bank = make_employer(db)  # privat, 180 employees (50–199), finance agreement
    state = make_employer(
        db, name="Statens kartverk", orgnr=None, employees=420, agreement="staten", sector="stat"
    )
    small = make_employer(
        db, name="Lille AS", orgnr=None, employees=None, agreement="none", sector=None
    )
    with db.session() as s:
        r1 = create_representative(RepresentativeCreate(name="Rep En"), session=s).id
        r2 = create_representative(RepresentativeCreate(name="Rep To"), session=s).id
    n: dict[str, str] = {}
    # c1, c2: same cell. Signed protocols, verneombud/AMU, three letters, one missed reply.
    n["c1"] = make_case(
        db, bank, notice_on=date(2026, 2, 2), members_affected=40, representative_id=r1
    )
    n["c2"] = make_case(db, bank, notice_on=date(2026, 3, 5), representative_id=r1)  # no members
    # c3: open, an unsigned protocol, a deleted verneombud, a letter whose reply came.
    n["c3"] = make_case(
        db,
        bank,
        case_type="home_office_policy",
        notice_on=date(2026, 5, 10),
        members_affected=12,
        representative_id=r2,
    )
    # c4: no notice (period by decision date), a missed and a cancelled deadline by hand.
    n["c4"] = make_case(
        db, state, decision_on=date(2026, 9, 1), members_affected=100, representative_id=r2
    )
    # c5: no dates at all: the period comes from the day it was registered (set below).
    n["c5"] = make_case(db, small, case_type="other", members_affected=5)
    # c6: in the recycle bin. c7: notice in 2025 (its 2026 decision does not count).
    n["c6"] = make_case(db, bank, notice_on=date(2026, 4, 1), members_affected=1000)
    n["c7"] = make_case(
        db, bank, notice_on=date(2025, 12, 31), decision_on=date(2026, 2, 1), members_affected=7
    )
    n["c8"] = make_case(db, bank, notice_on=date(2027, 1, 1), members_affected=9)
    with db.session() as s:
        _event(s, n["c1"], "consultation_meeting", date(2026, 2, 16))  # 14 days after notice
        _event(s, n["c1"], "protocol", date(2026, 2, 20), signed_by_both=True)
        _event(s, n["c1"], "verneombud", date(2026, 2, 10))
        _event(  # reply deadline 15.03, never met: missed as of TODAY
            s,
            n["c1"],
            "letter_sent",
            date(2026, 3, 1),
            letter_kind="krav_om_drofting",
            reply_by=date(2026, 3, 15),
        )
        _event(s, n["c2"], "negotiation_meeting", date(2026, 3, 15))  # the first: 10 days
        _event(s, n["c2"], "consultation_meeting", date(2026, 3, 25))
        _event(s, n["c2"], "protocol", date(2026, 3, 26), signed_by_both=True)
        _event(s, n["c2"], "amu", date(2026, 4, 2))
        _event(s, n["c2"], "letter_sent", date(2026, 3, 20))
        _event(  # reply deadline after TODAY: not missed
            s,
            n["c2"],
            "letter_sent",
            date(2026, 11, 1),
            letter_kind="krav_om_drofting",
            reply_by=date(2026, 12, 31),
        )
        _event(s, n["c3"], "protocol", date(2026, 5, 20), signed_by_both=False)
        gone = _event(s, n["c3"], "verneombud", date(2026, 5, 21))
        _event(
            s,
            n["c3"],
            "letter_sent",
            date(2026, 5, 15),
            letter_kind="krav_om_drofting",
            reply_by=date(2026, 6, 1),
        )
        _event(s, n["c3"], "letter_received", date(2026, 5, 25))  # meets the reply deadline
        gone_meeting = _event(s, n["c3"], "consultation_meeting", date(2026, 5, 12))
        _event(s, n["c4"], "amu", date(2026, 9, 5))
        _event(s, n["c4"], "consultation_meeting", date(2026, 9, 10))  # no notice: no days
        deadlines.add_deadline(
            n["c4"], DeadlineCreate(due_on=date(2026, 10, 1), title="Svar"), session=s
        )
        cancelled = deadlines.add_deadline(
            n["c4"], DeadlineCreate(due_on=date(2026, 10, 2), title="Svar"), session=s
        )
        deadlines.cancel_deadline(cancelled.id, session=s)
        for label in ("c6", "c7", "c8"):  # would be counted if the filters failed
            _event(s, n[label], "protocol", date(2026, 4, 2), signed_by_both=True)
            _event(s, n[label], "consultation_meeting", date(2026, 4, 3))
            _event(
                s,
                n[label],
                "letter_sent",
                date(2026, 4, 3),
                letter_kind="krav_om_drofting",
                reply_by=date(2026, 4, 10),
            )
        _close(s, n["c1"], "agreement")
        _close(s, n["c2"], "agreement")
        _close(s, n["c4"], "disagreement")
    with db.session() as s:
        for event_id in (gone, gone_meeting):
            version = events.list_events(n["c3"], session=s)
            current = next(e for e in version if e.id == event_id).version
            events.delete_event(event_id, version=current, session=s)
        cases.delete_case(n["c6"], session=s)
    with db.session() as s:
        # Fixed verdicts (the rules are tested elsewhere), and c5's registration time: late
        # on 1 July in UTC, already 2 July in Norway — the UTC date is the one that counts.
        timings = {"c1": "in_time", "c2": "in_time", "c4": "late_before_implementation"}
        for label, number in n.items():
            s.execute(
                sa.update(Case)
                .where(col(Case.number) == number)
                .values(verdict_timing=timings.get(label))
            )
        s.execute(
            sa.update(Case)
            .where(col(Case.number) == n["c5"])
            .values(created_at=datetime(2026, 7, 1, 23, 30, tzinfo=UTC))
        )
    return World(reps=(r1, r2), numbers=n)


def year_cells() -> list[CubeCell]:
    return [
        cell("2026", "home_office_policy", "privat", BANK, "50–199", "open", "ukjent",
             False, False, 1, 12, 1, 0),
        cell("2026", "office_layout", "privat", BANK, "50–199", "agreement", "in_time",
             True, True, 2, 40, 3, 1),
        cell("2026", "office_layout", "stat", "staten", "200–999", "disagreement",
             "late_before_implementation", False, True, 1, 100, 0, 1),
        cell("2026", "other", "ukjent", "none", "ukjent", "open", "ukjent",
             False, False, 1, 5, 0, 0),
    ]  # fmt: skip


def by_key(cells: tuple[CubeCell, ...] | list[CubeCell]) -> list[CubeCell]:
    """The cells without their cell-key sums (random per case; checked on their own)."""
    bare = [
        replace(
            c, key_sum=0, letter_cases=0, letter_keys=0, missed_cases=0, missed_keys=0,
            members_known=0, no_notice=0, no_notice_keys=0, no_decision=0, no_decision_keys=0,
            replies=(0, 0, 0, 0), reply_keys=(0, 0, 0, 0), escalated=0, escalated_keys=0,
            grouped=0, grouped_keys=0,
        )
        for c in cells
    ]  # fmt: skip
    return sorted(bare, key=lambda c: (c.period, c.case_type, c.sector, c.outcome, c.timing))


def test_cube_carries_the_cases_cell_keys(db: Database) -> None:
    build_world(db)
    data = run(db, YEAR_2026)
    with db.session(readonly=True) as s:
        keys = [c.cell_key for c in s.exec(sa.select(Case)).scalars() if c.deleted_at is None]
    assert all(0 <= k < 256 for k in keys)
    assert len(set(keys)) > 1  # drawn per case, not one default
    # Two statements, one sum: the cube's cells and the employers' lines add the same keys.
    assert sum(c.key_sum for c in data.cells) == sum(data.employer_keys.values())
    for c in data.cells:
        if c.cases == 1:
            assert c.key_sum in keys
            assert c.letter_cases == (1 if c.letters_sent else 0)
            assert c.letter_keys == (c.key_sum if c.letters_sent else 0)
            assert c.missed_cases == (1 if c.deadlines_missed else 0)
    assert sum(c.members_known for c in data.cells) == 4  # c2 has no number
    assert sum(c.no_notice for c in data.cells) == 2  # c4 (decision only) and c5
    assert sum(c.no_decision for c in data.cells) == 4  # only c7 has one in 2026
    for c in data.cells:
        assert c.no_notice_keys <= c.key_sum and c.no_decision_keys <= c.key_sum


def test_cube_by_year_matches_hand_count(db: Database) -> None:
    build_world(db)
    data = run(db, YEAR_2026)
    assert by_key(data.cells) == year_cells()
    assert sum(c.cases for c in data.cells) == 5
    assert data.days_to_drofting == {"2026": (10, 14)}
    assert data.employers == {"Lille AS": 1, "Nordkyst Sparebank": 3, "Statens kartverk": 1}
    assert data.made_on == TODAY
    assert data.request is YEAR_2026


def test_cube_by_quarter(db: Database) -> None:
    build_world(db)
    data = run(db, replace(YEAR_2026, granularity="quarter"))
    expected = [
        replace(year_cells()[0], period="2026-K2"),
        replace(year_cells()[1], period="2026-K1"),
        replace(year_cells()[2], period="2026-K3"),
        replace(year_cells()[3], period="2026-K3"),
    ]
    assert by_key(data.cells) == by_key(expected)
    assert data.days_to_drofting == {"2026-K1": (10, 14)}


def test_deadlines_missed_depend_on_the_report_day(db: Database) -> None:
    build_world(db)
    early = run(db, YEAR_2026, today=date(2026, 3, 15))  # c1's reply is due that very day
    assert sum(c.deadlines_missed for c in early.cells) == 0
    later = run(db, YEAR_2026, today=date(2027, 1, 1))
    # c2's reply (31.12) was still running when c2 closed on 1.12: it lapsed, not missed.
    assert sum(c.deadlines_missed for c in later.cells) == 2


def test_period_bounds_are_inclusive_and_by_first_known_date(db: Database) -> None:
    build_world(db)
    only_feb_2 = run(db, ReportRequest(start=date(2026, 2, 2), end=date(2026, 2, 2)))
    assert [(c.period, c.cases, c.members) for c in only_feb_2.cells] == [("2026", 1, 40)]
    # c5 was registered at 23:30 UTC on 1 July: that is its date, whatever the zone.
    july_1 = run(db, ReportRequest(start=date(2026, 7, 1), end=date(2026, 7, 1)))
    assert [(c.case_type, c.cases) for c in july_1.cells] == [("other", 1)]
    # c7's notice (31.12.2025) puts it in 2025, though it was decided in 2026.
    both_years = run(db, ReportRequest(start=date(2025, 1, 1), end=date(2027, 12, 31)))
    totals = {c.period: 0 for c in both_years.cells}
    for c in both_years.cells:
        totals[c.period] += c.cases
    assert totals == {"2025": 1, "2026": 5, "2027": 1}
    assert both_years.days_to_drofting == {"2025": (93,), "2026": (10, 14), "2027": (-273,)}


def test_a_report_counts_the_whole_database_never_a_subset() -> None:
    """A report of one sector or some representatives beside the report of all could be
    subtracted from it (the few cases that differ): the request has no such filter."""
    fields = {f.name for f in dataclasses.fields(ReportRequest)}
    assert fields == {
        "start", "end", "granularity", "min_cell", "anonymise_employers",
    }  # fmt: skip
    with pytest.raises(TypeError):
        ReportRequest(start=date(2026, 1, 1), end=date(2026, 12, 31), sectors={"stat"})  # type: ignore[call-arg]


def test_anonymised_employers_are_not_listed(db: Database) -> None:
    build_world(db)
    data = run(db, replace(YEAR_2026, anonymise_employers=True))
    assert data.employers == {}
    assert by_key(data.cells) == year_cells()  # the cube itself is unchanged


def test_empty_period(db: Database) -> None:
    build_world(db)
    data = run(db, ReportRequest(start=date(2030, 1, 1), end=date(2030, 12, 31)))
    assert data.cells == ()
    assert data.days_to_drofting == {}
    assert data.employers == {}


def test_report_loads_no_case_objects(db: Database) -> None:
    build_world(db)
    with db.session(readonly=True) as s:
        report_data(YEAR_2026, session=s, today=TODAY)
        assert not [o for o in s.identity_map.values() if isinstance(o, Case)]


# --------------------------------------------------------------------------- scenarios


def _import(db: Database, bundle: Any) -> None:
    with db.session() as s:
        transfer.import_bundle(bundle, session=s, today=TODAY)


def test_scenarios_give_ten_cases_in_2026(db: Database) -> None:
    _import(db, json.loads(SCENARIOS.read_text("utf-8")))
    data = run(db, YEAR_2026)
    assert sum(c.cases for c in data.cells) == 10
    assert {c.period for c in data.cells} == {"2026"}
    sectors: dict[str, int] = {}
    for c in data.cells:
        sectors[c.sector] = sectors.get(c.sector, 0) + c.cases
    assert sectors == {"privat": 7, "stat": 1, "kommune": 1, "helse": 1}
    assert all(c.outcome == "open" for c in data.cells)
    assert sum(c.letters_sent for c in data.cells) == 1  # S07
    assert sum(c.cases for c in data.cells if c.signed_protocol) == len(
        [c for c in json.loads(SCENARIOS.read_text("utf-8")) if any(
            e["kind"] == "protocol" and e.get("signed_by_both") for e in c["events"])]
    )  # fmt: skip
    # S01, S02, S03 and S08 have a notice and a drøftingsmøte.
    assert len(data.days_to_drofting["2026"]) == 4
    quarters = run(db, replace(YEAR_2026, granularity="quarter"))
    per_quarter: dict[str, int] = {}
    for c in quarters.cells:
        per_quarter[c.period] = per_quarter.get(c.period, 0) + c.cases
    # Notices: Feb ×2, Mar ×2 | May ×2 | Aug ×2, Sep | Dec.
    assert per_quarter == {"2026-K1": 4, "2026-K2": 2, "2026-K3": 3, "2026-K4": 1}
    assert sum(len(v) for v in quarters.days_to_drofting.values()) == 4


def test_cells_and_days_come_in_key_order_as_one_ordered_query_gives_them(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On PostgreSQL the cube and the days to the first drøfting are grouped in an inner
    query and sorted in an outer one (so the planner may group in a hash table): the rows
    and their order must be what the grouped query ordered by its own keys gives."""
    from tillitsvalgt.services import report_data as module

    _import(db, json.loads(SCENARIOS.read_text("utf-8")))
    employer = make_employer(db, name="Ekstra AS", orgnr=None)
    for k in range(6):  # more cells: other types, no dates, two years
        make_case(
            db,
            employer,
            title=f"Ekstra {k}",
            case_type=("office_layout", "space_allocation", "other")[k % 3],
            notice_on=None if k % 2 else date(2025 + k % 2, 3 + k, 1),
        )
    request = replace(YEAR_2026, start=date(2025, 1, 1))
    quarters = replace(request, granularity="quarter")
    now = run(db, request), run(db, quarters)
    monkeypatch.setattr(
        module, "_in_key_order", lambda statement, keys, dialect: statement.order_by(*keys)
    )
    plain = run(db, request), run(db, quarters)
    for ours, theirs in zip(now, plain, strict=True):
        assert len(ours.cells) > 5
        assert ours.cells == theirs.cells  # the same cells in the same order
        assert ours.days_to_drofting == theirs.days_to_drofting
        assert list(ours.days_to_drofting) == list(theirs.days_to_drofting)


# --------------------------------------------------------------------------- many bundles


def _export(db: Database) -> list[dict[str, Any]]:
    with db.session(readonly=True) as s:
        return transfer.export_bundle(session=s)


def test_overlapping_bundles_count_each_case_once(db: Database, tmp_path: Path) -> None:
    """Two representatives' databases share two scenario cases (S02, S03) and each has two
    more (S01 and one of its own; S04 and one of its own). Both bundles, and the first
    again, into the office's database: six cases, not eight (or twelve)."""
    scenarios = json.loads(SCENARIOS.read_text("utf-8"))
    first = Database.open(data_dir=tmp_path / "first")
    second = Database.open(data_dir=tmp_path / "second")
    try:
        _import(first, scenarios[0:3])
        _import(second, scenarios[1:4])
        reporters = []
        for database in (first, second):
            with database.session() as s:
                name = "Ada" if database is first else "Bo"
                reporters.append(
                    create_representative(RepresentativeCreate(name=name), session=s).uuid
                )
        own = make_employer(first, name="Egen arbeidsgiver", orgnr=None, sector="kommune")
        make_case(first, own, notice_on=date(2026, 6, 1), members_affected=3, representative_id=1)
        other = make_employer(second, name="Annen", orgnr=None)
        make_case(
            second, other, notice_on=date(2026, 6, 2), members_affected=4, representative_id=1
        )
        bundles = [_export(first), _export(second)]
    finally:
        first.dispose()
        second.dispose()
    assert [len(b) for b in bundles] == [4, 4]
    for bundle in bundles:
        _import(db, bundle)
    _import(db, bundles[0])  # again: still nothing new
    data = run(db, YEAR_2026)
    assert sum(c.cases for c in data.cells) == 6
    assert data.employers == {
        "Annen": 1,
        "Egen arbeidsgiver": 1,
        **_scenario_employers(scenarios[0:4]),
    }
    assert len(data.days_to_drofting["2026"]) == 3  # S01–S03 have a drøftingsmøte
    members = sum(c.members for c in data.cells)
    scenario_members = sum(c["case"].get("members_affected") or 0 for c in scenarios[0:4])
    assert members == scenario_members + 3 + 4
    # Who reported what came along: each representative's own case is theirs in the
    # office's database.
    with db.session(readonly=True) as s:
        office = {r.uuid: r.id for r in list_representatives(session=s)}
        assert set(office) == set(reporters)
        for uuid, members_of_own in zip(reporters, (3, 4), strict=True):
            own = s.exec(select(Case).where(Case.representative_id == office[uuid])).all()
            assert [c.members_affected for c in own] == [members_of_own]


def _scenario_employers(items: list[dict[str, Any]]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for item in items:
        name = item["employer"]["name"]
        counts[name] = counts.get(name, 0) + 1
    return counts
