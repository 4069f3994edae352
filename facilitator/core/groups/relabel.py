"""Choosing who takes which place of a constructed schedule, so its constraints hold.

A construction (a finite-field grid, a design, the circle method) fixes which places share a
group in which round, but not which person sits at which place. Pairs kept apart, people of
one team, people who met in earlier rounds: each such pair costs something when its two
places share a group. `place_people` first seats every small cluster of linked people (a team,
a pair kept apart) inside one group of a spare round of the construction, the round that is
not used: places that share a group there never share one in the rounds used. Then a tabu
search swaps two people's places while that lowers the cost. Only when that cost stays above
zero does the repair search (search.py) run, starting from the relabelled construction.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import random
    from collections.abc import Sequence

_TENURE = (4, 12)  # a person stays where they were put for this many steps
_PATIENCE = 200  # steps without a better seating before giving up


def place_people(
    rounds: list[list[list[int]]],
    spare: Sequence[Sequence[int]],
    weights: list[list[int]],
    rng: random.Random,
    effort: int,
    deadline: float = float("inf"),
) -> list[list[list[int]]]:
    """The rounds with people in the places, seated to keep the cost of linked pairs low.

    `rounds` hold places 0..n-1; `weights[a][b]` is what persons a and b cost when they share
    a group (0 for most pairs); `spare` are the groups of an unused round of the same
    construction, or empty. `effort` bounds the search (about one unit per pair looked at);
    `deadline` (time.perf_counter) is a safety cap, like the scheduler's time budget.
    """
    n = len(weights)
    linked = [[b for b in range(n) if weights[a][b]] for a in range(n)]
    if not any(linked):
        return rounds
    person_at = _first_seating(n, linked, spare, rng)
    seating = _Seating(rounds, weights, person_at)
    seating.improve(rng, effort, deadline)
    return [[[seating.person_at[p] for p in group] for group in groups] for groups in rounds]


def _first_seating(
    n: int, linked: list[list[int]], spare: Sequence[Sequence[int]], rng: random.Random
) -> list[int]:
    """Who sits where at first: small linked clusters inside one spare group, the rest at random."""
    person_at = [-1] * n
    placed = [False] * n
    room = sorted((list(group) for group in spare), key=len, reverse=True)
    for cluster in sorted(_clusters(linked), key=len, reverse=True):
        target = next((group for group in room if len(group) >= len(cluster)), None)
        if target is None or len(cluster) < 2:
            continue
        for person in cluster:
            person_at[target.pop(rng.randrange(len(target)))] = person
            placed[person] = True
        room.sort(key=len, reverse=True)
    free_places = [p for p in range(n) if person_at[p] < 0]
    rng.shuffle(free_places)
    for person in range(n):
        if not placed[person]:
            person_at[free_places.pop()] = person
    return person_at


def _clusters(linked: list[list[int]]) -> list[list[int]]:
    """The groups of people joined by linked pairs (connected components), larger than one."""
    seen = [False] * len(linked)
    found = []
    for start, partners in enumerate(linked):
        if seen[start] or not partners:
            continue
        seen[start] = True
        cluster, todo = [start], [start]
        while todo:
            for other in linked[todo.pop()]:
                if not seen[other]:
                    seen[other] = True
                    cluster.append(other)
                    todo.append(other)
        found.append(cluster)
    return found


class _Seating:
    """People in the places of constructed rounds, and what the linked pairs cost."""

    def __init__(
        self, rounds: list[list[list[int]]], weights: list[list[int]], person_at: list[int]
    ) -> None:
        n = len(weights)
        self.weights = weights
        self.person_at = person_at
        self.meets: list[list[int]] = [[] for _ in range(n)]
        """meets[p]: the places that share a group with place p, once per round they do."""
        for groups in rounds:
            for group in groups:
                for place in group:
                    self.meets[place].extend(other for other in group if other != place)
        self.cost = sum(self._cost_at(p) for p in range(n)) // 2

    def _cost_at(self, place: int) -> int:
        """What the meetings of the person at `place` cost."""
        row, person_at = self.weights[self.person_at[place]], self.person_at
        return sum(row[person_at[other]] for other in self.meets[place])

    def _delta(self, u: int, v: int) -> int:
        """The cost change of swapping the people at places u and v."""
        person_at, weights = self.person_at, self.weights
        p_row, q_row = weights[person_at[u]], weights[person_at[v]]
        delta = 0
        for other in self.meets[u]:
            if other != v:
                person = person_at[other]
                delta += q_row[person] - p_row[person]
        for other in self.meets[v]:
            if other != u:
                person = person_at[other]
                delta += p_row[person] - q_row[person]
        return delta

    def improve(self, rng: random.Random, effort: int, deadline: float) -> None:
        """Tabu search over swaps of two people's places, keeping the best seating found."""
        n = len(self.person_at)
        best_cost, best = self.cost, self.person_at[:]
        taboo = [0] * n
        step = spent = stalled = 0
        per_pair = max(1, len(self.meets[0]))
        while self.cost > 0 and spent < effort and stalled < _PATIENCE:
            if time.perf_counter() > deadline:
                break
            step += 1
            costly = [p for p in range(n) if self._cost_at(p)]
            spent += n * per_pair
            best_move: tuple[int, int, int] | None = None
            for u in costly:
                for v in range(n):
                    if v == u or (taboo[u] > step and taboo[v] > step):
                        continue
                    delta = self._delta(u, v)
                    spent += 2 * per_pair
                    if best_move is None or delta < best_move[0]:
                        best_move = (delta, u, v)
            if best_move is None:
                break
            delta, u, v = best_move
            self.person_at[u], self.person_at[v] = self.person_at[v], self.person_at[u]
            self.cost += delta
            taboo[u] = taboo[v] = step + rng.randint(*_TENURE)
            if self.cost < best_cost:
                best_cost, best, stalled = self.cost, self.person_at[:], 0
            else:
                stalled += 1
        self.person_at, self.cost = best, best_cost
