"""What the projector card would show, for the editor's preview (no run needed)."""

from __future__ import annotations

from facilitator.core.shown.card import CardContent, CardPhase, card_content
from facilitator.core.timing.events import AdvanceMode, RunState, RunStatus
from facilitator.core.timing.timeline import Segment, SegmentKind, Timeline, build_timeline
from facilitator.core.workshop.structures import QuestionSet, SetKind, Structure


def preview_timeline(
    structure: Structure, question_set: QuestionSet | None, language: str
) -> Timeline:
    """The timeline a run of `structure` with `question_set` in `language` would follow."""
    return build_timeline(structure, question_set, language)


def segment_card(timeline: Timeline, index: int) -> CardContent:
    """The card at the start of segment `index`, as while the run goes."""
    segments = timeline.segments
    segment = segments[max(0, min(index, len(segments) - 1))]
    status = RunStatus(
        state=RunState.RUNNING,
        index=segment.index,
        segment=segment,
        remaining=float(segment.duration_seconds),
        duration=float(segment.duration_seconds),
        total_remaining=float(timeline.total_seconds - segment.start_seconds),
        warning=False,
        overrun=False,
        mode=AdvanceMode.AUTO,
    )
    return card_content(timeline, status)


def questions_card(question_set: QuestionSet, questions: tuple[str, ...]) -> CardContent:
    """A card showing `questions` of a set that fits no structure yet."""
    return CardContent(
        phase=CardPhase.RUNNING,
        structure_title=question_set.title,
        step_title=question_set.title,
        questions=questions,
        stems=question_set.kind is SetKind.STEMS,
    )


def first_segment_showing(timeline: Timeline, text: str) -> Segment | None:
    """The first segment (not a change-over) whose card shows the question `text`."""
    for segment in timeline.segments:
        if segment.kind is not SegmentKind.TRANSITION and text in segment.questions:
            return segment
    return None


def question_card(
    question_set: QuestionSet, structure: Structure | None, question_index: int
) -> CardContent:
    """The card showing question `question_index` of a set, as a run of `structure` would."""
    questions = question_set.questions
    if not questions:
        return questions_card(question_set, ())
    chosen = questions[max(0, min(question_index, len(questions) - 1))]
    if structure is not None:
        timeline = preview_timeline(structure, question_set, question_set.language)
        segment = first_segment_showing(timeline, chosen.text)
        if segment is not None:
            return segment_card(timeline, segment.index)
    return questions_card(question_set, (chosen.text,))
