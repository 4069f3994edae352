"""A running session and its crash-safe record.

A `Session` ties a sequencer to what it runs (structure or plan, question set,
language, fitted length, rehearsal speed). Its record is written to the user
data folder on every change, atomically; after a crash, a power cut or a
forced quit the next start finds it and resumes where the session stands now
by the wall clock.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypedDict

from facilitator.core.files import validation as v
from facilitator.core.files.jsonio import read_json, write_json
from facilitator.core.files.kinds import DocumentKind
from facilitator.core.files.paths import user_data_dir
from facilitator.core.files.problems import DocumentError
from facilitator.core.timing.events import AdvanceMode, RunState
from facilitator.core.timing.run_record import SequencerRecord, SequencerRecordJson
from facilitator.core.timing.sequencer import Sequencer

if TYPE_CHECKING:
    from pathlib import Path

    from facilitator.core.timing.clock import Clock
    from facilitator.core.timing.timeline import Timeline

SESSION_FILE = "running-session.json"
RECORD_VERSION = 1

WallClock = Callable[[], float]
"""Seconds since the epoch (time.time): only for crash records, never for timing."""


class SessionSpecJson(TypedDict):
    """A SessionSpec as written in the crash record."""

    kind: str
    item_id: str
    language: str
    questions_id: str | None
    fit_minutes: float | None
    speed: float
    start_time: str | None
    plan: dict[str, Any] | None
    group_size: int | None


class SessionRecordJson(TypedDict):
    """The crash record as written to disk (`Session.record`)."""

    record_version: int
    spec: SessionSpecJson
    title: str
    segment_count: int
    saved_at: float
    sequencer: SequencerRecordJson
    attachments: dict[str, Any]


@dataclass(frozen=True)
class SessionSpec:
    """What a session runs: enough to build its timeline again after a crash."""

    kind: DocumentKind
    """A structure or a plan."""
    item_id: str
    language: str
    questions_id: str | None = None
    fit_minutes: float | None = None
    speed: float = 1.0
    start_time: str | None = None
    """A plan's planned clock start ("HH:MM"), or None to count from the first Start."""
    plan: dict[str, Any] | None = None
    """A plan's own document when it runs as edited (not as saved in the library)."""
    group_size: int | None = None
    """The size of the groups whose members a structure's rounds or turns follow;
    None: the structure's own default."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", DocumentKind(self.kind))

    def to_json(self) -> SessionSpecJson:
        """The spec as plain data."""
        return {
            "kind": self.kind.value,
            "item_id": self.item_id,
            "language": self.language,
            "questions_id": self.questions_id,
            "fit_minutes": self.fit_minutes,
            "speed": self.speed,
            "start_time": self.start_time,
            "plan": self.plan,
            "group_size": self.group_size,
        }


@dataclass(frozen=True)
class SavedSession:
    """A session record found on disk."""

    spec: SessionSpec
    sequencer: SequencerRecordJson
    """The sequencer's record, checked when read."""
    saved_at: float
    segment_count: int
    title: str
    attachments: dict[str, Any] = field(default_factory=dict)
    """What other parts of the app kept with the session (its groups, the plan's clock)."""

    def elapsed(self, wall_now: float) -> float:
        """Run seconds since the record was written (scaled for rehearsals)."""
        return max(0.0, wall_now - self.saved_at) * self.spec.speed


class SessionRecordError(Exception):
    """A saved session could not be read; it is set aside, never half-used."""


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
        """The session's record as plain data."""
        return {
            "record_version": RECORD_VERSION,
            "spec": self.spec.to_json(),
            "title": self.timeline.structure.title.in_language(self.spec.language),
            "segment_count": len(self.timeline.segments),
            "saved_at": self._wall(),
            "sequencer": self.sequencer.to_record(),
            "attachments": self.attachments,
        }


class SessionStore:
    """Keeps the running session's record in one file in the user data folder."""

    def __init__(
        self,
        folder: Path | None = None,
        on_error: Callable[[str], object] | None = None,
        on_recovered: Callable[[], object] | None = None,
    ) -> None:
        self.path = (folder or user_data_dir()) / SESSION_FILE
        self._on_error = on_error
        self._on_recovered = on_recovered
        self.last_error: str | None = None

    def save(self, session: Session) -> bool:
        """Write the record atomically; on failure report once and keep running."""
        try:
            write_json(self.path, session.record(), keep_backup=False)
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
        """Forget the record (the session ended normally or was discarded)."""
        with contextlib.suppress(OSError):
            self.path.unlink(missing_ok=True)

    def load(self) -> SavedSession | None:
        """The saved record, None when there is none; SessionRecordError if unreadable."""
        if not self.path.exists():
            return None
        try:
            data = read_json(self.path)
        except DocumentError as error:
            raise SessionRecordError(str(error)) from None
        return _parse_record(data)


def _session_kind(value: Any) -> DocumentKind:
    kind = DocumentKind(str(value))
    if kind not in (DocumentKind.STRUCTURE, DocumentKind.PLAN):
        raise ValueError(f"a session runs a structure or a plan, not a {kind.value}")
    return kind


def _group_size(value: Any) -> int | None:
    """A saved group size; a record written before group sizes existed has none."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"the group size {value!r} is no whole number")
    return value


def _parse_record(data: Any) -> SavedSession:
    try:
        if data["record_version"] != RECORD_VERSION:
            raise SessionRecordError("the saved session was written by another version")
        spec_data = data["spec"]
        spec = SessionSpec(
            kind=_session_kind(spec_data["kind"]),
            item_id=str(spec_data["item_id"]),
            language=str(spec_data["language"]),
            questions_id=spec_data.get("questions_id"),
            fit_minutes=spec_data.get("fit_minutes"),
            speed=float(spec_data.get("speed", 1.0)),
            start_time=spec_data.get("start_time"),
            plan=spec_data.get("plan"),
            group_size=_group_size(spec_data.get("group_size")),
        )
        problems = v.Problems()
        v.identifier(spec.item_id, "spec.item_id", problems)
        if problems or spec.speed <= 0:
            raise SessionRecordError("the saved session names no valid structure")
        if spec.plan is not None and not isinstance(spec.plan, dict):
            raise SessionRecordError("the saved session's plan is damaged")
        attachments = data.get("attachments") or {}
        if not isinstance(attachments, dict):
            raise SessionRecordError("the saved session's attachments are damaged")
        # Checked now, so a damaged record is never half-used.
        sequencer = SequencerRecord.from_json(dict(data["sequencer"])).to_json()
        return SavedSession(
            spec,
            sequencer,
            float(data["saved_at"]),
            int(data["segment_count"]),
            str(data.get("title", spec.item_id)),
            attachments,
        )
    except (KeyError, TypeError, ValueError) as error:
        raise SessionRecordError(f"the saved session is damaged ({error})") from None
