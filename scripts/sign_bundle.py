"""Code signing for the Windows and macOS builds, used by ``scripts/build_bundle.py``.

Driven by environment variables that the bundle workflow fills from repository secrets; when
they are missing the build goes on unsigned and says so in one line (a notice in the GitHub
Actions summary). Nothing here runs on Linux: the .deb and .tar.gz are not signed (the
release lists their SHA-256 sums instead).

Windows (signtool, from the Windows SDK on the hosted runner):
    WINDOWS_CERTIFICATE_FILE       the code-signing certificate, a .pfx file (the workflow
                                   writes it from the base64 secret WINDOWS_CERTIFICATE)
    WINDOWS_CERTIFICATE_PASSWORD   its password
    SIGNTOOL                       signtool.exe (the workflow finds it); default: on PATH
    TIMESTAMP_URL                  RFC 3161 time-stamp server; default DigiCert's
  Signed: tillitsvalgt.exe and tillitsvalgt-gui.exe before they are zipped and packed, and
  the installer and its uninstaller (Inno Setup's SignTool). Not signed: the DLLs and Python
  modules PyInstaller collects (they carry their makers' signatures, if any).

macOS (codesign, notarytool and stapler from Xcode on the hosted runner):
    MACOS_SIGNING_IDENTITY         "Developer ID Application: … (TEAMID)", whose certificate
                                   the workflow imported into a temporary keychain
    APPLE_ID, APPLE_TEAM_ID, APPLE_APP_PASSWORD   notarization (an app-specific password)
  Signed: every Mach-O file and framework in Tillitsvalgt.app, inside out, then the app
  (hardened runtime, secure time stamp, packaging/macos/entitlements.plist), then the .dmg;
  the .dmg is notarized and the ticket stapled to it. Signed without the notarization
  secrets: Gatekeeper still warns at first start.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENTITLEMENTS = ROOT / "packaging" / "macos" / "entitlements.plist"
DEFAULT_TIMESTAMP_URL = "http://timestamp.digicert.com"
# The first four bytes of a Mach-O file (thin 32/64-bit either byte order, and universal).
MACHO_MAGIC = {
    bytes.fromhex(m) for m in ("feedface", "feedfacf", "cefaedfe", "cffaedfe", "cafebabe")
}


def skipped(what: str, missing: list[str]) -> str:
    """The one line that says a build is not signed and which secret would change that."""
    names = ", ".join(missing)
    line = f"{what} skipped: {names} not set (repository secrets); the build is not signed."
    if os.environ.get("GITHUB_ACTIONS") == "true":
        line = f"::notice title=Not signed::{line}"
    print(line, flush=True)
    return line


# ------------------------------------------------------------------------- Windows


@dataclass(frozen=True)
class WindowsSigning:
    signtool: str
    certificate: str
    password: str
    timestamp_url: str

    def sign_command(self, files: list[str]) -> list[str]:
        # SHA-256 file digest and an RFC 3161 time stamp: the signature outlives the certificate.
        return [
            self.signtool,
            "sign",
            "/f",
            self.certificate,
            "/p",
            self.password,
            "/fd",
            "sha256",
            "/tr",
            self.timestamp_url,
            "/td",
            "sha256",
            "/d",
            "Tillitsvalgt",
            *files,
        ]

    def inno_signtool(self) -> str:
        """Inno Setup's /S option: the tool it calls for the installer and the uninstaller
        ($f the file, $q a quote)."""
        command = self.sign_command(["$f"])
        quoted = [f"$q{part}$q" if " " in part else part for part in command]
        return "/Ssigntool=" + " ".join(quoted)


def windows_signing(env: Mapping[str, str]) -> WindowsSigning | None:
    missing = [
        name
        for name in ("WINDOWS_CERTIFICATE_FILE", "WINDOWS_CERTIFICATE_PASSWORD")
        if not env.get(name)
    ]
    if missing:
        skipped("Windows code signing", missing)
        return None
    return WindowsSigning(
        signtool=env.get("SIGNTOOL") or shutil.which("signtool") or "signtool",
        certificate=env["WINDOWS_CERTIFICATE_FILE"],
        password=env["WINDOWS_CERTIFICATE_PASSWORD"],
        timestamp_url=env.get("TIMESTAMP_URL") or DEFAULT_TIMESTAMP_URL,
    )


def sign_windows(signing: WindowsSigning, files: list[Path]) -> None:
    print(f"== signing {', '.join(f.name for f in files)}", flush=True)
    subprocess.run(signing.sign_command([str(f) for f in files]), check=True)
    verify_windows(signing, files)


def verify_windows(signing: WindowsSigning, files: list[Path]) -> None:
    subprocess.run([signing.signtool, "verify", "/pa", *[str(f) for f in files]], check=True)


# ------------------------------------------------------------------------- macOS


@dataclass(frozen=True)
class MacSigning:
    identity: str

    def codesign(self, path: Path, *, entitlements: bool) -> list[str]:
        # Hardened runtime and a secure time stamp: both required for notarization.
        command = ["codesign", "--force", "--timestamp", "--options", "runtime"]
        if entitlements:
            command += ["--entitlements", str(ENTITLEMENTS)]
        return [*command, "--sign", self.identity, str(path)]


@dataclass(frozen=True)
class Notary:
    apple_id: str
    team_id: str
    password: str

    def credentials(self) -> list[str]:
        return ["--apple-id", self.apple_id, "--team-id", self.team_id, "--password", self.password]

    def log(self, submission: str) -> list[str]:
        return ["xcrun", "notarytool", "log", submission, *self.credentials()]

    def submit(self, file: Path) -> list[str]:
        return [
            "xcrun",
            "notarytool",
            "submit",
            str(file),
            *self.credentials(),
            "--wait",
            "--timeout",
            "30m",
            "--output-format",
            "json",
        ]


def macos_signing(env: Mapping[str, str]) -> MacSigning | None:
    if not env.get("MACOS_SIGNING_IDENTITY"):
        skipped("macOS code signing and notarization", ["MACOS_SIGNING_IDENTITY"])
        return None
    return MacSigning(env["MACOS_SIGNING_IDENTITY"])


def notary(env: Mapping[str, str]) -> Notary | None:
    missing = [n for n in ("APPLE_ID", "APPLE_TEAM_ID", "APPLE_APP_PASSWORD") if not env.get(n)]
    if missing:
        skipped("macOS notarization", missing)
        return None
    return Notary(env["APPLE_ID"], env["APPLE_TEAM_ID"], env["APPLE_APP_PASSWORD"])


def is_macho(path: Path) -> bool:
    if path.is_symlink() or not path.is_file():
        return False
    with path.open("rb") as f:
        return f.read(4) in MACHO_MAGIC


def signing_order(app: Path) -> list[Path]:
    """What codesign must sign, innermost first: every Mach-O file and every framework
    bundle inside the app (a framework after the files in it), the app's own programs in
    Contents/MacOS last; the app itself is signed after these."""
    programs = app / "Contents" / "MacOS"
    inner = [
        p
        for p in app.rglob("*")
        if not p.is_symlink()
        and ((p.is_dir() and p.suffix == ".framework") or is_macho(p))
        and programs not in p.parents
    ]
    inner.sort(key=lambda p: (-len(p.parts), str(p)))
    return inner + sorted(p for p in programs.iterdir() if is_macho(p))


def sign_macos_app(signing: MacSigning, app: Path) -> None:
    order = signing_order(app)
    print(f"== signing {app.name} ({len(order)} files and frameworks inside)", flush=True)
    programs = app / "Contents" / "MacOS"
    for path in order:
        entitled = path.parent == programs
        subprocess.run(signing.codesign(path, entitlements=entitled), check=True)
    subprocess.run(signing.codesign(app, entitlements=True), check=True)
    verify = ["codesign", "--verify", "--deep", "--strict", "--verbose=2", str(app)]
    subprocess.run(verify, check=True)


def sign_and_notarize_dmg(signing: MacSigning, notary_: Notary | None, dmg: Path) -> None:
    print(f"== signing {dmg.name}", flush=True)
    subprocess.run(
        ["codesign", "--force", "--timestamp", "--sign", signing.identity, str(dmg)], check=True
    )
    if notary_ is None:
        return
    print(f"== notarizing {dmg.name} (Apple's service: minutes)", flush=True)
    done = subprocess.run(notary_.submit(dmg), check=True, capture_output=True, text=True)
    answer = json.loads(done.stdout)
    print(f"notarization: {answer.get('status')} (id {answer.get('id')})", flush=True)
    if answer.get("status") != "Accepted":
        # The log says which file Apple refused and why.
        subprocess.run(notary_.log(str(answer.get("id"))), check=False)
        raise SystemExit(f"notarization of {dmg.name} was not accepted: {answer.get('status')}")
    subprocess.run(["xcrun", "stapler", "staple", str(dmg)], check=True)
    subprocess.run(["xcrun", "stapler", "validate", str(dmg)], check=True)
    # Gatekeeper's own verdict on the downloaded .dmg.
    gatekeeper = ["spctl", "--assess", "--type", "open", "--context", "context:primary-signature"]
    subprocess.run([*gatekeeper, "-v", str(dmg)], check=True)
