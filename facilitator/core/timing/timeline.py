"""Expanding a structure and a question set into a timeline of timed segments.

A segment is the unit the sequencer runs: a whole step, one speaking turn of a
round, the transition between rounds, or one phase of a round or turn (a phase
keeps the kind of what it is part of: a step or a turn). Durations are whole
seconds, so the segments tile the timeline exactly.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from facilitator.core.workshop.structures import (
    NO_CUE,
    Moment,
    Phase,
    QuestionSet,
    Role,
    SetKind,
    Step,
    Structure,
)

DEFAULT_WARNING_SECONDS = 30
"""The warning time when neither the file nor the preferences give one."""


class SegmentKind(StrEnum):
    """What a segment is: a whole step, one speaker's turn, or a transition."""

    STEP = "step"
    TURN = "turn"
    TRANSITION = "transition"


@dataclass(frozen=True)
class Segment:
    """One timed piece of a run, with the cue that marks its start."""

    index: int
    step_index: int
    step_id: str
    kind: SegmentKind
    start_seconds: int
    duration_seconds: int
    moment: Moment
    """The moment the segment's start marks (step start, round start, swap, transition)."""
    cue: str
    """The cue that rings at the start: a Moment value, or NO_CUE for none."""
    round: int | None = None
    rounds: int = 1
    speaker: int | None = None
    speakers: int = 1
    questions: tuple[str, ...] = ()
    warning_seconds: int | None = None
    """Seconds before the end at which the warning is due, or None for no warning."""
    warning_cue: str = NO_CUE
    phase: int | None = None
    """The phase's number in its round or turn (1 for the first); None without phases."""
    phases: int = 1
    phase_id: str | None = None
    role: Role | None = None
    """Who acts during the phase; None without phases."""

    @property
    def end_seconds(self) -> int:
        """The offset at which the segment ends."""
        return self.start_seconds + self.duration_seconds


@dataclass(frozen=True)
class Section:
    """A named part of a longer run, e.g. one item of a session plan."""

    title: str
    first_index: int
    last_index: int
    """The index of the section's last segment (inclusive)."""

    def contains(self, index: int) -> bool:
        """Whether segment `index` belongs to this section."""
        return self.first_index <= index <= self.last_index


@dataclass(frozen=True)
class PlannedCue:
    """An audible moment of an uninterrupted run, in run seconds from the start."""

    at_seconds: int
    cue: str
    moment: Moment
    index: int
    """The segment it belongs to (the last segment for the end)."""


@dataclass(frozen=True)
class Timeline:
    """The full run of one structure with one question set, ready for the sequencer.

    A session plan runs as one timeline too: its items are compiled into one
    structure, and `sections` names the part each segment belongs to.
    """

    structure: Structure
    language: str
    question_set: QuestionSet | None
    segments: tuple[Segment, ...]
    end_cue: str
    sections: tuple[Section, ...] = ()

    @property
    def total_seconds(self) -> int:
        """The length of the whole run at its planned timing."""
        return self.segments[-1].end_seconds if self.segments else 0

    @property
    def set_kind(self) -> SetKind:
        """Whether the questions shown are questions or sentence stems."""
        return self.question_set.kind if self.question_set else SetKind.QUESTIONS

    def step(self, segment: Segment) -> Step:
        """The step a segment belongs to."""
        return self.structure.steps[segment.step_index]

    def phase(self, segment: Segment) -> Phase | None:
        """The phase a segment runs, or None when it is no phase."""
        if segment.phase is None:
            return None
        return self.step(segment).phases[segment.phase - 1]

    def segment_at(self, offset_seconds: float) -> Segment:
        """The segment running `offset_seconds` after the start (the last one past the end)."""
        for segment in self.segments:
            if offset_seconds < segment.end_seconds:
                return segment
        return self.segments[-1]

    def section_of(self, index: int) -> Section | None:
        """The section holding segment `index`, or None for a single structure."""
        for section in self.sections:
            if section.contains(index):
                return section
        return None

    def planned_cues(self) -> tuple[PlannedCue, ...]:
        """Every cue an uninterrupted run rings, in order: segment starts, warnings, the end."""
        planned = []
        for segment in self.segments:
            if segment.cue != NO_CUE:
                planned.append(
                    PlannedCue(segment.start_seconds, segment.cue, segment.moment, segment.index)
                )
            if segment.warning_seconds and segment.warning_cue != NO_CUE:
                at = segment.end_seconds - segment.warning_seconds
                planned.append(PlannedCue(at, segment.warning_cue, Moment.WARNING, segment.index))
        if self.end_cue != NO_CUE and self.segments:
            last = self.segments[-1].index
            planned.append(PlannedCue(self.total_seconds, self.end_cue, Moment.END, last))
        return tuple(sorted(planned, key=lambda cue: cue.at_seconds))

    def to_json(self) -> dict[str, object]:
        """The timeline as the JSON object printed by `facilitator show --json`."""
        return {
            "id": self.structure.id,
            "title": self.structure.title.in_language(self.language),
            "language": self.language,
            "questions_id": self.question_set.id if self.question_set else None,
            "group_size": self.structure.group_size,
            "total_seconds": self.total_seconds,
            "end_cue": self.end_cue,
            "segments": [_segment_json(self, segment) for segment in self.segments],
        }


