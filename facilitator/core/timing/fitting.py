"""Fit to time: scale a structure to a target length, keeping its proportions.

Every step, speaking turn and transition is scaled by the same factor and rounded
to 5 seconds, so turns stay equal. The phases of a round or turn share its new
length in proportion, each within its own range (`phase_fitting.py`). A target
that would push a step outside its allowed range is refused with a message
naming the step and the possible range.
"""

from __future__ import annotations

import dataclasses
import math

from facilitator.core.timing.phase_fitting import fit_phases, turn_limits
from facilitator.core.timing.timeline import build_timeline
from facilitator.core.workshop.structures import Step, Structure, Transition

ROUNDING_SECONDS = 5
MIN_TURN_SECONDS = 15
"""No speaking turn or single-round step is ever shorter than this, whatever its range."""
MIN_TRANSITION_SECONDS = 10
MAX_FIT_MINUTES = 24 * 60.0
"""No structure is fitted to more than a day (and a huge length never overflows the maths)."""


class FitError(ValueError):
    """A structure cannot be fitted into the asked length; the message says why."""


def _round_to_step(seconds: float) -> int:
    return max(ROUNDING_SECONDS, ROUNDING_SECONDS * round(seconds / ROUNDING_SECONDS))


def format_minutes(seconds: float) -> str:
    """A length as m:ss, e.g. 90 -> '1:30'."""
    seconds = round(seconds)
    return f"{seconds // 60}:{seconds % 60:02d}"


def structure_seconds(structure: Structure) -> int:
    """The structure's total length in whole seconds, as the timeline runs it."""
    return build_timeline(structure, None, "en").total_seconds


def feasible_minutes(structure: Structure) -> tuple[float, float]:
    """The shortest and longest total, in minutes, the structure can be fitted into."""
    low, high = _factor_bounds(structure)
    total = structure_seconds(structure)
    return math.ceil(total * low / 60), math.floor(total * high / 60)


def _factor_bounds(structure: Structure) -> tuple[float, float]:
    low, high = 0.0, math.inf
    for step in structure.steps:
        step_low, step_high = _step_factor_bounds(step)
        low, high = max(low, step_low), min(high, step_high)
    return low, high


def _step_factor_bounds(step: Step) -> tuple[float, float]:
    if step.phases:
        phases_seconds = sum(round(phase.minutes * 60) for phase in step.phases)
        shortest_turn, longest_turn = turn_limits(step.phases, ROUNDING_SECONDS)
        low, high = shortest_turn / phases_seconds, longest_turn / phases_seconds
        if step.transition is not None and step.transition.minutes > 0:
            low = max(low, MIN_TRANSITION_SECONDS / (step.transition.minutes * 60))
        return low, high
    shortest, longest = step.minutes_range
    turn = step.minutes * 60 / step.speakers
    low = max(shortest / step.minutes, MIN_TURN_SECONDS / turn)
    high = longest / step.minutes
    if step.transition is not None and step.transition.minutes > 0:
        low = max(low, MIN_TRANSITION_SECONDS / (step.transition.minutes * 60))
    return low, high


def fit_structure(structure: Structure, target_minutes: float) -> Structure:
    """A copy of `structure` scaled to last about `target_minutes` (FitError if it can't)."""
    if not math.isfinite(target_minutes) or not 0 < target_minutes <= MAX_FIT_MINUTES:
        raise FitError(
            "the target length must be a number of minutes greater than 0 and at most "
            f"{MAX_FIT_MINUTES:g}, got {target_minutes:g}"
        )
    total = structure_seconds(structure)
    target = _round_to_step(target_minutes * 60)
    factor = target / total
    low, high = _factor_bounds(structure)
    if not low - 1e-9 <= factor <= high + 1e-9:
        _raise_out_of_range(structure, target, factor)
    steps = [_scaled_step(step, factor) for step in structure.steps]
    steps = _absorb_rounding(steps, target - sum(_step_seconds(step) for step in steps))
    return dataclasses.replace(structure, steps=tuple(steps))


def _raise_out_of_range(structure: Structure, target: int, factor: float) -> None:
    shortest, longest = feasible_minutes(structure)
    title = structure.title.in_language("en")
    worst = None
    for step in structure.steps:
        step_low, step_high = _step_factor_bounds(step)
        if factor < step_low - 1e-9 or factor > step_high + 1e-9:
            worst = step
            break
    where = (
        f": step '{worst.title.in_language('en')}' would leave its allowed length" if worst else ""
    )
    raise FitError(
        f"{title} cannot be fitted into {target / 60:g} minutes{where}; "
        f"choose between {shortest:g} and {longest:g} minutes"
    )


def _scaled_step(step: Step, factor: float) -> Step:
    turn = _round_to_step(step.minutes * 60 / step.speakers * factor)
    transition = step.transition
    if transition is not None:
        seconds = _round_to_step(transition.minutes * 60 * factor)
        transition = Transition(seconds / 60, transition.instruction, transition.before_first_round)
    if step.phases:
        phases = fit_phases(step.phases, turn, ROUNDING_SECONDS)
        turn_minutes = sum(phase.minutes for phase in phases)
        return dataclasses.replace(
            step, phases=phases, minutes=turn_minutes * step.speakers, transition=transition
        )
    return dataclasses.replace(
        step,
        minutes=turn * step.speakers / 60,
        min_minutes=step.minutes_range[0],
        max_minutes=step.minutes_range[1],
        transition=transition,
    )


def _step_seconds(step: Step) -> int:
    if step.phases:
        turn = sum(round(phase.minutes * 60) for phase in step.phases)
    else:
        turn = round(step.minutes * 60 / step.speakers)
    transition = round(step.transition_minutes * 60) * step.transition_count
    return turn * step.speakers * step.rounds + transition


def _absorb_rounding(steps: list[Step], residual: int) -> list[Step]:
    """Give the rounding residual to the longest plain step whose range allows it."""
    if residual == 0:
        return steps
    plain = [
        i
        for i, step in enumerate(steps)
        if step.rounds == 1 and step.speakers == 1 and not step.phases
    ]
    for index in sorted(plain, key=lambda i: -steps[i].minutes):
        step = steps[index]
        seconds = round(step.minutes * 60) + residual
        low, high = step.minutes_range
        if seconds >= MIN_TURN_SECONDS and low * 60 - 1e-6 <= seconds <= high * 60 + 1e-6:
            steps = list(steps)
            steps[index] = dataclasses.replace(step, minutes=seconds / 60)
            return steps
    return steps
