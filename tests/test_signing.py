"""Code signing of the Windows and macOS builds (scripts/sign_bundle.py, the bundle workflow).

signtool, codesign and notarytool exist only on those systems, so here: without the secrets
the build says in one line that it is unsigned and which secret is missing; with them the
commands are the ones a release needs; the app is signed inside out; the workflow hands every
secret to the build and removes the certificate afterwards.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
WORKFLOW = REPO / ".github" / "workflows" / "bundle.yml"


def load_sign_bundle() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "sign_bundle", REPO / "scripts" / "sign_bundle.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("sign_bundle", module)
    spec.loader.exec_module(module)
    return module


sign = load_sign_bundle()


def test_without_the_certificate_windows_builds_unsigned_and_says_which_secret_is_missing(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    assert sign.windows_signing({"WINDOWS_CERTIFICATE_PASSWORD": "x"}) is None
    out = capsys.readouterr().out
    assert out.count("\n") == 1
    assert "Windows code signing skipped: WINDOWS_CERTIFICATE_FILE not set" in out
    assert "not signed" in out
    # On GitHub the line is a notice, so it shows in the run's summary.
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert sign.macos_signing({}) is None
    assert capsys.readouterr().out.startswith("::notice title=Not signed::macOS code signing")


def test_signed_but_not_notarized_names_the_three_notarization_secrets(
    capsys: pytest.CaptureFixture[str],
) -> None:
    env = {"MACOS_SIGNING_IDENTITY": "Developer ID Application: X (ABCDE12345)", "APPLE_ID": "a"}
    assert sign.macos_signing(env) is not None
    assert sign.notary(env) is None
    assert "APPLE_TEAM_ID, APPLE_APP_PASSWORD not set" in capsys.readouterr().out


def test_windows_signatures_use_sha256_and_a_time_stamp() -> None:
    signing = sign.windows_signing(
        {
            "WINDOWS_CERTIFICATE_FILE": r"C:\Users\runner\AppData\Local\Temp\codesign.pfx",
            "WINDOWS_CERTIFICATE_PASSWORD": "hemmelig",
            "SIGNTOOL": r"C:\Program Files (x86)\Windows Kits\10\bin\10.0.22621.0\x64\signtool.exe",
        }
    )
    assert signing is not None
    command = signing.sign_command(["a.exe", "b.exe"])
    joined = " ".join(command)
    assert "/fd sha256" in joined and "/td sha256" in joined
    assert "/tr " + sign.DEFAULT_TIMESTAMP_URL in joined
    assert command[-2:] == ["a.exe", "b.exe"]
    # Inno Setup's form: a path with spaces quoted with $q, the file as $f.
    inno = signing.inno_signtool()
    assert inno.startswith("/Ssigntool=$qC:\\Program Files (x86)")
    assert inno.endswith(" $f")
    iss = (REPO / "packaging" / "windows" / "tillitsvalgt.iss").read_text(encoding="utf-8")
    assert re.search(r"#ifdef Sign\s+(;.*\n\s*)*SignTool=signtool\s+SignedUninstaller=yes", iss)


def macho(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(bytes.fromhex("cffaedfe") + b"\0" * 60)
    return path


def test_the_app_is_signed_inside_out_and_only_its_mach_o_files(tmp_path: Path) -> None:
    app = tmp_path / "Tillitsvalgt.app"
    contents = app / "Contents"
    program = macho(contents / "MacOS" / "tillitsvalgt")
    gui = macho(contents / "MacOS" / "tillitsvalgt-gui")
    framework = contents / "Frameworks" / "PySide6" / "Qt" / "lib" / "QtCore.framework"
    qtcore = macho(framework / "Versions" / "A" / "QtCore")
    (framework / "QtCore").symlink_to("Versions/A/QtCore")  # a link is signed through its target
    extension = macho(contents / "Frameworks" / "lxml" / "etree.cpython-311-darwin.so")
    (contents / "Resources").mkdir()
    (contents / "Resources" / "base_library.zip").write_bytes(b"PK\x03\x04")
    (contents / "Info.plist").write_text("<plist/>", encoding="utf-8")

    order = sign.signing_order(app)
    assert set(order) == {program, gui, qtcore, framework, extension}
    assert order.index(qtcore) < order.index(framework)  # the framework after what is in it
    assert order[-2:] == [program, gui]  # the app's own programs last
    identity = sign.MacSigning("Developer ID Application: X (ABCDE12345)")
    entitled = identity.codesign(program, entitlements=True)
    assert entitled[:5] == ["codesign", "--force", "--timestamp", "--options", "runtime"]
    assert str(sign.ENTITLEMENTS) in entitled and sign.ENTITLEMENTS.is_file()
    assert "--entitlements" not in identity.codesign(qtcore, entitlements=False)


def test_notarization_waits_for_apples_answer_and_reads_it_as_json() -> None:
    notary = sign.Notary("rep@example.org", "ABCDE12345", "app-specific")
    command = notary.submit(Path("Tillitsvalgt-0.1.0-macos-arm64.dmg"))
    assert command[:3] == ["xcrun", "notarytool", "submit"]
    assert "--wait" in command and command[-2:] == ["--output-format", "json"]
    assert notary.log("abc")[:4] == ["xcrun", "notarytool", "log", "abc"]


def test_the_workflow_hands_every_secret_to_the_build_and_cleans_up() -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    steps = yaml.safe_load(text)["jobs"]["bundle"]["steps"]
    by_name = {step.get("name", ""): step for step in steps}
    build = by_name["Build (and sign where the secrets are set)"]
    for name in (
        "WINDOWS_CERTIFICATE_PASSWORD",
        "MACOS_SIGNING_IDENTITY",
        "APPLE_ID",
        "APPLE_TEAM_ID",
        "APPLE_APP_PASSWORD",
    ):
        assert build["env"][name] == "${{ secrets." + name + " }}"
    windows = by_name["Signing certificate (Windows)"]
    assert windows["env"]["WINDOWS_CERTIFICATE"] == "${{ secrets.WINDOWS_CERTIFICATE }}"
    assert "WINDOWS_CERTIFICATE_FILE=" in windows["run"] and "SIGNTOOL=" in windows["run"]
    mac = by_name["Signing certificate (macOS, a temporary keychain)"]
    assert set(mac["env"]) == {"MACOS_CERTIFICATE", "MACOS_CERTIFICATE_PASSWORD"}
    for step in (windows, mac):  # no secret: one notice, and the build goes on
        assert "::notice title=Not signed::" in step["run"] and "exit 0" in step["run"]
    cleanup = by_name["Remove the signing certificate"]
    assert cleanup["if"].startswith("always()")
    assert "codesign.pfx" in cleanup["run"] and "delete-keychain" in cleanup["run"]
    # Secrets only reach the steps that need them: never the job's env.
    assert "secrets." not in str(yaml.safe_load(text)["jobs"]["bundle"].get("env", {}))
