"""Fit to time: scaling a structure to a target length."""

from __future__ import annotations

import pytest

from facilitator.core.timing.fitting import FitError, feasible_minutes, fit_structure
from facilitator.core.timing.timeline import SegmentKind, build_timeline
from tests.factories import paired_rounds_structure


def _segments(structure):
    return build_timeline(structure, None, "en").segments


def test_fitting_hits_the_target_and_keeps_turns_equal() -> None:
    fitted = fit_structure(paired_rounds_structure(), 14)
    timeline = build_timeline(fitted, None, "en")
    assert timeline.total_seconds == 14 * 60
    turns = [s.duration_seconds for s in timeline.segments if s.kind is SegmentKind.TURN]
    assert len(set(turns)) == 1, f"turns must stay equal, got {turns}"


def test_every_fitted_segment_is_rounded_to_five_seconds() -> None:
    for target in (11, 13.3, 17, 25, 33):
        for segment in _segments(fit_structure(paired_rounds_structure(), target)):
            assert segment.duration_seconds % 5 == 0, (target, segment)


def test_fitting_keeps_proportions() -> None:
    original = _segments(paired_rounds_structure())
    fitted = _segments(fit_structure(paired_rounds_structure(), 40))
    for before, after in zip(original, fitted, strict=True):
        if before.kind is SegmentKind.TURN:
            assert after.duration_seconds == 2 * before.duration_seconds


def test_a_target_too_short_is_refused_with_the_possible_range() -> None:
    shortest, longest = feasible_minutes(paired_rounds_structure())
    with pytest.raises(FitError) as refused:
        fit_structure(paired_rounds_structure(), 3)
    message = str(refused.value)
    assert "3 minutes" in message
    assert f"between {shortest:g} and {longest:g} minutes" in message
    fit_structure(paired_rounds_structure(), shortest)  # the edge itself is accepted


def test_a_target_too_long_is_refused() -> None:
    with pytest.raises(FitError):
        fit_structure(paired_rounds_structure(), 500)


@pytest.mark.parametrize("bad", [0, -5, float("nan"), float("inf")])
def test_nonsense_targets_are_refused(bad: float) -> None:
    with pytest.raises(FitError):
        fit_structure(paired_rounds_structure(), bad)
