"""Fitting the phases of a round (or speaking turn) to a new length.

The phases are scaled in proportion, each kept inside its allowed range: a
phase that reaches an end of its range stays there and the others share the
rest. Lengths are whole multiples of the rounding step, so a fitted round
keeps its phases easy to read and tiles exactly.
"""

from __future__ import annotations

import dataclasses
import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

    from facilitator.core.workshop.structures import Phase

MIN_PHASE_SECONDS = 15
"""No phase is fitted shorter than this, whatever its range (unless it was shorter already)."""


def phase_limits(phase: Phase, unit: int) -> tuple[int, int]:
    """The shortest and longest a phase may be fitted to, in seconds, on multiples of `unit`."""
    seconds = round(phase.minutes * 60)
    low, high = (minutes * 60 for minutes in phase.minutes_range)
    low = max(low, min(seconds, MIN_PHASE_SECONDS))
    shortest = math.ceil(low / unit - 1e-9) * unit
    longest = math.floor(high / unit + 1e-9) * unit
    if shortest > longest:  # a range narrower than one unit: the phase keeps its length
        return seconds, seconds
    return shortest, longest


def turn_limits(phases: Sequence[Phase], unit: int) -> tuple[int, int]:
    """The shortest and longest a round or turn of these phases may be fitted to, in seconds."""
    limits = [phase_limits(phase, unit) for phase in phases]
    return sum(low for low, _ in limits), sum(high for _, high in limits)


def fit_phases(phases: Sequence[Phase], target_seconds: int, unit: int) -> tuple[Phase, ...]:
    """The phases scaled to fill `target_seconds` (clamped to what their ranges allow).

    Each fitted phase keeps its original range as its declared range, so fitting
    again starts from the same limits.
    """
    limits = [phase_limits(phase, unit) for phase in phases]
    lows = [low for low, _ in limits]
    highs = [high for _, high in limits]
    target = min(max(target_seconds, sum(lows)), sum(highs))
    wanted = _proportional([phase.minutes * 60 for phase in phases], lows, highs, target)
    chosen = _rounded(wanted, lows, highs, target, unit)
    return tuple(
        dataclasses.replace(
            phase,
            minutes=seconds / 60,
            min_minutes=phase.minutes_range[0],
            max_minutes=phase.minutes_range[1],
        )
        for phase, seconds in zip(phases, chosen, strict=True)
    )


def _proportional(
    defaults: Sequence[float], lows: Sequence[int], highs: Sequence[int], target: int
) -> list[float]:
    """Each default times one factor, clamped to its range, summing to `target`."""

    def clamped(factor: float) -> list[float]:
        return [
            min(max(default * factor, low), high)
            for default, low, high in zip(defaults, lows, highs, strict=True)
        ]

    low, high = 0.0, 1.0
    while sum(clamped(high)) < target and high < 1e6:
        high *= 2
    for _ in range(100):
        middle = (low + high) / 2
        if sum(clamped(middle)) < target:
            low = middle
        else:
            high = middle
    return clamped(high)


def _rounded(
    wanted: Sequence[float], lows: Sequence[int], highs: Sequence[int], target: int, unit: int
) -> list[int]:
    """`wanted` on multiples of `unit` within each range, summing to `target` when it can."""
    chosen = [
        min(max(unit * round(w / unit), low), high)
        for w, low, high in zip(wanted, lows, highs, strict=True)
    ]
    while (gap := target - sum(chosen)) != 0:
        step = min(unit, abs(gap))
        if gap > 0:
            options = [i for i in range(len(chosen)) if chosen[i] + step <= highs[i]]
            pick = max(options, key=lambda i: wanted[i] - chosen[i], default=None)
        else:
            options = [i for i in range(len(chosen)) if chosen[i] - step >= lows[i]]
            pick = min(options, key=lambda i: wanted[i] - chosen[i], default=None)
        if pick is None:
            break
        chosen[pick] += step if gap > 0 else -step
    return chosen