def _segment_json(timeline: Timeline, segment: Segment) -> dict[str, object]:
    step = timeline.step(segment)
    phase = timeline.phase(segment)
    return {
        "index": segment.index,
        "step": segment.step_id,
        "title": step.title.in_language(timeline.language),
        "kind": segment.kind.value,
        "group": step.group.value,
        "round": segment.round,
        "rounds": segment.rounds,
        "speaker": segment.speaker,
        "speakers": segment.speakers,
        "start_seconds": segment.start_seconds,
        "duration_seconds": segment.duration_seconds,
        "moment": segment.moment.value,
        "cue": segment.cue,
        "warning_seconds": segment.warning_seconds,
        "warning_cue": segment.warning_cue,
        "questions": list(segment.questions),
        "phase": segment.phase,
        "phases": segment.phases,
        "phase_id": segment.phase_id,
        "phase_title": phase.title.in_language(timeline.language) if phase else None,
        "role": segment.role.value if segment.role else None,
    }


def seconds_of(minutes: float) -> int:
    """Whole seconds in `minutes`, rounded to the nearest second."""
    return round(minutes * 60)


def turn_seconds(step: Step) -> int:
    """The length of one speaking turn (or of the whole round without turns)."""
    if step.phases:
        return sum(seconds_of(phase.minutes) for phase in step.phases)
    return max(1, round(step.minutes * 60 / step.speakers))


def build_timeline(
    structure: Structure,
    question_set: QuestionSet | None,
    language: str,
    *,
    warning_seconds: int | None = None,
) -> Timeline:
    """Expand `structure` into segments showing `question_set`'s questions.

    A step's own warning time wins, then the structure's; `warning_seconds` (the
    facilitator's preference) applies where the file gives none, else 30 seconds. A
    segment gets a warning only when it lasts at least twice that long and is not a
    transition; 0 means no warning.
    """
    builder = _TimelineBuilder(structure, question_set, warning_seconds)
    for step_index, step in enumerate(structure.steps):
        builder.add_step(step_index, step)
    end_cue = Moment.END.value
    return Timeline(structure, language, question_set, tuple(builder.segments), end_cue)


@dataclass(frozen=True)
class _Place:
    """Where a segment sits in its step: round, speaker and phase, with the moment it marks."""

    moment: Moment
    round: int | None = None
    speaker: int | None = None
    phase: Phase | None = None
    phase_number: int | None = None
    last_of_turn: bool = True


