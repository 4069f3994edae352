"""The Qt face of a running session: signals for the windows, one precise timer.

The timer never counts time. It wakes the model exactly when something visible
is due (the shown second changes, a warning, a segment ends), the model asks the
sequencer what time it is by its deadline, and the widgets repaint from the
signals. Between those moments the app sleeps.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from facilitator.core.timing.countdown import seconds_to_next_change
from facilitator.core.timing.events import (
    AdvanceMode,
    CueDue,
    Event,
    Finished,
    OverrunBegan,
    RunState,
    RunStatus,
    SegmentStarted,
    StateChanged,
    WarningDue,
)
from facilitator.core.workshop.structures import Moment

if TYPE_CHECKING:
    from facilitator.core.sessions.record import Session
    from facilitator.core.timing.sequencer import Sequencer

ONE_MINUTE = 60.0
TIMER_MARGIN_MS = 0
"""Extra wait after the moment (rounded up to the next whole millisecond already); a wake
that comes a hair early sees nothing new and sets the timer again."""
STALE_STRIKE_S = 0.3
"""An early strike that wakes more than this many real seconds after its moment is dropped:
the process was stopped or the machine slept (a laptop lid). The run then catches up with
the clock and rings once, for the segment it lands in."""

TimerFactory = Callable[[str, QObject], QTimer]
"""Makes the model's timers ("wake", "early-strike", "save"); tests hand in controllable ones."""


def qt_timer(_role: str, parent: QObject) -> QTimer:
    """A real QTimer (the role only tells a test's timer which one it is)."""
    return QTimer(parent)


