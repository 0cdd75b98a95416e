"""``tillitsvalgt admin`` as a union office's administrator uses it: real roles on the real
server, the password typed at a hidden prompt and sent to PostgreSQL only as its SCRAM
verifier, and plain Norwegian refusals (SQLite, a user who may not do this)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner
from sqlalchemy.engine import make_url

from tillitsvalgt.cli import EXIT_USER_ERROR, cli

from conftest import PgServer, make_case, make_employer, run_cli

PASSWORD = "Tillit-Hemmelig-5521"


def scram_matches(verifier: str, password: str) -> bool:
    """Check a PostgreSQL SCRAM-SHA-256 verifier against a password (RFC 5802/7677)."""
    method, rest = verifier.split("$", 1)
    iterations_salt, keys = rest.split("$")
    iterations, salt = iterations_salt.split(":")
    stored_key, server_key = (base64.b64decode(k) for k in keys.split(":"))
    salted = hashlib.pbkdf2_hmac(
        "sha256", password.encode(), base64.b64decode(salt), int(iterations)
    )
    client_key = hmac.new(salted, b"Client Key", "sha256").digest()
    return (
        method == "SCRAM-SHA-256"
        and hashlib.sha256(client_key).digest() == stored_key
        and hmac.new(salted, b"Server Key", "sha256").digest() == server_key
    )


def files_holding(root: Path, needle: str) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file() and needle.encode() in p.read_bytes()]


class Setup:
    def __init__(self, pg: PgServer) -> None:
        self.pg = pg
        self.url = pg.migrated()
        self.roles: list[str] = []

    def role(self) -> str:
        name = f"tv_cli_{uuid.uuid4().hex[:10]}"
        self.roles.append(name)
        return name

    def as_role(self, role: str) -> str:
        return make_url(self.url).set(username=role).render_as_string(False)

    def close(self) -> None:
        self.pg.drop(self.url)
        with self.pg.admin.connect() as conn:
            for role in self.roles:
                conn.exec_driver_sql(f'DROP ROLE IF EXISTS "{role}"')


@pytest.fixture
def setup(pg_server: PgServer | None) -> Iterator[Setup]:
    if pg_server is None:
        pytest.skip("no PostgreSQL server configured (TILLITSVALGT_TEST_DATABASE_URL unset)")
    s = Setup(pg_server)
    yield s
    s.close()


def test_a_representative_is_made_with_a_hidden_password_stored_only_as_scram(
    setup: Setup, tmp_path: Path
) -> None:
    role = setup.role()
    data = tmp_path / "data"
    result = CliRunner().invoke(
        cli,
        [
            "--data-dir",
            str(data),
            "--database-url",
            setup.url,
            "admin",
            "create-representative",
            role,
            "--branch",
            "Nord",
        ],
        input=f"{PASSWORD}\n{PASSWORD}\n",
    )
    assert result.exit_code == 0, result.output
    assert f"«{role}» er opprettet" in result.output
    assert PASSWORD not in result.output  # the prompt does not echo it
    with setup.pg.admin.connect() as conn:
        stored = conn.execute(
            sa.text("SELECT rolpassword FROM pg_authid WHERE rolname = :r"), {"r": role}
        ).scalar_one()
    assert stored.startswith("SCRAM-SHA-256$") and PASSWORD not in stored
    assert scram_matches(stored, PASSWORD)
    assert not scram_matches(stored, PASSWORD + "x")  # the check is not vacuous
    assert files_holding(tmp_path, PASSWORD) == []

    # The new role logs in and works within its branch.
    code, _out, err = run_cli_as(setup, role, tmp_path)
    assert code == 0, err


def run_cli_as(setup: Setup, role: str, tmp_path: Path) -> tuple[int, str, str]:
    runner = CliRunner()
    result = runner.invoke(
        cli, ["--data-dir", str(tmp_path / "data"), "--database-url", setup.as_role(role), "cases"]
    )
    return result.exit_code, result.output, ""


def test_admin_commands_from_start_to_end(
    setup: Setup, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    nord, sor, office = setup.role(), setup.role(), setup.role()
    base = ["--data-dir", str(tmp_path / "data"), "--database-url", setup.url, "admin"]
    for args in (
        ["create-representative", nord, "--branch", "Nord", "--no-password"],
        ["create-representative", sor, "--branch", "Sør", "--no-password"],
        ["create-office", office, "--no-password"],
    ):
        code, out, err = run_cli(capsys, *base, *args)
        assert code == 0, err
    from tillitsvalgt.db import Database

    db = Database.open(database_url=setup.as_role(sor))
    try:
        number = make_case(db, make_employer(db))
    finally:
        db.dispose()

    code, out, err = run_cli(capsys, *base, "share", number, nord)
    assert code == 0 and f"Sak {number} er delt med «{nord}»" in out
    code, out, _ = run_cli(capsys, *base, "list")
    assert nord in out and "avdeling «Nord»" in out and "1 delte saker" in out
    assert office in out and "forbundskontoret" in out
    code, out, _ = run_cli(capsys, *base, "branches")
    assert "Nord" in out and "Sør" in out
    code, out, _ = run_cli(
        capsys, "--data-dir", str(tmp_path / "data"), "--database-url", setup.as_role(nord), "cases"
    )
    assert number in out
    code, out, err = run_cli(capsys, *base, "unshare", number, nord)
    assert code == 0, err
    code, out, err = run_cli(capsys, *base, "move", number, "Nord")
    assert code == 0 and "avdeling «Nord»" in out
    code, out, err = run_cli(capsys, *base, "revoke", sor, "--drop")
    assert code == 0 and "slettet" in out

    # A representative may not administer, and is told so plainly.
    as_nord = ["--data-dir", str(tmp_path / "data"), "--database-url", setup.as_role(nord)]
    code, out, err = run_cli(
        capsys,
        *as_nord,
        "admin",
        "create-representative",
        "tv_x",
        "--branch",
        "Nord",
        "--no-password",
    )
    assert code == EXIT_USER_ERROR and "CREATEROLE" in err and "Traceback" not in err
    code, out, err = run_cli(capsys, *as_nord, "admin", "share", number, office)
    assert code == EXIT_USER_ERROR and "Bare forbundskontoret" in err
    code, out, err = run_cli(capsys, *as_nord, "admin", "list")
    assert code == 0 and nord in out and office not in out  # their own line only


def test_admin_on_sqlite_says_it_is_for_postgresql(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for args in (
        ["list"],
        ["create-office", "kontoret", "--no-password"],
        ["share", "2026/1", "x"],
    ):
        code, _out, err = run_cli(capsys, "--data-dir", str(tmp_path / "data"), "admin", *args)
        assert code == EXIT_USER_ERROR
        assert "gjelder bare PostgreSQL" in err, err


def test_an_existing_role_is_reported_in_plain_norwegian(setup: Setup, tmp_path: Path) -> None:
    """Finding: «Brukeren «repa» er fantes fra før …»."""
    role = setup.role()
    args = ["--data-dir", str(tmp_path / "data"), "--database-url", setup.url, "admin"]
    first = CliRunner().invoke(
        cli, [*args, "create-representative", role, "--branch", "Nord", "--no-password"]
    )
    assert first.exit_code == 0, first.output
    again = CliRunner().invoke(
        cli, [*args, "create-representative", role, "--branch", "Nord", "--no-password"]
    )
    assert again.exit_code == 0, again.output
    assert f"Brukeren «{role}» fantes fra før og har fått tilgang" in again.output
    assert "er fantes" not in again.output
