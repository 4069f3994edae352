"""Two affine planes, every point doubled: 32 people in foursomes for 10 rounds, no repeat.

For 32 people in foursomes, 10 repeat-free rounds is the most possible (everyone meets 30 of
31 others) and was long an open question: the finite-field grid gives 9. This builds 10.

Take the affine plane of order q (q = 4 here: 16 points, 5 parallel classes of 4 lines of 4
points, two points on exactly one common line) twice: once as it is and once with its points
renamed by a permutation. That is 2 (q + 1) rounds of q lines in which every pair of points
shares a line exactly twice, once per copy. Now double every point p into two people, p0 and
p1 ("sheets"): a line L becomes two groups, {p s(p)} and {p (1 - s(p))} for a choice of
sheets s on L. Two points u, v on a common line give people with sheets differing by
d = s(u) + s(v) (mod 2); when d differs between the pair's two lines, the four people u0, u1,
v0, v1 meet each other exactly once, and p0, p1 never meet. Choosing the sheets is a system
of linear equations over GF(2), one per pair of points: it has a solution when no three points
lie on a line in both copies (then no triangle of equations contradicts) and, for the
permutation below (found by a search), it does. `doubled_plane_rounds` solves it each time:
a few hundred operations, and tests/test_group_designs.py checks the result.
"""

from __future__ import annotations

from itertools import combinations

from facilitator.core.groups.finite_field import FiniteField

PERMUTATIONS = {4: (10, 15, 4, 14, 11, 1, 12, 6, 3, 7, 13, 0, 5, 2, 9, 8)}
"""By plane order q: how the second copy renames the points (x * q + y for point (x, y))."""


def doubled_plane_rounds(order: int) -> list[list[list[int]]]:
    """The 2 (q + 1) rounds for 2 q² people in groups of q; [] if q is not in the table.

    Person p + s * q² is point p on sheet s.
    """
    renamed = PERMUTATIONS.get(order)
    field = FiniteField.of(order)
    if renamed is None or field is None:
        return []
    first = _parallel_classes(field, order)
    second = [[[renamed[p] for p in line] for line in lines] for lines in first]
    copies = [first, second]
    sheets = _solve_sheets(copies, order * order)
    if sheets is None:  # pragma: no cover - the table holds only permutations that work
        return []
    points = order * order
    rounds = []
    for copy, classes in enumerate(copies):
        for number, lines in enumerate(classes):
            groups = []
            for line in lines:
                bits = [sheets[_variable(copy, number, p, order)] for p in line]
                groups.append([p + bit * points for p, bit in zip(line, bits, strict=True)])
                groups.append([p + (1 - bit) * points for p, bit in zip(line, bits, strict=True)])
            rounds.append(groups)
    return rounds


def _parallel_classes(field: FiniteField, order: int) -> list[list[list[int]]]:
    """The q + 1 parallel classes of the affine plane: lines y = m x + c, then x = c."""
    classes = [
        [[x * order + field.add(field.mul(m, x), c) for x in range(order)] for c in range(order)]
        for m in range(order)
    ]
    classes.append([[c * order + y for y in range(order)] for c in range(order)])
    return classes


def _variable(copy: int, number: int, point: int, order: int) -> int:
    """The index of the sheet of `point` on its line of class `number` in `copy`."""
    return (copy * (order + 1) + number) * order * order + point


def _solve_sheets(copies: list[list[list[list[int]]]], points: int) -> list[int] | None:
    """Sheets such that every pair's two lines differ in d (Gaussian elimination over GF(2))."""
    order = len(copies[0][0])
    where: list[dict[frozenset[int], int]] = []
    for classes in copies:
        found = {}
        for number, lines in enumerate(classes):
            for line in lines:
                for pair in combinations(line, 2):
                    found[frozenset(pair)] = number
        where.append(found)
    pivots: dict[int, tuple[int, int]] = {}
    for u, v in combinations(range(points), 2):
        mask, rhs = 0, 1
        for copy in (0, 1):
            number = where[copy][frozenset((u, v))]
            mask ^= 1 << _variable(copy, number, u, order)
            mask ^= 1 << _variable(copy, number, v, order)
        for column, (pivot, value) in pivots.items():
            if mask >> column & 1:
                mask, rhs = mask ^ pivot, rhs ^ value
        if not mask:
            if rhs:
                return None
            continue
        column = mask.bit_length() - 1
        for other, (pivot, value) in list(pivots.items()):
            if pivot >> column & 1:
                pivots[other] = (pivot ^ mask, value ^ rhs)
        pivots[column] = (mask, rhs)
    solution = [0] * (2 * (order + 1) * points)
    for column, (_, value) in pivots.items():
        solution[column] = value  # every other unknown is 0: the rows are fully reduced
    return solution
