"""A plan against the library: each item resolved, its length, its clock times.

Plans never import the library (the library holds plans, so it comes above them):
what they need of it is the small `StructureSource` protocol, which the
library's `Library` satisfies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Protocol

from facilitator.core.files.problems import Problem
from facilitator.core.plans.format import (
    CLOCK_EXPECTED,
    FreeItem,
    Plan,
    PlanItem,
    StructureItem,
)
from facilitator.core.timing.fitting import FitError, fit_structure, structure_seconds
from facilitator.core.timing.timeline import seconds_of
from facilitator.core.workshop.structures import (
    FALLBACK_LANGUAGE,
    GroupShape,
    QuestionSet,
    Step,
    Structure,
)


class PlanError(ValueError):
    """A plan cannot be used as asked; the message names the item, the field and why."""


class StructureSource(Protocol):
    """Where a plan finds its structures and question sets (the library)."""

    def find_structure(self, structure_id: str) -> Structure | None:
        """The structure with this id, or None."""
        ...

    def find_question_set(self, set_id: str) -> QuestionSet | None:
        """The question set with this id, or None."""
        ...

    def default_question_set(self, structure: Structure, language: str) -> QuestionSet | None:
        """The set a run of `structure` in `language` shows unless another is chosen."""
        ...


@dataclass(frozen=True)
class ResolvedItem:
    """One plan item ready to run: its structure (fitted, or one step), set and length."""

    position: int
    """1 for the first item."""
    item: PlanItem
    title: str
    structure: Structure
    """The structure as it runs: fitted when the item has minutes; one step for a free item."""
    question_set: QuestionSet | None
    seconds: int


def _item_path(index: int, key: str | None = None) -> str:
    return f"items[{index}]" + (f".{key}" if key else "")


def _structure_label(item: StructureItem, library: StructureSource, language: str) -> str:
    structure = library.find_structure(item.structure_id)
    return structure.title.in_language(language) if structure else item.structure_id


def item_label(item: PlanItem, library: StructureSource, language: str = FALLBACK_LANGUAGE) -> str:
    """The title of an item in `language`: its structure's title, or the free item's."""
    if isinstance(item, FreeItem):
        return item.title.in_language(language)
    return _structure_label(item, library, language)


def free_item_structure(item: FreeItem, position: int = 1) -> Structure:
    """A one-step whole-group structure standing for a free item in a run."""
    step = Step(
        id="break" if item.is_break else "free",
        title=item.title,
        group=GroupShape.WHOLE_GROUP,
        minutes=item.minutes,
        notes=item.notes,
        show_questions=False,
    )
    return Structure(id=f"item-{position}", title=item.title, steps=(step,))


def _base_structure(
    item: StructureItem, index: int, library: StructureSource, found: list[Problem], label: str
) -> Structure | None:
    structure = library.find_structure(item.structure_id)
    if structure is None:
        found.append(
            Problem(
                label,
                _item_path(index, "structure"),
                f"no structure {item.structure_id!r} in the library; "
                "`facilitator list` shows the ids",
            )
        )
        return None
    return structure


def _fitted(
    item: StructureItem, structure: Structure, index: int, found: list[Problem], label: str
) -> Structure | None:
    if item.minutes is None:
        return structure
    try:
        return fit_structure(structure, item.minutes)
    except FitError as error:
        found.append(Problem(label, _item_path(index, "minutes"), str(error)))
        return None


def _question_set(
    item: StructureItem,
    structure: Structure,
    index: int,
    library: StructureSource,
    language: str,
    found: list[Problem],
    label: str,
) -> QuestionSet | None:
    set_id = item.question_set_id(language)
    if set_id is None:
        return library.default_question_set(structure, language)
    question_set = library.find_question_set(set_id)
    if question_set is None:
        key = language if language in item.questions else FALLBACK_LANGUAGE
        found.append(
            Problem(
                label,
                _item_path(index, f"questions.{key}"),
                f"no question set {set_id!r} in the library",
            )
        )
        return None
    return question_set


def resolve_plan(
    plan: Plan, library: StructureSource, language: str = FALLBACK_LANGUAGE
) -> tuple[ResolvedItem, ...]:
    """Every item of `plan` ready to run in `language`; PlanError naming every problem.

    A structure item shows its chosen set for the language, else its chosen
    English set, else the library's default set for its structure.
    """
    found: list[Problem] = []
    resolved: list[ResolvedItem] = []
    for index, item in enumerate(plan.items):
        position = index + 1
        if isinstance(item, FreeItem):
            structure = free_item_structure(item, position)
            resolved.append(
                ResolvedItem(
                    position,
                    item,
                    item.title.in_language(language),
                    structure,
                    None,
                    structure_seconds(structure),
                )
            )
            continue
        base = _base_structure(item, index, library, found, plan.id)
        if base is None:
            continue
        fitted = _fitted(item, base, index, found, plan.id)
        question_set = _question_set(item, base, index, library, language, found, plan.id)
        if fitted is None:
            continue
        resolved.append(
            ResolvedItem(
                position,
                item,
                base.title.in_language(language),
                fitted,
                question_set,
                structure_seconds(fitted),
            )
        )
    if found:
        raise PlanError("; ".join(str(problem) for problem in found))
    return tuple(resolved)


def plan_problems(plan: Plan, library: StructureSource) -> list[Problem]:
    """Everything in `plan` that does not match the library, in every language it names."""
    found: list[Problem] = []
    for index, item in enumerate(plan.items):
        if not isinstance(item, StructureItem):
            continue
        structure = _base_structure(item, index, library, found, plan.id)
        if structure is not None:
            _fitted(item, structure, index, found, plan.id)
        for language, set_id in item.questions.items():
            question_set = library.find_question_set(set_id)
            where = _item_path(index, f"questions.{language}")
            if question_set is None:
                found.append(Problem(plan.id, where, f"no question set {set_id!r} in the library"))
            elif question_set.language != language:
                found.append(
                    Problem(
                        plan.id,
                        where,
                        f"question set {set_id!r} is in {question_set.language!r}, "
                        f"not {language!r}",
                    )
                )
    return found


# --- lengths and clock times ----------------------------------------------------


def item_seconds(item: PlanItem, library: StructureSource) -> int:
    """How long an item runs, in whole seconds (a fitted structure's real total)."""
    if isinstance(item, FreeItem):
        return seconds_of(item.minutes)
    found: list[Problem] = []
    structure = _base_structure(item, 0, library, found, "plan")
    if structure is not None:
        structure = _fitted(item, structure, 0, found, "plan")
    if structure is None:
        raise PlanError("; ".join(problem.message for problem in found))
    return structure_seconds(structure)


def plan_seconds(plan: Plan, library: StructureSource) -> int:
    """The whole plan's planned length in seconds."""
    return sum(item.seconds for item in resolve_plan(plan, library))


def parse_clock_time(value: time | str) -> time:
    """A clock time from a `time` or from text like "09:30" or "9:30"; ValueError if not."""
    if isinstance(value, time):
        return value
    match = re.fullmatch(r"\s*(\d{1,2}):(\d{2})\s*", value)
    if match is None or int(match[1]) > 23 or int(match[2]) > 59:
        raise ValueError(f"expected {CLOCK_EXPECTED}, got {value!r}")
    return time(int(match[1]), int(match[2]))


def clock_after(start: time, seconds: float) -> time:
    """The clock time `seconds` after `start`, wrapping past midnight."""
    moment = datetime.combine(date(2000, 1, 1), start) + timedelta(seconds=seconds)
    return moment.time()


@dataclass(frozen=True)
class PlannedItem:
    """One item's place in the plan: its offset and length, and its clock times."""

    position: int
    item: PlanItem
    offset_seconds: int
    seconds: int
    start: time | None
    """The planned clock start, or None when the plan has no start time."""
    end: time | None


def plan_schedule(
    plan: Plan, library: StructureSource, start: time | str | None = None
) -> tuple[PlannedItem, ...]:
    """Each item's planned offset, length and clock times from `start` (else the plan's)."""
    begin = start if start is not None else plan.start_time
    clock = parse_clock_time(begin) if begin is not None else None
    planned: list[PlannedItem] = []
    offset = 0
    for resolved in resolve_plan(plan, library):
        planned.append(
            PlannedItem(
                resolved.position,
                resolved.item,
                offset,
                resolved.seconds,
                clock_after(clock, offset) if clock else None,
                clock_after(clock, offset + resolved.seconds) if clock else None,
            )
        )
        offset += resolved.seconds
    return tuple(planned)