class _TimelineBuilder:
    """Accumulates segments step by step, keeping the running start offset."""

    def __init__(
        self, structure: Structure, question_set: QuestionSet | None, warning: int | None
    ) -> None:
        self.structure = structure
        self.question_set = question_set
        self.default_warning = DEFAULT_WARNING_SECONDS if warning is None else warning
        self.segments: list[Segment] = []
        self.offset = 0

    def add_step(self, step_index: int, step: Step) -> None:
        """Append every segment of one step."""
        first_moment_of_step = True
        for round_number in range(1, step.rounds + 1):
            has_transition = step.transition is not None and (
                round_number > 1 or step.transition.before_first_round
            )
            shown_round = round_number if step.rounds > 1 else None
            if has_transition:
                moment = Moment.STEP_START if first_moment_of_step else Moment.TRANSITION
                first_moment_of_step = False
                place = _Place(moment, round_number)
                self._append(
                    step_index,
                    step,
                    SegmentKind.TRANSITION,
                    seconds_of(step.transition_minutes),
                    place,
                )
            for speaker in range(1, step.speakers + 1):
                if first_moment_of_step:
                    moment = Moment.STEP_START
                    first_moment_of_step = False
                elif speaker == 1:
                    moment = Moment.ROUND_START
                else:
                    moment = Moment.SPEAKER_SWAP
                kind = SegmentKind.TURN if step.speakers > 1 else SegmentKind.STEP
                shown_speaker = speaker if step.speakers > 1 else None
                if not step.phases:
                    place = _Place(moment, shown_round, shown_speaker)
                    self._append(step_index, step, kind, turn_seconds(step), place)
                    continue
                for number, phase in enumerate(step.phases, start=1):
                    place = _Place(
                        moment if number == 1 else Moment.PHASE_CHANGE,
                        shown_round,
                        shown_speaker,
                        phase,
                        number,
                        last_of_turn=number == len(step.phases),
                    )
                    self._append(step_index, step, kind, seconds_of(phase.minutes), place)

    def _questions(self, step: Step, phase: Phase | None) -> tuple[str, ...]:
        if not step.show_questions or self.question_set is None:
            return ()
        return self.question_set.for_step(step.id, phase.id if phase else None)

    def _warning_for(self, step: Step, kind: SegmentKind, duration: int) -> int | None:
        warning = next(
            (
                own
                for own in (step.warning_seconds, self.structure.warning_seconds)
                if own is not None
            ),
            self.default_warning,
        )
        if kind is SegmentKind.TRANSITION or warning <= 0 or duration < 2 * warning:
            return None
        return warning

    def _cue(self, step: Step, kind: SegmentKind, place: _Place) -> str:
        if kind is SegmentKind.TRANSITION:
            # A transition is marked by the transition cue even when it opens the step.
            return step.cue_for(Moment.TRANSITION)
        if place.phase is not None and place.moment is Moment.PHASE_CHANGE:
            return step.phase_cue(place.phase)
        return step.cue_for(place.moment)

    def _append(
        self, step_index: int, step: Step, kind: SegmentKind, duration: int, place: _Place
    ) -> None:
        # With phases, only the last phase of a round or turn warns of its end.
        warning = self._warning_for(step, kind, duration) if place.last_of_turn else None
        phase = place.phase
        self.segments.append(
            Segment(
                index=len(self.segments),
                step_index=step_index,
                step_id=step.id,
                kind=kind,
                start_seconds=self.offset,
                duration_seconds=duration,
                moment=place.moment,
                cue=self._cue(step, kind, place),
                round=place.round,
                rounds=step.rounds,
                speaker=place.speaker,
                speakers=step.speakers,
                questions=() if kind is SegmentKind.TRANSITION else self._questions(step, phase),
                warning_seconds=warning,
                warning_cue=step.cue_for(Moment.WARNING) if warning else NO_CUE,
                phase=place.phase_number,
                phases=len(step.phases) if phase is not None else 1,
                phase_id=phase.id if phase is not None else None,
                role=phase.role if phase is not None else None,
            )
        )
        self.offset += duration
