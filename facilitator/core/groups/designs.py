"""Known repeat-free schedules for equal groups, kept as the few blocks they grow from.

Design theory knows schedules with more rounds than a finite-field grid gives when the number
of groups is not a prime power: Kirkman triple systems (15 and 21 people in trios), nearly
Kirkman triple systems (18 and 24 in trios), resolvable designs (40 in foursomes: every pair
meets exactly once in 13 rounds), and the best schedules known for 24 in foursomes and 30 in
fives (32 in foursomes come from doubled.py). Each is written here the way design tables
write them: a base round over the numbers modulo m, whose m shifts (add t to every number,
modulo m) are m rounds, and sometimes a block whose m shifts form one more round by itself.

People are points: a point is x + m * level (x modulo m, `levels` copies of the numbers) or,
after all those, a fixed point that no shift moves. Any selection of a design's rounds is
repeat-free, so fewer rounds are simply the first ones. The base rounds were found by a
computer search over such cyclic forms (the one for 40 people also repeats itself after 13
shifts of 39); tests/test_group_designs.py checks every table entry for repeats.
"""

from __future__ import annotations

from dataclasses import dataclass

Block = tuple[int, ...]


@dataclass(frozen=True)
class CyclicDesign:
    """Rounds grown from base rounds over the numbers modulo `modulus` (module docstring)."""

    modulus: int
    levels: int
    fixed: int
    base_rounds: tuple[tuple[Block, ...], ...]
    """Each base round gives `modulus` rounds: its shifts by 0, 1, ..., modulus - 1."""
    orbit_blocks: tuple[Block, ...] = ()
    """Each block gives one round: its `modulus` shifts, which cover every point once."""
    name: str = ""
    shifts: int = 0
    """How many shifts of each base round are rounds (0: `modulus`); fewer when a base round
    comes back as itself after that many shifts."""

    @property
    def shifts_used(self) -> int:
        """The number of shifts of each base round that are rounds."""
        return self.shifts or self.modulus

    @property
    def people(self) -> int:
        """How many people the design places."""
        return self.modulus * self.levels + self.fixed

    @property
    def rounds(self) -> int:
        """How many repeat-free rounds the design holds."""
        return self.shifts_used * len(self.base_rounds) + len(self.orbit_blocks)

    def shift(self, point: int, by: int) -> int:
        """The point moved by `by` (fixed points stay where they are)."""
        level, x = divmod(point, self.modulus)
        if level >= self.levels:
            return point
        return level * self.modulus + (x + by) % self.modulus

    def build(self, count: int) -> list[list[list[int]]]:
        """The first `count` rounds (at most `rounds`), as groups of points."""
        result: list[list[list[int]]] = []
        for base in self.base_rounds:
            for by in range(self.shifts_used):
                result.append([[self.shift(p, by) for p in block] for block in base])
        for block in self.orbit_blocks:
            result.append([[self.shift(p, by) for p in block] for by in range(self.modulus)])
        return result[:count]


DESIGNS: dict[tuple[int, int], CyclicDesign] = {
    (5, 3): CyclicDesign(
        7,
        2,
        1,
        (((0, 2, 6), (1, 10, 12), (3, 8, 9), (4, 7, 11), (5, 13, 14)),),
        name="Kirkman triple system of 15 (Kirkman's schoolgirls)",
    ),
    (6, 3): CyclicDesign(
        4,
        4,
        2,
        (
            ((0, 8, 17), (1, 14, 15), (2, 3, 5), (4, 12, 16), (6, 11, 13), (7, 9, 10)),
            ((0, 4, 5), (1, 8, 12), (2, 11, 14), (3, 9, 16), (6, 10, 15), (7, 13, 17)),
        ),
        name="nearly Kirkman triple system of 18",
    ),
    (7, 3): CyclicDesign(
        7,
        3,
        0,
        (((0, 13, 17), (1, 11, 16), (2, 3, 5), (4, 9, 15), (6, 10, 19), (7, 8, 12), (14, 18, 20)),),
        orbit_blocks=((0, 7, 14), (0, 8, 16), (0, 9, 19)),
        name="Kirkman triple system of 21",
    ),
    (8, 3): CyclicDesign(
        11,
        2,
        2,
        (
            (
                (0, 17, 20),
                (1, 13, 15),
                (2, 4, 10),
                (3, 7, 11),
                (5, 6, 16),
                (8, 21, 23),
                (9, 14, 22),
                (12, 18, 19),
            ),
        ),
        name="nearly Kirkman triple system of 24",
    ),
    (6, 4): CyclicDesign(
        7,
        3,
        3,
        (
            (
                (0, 12, 15, 21),
                (1, 3, 4, 14),
                (2, 8, 10, 11),
                (5, 9, 17, 22),
                (6, 13, 20, 23),
                (7, 16, 18, 19),
            ),
        ),
        name="24 in foursomes, 7 rounds",
    ),
    (6, 5): CyclicDesign(
        5,
        6,
        0,
        (
            (
                (0, 2, 5, 6, 21),
                (1, 11, 14, 23, 24),
                (3, 4, 17, 19, 28),
                (7, 9, 10, 15, 16),
                (8, 12, 13, 27, 29),
                (18, 20, 22, 25, 26),
            ),
        ),
        name="30 in fives, 5 rounds",
    ),
    (10, 4): CyclicDesign(
        39,
        1,
        1,
        (
            (
                (0, 13, 26, 39),
                (1, 18, 21, 25),
                (14, 31, 34, 38),
                (5, 8, 12, 27),
                (2, 10, 11, 16),
                (15, 23, 24, 29),
                (3, 28, 36, 37),
                (4, 6, 22, 33),
                (7, 17, 19, 35),
                (9, 20, 30, 32),
            ),
        ),
        name="resolvable design of 40 in foursomes (everybody meets everybody once)",
        shifts=13,
    ),
}
"""The designs by (groups, size)."""


def design_for(groups: int, size: int) -> CyclicDesign | None:
    """The known design for `groups` groups of `size`, if there is one in the table."""
    return DESIGNS.get((groups, size))


def round_robin(people: int, count: int) -> list[list[list[int]]]:
    """Up to people - 1 rounds of pairs in which everybody meets everybody once (people even).

    The circle method: person people - 1 stays put while the others turn one place a round;
    in round t the pairs are (t + i, t - i) modulo people - 1, and the one left over meets
    the person who stays.
    """
    if people < 2 or people % 2:
        return []
    turning = people - 1
    rounds = []
    for t in range(min(count, turning)):
        pairs = [[t, people - 1]]
        pairs += [[(t + i) % turning, (t - i) % turning] for i in range(1, people // 2)]
        rounds.append(pairs)
    return rounds
