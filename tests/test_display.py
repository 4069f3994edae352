"""The countdown text and the moment the shown second changes."""

from __future__ import annotations

import pytest

from facilitator.core.timing.countdown import (
    displayed_second,
    format_countdown,
    format_duration,
    seconds_to_next_change,
)


@pytest.mark.parametrize(
    ("remaining", "shown"),
    [
        (120, "2:00"),
        (119.999, "2:00"),
        (119.0, "1:59"),
        (0.4, "0:01"),
        (0, "0:00"),
        (-0.5, "0:00"),
        (-1, "+0:01"),
        (-90.2, "+1:30"),
        (3725, "1:02:05"),
    ],
)
def test_countdown_text(remaining: float, shown: str) -> None:
    assert format_countdown(remaining) == shown


@pytest.mark.parametrize(
    ("remaining", "wait"), [(120, 1.0), (119.25, 0.25), (0.5, 0.5), (-0.25, 0.75), (-3.0, 1.0)]
)
def test_the_next_change_comes_at_the_whole_second(remaining: float, wait: float) -> None:
    assert seconds_to_next_change(remaining) == pytest.approx(wait)
    assert displayed_second(remaining - wait) == displayed_second(remaining) - 1
    assert displayed_second(remaining - wait + 1e-6) == displayed_second(remaining)


def test_durations_read_naturally() -> None:
    assert [format_duration(s) for s in (45, 120, 150, 3900)] == [
        "45 s",
        "2 min",
        "2 min 30 s",
        "1 h 05 min",
    ]
