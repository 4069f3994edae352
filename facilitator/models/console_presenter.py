"""Feeds the console's run page: turns the run into `ConsoleContent` whenever it changes.

The finish time is read from the app's wall clock (`Platform.wall`), so tests move it by
hand. While the run is paused nothing ticks, but the projected finish moves on with the
wall: the presenter looks again every second.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from facilitator.core.shown.console import ConsoleContent, console_content
from facilitator.core.timing.events import RunState

if TYPE_CHECKING:
    from facilitator.core.sessions.record import WallClock
    from facilitator.core.timing.timeline import Timeline
    from facilitator.models.run_model import RunModel

PAUSED_REFRESH_MS = 1000
"""How often a paused run's projected finish is worked out again."""


class ConsolePresenter(QObject):
    """The content of the console's run page, recomputed from the run model's signals."""

    contentChanged = Signal()
    """A session was loaded or the run moved (state, segment): show all of it anew."""
    clockChanged = Signal()
    """Only the clock moved on: show the countdown, the state, the progress and the totals."""

    def __init__(self, run: RunModel, wall: WallClock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._run = run
        self._wall = wall
        self._content: ConsoleContent | None = None
        self._paused_refresh = QTimer(self)
        self._paused_refresh.setInterval(PAUSED_REFRESH_MS)
        self._paused_refresh.timeout.connect(self._refresh_clock)
        run.changed.connect(self._refresh_all)
        run.sessionChanged.connect(self._refresh_all)
        run.secondChanged.connect(self._refresh_clock)
        self._update()

    @property
    def content(self) -> ConsoleContent | None:
        """What the run page shows now, or None when no session is loaded."""
        return self._content

    @property
    def timeline(self) -> Timeline | None:
        """The timeline of the loaded session, or None."""
        session = self._run.session
        return session.timeline if session is not None else None

    def _update(self) -> None:
        session = self._run.session
        status = self._run.status()
        if session is None or status is None:
            self._content = None
            self._paused_refresh.stop()
            return
        self._content = console_content(session.timeline, status, self._run.speed, self._wall())
        paused = status.state is RunState.PAUSED
        if paused != self._paused_refresh.isActive():
            if paused:
                self._paused_refresh.start()
            else:
                self._paused_refresh.stop()

    def _refresh_all(self) -> None:
        self._update()
        self.contentChanged.emit()

    def _refresh_clock(self) -> None:
        self._update()
        self.clockChanged.emit()
