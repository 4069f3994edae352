"""Keeping the screen on while a session runs: no screen saver, no display sleep.

`ScreenKeeper` is what the app asks of the machine: hold the screen on for a reason, release
it. The real keeper (`SystemScreenKeeper`, keep_awake_system.py) asks each of the system's
own services it finds:

- Linux and other Unix desktops: the freedesktop idle-inhibition service on the session
  D-Bus (`org.freedesktop.ScreenSaver` Inhibit/UnInhibit, keep_awake_dbus.py), and where Qt
  draws through X11 the X server's own screen saver and DPMS timer, suspended with the
  MIT-SCREEN-SAVER extension (`XScreenSaverSuspend`, keep_awake_native.py). Neither changes
  the user's settings: `xset s off` would, and is not used.
- Windows: `SetThreadExecutionState(ES_CONTINUOUS | ES_DISPLAY_REQUIRED | ES_SYSTEM_REQUIRED)`.
- macOS: an IOKit power assertion, `PreventUserIdleDisplaySleep`.

Nothing stays held after a crash: the D-Bus service drops the hold of a client that leaves
the bus (the idle-inhibition specification), the X server restarts its timer when the client
that suspended it disconnects (Xss(3)), Windows keeps an execution state only for the thread
that set it, and macOS's power daemon drops the assertions of a process that has exited.

`FakeScreenKeeper` records what it was asked, and can be made to refuse, for tests.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class ScreenKeeper(QObject):
    """Holds the screen on (no screen saver, no display sleep) until released."""

    holding = Signal()
    """The system accepted the hold."""
    refused = Signal(str)
    """The system could not or would not hold the screen on: why, in plain words."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._wanted = False

    @property
    def wanted(self) -> bool:
        """Whether a hold was asked for and not released since."""
        return self._wanted

    def hold(self, reason: str) -> None:
        """Keep the screen on, for `reason` (shown by some systems); nothing if already held."""
        if not self._wanted:
            self._wanted = True
            self._hold(reason)

    def release(self) -> None:
        """Let the screen saver and display sleep work again; nothing if not held."""
        if self._wanted:
            self._wanted = False
            self._release()

    def _hold(self, reason: str) -> None:
        raise NotImplementedError

    def _release(self) -> None:
        raise NotImplementedError


class FakeScreenKeeper(ScreenKeeper):
    """Records every hold and release; `refuse_with` makes the next holds fail with that reason."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.calls: list[str] = []
        """"hold: <reason>" and "release", in order."""
        self.refuse_with = ""

    def _hold(self, reason: str) -> None:
        self.calls.append(f"hold: {reason}")
        if self.refuse_with:
            self.refused.emit(self.refuse_with)
        else:
            self.holding.emit()

    def _release(self) -> None:
        self.calls.append("release")


class CombinedScreenKeeper(ScreenKeeper):
    """Asks several keepers at once: holding if any one holds, refused only if all refuse."""

    def __init__(self, parts: list[ScreenKeeper], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._parts: list[ScreenKeeper] = []
        self._answers: dict[int, str | None] = {}
        """Per part of the current hold: None while it holds, the reason when it refused."""
        for part in parts:
            self._adopt(part)

    def _adopt(self, part: ScreenKeeper) -> None:
        index = len(self._parts)
        self._parts.append(part)
        part.setParent(self)
        part.holding.connect(lambda: self._answered(index, None))
        part.refused.connect(lambda reason: self._answered(index, reason))

    @property
    def parts(self) -> list[ScreenKeeper]:
        """The keepers asked, in order."""
        return list(self._parts)

    def _hold(self, reason: str) -> None:
        self._answers = {}
        if not self._parts:
            self.refused.emit(self.tr("this system offers no way to keep the screen on"))
            return
        for part in self._parts:
            part.hold(reason)

    def _release(self) -> None:
        for part in self._parts:
            part.release()

    def _answered(self, index: int, refusal: str | None) -> None:
        if not self.wanted or index in self._answers:
            return
        self._answers[index] = refusal
        if refusal is None and list(self._answers.values()).count(None) == 1:
            self.holding.emit()
        elif len(self._answers) == len(self._parts) and None not in self._answers.values():
            self.refused.emit("; ".join(r for r in self._answers.values() if r))
