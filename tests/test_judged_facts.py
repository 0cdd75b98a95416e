"""A case keeps the employer facts it was judged on (issue 14): the employer register is
shared, and an edit of it — by a colleague of another branch, or anyone — never changes
another case's verdict silently. The assessment says when the register now differs, and the
case takes the register's facts only when asked to. On both databases."""

from __future__ import annotations

import pytest

from tillitsvalgt.db import Database
from tillitsvalgt.services import assessments, cases, employers
from tillitsvalgt.shapes import CaseUpdate, EmployerUpdate

from conftest import TODAY, make_case, make_employer, run_cli


def edit_employer(db: Database, employer_id: int, **values: object) -> None:
    with db.session() as s:
        current = employers.get_employer(employer_id, session=s)
        employers.update_employer(
            employer_id, EmployerUpdate.model_validate({"version": current.version, **values}),
            session=s,
        )  # fmt: skip


def judged(db: Database, number: str) -> assessments.CaseAssessment:
    with db.session() as s:
        return assessments.assess_case(number, session=s, today=TODAY, store=True)


def stored_levels(db: Database) -> dict[str, str]:
    with db.session(readonly=True) as s:
        return {
            n: a.required_level for _, n, _, a in assessments.assess_all(session=s, today=TODAY)
        }


def test_an_edit_of_the_register_does_not_change_a_cases_verdict(db: Database) -> None:
    employer = make_employer(db)  # 180 employees, the finance agreement
    number = make_case(db, employer)
    before = judged(db, number)
    assert before.register_differs == ()
    assert before.case.employer_employees == 180
    assert before.case.employer_agreement == "finans-finansforbundet"
    bulk_before = stored_levels(db)

    edit_employer(db, employer, employees=12, agreement="none", sector="kommune")
    after = judged(db, number)
    assert after.assessment == before.assessment
    assert stored_levels(db) == bulk_before  # the list's and the report's path too
    assert len(after.register_differs) == 3
    assert "12 ansatte" in after.register_differs[0] and "180" in after.register_differs[0]

    # A case registered now is judged on the register as it is now.
    newer = make_case(db, employer, title="Ny sak")
    assert judged(db, newer).register_differs == ()

    # The representative takes the register's facts on purpose.
    with db.session() as s:
        case = cases.get_case(number, session=s)
        adopted = cases.adopt_employer_facts(number, version=case.version, session=s)
    assert adopted.employer_employees == 12
    again = judged(db, number)
    assert again.register_differs == ()
    assert again.assessment.required_level != before.assessment.required_level


def test_a_case_moved_to_another_employer_takes_that_employers_facts(db: Database) -> None:
    first = make_employer(db)
    other = make_employer(db, name="Liten Bedrift AS", orgnr=None, employees=8, agreement="none")
    number = make_case(db, first)
    with db.session() as s:
        case = cases.get_case(number, session=s)
        moved = cases.update_case(
            number, CaseUpdate(version=case.version, employer_id=other), session=s
        )
    assert (moved.employer_employees, moved.employer_agreement) == (8, "none")
    assert judged(db, number).register_differs == ()


def test_the_command_line_shows_and_adopts_a_changed_register(
    db: Database, capsys: pytest.CaptureFixture[str], tmp_path: object
) -> None:
    employer = make_employer(db)
    number = make_case(db, employer)
    edit_employer(db, employer, employees=12)
    url = db.engine.url.render_as_string(hide_password=False)
    code, out, _ = run_cli(capsys, "--database-url", url, "assess", number)
    assert code == 0
    assert "Virksomhetsregisteret er endret siden saken ble vurdert" in out
    assert "12 ansatte" in out and "--use-register" in out
    code, out, _ = run_cli(capsys, "--database-url", url, "assess", number, "--use-register")
    assert code == 0 and "Virksomhetsregisteret er endret" not in out
    code, _, err = run_cli(capsys, "--database-url", url, "assess", "--use-register")
    assert code != 0 and "gjelder én sak" in err


def test_the_case_view_says_when_the_register_differs(sqlite_db: Database, qtbot: object) -> None:
    from tillitsvalgt.rules.catalogue import load_catalogue
    from tillitsvalgt.services.letters import LetterSetup
    from tillitsvalgt.workspace import Workspace
    from ui.views.case_view import AssessmentPanel

    employer = make_employer(sqlite_db)
    number = make_case(sqlite_db, employer)
    ws = Workspace(sqlite_db, catalogue=load_catalogue(), setup=LetterSetup(), clock=lambda: TODAY)
    assert ws.case_detail(number).register_differs == ()
    edit_employer(sqlite_db, employer, employees=12)
    detail = ws.case_detail(number)
    assert len(detail.register_differs) == 1
    panel = AssessmentPanel()
    qtbot.addWidget(panel)  # type: ignore[attr-defined]
    panel.show_detail(detail)
    shown = panel.text.toPlainText()
    assert "Virksomhetsregisteret er endret siden saken ble registrert" in shown
    assert "12 ansatte" in shown
