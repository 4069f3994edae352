"""The sequencer: runs a timeline against an injected clock.

Remaining time is always `deadline - now`, never counted ticks, so a run does
not drift however irregularly `update()` is called. Each command and each
`update()` returns the events it caused and also hands them to subscribers.

Events fire once per visit of a segment: entering a segment (by time or by a
command) starts a visit. When the clock jumps over several moments at once (a
laptop woken after sleeping) the run lands where the time now falls and at most
one cue is due for the whole jump, never a replay of every bell missed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from facilitator.core.timing.crossings import CrossedCue, is_for_passed_segment, most_important
from facilitator.core.timing.events import (
    AdvanceMode,
    CueDue,
    Event,
    Finished,
    Listener,
    OverrunBegan,
    RunState,
    RunStatus,
    SegmentStarted,
    StateChanged,
    UpcomingCue,
    WarningDue,
)
from facilitator.core.timing.run_record import SequencerRecord, SequencerRecordJson
from facilitator.core.workshop.structures import NO_CUE, Moment

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from facilitator.core.timing.clock import Clock
    from facilitator.core.timing.timeline import Segment, Timeline

DEFAULT_TIME_STEP = 60.0


@dataclass
class _Visit:
    """Bookkeeping for the current visit of a segment."""

    number: int
    duration: float
    warned: bool = False
    overran: bool = False
    added: float = 0.0


@dataclass
class Sequencer:
    """Runs a timeline: start, pause, navigate, add time, and report what is due."""

    timeline: Timeline
    clock: Clock
    default_mode: AdvanceMode = AdvanceMode.AUTO
    step_modes: dict[int, AdvanceMode] = field(default_factory=dict)

    _state: RunState = RunState.READY
    _index: int = 0
    _deadline: float = 0.0
    _paused_remaining: float = 0.0
    _visit: _Visit = field(default_factory=lambda: _Visit(0, 0.0))
    _visits: int = 0
    _last_now: float = float("-inf")
    _listeners: list[Listener] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.timeline.segments:
            raise ValueError("a timeline needs at least one segment to run")

    # --- reading ---------------------------------------------------------------

    @property
    def state(self) -> RunState:
        """Whether the run is ready, running, paused or finished."""
        return self._state

    @property
    def index(self) -> int:
        """The index of the current segment (0 before the start)."""
        return self._index

    @property
    def segment(self) -> Segment:
        """The current segment (the first one before the start)."""
        return self.timeline.segments[self._index]

    def mode_of(self, step_index: int) -> AdvanceMode:
        """The advance mode of the step at `step_index`."""
        return self.step_modes.get(step_index, self.default_mode)

    def remaining(self) -> float:
        """Seconds left in the current segment; negative in overrun."""
        if self._state is RunState.RUNNING:
            return self._deadline - self._now()
        if self._state is RunState.PAUSED:
            return self._paused_remaining
        if self._state is RunState.FINISHED:
            return 0.0
        return float(self.segment.duration_seconds)

    def status(self) -> RunStatus:
        """A consistent picture of the run at this instant."""
        remaining = self.remaining()
        later = sum(s.duration_seconds for s in self.timeline.segments[self._index + 1 :])
        finished = self._state is RunState.FINISHED
        segment = None if finished else self.segment
        warning_at = segment.warning_seconds if segment else None
        duration = (
            self._visit.duration if self._state in _ACTIVE else float(self.segment.duration_seconds)
        )
        return RunStatus(
            state=self._state,
            index=self._index,
            segment=segment,
            remaining=remaining,
            duration=duration,
            total_remaining=0.0 if finished else max(0.0, remaining) + later,
            warning=bool(warning_at and 0 <= remaining <= warning_at and self._state in _ACTIVE),
            overrun=remaining < 0 and self._state in _ACTIVE,
            mode=self.mode_of(self.segment.step_index),
        )

    def seconds_until_next_moment(self) -> float | None:
        """Run seconds until the next warning, boundary or overrun; None when nothing is due."""
        if self._state is not RunState.RUNNING:
            return None
        remaining = self.remaining()
        warning = self.segment.warning_seconds
        if warning and not self._visit.warned and remaining > warning:
            return remaining - warning
        if remaining > 0:
            return remaining
        if self.mode_of(self.segment.step_index) is AdvanceMode.MANUAL:
            return None if self._visit.overran else 0.0
        return 0.0

    def upcoming_cue(self) -> UpcomingCue | None:
        """The next audible cue the running clock will reach, or None (paused, manual, none).

        A moment that has just passed but that `update()` has not caught up with yet is
        still the next cue: the one the next update reports (and must not ring again).
        """
        if self._state is not RunState.RUNNING:
            return None
        segment = self.segment
        warning = segment.warning_seconds
        warning_at = self._deadline - warning if warning else None
        if warning_at is not None and not self._visit.warned and segment.warning_cue != NO_CUE:
            return UpcomingCue(segment.warning_cue, Moment.WARNING, warning_at, self._index)
        if self.mode_of(segment.step_index) is AdvanceMode.MANUAL:
            return None
        if self._index + 1 >= len(self.timeline.segments):
            if self.timeline.end_cue == NO_CUE:
                return None
            return UpcomingCue(self.timeline.end_cue, Moment.END, self._deadline, self._index)
        following = self.timeline.segments[self._index + 1]
        if following.cue == NO_CUE:
            return None
        return UpcomingCue(following.cue, following.moment, self._deadline, following.index)

    # --- listening -------------------------------------------------------------

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call `listener` with every event from now on; returns a function to stop."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    # --- commands --------------------------------------------------------------

    def start(self) -> list[Event]:
        """Start the run from the first segment, or resume it when paused."""
        if self._state is RunState.READY:
            return self._emit(self._enter(0, self._now(), ring=True))
        if self._state is RunState.PAUSED:
            return self.resume()
        return []

    def pause(self) -> list[Event]:
        """Stop the clock of the current segment; nothing is consumed while paused."""
        if self._state is not RunState.RUNNING:
            return []
        events = self._advance(self._now())
        if self._state is RunState.RUNNING:
            self._paused_remaining = self._deadline - self._now()
            self._state = RunState.PAUSED
            events.append(self._changed())
        return self._emit(events)

    def resume(self) -> list[Event]:
        """Let the clock run again from where it was paused."""
        if self._state is not RunState.PAUSED:
            return []
        self._deadline = self._now() + self._paused_remaining
        self._state = RunState.RUNNING
        return self._emit([self._changed(), *self._advance(self._now())])

    def toggle(self) -> list[Event]:
        """Start, pause or resume, whichever fits the current state."""
        if self._state is RunState.RUNNING:
            return self.pause()
        return self.start()

    def next(self) -> list[Event]:
        """Move on to the next segment now (finishing after the last one)."""
        if self._state is RunState.READY:
            return self.start()
        if self._state is RunState.FINISHED:
            return []
        now = self._now()
        if self._index + 1 >= len(self.timeline.segments):
            return self._emit(self._finish(now, ring=True))
        return self._emit(self._enter(self._index + 1, now, ring=True))

    def previous(self) -> list[Event]:
        """Go back to the start of the previous segment (or restart the first)."""
        if self._state is RunState.READY:
            return []
        target = (
            len(self.timeline.segments) - 1
            if self._state is RunState.FINISHED
            else max(0, self._index - 1)
        )
        return self._emit(self._enter(target, self._now(), ring=True))

    def restart_segment(self) -> list[Event]:
        """Give the current segment its full time again."""
        if self._state in (RunState.READY, RunState.FINISHED):
            return []
        return self._emit(self._enter(self._index, self._now(), ring=True))

    def jump(self, index: int) -> list[Event]:
        """Go to the start of segment `index`."""
        if not 0 <= index < len(self.timeline.segments):
            raise IndexError(f"no segment {index}: the run has {len(self.timeline.segments)}")
        return self._emit(self._enter(index, self._now(), ring=True))

    def add_time(self, seconds: float = DEFAULT_TIME_STEP) -> list[Event]:
        """Add (or with a negative value remove) time on the current segment only."""
        if self._state not in _ACTIVE:
            return []
        now = self._now()
        remaining = self.remaining()
        # Removing time never takes a segment further than its end: it ends now.
        new_remaining = max(remaining + seconds, min(remaining, 0.0))
        change = new_remaining - remaining
        self._visit.added += change
        self._visit.duration += change
        if self._state is RunState.RUNNING:
            self._deadline = now + new_remaining
        else:
            self._paused_remaining = new_remaining
        events: list[Event] = [self._changed()]
        if self._state is RunState.RUNNING:
            events.extend(self._advance(now))
        return self._emit(events)

    def set_mode(self, mode: AdvanceMode, step_index: int | None = None) -> list[Event]:
        """Set automatic or manual advance for one step, or for all steps with None."""
        if step_index is None:
            self.default_mode = mode
            self.step_modes.clear()
        else:
            self.step_modes[step_index] = mode
        events: list[Event] = [self._changed()]
        if self._state is RunState.RUNNING:
            events.extend(self._advance(self._now()))
        return self._emit(events)

    def update(self) -> list[Event]:
        """Catch up with the clock: move on, and report what became due."""
        if self._state is not RunState.RUNNING:
            return []
        return self._emit(self._advance(self._now()))

    # --- persistence -----------------------------------------------------------

    def to_record(self) -> SequencerRecordJson:
        """The run's bookkeeping as plain data, for resuming after a crash."""
        return SequencerRecord(
            self._state,
            self._index,
            self.remaining(),
            self._visit.added,
            self._visit.warned,
            self._visit.overran,
            self.default_mode,
            dict(self.step_modes),
        ).to_json()

    @classmethod
    def from_record(
        cls, timeline: Timeline, clock: Clock, data: Mapping[str, object], elapsed: float
    ) -> Sequencer:
        """Rebuild a run saved `elapsed` seconds ago, caught up with the time since.

        ValueError (or KeyError, TypeError) when the record is damaged or does not fit.
        """
        record = SequencerRecord.from_json(data)
        if not 0 <= record.index < len(timeline.segments):
            raise ValueError("the saved position is outside this structure's timeline")
        sequencer = cls(timeline, clock, record.default_mode, dict(record.step_modes))
        sequencer._restore(record, elapsed)
        return sequencer

    def _restore(self, record: SequencerRecord, elapsed: float) -> None:
        self._state = record.state
        self._index = record.index
        self._visits = 1
        duration = self.timeline.segments[record.index].duration_seconds + record.added
        self._visit = _Visit(1, duration, record.warned, record.overran, record.added)
        now = self.clock()
        self._last_now = now
        if record.state is RunState.RUNNING:
            self._deadline = now + record.remaining - max(0.0, elapsed)
            # Catching up after a crash: land where the time is, without bells.
            self._advance(now, ring=False)
        elif record.state is RunState.PAUSED:
            self._paused_remaining = record.remaining

    # --- internals -------------------------------------------------------------

    def _now(self) -> float:
        # A clock that runs backwards must never replay bells or give negative time.
        now = self.clock()
        if now < self._last_now:
            now = self._last_now
        self._last_now = now
        return now

    def _changed(self) -> StateChanged:
        return StateChanged(self._state, self._index)

    def _emit(self, events: list[Event]) -> list[Event]:
        for event in events:
            for listener in list(self._listeners):
                listener(event)
        return events

    def _begin_visit(self, index: int) -> None:
        self._visits += 1
        self._index = index
        self._visit = _Visit(self._visits, float(self.timeline.segments[index].duration_seconds))

    def _enter(self, index: int, at: float, *, ring: bool) -> list[Event]:
        """Make `index` current, starting at clock time `at`, keeping a paused run paused."""
        was_paused = self._state is RunState.PAUSED
        self._begin_visit(index)
        segment = self.segment
        events: list[Event] = [SegmentStarted(index, self._visit.number)]
        if ring and segment.cue != NO_CUE:
            events.append(
                CueDue(segment.cue, segment.moment, index, self._visit.number, at, self._now() - at)
            )
        if was_paused:
            self._paused_remaining = float(segment.duration_seconds)
        else:
            self._state = RunState.RUNNING
            self._deadline = at + segment.duration_seconds
        events.append(self._changed())
        if self._state is RunState.RUNNING:
            events.extend(self._advance(self._now()))
        return events

    def _finish(self, at: float, *, ring: bool) -> list[Event]:
        self._state = RunState.FINISHED
        self._visits += 1
        events: list[Event] = [Finished(self._visits)]
        if ring and self.timeline.end_cue != NO_CUE:
            late = self._now() - at
            end = CueDue(self.timeline.end_cue, Moment.END, self._index, self._visits, at, late)
            events.append(end)
        events.append(self._changed())
        return events

    def _advance(self, now: float, *, ring: bool = True) -> list[Event]:
        """Move through every moment up to `now`; at most one cue for all of them."""
        events: list[Event] = []
        crossed: list[CrossedCue] = []
        entered_during_update = False
        while self._state is RunState.RUNNING:
            segment = self.segment
            visit = self._visit
            warning = segment.warning_seconds
            if warning and not visit.warned and now >= self._deadline - warning:
                visit.warned = True
                if now < self._deadline or self.mode_of(segment.step_index) is AdvanceMode.MANUAL:
                    events.append(WarningDue(self._index, visit.number))
                    crossed.append(
                        CrossedCue(
                            self._deadline - warning,
                            segment.warning_cue,
                            Moment.WARNING,
                            self._index,
                            boundary=False,
                        )
                    )
            if now < self._deadline:
                break
            if self.mode_of(segment.step_index) is AdvanceMode.MANUAL:
                if not visit.overran:
                    visit.overran = True
                    events.append(OverrunBegan(self._index, visit.number))
                break
            boundary = self._deadline
            if self._index + 1 >= len(self.timeline.segments):
                self._state = RunState.FINISHED
                self._visits += 1
                events.append(Finished(self._visits))
                crossed.append(
                    CrossedCue(
                        boundary, self.timeline.end_cue, Moment.END, self._index, boundary=True
                    )
                )
                break
            self._begin_visit(self._index + 1)
            entered_during_update = True
            self._deadline = boundary + self.segment.duration_seconds
            nxt = self.segment
            crossed.append(CrossedCue(boundary, nxt.cue, nxt.moment, self._index, boundary=True))
        if entered_during_update:
            # Only the segment the run landed in is announced, not every one passed.
            events = [e for e in events if not is_for_passed_segment(e, self._index)]
            events.insert(0, SegmentStarted(self._index, self._visit.number))
        audible = [c for c in crossed if c.cue != NO_CUE]
        if audible and ring:
            chosen = most_important(audible)
            number = self._visit.number if self._state is not RunState.FINISHED else self._visits
            late = now - chosen.at
            events.append(CueDue(chosen.cue, chosen.moment, chosen.index, number, chosen.at, late))
        if crossed or entered_during_update:
            events.append(self._changed())
        return events


_ACTIVE = (RunState.RUNNING, RunState.PAUSED)
