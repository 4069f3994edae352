"""A picture of one monitor of an X display, as the room sees it, from outside the app.

    DISPLAY=:95 python -m tests.screen_grab MONITOR OUT.png

Qt sees each RandR monitor as a screen (tools/virtual_display.py); this grabs the whole of
MONITOR, whatever windows are on it, and saves it as a PNG.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtGui import QGuiApplication


def main(monitor: str, out: str) -> int:
    """Grab `monitor` into `out`; 1 if there is no such monitor."""
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    application = QGuiApplication(sys.argv[:1])
    screen = next((s for s in application.screens() if s.name() == monitor), None)
    if screen is None:
        print(f"no monitor {monitor!r}: {[s.name() for s in application.screens()]}")
        return 1
    return 0 if screen.grabWindow(0).save(out) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
