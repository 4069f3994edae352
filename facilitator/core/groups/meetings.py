"""Counting who met whom: the measure every group schedule is judged by."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

Group = tuple[str, ...]
Round = tuple[Group, ...]


def count_meetings(rounds: Iterable[Iterable[Iterable[str]]]) -> dict[tuple[str, str], int]:
    """How often each pair shared a group, keyed by the two names in sorted order."""
    counts: Counter[tuple[str, str]] = Counter()
    for round_ in rounds:
        for group in round_:
            members = sorted(group)
            for i, first in enumerate(members):
                for second in members[i + 1 :]:
                    counts[first, second] += 1
    return dict(counts)


def count_repeats(rounds: Iterable[Iterable[Iterable[str]]]) -> int:
    """Repeated encounters: over all pairs, the times they shared a group beyond the first."""
    return sum(times - 1 for times in count_meetings(rounds).values())
