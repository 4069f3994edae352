"""Schedules built from finite geometry: rounds in which nobody meets anybody twice.

When the number of groups per round is a prime power q (4, 5, 7, 8, 9, 11, 13, 16, ...) and
the groups are no larger than q, the points of a grid over the finite field of q elements
fall into groups along lines of one slope per round; two points share at most one line, so
up to q (sometimes q + 1) rounds have no repeat at all. `lattice_rounds` builds them.
`construct` picks the construction with the most rounds among these grids, the designs of
designs.py and the circle method for pairs; the search (search.py) starts from it, or from a
greedy start when no construction applies.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from facilitator.core.groups.designs import design_for, round_robin

if TYPE_CHECKING:
    import random
    from collections.abc import Iterator


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


class FiniteField:
    """Arithmetic in a finite field of p**k elements, numbered 0..p**k - 1 by their digits."""

    def __init__(self, p: int, k: int) -> None:
        """The field of p**k elements: polynomials over Z_p modulo an irreducible one."""
        self.p, self.k = p, k
        self.modulus = _irreducible(p, k)

    @classmethod
    def of(cls, size: int) -> FiniteField | None:
        """The field with `size` elements, or None when `size` is not a prime power."""
        prime = next(d for d in range(2, size + 1) if size % d == 0) if size > 1 else 0
        power, rest = 0, size
        while prime and rest % prime == 0:
            rest //= prime
            power += 1
        return cls(prime, power) if prime and rest == 1 else None

    def digits(self, x: int) -> list[int]:
        """The polynomial coefficients of element x, lowest first."""
        return [x // self.p**d % self.p for d in range(self.k)]

    def number(self, coefficients: list[int]) -> int:
        """The element with these polynomial coefficients."""
        return sum(c * self.p**d for d, c in enumerate(coefficients))

    def add(self, a: int, b: int) -> int:
        """a + b."""
        pairs = zip(self.digits(a), self.digits(b), strict=True)
        return self.number([(x + y) % self.p for x, y in pairs])

    def sub(self, a: int, b: int) -> int:
        """a - b."""
        pairs = zip(self.digits(a), self.digits(b), strict=True)
        return self.number([(x - y) % self.p for x, y in pairs])

    def mul(self, a: int, b: int) -> int:
        """a * b."""
        product = [0] * (2 * self.k - 1)
        for i, x in enumerate(self.digits(a)):
            for j, y in enumerate(self.digits(b)):
                product[i + j] = (product[i + j] + x * y) % self.p
        return self.number(_poly_mod(product, self.modulus, self.p))


def _irreducible(p: int, k: int) -> list[int]:
    """A monic polynomial of degree k over Z_p (coefficients lowest first) with no factor."""
    for tail in range(p**k):
        candidate = [tail // p**d % p for d in range(k)] + [1]
        if all(
            any(_poly_mod(candidate, [*divisor, 1], p))
            for degree in range(1, k // 2 + 1)
            for divisor in _polynomials(p, degree)
        ):
            return candidate
    raise AssertionError("every finite field has an irreducible polynomial")  # pragma: no cover


def _polynomials(p: int, degree: int) -> Iterator[list[int]]:
    """All coefficient lists of length `degree` over Z_p (the non-leading coefficients)."""
    for value in range(p**degree):
        yield [value // p**d % p for d in range(degree)]


def _poly_mod(f: list[int], g: list[int], p: int) -> list[int]:
    """The remainder of f divided by the monic polynomial g over Z_p, len(g) - 1 coefficients."""
    rest = f[:] + [0] * max(0, len(g) - 1 - len(f))
    for shift in range(len(rest) - len(g), -1, -1):
        factor = rest[shift + len(g) - 1]
        if factor:
            for i, c in enumerate(g):
                rest[shift + i] = (rest[shift + i] - factor * c) % p
    return rest[: len(g) - 1]
