"""Bokmål or nynorsk: the form a letter is written in — chosen per letter, else the
employer's, else the profile's, else bokmål — in the service (both backends), the command
line («letter --maalform»), the letter dialog's choice and the employer and profile
dialogs; the e-mail draft follows the letter. pytest-qt, offscreen, for the window."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tillitsvalgt.db import Database
from tillitsvalgt.errors import ValidationError
from tillitsvalgt.letters.render import docx_text
from tillitsvalgt.letters.templates import load_template
from tillitsvalgt.services import cases, employers
from tillitsvalgt.services.letters import LetterRequest, create_letter, preview_letter
from tillitsvalgt.services.mail import letter_email, letter_form_of
from tillitsvalgt.services.representatives import create_representative, update_representative
from tillitsvalgt.shapes import (
    CaseCreate,
    EmployerCreate,
    EmployerUpdate,
    RepresentativeCreate,
    RepresentativeUpdate,
)
from tillitsvalgt.validation import validate
from tillitsvalgt.workspace import Workspace
from ui.dialogs.employer_dialog import EmployerDialog
from ui.errors import CrashReporter
from ui.main_window import MainWindow
from ui.prompts import ScriptedPrompter

from conftest import make_case, make_employer, run_cli
from helpers.gui import make_window

DAY = date(2026, 12, 1)
NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


def _case(db: Database, **employer: Any) -> str:
    employer_id = make_employer(
        db,
        name="Bergen kommune",
        agreement="ks",
        sector="kommune",
        employees=900,
        orgnr=None,
        **employer,
    )
    return make_case(db, employer_id, notice_on=date(2026, 11, 2), decision_on=date(2027, 1, 15))


def _form(db: Database, number: str, request: LetterRequest) -> tuple[str, str]:
    with db.session(readonly=True) as s:
        letter = preview_letter(number, request, session=s, today=DAY)
    return letter.form, docx_text(letter.content)


# --------------------------------------------------------------------------- the service


def test_the_employer_default_is_stored_and_used_then_the_profile_then_bokmal(
    db: Database,
) -> None:
    """Stored on the employer (both backends) and read back; a letter without a choice
    follows it, the profile's where the employer has none, bokmål where neither has."""
    number = _case(db, letter_form="nynorsk")  # the word a user types is stored as nn
    with db.session() as s:
        rep = create_representative(
            RepresentativeCreate(name="Kari Nordmann", union_name="Delta", place="Bergen"),
            session=s,
        )
    with db.session(readonly=True) as s:
        employer = employers.list_employers(session=s)[0]
    assert employer.letter_form == "nn"
    request = LetterRequest("krav_om_drofting", dated=DAY)
    form, text = _form(db, number, request)
    assert form == "nn" and "Vi krev difor:" in text and "Med venleg helsing" in text
    # An explicit choice wins over the employer's.
    form, text = _form(db, number, LetterRequest("krav_om_drofting", dated=DAY, form="nb"))
    assert form == "nb" and "Vi krever derfor:" in text
    # No employer form: the profile's.
    with db.session() as s:
        employers.update_employer(
            employer.id, EmployerUpdate(version=employer.version, letter_form=None), session=s
        )
        update_representative(rep.id, RepresentativeUpdate(letter_form="nn"), session=s)
    assert _form(db, number, request)[0] == "nn"
    with db.session() as s:
        update_representative(rep.id, RepresentativeUpdate(letter_form=None), session=s)
    assert _form(db, number, request)[0] == "nb"
    # The employer's bokmål wins over the profile's nynorsk.
    with db.session() as s:
        update_representative(rep.id, RepresentativeUpdate(letter_form="nn"), session=s)
        current = employers.get_employer(employer.id, session=s)
        employers.update_employer(
            employer.id, EmployerUpdate(version=current.version, letter_form="nb"), session=s
        )
    assert _form(db, number, request)[0] == "nb"


def test_a_form_that_is_not_one_is_refused_with_the_reason(db: Database) -> None:
    with pytest.raises(ValidationError, match="ukjent målform «svensk»"):
        validate(EmployerCreate, {"name": "X", "letter_form": "svensk"})
    number = _case(db)
    with db.session(readonly=True) as s, pytest.raises(ValidationError, match="nb eller nn"):
        preview_letter(number, LetterRequest("purring", dated=DAY, form="da"), session=s, today=DAY)


