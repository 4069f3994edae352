"""When one update crosses several moments at once, which single cue sounds.

A laptop woken after sleeping, or a busy machine, can let the clock jump over
several boundaries and warnings in one update. The run lands where the time now
falls and rings at most one cue for the whole jump: the latest boundary crossed,
else the latest warning. Events of the segments passed on the way are dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from facilitator.core.timing.events import Event, OverrunBegan, WarningDue

if TYPE_CHECKING:
    from facilitator.core.workshop.structures import Moment


@dataclass
class CrossedCue:
    """A cue crossed during one update; only the most important one sounds."""

    at: float
    cue: str
    moment: Moment
    index: int
    boundary: bool
    """True for a segment boundary (or the end), False for a warning."""


def is_for_passed_segment(event: Event, landed: int) -> bool:
    """Whether `event` belongs to a segment the run passed on its way to `landed`."""
    return isinstance(event, WarningDue | OverrunBegan) and event.index != landed


def most_important(crossed: list[CrossedCue]) -> CrossedCue:
    """The latest boundary crossed, else the latest warning."""
    boundaries = [c for c in crossed if c.boundary]
    return max(boundaries or crossed, key=lambda c: c.at)
