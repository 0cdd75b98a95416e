"""The built-in catalogue's JSON twin (``catalogue.write_twin``, ``scripts/install_build.py``):
read at every start instead of parsing the TOML, it must give the very catalogue the TOML
gives, be used only while it was made from the TOML as it is now, and never be trusted
when it is damaged."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tillitsvalgt.errors import ValidationError
from tillitsvalgt.rules import catalogue
from tillitsvalgt.rules.catalogue import BUILTIN_ORIGIN, builtin_catalogue_from, write_twin
from tillitsvalgt.rules.types import Catalogue

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def toml(tmp_path: Path) -> Path:
    copy = tmp_path / "catalogue.toml"
    shutil.copyfile(catalogue.builtin_path(), copy)
    return copy


def from_toml(toml: Path) -> Catalogue:
    return catalogue.load_text(toml.read_text(encoding="utf-8"), BUILTIN_ORIGIN)


def test_the_twin_gives_the_catalogue_the_toml_gives(toml: Path, tmp_path: Path) -> None:
    twin = write_twin(toml, tmp_path / "built" / "catalogue.json")
    made = builtin_catalogue_from(toml, twin)
    assert made == from_toml(toml)
    # Its dates came back as dates (JSON has none of its own).
    assert any(a.valid_from is not None for a in made.agreements.values())


def test_the_twin_is_what_is_read(toml: Path, tmp_path: Path) -> None:
    """With the fingerprint intact, the twin's data is used (not the TOML parsed again):
    a name changed in the twin only shows."""
    twin = write_twin(toml, tmp_path / "catalogue.json")
    payload = json.loads(twin.read_text(encoding="utf-8"))
    payload["data"]["agreement"][0]["name"] = "Navnet fra tvillingen"
    twin.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
    names = {a.name for a in builtin_catalogue_from(toml, twin).agreements.values()}
    assert "Navnet fra tvillingen" in names


def test_a_twin_of_an_older_text_is_not_used(toml: Path, tmp_path: Path) -> None:
    twin = write_twin(toml, tmp_path / "catalogue.json")
    text = toml.read_text(encoding="utf-8")
    edited = text.replace('name = "Hovedavtalen KS"', 'name = "Hovedavtalen KS (ny)"', 1)
    assert edited != text
    toml.write_text(edited, encoding="utf-8")
    made = builtin_catalogue_from(toml, twin)
    assert made == from_toml(toml)
    assert "Hovedavtalen KS (ny)" in {a.name for a in made.agreements.values()}


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"\x00\xff not json",
        b"[1, 2, 3]",
        b'{"sha256": "0"}',
        b'{"data": {}}',
        b"[" * 100_000,
    ],
    ids=["empty", "garbage", "a list", "no data", "no fingerprint", "nested deep"],
)
def test_a_damaged_twin_is_passed_over(toml: Path, tmp_path: Path, damage: bytes) -> None:
    twin = tmp_path / "catalogue.json"
    twin.write_bytes(damage)
    assert builtin_catalogue_from(toml, twin) == from_toml(toml)


def test_a_twin_with_a_broken_date_or_wrong_data_is_passed_over(toml: Path, tmp_path: Path) -> None:
    twin = write_twin(toml, tmp_path / "catalogue.json")
    good = twin.read_text(encoding="utf-8")
    twin.write_text(good.replace('{"$date": "2023-01-01"}', '{"$date": "2023-13-45"}', 1))
    assert '"2023-13-45"' in twin.read_text(encoding="utf-8")
    assert builtin_catalogue_from(toml, twin) == from_toml(toml)
    # Data that fails the catalogue's own checks, or that TOML cannot even hold (null):
    # the TOML decides, not the twin.
    for key, value in (("code", "no-such-agreement"), ("name", None), ("valid_from", [])):
        payload = json.loads(good)
        payload["data"]["agreement"][0][key] = value
        twin.write_text(json.dumps(payload), encoding="utf-8")
        assert builtin_catalogue_from(toml, twin) == from_toml(toml), key
    payload = json.loads(good)
    payload["data"]["agreement"] = None
    twin.write_text(json.dumps(payload), encoding="utf-8")
    assert builtin_catalogue_from(toml, twin) == from_toml(toml)


def test_a_missing_twin_means_the_toml(toml: Path, tmp_path: Path) -> None:
    assert builtin_catalogue_from(toml, tmp_path / "none.json") == from_toml(toml)


def test_no_twin_is_made_of_a_broken_file(toml: Path, tmp_path: Path) -> None:
    toml.write_text(
        toml.read_text(encoding="utf-8").replace('name = "Hovedavtalen KS"', "name = ", 1),
        encoding="utf-8",
    )
    with pytest.raises(ValidationError):
        write_twin(toml, tmp_path / "catalogue.json")
    assert not (tmp_path / "catalogue.json").exists()


def test_the_install_script_builds_the_twin_the_app_reads(tmp_path: Path) -> None:
    """``scripts/install_build.py build`` writes the twin where the app looks for it, and
    the app's own built-in catalogue then equals the TOML's."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "install_build.py"), "build"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert catalogue.twin_path().is_file()
    assert builtin_catalogue_from(catalogue.builtin_path(), catalogue.twin_path()) == from_toml(
        catalogue.builtin_path()
    )


def test_reading_the_twin_loads_no_toml_parser(tmp_path: Path) -> None:
    """The twin is the start's way round tomllib (≈ 3 ms to import, 10–15 ms to parse):
    read from a twin, the catalogue loads neither."""
    twin = write_twin(None, tmp_path / "catalogue.json")
    code = (
        "import sys\nfrom pathlib import Path\n"
        "from tillitsvalgt.rules import catalogue\n"
        f"catalogue.builtin_catalogue_from(catalogue.builtin_path(), Path({str(twin)!r}))\n"
        "print('tomllib' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False"]
