"""Render the app's icon (assets/icons/facilitator.svg) to PNG sizes, a Windows .ico and a
macOS .icns.

    python tools/make_icons.py [--out FOLDER]     # default: assets/icons/

Qt draws the SVG (QSvgRenderer, from PySide6's QtSvg) into a QImage per size; the .ico and
.icns containers are written here in plain Python, holding PNG images (as Windows Vista and
later and macOS 10.7 and later read them). QtSvg is needed only here, at build time: the
running app loads the PNGs. Run it again after changing the SVG and commit the results.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path
from typing import TYPE_CHECKING

REPO = Path(__file__).resolve().parents[1]
ICONS = REPO / "assets" / "icons"
SOURCE = ICONS / "facilitator.svg"
NAME = "facilitator"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
"""The PNGs the app and the Linux desktop use (hicolor sizes)."""
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_TYPES = (
    ("icp4", 16),
    ("icp5", 32),
    ("icp6", 64),
    ("ic07", 128),
    ("ic08", 256),
    ("ic09", 512),
    ("ic10", 1024),
    ("ic11", 32),
    ("ic12", 64),
    ("ic13", 256),
    ("ic14", 512),
)
"""The .icns entries (type, pixels): 16 to 512 points, at 1x and 2x (Apple's icns types)."""

if TYPE_CHECKING:
    from collections.abc import Sequence


def render(size: int, source: Path = SOURCE) -> bytes:
    """The icon drawn at `size` x `size` pixels, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        raise SystemExit(f"{source} is not an SVG Qt can draw")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.convertToFormat(QImage.Format.Format_ARGB32).save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico(images: dict[int, bytes]) -> bytes:
    """A Windows .ico holding one PNG per size (ICONDIR, ICONDIRENTRYs, then the images)."""
    sizes = sorted(images)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries = b""
    for size in sizes:
        data = images[size]
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return header + entries + b"".join(images[size] for size in sizes)


def icns(images: dict[int, bytes]) -> bytes:
    """A macOS .icns: 'icns', its length, then (type, length, PNG) blocks."""
    blocks = b"".join(
        kind.encode("ascii") + struct.pack(">I", 8 + len(images[size])) + images[size]
        for kind, size in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", 8 + len(blocks)) + blocks


def make(out: Path, source: Path = SOURCE) -> list[Path]:
    """Write every PNG size, the .ico and the .icns into `out`; the files written."""
    from PySide6.QtGui import QGuiApplication

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    wanted = set(PNG_SIZES) | set(ICO_SIZES) | {size for _, size in ICNS_TYPES}
    images = {size: render(size, source) for size in sorted(wanted)}
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for size in PNG_SIZES:
        path = out / f"{NAME}-{size}.png"
        path.write_bytes(images[size])
        written.append(path)
    for path, data in (
        (out / f"{NAME}.ico", ico({size: images[size] for size in ICO_SIZES})),
        (out / f"{NAME}.icns", icns(images)),
    ):
        path.write_bytes(data)
        written.append(path)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    """Render the icon files."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ICONS, help="where to write (assets/icons)")
    options = parser.parse_args(argv)
    for path in make(options.out):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
