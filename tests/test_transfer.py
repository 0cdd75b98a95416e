"""Import and export of case bundles: all or nothing, idempotent, mergeable."""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tillitsvalgt.db import Database
from tillitsvalgt.errors import ValidationError
from tillitsvalgt.services import cases, events
from tillitsvalgt.services.cases import CaseQuery
from tillitsvalgt.services.transfer import export_bundle, import_bundle
from tillitsvalgt.shapes import CaseUpdate

from conftest import TODAY


def _import(db: Database, bundle: Any) -> Any:
    with db.session() as s:
        return import_bundle(bundle, session=s, today=TODAY)


def _export(db: Database) -> list[dict[str, Any]]:
    with db.session(readonly=True) as s:
        return export_bundle(session=s)


def _count(db: Database) -> int:
    with db.session(readonly=True) as s:
        return cases.list_cases(CaseQuery(limit=1), session=s).total


def test_scenarios_import_with_their_employers_and_events(
    db: Database, scenarios: list[dict[str, Any]]
) -> None:
    report = _import(db, scenarios)
    assert len(report.created) == len(scenarios)
    assert report.events_added == sum(len(s["events"]) for s in scenarios)
    # S01 and S02 share an employer (matched by org.nr): one fewer employer than cases.
    assert report.employers_created == len({s["employer"]["orgnr"] for s in scenarios})
    exported = {c["case"]["title"] + c["case"].get("notice_on", ""): c for c in _export(db)}
    s07 = next(s for s in scenarios if s["id"] == "S07")
    mine = exported[s07["case"]["title"] + s07["case"]["notice_on"]]
    assert mine["employer"]["agreement"] == "lo-nho"
    letter = next(e for e in mine["events"] if e["kind"] == "letter_sent")
    assert (letter["letter"], letter["reply_by"]) == ("krav_om_drofting", "2026-04-15")


def test_importing_the_same_file_twice_changes_nothing(
    db: Database, scenarios: list[dict[str, Any]]
) -> None:
    _import(db, scenarios)
    before = _export(db)
    with db.session(readonly=True) as s:
        versions = [cases.get_case(c["id"], session=s).version for c in before]
    report = _import(db, scenarios)
    assert report.created == [] and report.updated == []
    assert len(report.unchanged) == len(scenarios)
    assert (report.events_added, report.employers_created) == (0, 0)
    after = _export(db)
    assert after == before
    with db.session(readonly=True) as s:
        assert [cases.get_case(c["id"], session=s).version for c in after] == versions


def test_a_changed_bundle_updates_the_case_and_adds_new_events(
    db: Database, scenarios: list[dict[str, Any]]
) -> None:
    _import(db, scenarios[:1])
    changed = copy.deepcopy(scenarios[:1])
    changed[0]["case"]["title"] = "Faste plasser fjernes i 3. og 4. etasje"
    # Changed after ours (an hour ahead: more than a day ahead is refused as a wrong clock).
    changed[0]["case"]["updated_at"] = (datetime.now(UTC) + timedelta(hours=1)).isoformat()
    changed[0]["events"].append({"kind": "note", "on": "2026-04-01", "notes": "Ny etasje"})
    report = _import(db, changed)
    assert len(report.updated) == 1 and report.events_added == 1
    [case] = _export(db)
    assert case["case"]["title"] == "Faste plasser fjernes i 3. og 4. etasje"
    assert [e["kind"] for e in case["events"]][-1] == "note"


def test_an_older_bundle_never_undoes_later_work(
    db: Database, scenarios: list[dict[str, Any]]
) -> None:
    _import(db, scenarios[:1])
    [exported] = _export(db)
    with db.session() as s:
        cases.update_case(
            exported["id"], CaseUpdate(version=1, title="Endret etter eksporten"), session=s
        )
        cases.close_case(exported["id"], outcome="agreement", version=2, session=s)
    stale = copy.deepcopy(exported)
    stale["events"].append({"kind": "note", "on": "2026-04-01", "notes": "Ny fra filen"})
    for bundle in ([stale], scenarios[:1]):  # with an old timestamp, and with none
        report = _import(db, bundle)
        assert report.kept == [exported["id"]]
        assert "beholdt" in report.summary()
    [now] = _export(db)
    assert now["case"]["title"] == "Endret etter eksporten"
    assert (now["case"]["status"], now["case"]["outcome"]) == ("closed", "agreement")
    assert [e.get("notes") for e in now["events"]][-1] == "Ny fra filen"  # events still merge


def test_broken_characters_in_a_bundle_are_a_problem_not_a_crash(
    db: Database, scenarios: list[dict[str, Any]]
) -> None:
    bad = copy.deepcopy(scenarios[:2])
    bad[0]["case"]["type"] = "office\ud800"
    bad[1]["events"][0]["n\udfffotes"] = "x"
    with pytest.raises(ValidationError) as err:
        _import(db, bad)
    assert len(err.value.problems) == 2
    assert all("ødelagt tegnkoding" in p.message for p in err.value.problems)
    assert _count(db) == 0


