"""A running session and its crash-safe record.

A `Session` ties a sequencer to what it runs (structure or plan, question set,
language, fitted length, rehearsal speed). Its record is written to the user
data folder on every change, atomically; after a crash, a power cut or a
forced quit the next start finds it and resumes where the session stands now
by the wall clock.

Each copy of the app keeps its own record (`running-session-<instance>.json`,
see `instances.py`), so two copies on one data folder never overwrite, offer or
delete each other's: a record is offered only once the copy that wrote it is gone.
A record also keeps a short log (when each segment began) for the facilitator
to look back at a session that can no longer be resumed.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from facilitator.core.files.jsonio import read_json, write_json
from facilitator.core.files.paths import user_data_dir
from facilitator.core.files.problems import DocumentError
from facilitator.core.sessions.instances import InstanceLock, is_live, this_copy
from facilitator.core.sessions.saved import (
    MAX_LOG_ENTRIES,
    RECORD_VERSION,
    LogEntry,
    SavedSession,
    SessionRecordError,
    SessionRecordJson,
    SessionSpec,
    parse_record,
)
from facilitator.core.timing.events import AdvanceMode, RunState
from facilitator.core.timing.sequencer import Sequencer

if TYPE_CHECKING:
    from pathlib import Path

    from facilitator.core.timing.clock import Clock
    from facilitator.core.timing.timeline import Timeline

__all__ = [
    "FoundRecord",
    "SavedSession",
    "Session",
    "SessionRecordError",
    "SessionSpec",
    "SessionStore",
]

LEGACY_SESSION_FILE = "running-session.json"
"""The one record of versions that kept a single record: still found and resumed."""
SESSION_FILE = LEGACY_SESSION_FILE
RECORD_PREFIX = "running-session-"
SET_ASIDE_SUFFIX = ".unreadable"

WallClock = Callable[[], float]
"""Seconds since the epoch (time.time): only for crash records, never for timing."""


class Session:
    """A sequencer with what it runs, saving its record on every change."""

    def __init__(
        self,
        spec: SessionSpec,
        timeline: Timeline,
        sequencer: Sequencer,
        *,
        store: SessionStore | None = None,
        wall: WallClock = time.time,
    ) -> None:
        self.spec = spec
        self.timeline = timeline
        self.sequencer = sequencer
        self._store = store
        self._wall = wall
        self.attachments: dict[str, Any] = {}
        """Plain data kept in the crash record only (never in the library): e.g. the groups."""
        self.log: list[LogEntry] = []

    @classmethod
    def start_new(
        cls,
        spec: SessionSpec,
        timeline: Timeline,
        clock: Clock,
        *,
        mode: AdvanceMode = AdvanceMode.AUTO,
        store: SessionStore | None = None,
        wall: WallClock = time.time,
    ) -> Session:
        """A fresh session, ready to start."""
        return cls(
            spec, timeline, Sequencer(timeline, clock, default_mode=mode), store=store, wall=wall
        )

    @classmethod
    def resume(
        cls,
        saved: SavedSession,
        timeline: Timeline,
        clock: Clock,
        *,
        store: SessionStore | None = None,
        wall: WallClock = time.time,
    ) -> Session:
        """The saved session, caught up with the time that passed since it was saved."""
        if len(timeline.segments) != saved.segment_count:
            raise SessionRecordError("the structure changed since the session was saved")
        sequencer = Sequencer.from_record(timeline, clock, saved.sequencer, saved.elapsed(wall()))
        session = cls(saved.spec, timeline, sequencer, store=store, wall=wall)
        session.attachments = dict(saved.attachments)
        session.log = list(saved.log)
        return session

    def save(self) -> None:
        """Write the record now (the store reports failures, never raises)."""
        if self._store is None:
            return
        if self.sequencer.state is RunState.FINISHED:
            self._store.clear()
            return
        self._store.save(self)

    def discard(self) -> None:
        """Forget the crash record: the session was closed on purpose."""
        if self._store is not None:
            self._store.clear()

    def record(self) -> SessionRecordJson:
        """The session's record as plain data (noting in its log where the run stands)."""
        now = self._wall()
        self._note(now)
        return {
            "record_version": RECORD_VERSION,
            "spec": self.spec.to_json(),
            "title": self.timeline.structure.title.in_language(self.spec.language),
            "segment_count": len(self.timeline.segments),
            "saved_at": now,
            "sequencer": self.sequencer.to_record(),
            "attachments": self.attachments,
            "log": [[entry.at, entry.index, entry.state] for entry in self.log],
        }

    def note_progress(self) -> None:
        """Log the moment the run reached another segment or changed state (kept in memory)."""
        self._note(self._wall())

    def _note(self, now: float) -> None:
        """Add a log entry when the run reached another segment or changed state."""
        state = self.sequencer.state
        if state is RunState.READY:
            return
        entry = LogEntry(now, self.sequencer.index, state.value)
        last = self.log[-1] if self.log else None
        if last is None or (last.index, last.state) != (entry.index, entry.state):
            self.log.append(entry)
            if len(self.log) > MAX_LOG_ENTRIES:
                del self.log[1]  # the start stays; the oldest after it goes


