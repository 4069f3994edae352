"""What a run reports: its state, its events, and a status read at one instant.

The sequencer (sequencer.py) produces these; displays, the bells and the crash
record consume them. They are plain, immutable data.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from facilitator.core.timing.timeline import Segment
    from facilitator.core.workshop.structures import Moment


class RunState(StrEnum):
    """Where a run is in its life."""

    READY = "ready"
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"


class AdvanceMode(StrEnum):
    """Whether a step moves on by itself when its time is up."""

    AUTO = "auto"
    MANUAL = "manual"
    """The time runs on into visible overrun until the facilitator moves on."""


@dataclass(frozen=True)
class SegmentStarted:
    """A segment became the current one."""

    index: int
    visit: int


@dataclass(frozen=True)
class CueDue:
    """A cue should sound (or flash) now; `late` is how long after its moment."""

    cue: str
    moment: Moment
    index: int
    visit: int
    scheduled: float
    late: float


@dataclass(frozen=True)
class WarningDue:
    """The current segment reached its warning time before the end."""

    index: int
    visit: int


@dataclass(frozen=True)
class OverrunBegan:
    """A manually advanced segment ran out of time and now counts up."""

    index: int
    visit: int


@dataclass(frozen=True)
class Finished:
    """The last segment ended."""

    visit: int


@dataclass(frozen=True)
class StateChanged:
    """Something a display shows changed (state, position or time bookkeeping)."""

    state: RunState
    index: int


Event = SegmentStarted | CueDue | WarningDue | OverrunBegan | Finished | StateChanged
Listener = Callable[[Event], None]


@dataclass(frozen=True)
class UpcomingCue:
    """The next cue that time alone will ring, if nothing else happens first."""

    cue: str
    moment: Moment
    at: float
    """The clock time of its moment."""
    index: int


@dataclass(frozen=True)
class RunStatus:
    """Everything a display needs about a run, read at one instant."""

    state: RunState
    index: int
    segment: Segment | None
    remaining: float
    """Seconds left in the current segment; negative in overrun."""
    duration: float
    """The current segment's length including time added or removed."""
    total_remaining: float
    """Seconds left in the whole run (overrun counts as zero for the current segment)."""
    warning: bool
    overrun: bool
    mode: AdvanceMode

    @property
    def progress(self) -> float:
        """How much of the current segment has passed, from 0 to 1."""
        if self.duration <= 0:
            return 1.0
        return min(1.0, max(0.0, 1 - self.remaining / self.duration))
