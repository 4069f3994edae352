"""The machine's own ways of keeping the screen on, chosen for the system the app runs on.

Linux and other Unix desktops: the freedesktop D-Bus service, and the X server's own screen
saver where Qt draws through X11; Windows: the thread's execution state; macOS: an IOKit
power assertion (keep_awake.py says how each is released, also after a crash).
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from facilitator.platform.keep_awake import CombinedScreenKeeper, ScreenKeeper

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtCore import QObject


class SystemScreenKeeper(CombinedScreenKeeper):
    """The machine's own ways of keeping the screen on, found when first asked."""

    def __init__(
        self,
        application_name: str,
        *,
        uses_x11: Callable[[], bool],
        parent: QObject | None = None,
    ) -> None:
        super().__init__([], parent)
        self._application_name = application_name
        self._uses_x11 = uses_x11
        self._found = False

    def _hold(self, reason: str) -> None:
        if not self._found:
            self._found = True
            for part in self._system_parts():
                self._adopt(part)
        super()._hold(reason)

    def _system_parts(self) -> list[ScreenKeeper]:
        """The keepers of this system (imported only now: start-up does not pay for them)."""
        from facilitator.platform import keep_awake_native as native

        if sys.platform == "win32":
            return [native.WindowsExecutionState()]
        if sys.platform == "darwin":
            return [native.MacPowerAssertion(self._application_name)]
        from facilitator.platform.keep_awake_dbus import FreedesktopScreenSaver

        parts: list[ScreenKeeper] = [FreedesktopScreenSaver(self._application_name)]
        if self._uses_x11():
            parts.append(native.XScreenSaverSuspension())
        return parts
