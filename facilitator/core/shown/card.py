"""What the projector card shows at a given moment, decided without any widget.

`card_content` turns a timeline and a run status into plain data: titles,
the instruction, who speaks (or who acts in a phase of a round), the round,
the questions, the countdown and the card's look. The card widget only formats
labels and paints.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from facilitator.core.timing.countdown import format_countdown
from facilitator.core.timing.events import RunState, RunStatus
from facilitator.core.timing.timeline import SegmentKind, Timeline
from facilitator.core.workshop.structures import GroupShape, Moment, Role, SetKind

if TYPE_CHECKING:
    from facilitator.core.groups.rounds import GroupsOnCard


class CardPhase(StrEnum):
    """The overall look of the card."""

    READY = "ready"
    RUNNING = "running"
    WARNING = "warning"
    OVERRUN = "overrun"
    """The time is up and the run waits for Next: the console's red, never the room's."""
    TIME_UP = "time_up"
    """The room's calm "Time is up" while the run waits for Next (when the facilitator wants)."""
    PAUSED = "paused"
    FINISHED = "finished"


@dataclass(frozen=True)
class CardContent:
    """Everything on the card, as plain data; texts are shown exactly as typed."""

    phase: CardPhase
    structure_title: str
    step_title: str = ""
    instruction: str = ""
    questions: tuple[str, ...] = ()
    stems: bool = False
    group: GroupShape | None = None
    round: int | None = None
    rounds: int = 1
    speaker: int | None = None
    speakers: int = 1
    swap: bool = False
    """True for a speaking turn after the first: the card says "Swap"."""
    transition: bool = False
    countdown: str = ""
    progress: float = 0.0
    section_title: str = ""
    groups: GroupsOnCard | None = None
    """A page of a round's groups, when the facilitator shows them instead of the questions."""
    phase_number: int | None = None
    """The phase of the round (or turn) running now, from 1; None without phases."""
    phase_count: int = 1
    phase_title: str = ""
    role: Role | None = None
    """Who acts in the phase running now."""
    who_acts: str = ""
    """The phase's own instruction: who does what now, shown large."""
    language: str = ""
    """The language the card's texts are in, so its own words ("Round 1 of 3") match them."""


def speaker_letter(speaker: int) -> str:
    """The letter naming speaker `speaker` (1 -> A, 2 -> B, ...)."""
    return chr(ord("A") + (speaker - 1) % 26)


def card_content(timeline: Timeline, status: RunStatus) -> CardContent:
    """The card for `status` in `timeline`."""
    language = timeline.language
    structure_title = timeline.structure.title.in_language(language)
    if status.state is RunState.FINISHED or status.segment is None:
        return CardContent(CardPhase.FINISHED, structure_title, language=language)
    segment = status.segment
    step = timeline.step(segment)
    section = timeline.section_of(segment.index)
    is_transition = segment.kind is SegmentKind.TRANSITION
    if is_transition and step.transition is not None:
        instruction = step.transition.instruction.in_language(language)
    else:
        instruction = step.instruction.in_language(language)
    phase = timeline.phase(segment)
    return CardContent(
        language=language,
        phase=_phase(status),
        structure_title=structure_title,
        step_title=step.title.in_language(language),
        instruction=instruction,
        questions=() if is_transition else segment.questions,
        stems=timeline.set_kind is SetKind.STEMS,
        group=step.group,
        round=segment.round,
        rounds=segment.rounds,
        speaker=segment.speaker,
        speakers=segment.speakers,
        swap=segment.moment is Moment.SPEAKER_SWAP,
        transition=is_transition,
        countdown=format_countdown(status.remaining),
        progress=status.progress,
        section_title=section.title if section else "",
        phase_number=segment.phase,
        phase_count=segment.phases,
        phase_title=phase.title.in_language(language) if phase else "",
        role=segment.role,
        who_acts=phase.instruction.in_language(language) if phase else "",
    )


def as_the_room_sees(content: CardContent, *, time_up_shown: bool) -> CardContent:
    """The card the room sees: a part that runs over waits calmly at 0:00 for Next.

    In manual advance the run waits for the facilitator when the time is up. The console
    says so in red and counts the minutes over; the room sees the clock stop at 0:00, and
    a calm "Time is up" only if the facilitator wants it (`time_up_shown`).
    """
    if content.phase is not CardPhase.OVERRUN:
        return content
    phase = CardPhase.TIME_UP if time_up_shown else CardPhase.RUNNING
    return dataclasses.replace(content, phase=phase, countdown=format_countdown(0), progress=1.0)


def _phase(status: RunStatus) -> CardPhase:
    if status.state is RunState.READY:
        return CardPhase.READY
    if status.state is RunState.PAUSED:
        return CardPhase.PAUSED
    if status.overrun:
        return CardPhase.OVERRUN
    if status.warning:
        return CardPhase.WARNING
    return CardPhase.RUNNING
