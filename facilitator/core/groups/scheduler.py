"""Repeat-free group schedules: several rounds of groups in which nobody meets anybody twice.

Facilitators run rounds in which participants form small groups (pairs in Impromptu
Networking, foursomes, groups of five) and want every round to bring new faces.
`schedule_groups` plans those rounds; `GroupSchedule` holds the result.

How it works (pure Python, standard library only):

1. Start: when nobody has met yet and the number of groups per round is a prime power q
   at least the group size (25 people in fives, 32 in foursomes, 80 in sevens), a
   finite-field grid gives up to q rounds (sometimes q + 1) with no repeat at all; see
   `_lattice_rounds`. Any other round is built greedily: people are placed, in a seeded
   random order, into the group where they know the fewest people already.
2. Repair: while some pair meets twice, a tabu search swaps two people of one round between
   groups. It looks at every swap that moves someone out of a group with a repeat, takes
   the best one, keeps the swap taboo for a while so it is not undone at once, and restarts
   from the best schedule so far (with a few random swaps) when it stops improving.
   A pair's third meeting costs far more than a second one (and so on), so the search
   first lowers the most times any pair meets and then the total number of repeats.
   "Never together" pairs cost more than anything else.
3. Stop: when no pair meets twice, when a lower bound shows the remaining repeats are
   unavoidable, after a fixed amount of search effort, or when the time budget runs out.

Determinism: the same inputs and seed always give the same schedule, because the search
stops after a fixed amount of effort (`effort`: roughly the number of candidate swaps
looked at), never because of the clock. The time budget is only a safety cap so that a
call never hangs: the default effort takes about half a second on a slow 2-core machine,
inside the default budget of 0.8 s, and only a run cut short by the cap can differ between
machines. Most real workshops need far less: the search stops as soon as nobody meets twice.
"""

from __future__ import annotations

import random
import time
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping, Sequence

Group = tuple[str, ...]
Round = tuple[Group, ...]

DEFAULT_TIME_BUDGET = 0.8
"""Seconds the search may run at most: a safety cap (see the module docstring)."""

DEFAULT_EFFORT = 4_000_000
"""Search effort, about one unit per candidate swap looked at: the bound that keeps results
deterministic (about half a second of search, spent only when no perfect schedule turns up)."""

_GROWTH = 100  # how much worse a pair's third meeting is than its second one, and so on
_COST_CAP = 10**9  # meeting costs stop growing here to keep the numbers small
_FORBIDDEN = 10**15  # the cost of one "never together" pair sharing a group
_TENURE = (5, 30)  # a swap stays taboo for a random number of steps in this range
_PATIENCE = 300  # steps without a new best schedule before going back to the best one
_KICK = 16  # random swaps made when going back to the best schedule
_NEVER = float("inf")  # the cost change of "swapping" two people of one group
_STEP_EFFORT = 110  # effort units of one search step besides the swaps it looks at
_PERSON_EFFORT = 30  # effort units of looking at one person's swaps, besides the swaps


@dataclass(frozen=True)
class GroupSchedule:
    """Rounds of groups (each group a tuple of names) and the number of repeated encounters."""

    rounds: tuple[Round, ...]
    repeats: int

    def pair_counts(self) -> dict[tuple[str, str], int]:
        """How often each pair shared a group, keyed by the two names in sorted order."""
        return count_meetings(self.rounds)

    @property
    def max_meetings(self) -> int:
        """The most times any pair shares a group (0 when nobody ever shares one)."""
        return max(self.pair_counts().values(), default=0)

    def to_json(self) -> dict[str, object]:
        """A JSON-ready dict: {"rounds": [[[names]]], "repeats": int}."""
        rounds = [[list(group) for group in round_] for round_ in self.rounds]
        return {"rounds": rounds, "repeats": self.repeats}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> GroupSchedule:
        """Rebuild a schedule saved with `to_json` (the repeats are counted again)."""
        rounds = _as_rounds(data["rounds"])
        return cls(rounds=rounds, repeats=count_repeats(rounds))


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


