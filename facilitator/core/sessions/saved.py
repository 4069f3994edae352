"""What a crash record holds, and reading it back: checked in full, never half-used."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypedDict

from facilitator.core.files import validation as v
from facilitator.core.files.kinds import DocumentKind
from facilitator.core.sessions.instances import Owner
from facilitator.core.timing.events import RunState
from facilitator.core.timing.run_record import SequencerRecord, SequencerRecordJson
from facilitator.core.timing.speed import check_speed

if TYPE_CHECKING:
    from pathlib import Path

RECORD_VERSION = 1
MAX_LOG_ENTRIES = 500


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


class SessionRecordJson(TypedDict, total=False):
    """The crash record as written to disk (`Session.record`); `owner` and `log` are newer."""

    record_version: int
    spec: SessionSpecJson
    title: str
    segment_count: int
    saved_at: float
    sequencer: SequencerRecordJson
    attachments: dict[str, Any]
    owner: dict[str, Any]
    log: list[list[Any]]


@dataclass(frozen=True)
class LogEntry:
    """A moment in a session's life: when (wall clock) it reached a segment, in what state."""

    at: float
    index: int
    state: str


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
    log: tuple[LogEntry, ...] = ()
    """When each segment began (oldest first); empty in records of older versions."""
    path: Path | None = None
    """The record's file, when it was read from one."""
    owner: Owner | None = None

    def elapsed(self, wall_now: float) -> float:
        """Run seconds since the record was written (scaled for rehearsals)."""
        return max(0.0, wall_now - self.saved_at) * self.spec.speed


class SessionRecordError(Exception):
    """A saved session could not be read; it is set aside, never half-used."""


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


def parse_record(data: Any) -> SavedSession:
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
        if problems:
            raise SessionRecordError("the saved session names no valid structure")
        check_speed(spec.speed)
        if spec.plan is not None and not isinstance(spec.plan, dict):
            raise SessionRecordError("the saved session's plan is damaged")
        attachments = data.get("attachments") or {}
        if not isinstance(attachments, dict):
            raise SessionRecordError("the saved session's attachments are damaged")
        # Checked now, so a damaged record is never half-used.
        sequencer = SequencerRecord.from_json(dict(data["sequencer"])).to_json()
        saved_at = float(data["saved_at"])
        if not math.isfinite(saved_at):
            raise ValueError("saved_at must be a finite number")
        return SavedSession(
            spec,
            sequencer,
            saved_at,
            int(data["segment_count"]),
            str(data.get("title", spec.item_id)),
            attachments,
            log=_parse_log(data.get("log", [])),
            owner=Owner.from_json(data.get("owner")),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise SessionRecordError(f"the saved session is damaged ({error})") from None


def _parse_log(value: Any) -> tuple[LogEntry, ...]:
    if not isinstance(value, list):
        raise TypeError("log must be a list")
    entries = []
    for item in value[:MAX_LOG_ENTRIES]:
        at, index, state = item
        if not (isinstance(at, int | float) and math.isfinite(at) and isinstance(index, int)):
            raise ValueError("a log entry must hold a time and a segment")
        entries.append(LogEntry(float(at), index, RunState(str(state)).value))
    return tuple(entries)