def test_export_then_import_into_another_database_reproduces_everything(
    db: Database, sqlite_db: Database, scenarios: list[dict[str, Any]]
) -> None:
    _import(db, scenarios)
    with db.session() as s:
        cases.close_case(_export(db)[0]["id"], outcome="agreement", version=1, session=s)
    bundle = json.loads(json.dumps(_export(db)))  # through JSON, as a file would
    _import(sqlite_db, bundle)
    assert _export(sqlite_db) == bundle
    # Merging the same bundle again (another representative sent it too): no duplicates.
    _import(sqlite_db, bundle)
    assert _count(sqlite_db) == len(scenarios)


def test_overlapping_bundles_from_two_representatives_merge_by_uuid(
    db: Database, sqlite_db: Database, scenarios: list[dict[str, Any]]
) -> None:
    _import(db, scenarios[:6])
    first = _export(db)
    _import(db, scenarios[4:])
    second = _export(db)[4:]
    _import(sqlite_db, first)
    _import(sqlite_db, second)
    assert _count(sqlite_db) == len(scenarios)
    assert {c["uuid"] for c in _export(sqlite_db)} == {c["uuid"] for c in _export(db)}


def test_an_invalid_file_is_rejected_whole_with_every_problem(
    db: Database, scenarios: list[dict[str, Any]]
) -> None:
    bad = copy.deepcopy(scenarios[:4])
    bad[1]["employer"]["orgnr"] = "123456789"
    bad[2]["case"]["type"] = "kontor"
    bad[2]["case"]["implemented_on"] = "2026-01-01"  # before its decision
    bad[3]["events"][0]["kind"] = "møte"
    bad[3]["case"]["titel"] = "feilstavet felt"
    with pytest.raises(ValidationError) as err:
        _import(db, bad)
    text = str(err.value)
    assert "ingenting er endret" in text
    assert "Sak nr. 2 (S02) › Virksomhet › Organisasjonsnummer" in text
    assert "Sak nr. 3 (S03) › Sak › Sakstype" in text
    assert "Sak nr. 4 (S04) › Hendelser › nr. 1 › Type" in text
    assert "titel: er et ukjent felt" in text
    assert _count(db) == 0  # S01 was valid, but nothing is half-imported


def test_the_date_order_is_checked_on_import(db: Database, scenarios: list[dict[str, Any]]) -> None:
    bad = copy.deepcopy(scenarios[:1])
    bad[0]["case"]["implemented_on"] = "2026-01-01"
    with pytest.raises(ValidationError) as err:
        _import(db, bad)
    assert "Faktisk iverksetting" in str(err.value)
    assert _count(db) == 0


@pytest.mark.parametrize(
    "raw", [{}, "tekst", 42, None, [1], [{"employer": {}}], [{"case": [], "employer": "x"}]]
)
def test_malformed_bundles_are_refused_with_a_message(db: Database, raw: Any) -> None:
    with pytest.raises(ValidationError) as err:
        _import(db, raw)
    assert str(err.value).strip()
    assert _count(db) == 0


def test_the_same_case_twice_in_one_file_is_refused(
    db: Database, scenarios: list[dict[str, Any]]
) -> None:
    with pytest.raises(ValidationError) as err:
        _import(db, [scenarios[0], scenarios[0]])
    assert "samme sak" in str(err.value)


def test_cases_are_numbered_in_the_year_they_began(
    db: Database, scenarios: list[dict[str, Any]]
) -> None:
    old = copy.deepcopy(scenarios[0])
    old["id"] = "gammel"
    for key in ("notice_on", "decision_on", "planned_implementation_on"):
        old["case"][key] = old["case"][key].replace("2026", "2024")
    for ev in old["events"]:
        ev["on"] = ev["on"].replace("2026", "2024")
    _import(db, [old])
    assert _export(db)[0]["id"] == "2024/1"
    with db.session(readonly=True) as s:
        assert len(events.list_events("2024/1", session=s)) == 3


def test_the_cell_key_travels_with_the_case_or_is_drawn_on_import(
    db: Database, tmp_path: Path, scenarios: list[dict[str, Any]]
) -> None:
    other = Database.open(data_dir=tmp_path / "other")
    # The scenarios carry no cell key: each imported case draws its own.
    _import(db, scenarios)
    exported = _export(db)
    keys = [item["case"]["cell_key"] for item in exported]
    assert all(0 <= k < 256 for k in keys) and len(set(keys)) > 1
    # Another database keeps the keys (the same cases publish the same numbers there).
    chosen = copy.deepcopy(exported)
    for k, item in enumerate(chosen):
        item["case"]["cell_key"] = (k * 37) % 256
    _import(other, chosen)
    wanted = {item["id"]: item["case"]["cell_key"] for item in chosen}
    assert {item["id"]: item["case"]["cell_key"] for item in _export(other)} == wanted
    bad = copy.deepcopy(scenarios[:1])
    bad[0]["case"]["cell_key"] = 256
    with pytest.raises(ValidationError):
        _import(other, bad)
    other.dispose()