@dataclass(frozen=True)
class FoundRecord:
    """A record of another copy found in the data folder."""

    path: Path
    live: bool
    """Its copy still runs: the record is not offered, not touched."""
    saved: SavedSession | None = None
    problem: str = ""
    """Why it cannot be read (then `saved` is None)."""


class SessionStore:
    """Keeps this copy's running session in a record of its own in the user data folder."""

    def __init__(
        self,
        folder: Path | None = None,
        on_error: Callable[[str], object] | None = None,
        on_recovered: Callable[[], object] | None = None,
        *,
        instance: str | None = None,
    ) -> None:
        self.folder = folder or user_data_dir()
        self.instance = instance or os.urandom(12).hex()
        self.path = self.folder / f"{RECORD_PREFIX}{self.instance}.json"
        self._lock = InstanceLock(_lock_path(self.path))
        self._on_error = on_error
        self._on_recovered = on_recovered
        self.last_error: str | None = None

    def save(self, session: Session) -> bool:
        """Write the record atomically; on failure report once and keep running."""
        self._lock.acquire()  # best effort: without it, the process id tells that we run
        record = session.record()
        record["owner"] = this_copy(self.instance).to_json()
        try:
            write_json(self.path, record, keep_backup=False)
        except Exception as error:
            message = f"The running session could not be saved for recovery: {error}"
            if message != self.last_error and self._on_error is not None:
                self._on_error(message)
            self.last_error = message
            return False
        if self.last_error is not None and self._on_recovered is not None:
            self._on_recovered()
        self.last_error = None
        return True

    def clear(self) -> None:
        """Forget this copy's record (its session ended normally or was discarded)."""
        with contextlib.suppress(OSError):
            self.path.unlink(missing_ok=True)
        self._lock.release()

    def load(self) -> SavedSession | None:
        """This copy's own record, None when there is none; SessionRecordError if unreadable."""
        return _read_record(self.path)

    def found(self) -> list[FoundRecord]:
        """Every record of another copy in the data folder (an older single record too)."""
        try:
            paths = sorted(
                p
                for p in self.folder.iterdir()
                if p.name == LEGACY_SESSION_FILE
                or (p.name.startswith(RECORD_PREFIX) and p.name.endswith(".json"))
            )
        except OSError:
            return []
        records = []
        for path in paths:
            if path == self.path:
                continue
            try:
                saved = _read_record(path)
            except SessionRecordError as error:
                live = is_live(_lock_path(path), None)
                records.append(FoundRecord(path, live, problem=str(error)))
                continue
            if saved is not None:
                records.append(FoundRecord(path, is_live(_lock_path(path), saved.owner), saved))
        return records

    def interrupted(self) -> list[FoundRecord]:
        """The records whose copy is gone: sessions that were interrupted (or unreadable)."""
        return [record for record in self.found() if not record.live]

    def claim(self, saved: SavedSession) -> bool:
        """Make an interrupted record this copy's own; False if another copy took it first."""
        if saved.path is None or saved.path == self.path:
            return True
        if is_live(_lock_path(saved.path), saved.owner):
            return False
        try:
            saved.path.replace(self.path)  # atomic: of two copies claiming it, one wins
        except OSError:
            return False
        with contextlib.suppress(OSError):
            _lock_path(saved.path).unlink(missing_ok=True)
        return True

    def discard(self, path: Path) -> None:
        """Remove an interrupted record of a copy that is gone (never a live one)."""
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)
            _lock_path(path).unlink(missing_ok=True)

    def set_aside(self, path: Path) -> None:
        """Rename an unreadable record so it is kept but not offered again."""
        with contextlib.suppress(OSError):
            path.rename(path.with_name(path.name + SET_ASIDE_SUFFIX))
            _lock_path(path).unlink(missing_ok=True)


def _lock_path(record: Path) -> Path:
    return record.with_suffix(".lock")


def _read_record(path: Path) -> SavedSession | None:
    if not path.exists() and not path.is_symlink():
        return None
    try:
        data = read_json(path)
    except DocumentError as error:
        raise SessionRecordError(str(error)) from None
    return dataclasses.replace(parse_record(data), path=path)
