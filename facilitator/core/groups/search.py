"""The repair search behind group schedules: swaps that leave fewer repeats, a tabu search.

While some pair meets twice, `SwapSearch` swaps two people of one round between groups. It
looks at every swap that moves someone out of a group with a repeat, takes the best one,
keeps the swap taboo for a while so it is not undone at once, and restarts from the best
schedule so far (with a few random swaps) when it stops improving. A pair's third meeting
costs far more than a second one (and so on); "never together" pairs cost more than anything.

Meeting counts live in bands: a pair's count starts at 0 (strangers), at `mix_offset` (two
people of one team to be mixed: their first meeting costs a little, far less than a repeat)
or at `forbidden_offset` (never together), plus the times they met in earlier rounds.
"""

from __future__ import annotations

import heapq
import time
from collections import Counter
from typing import TYPE_CHECKING

from facilitator.core.groups.constructions import construct
from facilitator.core.groups.relabel import place_people

if TYPE_CHECKING:
    import random

_REPEAT = 1000  # the cost of a pair's second meeting
_MIX = 1  # the cost of one meeting of two people of a team to be mixed
_GROWTH = 100  # how much worse a pair's third meeting is than its second one, and so on
_COST_CAP = 10**12  # meeting costs stop growing here to keep the numbers small
_FORBIDDEN = 10**18  # the cost of one "never together" pair sharing a group
_TENURE = (5, 30)  # a swap stays taboo for a random number of steps in this range
_PATIENCE = 300  # steps without a new best schedule before going back to the best one
_KICK = 16  # random swaps made when going back to the best schedule
_NEVER = float("inf")  # the cost change of "swapping" two people of one group
_STEP_EFFORT = 110  # effort units of one search step besides the swaps it looks at
_PERSON_EFFORT = 30  # effort units of looking at one person's swaps, besides the swaps


def mix_offset(rounds: int) -> int:
    """Added to the count of two people to be mixed: more than any real number of meetings."""
    return rounds + 1


def forbidden_offset(rounds: int) -> int:
    """Added to the count of a "never together" pair: above the band of mixed pairs."""
    return 2 * (rounds + 1)


def repeat_cost(cost: int) -> int:
    """How many repeated meetings a search cost stands for (what mixing adds left out)."""
    return cost // _REPEAT


def _marginal_costs(rounds: int) -> list[int]:
    """The cost of one more meeting for a pair whose count is c, indexed by c."""
    band = mix_offset(rounds)
    plain = [0] + [min(_REPEAT * _GROWTH ** (c - 1), _COST_CAP) for c in range(1, band)]
    mixed = [_MIX + cost for cost in plain]
    return plain + mixed + [_FORBIDDEN] * (band + 1)


def _spread_cost(levels: Counter[int], meetings: int, costs: list[int]) -> int:
    """The least cost of `meetings` more meetings with partners whose counts are `levels`."""
    heap = [(costs[level], level, times) for level, times in levels.items()]
    heapq.heapify(heap)
    total = 0
    while meetings > 0 and heap:
        cost, level, times = heapq.heappop(heap)
        taken = min(times, meetings)
        total += taken * cost
        meetings -= taken
        if level + 1 < len(costs):
            heapq.heappush(heap, (costs[level + 1], level + 1, taken))
        if times > taken:
            heapq.heappush(heap, (cost, level, times - taken))
    return total


class _Moves:
    """The best swaps found in one search step: all with the lowest cost change."""

    def __init__(self, taboo: dict[tuple[int, int, int], int], step: int, record: int) -> None:
        """Collect swaps; taboo ones only count if their cost change is below `record`.

        `record` is the best cost so far minus the current one, so a taboo swap is only
        taken when it would give the best schedule yet.
        """
        self.taboo, self.step, self.record = taboo, step, record
        self.delta: float = 0
        self.swaps: list[tuple[int, int, int]] = []

    def offer(self, r: int, p: int, candidates: list[int], deltas: list[float]) -> bool:
        """Consider swapping p with each candidate in round r; True if any was kept."""
        kept = False
        for q in candidates:
            delta = deltas[q]
            if delta == _NEVER or (self.swaps and delta > self.delta):
                continue
            if self.taboo.get((r, p, q), 0) > self.step and delta >= self.record:
                continue
            if not self.swaps or delta < self.delta:
                self.delta, self.swaps = delta, []
            self.swaps.append((r, p, q))
            kept = True
        return kept


