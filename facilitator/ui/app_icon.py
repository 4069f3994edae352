"""The app's icon, from the PNGs tools/make_icons.py renders (no SVG support needed)."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from facilitator.core.files.paths import asset_path

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def app_icon() -> QIcon:
    """Facilitator's icon at every size it was rendered in."""
    icon = QIcon()
    for size in ICON_SIZES:
        path = asset_path("icons", f"facilitator-{size}.png")
        if path.is_file():
            icon.addFile(str(path))
    return icon
