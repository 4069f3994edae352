"""Clocks: the one the app runs on, and a fake one tests move by hand.

The sequencer never counts ticks; it compares deadlines with a monotonic clock.
On Linux the clock is CLOCK_BOOTTIME, which keeps counting while a laptop sleeps,
so a session resumed after closing the lid lands where the room actually is.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

Clock = Callable[[], float]
"""A monotonic clock: seconds as a float, only differences are meaningful."""

MIN_SPEED = 0.01
MAX_SPEED = 1000.0
"""A run goes from a hundredth of real time to a thousand times faster (a rehearsal)."""


def check_speed(speed: float) -> float:
    """`speed` when it is a finite number from MIN_SPEED to MAX_SPEED; ValueError otherwise."""
    if not (isinstance(speed, int | float) and math.isfinite(speed)):
        raise ValueError(f"the speed must be a number from {MIN_SPEED:g} to {MAX_SPEED:g}")
    if not MIN_SPEED <= speed <= MAX_SPEED:
        raise ValueError(
            f"the speed must be a number from {MIN_SPEED:g} to {MAX_SPEED:g}, got {speed:g}"
        )
    return float(speed)


def system_clock() -> Clock:
    """The best monotonic clock of this platform that keeps counting during sleep."""
    boottime = getattr(time, "CLOCK_BOOTTIME", None)
    if boottime is not None:
        try:
            time.clock_gettime(boottime)
        except OSError:
            return time.monotonic
        return lambda: time.clock_gettime(boottime)
    return time.monotonic


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
