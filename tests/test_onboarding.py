"""First start and the settings the desktop app changes (``tillitsvalgt.onboarding``): the
welcome until a profile exists, example cases only in an empty database, testing and
remembering another database without ever writing its password, the letters' settings
and the check of a template folder."""

from __future__ import annotations

import json
import os
import shutil
import stat
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from docx import Document

from tillitsvalgt import onboarding, settings
from tillitsvalgt.db import Database, resolve_location
from tillitsvalgt.errors import DatabaseError, StateError, UserError
from tillitsvalgt.letters.templates import builtin_path
from tillitsvalgt.shapes import RepresentativeCreate
from tillitsvalgt.workspace import Workspace

from conftest import PgServer, make_case, make_employer

TODAY = date(2026, 11, 20)
SECRET = "S3cret-pw"


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    ws = Workspace.open(data_dir=tmp_path / "data", clock=lambda: TODAY)
    yield ws
    ws.close()


def settings_text(data_dir: Path) -> str:
    return (data_dir / settings.SETTINGS_FILE).read_text("utf-8")


# --------------------------------------------------------------------------- first start


def test_a_welcome_is_needed_until_there_is_a_profile(workspace: Workspace, tmp_path: Path) -> None:
    assert onboarding.needs_welcome(workspace)
    workspace.save_profile(RepresentativeCreate(name="Kari Nordmann", place="Tromsø"))
    assert not onboarding.needs_welcome(workspace)
    again = Workspace.open(data_dir=tmp_path / "data")  # remembered in the settings
    try:
        assert not onboarding.needs_welcome(again)
        assert again.profile() is not None and again.profile().name == "Kari Nordmann"  # type: ignore[union-attr]
    finally:
        again.close()


def test_a_profile_that_points_nowhere_needs_a_welcome(tmp_path: Path) -> None:
    data = tmp_path / "data"
    settings.save("profile", "00000000-0000-0000-0000-000000000000", data)
    ws = Workspace.open(data_dir=data)
    try:
        assert onboarding.needs_welcome(ws)
    finally:
        ws.close()


def test_example_cases_go_only_into_an_empty_database(workspace: Workspace) -> None:
    assert onboarding.case_count(workspace) == 0
    summary = onboarding.fill_demo_data(workspace)
    count = onboarding.case_count(workspace)
    assert count >= 40
    assert summary.startswith("Eksempelsaker lagt inn:") and f"{count} nye saker" in summary
    with pytest.raises(StateError, match="allerede"):
        onboarding.fill_demo_data(workspace)
    assert onboarding.case_count(workspace) == count  # nothing mixed in


def test_example_cases_are_refused_beside_one_real_case(workspace: Workspace) -> None:
    make_case(workspace.db, make_employer(workspace.db), today=TODAY)
    with pytest.raises(StateError):
        onboarding.fill_demo_data(workspace)
    assert onboarding.case_count(workspace) == 1


def test_a_database_is_empty_only_without_any_case_in_the_bin_either(
    workspace: Workspace,
) -> None:
    assert onboarding.database_empty(workspace)
    number = make_case(workspace.db, make_employer(workspace.db), today=TODAY)
    assert not onboarding.database_empty(workspace)
    workspace.delete_case(number)
    # A case in the recycle bin is still the user's: examples would mix with it.
    assert not onboarding.database_empty(workspace)
    with pytest.raises(StateError, match="allerede 1 sak"):
        onboarding.fill_demo_data(workspace)


# --------------------------------------------------------------------------- testing a database