class SwapSearch:
    """One schedule search: the new rounds as groups of indices, plus all meeting counts."""

    def __init__(
        self, base: list[list[int]], sizes: tuple[int, ...], new_rounds: int, total_rounds: int
    ) -> None:
        """Start from the meeting counts before the new rounds (history, never-together)."""
        self.base = base
        self.counts = [row[:] for row in base]
        self.sizes = sizes
        self.new_rounds = new_rounds
        self.offset = forbidden_offset(total_rounds)
        self.costs = _marginal_costs(total_rounds)
        self.undo = [0, *self.costs[:-1]]  # the cost saved when a pair that met c times meets less
        self.rounds: list[list[list[int]]] = []
        self.where: list[list[int]] = []  # where[r][person]: the number of their group in round r
        self.cost = 0  # what the new rounds' meetings cost, see _marginal_costs
        # When nobody is linked beforehand, any first round is as good as another: keep it.
        self.fresh = not any(any(row) for row in base)
        self.movable = range(1 if self.fresh else 0, new_rounds)
        self.constructed = False

    def build(
        self,
        rng: random.Random,
        effort: int,
        *,
        construction: bool = True,
        deadline: float = float("inf"),
    ) -> None:
        """Add the new rounds: a construction if one fits (and is wanted), the rest greedily.

        With constraints or history, people take the construction's places so that linked
        pairs meet as little as possible (relabel.py); `effort` and `deadline` bound that.
        `constructed` tells afterwards whether a construction was used.
        """
        rounds: list[list[list[int]]] = []
        if construction and self.new_rounds > 1:
            rounds, spare = construct(len(self.base), self.sizes, self.new_rounds, rng)
            if rounds and not self.fresh:
                costs = self.costs
                weights = [
                    [costs[count] if a != b else 0 for b, count in enumerate(row)]
                    for a, row in enumerate(self.base)
                ]
                rounds = place_people(rounds, spare, weights, rng, effort, deadline)
        self.constructed = bool(rounds)
        for groups in rounds:
            self._add_round(groups)
        self._fill_greedily(rng)

    def _fill_greedily(self, rng: random.Random) -> None:
        """Add rounds until there are enough: everybody joins the group that costs least."""
        n = len(self.base)
        blocked = [sum(1 for count in row if count >= self.offset) for row in self.base]
        while len(self.rounds) < self.new_rounds:
            order = rng.sample(range(n), n)
            order.sort(key=lambda person: -blocked[person])  # the most constrained first
            groups: list[list[int]] = [[] for _ in self.sizes]
            for person in order:
                groups[self._cheapest_group(person, groups)].append(person)
            if any(blocked):
                self._keep_apart(groups)
            self._add_round(groups)

    def _keep_apart(self, groups: list[list[int]]) -> None:
        """Swap people of a new round until no "never together" pair shares a group in it.

        The greedy placement can leave the last people only groups with someone they must
        not meet; a swap with someone elsewhere fixes that where any swap can.
        """
        counts, offset = self.counts, self.offset

        def clashes(person: int, group: list[int], leaving: int = -1) -> int:
            row = counts[person]
            return sum(1 for o in group if o not in (person, leaving) and row[o] >= offset)

        for _ in range(len(self.base)):
            stuck = next(
                ((g, p) for g, group in enumerate(groups) for p in group if clashes(p, group)),
                None,
            )
            if stuck is None:
                return
            home, person = stuck
            best: tuple[int, int, int] | None = None
            for away, group in enumerate(groups):
                if away == home:
                    continue
                for other in group:
                    before = clashes(person, groups[home]) + clashes(other, group)
                    after = clashes(person, group, other) + clashes(other, groups[home], person)
                    if after < before and (best is None or after - before < best[0]):
                        best = (after - before, away, other)
            if best is None:
                return
            _, away, other = best
            groups[home][groups[home].index(person)] = other
            groups[away][groups[away].index(other)] = person

    def _cheapest_group(self, person: int, groups: list[list[int]]) -> int:
        """The first group with room where `person` adds the least cost."""
        row, costs = self.counts[person], self.costs
        best, best_cost = -1, -1
        for number, group in enumerate(groups):
            if len(group) < self.sizes[number]:
                cost = sum(costs[row[member]] for member in group)
                if best < 0 or cost < best_cost:
                    best, best_cost = number, cost
                    if cost == 0:
                        break
        return best

    def _add_round(self, groups: list[list[int]]) -> None:
        """Append a round and count the meetings in it."""
        where = [0] * len(self.base)
        for number, group in enumerate(groups):
            for person in group:
                where[person] = number
            self._meet(group)
        self.rounds.append(groups)
        self.where.append(where)

    def _meet(self, group: list[int]) -> None:
        """Count one more meeting for every pair in `group`, and its cost."""
        counts, costs = self.counts, self.costs
        for i, a in enumerate(group):
            row = counts[a]
            for b in group[i + 1 :]:
                self.cost += costs[row[b]]
                row[b] += 1
                counts[b][a] += 1

    def lower_bound(self) -> int:
        """A cost no schedule of the new rounds can beat (the better of two simple bounds)."""
        return max(self._spread_bound(), self._pigeonhole_bound())

    def _spread_bound(self) -> int:
        """Everybody's new meetings spread as evenly as possible over their partners."""
        meetings = self.new_rounds * (min(self.sizes) - 1)
        total = 0
        for person, row in enumerate(self.base):
            partners = (count for other, count in enumerate(row) if other != person)
            levels = Counter(count for count in partners if count < self.offset)
            total += _spread_cost(levels, meetings, self.costs)
        return (total + 1) // 2  # every pair was counted from both sides

    def _pigeonhole_bound(self) -> int:
        """Groups larger than the number of groups must reuse pairs of every earlier new round.

        A group of s people spread over the g groups of another round has at least the pairs
        of s people split as evenly as possible into g parts in common with that round; every
        pair of rounds adds that much, and each repeat costs at least one per pair of rounds.
        """
        groups = len(self.sizes)
        shared = 0
        for size in self.sizes:
            small, larger = divmod(size, groups)
            shared += (
                larger * (small + 1) * small // 2 + (groups - larger) * small * (small - 1) // 2
            )
        return shared * self.new_rounds * (self.new_rounds - 1) // 2

    def improve(self, rng: random.Random, effort: int, deadline: float) -> None:
        """Tabu search over swaps until nothing is left to gain or the budget runs out."""
        if not self.cost or len(self.sizes) < 2 or not self.movable:
            return
        bound = self.lower_bound()
        scan = sum(len(g) * (len(g) - 1) // 2 for r in self.movable for g in self.rounds[r])
        taboo: dict[tuple[int, int, int], int] = {}
        best_cost, best = self.cost, self._snapshot()
        step = spent = stalled = 0
        while self.cost > bound and spent < effort and time.perf_counter() < deadline:
            step += 1
            found, looked = self._best_swaps(self._conflicts(), taboo, step, best_cost)
            spent += _STEP_EFFORT + 3 * scan + looked
            if not found.swaps:  # every swap is taboo
                self._kick(rng, 1)
                continue
            r, p, q = found.swaps[rng.randrange(len(found.swaps))]
            self._swap(r, p, q, int(found.delta))
            taboo[r, p, q] = taboo[r, q, p] = step + rng.randint(*_TENURE)
            if self.cost < best_cost:
                best_cost, best, stalled = self.cost, self._snapshot(), 0
            elif (stalled := stalled + 1) > _PATIENCE:
                self._restore(best, best_cost)
                self._kick(rng, _KICK)
                stalled = 0
        if self.cost > best_cost:
            self._restore(best, best_cost)

    def _conflicts(self) -> list[tuple[int, int, list[int]]]:
        """(round, group number, people) for every group in which some pair meets again."""
        counts = self.counts
        found = []
        for r in self.movable:
            for number, group in enumerate(self.rounds[r]):
                bad: list[int] = []
                for i, a in enumerate(group):
                    row = counts[a]
                    for b in group[i + 1 :]:
                        if row[b] > 1:
                            bad += (a, b)
                if bad:
                    found.append((r, number, list(dict.fromkeys(bad))))
        return found

    def _best_swaps(
        self,
        conflicts: list[tuple[int, int, list[int]]],
        taboo: dict[tuple[int, int, int], int],
        step: int,
        best: int,
    ) -> tuple[_Moves, int]:
        """The best swaps that move someone out of a conflict, and the effort spent."""
        n = len(self.base)
        found = _Moves(taboo, step, best - self.cost)
        looked = 0
        saved_by_round: dict[int, list[int]] = {}
        for r, number, people in conflicts:
            if r not in saved_by_round:
                saved_by_round[r] = self._leave_costs(r)
            saved = saved_by_round[r]
            gains = self._join_gains(r, number, saved)
            looked += n * len(self.rounds[r][number]) // 8
            for p in people:
                deltas = self._swap_deltas(r, p, saved, gains)
                limit = found.delta if found.swaps else min(deltas)
                cheapest = [q for q, delta in enumerate(deltas) if delta <= limit]
                if not found.offer(r, p, cheapest, deltas) and not found.swaps:
                    # The cheapest swaps are all taboo: take the best of the others.
                    found.offer(r, p, sorted(range(n), key=deltas.__getitem__), deltas)
                looked += n + _PERSON_EFFORT
        return found, looked

    def _swap_deltas(self, r: int, p: int, saved: list[int], gains: list[int]) -> list[float]:
        """The cost change of swapping p with each person of round r (inf within p's group).

        Swapping p (group A) with q (group B): p joins B without q, q joins A without p,
        minus what both save by leaving; `gains` holds q's part for A.
        """
        costs, groups, where = self.costs, self.rounds[r], self.where[r]
        own = [costs[count] for count in self.counts[p]]
        joins: list[float] = [sum(map(own.__getitem__, group)) - saved[p] for group in groups]
        joins[where[p]] = _NEVER
        return [joins[w] + gain - 2 * c for w, gain, c in zip(where, gains, own, strict=True)]

    def _leave_costs(self, r: int) -> list[int]:
        """For every person, the cost saved by taking them out of their group in round r."""
        counts, undo = self.counts, self.undo
        saved = [0] * len(self.base)
        for group in self.rounds[r]:
            for person in group:
                row = counts[person]
                saved[person] = sum([undo[row[member]] for member in group])
        return saved

    def _join_gains(self, r: int, number: int, saved: list[int]) -> list[int]:
        """For every person of round r: the cost of joining group `number`, minus `saved`."""
        costs = self.costs
        gains = [-cost for cost in saved]
        for member in self.rounds[r][number]:
            gains = [
                gain + costs[count] for gain, count in zip(gains, self.counts[member], strict=True)
            ]
        return gains

    def _swap(self, r: int, p: int, q: int, delta: int) -> None:
        """Swap p and q (in different groups of round r); `delta` is the cost change."""
        counts, where = self.counts, self.where[r]
        group_p, group_q = self.rounds[r][where[p]], self.rounds[r][where[q]]
        row_p, row_q = counts[p], counts[q]
        for member in group_p:
            if member != p:
                row_p[member] -= 1
                counts[member][p] -= 1
                row_q[member] += 1
                counts[member][q] += 1
        for member in group_q:
            if member != q:
                row_q[member] -= 1
                counts[member][q] -= 1
                row_p[member] += 1
                counts[member][p] += 1
        group_p[group_p.index(p)] = q
        group_q[group_q.index(q)] = p
        where[p], where[q] = where[q], where[p]
        self.cost += delta

    def _swap_delta(self, r: int, p: int, q: int) -> int:
        """The cost change of swapping p and q (in different groups of round r)."""
        counts, costs, undo, where = self.counts, self.costs, self.undo, self.where[r]
        row_p, row_q = counts[p], counts[q]
        delta = 0
        for member in self.rounds[r][where[p]]:
            if member != p:
                delta += costs[row_q[member]] - undo[row_p[member]]
        for member in self.rounds[r][where[q]]:
            if member != q:
                delta += costs[row_p[member]] - undo[row_q[member]]
        return delta

    def _kick(self, rng: random.Random, swaps: int) -> None:
        """Make a few random swaps to leave a spot where the search is stuck.

        A swap that would put a "never together" pair in one group is skipped.
        """
        n = len(self.base)
        for _ in range(swaps):
            r, p, q = rng.choice(self.movable), rng.randrange(n), rng.randrange(n)
            if self.where[r][p] != self.where[r][q]:
                delta = self._swap_delta(r, p, q)
                if delta < _FORBIDDEN:
                    self._swap(r, p, q, delta)

    def _snapshot(self) -> list[list[list[int]]]:
        """A copy of the new rounds."""
        return [[group[:] for group in groups] for groups in self.rounds]

    def _restore(self, snapshot: list[list[list[int]]], cost: int) -> None:
        """Go back to a snapshot whose cost is `cost`."""
        self.counts = [row[:] for row in self.base]
        self.rounds, self.where = [], []
        for groups in snapshot:
            self._add_round([group[:] for group in groups])
        self.cost = cost
