"""Groups for very large crowds (thousands of people), where a table of every pair is too big.

The repair search (search.py) keeps a count for every pair: n * n numbers, fine for a few
thousand people but not for a conference of 50,000. Here each person keeps only the set of
people they met (or must not meet), which stays small. Each round deals everybody, in a
seeded random order, into the groups; a person who lands with someone they know swaps places
with a random person elsewhere when that leaves both without a known face, until no such
meeting is left or the effort is spent. With thousands of people and few rounds, a random
deal holds only a handful of such meetings, so this ends quickly with none.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import random

DENSE_LIMIT = 4000
"""Above this many people the schedule is planned here rather than by the repair search."""


def sparse_rounds(
    sizes: tuple[int, ...],
    new_rounds: int,
    known: list[set[int]],
    rng: random.Random,
    effort: int,
) -> list[list[list[int]]]:
    """`new_rounds` rounds of groups of `sizes`; known[p] holds whom p met or must not meet.

    `known` is updated with the meetings of the new rounds. `effort` bounds the swaps tried.
    """
    n = len(known)
    rounds = []
    for _ in range(new_rounds):
        order = rng.sample(range(n), n)
        where = [0] * n
        groups: list[list[int]] = []
        start = 0
        for number, size in enumerate(sizes):
            group = order[start : start + size]
            for person in group:
                where[person] = number
            groups.append(group)
            start += size
        spent = _repair(groups, where, known, rng, effort)
        effort = max(0, effort - spent)
        for group in groups:
            for person in group:
                known[person].update(other for other in group if other != person)
        rounds.append(groups)
    return rounds


def _knows_someone(person: int, group: list[int], known: list[set[int]], skip: int = -1) -> bool:
    """Whether `person` met (or must not meet) anyone of `group` other than `skip`."""
    mine = known[person]
    return any(other in mine for other in group if other not in (person, skip))


def _repair(
    groups: list[list[int]],
    where: list[int],
    known: list[set[int]],
    rng: random.Random,
    effort: int,
) -> int:
    """Swap people out of groups with a known face; returns the effort spent."""
    n = len(where)
    spent = 0
    todo = [p for group in groups for p in group if _knows_someone(p, group, known)]
    while todo and spent < effort:
        person = todo.pop()
        home = groups[where[person]]
        if not _knows_someone(person, home, known):
            continue
        for _ in range(64):
            spent += 1
            other = rng.randrange(n)
            away = groups[where[other]]
            if away is home:
                continue
            fits_there = not _knows_someone(person, away, known, skip=other)
            fits_here = not _knows_someone(other, home, known, skip=person)
            if fits_there and fits_here:
                home[home.index(person)] = other
                away[away.index(other)] = person
                where[person], where[other] = where[other], where[person]
                break
        else:
            todo.insert(0, person)  # try again later, after other swaps
            spent += 64
    return spent
