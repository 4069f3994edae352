"""What the console's run page shows at a given moment, decided without any widget.

`console_content` turns a timeline, a run status, the rehearsal speed and the
wall clock into plain data: the titles, what runs now and its notes, what comes
next, the clock, the state and what is left of the whole run. The run page only
puts it into translated labels.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from facilitator.core.shown.card import CardContent, CardPhase, card_content
from facilitator.core.timing.countdown import format_countdown, format_duration
from facilitator.core.timing.events import RunState, RunStatus
from facilitator.core.timing.timeline import SegmentKind
from facilitator.core.workshop.structures import Moment, Role

if TYPE_CHECKING:
    from facilitator.core.timing.timeline import Segment, Timeline


class NextKind(StrEnum):
    """What comes after the current segment, as the console announces it."""

    END = "end"
    """Nothing: the run ends."""
    SWAP = "swap"
    """The next speaker of the same round."""
    STEP = "step"
    """A step or a round, named by its step's title."""
    TRANSITION = "transition"
    """A change-over, named by its instruction."""
    PHASE = "phase"
    """The next phase of the same round or turn, named by its title."""


@dataclass(frozen=True)
class NextUp:
    """The segment after the current one."""

    kind: NextKind
    title: str = ""
    """The step's title; for a change-over its instruction (the title when it has none)."""
    seconds: int = 0
    """Its planned length."""
    role: Role | None = None
    """Who acts in it, when it is a phase."""
    phase_title: str = ""
    """Its phase's title, when it is a phase (the first of a new round or turn, too)."""

    @property
    def length(self) -> str:
        """Its length for people: `2 min`, `45 s`."""
        return format_duration(self.seconds)


@dataclass(frozen=True)
class NowRunning:
    """The segment running now, as the console describes it."""

    step_title: str
    kind: SegmentKind
    card: CardContent
    """What the card shows now, for its round and speaker."""
    notes: str
    """The facilitator's notes for the step; empty without notes."""
    next_up: NextUp


@dataclass(frozen=True)
class WholeRun:
    """What is left of the whole run, and when it ends by the wall clock."""

    left: str
    """As the countdown shows it: `12:00`."""
    ends_at: str
    """The wall-clock time at which it ends if nothing changes: `10:20`."""


@dataclass(frozen=True)
class ConsoleContent:
    """Everything on the console's run page, as plain data; texts are shown exactly as typed."""

    state: RunState
    phase: CardPhase
    """The card's phase, which names the state beside the clock."""
    title: str
    question_set_title: str
    """The questions' set of a single structure; empty for a plan (its agenda names them)."""
    rehearsal_speed: float | None
    """Run seconds per real second in a rehearsal; None in front of a room."""
    plan: bool
    """A plan: its agenda tells when it ends, so the console tells only what is left."""
    countdown: str
    progress: float
    """How much of the current segment has passed, from 0 to 1."""
    position: int | None
    """The segment the timeline marks; None once finished."""
    elapsed_seconds: float
    """Run seconds since the start at the planned timing, for the timeline's marker."""
    now: NowRunning | None
    """The segment running now; None once finished."""
    whole: WholeRun | None
    """None once finished."""


def console_content(
    timeline: Timeline, status: RunStatus, speed: float, wall_now: float
) -> ConsoleContent:
    """The run page for `status` in `timeline`, at rehearsal `speed` and wall time `wall_now`."""
    language = timeline.language
    plan = bool(timeline.sections)
    card = card_content(timeline, status)
    finished = status.state is RunState.FINISHED
    question_set = timeline.question_set
    return ConsoleContent(
        state=status.state,
        phase=card.phase,
        title=timeline.structure.title.in_language(language),
        question_set_title=question_set.title if question_set is not None and not plan else "",
        rehearsal_speed=speed if speed != 1 else None,
        plan=plan,
        countdown=format_countdown(status.remaining),
        progress=status.progress,
        position=status.index if status.segment else None,
        elapsed_seconds=timeline.total_seconds - status.total_remaining,
        now=None if finished or status.segment is None else _now(timeline, status.segment, card),
        whole=None if finished else _whole(status, speed, wall_now),
    )


def _now(timeline: Timeline, segment: Segment, card: CardContent) -> NowRunning:
    step = timeline.step(segment)
    return NowRunning(
        step_title=step.title.in_language(timeline.language),
        kind=segment.kind,
        card=card,
        notes=step.notes.in_language(timeline.language),
        next_up=_next_up(timeline, segment),
    )


def _next_up(timeline: Timeline, segment: Segment) -> NextUp:
    if segment.index + 1 >= len(timeline.segments):
        return NextUp(NextKind.END)
    following = timeline.segments[segment.index + 1]
    step = timeline.step(following)
    title = step.title.in_language(timeline.language)
    seconds = following.duration_seconds
    # A change-over is named by its instruction, whichever moment it marks (it may open its step).
    if following.kind is SegmentKind.TRANSITION and step.transition is not None:
        instruction = step.transition.instruction.in_language(timeline.language)
        return NextUp(NextKind.TRANSITION, instruction or title, seconds)
    phase = timeline.phase(following)
    phase_title = phase.title.in_language(timeline.language) if phase else ""
    if following.moment is Moment.PHASE_CHANGE and phase is not None:
        return NextUp(NextKind.PHASE, phase_title, seconds, phase.role, phase_title)
    role = phase.role if phase else None
    if following.moment is Moment.SPEAKER_SWAP:
        return NextUp(NextKind.SWAP, title, seconds, role, phase_title)
    return NextUp(NextKind.STEP, title, seconds, role, phase_title)


def _whole(status: RunStatus, speed: float, wall_now: float) -> WholeRun:
    finish = datetime.fromtimestamp(wall_now + status.total_remaining / speed)
    return WholeRun(format_countdown(status.total_remaining), finish.strftime("%H:%M"))
