"""Schedules built from finite geometry: rounds in which nobody meets anybody twice.

When the number of groups per round is a prime power q (4, 5, 7, 8, 9, 11, 13, 16, ...) and
the groups are no larger than q, the points of a grid over the finite field of q elements
fall into groups along lines of one slope per round; two points share at most one line, so
up to q (sometimes q + 1) rounds have no repeat at all. `lattice_rounds` builds them.
`construct` picks the construction with the most rounds among these grids, the designs of
designs.py, two doubled affine planes (doubled.py: 32 in foursomes for 10 rounds) and the
circle method for pairs; the search (search.py) starts from it, or from a
greedy start when no construction applies.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from facilitator.core.groups.designs import design_for, round_robin
from facilitator.core.groups.doubled import doubled_plane_rounds
from facilitator.core.groups.finite_field import FiniteField

if TYPE_CHECKING:
    import random


def construct(
    n: int, sizes: tuple[int, ...], count: int, rng: random.Random
) -> tuple[list[list[list[int]]], list[list[int]]]:
    """Up to `count` repeat-free rounds of groups of `sizes` for n people, and a spare round.

    The spare round is one more round of the same construction, not used (empty when the
    construction has no more): places that share a group in it never share one in the
    rounds returned. Nothing is returned when no construction applies.
    """
    found = [lattice_rounds(n, sizes, count + 1, rng)]
    equal = len(set(sizes)) == 1
    design = design_for(len(sizes), sizes[0]) if sizes and equal else None
    if design is not None and design.people == n:
        order = rng.sample(range(n), n)
        built = design.build(count + 1)
        found.append([[[order[p] for p in group] for group in groups] for groups in built])
    if equal and n == 2 * sizes[0] ** 2 and len(sizes) == 2 * sizes[0]:
        order = rng.sample(range(n), n)
        built = doubled_plane_rounds(sizes[0])[: count + 1]
        found.append([[[order[p] for p in group] for group in groups] for groups in built])
    if sizes and equal and sizes[0] == 2:
        order = rng.sample(range(n), n)
        built = round_robin(n, count + 1)
        found.append([[[order[p] for p in group] for group in groups] for groups in built])
    best = max(found, key=len)
    if len(best) > count:
        return best[:count], best[count]
    return best, []


def lattice_rounds(
    n: int, sizes: tuple[int, ...], count: int, rng: random.Random
) -> list[list[list[int]]]:
    """Up to `count` rounds without any repeat from a finite-field grid (none if it cannot).

    With q groups (q a prime power) of b or b + 1 people, b <= q, put b * q people on a grid:
    row i (one of b field elements) and column j (any of the q elements). In round t person
    (i, j) joins group j - i * t: two people of different rows share a group in exactly one
    round and two people of one row never do, so q rounds have no repeat. Each of the e people
    left over joins group d + c * t (d their number, one slope c for all of them), which meets
    every grid person at most once when -c is not a row. With nobody left over and b dividing
    q, one more round splits each row into groups.
    """
    groups, smallest = len(sizes), min(sizes)
    extra = n - groups * smallest
    field = FiniteField.of(groups)
    if field is None or smallest < 2 or smallest > groups or (extra and smallest == groups):
        return []
    count = min(count, groups + (1 if not extra and groups % smallest == 0 else 0))
    order = rng.sample(range(n), n)
    grid, leftover = order[: groups * smallest], order[groups * smallest :]
    slope = field.sub(0, smallest)  # -slope == smallest, which is not a row (rows are 0..b-1)
    result = []
    for t in rng.sample(range(groups), min(count, groups)):
        round_: list[list[int]] = [[] for _ in range(groups)]
        shifts = [field.mul(row, t) for row in range(smallest)]
        for position, person in enumerate(grid):
            row, column = divmod(position, groups)
            round_[field.sub(column, shifts[row])].append(person)
        for number, person in enumerate(leftover):
            round_[field.add(number, field.mul(slope, t))].append(person)
        result.append(round_)
    if count > groups:  # the rows, cut into groups
        result.append([grid[start : start + smallest] for start in range(0, len(grid), smallest)])
    return result
