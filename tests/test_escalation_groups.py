"""Escalation past the local level and group cases: through the command line, in bundles,
and the counts the report can take; on both databases."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tillitsvalgt.db import Database
from tillitsvalgt.errors import ValidationError
from tillitsvalgt.services import escalation, events, groups
from tillitsvalgt.services.transfer import export_bundle, import_bundle

from conftest import TODAY, make_case, make_employer, run_cli


def _cli(db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str], *args: str) -> Any:
    url = db.engine.url.render_as_string(hide_password=False)
    return run_cli(capsys, "--data-dir", str(tmp_path / "cli"), "--database-url", url, *args)


def _show(db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str], number: str) -> Any:
    code, out, err = _cli(db, tmp_path, capsys, "show", number, "--json")
    assert code == 0, err
    return json.loads(out)


def test_escalation_is_recorded_shown_on_the_timeline_and_checked(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    number = make_case(db, make_employer(db), notice_on=date(2026, 3, 1))
    code, out, err = _cli(
        db, tmp_path, capsys, "escalate", number, "--stage", "central", "--date", "2026-05-01"
    )
    assert code == 0, err
    assert "Sentrale parter" in out
    # The outcome, with the date it came: the stage's start stays.
    code, out, err = _cli(
        db, tmp_path, capsys, "escalate", number, "--stage", "central",
        "--date", "2026-06-10", "--outcome", "disagreement",
    )  # fmt: skip
    assert code == 0, err
    assert "Utfall 10. juni 2026: Uenighet (brudd)" in out
    code, _, err = _cli(
        db, tmp_path, capsys, "escalate", number, "--stage", "arbeidsretten",
        "--date", "2026-08-01", "--reference", "AR-2026-12",
    )  # fmt: skip
    assert code == 0, err

    shown = _show(db, tmp_path, capsys, number)
    stages = [
        (x["stage"], x["started_on"], x["ended_on"], x["outcome"]) for x in shown["escalations"]
    ]
    assert stages == [
        ("central", "2026-05-01", "2026-06-10", "disagreement"),
        ("arbeidsretten", "2026-08-01", None, None),
    ]
    timeline = [e for e in shown["events"] if e["kind"] == "escalation"]
    assert [e["occurred_on"] for e in timeline] == ["2026-05-01", "2026-08-01"]
    assert "Uenighet (brudd)" in timeline[0]["notes"]
    with db.session(readonly=True) as s:  # the event's first wording is kept as a version
        assert len(events.event_history(timeline[0]["id"], session=s)) == 1
    code, out, _ = _cli(db, tmp_path, capsys, "show", number)
    assert "Løftet videre" in out and "AR-2026-12" in out

    # Refused with a message, nothing changed.
    for args, expected in [
        (["--stage", "hoyesterett", "--date", "2026-09-01"], "ukjent trinn «hoyesterett»"),
        (["--stage", "local", "--date", "2026-07-01"], "trinnene følger etter hverandre"),
        (["--stage", "tjenestetvist"], "når ble saken løftet"),
        (["--stage", "central", "--outcome", "won"], "ukjent utfall «won»"),
        (["--stage", "central", "--date", "2026-04-01", "--outcome-date", "2026-03-01",
          "--outcome", "agreement"], "før trinnet begynte"),
    ]:  # fmt: skip
        code, _, err = _cli(db, tmp_path, capsys, "escalate", number, *args)
        assert code != 0 and expected in err, err
        assert "Traceback" not in err
    assert _show(db, tmp_path, capsys, number)["escalations"] == shown["escalations"]

    code, _, err = _cli(
        db, tmp_path, capsys, "escalate", number, "--stage", "arbeidsretten", "--remove"
    )
    assert code == 0, err
    after = _show(db, tmp_path, capsys, number)
    assert [x["stage"] for x in after["escalations"]] == ["central"]
    assert [e["occurred_on"] for e in after["events"] if e["kind"] == "escalation"] == [
        "2026-05-01"
    ]


def test_a_group_shares_its_decision_with_every_case_and_the_history_says_so(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    employer = make_employer(db)
    first = make_case(db, employer, title="Kontor Tromsø", decision_on=date(2026, 1, 10))
    second = make_case(
        db,
        employer,
        title="Kontor Bodø",
        decision_on=date(2026, 1, 20),
        implemented_on=date(2026, 4, 1),
    )
    alone = make_case(db, employer, title="Hjemmekontor", case_type="home_office_policy")
    code, out, err = _cli(
        db, tmp_path, capsys, "groups", "create", "Nytt kontorkonsept",
        "--decision-on", "2026-02-01", "--notice-on", "2026-01-05",
        "--case", first, "--case", second,
    )  # fmt: skip
    assert code == 0, err
    assert "G1" in out
    for number in (first, second):
        case = _show(db, tmp_path, capsys, number)["case"]
        assert (case["decision_on"], case["notice_on"]) == ("2026-02-01", "2026-01-05")
        assert case["group_id"] == 1

    code, out, err = _cli(
        db, tmp_path, capsys, "groups", "set", "nytt kontorkonsept", "--decision-on", "2026-03-01"
    )
    assert code == 0, err
    assert f"sakene {first}, {second} er oppdatert" in out
    code, out, _ = _cli(db, tmp_path, capsys, "history", second)
    assert "Beslutningsdato (fra gruppesaken)" in out and "01.03.2026" in out

    # A date one case cannot take (implemented before the decision) changes nothing at all.
    code, _, err = _cli(db, tmp_path, capsys, "groups", "set", "G1", "--decision-on", "2026-05-01")
    assert code != 0
    assert f"Sak {second}" in err and "ingenting er lagret" in err
    assert _show(db, tmp_path, capsys, first)["case"]["decision_on"] == "2026-03-01"
    code, out, _ = _cli(db, tmp_path, capsys, "groups", "show", "G1")
    assert "01.03.2026" in out

    code, out, _ = _cli(db, tmp_path, capsys, "cases", "--group", "G1", "--json")
    assert sorted(r["number"] for r in json.loads(out)["rows"]) == sorted([first, second])
    code, out, _ = _cli(db, tmp_path, capsys, "export", "--group", "Nytt kontorkonsept")
    assert sorted(c["id"] for c in json.loads(out)) == sorted([first, second])
    code, _, err = _cli(db, tmp_path, capsys, "cases", "--group", "Finnes ikke")
    assert code != 0 and "Fant ingen gruppesak" in err

    with db.session(readonly=True) as s:
        # Three cases, two decisions: the group's two cases count once.
        assert groups.count_decisions(session=s) == 2
        # The period as the report takes it: the group's cases were noticed 5 January.
        assert groups.count_decisions(session=s, until=date(2026, 1, 31)) == 1
        assert groups.count_decisions(session=s, since=date(2026, 2, 1)) == 1
        assert groups.distinct_decisions([None, 1, 1, None, 2]) == 4
    code, _, err = _cli(db, tmp_path, capsys, "groups", "remove", second)
    assert code == 0, err
    with db.session(readonly=True) as s:
        assert groups.count_decisions(session=s) == 3
        assert groups.group_case_numbers("G1", session=s) == [first]
    assert alone


def test_stages_and_groups_travel_in_bundles_and_merge_once(
    db: Database, other_db: Database
) -> None:
    employer = make_employer(db)
    numbers = [make_case(db, employer, title=f"Enhet {i}") for i in range(2)]
    with db.session() as s:
        from tillitsvalgt.shapes import CaseGroupCreate

        group = groups.create_group(
            CaseGroupCreate(name="Omorganisering 2026", decision_on=date(2026, 2, 1)), session=s
        )
        groups.add_cases(group.id, numbers, session=s)
        escalation.record_stage(
            numbers[0],
            escalation.StageInput(
                stage="central",
                started_on=date(2026, 5, 1),
                ended_on=date(2026, 6, 1),
                outcome="settled",
            ),
            session=s,
        )
    with db.session(readonly=True) as s:
        bundle = json.loads(json.dumps(export_bundle(session=s)))
    assert bundle[0]["escalations"][0]["outcome"] == "settled"
    assert bundle[0]["group"]["name"] == bundle[1]["group"]["name"] == "Omorganisering 2026"

    with other_db.session() as s:
        report = import_bundle(bundle, session=s, today=TODAY)
    assert (report.escalations_changed, report.groups_created) == (1, 1)
    with other_db.session(readonly=True) as s:
        [stage] = escalation.list_stages(report.created[0], session=s)
        assert (stage.stage, stage.outcome) == ("central", "settled")
        assert stage.event_id is not None  # tied to its timeline event, which came along
        assert len(groups.group_case_numbers("Omorganisering 2026", session=s)) == 2
        counts = escalation.escalation_counts(session=s)
        assert counts.by_stage_outcome == {("central", "settled"): 1}
        assert counts.cases_escalated == 1
        exported = json.loads(json.dumps(export_bundle(session=s)))
    assert exported == bundle

    with other_db.session() as s:
        again = import_bundle(bundle, session=s, today=TODAY)
    assert (again.escalations_changed, again.groups_created) == (0, 0)
    assert again.created == [] and again.updated == []


def test_a_bundle_with_a_bad_stage_is_refused_whole(db: Database) -> None:
    employer = {"name": "Nordkyst Sparebank", "orgnr": "952601814"}
    good = {"id": "A", "employer": employer, "case": {"type": "other", "title": "T"}}
    undated = {
        **good,
        "id": "B",
        "escalations": [{"stage": "central", "started_on": "2026-05-01", "outcome": "settled"}],
    }
    unknown = {
        **good,
        "id": "C",
        "escalations": [{"stage": "hoyesterett", "started_on": "2026-05-01"}],
    }
    with pytest.raises(ValidationError) as err, db.session() as s:
        import_bundle([good, undated, unknown], session=s, today=TODAY)
    text = str(err.value)
    assert "Sak nr. 2 (B) › Opptrapping › nr. 1" in text and "mangler dato" in text
    assert "Sak nr. 3 (C) › Opptrapping › nr. 1 › Trinn" in text
    with db.session(readonly=True) as s:
        assert groups.count_decisions(session=s) == 0


def test_a_stage_or_group_dated_far_ahead_cannot_win_every_merge(db: Database) -> None:
    employer = {"name": "Nordkyst Sparebank", "orgnr": "952601814"}
    item = {
        "id": "A",
        "employer": employer,
        "case": {"type": "other", "title": "T"},
        "escalations": [
            {"stage": "central", "started_on": "2026-05-01", "updated_at": "9999-01-01T00:00:00Z"}
        ],
        "group": {"name": "G", "updated_at": "9000-01-01T00:00:00+00:00"},
    }
    with pytest.raises(ValidationError) as err, db.session() as s:
        import_bundle([item], session=s, today=TODAY)
    assert str(err.value).count("fram i tid") == 2
