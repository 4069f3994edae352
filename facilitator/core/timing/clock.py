"""Clocks: the one the app runs on, and a fake one tests move by hand.

The sequencer never counts ticks; it compares deadlines with a monotonic clock that keeps
counting while a laptop sleeps, so a session resumed after closing the lid lands where the
room actually is. Each system has its own such clock (`system_clock`):

- Linux: `clock_gettime(CLOCK_BOOTTIME)`, which "is identical to CLOCK_MONOTONIC, except
  that it also includes any time that the system is suspended" (clock_gettime(2)).
- macOS: `clock_gettime(CLOCK_MONOTONIC)`, which on macOS "will continue to increment while
  the system is asleep" (Apple's clock_gettime(3)). Python's `time.monotonic()` reads
  mach_absolute_time() there, which stops during sleep (CLOCK_UPTIME_RAW), so it is not used.
- Windows: the interrupt time, `QueryInterruptTimePrecise` (Windows 10 and later), else
  `QueryInterruptTime` (Windows 7 and later), in units of 100 ns. Microsoft's "Interrupt
  Time" page: the unbiased count (QueryUnbiasedInterruptTime) only counts "time that the
  system is in the working state", so the biased one read here counts sleep and
  hibernation too. Not `time.monotonic()` (QueryPerformanceCounter), whose behaviour during
  sleep Microsoft's reference pages do not state.

Elsewhere, or when the system's call is missing, `time.monotonic()` is used.
"""

from __future__ import annotations

import ctypes
import sys
import time
from collections.abc import Callable
from typing import Any

from facilitator.core.timing.speed import check_speed

Clock = Callable[[], float]
"""A monotonic clock: seconds as a float, only differences are meaningful."""

INTERRUPT_TIME_UNITS_PER_SECOND = 10_000_000
"""Windows' interrupt time counts in units of 100 nanoseconds."""
WINDOWS_INTERRUPT_TIME_CALLS = ("QueryInterruptTimePrecise", "QueryInterruptTime")
"""The kernel32 calls that read the interrupt time (sleep included), best first."""


def system_clock(platform: str | None = None) -> Clock:
    """The monotonic clock of this system that keeps counting while the machine sleeps."""
    platform = sys.platform if platform is None else platform
    if platform.startswith("linux"):
        return _posix_clock("CLOCK_BOOTTIME") or time.monotonic
    if platform == "darwin":
        return _posix_clock("CLOCK_MONOTONIC") or time.monotonic
    if platform == "win32":
        return _windows_interrupt_clock(_load_kernel32()) or time.monotonic
    return time.monotonic


def _posix_clock(name: str) -> Clock | None:
    """A clock reading `clock_gettime(time.<name>)`, or None when this system lacks it."""
    clock_id = getattr(time, name, None)
    if clock_id is None or not hasattr(time, "clock_gettime"):
        return None
    try:
        time.clock_gettime(clock_id)
    except OSError:
        return None
    return lambda: time.clock_gettime(clock_id)


def _load_kernel32() -> Any:
    """Windows' kernel32 library (ctypes), or None where there is none."""
    loader = getattr(ctypes, "windll", None)
    if loader is None:
        return None
    try:
        return loader.kernel32
    except OSError:
        return None


def _windows_interrupt_clock(kernel32: Any) -> Clock | None:
    """A clock reading Windows' interrupt time through `kernel32`, or None without one."""
    if kernel32 is None:
        return None
    for name in WINDOWS_INTERRUPT_TIME_CALLS:
        query = getattr(kernel32, name, None)
        if query is not None:
            break
    else:
        return None

    def now() -> float:
        count = ctypes.c_ulonglong()
        query(ctypes.pointer(count))
        return count.value / INTERRUPT_TIME_UNITS_PER_SECOND

    return now


class FakeClock:
    """A clock that only moves when told to, for tests and rehearsals at any speed."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        """Move the clock forward (or backward, with a negative value)."""
        self.now += seconds


class ScaledClock:
    """A clock running `speed` times faster than `base`, for rehearsal runs."""

    def __init__(self, base: Clock, speed: float) -> None:
        self._base = base
        self._speed = check_speed(speed)
        self._origin = base()

    @property
    def speed(self) -> float:
        """How many run seconds pass per real second."""
        return self._speed

    def __call__(self) -> float:
        return self._origin + (self._base() - self._origin) * self._speed

    def real_seconds(self, run_seconds: float) -> float:
        """How many real seconds `run_seconds` of run time take."""
        return run_seconds / self._speed
