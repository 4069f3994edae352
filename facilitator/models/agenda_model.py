"""The agenda of a running plan: planned clock times, where we are, ahead or behind.

Plan time comes from the app's wall clock (Platform.wall), so tests move it by
hand. The planned start is the plan's start time on the day, or the moment of
the first Start when the plan has none; it is kept in the session's crash
record, so a resumed session is measured against the same plan.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from facilitator.core.plans.agenda import (
    AgendaStatus,
    PlanClock,
    agenda_status,
    plan_clock_for,
    planned_start_on_the_day,
)
from facilitator.core.timing.events import RunState

if TYPE_CHECKING:
    from facilitator.core.sessions.record import Session, WallClock
    from facilitator.models.run_model import RunModel

ATTACHMENT = "agenda"
"""The key of the agenda's data in the session's crash record."""
WALL_REFRESH_MS = 1000
"""While paused nothing ticks, but the wall clock moves the projection on: look again."""


class AgendaModel(QObject):
    """Follows the run of a plan and tells how it stands against the planned times."""

    changed = Signal()

    def __init__(self, run: RunModel, wall: WallClock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._run = run
        self._wall = wall
        self._clock: PlanClock | None = None
        self._planned_start: datetime | None = None
        self._status: AgendaStatus | None = None
        self._finished_at: datetime | None = None
        self._wall_timer = QTimer(self)
        self._wall_timer.setInterval(WALL_REFRESH_MS)
        self._wall_timer.timeout.connect(self.refresh)
        run.sessionChanged.connect(self._on_session)
        run.changed.connect(self.refresh)
        run.secondChanged.connect(self.refresh)
        self._on_session()

    @property
    def active(self) -> bool:
        """Whether a plan (a timeline with items) is loaded."""
        return self._clock is not None

    @property
    def status(self) -> AgendaStatus | None:
        """The agenda now, or None without a plan or before its start is known."""
        return self._status

    @property
    def planned_start(self) -> datetime | None:
        """When the plan was planned to start (None until the first Start without a time)."""
        return self._planned_start

    def now(self) -> datetime | None:
        """Plan time now (the wall clock, or a rehearsal's faster clock)."""
        return self._clock.now(self._wall()) if self._clock else None

    def _on_session(self) -> None:
        session = self._run.session
        self._clock, self._planned_start, self._finished_at = None, None, None
        has_agenda = session is not None and bool(session.timeline.sections)
        if session is not None and has_agenda and not self._restore(session):
            self._begin(session)
        if self._clock is not None:
            self._wall_timer.start()
        else:
            self._wall_timer.stop()
        self.refresh()

    def _begin(self, session: Session) -> None:
        wall = self._wall()
        planned = planned_start_on_the_day(session.spec.start_time, datetime.fromtimestamp(wall))
        self._clock = plan_clock_for(wall, session.spec.speed, planned)
        self._planned_start = planned
        self._keep(session)

    def _restore(self, session: Session) -> bool:
        data: Any = session.attachments.get(ATTACHMENT)
        if not isinstance(data, dict):
            return False
        try:
            self._clock = PlanClock.from_json(data["clock"])
            start = data.get("planned_start")
            self._planned_start = None if start is None else datetime.fromtimestamp(float(start))
        except (KeyError, TypeError, ValueError):
            self._clock, self._planned_start = None, None
            return False
        return True

    def _keep(self, session: Session) -> None:
        """Put the clock and the planned start in the session's crash record."""
        assert self._clock is not None
        start = self._planned_start.timestamp() if self._planned_start else None
        session.attachments[ATTACHMENT] = {"clock": self._clock.to_json(), "planned_start": start}

    def refresh(self) -> None:
        """Read the run and the wall clock again."""
        session, status = self._run.session, self._run.status()
        if self._clock is None or session is None or status is None:
            if self._status is not None:
                self._status = None
                self.changed.emit()
            return
        now = self._clock.now(self._wall())
        if status.state is RunState.FINISHED:
            # The finish is history: the agenda keeps it rather than drifting with the wall.
            self._finished_at = self._finished_at or now
            now = self._finished_at
        else:
            self._finished_at = None
        if self._planned_start is None and status.state is not RunState.READY:
            # No start time was planned: the plan starts when the facilitator starts it.
            elapsed = session.timeline.total_seconds - status.total_remaining
            self._planned_start = datetime.fromtimestamp(now.timestamp() - max(0.0, elapsed))
            self._keep(session)
        planned = self._planned_start or now
        self._status = agenda_status(session.timeline, planned, now, status)
        self.changed.emit()
