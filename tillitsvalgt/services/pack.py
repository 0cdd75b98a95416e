"""The union office's pack: its legal catalogue, letter templates and union settings as one
versioned, checksummed file that representatives import.

A pack is a zip holding ``manifest.json`` (format, name, version, when made, the union's
name, and every file with its size and SHA-256), ``catalogue.toml`` and
``templates/<letter kind>.docx`` (nynorsk: ``<letter kind>.nn.docx``). Building checks the
catalogue and every template first, so the office cannot publish a pack that fails on the
representatives' machines; importing checks the same again, and every file against its
checksum, before anything is installed.
The pack is unpacked into its own folder under the data folder (``pakker/``), and the
settings then point at it (catalogue, templates, union name, pack version): letters from
then on record the pack's version with the catalogue's.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tillitsvalgt import paths, settings
from tillitsvalgt.errors import UserError
from tillitsvalgt.letters.checking import check_template
from tillitsvalgt.letters.kinds import KINDS
from tillitsvalgt.rules.catalogue import check_text

FORMAT = 1
MANIFEST = "manifest.json"
CATALOGUE = "catalogue.toml"
MAX_PACK_BYTES = 100 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
_VERSION = re.compile(r"^[0-9A-Za-z][0-9A-Za-z._-]{0,39}$")
_FOLDER = "pakker"


@dataclass(frozen=True)
class PackInfo:
    name: str
    version: str
    created: str
    union: str | None
    files: tuple[str, ...]
    sha256: str  # of the whole pack file, for the office to publish beside it

    @property
    def label(self) -> str:
        return f"{self.name} {self.version}"


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _check_version(version: str) -> None:
    if not _VERSION.match(version):
        raise UserError(
            f"Versjonen «{version}» kan ikke brukes; skriv den med bokstaver, tall, punktum og "
            "bindestrek, f.eks. 2027.1."
        )


def _check_catalogue(data: bytes, origin: str) -> None:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise UserError(f"{origin}: lovkatalogen er ikke en tekstfil i UTF-8.") from None
    problems = check_text(text)
    if problems:
        lines = "\n".join(f"  – {p}" for p in problems[:20])
        raise UserError(f"{origin}: lovkatalogen har feil:\n{lines}")


def _check_templates(templates: dict[str, bytes], origin: str) -> None:
    problems = []
    for name, data in sorted(templates.items()):
        kind = name.removesuffix(".nn")  # «<kind>.nn.docx» is the kind's nynorsk template
        if kind not in KINDS:
            problems.append(f"{name}.docx: det finnes ingen brevtype «{kind}»")
            continue
        result = check_template(data, kind)
        problems += [f"{name}.docx: {p}" for p in result.errors]
    if problems:
        raise UserError(f"{origin}: malene har feil:\n" + "\n".join(f"  – {p}" for p in problems))


def build_pack(
    *,
    name: str,
    version: str,
    catalogue: Path | None,
    templates: Path | None,
    union: str | None,
    now: datetime | None = None,
) -> tuple[bytes, PackInfo]:
    """The pack file's bytes, from the office's catalogue file and template folder."""
    _check_version(version)
    if not name.strip() or len(name) > 100:
        raise UserError("Pakken må ha et navn (høyst 100 tegn), f.eks. forbundets navn.")
    files: dict[str, bytes] = {}
    if catalogue is not None:
        data = _read(catalogue)
        _check_catalogue(data, str(catalogue))
        files[CATALOGUE] = data
    if templates is not None:
        if not templates.is_dir():
            raise UserError(f"Finner ikke malmappen {templates}.")
        found = {f.stem: _read(f) for f in sorted(templates.glob("*.docx"))}
        _check_templates(found, str(templates))
        files.update({f"templates/{k}.docx": v for k, v in found.items()})
    if not files and not union:
        raise UserError("Pakken er tom: gi --catalogue, --templates eller --union.")
    manifest = {
        "format": FORMAT,
        "name": name.strip(),
        "version": version,
        "created": (now or datetime.now(UTC)).isoformat(timespec="seconds"),
        "union": union,
        "files": [
            {"path": path, "size": len(data), "sha256": _sha(data)}
            for path, data in sorted(files.items())
        ],
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for path, data in [(MANIFEST, _manifest_bytes(manifest)), *sorted(files.items())]:
            info = zipfile.ZipInfo(path, date_time=(2000, 1, 1, 0, 0, 0))  # same bytes each time
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    pack = out.getvalue()
    return pack, _info(manifest, pack)


def _manifest_bytes(manifest: dict[str, Any]) -> bytes:
    return (json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()


def _read(file: Path) -> bytes:
    try:
        return file.expanduser().read_bytes()
    except OSError as exc:
        raise UserError(f"Kan ikke lese {file}: {exc.strerror}.") from None


def _info(manifest: dict[str, Any], pack: bytes) -> PackInfo:
    return PackInfo(
        name=str(manifest["name"]),
        version=str(manifest["version"]),
        created=str(manifest["created"]),
        union=manifest.get("union"),
        files=tuple(str(f["path"]) for f in manifest["files"]),
        sha256=_sha(pack),
    )


def _allowed(path: str) -> bool:
    if path == CATALOGUE:
        return True
    match = re.fullmatch(r"templates/([a-z_]{1,40})(\.nn)?\.docx", path)
    return match is not None


def read_pack(pack: bytes, origin: str) -> tuple[PackInfo, dict[str, bytes]]:
    """Check a pack whole: its manifest, every file's checksum, the catalogue and the
    templates. Nothing is written."""
    refused = f"{origin} kan ikke brukes som pakke fra forbundskontoret"
    if len(pack) > MAX_PACK_BYTES:
        raise UserError(f"{refused}: filen er over {MAX_PACK_BYTES // 2**20} MB.")
    try:
        archive = zipfile.ZipFile(io.BytesIO(pack))
    except zipfile.BadZipFile:
        raise UserError(f"{refused}: den er ikke en zip-fil.") from None
    with archive:
        infos = archive.infolist()
        if sum(i.file_size for i in infos) > MAX_UNPACKED_BYTES:
            raise UserError(f"{refused}: den pakker seg ut til over 200 MB.")
        names = [i.filename for i in infos]
        if MANIFEST not in names:
            raise UserError(f"{refused}: den mangler {MANIFEST}.")
        try:
            manifest = json.loads(archive.read(MANIFEST).decode("utf-8"))
            listed = {str(f["path"]): (int(f["size"]), str(f["sha256"])) for f in manifest["files"]}
            if manifest.get("format") != FORMAT:
                raise UserError(
                    f"{refused}: formatet {manifest.get('format')!r} er ukjent for denne "
                    "versjonen av programmet; oppdater programmet."
                )
            _check_version(str(manifest["version"]))
            str(manifest["name"])
        except UserError:
            raise
        except (ValueError, KeyError, TypeError):
            raise UserError(f"{refused}: {MANIFEST} er ødelagt.") from None
        extra = sorted(set(names) - set(listed) - {MANIFEST})
        if extra:
            raise UserError(f"{refused}: den har filer som ikke står i innholdslisten: {extra[:5]}")
        files: dict[str, bytes] = {}
        for path, (size, sha) in listed.items():
            if not _allowed(path):
                raise UserError(f"{refused}: filnavnet «{path[:80]}» er ikke tillatt.")
            if path not in names:
                raise UserError(f"{refused}: {path} mangler.")
            data = archive.read(path)
            if len(data) != size or _sha(data) != sha:
                raise UserError(
                    f"{refused}: {path} stemmer ikke med sjekksummen i innholdslisten; filen er "
                    "endret eller ødelagt. Hent pakken på nytt fra forbundskontoret."
                )
            files[path] = data
    if CATALOGUE in files:
        _check_catalogue(files[CATALOGUE], f"{origin} ({CATALOGUE})")
    templates = {Path(p).stem: d for p, d in files.items() if p.startswith("templates/")}
    _check_templates(templates, origin)
    union = manifest.get("union")
    if union is not None and (not isinstance(union, str) or len(union) > 200):
        raise UserError(f"{refused}: forbundets navn i {MANIFEST} er ugyldig.")
    return _info(manifest, pack), files


def install_pack(pack: bytes, origin: str, data_dir: str | os.PathLike[str] | None) -> PackInfo:
    """Check, unpack into the data folder and point the settings at it. A pack already
    installed (same checksum) is only pointed at again."""
    info, files = read_pack(pack, origin)
    root = paths.data_dir(data_dir) / _FOLDER
    target = root / f"{info.version}-{info.sha256[:12]}"
    if not target.exists():
        paths.ensure_private_dir(root)
        staging = Path(tempfile.mkdtemp(prefix=".pakke-", dir=root))
        try:
            for path, data in files.items():
                file = staging / path
                file.parent.mkdir(parents=True, exist_ok=True)
                file.write_bytes(data)
            (staging / MANIFEST).write_bytes(_manifest_bytes(_manifest_of(info, files)))
            os.replace(staging, target)  # whole or not at all
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    has_catalogue = CATALOGUE in files
    has_templates = any(p.startswith("templates/") for p in files)
    settings.save("catalogue", str(target / CATALOGUE) if has_catalogue else None, data_dir)
    settings.save("templates", str(target / "templates") if has_templates else None, data_dir)
    if info.union:
        settings.save("union", info.union, data_dir)
    settings.save("pack", info.label, data_dir)
    return info


def _manifest_of(info: PackInfo, files: dict[str, bytes]) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "name": info.name,
        "version": info.version,
        "created": info.created,
        "union": info.union,
        "files": [{"path": p, "size": len(d), "sha256": _sha(d)} for p, d in sorted(files.items())],
        "pack_sha256": info.sha256,
    }


def _version_key(version: str) -> tuple[tuple[int, int | str], ...]:
    """«2027.10» after «2027.9»: numbers compare as numbers, other parts as text."""
    parts = re.split(r"[._-]", version)
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in parts)


def _manifest_in(file: Path) -> dict[str, Any] | None:
    """The manifest of a pack file, or None for anything that is not one (a shared folder
    may hold other files)."""
    try:
        if file.stat().st_size > MAX_PACK_BYTES:
            return None
        with zipfile.ZipFile(file) as archive:
            info = archive.getinfo(MANIFEST)
            if info.file_size > 1024 * 1024:
                return None
            manifest = json.loads(archive.read(info).decode("utf-8"))
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
            return None
        if not _VERSION.match(str(manifest.get("version", ""))):
            return None
        return manifest
    except (OSError, KeyError, ValueError, zipfile.BadZipFile):
        return None


def newest_in(place: Path) -> tuple[Path, str] | None:
    """The newest pack at a place (a pack file, or a folder of them) and its label."""
    files = [place] if place.is_file() else sorted(place.glob("*.zip"))[:500]
    best: tuple[Path, dict[str, Any]] | None = None
    for file in files:
        manifest = _manifest_in(file)
        if manifest is None:
            continue
        if best is None or _version_key(str(manifest["version"])) > _version_key(
            str(best[1]["version"])
        ):
            best = (file, manifest)
    if best is None:
        return None
    return best[0], f"{best[1].get('name', '')} {best[1]['version']}".strip()


def newer_pack_notice(data_dir: str | os.PathLike[str] | None) -> str | None:
    """A line for the user when the configured place («pack_source») holds a newer pack
    than the one in use; None when there is nothing to say (or the place is unreachable:
    a shared folder that is offline is no error)."""
    found = newer_pack(data_dir)
    if found is None:
        return None
    file, label = found
    current = current_pack(data_dir)
    return (
        f"En nyere pakke fra forbundskontoret finnes: {label} (du bruker "
        f"{current or 'ingen'}). Ta den i bruk med «tillitsvalgt pack import {file}»."
    )


def newer_pack(data_dir: str | os.PathLike[str] | None) -> tuple[Path, str] | None:
    """The newer pack (its file and label) at the configured place, or None."""
    chosen = settings.load(data_dir)
    source = chosen.get("pack_source")
    if not source:
        return None
    try:
        found = newest_in(Path(source).expanduser())
    except OSError:
        return None
    if found is None:
        return None
    file, label = found
    current = chosen.get("pack")
    if current:
        current_version = current.rsplit(" ", 1)[-1]
        new_version = label.rsplit(" ", 1)[-1]
        if _version_key(new_version) <= _version_key(current_version):
            return None
    return file, label


def current_pack(data_dir: str | os.PathLike[str] | None) -> str | None:
    """The pack in use («Forbundet 2027.1»), or None."""
    value = settings.load(data_dir).get("pack")
    return str(value) if value else None


def catalogue_label(catalogue_version: str, data_dir: str | os.PathLike[str] | None) -> str:
    pack = current_pack(data_dir)
    return f"{catalogue_version} (pakke {pack})" if pack else catalogue_version
