"""The operating system's own calls that keep the screen on: X11, Windows and macOS.

Each is called through ctypes with fixed arguments (no data of the user's reaches them), and
each takes its library as an argument so that tests can hand it a stand-in that records.

- X11: `XScreenSaverSuspend(display, True)` on a display connection of our own; the X
  server suspends its screen saver and DPMS timers until `XScreenSaverSuspend(display, False)`
  or until that connection closes, also when the process dies (Xss(3)).
- Windows: `SetThreadExecutionState(ES_CONTINUOUS | ES_DISPLAY_REQUIRED | ES_SYSTEM_REQUIRED)`
  on the GUI thread, cleared with `ES_CONTINUOUS` alone; it lasts only as long as the thread.
  It keeps the display on and the system awake; Microsoft notes that it does not stop a
  screen saver (which Windows leaves off unless the user turns it on).
- macOS: `IOPMAssertionCreateWithName("PreventUserIdleDisplaySleep", on, name)`, released
  with `IOPMAssertionRelease`; the power daemon drops the assertions of a process that ended.
"""

from __future__ import annotations

import ctypes
import ctypes.util
from typing import TYPE_CHECKING, Any

from facilitator.platform.keep_awake import ScreenKeeper

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

# --- X11 ------------------------------------------------------------------------------------


def _load_x11() -> tuple[Any, Any]:
    """libX11 and libXss, or OSError when either is missing."""
    x11 = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")
    xss = ctypes.CDLL(ctypes.util.find_library("Xss") or "libXss.so.1")
    x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
    x11.XOpenDisplay.restype = ctypes.c_void_p
    x11.XFlush.argtypes = [ctypes.c_void_p]
    x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
    xss.XScreenSaverQueryExtension.argtypes = [
        ctypes.c_void_p,
        ctypes.POINTER(ctypes.c_int),
        ctypes.POINTER(ctypes.c_int),
    ]
    xss.XScreenSaverSuspend.argtypes = [ctypes.c_void_p, ctypes.c_int]
    xss.XScreenSaverSuspend.restype = None
    return x11, xss


