"""Work away from the thread that drives the timer and the bells, its result handed back there.

Reading a participant list and forming groups take as long as the list and the rules make
them: on the GUI thread they could hold up a bell. `ThreadedBackground` runs such work on
Qt's thread pool and calls `done` on the GUI thread (a queued signal) when it is finished;
the GUI thread waits for nothing. `InlineBackground` does the work at once, in the caller's
thread: for tests and tools that want an answer straight away (`Platform` uses it unless
`run_app` gives the threaded one, as with the screen keeper).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)

Work = Callable[[], Any]
Done = Callable[[Any, Exception | None], object]
"""Called with the work's result (None when it raised) and what it raised (None if nothing)."""


class Background:
    """Runs work and hands its result to `done`; the interface the models use."""

    def submit(self, work: Work, done: Done) -> None:
        """Run `work`; call `done(result, error)` on the GUI thread when it has finished."""
        raise NotImplementedError

    def wait(self, milliseconds: int = -1) -> bool:
        """Wait until all submitted work has run (when quitting); False if it had not by then."""
        return True


class InlineBackground(Background):
    """Does the work at once, in the caller's thread (tests, tools)."""

    def submit(self, work: Work, done: Done) -> None:
        """Run `work` now and call `done` before returning."""
        try:
            result = work()
        except Exception as error:  # handed to `done`, as the threaded one does
            done(None, error)
            return
        done(result, None)


class _Carrier(QObject):
    """Lives on the GUI thread; a signal emitted from a worker reaches it queued."""

    finished = Signal(object, object, object)
    """(done, result, error)."""

    def __init__(self) -> None:
        super().__init__()
        self.finished.connect(self._deliver)

    def _deliver(self, done: Done, result: Any, error: Exception | None) -> None:
        done(result, error)


class _Job(QRunnable):
    def __init__(self, work: Work, done: Done, carrier: _Carrier) -> None:
        super().__init__()
        self._work, self._done, self._carrier = work, done, carrier

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as error:  # handed back to the GUI thread
            self._carrier.finished.emit(self._done, None, error)
            return
        self._carrier.finished.emit(self._done, result, None)


class ThreadedBackground(Background):
    """Runs work on Qt's global thread pool; `done` is called on the GUI thread."""

    def __init__(self, pool: QThreadPool | None = None) -> None:
        self._pool = pool or QThreadPool.globalInstance()
        self._carrier = _Carrier()

    def submit(self, work: Work, done: Done) -> None:
        """Queue `work`; `done` follows on the GUI thread once it has run."""
        job = _Job(work, done, self._carrier)
        job.setAutoDelete(True)
        self._pool.start(job)

    def wait(self, milliseconds: int = -1) -> bool:
        """Wait until every queued piece of work has run (when quitting, and in tests)."""
        return bool(self._pool.waitForDone(milliseconds))


class LatestOnly:
    """Submits work to a `Background`, and delivers only the latest piece's result.

    A second request before the first is done (new names, a new size) makes the first one's
    answer stale: it is dropped when it comes.
    """

    def __init__(self, background: Background) -> None:
        self._background = background
        self._latest = 0
        self._running = 0

    @property
    def busy(self) -> bool:
        """Whether the latest piece of work has not been delivered yet."""
        return self._running == self._latest and self._latest > 0

    def submit(self, work: Work, done: Done) -> None:
        """Run `work`; `done` follows unless newer work was submitted meanwhile."""
        self._latest += 1
        self._running = self._latest
        number = self._latest

        def finish(result: Any, error: Exception | None) -> None:
            if number != self._latest:
                return  # stale: newer work is on its way
            self._running = 0
            done(result, error)

        self._background.submit(work, finish)