class RunModel(QObject):
    """Holds the current session, forwards commands and announces what changed."""

    sessionChanged = Signal()
    """A session was loaded or cleared."""
    changed = Signal()
    """The state, the position or the time bookkeeping changed."""
    secondChanged = Signal()
    """The shown second of the countdown changed."""
    segmentStarted = Signal(int)
    cueDue = Signal(str, Moment, float)
    """A cue is due now: (cue, the moment it marks, seconds late on the run's clock)."""
    warningDue = Signal()
    overrunBegan = Signal()
    finished = Signal()

    def __init__(
        self, parent: QObject | None = None, *, make_timer: TimerFactory = qt_timer
    ) -> None:
        super().__init__(parent)
        self._session: Session | None = None
        self._speed = 1.0
        self._timer = make_timer("wake", self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.poll)
        # Bells can be struck a little early so their first sample reaches the speakers on
        # the moment itself: the sound output buffers some milliseconds (see set_cue_lead).
        self._cue_lead = 0.0
        self._rung_early: tuple[str, float] | None = None
        self._lead_timer = make_timer("early-strike", self)
        self._lead_timer.setSingleShot(True)
        self._lead_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._lead_timer.timeout.connect(self._ring_early)
        self._save_timer = make_timer("save", self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(0)
        self._save_timer.timeout.connect(self._save_now)

    # --- the session -------------------------------------------------------------

    @property
    def session(self) -> Session | None:
        """The loaded session, if any."""
        return self._session

    def load(self, session: Session) -> None:
        """Make `session` the current one (replacing any other)."""
        self._session = session
        self._speed = session.spec.speed
        self.sessionChanged.emit()
        self.changed.emit()
        self._schedule()

    def clear(self) -> None:
        """Close the current session and forget its crash record."""
        if self._session is not None:
            self._session.discard()
        self._session = None
        self._timer.stop()
        self.sessionChanged.emit()
        self.changed.emit()

    def status(self) -> RunStatus | None:
        """The run's state at this instant, or None without a session."""
        return self._session.sequencer.status() if self._session else None

    def set_cue_lead(self, seconds: float) -> None:
        """Strike cues this many real seconds early, to make up for the output's buffering."""
        self._cue_lead = max(0.0, seconds)
        self._schedule()

    def default_mode(self) -> AdvanceMode:
        """The advance mode of steps without their own."""
        return self._session.sequencer.default_mode if self._session else AdvanceMode.AUTO

    @property
    def speed(self) -> float:
        """Run seconds per real second (above 1 in a rehearsal)."""
        return self._speed

    # --- commands ----------------------------------------------------------------

    def _sequencer(self) -> Sequencer | None:
        """The running sequencer, or None without a session (commands then do nothing)."""
        return self._session.sequencer if self._session else None

    def toggle(self) -> None:
        """Start, pause or resume."""
        if (sequencer := self._sequencer()) is not None:
            self._publish(sequencer.toggle())

    def start(self) -> None:
        """Start, or resume when paused (a clicker's F5)."""
        if (sequencer := self._sequencer()) is not None:
            self._publish(sequencer.start())

    def pause(self) -> None:
        """Pause the clock."""
        if (sequencer := self._sequencer()) is not None:
            self._publish(sequencer.pause())

    def next(self) -> None:
        """Go to the next segment (or start)."""
        if (sequencer := self._sequencer()) is not None:
            self._publish(sequencer.next())

    def previous(self) -> None:
        """Go back to the previous segment."""
        if (sequencer := self._sequencer()) is not None:
            self._publish(sequencer.previous())

    def restart_segment(self) -> None:
        """Give the current segment its full time again."""
        if (sequencer := self._sequencer()) is not None:
            self._publish(sequencer.restart_segment())

    def jump(self, index: int) -> None:
        """Go to segment `index`."""
        if (sequencer := self._sequencer()) is not None:
            self._publish(sequencer.jump(index))

    def add_minute(self) -> None:
        """One more minute on the current segment."""
        if (sequencer := self._sequencer()) is not None:
            self._publish(sequencer.add_time(ONE_MINUTE))

    def remove_minute(self) -> None:
        """One minute less on the current segment."""
        if (sequencer := self._sequencer()) is not None:
            self._publish(sequencer.add_time(-ONE_MINUTE))

    def set_mode(self, mode: AdvanceMode, step_index: int | None = None) -> None:
        """Automatic or manual advance, for one step or all."""
        if (sequencer := self._sequencer()) is not None:
            self._publish(sequencer.set_mode(mode, step_index))

    # --- time --------------------------------------------------------------------

    def poll(self) -> None:
        """Catch up with the clock now (the timer calls this; tests may too)."""
        if self._session is None:
            return
        self._publish(self._session.sequencer.update(), tick=True)

    def _publish(self, events: list[Event], *, tick: bool = False) -> None:
        # Cues go out first, so nothing (not even saving) stands between a moment and its bell.
        for event in events:
            if isinstance(event, CueDue) and not self._was_rung_early(event):
                self.cueDue.emit(event.cue, event.moment, event.late)
        saving = False
        for event in events:
            if isinstance(event, SegmentStarted):
                self.segmentStarted.emit(event.index)
            elif isinstance(event, WarningDue):
                self.warningDue.emit()
            elif isinstance(event, OverrunBegan):
                self.overrunBegan.emit()
            elif isinstance(event, Finished):
                self.finished.emit()
            if isinstance(event, StateChanged | SegmentStarted | Finished):
                saving = True
        if saving:
            if self._session is not None:
                self._session.note_progress()  # its log keeps the moment; the save follows
            self.changed.emit()
            self._save_timer.start()
        if tick or events:
            self.secondChanged.emit()
        self._schedule()

    def _was_rung_early(self, event: CueDue) -> bool:
        rung = self._rung_early
        if rung is None or rung[0] != event.cue or abs(rung[1] - event.scheduled) > 1e-6:
            return False
        self._rung_early = None
        return True

    def _ring_early(self) -> None:
        """Strike the coming cue now, a few milliseconds before its moment."""
        if self._session is None:
            return
        sequencer = self._session.sequencer
        upcoming = sequencer.upcoming_cue()
        if upcoming is None:
            return
        ahead = (upcoming.at - sequencer.clock()) / self._speed
        if ahead > self._cue_lead + 0.002:
            self._schedule()  # woke too soon (the clock moved): aim again
            return
        if ahead < -STALE_STRIKE_S:
            # Woke long after the moment (stopped, or asleep): this strike is history. The run
            # catches up now and rings once, for the segment it lands in.
            self.poll()
            return
        self._rung_early = (upcoming.cue, upcoming.at)
        self.cueDue.emit(upcoming.cue, upcoming.moment, -ahead * self._speed)

    def _save_now(self) -> None:
        if self._session is not None:
            self._session.save()

    def _schedule(self) -> None:
        """Set the timer for the next visible change or due moment."""
        self._timer.stop()
        self._lead_timer.stop()
        if self._session is None:
            return
        sequencer = self._session.sequencer
        if sequencer.state is not RunState.RUNNING:
            return
        self._schedule_early_cue()
        waits = [seconds_to_next_change(sequencer.remaining())]
        moment = sequencer.seconds_until_next_moment()
        if moment is not None:
            waits.append(moment)
        run_seconds = max(0.0, min(waits))
        milliseconds = math.ceil(run_seconds / self._speed * 1000) + TIMER_MARGIN_MS
        self._timer.start(milliseconds)

    def _schedule_early_cue(self) -> None:
        if self._cue_lead <= 0 or self._session is None:
            return
        sequencer = self._session.sequencer
        upcoming = sequencer.upcoming_cue()
        if upcoming is None:
            return
        if self._rung_early is not None:
            if self._rung_early == (upcoming.cue, upcoming.at):
                return  # already struck; its moment has not come yet
            self._rung_early = None  # the run moved on (a command): that strike is history
        real_seconds = (upcoming.at - sequencer.clock()) / self._speed - self._cue_lead
        if real_seconds > 0:
            self._lead_timer.start(math.floor(real_seconds * 1000))
        else:
            self._lead_timer.start(0)  # already inside the lead: strike as soon as we return

    def next_wake_ms(self) -> int | None:
        """Milliseconds until the model wakes next, or None when idle (for tests)."""
        return self._timer.remainingTime() if self._timer.isActive() else None
