"""The window's translations: nynorsk and English beside the bokmål source.

    .venv/bin/python scripts/translations.py build    # .ts -> .qm (scripts/run, scripts/test)
    .venv/bin/python scripts/translations.py update   # new texts from ui/ into the .ts files
    .venv/bin/python scripts/translations.py check    # fails while a text is untranslated

The ``.ts`` files in ``resources/translations/`` are the source (edit them in
``pyside6-linguist`` or any editor); the ``.qm`` files Qt loads are built from them and not
kept in git. ``update`` keeps every translation whose source text is unchanged and marks new
texts unfinished; the test suite runs ``check`` on a fresh extraction, so a text added to the
window without its translations fails CI.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "resources" / "translations"
LANGUAGES = ("nn", "en")


def _tool(name: str) -> str:
    here = Path(sys.executable).with_name(name)
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6-Essentials (pip install -e .)")
    return found


def sources() -> list[str]:
    """Every file whose texts go through Qt's translation: the window and the vocabulary."""
    files = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))
    return [*files, "tillitsvalgt/vocabulary.py"]


def ts_file(language: str) -> Path:
    return FOLDER / f"tillitsvalgt_{language}.ts"


def update(folder: Path = FOLDER) -> None:
    for language in LANGUAGES:
        target = folder / ts_file(language).name
        subprocess.run(
            [
                _tool("pyside6-lupdate"),
                *sources(),
                "-no-obsolete",
                "-locations",
                "none",
                "-ts",
                str(target),
            ],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )


def build() -> list[Path]:
    built = []
    for language in LANGUAGES:
        source = ts_file(language)
        target = source.with_suffix(".qm")
        subprocess.run(
            [_tool("pyside6-lrelease"), "-silent", str(source), "-qm", str(target)],
            check=True,
        )
        built.append(target)
    return built


def untranslated(ts: Path) -> list[str]:
    """Source texts in ``ts`` without a finished translation."""
    root = ET.parse(ts).getroot()
    missing = []
    for message in root.iter("message"):
        translation = message.find("translation")
        if (
            translation is None
            or translation.get("type") in ("unfinished", "vanished", "obsolete")
            or not (translation.text or "").strip()
        ):
            missing.append(message.findtext("source") or "")
    return missing


def check() -> dict[str, list[str]]:
    """Extract the texts afresh into copies of the .ts files and list what is untranslated."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for language in LANGUAGES:
            shutil.copy(ts_file(language), folder / ts_file(language).name)
        update(folder)
        return {lang: untranslated(folder / ts_file(lang).name) for lang in LANGUAGES}


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "build"
    if command == "build":
        for path in build():
            print(f"built {path.relative_to(ROOT)}")
    elif command == "update":
        update()
        for language in LANGUAGES:
            print(f"{ts_file(language).name}: {len(untranslated(ts_file(language)))} to translate")
    elif command == "check":
        missing = check()
        for language, texts in missing.items():
            for text in texts:
                print(f"{language}: untranslated: {text!r}")
        return 1 if any(missing.values()) else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
