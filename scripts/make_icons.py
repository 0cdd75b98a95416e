"""Make the app's icons from the one SVG source, resources/icons/tillitsvalgt.svg.

    .venv/bin/python scripts/make_icons.py

Qt's own SVG renderer (PySide6.QtSvg, already a dependency) draws each size; Pillow (already
installed with matplotlib) writes the Windows .ico and the macOS .icns from those drawings,
so every size is drawn sharp rather than scaled down from one bitmap. Writes:
  resources/icons/tillitsvalgt.png        256 px, the window icon (ships in the wheel)
  packaging/icons/hicolor/NxN/apps/...png  the Linux desktop's sizes
  packaging/icons/tillitsvalgt.ico         16-256 px
  packaging/icons/tillitsvalgt.icns        16-1024 px
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resources" / "icons" / "tillitsvalgt.svg"
APP_ID = "no.tillitsvalgt.Tillitsvalgt"
HICOLOR = (16, 24, 32, 48, 64, 128, 256, 512)
ICO = (16, 24, 32, 48, 64, 128, 256)
ICNS = (16, 32, 64, 128, 256, 512, 1024)


def render(renderer: QSvgRenderer, size: int) -> Image.Image:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(data.data()))).convert("RGBA")


def main() -> int:
    QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        print(f"{SOURCE} kan ikke leses som SVG", file=sys.stderr)
        return 1
    drawn = {size: render(renderer, size) for size in sorted({*HICOLOR, *ICO, *ICNS})}
    out = ROOT / "packaging" / "icons"
    drawn[256].save(ROOT / "resources" / "icons" / "tillitsvalgt.png", optimize=True)
    for size in HICOLOR:
        folder = out / "hicolor" / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True, exist_ok=True)
        drawn[size].save(folder / f"{APP_ID}.png", optimize=True)
    largest = drawn[max(ICO)]
    largest.save(
        out / "tillitsvalgt.ico",
        sizes=[(s, s) for s in ICO],
        append_images=[drawn[s] for s in ICO if s != max(ICO)],
    )
    drawn[max(ICNS)].save(
        out / "tillitsvalgt.icns", append_images=[drawn[s] for s in ICNS if s != max(ICNS)]
    )
    print(f"Ikoner skrevet til {out} og resources/icons/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