def schedule_groups(
    names: Sequence[str],
    size: int,
    rounds: int,
    *,
    never_together: Iterable[tuple[str, str]] = (),
    history: Sequence[Sequence[Sequence[str]]] = (),
    seed: int = 0,
    time_budget: float = DEFAULT_TIME_BUDGET,
    effort: int = DEFAULT_EFFORT,
) -> GroupSchedule:
    """Plan `rounds` rounds of groups of about `size` people with as few repeats as possible.

    `rounds` counts every round of the schedule, including the rounds in `history`: rounds
    already run, which come back unchanged at the start of the result (they may include
    people who have left). The new rounds include everybody in `names`, so late arrivals
    join them, and avoid pairs who already met in `history`. Passing one schedule's rounds
    as the next call's `history` also mixes group sizes (three rounds of pairs, then a round
    of foursomes). Group sizes follow `group_sizes`. Pairs in `never_together` never share a
    new group; a ValueError says so when that cannot be arranged. A given `seed` always
    gives the same schedule; `time_budget` and `effort` bound the search (module docstring).
    """
    people = _check_names(names)
    _check_counts(size, rounds)
    played = _as_rounds(history)
    if len(played) > rounds:
        raise ValueError(f"rounds ({rounds}) is less than the rounds already run ({len(played)})")
    index = {name: i for i, name in enumerate(people)}
    apart = _forbidden_pairs(never_together, index)
    sizes = group_sizes(len(people), size)
    new_rounds = rounds - len(played)
    if new_rounds and len(people) > 1:
        _check_feasible(people, sizes, apart)
    base = _base_counts(len(people), played, index, apart, rounds)
    search = _Search(base, sizes, new_rounds, rounds)
    rng = random.Random(seed)
    search.build(rng)
    search.improve(rng, effort, time.perf_counter() + time_budget)
    planned = tuple(_named_round(groups, people) for groups in search.rounds)
    _check_apart(planned, apart, people)
    full = played + planned
    return GroupSchedule(rounds=full, repeats=count_repeats(full))


def _check_names(names: Sequence[str]) -> list[str]:
    """The names as a list, after checking that they are unique, non-empty strings."""
    people = list(names)
    if not people:
        raise ValueError("need at least one participant")
    for name in people:
        if not isinstance(name, str) or not name.strip():
            raise ValueError(f"participant names must be non-empty strings, got {name!r}")
    duplicates = sorted(name for name, times in Counter(people).items() if times > 1)
    if duplicates:
        raise ValueError(f"participant names must be unique; repeated: {', '.join(duplicates)}")
    return people


def _check_counts(size: int, rounds: int) -> None:
    """Reject a group size below 2 or a round count below 1."""
    if isinstance(size, bool) or not isinstance(size, int) or size < 2:
        raise ValueError(f"group size must be an integer >= 2, got {size!r}")
    if isinstance(rounds, bool) or not isinstance(rounds, int) or rounds < 1:
        raise ValueError(f"rounds must be an integer >= 1, got {rounds!r}")


def _as_rounds(rounds: Iterable[Iterable[Iterable[str]]]) -> tuple[Round, ...]:
    """Rounds as nested tuples, after checking that nobody is twice in one round."""
    result = []
    for number, round_ in enumerate(rounds, start=1):
        if isinstance(round_, str):
            raise ValueError(f"round {number} must be a list of groups, not a string")
        groups = []
        for group in round_:
            if isinstance(group, str):
                raise ValueError(f"round {number} must be a list of groups of names")
            groups.append(tuple(group))
        names = [name for group in groups for name in group]
        if not all(isinstance(name, str) for name in names):
            raise ValueError(f"round {number} must hold names (strings) only")
        twice = sorted(name for name, times in Counter(names).items() if times > 1)
        if twice:
            raise ValueError(f"round {number} has people in it twice: {', '.join(twice)}")
        result.append(tuple(groups))
    return tuple(result)


def _forbidden_pairs(
    pairs: Iterable[tuple[str, str]], index: dict[str, int]
) -> list[tuple[int, int]]:
    """The "never together" pairs as sorted index pairs, after checking the names."""
    result = set()
    for pair in pairs:
        if isinstance(pair, str) or len(pair) != 2:
            raise ValueError(f"never-together pairs must hold two names, got {pair!r}")
        first, second = pair
        for name in (first, second):
            if name not in index:
                raise ValueError(f"never-together pair {pair!r} names an unknown person {name!r}")
        if first == second:
            raise ValueError(f"never-together pair {pair!r} names the same person twice")
        a, b = index[first], index[second]
        result.add((min(a, b), max(a, b)))
    return sorted(result)


def _check_feasible(
    people: list[str], sizes: tuple[int, ...], apart: list[tuple[int, int]]
) -> None:
    """Fail early when someone is kept apart from too many people to fit in any group."""
    blocked = Counter(i for pair in apart for i in pair)
    needed = min(sizes) - 1
    for person, count in sorted(blocked.items()):
        if len(people) - 1 - count < needed:
            raise ValueError(
                f"cannot keep pairs apart: {people[person]} may be with only "
                f"{len(people) - 1 - count} others but groups need {needed}"
            )


