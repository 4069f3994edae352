"""A private desktop session for tests: a D-Bus session bus, a fake screen saver service,
and a way to read an X server's own screen saver from outside.

Nothing here touches the developer's own session: the bus is a `dbus-daemon --session` of
the test's own, and the X server is the test's own Xvfb (tools/virtual_display.py).
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import json
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from tests import audio_probe

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
T = TypeVar("T")


def wait_for(condition: Callable[[], T], what: str, timeout: float = 20.0) -> T:
    """Poll `condition` (another process is being watched: no Qt signal to wait on) until it
    gives something true, and return that; fail saying `what` was awaited after `timeout`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if value := condition():
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def skip_or_fail(reason: str) -> None:
    """Skip with `reason`, or fail when CI requires the real parts."""
    if audio_probe.real_parts_required():
        pytest.fail(f"{reason}, and {audio_probe.REQUIRE_REAL_PARTS}=1 requires it")
    pytest.skip(reason)


def require_dbus() -> None:
    """Skip (or fail in CI) without dbus-daemon or jeepney."""
    if shutil.which("dbus-daemon") is None:
        skip_or_fail("dbus-daemon is not installed (apt-get install dbus)")
    try:
        import jeepney  # noqa: F401
    except ImportError:
        skip_or_fail("jeepney is not installed (pip install -e '.[test]')")


@contextlib.contextmanager
def private_session_bus(folder: Path) -> Iterator[str]:
    """A session bus of the test's own; yields its address."""
    require_dbus()
    folder.mkdir(parents=True, exist_ok=True)
    process = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        cwd=folder,
    )
    try:
        assert process.stdout is not None
        address = process.stdout.readline().decode().strip()
        if not address:
            raise RuntimeError("dbus-daemon printed no address")
        yield address
    finally:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


@dataclass
class FakeScreenSaver:
    """The fake idle-inhibition service (tests/fake_screensaver.py) and what it recorded."""

    process: subprocess.Popen[bytes]
    log: Path

    def records(self) -> list[dict[str, Any]]:
        """Every call and departure so far, oldest first."""
        if not self.log.exists():
            return []
        return [json.loads(line) for line in self.log.read_text().splitlines() if line]

    def calls(self, name: str) -> list[dict[str, Any]]:
        """The calls of method `name`."""
        return [record for record in self.records() if record.get("call") == name]

    def wait_for(self, condition: Any, seconds: float = 10) -> list[dict[str, Any]]:
        """Wait until `condition(records)` holds; the records then (AssertionError if never)."""
        deadline = time.monotonic() + seconds
        while not condition(records := self.records()):
            if time.monotonic() > deadline:
                raise AssertionError(f"the fake screen saver never saw that: {records}")
            time.sleep(0.02)
        return records


@contextlib.contextmanager
def fake_screen_saver(
    address: str, folder: Path, *, refuse: bool = False
) -> Iterator[FakeScreenSaver]:
    """Run the fake service on the bus at `address` until the block ends."""
    log = folder / "screensaver.jsonl"
    command = [sys.executable, "-m", "tests.fake_screensaver", address, str(log)]
    process = subprocess.Popen(
        [*command, *(["--refuse"] if refuse else [])],
        stdout=subprocess.PIPE,
        cwd=REPO_ROOT,
    )
    try:
        assert process.stdout is not None
        if process.stdout.readline().strip() != b"ready":
            raise RuntimeError("the fake screen saver did not start")
        yield FakeScreenSaver(process, log)
    finally:
        process.kill()
        process.wait(timeout=10)


# --- the X server's own screen saver ----------------------------------------------------------


class _SaverInfo(ctypes.Structure):
    _fields_ = (
        ("window", ctypes.c_ulong),
        ("state", ctypes.c_int),
        ("kind", ctypes.c_int),
        ("til_or_since", ctypes.c_ulong),
        ("idle", ctypes.c_ulong),
        ("event_mask", ctypes.c_ulong),
    )


SCREEN_SAVER_ON = 1
"""XScreenSaverQueryInfo's state while the screen saver shows (ScreenSaverOn)."""


class XScreenSaverProbe:
    """Reads whether an X server's screen saver is showing (XScreenSaverQueryInfo)."""

    def __init__(self, display: str) -> None:
        self._x11 = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")
        self._xss = ctypes.CDLL(ctypes.util.find_library("Xss") or "libXss.so.1")
        self._x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
        self._x11.XOpenDisplay.restype = ctypes.c_void_p
        self._x11.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        self._x11.XDefaultRootWindow.restype = ctypes.c_ulong
        self._x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
        self._xss.XScreenSaverQueryInfo.argtypes = [
            ctypes.c_void_p,
            ctypes.c_ulong,
            ctypes.POINTER(_SaverInfo),
        ]
        self._display = self._x11.XOpenDisplay(display.encode())
        if not self._display:
            raise RuntimeError(f"cannot open {display}")

    def showing(self) -> bool:
        """Whether the screen saver is active now."""
        info = _SaverInfo()
        root = self._x11.XDefaultRootWindow(self._display)
        self._xss.XScreenSaverQueryInfo(self._display, root, ctypes.byref(info))
        return info.state == SCREEN_SAVER_ON

    def close(self) -> None:
        """Close the connection."""
        self._x11.XCloseDisplay(self._display)


def set_x_screen_saver(display: str, seconds: int) -> None:
    """Make that X server's own screen saver start after `seconds` idle (this server only)."""
    subprocess.run(["xset", "-display", display, "s", str(seconds), "0"], check=True, timeout=20)
    subprocess.run(["xset", "-display", display, "s", "reset"], check=True, timeout=20)


def x_screen_saver_timeout(display: str) -> int:
    """The timeout `xset q` reports for that X server, in seconds."""
    out = subprocess.run(
        ["xset", "-display", display, "q"], check=True, capture_output=True, text=True, timeout=20
    ).stdout
    line = next(line for line in out.splitlines() if "timeout:" in line)
    return int(line.split("timeout:")[1].split()[0])
