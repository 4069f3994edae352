"""The screen stays on while a session is on the card: ready, running or paused.

The run's state decides, not a window: a loaded session that has not finished holds the
screen saver and display sleep off (`ScreenKeeper`, platform/keep_awake.py); a finished or
ended session, or quitting, lets them work again. A session that is ready is held too: its
card is on the projector, and a room waiting for the start must not see it go dark.

If the system refuses, the run goes on and the console says once that the screen may blank.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from facilitator.core.timing.events import RunState

if TYPE_CHECKING:
    from facilitator.models.notices import NoticeBoard
    from facilitator.models.run_model import RunModel
    from facilitator.platform.keep_awake import ScreenKeeper

HELD_STATES = frozenset({RunState.READY, RunState.RUNNING, RunState.PAUSED})
NOTICE_KEY = "screen-awake"


class ScreenAwake(QObject):
    """Holds the screen on while the run needs it, and says so once if the system says no."""

    def __init__(
        self,
        run: RunModel,
        keeper: ScreenKeeper,
        notices: NoticeBoard,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._run = run
        self._keeper = keeper
        self._notices = notices
        self._told = False
        keeper.refused.connect(self._on_refused)
        run.changed.connect(self._follow_run)
        run.sessionChanged.connect(self._follow_run)
        self._follow_run()

    @property
    def held(self) -> bool:
        """Whether the screen is asked to stay on now."""
        return self._keeper.wanted

    def release(self) -> None:
        """Let the screen sleep again (the app is quitting)."""
        self._keeper.release()

    def _follow_run(self) -> None:
        status = self._run.status()
        if status is not None and status.state in HELD_STATES:
            self._keeper.hold(self.tr("A workshop session is on the projector"))
        else:
            self._keeper.release()

    def _on_refused(self, reason: str) -> None:
        if self._told:
            return
        self._told = True
        self._notices.post(
            self.tr(
                "The screen saver and display sleep could not be turned off for the session "
                "({reason}), so the screen may blank. The session goes on; turn them off in "
                "the system settings, or touch the mouse now and then."
            ).format(reason=reason),
            key=NOTICE_KEY,
        )
