"""The commands over the rules: assess, deadline, catalogue, settings, demo; and the verdict
stored on the case so the list can filter by it."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from pathlib import Path

import pytest

from tillitsvalgt.db import Database
from tillitsvalgt.services import cases, events
from tillitsvalgt.services.cases import CaseQuery
from tillitsvalgt.shapes import EventCreate

from conftest import SCENARIOS, make_case, make_employer, run_cli

run = run_cli


def test_deadline_prints_the_date_and_why(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "deadline", "--from", "2026-12-18", "--days", "14")
    first, second = out.splitlines()
    assert code == 0 and first == "2027-01-04"
    assert "1. nyttårsdag" in second and "mandag 4. januar 2027" in second
    code, out, _ = run(capsys, "deadline", "--from", "18.12.2026", "--days", "14")
    assert code == 0 and out.startswith("2027-01-04")  # typed the Norwegian way, as in the window
    code, _, err = run(capsys, "deadline", "--from", "18.13.2026", "--days", "14")
    assert code == 1 and "ÅÅÅÅ-MM-DD" in err and "måneden må være mellom 1 og 12" in err


def test_assess_stores_the_verdict_and_the_list_filters_by_it(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "--database-url", db_url, "import", str(SCENARIOS))
    code, out, _ = run(capsys, "--database-url", db_url, "assess", "2026/3")
    assert code == 0
    assert "Krever:    Forhandling" in out
    assert "Hovedavtalen i staten" in out
    code, out, _ = run(capsys, "--database-url", db_url, "cases", "--json", "--timing", "in_time")
    numbers = [r["number"] for r in json.loads(out)["rows"]]
    assert "2026/3" not in numbers
    # The import already stored every verdict (as of the real today).
    code, out, _ = run(
        capsys, "--database-url", db_url, "cases", "--json", "--timing", "information_only"
    )
    assert {r["number"] for r in json.loads(out)["rows"]} >= {"2026/4", "2026/10"}
    code, out, _ = run(capsys, "--database-url", db_url, "cases", "--overdue", "--json")
    assert [r["number"] for r in json.loads(out)["rows"]] == ["2026/7"]
    code, out, _ = run(capsys, "--database-url", db_url, "cases")
    assert "Handle nå (frist ute)" in out


def test_a_new_event_updates_the_stored_verdict(db: Database) -> None:
    number = make_case(db, make_employer(db), decision_on=date(2026, 3, 10))
    with db.session(readonly=True) as s:
        [row] = cases.list_cases(CaseQuery(), session=s).rows
    assert row.timing == "not_held_decision_taken"
    with db.session() as s:
        events.add_event(
            number,
            EventCreate(kind="consultation_meeting", occurred_on=date(2026, 3, 1)),
            session=s,
        )
    with db.session(readonly=True) as s:
        [row] = cases.list_cases(CaseQuery(), session=s).rows
        in_time = cases.list_cases(CaseQuery(timing="in_time"), session=s).total
    assert row.timing == "in_time"
    assert in_time == 1


def test_catalogue_lists_and_checks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "catalogue")
    assert code == 0
    assert "aml:8-2" in out and "ha-staten:19-2e" in out
    assert "paragraf ikke kontrollert" in out  # the leads are marked
    broken = tmp_path / "katalog.toml"
    broken.write_text('version = "1"\n[[provision]]\nkey = \n', encoding="utf-8")
    code, _, err = run(capsys, "catalogue", "--check", str(broken))
    assert code == 1 and "linje 3" in err


def test_a_broken_own_catalogue_warns_and_the_built_in_one_is_used(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "katalog.toml"
    broken.write_text("[[provision]\n", encoding="utf-8")
    code, out, err = run(capsys, "--catalogue", str(broken), "catalogue")
    assert code == 0
    assert str(broken) in err and "linje 1" in err
    assert "aml:8-2" in out


def test_settings_remember_a_checked_catalogue(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    broken = tmp_path / "feil.toml"
    broken.write_text("[[provision]\n", encoding="utf-8")
    code, _, err = run(capsys, "--data-dir", str(data), "settings", "catalogue", str(broken))
    assert code == 1 and "ikke lagret" in err
    from tillitsvalgt.paths import resource_path

    own = tmp_path / "egen.toml"
    own.write_text(resource_path("catalogue.toml").read_text(encoding="utf-8"), encoding="utf-8")
    code, out, _ = run(capsys, "--data-dir", str(data), "settings", "catalogue", str(own))
    assert code == 0
    settings_file = data / "settings.json"
    assert json.loads(settings_file.read_text())["catalogue"] == str(own.resolve())
    assert settings_file.stat().st_mode & 0o777 == 0o600
    code, out, _ = run(capsys, "--data-dir", str(data), "catalogue")
    assert str(own.resolve()) in out


def test_demo_fills_an_empty_database_once(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--database-url", db_url, "demo")
    assert code == 0 and "Eksempeldata lagt inn" in out
    code, out, _ = run(capsys, "--database-url", db_url, "cases", "--json", "--page-size", "1")
    total = json.loads(out)["total"]
    assert total >= 50  # the ten scenarios and forty more
    code, _, err = run(capsys, "--database-url", db_url, "demo")
    assert code == 1 and "allerede" in err
    code, out, _ = run(capsys, "--database-url", db_url, "assess", "--json")
    verdicts = {r["timing"] for r in json.loads(out)}
    assert len(verdicts) >= 4  # varied cases, not forty copies of one
    code, out, _ = run(capsys, "--database-url", db_url, "demo", "--remove")
    assert code == 0 and out.startswith(f"Demodata fjernet: {total} saker, ")
    code, out, _ = run(capsys, "--database-url", db_url, "cases", "--json", "--page-size", "1")
    assert json.loads(out)["total"] == 0
    code, out, _ = run(capsys, "--database-url", db_url, "demo", "--remove")
    assert code == 0 and "Ingen demodata å fjerne." in out


def test_starting_the_app_judges_yesterdays_verdicts_again(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    import sqlalchemy as sa

    run(capsys, "--database-url", db_url, "import", str(SCENARIOS))
    db = Database.open(database_url=db_url)
    try:
        with db.engine.begin() as conn:  # as if judged long ago, wrongly
            conn.execute(
                sa.text(
                    "UPDATE cases SET verdict_timing = 'in_time', "
                    "verdict_at = '2020-01-01 00:00:00'"
                )
            )
    finally:
        db.dispose()
    code, out, _ = run(capsys, "--database-url", db_url)
    assert code == 0 and "Vurderingen er oppdatert for 10 saker." in out
    code, out, _ = run(
        capsys,
        "--database-url",
        db_url,
        "cases",
        "--json",
        "--timing",
        "in_time",
        "--page-size",
        "100",
    )
    assert [r["number"] for r in json.loads(out)["rows"]] == ["2026/1"]
    code, out, _ = run(capsys, "--database-url", db_url)
    assert "Vurderingen er oppdatert" not in out  # once a day


def test_verdicts_stored_on_change_use_the_chosen_catalogue(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import sqlalchemy as sa

    from tillitsvalgt.paths import resource_path

    text = resource_path("catalogue.toml").read_text(encoding="utf-8")
    start = text.index('key = "aml:8-2"')
    level_at = text.index('level = "drofting"', start)
    own = tmp_path / "streng.toml"  # an office that reads § 8-2 as a duty to negotiate
    own.write_text(
        text[:level_at] + 'level = "forhandling"' + text[level_at + 18 :], encoding="utf-8"
    )
    data = tmp_path / "data"
    code, _, err = run(
        capsys, "--data-dir", str(data), "--catalogue", str(own), "import", str(SCENARIOS)
    )
    assert code == 0, err
    db = Database.open(data_dir=data)
    try:
        with db.engine.connect() as conn:
            level, origin = conn.execute(
                sa.text(
                    "SELECT verdict_level, verdict_catalogue FROM cases WHERE number = '2026/1'"
                )
            ).one()
    finally:
        db.dispose()
    assert level == "forhandling"
    assert str(own) in origin


def test_bulk_assessment_equals_one_by_one(db: Database) -> None:
    from tillitsvalgt.demo import demo_bundle
    from tillitsvalgt.services.assessments import assess_all, assess_case
    from tillitsvalgt.services.transfer import import_bundle

    today = date(2026, 11, 20)
    with db.session() as s:
        import_bundle(demo_bundle(today), session=s, today=today)
    with db.session(readonly=True) as s:
        bulk = {number: a for _, number, _, a in assess_all(session=s, today=today)}
        assert len(bulk) == 50
        for number, judged in bulk.items():
            # The bulk path reads plain driver values (dates as text and flags as 0/1 on
            # SQLite); it must judge exactly as the path through the models does.
            one = assess_case(number, session=s, today=today).assessment
            # The listing is bokmål only: the same assessment without the nynorsk words.
            assert judged == dataclasses.replace(one, reasons_nn=(), evidence_gaps_nn=()), number


def test_the_database_setting_is_tested_and_used(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = ["--data-dir", str(tmp_path / "data")]
    other = tmp_path / "annen" / "saker.db"
    other.parent.mkdir()
    code, out, _ = run(capsys, *data, "settings", "database", str(other))
    assert code == 0 and "Tilkoblingen virker" in out and other.exists()
    run(capsys, *data, "import", str(SCENARIOS))
    code, out, _ = run(capsys, *data, "overview")
    assert f"Database: {other}" in out and "Saker: 10" in out
    code, out, err = run(capsys, *data, "settings", "database", "postgresql://x@127.0.0.1:1/db")
    assert code == 1 and ("PostgreSQL" in err or "127.0.0.1" in err)
    run(capsys, *data, "settings", "database", "--unset")
    code, out, _ = run(capsys, *data, "overview")
    assert str(tmp_path / "data") in out and "Saker: 0" in out