def _check_apart(
    planned: tuple[Round, ...], apart: list[tuple[int, int]], people: list[str]
) -> None:
    """Raise if the search could not keep every "never together" pair apart."""
    pairs = {(people[a], people[b]) for a, b in apart}
    broken = sorted(
        pair for pair in count_meetings(planned) if pair in pairs or pair[::-1] in pairs
    )
    if broken:
        listed = "; ".join(f"{a} and {b}" for a, b in broken)
        raise ValueError(f"could not find groups that keep these pairs apart: {listed}")


def _base_counts(
    n: int,
    played: tuple[Round, ...],
    index: dict[str, int],
    apart: list[tuple[int, int]],
    rounds: int,
) -> list[list[int]]:
    """Meeting counts before the new rounds; "never together" pairs start very high."""
    counts = [[0] * n for _ in range(n)]
    for round_ in played:
        for group in round_:
            members = [index[name] for name in group if name in index]
            for a in members:
                for b in members:
                    if a != b:
                        counts[a][b] += 1
    offset = _forbidden_offset(rounds)
    for a, b in apart:
        counts[a][b] += offset
        counts[b][a] += offset
    return counts


def _forbidden_offset(rounds: int) -> int:
    """Added to the count of a "never together" pair: more than any real number of meetings."""
    return rounds + 1


def _marginal_costs(rounds: int) -> list[int]:
    """The cost of one more meeting for a pair that has met c times, indexed by c."""
    offset = _forbidden_offset(rounds)
    costs = [0] + [min(_GROWTH ** (c - 1), _COST_CAP) for c in range(1, offset)]
    return costs + [_FORBIDDEN] * (offset + 1)


def _spread_cost(levels: Counter[int], meetings: int, costs: list[int]) -> int:
    """The least cost of `meetings` more meetings with partners already met `levels` times."""
    pending = Counter(levels)
    total = level = 0
    while meetings > 0 and pending:
        taken = min(pending.pop(level, 0), meetings)
        total += taken * costs[level]
        meetings -= taken
        if taken:
            pending[level + 1] += taken
        level += 1
    return total


def _named_round(groups: list[list[int]], people: list[str]) -> Round:
    """A round of index groups as names: members in list order, groups by first member."""
    ordered = sorted(sorted(group) for group in groups)
    return tuple(tuple(people[i] for i in group) for group in ordered)


def _lattice_rounds(
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
    field = _Field.of(groups)
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


class _Field:
    """Arithmetic in a finite field of p**k elements, numbered 0..p**k - 1 by their digits."""

    def __init__(self, p: int, k: int) -> None:
        """The field of p**k elements: polynomials over Z_p modulo an irreducible one."""
        self.p, self.k = p, k
        self.modulus = _irreducible(p, k)

    @classmethod
    def of(cls, size: int) -> _Field | None:
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


class _Search:
    """One schedule search: the new rounds as groups of indices, plus all meeting counts."""

    def __init__(
        self, base: list[list[int]], sizes: tuple[int, ...], new_rounds: int, total_rounds: int
    ) -> None:
        """Start from the meeting counts before the new rounds (history, never-together)."""
        self.base = base
        self.counts = [row[:] for row in base]
        self.sizes = sizes
        self.new_rounds = new_rounds
        self.offset = _forbidden_offset(total_rounds)
        self.costs = _marginal_costs(total_rounds)
        self.undo = [0, *self.costs[:-1]]  # the cost saved when a pair that met c times meets less
        self.rounds: list[list[list[int]]] = []
        self.where: list[list[int]] = []  # where[r][person]: the number of their group in round r
        self.cost = 0  # what the new rounds' meetings cost, see _marginal_costs
        # When nobody is linked beforehand, any first round is as good as another: keep it.
        self.fresh = not any(any(row) for row in base)
        self.movable = range(1 if self.fresh else 0, new_rounds)

    def build(self, rng: random.Random) -> None:
        """Add the new rounds: from the finite-field grid if it fits, the rest greedily."""
        n = len(self.base)
        if self.fresh and self.new_rounds > 1:
            for groups in _lattice_rounds(n, self.sizes, self.new_rounds, rng):
                self._add_round(groups)
        blocked = [sum(1 for count in row if count >= self.offset) for row in self.base]
        while len(self.rounds) < self.new_rounds:
            order = rng.sample(range(n), n)
            order.sort(key=lambda person: -blocked[person])  # the most constrained first
            groups = [[] for _ in self.sizes]
            for person in order:
                groups[self._cheapest_group(person, groups)].append(person)
            self._add_round(groups)

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
        """Make a few random swaps to leave a spot where the search is stuck."""
        n = len(self.base)
        for _ in range(swaps):
            r, p, q = rng.choice(self.movable), rng.randrange(n), rng.randrange(n)
            if self.where[r][p] != self.where[r][q]:
                self._swap(r, p, q, self._swap_delta(r, p, q))

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
