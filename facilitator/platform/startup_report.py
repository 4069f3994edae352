"""For benchmarks/bench_startup.py only: report when every window shown at start has painted.

With FACILITATOR_REPORT_STARTUP=1 in the environment the app prints
`startup: painted <time.monotonic()>` once the console and the card have
painted. Without the variable nothing is installed.
"""

from __future__ import annotations

import os
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer

if TYPE_CHECKING:
    from collections.abc import Sequence

    from PySide6.QtWidgets import QWidget

STARTUP_REPORT_VARIABLE = "FACILITATOR_REPORT_STARTUP"


class PaintWatcher(QObject):
    """Prints the report once each watched widget has received its first paint event."""

    def __init__(self, widgets: Sequence[QWidget], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._waiting: list[QObject] = [widget for widget in widgets if widget.isVisible()]
        for widget in self._waiting:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and watched in self._waiting:
            self._waiting.remove(watched)
            watched.removeEventFilter(self)
            if not self._waiting:  # the last window is painting now; report once it is done
                QTimer.singleShot(0, _print_report)
        return False


def _print_report() -> None:
    print(f"startup: painted {time.monotonic():.6f}", flush=True)


def watch_startup_if_asked(widgets: Sequence[QWidget], parent: QObject) -> PaintWatcher | None:
    """Watch `widgets` (the console, the card's canvas) when the environment asks for it."""
    if os.environ.get(STARTUP_REPORT_VARIABLE) != "1":
        return None
    return PaintWatcher(widgets, parent)