class XScreenSaverSuspension(ScreenKeeper):
    """Suspends the X server's screen saver and DPMS timers through an X connection of its own."""

    def __init__(self, libraries: tuple[Any, Any] | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._libraries = libraries
        self._display: int | None = None

    def _hold(self, reason: str) -> None:
        try:
            x11, xss = self._libraries or _load_x11()
        except OSError:
            self.refused.emit(self.tr("the X screen saver library (libXss) is not installed"))
            return
        self._libraries = (x11, xss)
        display = x11.XOpenDisplay(None)
        if not display:
            self.refused.emit(self.tr("the X display could not be opened"))
            return
        event_base, error_base = ctypes.c_int(), ctypes.c_int()
        if not xss.XScreenSaverQueryExtension(
            display, ctypes.byref(event_base), ctypes.byref(error_base)
        ):
            x11.XCloseDisplay(display)
            self.refused.emit(self.tr("the X server has no screen saver extension"))
            return
        xss.XScreenSaverSuspend(display, 1)
        x11.XFlush(display)
        self._display = display
        self.holding.emit()

    def _release(self) -> None:
        if self._display is None or self._libraries is None:
            return
        x11, xss = self._libraries
        xss.XScreenSaverSuspend(self._display, 0)
        x11.XFlush(self._display)
        x11.XCloseDisplay(self._display)
        self._display = None


# --- Windows --------------------------------------------------------------------------------

ES_CONTINUOUS = 0x80000000
ES_SYSTEM_REQUIRED = 0x00000001
ES_DISPLAY_REQUIRED = 0x00000002


def _load_kernel32() -> Any:
    kernel32 = ctypes.WinDLL("kernel32")  # type: ignore[attr-defined]
    kernel32.SetThreadExecutionState.argtypes = [ctypes.c_uint32]
    kernel32.SetThreadExecutionState.restype = ctypes.c_uint32
    return kernel32


class WindowsExecutionState(ScreenKeeper):
    """Tells Windows that the display and the system are needed, until told otherwise."""

    def __init__(self, kernel32: Any = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._kernel32 = kernel32

    def _hold(self, reason: str) -> None:
        try:
            kernel32 = self._kernel32 or _load_kernel32()
        except (OSError, AttributeError):
            self.refused.emit(self.tr("Windows' power functions could not be loaded"))
            return
        self._kernel32 = kernel32
        wanted = ES_CONTINUOUS | ES_DISPLAY_REQUIRED | ES_SYSTEM_REQUIRED
        if kernel32.SetThreadExecutionState(wanted) == 0:
            self.refused.emit(self.tr("Windows did not accept the request"))
        else:
            self.holding.emit()

    def _release(self) -> None:
        if self._kernel32 is not None:
            self._kernel32.SetThreadExecutionState(ES_CONTINUOUS)


# --- macOS ----------------------------------------------------------------------------------

PREVENT_DISPLAY_SLEEP = b"PreventUserIdleDisplaySleep"
"""kIOPMAssertionTypePreventUserIdleDisplaySleep"""
ASSERTION_LEVEL_ON = 255
UTF8 = 0x08000100
"""kCFStringEncodingUTF8"""


def _load_iokit() -> tuple[Any, Any]:
    iokit = ctypes.CDLL(ctypes.util.find_library("IOKit") or "IOKit")
    foundation = ctypes.CDLL(ctypes.util.find_library("CoreFoundation") or "CoreFoundation")
    foundation.CFStringCreateWithCString.argtypes = [
        ctypes.c_void_p,
        ctypes.c_char_p,
        ctypes.c_uint32,
    ]
    foundation.CFStringCreateWithCString.restype = ctypes.c_void_p
    foundation.CFRelease.argtypes = [ctypes.c_void_p]
    iokit.IOPMAssertionCreateWithName.argtypes = [
        ctypes.c_void_p,
        ctypes.c_uint32,
        ctypes.c_void_p,
        ctypes.POINTER(ctypes.c_uint32),
    ]
    iokit.IOPMAssertionCreateWithName.restype = ctypes.c_int
    iokit.IOPMAssertionRelease.argtypes = [ctypes.c_uint32]
    iokit.IOPMAssertionRelease.restype = ctypes.c_int
    return iokit, foundation


class MacPowerAssertion(ScreenKeeper):
    """An IOKit assertion that the display must not sleep while the user is idle."""

    def __init__(
        self,
        application_name: str,
        libraries: tuple[Any, Any] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._application_name = application_name
        self._libraries = libraries
        self._assertion: int | None = None

    def _hold(self, reason: str) -> None:
        try:
            iokit, foundation = self._libraries or _load_iokit()
        except OSError:
            self.refused.emit(self.tr("the power management library could not be loaded"))
            return
        self._libraries = (iokit, foundation)
        kind = foundation.CFStringCreateWithCString(None, PREVENT_DISPLAY_SLEEP, UTF8)
        text = f"{self._application_name}: {reason}"[:128].encode("utf-8", "replace")
        name = foundation.CFStringCreateWithCString(None, text, UTF8)
        assertion = ctypes.c_uint32(0)
        try:
            result = iokit.IOPMAssertionCreateWithName(
                kind, ASSERTION_LEVEL_ON, name, ctypes.byref(assertion)
            )
        finally:
            foundation.CFRelease(name)
            foundation.CFRelease(kind)
        if result != 0:
            self.refused.emit(
                self.tr("macOS did not accept the request (error {code})").format(code=result)
            )
            return
        self._assertion = assertion.value
        self.holding.emit()

    def _release(self) -> None:
        if self._assertion is not None and self._libraries is not None:
            self._libraries[0].IOPMAssertionRelease(self._assertion)
        self._assertion = None
