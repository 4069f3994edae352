"""Groups that join: pairs become foursomes, foursomes become eights, and nobody is reshuffled.

In 1-2-4-All, 9 Whys and Heard Seen Respected a pair does not split up for the next step: it
joins another pair. `join_groups` chooses which groups join, two by two (three when one is
left over), so that the people who meet at the join are new to each other where possible:
joining two pairs costs what their four cross pairs cost, by how often each met before
(rounds of earlier steps, earlier joins), and a pair kept apart or two people of a team to be
mixed cost as in the scheduler. A greedy start and a swap search over units keep it fast:
a unit is one group of the step before, and units never split.
"""

from __future__ import annotations

import random
from collections import Counter
from typing import TYPE_CHECKING

from facilitator.core.groups.attributes import AttributeRule, together_parts
from facilitator.core.groups.meetings import group_sizes

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from facilitator.core.groups.attributes import Attribute
    from facilitator.core.groups.meetings import Group, Round

_REPEAT = 1000  # one more meeting of a pair who met once
_GROWTH = 100  # and again, per meeting more
_MIX = 1  # two people of a team to be mixed
_FORBIDDEN = 10**18  # a pair kept apart
_PASSES = 60  # swap passes at most (each looks at every pair of units once)
_STARTS = 40  # greedy starts at most, each improved by swaps; the best is kept
_START_BUDGET = 2000  # fewer starts for many units: about this many units placed in all


def join_groups(
    units: Sequence[Group],
    rounds: int,
    *,
    history: Iterable[Round] = (),
    never_together: Iterable[tuple[str, str]] = (),
    attributes: Sequence[Attribute] = (),
    seed: int = 0,
) -> list[Round]:
    """`rounds` rounds in which the `units` (groups of the step before) join two by two.

    Each round joins them differently where possible, after `history` (rounds already run,
    whose meetings count). Units of different values of a "together" attribute never join.
    Raises ValueError when a pair kept apart cannot be kept apart without splitting a unit.
    """
    met: Counter[frozenset[str]] = Counter()
    for round_ in history:
        for group in round_:
            _meet(met, group)
    weights = _Weights(met, never_together, attributes)
    rng = random.Random(seed)
    people = [unit[0] for unit in units if unit]
    parts = together_parts(people, attributes)
    part_of = {name: number for number, part in enumerate(parts) for name in part}
    by_part: dict[int, list[Group]] = {}
    for unit in units:
        if unit:
            by_part.setdefault(part_of[unit[0]], []).append(tuple(unit))
    result: list[Round] = []
    for _ in range(rounds):
        joined: list[Group] = []
        for number in sorted(by_part):
            joined += _join_once(by_part[number], weights, rng)
        for group in joined:
            _meet(met, group)
        result.append(tuple(joined))
    return result


def _meet(met: Counter[frozenset[str]], group: Sequence[str]) -> None:
    """Count one more meeting for every pair of `group`."""
    for i, first in enumerate(group):
        for second in group[i + 1 :]:
            met[frozenset((first, second))] += 1


class _Weights:
    """What a meeting between two people costs now: by how often they met, and the rules."""

    def __init__(
        self,
        met: Counter[frozenset[str]],
        never_together: Iterable[tuple[str, str]],
        attributes: Sequence[Attribute],
    ) -> None:
        self.met = met
        self.apart = {frozenset(pair) for pair in never_together}
        self.apart_by = [a for a in attributes if a.rule is AttributeRule.APART]
        self.mix_by = [a for a in attributes if a.rule is AttributeRule.MIX]

    def pair(self, first: str, second: str) -> int:
        """The cost of `first` and `second` sharing a group once more."""
        key = frozenset((first, second))
        if key in self.apart or any(_same(a, first, second) for a in self.apart_by):
            return _FORBIDDEN
        times = self.met[key]
        cost = _REPEAT * _GROWTH ** (times - 1) if times else 0
        return cost + sum(_MIX for a in self.mix_by if _same(a, first, second))

    def units(self, first: Group, second: Group) -> int:
        """The cost of two units joining: every cross pair."""
        return sum(self.pair(a, b) for a in first for b in second)


def _same(attribute: Attribute, first: str, second: str) -> bool:
    value = attribute.value_of(first)
    return bool(value) and value == attribute.value_of(second)


def _join_once(units: list[Group], weights: _Weights, rng: random.Random) -> list[Group]:
    """One round: the units joined two by two (three by three where one is left over)."""
    if len(units) < 2:
        return [tuple(name for unit in units for name in unit)] if units else []
    count = len(units)
    cost = [[0] * count for _ in range(count)]
    for i in range(count):
        for j in range(i + 1, count):
            cost[i][j] = cost[j][i] = weights.units(units[i], units[j])
    sizes = group_sizes(count, 2)
    best: list[list[int]] = []
    best_cost = -1
    for _ in range(max(1, min(_STARTS, _START_BUDGET // count))):
        slots = _greedy(rng.sample(range(count), count), sizes, cost)
        _improve(slots, cost)
        total = sum(cost[a][b] for slot in slots for a in slot for b in slot if a < b)
        if best_cost < 0 or total < best_cost:
            best, best_cost = slots, total
        if total == 0:
            break
    slots = best
    if any(cost[a][b] >= _FORBIDDEN for slot in slots for a in slot for b in slot if a < b):
        raise ValueError("could not join the groups of the step before and keep pairs apart")
    return [tuple(name for unit in slot for name in units[unit]) for slot in slots]


def _greedy(order: list[int], sizes: tuple[int, ...], cost: list[list[int]]) -> list[list[int]]:
    """Each unit, in `order`, into the joined group with room where it costs least."""
    slots: list[list[int]] = [[] for _ in sizes]
    for unit in order:
        open_slots = [n for n, slot in enumerate(slots) if len(slot) < sizes[n]]
        best = min(open_slots, key=lambda n: (sum(cost[unit][o] for o in slots[n]), n))
        slots[best].append(unit)
    return slots


def _improve(slots: list[list[int]], cost: list[list[int]]) -> None:
    """Swap units between joined groups while that lowers the total cost."""
    where = {unit: number for number, slot in enumerate(slots) for unit in slot}

    def share(unit: int, slot: list[int], leaving: int = -1) -> int:
        return sum(cost[unit][other] for other in slot if other not in (unit, leaving))

    for _ in range(_PASSES):
        improved = False
        costly = [u for slot in slots if any(share(u, slot) for u in slot) for u in slot]
        for a in costly:
            for b in list(where):
                sa, sb = where[a], where[b]
                if sa == sb:
                    continue
                before = share(a, slots[sa]) + share(b, slots[sb])
                after = share(a, slots[sb], b) + share(b, slots[sa], a)
                if after < before:
                    slots[sa][slots[sa].index(a)] = b
                    slots[sb][slots[sb].index(b)] = a
                    where[a], where[b] = sb, sa
                    improved = True
        if not improved:
            return
