"""The app's icon at every size a desktop asks for, drawn by Qt from
``funnel_desktop/resources/icons/app.svg``: PNGs in the freedesktop ``hicolor`` layout, a
Windows ``.ico`` and a macOS ``.icns`` (both holding PNG images, as current systems read).

    python tools/app_icons.py OUT_FOLDER
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SVG = ROOT / "funnel_desktop" / "resources" / "icons" / "app.svg"
NAME = "funnel-desktop"
#: The freedesktop icon theme's sizes (and the largest macOS wants).
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
#: .icns element types holding a PNG of the given pixel size.
ICNS_TYPES = ((b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256),
              (b"ic09", 512), (b"ic10", 1024), (b"ic11", 32), (b"ic12", 64), (b"ic13", 256),
              (b"ic14", 512))


def _application() -> object:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.instance() or QGuiApplication(sys.argv[:1])


def png(size: int, svg: Path = SVG) -> bytes:
    """The icon drawn at ``size`` × ``size`` pixels, as PNG bytes."""
    _application()
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"app_icons: cannot read {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)


def ico(images: dict[int, bytes]) -> bytes:
    """A .ico file of PNG images (Windows Vista and later read them at every size)."""
    sizes = sorted(images)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = 6 + 16 * len(sizes)
    entries, blobs = b"", b""
    for size in sizes:
        blob = images[size]
        side = 0 if size >= 256 else size  # 0 means 256
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset)
        blobs += blob
        offset += len(blob)
    return header + entries + blobs


def icns(images: dict[int, bytes]) -> bytes:
    """A .icns file of PNG elements."""
    body = b""
    for kind, size in ICNS_TYPES:
        if size in images:
            body += kind + struct.pack(">I", 8 + len(images[size])) + images[size]
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def write_all(out: Path, svg: Path = SVG) -> dict[str, Path]:
    """Write ``hicolor/NxN/apps/funnel-desktop.png`` for every size, ``funnel-desktop.ico``
    and ``funnel-desktop.icns`` under ``out``; returns the main files by kind."""
    images = {size: png(size, svg) for size in sorted({*SIZES, *ICO_SIZES, 1024})}
    for size in SIZES:
        folder = out / "hicolor" / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{NAME}.png").write_bytes(images[size])
    scalable = out / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True, exist_ok=True)
    (scalable / f"{NAME}.svg").write_bytes(svg.read_bytes())
    (out / f"{NAME}.ico").write_bytes(ico({s: images[s] for s in ICO_SIZES}))
    (out / f"{NAME}.icns").write_bytes(icns(images))
    (out / f"{NAME}.png").write_bytes(images[512])
    return {"png": out / f"{NAME}.png", "ico": out / f"{NAME}.ico",
            "icns": out / f"{NAME}.icns", "hicolor": out / "hicolor"}


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    for kind, path in write_all(Path(sys.argv[1])).items():
        print(f"{kind}: {path}")
