"""The union office's pack: built from a checked catalogue and templates, imported whole or
not at all (every file against its checksum), shown, and recorded on the letters."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import date
from pathlib import Path

import pytest

from tillitsvalgt import settings
from tillitsvalgt.errors import UserError
from tillitsvalgt.services import pack

from conftest import REPO, open_scenario_workspace, run_cli

CATALOGUE = REPO / "resources" / "catalogue.toml"
TEMPLATES = REPO / "resources" / "templates"


def _build(version: str = "2027.1") -> bytes:
    data, _ = pack.build_pack(
        name="Forbundet",
        version=version,
        catalogue=CATALOGUE,
        templates=TEMPLATES,
        union="Forbundet for test",
    )
    return data


def _rezip(data: bytes, change: dict[str, bytes | None]) -> bytes:
    """The pack with files replaced (or, for None, removed), its manifest untouched."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            if info.filename in change:
                continue
            dst.writestr(info, src.read(info))
        for name, content in change.items():
            if content is not None:
                dst.writestr(name, content)
    return out.getvalue()


def test_a_pack_is_the_same_bytes_each_time_and_lists_every_file_with_its_checksum() -> None:
    first, info = pack.build_pack(
        name="Forbundet", version="2027.1", catalogue=CATALOGUE, templates=TEMPLATES, union=None,
        now=None,
    )  # fmt: skip
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    assert manifest["version"] == "2027.1"
    assert {f["path"] for f in manifest["files"]} == {"catalogue.toml"} | {
        f"templates/{t.name}" for t in TEMPLATES.glob("*.docx")
    }
    assert len(info.sha256) == 64


def test_import_points_the_settings_at_the_pack_and_letters_record_its_version(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "pakke.zip"
    file.write_bytes(_build())
    data_dir = tmp_path / "data"
    ws = open_scenario_workspace(data_dir, date(2026, 11, 22))
    ws.close()
    code, out, err = run_cli(capsys, "--data-dir", str(data_dir), "pack", "import", str(file))
    assert code == 0, err
    assert "Forbundet 2027.1" in out
    chosen = settings.load(data_dir)
    assert chosen["pack"] == "Forbundet 2027.1"
    assert chosen["union"] == "Forbundet for test"
    assert Path(chosen["catalogue"]).read_bytes() == CATALOGUE.read_bytes()
    code, out, _ = run_cli(capsys, "--data-dir", str(data_dir), "pack", "show")
    assert "Pakke: Forbundet 2027.1" in out

    code, out, err = run_cli(
        capsys, "--data-dir", str(data_dir), "letter", "2026/3", "--kind", "krav_om_forhandling",
        "--date", "2026-11-02", "--out", str(tmp_path / "k.docx"),
    )  # fmt: skip
    assert code == 0, err
    code, out, _ = run_cli(capsys, "--data-dir", str(data_dir), "show", "2026/3", "--json")
    [letter] = [d for d in json.loads(out)["documents"] if d["kind"] == "krav_om_forhandling"]
    assert letter["catalogue_version"].endswith("(pakke Forbundet 2027.1)")
    # Importing it again changes nothing (the same folder is pointed at).
    code, _, err = run_cli(capsys, "--data-dir", str(data_dir), "pack", "import", str(file))
    assert code == 0, err
    assert len(list((data_dir / "pakker").iterdir())) == 1


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"catalogue.toml": b"version = 'falsk'\n"}, "stemmer ikke med sjekksummen"),
        ({"templates/purring.docx": None}, "templates/purring.docx mangler"),
        ({"../../utenfor.txt": b"x"}, "ikke står i innholdslisten"),
        ({"manifest.json": b"{"}, "manifest.json er ødelagt"),
        ({"manifest.json": None}, "mangler manifest.json"),
    ],
)
def test_a_damaged_pack_is_refused_and_nothing_changes(
    tmp_path: Path, change: dict[str, bytes | None], expected: str
) -> None:
    settings.save("union", "Før", tmp_path)
    before = settings.load(tmp_path)
    with pytest.raises(UserError) as err:
        pack.install_pack(_rezip(_build(), change), "pakke.zip", tmp_path)
    assert expected in str(err.value)
    assert settings.load(tmp_path) == before
    assert not (tmp_path / "pakker").exists() or not any((tmp_path / "pakker").iterdir())


def test_a_file_that_is_not_a_pack_and_a_broken_catalogue_are_refused(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="ikke en zip-fil"):
        pack.read_pack(b"hei", "x.zip")
    bad = tmp_path / "katalog.toml"
    bad.write_text("version = 1\n[[provision]]\nkey = \n", encoding="utf-8")
    with pytest.raises(UserError, match="lovkatalogen har feil"):
        pack.build_pack(name="F", version="1", catalogue=bad, templates=None, union=None)
    with pytest.raises(UserError, match="Versjonen"):
        pack.build_pack(name="F", version="../1", catalogue=None, templates=None, union="F")


def test_a_shared_folder_gives_the_newest_pack_and_a_notice_when_a_newer_one_comes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shared = tmp_path / "delt"
    shared.mkdir()
    (shared / "forbundet-2027.9.zip").write_bytes(_build("2027.9"))
    (shared / "notat.zip").write_bytes(b"ikke en pakke")  # other files are passed over
    (shared / "les-meg.txt").write_text("hei", encoding="utf-8")
    data_dir = tmp_path / "data"
    code, out, err = run_cli(capsys, "--data-dir", str(data_dir), "pack", "import", str(shared))
    assert code == 0, err
    assert "Forbundet 2027.9" in out
    assert pack.newer_pack_notice(data_dir) is None
    # 2027.10 is newer than 2027.9 (numbers compare as numbers).
    (shared / "forbundet-2027.10.zip").write_bytes(_build("2027.10"))
    notice = pack.newer_pack_notice(data_dir)
    assert notice is not None and "Forbundet 2027.10" in notice and "2027.9" in notice
    code, out, _ = run_cli(capsys, "--data-dir", str(data_dir), "pack", "show")
    assert "En nyere pakke" in out
    code, out, err = run_cli(capsys, "--data-dir", str(data_dir), "pack", "import", str(shared))
    assert code == 0, err
    assert pack.current_pack(data_dir) == "Forbundet 2027.10"
    assert pack.newer_pack_notice(data_dir) is None
    # A shared folder that is gone (offline) is no error.
    settings.save("pack_source", str(tmp_path / "borte"), data_dir)
    assert pack.newer_pack_notice(data_dir) is None