def test_the_case_summary_follows_the_employers_form_and_is_nynorsk_throughout(
    db: Database,
) -> None:
    """Unchosen, the summary takes the nynorsk employer's form; its assessment, provisions
    and labels are nynorsk too, and bokmål is still there when chosen."""
    number = _case(db, letter_form="nn")
    form, text = _form(db, number, LetterRequest("saksoppsummering", dated=DAY))
    assert form == "nn"
    for said in ("Internt – ikkje til arbeidsgjevar", "Saka krev: ", "Gjeld her: ", "Tilsette"):
        assert said in text, said
    # The assessment's own sentence and a provision's summary, in nynorsk.
    assert "Det er ikkje registrert noko drøftingsmøte" in text, text
    assert "dei tillitsvalde" in text and "Rettsgrunnlag" in text
    words = set(re.findall(r"[^\W\d_]+", text.lower()))
    assert not words & BOKMAL_ONLY_WORDS, sorted(words & BOKMAL_ONLY_WORDS)
    form, text = _form(db, number, LetterRequest("saksoppsummering", dated=DAY, form="nb"))
    assert form == "nb" and "Saken krever: " in text and "Gjelder her: " in text
    with db.session() as s:
        made = create_letter(
            number, LetterRequest("saksoppsummering", dated=DAY, form="nn"), session=s, today=DAY
        )
    assert letter_form_of(made.content) == "nn"


