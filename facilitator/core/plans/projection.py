"""Ahead or behind: a running plan's projected finish, and each item's, by the wall clock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from facilitator.core.timing.events import RunState, RunStatus

if TYPE_CHECKING:
    from facilitator.core.timing.timeline import Section, Timeline


@dataclass(frozen=True)
class Projection:
    """When the run was planned to finish, and when it will finish at this pace."""

    planned_finish: datetime
    projected_finish: datetime

    @property
    def behind_seconds(self) -> float:
        """Seconds behind the plan; negative when ahead."""
        return (self.projected_finish - self.planned_finish).total_seconds()


def project(
    planned_start: datetime,
    planned_seconds: float,
    now: datetime,
    remaining_seconds: float,
    *,
    started: bool = True,
) -> Projection:
    """The projected finish from the wall time `now` and the run's remaining total.

    Before the run has started it is expected to start at the planned start, or
    now if that has passed.
    """
    planned_finish = planned_start + timedelta(seconds=planned_seconds)
    begin = now if started else max(now, planned_start)
    return Projection(planned_finish, begin + timedelta(seconds=remaining_seconds))


def project_run(
    timeline: Timeline, planned_start: datetime, now: datetime, status: RunStatus
) -> Projection:
    """The projection of a run of `timeline` in the state `status`, read at `now`."""
    started = status.state is not RunState.READY
    remaining = status.total_remaining if started else timeline.total_seconds
    return project(planned_start, timeline.total_seconds, now, remaining, started=started)


@dataclass(frozen=True)
class ItemProjection:
    """When one item (a timeline section) was planned to start and will start now."""

    section: Section
    planned_start: datetime
    projected_start: datetime | None
    """None once the item has begun."""

    @property
    def behind_seconds(self) -> float | None:
        """Seconds this item will start late (negative: early), None once it has begun."""
        if self.projected_start is None:
            return None
        return (self.projected_start - self.planned_start).total_seconds()


def project_items(
    timeline: Timeline, planned_start: datetime, now: datetime, status: RunStatus
) -> tuple[ItemProjection, ...]:
    """Each section's planned start and, for those still to come, its projected start."""
    started = status.state is not RunState.READY
    begin = now if started else max(now, planned_start)
    result = []
    for section in timeline.sections:
        offset = timeline.segments[section.first_index].start_seconds
        planned = planned_start + timedelta(seconds=offset)
        if not started:
            projected: datetime | None = begin + timedelta(seconds=offset)
        elif status.state is RunState.FINISHED or section.first_index <= status.index:
            projected = None
        else:
            until = status.total_remaining - (timeline.total_seconds - offset)
            projected = now + timedelta(seconds=until)
        result.append(ItemProjection(section, planned, projected))
    return tuple(result)
