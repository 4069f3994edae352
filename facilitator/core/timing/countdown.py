"""How time is shown: the countdown's text and when the shown second changes.

The countdown shows whole seconds rounded up: 2:00 at the start of a two-minute
segment, 0:01 in its last second, then +0:01 once it runs over.
"""

from __future__ import annotations

import math


def displayed_second(remaining: float) -> int:
    """The whole second shown for `remaining` seconds (negative in overrun)."""
    return math.ceil(round(remaining, 9))


def seconds_to_next_change(remaining: float) -> float:
    """Seconds until the shown second changes, in (0, 1]."""
    return remaining - (displayed_second(remaining) - 1)


def format_countdown(remaining: float) -> str:
    """The countdown text: `12:05`, `0:07`, or `+1:30` in overrun."""
    second = displayed_second(remaining)
    sign = "+" if second < 0 else ""
    second = abs(second)
    hours, rest = divmod(second, 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{seconds:02d}"
    return f"{sign}{minutes}:{seconds:02d}"


def format_duration(seconds: float) -> str:
    """A length for people: `45 s`, `2 min`, `2 min 30 s`, `1 h 05 min`."""
    seconds = round(seconds)
    if seconds < 60:
        return f"{seconds} s"
    minutes, rest = divmod(seconds, 60)
    if minutes >= 60:
        hours, minutes = divmod(minutes, 60)
        return f"{hours} h {minutes:02d} min"
    return f"{minutes} min {rest} s" if rest else f"{minutes} min"
