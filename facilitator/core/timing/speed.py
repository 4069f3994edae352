"""How fast a run may go: from a hundredth of real time to a thousand times faster."""

from __future__ import annotations

import math

MIN_SPEED = 0.01
MAX_SPEED = 1000.0
"""A run goes from a hundredth of real time to a thousand times faster (a rehearsal)."""


def check_speed(speed: float) -> float:
    """`speed` when it is a finite number from MIN_SPEED to MAX_SPEED; ValueError otherwise."""
    if not (isinstance(speed, int | float) and math.isfinite(speed)):
        raise ValueError(f"the speed must be a number from {MIN_SPEED:g} to {MAX_SPEED:g}")
    if not MIN_SPEED <= speed <= MAX_SPEED:
        raise ValueError(
            f"the speed must be a number from {MIN_SPEED:g} to {MAX_SPEED:g}, got {speed:g}"
        )
    return float(speed)
