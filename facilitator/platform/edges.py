"""The machine's edges the app runs on, in one bundle: screens, sound, time and the screen saver.

`app.py` builds the real bundle; tests build one of fakes (a hand-moved clock,
fake screens, a bell that only records), so the same wiring runs in both.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from facilitator.core.timing.clock import Clock, ScaledClock, system_clock
from facilitator.platform.background import Background, InlineBackground
from facilitator.platform.keep_awake import FakeScreenKeeper, ScreenKeeper

if TYPE_CHECKING:
    from facilitator.core.sessions.record import WallClock
    from facilitator.platform.audio import BellPlayer
    from facilitator.platform.screens import ScreenProvider

ClockFactory = Callable[[float], Clock]
"""Gives the run clock for a rehearsal speed (1 in front of a room)."""


def real_clock(speed: float) -> Clock:
    """The system clock, sped up for a rehearsal."""
    base = system_clock()
    return base if speed == 1 else ScaledClock(base, speed)


@dataclass
class Platform:
    """The edges of the app that tests replace: screens, sound, time and the screen saver."""

    screens: ScreenProvider
    player: BellPlayer
    clock: ClockFactory = real_clock
    wall: WallClock = time.time
    """Seconds since the epoch: for crash records and the agenda, never for timing."""
    awake: ScreenKeeper = field(default_factory=FakeScreenKeeper)
    """Keeps the screen on during a session. The real one is given by `run_app`; anything
    else (tests, tools) gets a fake, so that no test reaches the desktop's real screen saver."""
    background: Background = field(default_factory=InlineBackground)
    """Where names are read and groups formed: `run_app` gives a worker thread; tests and
    tools get the work done at once, in their own thread."""
