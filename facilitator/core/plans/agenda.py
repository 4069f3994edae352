"""Where a running plan stands against its agenda, by the wall clock.

A real session reads plan time straight from the wall clock. A rehearsal runs
faster than the wall, so its plan time starts at the planned start and runs at
the rehearsal's speed: pausing a 10x rehearsal for 12 seconds puts it two
minutes behind, as two minutes' pause would in front of the room.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from facilitator.core.plans.projection import project_items, project_run
from facilitator.core.plans.schedule import parse_clock_time
from facilitator.core.timing.events import RunState, RunStatus

if TYPE_CHECKING:
    from facilitator.core.timing.timeline import Timeline

ON_TIME_SECONDS = 30
"""Less than this ahead or behind counts as on time."""


@dataclass(frozen=True)
class PlanClock:
    """Maps wall seconds to plan time: plan_anchor at wall_anchor, `speed` times faster."""

    wall_anchor: float
    plan_anchor: float
    speed: float = 1.0

    def now(self, wall: float) -> datetime:
        """The plan time at wall time `wall`."""
        return datetime.fromtimestamp(self.plan_anchor + (wall - self.wall_anchor) * self.speed)

    def to_json(self) -> dict[str, float]:
        """The clock as plain data, for the session's crash record."""
        return {
            "wall_anchor": self.wall_anchor,
            "plan_anchor": self.plan_anchor,
            "speed": self.speed,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PlanClock:
        """A clock saved with `to_json`; ValueError or KeyError when damaged."""
        speed = float(data["speed"])
        if not speed > 0:
            raise ValueError("speed must be above 0")
        return cls(float(data["wall_anchor"]), float(data["plan_anchor"]), speed)


def planned_start_on_the_day(start_time: str | None, today: datetime) -> datetime | None:
    """The planned start ("HH:MM") on the day of `today`, or None without a start time."""
    if start_time is None:
        return None
    return datetime.combine(today.date(), parse_clock_time(start_time))


def plan_clock_for(wall: float, speed: float, planned_start: datetime | None) -> PlanClock:
    """The wall itself for a real session; a rehearsal's faster clock from the planned start."""
    if speed == 1 or planned_start is None:
        return PlanClock(wall, wall, speed)
    return PlanClock(wall, planned_start.timestamp(), speed)


class ItemState(StrEnum):
    """Where the run stands with one agenda item."""

    DONE = "done"
    CURRENT = "current"
    COMING = "coming"


@dataclass(frozen=True)
class AgendaRow:
    """One item of the agenda: planned times, and when it is now expected to start."""

    title: str
    planned_start: datetime
    planned_end: datetime
    projected_start: datetime | None
    """None once the item has begun."""
    state: ItemState


@dataclass(frozen=True)
class AgendaStatus:
    """The agenda of a running plan, and how far ahead or behind it runs."""

    rows: tuple[AgendaRow, ...]
    planned_finish: datetime
    projected_finish: datetime
    started: bool

    @property
    def behind_seconds(self) -> float:
        """Seconds behind the plan; negative when ahead."""
        return (self.projected_finish - self.planned_finish).total_seconds()

    @property
    def minutes_behind(self) -> int:
        """Whole minutes behind (negative: ahead), 0 when on time."""
        return minutes_off(self.behind_seconds)


def minutes_off(seconds: float) -> int:
    """Seconds ahead or behind as whole minutes, rounded half away from zero; 0 when on time."""
    if abs(seconds) < ON_TIME_SECONDS:
        return 0
    return int(math.copysign(math.floor(abs(seconds) / 60 + 0.5), seconds))


def agenda_status(
    timeline: Timeline, planned_start: datetime, now: datetime, status: RunStatus
) -> AgendaStatus:
    """The agenda of `timeline` planned from `planned_start`, read at plan time `now`."""
    projection = project_run(timeline, planned_start, now, status)
    items = project_items(timeline, planned_start, now, status)
    rows = []
    for item in items:
        section = item.section
        end = timeline.segments[section.last_index].end_seconds
        planned_end = planned_start + timedelta(seconds=end)
        if status.state is RunState.FINISHED or (
            status.state is not RunState.READY and status.index > section.last_index
        ):
            state = ItemState.DONE
        elif status.state is not RunState.READY and section.contains(status.index):
            state = ItemState.CURRENT
        else:
            state = ItemState.COMING
        rows.append(
            AgendaRow(section.title, item.planned_start, planned_end, item.projected_start, state)
        )
    return AgendaStatus(
        tuple(rows),
        projection.planned_finish,
        projection.projected_finish,
        status.state is not RunState.READY,
    )
