"""A password given in a database URL is used for the connection and nowhere else: not in
the settings file, the log, a backup or anything the program prints. Tried through the
command line (``--database-url``, the environment, ``settings database``, a refused
connection, a crash written to the log) and through the onboarding service the desktop
app's settings use. Every file under the test's folder is searched afterwards.

(The ``keyring`` package is not in the app's environment; the password belongs in
PostgreSQL's own password file, ~/.pgpass, which the driver reads by itself.)"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from sqlalchemy.engine import make_url

from tillitsvalgt import onboarding, settings
from tillitsvalgt.cli import EXIT_BUG, EXIT_USER_ERROR
from tillitsvalgt.workspace import Workspace

from conftest import PgServer, make_employer, run_cli

SECRET = "Hemmelig:pw@7391/x"
FORMS = (SECRET, quote(SECRET, safe=""), "Hemmelig")  # as typed, as in a URL, any part


def with_password(url: str) -> str:
    return make_url(url).set(password=SECRET).render_as_string(hide_password=False)


def files_holding_the_secret(root: Path) -> list[str]:
    found = []
    for file in root.rglob("*"):
        if file.is_file():
            data = file.read_bytes()
            found += [f"{file}: {form}" for form in FORMS if form.encode() in data]
    return found


@pytest.fixture
def server_url(pg_server: PgServer | None) -> Iterator[str]:
    if pg_server is None:
        pytest.skip("no PostgreSQL server configured (TILLITSVALGT_TEST_DATABASE_URL unset)")
    url = pg_server.migrated()
    yield url
    pg_server.drop(url)


def test_the_search_finds_a_planted_password(tmp_path: Path) -> None:
    # The searches below are only worth something if they can find it.
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "x.json").write_text(f'{{"url": "{FORMS[1]}"}}')
    assert len(files_holding_the_secret(tmp_path)) == 2  # the escaped form, and its part


def test_the_command_line_never_writes_a_password_from_a_url(
    server_url: str,
    pg_server: PgServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data = tmp_path / "data"
    url = with_password(server_url)
    assert quote(SECRET, safe="") in url  # the URL does carry it
    printed: list[str] = []

    def cli(*args: str, expect: int = 0) -> None:
        code, out, err = run_cli(capsys, "--data-dir", str(data), *args)
        printed.extend([out, err])
        assert code == expect, err

    cli("--database-url", url, "cases")
    cli("--database-url", url, "overview")
    cli("--database-url", url, "backup", expect=EXIT_USER_ERROR)  # pg_dump's job
    cli("settings", "database", url)
    # Remembered without it (trust authentication lets the server in anyway).
    saved = settings.load(data)["database"]
    assert make_url(saved).password is None and make_url(saved).username == "postgres"
    cli("cases")
    monkeypatch.setenv("TILLITSVALGT_DATABASE_URL", url)
    cli("cases")
    monkeypatch.delenv("TILLITSVALGT_DATABASE_URL")
    # A server that does not answer: a message, with the password hidden.
    unreachable = f"postgresql://kari:{quote(SECRET, safe='')}@127.0.0.1:1/tv"
    cli("--database-url", unreachable, "cases", expect=EXIT_USER_ERROR)
    # A crash while connected: the traceback goes to the log.
    from tillitsvalgt.services import cases

    def boom(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("a bug while listing")

    with monkeypatch.context() as patched:
        patched.setattr(cases, "list_cases", boom)
        cli("--database-url", url, "cases", expect=EXIT_BUG)
    # A SQLite database beside the remembered server, backed up.
    cli("--database-url", f"sqlite:///{data / 'lokal.db'}", "backup")
    assert (data / "logs" / "tillitsvalgt.log").exists()
    assert list((data / "backups").glob("*.db"))
    assert settings.settings_file(data).exists()
    for text in printed:
        assert not any(form in text for form in FORMS), text
    assert files_holding_the_secret(tmp_path) == []


def test_the_settings_service_never_stores_a_password(server_url: str, tmp_path: Path) -> None:
    data = tmp_path / "data"
    url = with_password(server_url)
    assert onboarding.has_password(url)
    where = onboarding.test_database_url(url)
    assert "***" in where or SECRET not in where
    assert not any(form in where for form in FORMS)
    onboarding.save_database_choice(data, url)
    chosen = onboarding.configured_database_url(data)
    assert chosen is not None and make_url(chosen).password is None
    assert not any(form in onboarding.describe_choice(url) for form in FORMS)
    # The app opened from the remembered choice works without the password (trust here;
    # ~/.pgpass on a real server), and its profile and data stay in the database.
    ws = Workspace.open(data_dir=data, database_url=chosen)
    try:
        make_employer(ws.db)
    finally:
        ws.close()
    assert files_holding_the_secret(tmp_path) == []
    # A password in the query string is dropped too.
    query_url = make_url(server_url).update_query_dict({"password": SECRET})
    onboarding.save_database_choice(data, query_url.render_as_string(False))
    assert files_holding_the_secret(tmp_path) == []
