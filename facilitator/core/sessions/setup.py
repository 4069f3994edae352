"""Building the timeline a session runs, from its spec and the library."""

from __future__ import annotations

from typing import TYPE_CHECKING

from facilitator.core.files import validation as v
from facilitator.core.files.kinds import DocumentKind
from facilitator.core.plans.compile import compile_plan
from facilitator.core.plans.fit import fit_plan
from facilitator.core.plans.format import Plan, plan_from_document
from facilitator.core.plans.schedule import PlanError
from facilitator.core.timing.fitting import FitError, fit_structure
from facilitator.core.timing.timeline import Timeline, build_timeline
from facilitator.core.workshop.structures import group_sizes_text

if TYPE_CHECKING:
    from facilitator.core.documents.library import Library
    from facilitator.core.sessions.record import SessionSpec
    from facilitator.core.workshop.structures import QuestionSet, Structure


class RunSetupError(ValueError):
    """A run cannot be prepared; the message says why in plain words."""


def timeline_for(
    library: Library, spec: SessionSpec, *, warning_seconds: int | None = None
) -> Timeline:
    """The timeline for `spec`: its structure (fitted, with its question set) or its plan."""
    if spec.kind == DocumentKind.PLAN:
        return _plan_timeline(library, spec, warning_seconds)
    try:
        structure = library.structure(spec.item_id)
    except KeyError as error:
        raise RunSetupError(error.args[0]) from None
    if spec.group_size is not None:
        structure = sized_structure(structure, spec.group_size)
    if spec.fit_minutes is not None:
        try:
            structure = fit_structure(structure, spec.fit_minutes)
        except FitError as error:
            raise RunSetupError(str(error)) from None
    if spec.questions_id is not None:
        try:
            question_set: QuestionSet | None = library.question_set(spec.questions_id)
        except KeyError as error:
            raise RunSetupError(error.args[0]) from None
    else:
        question_set = library.default_question_set(structure, spec.language)
    # The card speaks the language of the questions it shows: titles, instructions and its
    # own words ("Round 1 of 3") are never in one language above questions in another.
    language = question_set.language if question_set is not None else spec.language
    return build_timeline(structure, question_set, language, warning_seconds=warning_seconds)


def sized_structure(structure: Structure, group_size: int) -> Structure:
    """`structure` for groups of `group_size`; RunSetupError when that cannot be."""
    allowed = structure.group_size_range
    if allowed is None:
        raise RunSetupError(
            f"{structure.id}: no step's rounds or turns follow the size of the group, "
            "so a group size does not apply"
        )
    if not allowed[0] <= group_size <= allowed[1]:
        raise RunSetupError(
            f"{structure.id}: expected a group size of {group_sizes_text(allowed)}, "
            f"got {group_size}"
        )
    return structure.with_group_size(group_size)


def plan_of(library: Library, spec: SessionSpec) -> Plan:
    """The plan a plan session runs: its own document if it has one, else the library's."""
    if spec.plan is not None:
        problems = v.Problems()
        plan = plan_from_document(spec.plan, problems)
        if plan is None:
            details = "; ".join(f"{path}: {message}" for path, message in problems.items)
            raise RunSetupError(f"the plan is damaged: {details}")
        return plan
    plan = library.find_plan(spec.item_id)
    if plan is None:
        raise RunSetupError(f"no plan {spec.item_id!r} in the library")
    return plan


def _plan_timeline(library: Library, spec: SessionSpec, warning_seconds: int | None) -> Timeline:
    if spec.group_size is not None:
        raise RunSetupError(
            f"{spec.item_id!r} is a plan: each of its structures runs with its own group size, "
            "so a group size does not apply"
        )
    plan = plan_of(library, spec)
    try:
        if spec.fit_minutes is not None:
            plan = fit_plan(plan, library, spec.fit_minutes)
        return compile_plan(plan, library, spec.language, warning_seconds=warning_seconds)
    except PlanError as error:
        raise RunSetupError(str(error)) from None
