"""A whole plan compiled into ONE timeline, with a section per item, for the sequencer."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from facilitator.core.plans.schedule import StructureSource, resolve_plan
from facilitator.core.timing.timeline import Section, Segment, Timeline, build_timeline
from facilitator.core.workshop.structures import (
    Moment,
    Question,
    QuestionSet,
    SetKind,
    Step,
    Structure,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

    from facilitator.core.plans.format import Plan


def compile_plan(
    plan: Plan, library: StructureSource, language: str, *, warning_seconds: int | None = None
) -> Timeline:
    """The whole plan as one timeline, with one section per item, for the sequencer.

    Step ids are prefixed with the item's position ("2-pairs"), so they are
    unique; each item's questions show only in that item's steps. Each item
    starts with its own step-start cue; only the end of the plan rings the end cue.
    """
    resolved = resolve_plan(plan, library, language)
    steps: list[Step] = []
    segments: list[Segment] = []
    sections: list[Section] = []
    questions: list[Question] = []
    kinds: set[SetKind] = set()
    attributions: list[str] = []
    offset = 0
    for item in resolved:
        prefix = f"{item.position}-"
        own = build_timeline(
            item.structure, item.question_set, language, warning_seconds=warning_seconds
        )
        first_step, first_segment = len(steps), len(segments)
        for step in item.structure.steps:
            warning = (
                step.warning_seconds
                if step.warning_seconds is not None
                else item.structure.warning_seconds
            )
            steps.append(dataclasses.replace(step, id=prefix + step.id, warning_seconds=warning))
        for segment in own.segments:
            segments.append(
                dataclasses.replace(
                    segment,
                    index=first_segment + segment.index,
                    step_index=first_step + segment.step_index,
                    step_id=prefix + segment.step_id,
                    start_seconds=offset + segment.start_seconds,
                )
            )
        sections.append(Section(item.title, first_segment, len(segments) - 1))
        offset += own.total_seconds
        if item.question_set is not None:
            kinds.add(item.question_set.kind)
            questions.extend(_item_questions(item.structure, item.question_set, prefix))
        if item.structure.attribution and item.structure.attribution not in attributions:
            attributions.append(item.structure.attribution)
    structure = Structure(
        id=plan.id,
        title=plan.title,
        steps=tuple(steps),
        summary=plan.summary,
        attribution=" ".join(attributions),
    )
    question_set = None
    if questions:
        question_set = QuestionSet(
            id=f"{plan.id}-questions",
            language=language,
            title=plan.title.in_language(language),
            questions=tuple(questions),
            structures=(plan.id,),
            kind=SetKind.STEMS if kinds == {SetKind.STEMS} else SetKind.QUESTIONS,
        )
    return Timeline(
        structure, language, question_set, tuple(segments), Moment.END.value, tuple(sections)
    )


def _item_questions(
    structure: Structure, question_set: QuestionSet, prefix: str
) -> Iterator[Question]:
    """The set's questions restricted to the item's steps that show questions."""
    for question in question_set.questions:
        shown = tuple(
            prefix + step.id
            for step in structure.steps
            if step.show_questions and question.shown_in(step.id)
        )
        if shown:  # an empty list would mean "every step", leaking into other items
            yield Question(question.text, shown)