def test_a_new_sqlite_file_is_created_and_brought_up_to_date(tmp_path: Path) -> None:
    file = tmp_path / "annen mappe" / "saker.db"
    where = onboarding.test_database_url(onboarding.sqlite_file_url(file))
    assert where == str(file.resolve())
    assert file.is_file()
    db = Database.open(database_url=onboarding.sqlite_file_url(file), migrate=False)
    try:
        assert not db.needs_migration()  # a usable database, not just an empty file
    finally:
        db.dispose()
    # A plain path is a SQLite file too.
    assert onboarding.test_database_url(str(file)) == str(file.resolve())


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("mysql://kari@tjener/tv", "støttes ikke"),
        ("", "Oppgi en databasefil"),
        ("   ", "Oppgi en databasefil"),
        (f"postgresql://kari:{SECRET}@tjener:port/tv", "er ikke gyldig"),
        ("sqlite://", "må peke på en fil"),
    ],
)
def test_a_bad_address_is_explained_in_norwegian(url: str, expected: str) -> None:
    with pytest.raises(UserError) as caught:
        onboarding.test_database_url(url)
    assert expected in caught.value.message
    assert SECRET not in caught.value.message


def test_a_server_that_does_not_answer_is_explained_without_the_password() -> None:
    url = f"postgresql://kari:{SECRET}@127.0.0.1:1/tv?connect_timeout=3"
    with pytest.raises(DatabaseError) as caught:
        onboarding.test_database_url(url)
    assert "Får ikke kontakt med databasetjeneren" in caught.value.message
    assert SECRET not in caught.value.message and SECRET not in str(caught.value)


def test_a_file_that_is_not_a_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    file = tmp_path / "notater.db"
    file.write_text("handleliste", encoding="utf-8")
    with pytest.raises(DatabaseError, match="ikke en Tillitsvalgt-database"):
        onboarding.test_database_url(str(file))
    assert file.read_text(encoding="utf-8") == "handleliste"


def test_a_real_server_passes_the_test(pg_server: PgServer | None) -> None:
    if pg_server is None:
        pytest.skip("no PostgreSQL server configured (TILLITSVALGT_TEST_DATABASE_URL unset)")
    url = pg_server.create()
    try:
        where = onboarding.test_database_url(url)
        password = pg_server.url.password
        assert where.startswith("postgresql+psycopg://")
        assert not password or str(password) not in where
    finally:
        pg_server.drop(url)


# --------------------------------------------------------------------------- remembering it


def test_a_server_password_never_reaches_the_settings_file(tmp_path: Path) -> None:
    data = tmp_path / "data"
    settings.save("union", "Forbundet", data)
    url = f"postgresql://kari:{SECRET}@db.example.no:5432/tv?password={SECRET}&sslmode=require"
    assert onboarding.has_password(url)
    file = onboarding.save_database_choice(data, url)
    text = file.read_text("utf-8")
    assert SECRET not in text
    stored = json.loads(text)
    assert stored == {
        "union": "Forbundet",  # the other settings are kept
        "database": "postgresql+psycopg://kari@db.example.no:5432/tv?sslmode=require",
    }
    assert onboarding.configured_database_url(data) == stored["database"]
    assert not onboarding.has_password(stored["database"])
    if os.name == "posix":
        assert stat.S_IMODE(file.stat().st_mode) == 0o600
    assert not list(data.glob("*.tmp"))


def test_a_password_free_url_is_stored_as_given(tmp_path: Path) -> None:
    data = tmp_path / "data"
    onboarding.save_database_choice(data, "postgres://kari@db.example.no/tv")
    assert json.loads(settings_text(data))["database"] == (
        "postgresql+psycopg://kari@db.example.no/tv"
    )
    assert onboarding.describe_choice(onboarding.saved_database(data) or "") == (
        "postgresql+psycopg://kari@db.example.no/tv"
    )


def test_a_sqlite_choice_is_stored_as_its_path_and_can_be_forgotten(tmp_path: Path) -> None:
    data = tmp_path / "data"
    file = tmp_path / "rare? #%tegn" / "saker.db"
    onboarding.save_database_choice(data, onboarding.sqlite_file_url(file))
    assert json.loads(settings_text(data))["database"] == str(file.resolve())
    url = onboarding.configured_database_url(data)
    assert url is not None
    assert resolve_location(database_url=url).file == file.resolve()  # survives ? # %
    onboarding.save_database_choice(data, None)
    assert "database" not in json.loads(settings_text(data))
    assert onboarding.configured_database_url(data) is None