def test_a_union_office_without_a_nynorsk_template_gets_the_builtin_one_with_a_warning(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "maler"
    folder.mkdir()
    (folder / "purring.docx").write_bytes(load_template("purring").data)
    loaded = load_template("purring", folder, "nn")
    assert loaded.origin == "innebygd" and "purring.nn.docx" in loaded.warnings[0]
    assert "Høyrer vi ikkje frå dykk" in docx_text(loaded.data)
    (folder / "purring.nn.docx").write_bytes(load_template("purring", None, "nn").data)
    assert load_template("purring", folder, "nn").origin == str(folder / "purring.nn.docx")


def test_the_email_draft_follows_the_letters_form(db: Database) -> None:
    number = _case(db, letter_form="nn")
    with db.session() as s:
        create_representative(
            RepresentativeCreate(name="Kari Nordmann", union_name="Delta", place="Bergen"),
            session=s,
        )
    with db.session() as s:
        letter = create_letter(
            number, LetterRequest("krav_om_drofting", dated=DAY), session=s, today=DAY
        )
        assert letter.document is not None
        assert letter_form_of(letter.content) == "nn"
        draft = letter_email(letter.document.id, session=s, now=NOW)
        assert "Med venleg helsing" in draft.body and "innan" in draft.body
        assert "Content-Language: nn-NO" in draft.message.decode()
        assert draft.subject.startswith("Krav om drøftingsmøte – ")
        bokmal = letter_email(letter.document.id, session=s, now=NOW, form="nb")
        assert "Med vennlig hilsen" in bokmal.body
    assert letter_form_of(b"not a docx") == "nb"


# --------------------------------------------------------------------------- the command line


def test_the_letter_command_names_nynorsk_and_writes_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "d"
    db = Database.open(data_dir=data)
    number = _case(db)
    with db.session() as s:
        create_representative(
            RepresentativeCreate(name="Kari Nordmann", union_name="Delta", place="Bergen"),
            session=s,
        )
    db.dispose()
    code, out, _ = run_cli(capsys, "letter", "--help")
    assert code == 0 and "--maalform" in out and "nynorsk" in out
    args = [
        "--data-dir",
        str(data),
        "letter",
        number,
        "--kind",
        "krav_om_drofting",
        "--date",
        DAY.isoformat(),
    ]
    target = tmp_path / "brev.docx"
    code, out, err = run_cli(capsys, *args, "--maalform", "nynorsk", "--out", str(target))
    assert code == 0, err
    assert "på nynorsk" in out
    text = docx_text(target.read_bytes())
    assert "Krav om drøftingsmøte" in text and "Vi krev difor:" in text
    assert letter_form_of(target.read_bytes()) == "nn"
    # «bokmål» (and «bokmal», for a keyboard without å) writes bokmål.
    code, out, err = run_cli(capsys, *args, "--maalform", "bokmal", "--out", str(target), "--force")
    assert (
        code == 0 and "på bokmål" in out and "Vi krever derfor:" in docx_text(target.read_bytes())
    )
    # A word that is no form: a message saying what to write, and nothing journaled.
    code, out, err = run_cli(
        capsys, *args, "--maalform", "nordnorsk", "--out", str(tmp_path / "x.docx")
    )
    assert code != 0 and "skriv nynorsk eller bokmål" in err
    assert not (tmp_path / "x.docx").exists()
    # The profile's form is the default where the employer has none.
    code, out, err = run_cli(
        capsys,
        "--data-dir",
        str(data),
        "profile",
        "--name",
        "Kari Nordmann",
        "--place",
        "Bergen",
        "--maalform",
        "nynorsk",
    )
    assert code == 0 and "Målform:   nynorsk" in out, (out, err)
    code, out, err = run_cli(capsys, *args, "--out", str(target), "--force")
    assert code == 0 and "på nynorsk" in out and letter_form_of(target.read_bytes()) == "nn"
    code, out, err = run_cli(capsys, "--data-dir", str(data), "profile", "--maalform", "svorsk")
    assert code == 1 and "skriv nynorsk eller bokmål" in err


def test_the_case_summary_in_nynorsk_is_written_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "d"
    db = Database.open(data_dir=data)
    number = _case(db)
    db.dispose()
    out = tmp_path / "sak.docx"
    code, _, err = run_cli(
        capsys,
        "--data-dir",
        str(data),
        "letter",
        number,
        "--kind",
        "saksoppsummering",
        "--maalform",
        "nn",
        "--out",
        str(out),
    )
    assert code == 0, err
    assert letter_form_of(out.read_bytes()) == "nn"
    assert "Saka krev: " in docx_text(out.read_bytes())


# --------------------------------------------------------------------------- the window


@pytest.fixture
def workspace(tmp_path: Path) -> Any:
    ws = Workspace.open(data_dir=tmp_path / "data", clock=lambda: DAY)
    with ws.db.session() as s:
        employer = employers.create_employer(
            EmployerCreate(
                name="Bergen kommune",
                employees=900,
                agreement="ks",
                sector="kommune",
                letter_form="nn",
            ),
            session=s,
        )
        cases.create_case(
            CaseCreate(
                title="Nytt landskap i 2. etasje",
                employer_id=employer.id,
                case_type="office_layout",
                notice_on=date(2026, 11, 2),
            ),
            session=s,
            today=DAY,
        )
        create_representative(
            RepresentativeCreate(name="Kari Nordmann", union_name="Delta", place="Bergen"),
            session=s,
        )
    yield ws
    ws.close()


def _window(qtbot: QtBot, workspace: Workspace, tmp_path: Path, prompter: Any) -> MainWindow:
    window = make_window(qtbot, workspace, tmp_path, prompter)
    window.table.selectRow(next(i for i, r in enumerate(window.model.rows) if r.number == "2026/1"))
    return window


def test_the_letter_dialog_offers_the_form_preset_from_the_employer(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    target = tmp_path / "brev.docx"
    prompter = ScriptedPrompter(paths=[target])
    window = _window(qtbot, workspace, tmp_path, prompter)
    window.new_letter("krav_om_drofting")
    dialog = window.letter_dialog
    assert dialog.letter_form.currentData() == "nn"  # Bergen kommune writes nynorsk
    qtbot.waitUntil(lambda: "Vi krev difor:" in dialog.preview.toPlainText(), timeout=5000)
    dialog.letter_form.setCurrentIndex(dialog.letter_form.findData("nb"))
    qtbot.waitUntil(lambda: "Vi krever derfor:" in dialog.preview.toPlainText(), timeout=5000)
    dialog.letter_form.setCurrentIndex(dialog.letter_form.findData("nn"))
    qtbot.waitUntil(lambda: "Vi krev difor:" in dialog.preview.toPlainText(), timeout=5000)
    qtbot.mouseClick(dialog.save_word, Qt.MouseButton.LeftButton)
    assert letter_form_of(target.read_bytes()) == "nn"
    assert "Med venleg helsing" in docx_text(target.read_bytes())
    # The case summary is written in both forms too: the choice stays open and nynorsk.
    dialog.kind.setCurrentIndex(dialog.kind.findData("saksoppsummering"))
    assert dialog.letter_form.currentData() == "nn" and dialog.letter_form.isEnabled()
    qtbot.waitUntil(lambda: "Saka krev:" in dialog.preview.toPlainText(), timeout=5000)
    dialog.letter_form.setCurrentIndex(dialog.letter_form.findData("nb"))
    qtbot.waitUntil(lambda: "Saken krever:" in dialog.preview.toPlainText(), timeout=5000)
    dialog.letter_form.setCurrentIndex(dialog.letter_form.findData("nn"))
    dialog.kind.setCurrentIndex(dialog.kind.findData("krav_om_informasjon"))
    assert dialog.letter_form.currentData() == "nn" and dialog.letter_form.isEnabled()
    dialog.grab().save(str(tmp_path / "dialog.png"))
    dialog.reject()


def test_the_employer_dialog_stores_the_letters_form(qtbot: QtBot, workspace: Workspace) -> None:
    prompter = ScriptedPrompter()
    with workspace.db.session(readonly=True) as s:
        employer = employers.list_employers(session=s)[0]
    dialog = EmployerDialog(
        workspace,
        employer=employer,
        prompter=prompter,
        crashes=CrashReporter(prompter, enabled=False),
    )
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.letter_form.currentData() == "nn"
    dialog.letter_form.setCurrentIndex(dialog.letter_form.findData("nb"))
    assert dialog.values()["letter_form"] == "nb"
    dialog.letter_form.setCurrentIndex(0)
    assert dialog.values()["letter_form"] is None  # back to the profile's form
    dialog.letter_form.setCurrentIndex(dialog.letter_form.findData("nb"))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    with workspace.db.session(readonly=True) as s:
        assert employers.get_employer(employer.id, session=s).letter_form == "nb"
    assert workspace.default_letter_form(1) == "nb"


def test_the_template_folder_check_knows_a_nynorsk_template_by_its_name(tmp_path: Path) -> None:
    from tillitsvalgt.onboarding import check_template_folder

    (tmp_path / "purring.nn.docx").write_bytes(load_template("purring", None, "nn").data)
    (tmp_path / "purring.se.docx").write_bytes(load_template("purring").data)
    checks = {c.file.name: c for c in check_template_folder(tmp_path)}
    assert checks["purring.nn.docx"].kind == "purring" and checks["purring.nn.docx"].ok
    assert checks["purring.se.docx"].kind is None


# The fields a union office's own template may print beside the built-in ones' (see
# docs/maler.md): in a nynorsk letter they are nynorsk too, the assessment's own words
# («vurdering.*») and the provisions' titles, summaries and reasons («hjemmel») included.
NYNORSK_FIELDS = (
    "emne",
    "brevtype",
    "fakta",
    "status",
    "hjemmel_avsnitt",
    "krav",
    "vent",
    "forbehold",
    "merknad",
    "svarfrist_ukedag",
    "svarfrist_forklaring",
    "sak.omtale",
    "mote.type",
    "mote.tittel",
    "mote.anmodning",
    "mote.dokument",
    "hendelser",
    "sak.type",
    "vurdering",
    "hjemmel",
    "dokumenter",
    "frister",
)
BOKMAL_ONLY_WORDS = {
    "ikke",
    "fra",
    "derfor",
    "innen",
    "senest",
    "mulig",
    "endringen",
    "saken",
    "arbeidsgiver",
    "tillitsvalgte",
    "mandag",
    "tirsdag",
    "lørdag",
    "søndag",
    "dager",
    "beslutningen",
    "ble",
    "hjemmekontor",
    "hovedavtalen",
}


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    return []  # a missing field


def test_every_field_a_template_may_print_is_nynorsk_in_a_nynorsk_letter(db: Database) -> None:

    from tillitsvalgt.letters.kinds import KINDS
    from tillitsvalgt.services import events
    from tillitsvalgt.shapes import EventCreate

    number = _case(db, letter_form="nn")
    with db.session() as s:
        create_representative(
            RepresentativeCreate(name="Kari Nordmann", union_name="Delta", place="Bergen"),
            session=s,
        )
        events.add_event(
            number,
            EventCreate(kind="consultation_meeting", occurred_on=date(2026, 11, 20)),
            session=s,
        )
        events.add_event(
            number,
            EventCreate(
                kind="letter_sent",
                occurred_on=date(2026, 11, 21),
                letter_kind="krav_om_informasjon",
                reply_by=date(2026, 11, 30),
            ),
            session=s,
        )
    seen = 0
    for kind in KINDS:
        with db.session(readonly=True) as s:
            try:
                letter = preview_letter(
                    number, LetterRequest(kind, dated=DAY), session=s, today=DAY
                )
            except Exception as exc:  # refused on these facts
                assert "lages ikke" in str(exc), (kind, exc)
                continue
        assert letter.form == "nn"
        values = letter.context.values
        for name in NYNORSK_FIELDS:
            head, _, child = name.partition(".")
            value = values.get(head)
            if child and isinstance(value, dict):
                value = value.get(child)
            for text in _strings(value):
                words = set(re.findall(r"[^\W\d_]+", text.lower()))
                assert not words & BOKMAL_ONLY_WORDS, (kind, name, text)
                seen += 1
    assert seen > 50
