"""The basics of every group schedule: how a round splits people into groups, who met whom."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

Group = tuple[str, ...]
Round = tuple[Group, ...]


def group_sizes(people: int, size: int) -> tuple[int, ...]:
    """Group sizes for one round: groups of `size`, the remainder spread so nobody is alone.

    With r = people % size left over and g = people // size full groups:
    r == 0 gives g groups of `size`; 0 < r <= g gives r groups of size + 1 (an odd number of
    people in pairs makes one trio; 31 in fours: 5, 5, 5, 4, 4, 4, 4); r > g adds one more
    group and spreads everybody evenly, which makes some groups size - 1 (11 in fours:
    4, 4, 3; with very few people a little smaller still: 7 in fives: 4, 3). Sizes always
    differ by at most one, larger groups come first, and a group of one only happens when
    there is a single person. Fewer people than `size` form one group.
    """
    if people < 0 or size < 1:
        raise ValueError("people must be >= 0 and size >= 1")
    if people == 0:
        return ()
    groups, remainder = divmod(people, size)
    if remainder > groups:
        groups += 1
    base, larger = divmod(people, groups)
    return (base + 1,) * larger + (base,) * (groups - larger)


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