def test_an_invalid_address_is_not_stored(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with pytest.raises(DatabaseError):
        onboarding.save_database_choice(data, f"postgresql://kari:{SECRET}@h@x/tv")
    assert not (data / settings.SETTINGS_FILE).exists()


def test_without_password_leaves_other_parts_alone() -> None:
    assert onboarding.without_password("postgresql://kari:pw@h:6543/tv?sslmode=require") == (
        "postgresql+psycopg://kari@h:6543/tv?sslmode=require"
    )
    assert not onboarding.has_password("postgresql://kari@h/tv")
    assert not onboarding.has_password("/tmp/saker.db")
    assert not onboarding.has_password("ikke en adresse://")


# --------------------------------------------------------------------------- letters


def broken_template(path: Path) -> Path:
    doc = Document()
    doc.add_paragraph("Vi viser til saken.")
    doc.add_paragraph("Hilsen {{ avsender.nvan }}")
    doc.save(str(path))
    return path


def test_letter_settings_are_saved_and_used_at_once(workspace: Workspace, tmp_path: Path) -> None:
    folder = tmp_path / "maler"
    folder.mkdir()
    onboarding.save_letter_settings(workspace, union=" Forbundet ", templates=str(folder))
    assert onboarding.letter_settings(workspace) == onboarding.LetterSettings(
        "Forbundet", str(folder.resolve())
    )
    assert workspace.setup.union_name == "Forbundet"
    assert workspace.setup.template_folder == folder.resolve()
    onboarding.save_letter_settings(workspace, union="", templates="")
    assert onboarding.letter_settings(workspace) == onboarding.LetterSettings(None, None)
    assert workspace.setup.template_folder is None and workspace.setup.union_name is None


def test_a_missing_template_folder_is_refused_and_nothing_saved(
    workspace: Workspace, tmp_path: Path
) -> None:
    with pytest.raises(UserError, match="finnes ikke"):
        onboarding.save_letter_settings(
            workspace, union="Nytt navn", templates=str(tmp_path / "borte")
        )
    assert onboarding.letter_settings(workspace) == onboarding.LetterSettings(None, None)


def test_checking_a_template_folder(tmp_path: Path) -> None:
    folder = tmp_path / "maler"
    folder.mkdir()
    broken_template(folder / "purring.docx")
    shutil.copy(builtin_path("krav_om_drofting"), folder / "krav_om_drofting.docx")
    shutil.copy(builtin_path("protokoll"), folder / "gammel protokoll.docx")
    (folder / "~$purring.docx").write_bytes(b"Word's lock file")
    (folder / "notat.txt").write_text("ikke en mal", encoding="utf-8")
    checks = {c.file.name: c for c in onboarding.check_template_folder(folder)}
    assert set(checks) == {"purring.docx", "krav_om_drofting.docx", "gammel protokoll.docx"}
    purring = checks["purring.docx"]
    assert purring.kind == "purring" and not purring.ok
    assert any("avsender.nvan" in p and "avsender.navn" in p for p in purring.problems)
    assert checks["krav_om_drofting.docx"].ok and checks["krav_om_drofting.docx"].problems == ()
    unnamed = checks["gammel protokoll.docx"]
    assert unnamed.kind is None and any("ingen brevtype" in p for p in unnamed.problems)
    with pytest.raises(UserError, match="finnes ikke"):
        onboarding.check_template_folder(tmp_path / "borte")


def test_one_union_name_from_the_profile_in_the_window_and_the_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from conftest import run_cli

    data = tmp_path / "data"
    settings.save("union", "Gammelt navn", data)  # typed once in the old «Brev» tab
    workspace = Workspace.open(data_dir=data)
    try:
        workspace.save_profile(
            RepresentativeCreate(name="Kari Nordmann", place="Tromsø", union_name="Negotia")
        )
        assert workspace.setup.union_name == "Negotia"
        assert settings.load(data)["union"] == "Negotia"  # the report's cover reads it
        assert workspace.union_from_profile() == "Negotia"
    finally:
        workspace.close()
    code, _, err = run_cli(capsys, "--data-dir", str(data), "profile", "--union", "Parat")
    assert code == 0, err
    assert settings.load(data)["union"] == "Parat"
