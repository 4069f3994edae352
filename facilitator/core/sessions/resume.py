"""What an interrupted session's record offers: resume it, look back at it, or start it again.

A record is read against the wall clock of now. Saved less than a run ago, it resumes
where the run stands now (the segment it lands in and the time left there). If the run
would have ended since, it is finished: there is nothing to resume, only its log to look
at. A record dated later than now cannot be trusted (the computer's clock was changed):
where it stands is unknown, so it can only be started again from the beginning.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from facilitator.core.timing.events import RunState
from facilitator.core.timing.sequencer import Sequencer

if TYPE_CHECKING:
    from facilitator.core.sessions.saved import SavedSession
    from facilitator.core.timing.timeline import Timeline

FUTURE_TOLERANCE_S = 120.0
"""A record this many seconds ahead of the wall clock is from the future (not a small skew)."""


class Standing(StrEnum):
    """What an interrupted session can still be."""

    RESUMABLE = "resumable"
    FINISHED = "finished"
    FROM_THE_FUTURE = "from-the-future"


@dataclass(frozen=True)
class ResumeOffer:
    """An interrupted session as it stands now, by the wall clock."""

    saved: SavedSession
    standing: Standing
    interrupted_at: float
    """When the record was last written (seconds since the epoch)."""
    ends_at: float | None
    """When the run ends or ended had it gone on (None while it was paused)."""
    landing_index: int | None = None
    """The segment it resumes in (RESUMABLE only)."""
    landing_remaining: float = 0.0
    """Run seconds left in that segment (negative in overrun)."""
    paused: bool = False


def assess(saved: SavedSession, timeline: Timeline, wall_now: float) -> ResumeOffer:
    """What `saved` offers now; ValueError (or KeyError, TypeError) if it does not fit."""
    if saved.saved_at > wall_now + FUTURE_TOLERANCE_S:
        return ResumeOffer(saved, Standing.FROM_THE_FUTURE, saved.saved_at, None)
    when_saved = Sequencer.from_record(timeline, _still, saved.sequencer, 0.0)
    paused = when_saved.state is RunState.PAUSED
    ends_at = None
    if when_saved.state is RunState.RUNNING:
        ends_at = saved.saved_at + when_saved.status().total_remaining / saved.spec.speed
    landed = Sequencer.from_record(timeline, _still, saved.sequencer, saved.elapsed(wall_now))
    finished = landed.state is RunState.FINISHED or (ends_at is not None and wall_now >= ends_at)
    if finished:
        return ResumeOffer(saved, Standing.FINISHED, saved.saved_at, ends_at)
    return ResumeOffer(
        saved,
        Standing.RESUMABLE,
        saved.saved_at,
        ends_at,
        landing_index=landed.index,
        landing_remaining=landed.remaining(),
        paused=paused,
    )


def _still() -> float:
    """A clock that stands still: the probes only read where the run stands."""
    return 0.0
