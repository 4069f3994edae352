"""A run's bookkeeping as plain data, so a crashed session can be resumed where it stands."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, TypedDict

from facilitator.core.timing.events import AdvanceMode, RunState


class SequencerRecordJson(TypedDict):
    """A SequencerRecord as written in the crash record (see `SequencerRecord.to_json`)."""

    state: str
    index: int
    remaining: float
    added: float
    warned: bool
    overran: bool
    default_mode: str
    step_modes: dict[str, str]


@dataclass(frozen=True)
class SequencerRecord:
    """Where a run stood when it was saved: state, segment, time left and advance modes."""

    state: RunState
    index: int
    remaining: float
    """Seconds left in the current segment when saved (negative in overrun)."""
    added: float = 0.0
    """Time added to (or removed from) the current segment."""
    warned: bool = False
    overran: bool = False
    default_mode: AdvanceMode = AdvanceMode.AUTO
    step_modes: Mapping[int, AdvanceMode] = field(default_factory=dict)

    def to_json(self) -> SequencerRecordJson:
        """The record as JSON-ready data."""
        return {
            "state": self.state.value,
            "index": self.index,
            "remaining": self.remaining,
            "added": self.added,
            "warned": self.warned,
            "overran": self.overran,
            "default_mode": self.default_mode.value,
            "step_modes": {str(k): v.value for k, v in self.step_modes.items()},
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> SequencerRecord:
        """A record saved with `to_json`; ValueError (or KeyError, TypeError) when damaged."""
        modes = data["step_modes"]
        if not isinstance(modes, Mapping):
            raise TypeError("step_modes must be an object")
        return cls(
            state=RunState(str(data["state"])),
            index=_whole(data["index"], "index"),
            remaining=_finite(data["remaining"], "remaining"),
            added=_finite(data["added"], "added"),
            warned=bool(data["warned"]),
            overran=bool(data["overran"]),
            default_mode=AdvanceMode(str(data["default_mode"])),
            step_modes={int(k): AdvanceMode(str(v)) for k, v in modes.items()},
        )


def _finite(value: Any, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValueError(f"{name} must be a finite number, got {value!r}")
    return float(value)


def _whole(value: Any, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{name} must be a whole number, got {value!r}")
    return value
