"""Repeat-free group schedules: several rounds of groups in which nobody meets anybody twice.

Facilitators run rounds in which participants form small groups (pairs in Impromptu
Networking, foursomes, groups of five) and want every round to bring new faces.
`schedule_groups` plans those rounds; `GroupSchedule` holds the result.

How it works (pure Python, standard library only):

1. Start: when no rounds have been run yet, a construction gives repeat-free rounds where
   one is known (constructions.py): a finite-field grid when the number of groups is a
   prime power q at least the group size (25 people in fives, 32 in foursomes: up to q or
   q + 1 rounds), a design of designs.py (Kirkman triple systems, 40 in foursomes, ...), or
   the circle method for pairs. Pairs kept apart, teams and mixing only decide who takes
   which place of it (relabel.py). Any other round is built greedily: people are placed, in
   a seeded random order, into the group where they know the fewest people already.
2. Repair (search.py): while some pair meets twice, a tabu search swaps two people of one
   round between groups, first lowering the most times any pair meets, then the total
   number of repeats; "never together" pairs (and teams kept apart) cost more than
   anything else, two people of a team to be mixed a little. Past 4,000 people a table of
   every pair is too big: sparse.py plans those crowds instead.
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

from facilitator.core.groups.attributes import Attribute, AttributeRule, together_parts
from facilitator.core.groups.constructions import construct
from facilitator.core.groups.meetings import (
    Group,
    Round,
    count_meetings,
    count_repeats,
    group_sizes,
)
from facilitator.core.groups.search import SwapSearch, forbidden_offset, mix_offset
from facilitator.core.groups.sparse import DENSE_LIMIT, sparse_rounds

__all__ = [
    "DEFAULT_EFFORT",
    "DEFAULT_TIME_BUDGET",
    "Group",
    "GroupSchedule",
    "Round",
    "count_meetings",
    "count_repeats",
    "group_sizes",
    "schedule_groups",
]

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence


DEFAULT_TIME_BUDGET = 0.8
"""Seconds the search may run at most: a safety cap (see the module docstring)."""

SMALL_EFFORT = 2000
"""For a few people the effort is at most this much per person squared per round: seven
people in pairs cannot do better than one repeat in four rounds, and more search would only
prove it slowly."""

DEFAULT_EFFORT = 4_000_000
"""Search effort, about one unit per candidate swap looked at: the bound that keeps results
deterministic (about half a second of search, spent only when no perfect schedule turns up)."""


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
    attributes: Sequence[Attribute] = (),
) -> GroupSchedule:
    """Plan `rounds` rounds of groups of about `size` people with as few repeats as possible.

    `rounds` counts every round of the schedule, including the rounds in `history`: rounds
    already run, which come back unchanged at the start of the result (they may include
    people who have left). The new rounds include everybody in `names`, so late arrivals
    join them, and avoid pairs who already met in `history`. Passing one schedule's rounds
    as the next call's `history` also mixes group sizes (three rounds of pairs, then a round
    of foursomes). Group sizes follow `group_sizes`. Pairs in `never_together` never share a
    new group; a ValueError says so when that cannot be arranged. `attributes` add rules
    per team, table or language (attributes.py): "apart" pairs are never together, "mix"
    pairs meet as little as possible (a repeat weighs more), "together" forms the groups
    within each value. A given `seed` always gives the same schedule; `time_budget` and
    `effort` bound the search (module docstring).
    """
    people = _check_names(names)
    _check_counts(size, rounds)
    played = _as_rounds(history)
    if len(played) > rounds:
        raise ValueError(f"rounds ({rounds}) is less than the rounds already run ({len(played)})")
    parts = together_parts(people, attributes)
    if len(parts) > 1 and rounds > len(played):
        options = (never_together, seed, time_budget, effort)
        return _schedule_parts(parts, size, rounds, played, options, attributes)
    index = {name: i for i, name in enumerate(people)}
    apart_pairs = list(never_together)
    sizes = group_sizes(len(people), size)
    for attribute in attributes:
        if attribute.rule is AttributeRule.APART:
            attribute.check_apart(people, len(sizes))
            apart_pairs += attribute.same_value_pairs(people)
    apart = _forbidden_pairs(apart_pairs, index)
    new_rounds = rounds - len(played)
    if new_rounds and len(people) > 1:
        _check_feasible(people, sizes, apart)
    mixing = any(a.rule is AttributeRule.MIX for a in attributes)
    if not played and not apart and not mixing and new_rounds > 1:
        # Nothing to respect: a construction with every round asked needs no search at all
        # (the search would start from the very same rounds, drawn with the same seed).
        constructed, _spare = construct(len(people), sizes, new_rounds, random.Random(seed))
        if len(constructed) == new_rounds:
            planned = tuple(_named_round(groups, people) for groups in constructed)
            return GroupSchedule(rounds=planned, repeats=count_repeats(planned))
    if len(people) > DENSE_LIMIT:
        known = _known_sets(people, played, index, apart, attributes)
        formed = sparse_rounds(sizes, new_rounds, known, random.Random(seed), effort // 20)
        planned = tuple(_named_round(groups, people) for groups in formed)
        _check_apart(planned, apart, people)
        full = played + planned
        return GroupSchedule(rounds=full, repeats=count_repeats(full))
    base = _base_counts(len(people), played, index, apart, rounds)
    _add_mixing(base, people, attributes, rounds)
    search = _search(
        base, sizes, (new_rounds, rounds), seed, effort, time_budget, history=bool(played)
    )
    planned = tuple(_named_round(groups, people) for groups in search.rounds)
    _check_apart(planned, apart, people)
    full = played + planned
    return GroupSchedule(rounds=full, repeats=count_repeats(full))


def _schedule_parts(
    parts: list[list[str]],
    size: int,
    rounds: int,
    played: tuple[Round, ...],
    options: tuple[Iterable[tuple[str, str]], int, float, int],
    attributes: Sequence[Attribute],
) -> GroupSchedule:
    """Each "together" part scheduled on its own, its rounds' groups put side by side."""
    never_together, seed, time_budget, effort = options
    pairs = list(never_together)
    others = [a for a in attributes if a.rule is not AttributeRule.TOGETHER]
    total = sum(len(part) for part in parts)
    new: list[list[Group]] = [[] for _ in range(rounds - len(played))]
    for number, part in enumerate(parts):
        members = set(part)
        share = len(part) / total
        schedule = schedule_groups(
            part,
            size,
            rounds,
            never_together=[p for p in pairs if p[0] in members and p[1] in members],
            history=[
                [kept for group in round_ if (kept := [n for n in group if n in members])]
                for round_ in played
            ],
            seed=seed + number,
            time_budget=time_budget * share,
            effort=max(1, int(effort * share)),
            attributes=others,
        )
        for formed, groups in zip(new, schedule.rounds[len(played) :], strict=True):
            formed.extend(groups)
    full = played + tuple(tuple(groups) for groups in new)
    return GroupSchedule(rounds=full, repeats=count_repeats(full))


def _known_sets(
    people: list[str],
    played: tuple[Round, ...],
    index: dict[str, int],
    apart: list[tuple[int, int]],
    attributes: Sequence[Attribute],
) -> list[set[int]]:
    """For a very large crowd: whom each person met, must not meet, or is to be mixed with."""
    known: list[set[int]] = [set() for _ in people]
    for round_ in played:
        for group in round_:
            members = [index[name] for name in group if name in index]
            for person in members:
                known[person].update(other for other in members if other != person)
    pairs = list(apart)
    for attribute in attributes:
        if attribute.rule is AttributeRule.MIX:
            pairs += [(index[a], index[b]) for a, b in attribute.same_value_pairs(people)]
    for a, b in pairs:
        known[a].add(b)
        known[b].add(a)
    return known


def _add_mixing(
    base: list[list[int]], people: list[str], attributes: Sequence[Attribute], rounds: int
) -> None:
    """Move pairs of one value of a "mix" attribute into the band of pairs to be mixed."""
    index = {name: i for i, name in enumerate(people)}
    offset = mix_offset(rounds)
    for attribute in attributes:
        if attribute.rule is not AttributeRule.MIX:
            continue
        for first, second in attribute.same_value_pairs(people):
            a, b = index[first], index[second]
            if base[a][b] < offset:
                base[a][b] += offset
                base[b][a] += offset


def _search(
    base: list[list[int]],
    sizes: tuple[int, ...],
    counts: tuple[int, int],
    seed: int,
    effort: int,
    time_budget: float,
    *,
    history: bool,
) -> SwapSearch:
    """The best schedule the search finds for the new rounds (`counts`: new and all rounds).

    Without history it starts from a construction when one fits. When constraints leave
    that start with a cost (a pair kept apart that no seating can keep apart), a greedy
    start is searched as well, each with half the effort, and the better result is kept.
    After rounds already run, the greedy start is used: it follows the history, which a
    construction ignores.
    """
    start = time.perf_counter()
    rng = random.Random(seed)
    new_rounds, rounds = counts
    effort = min(effort, SMALL_EFFORT * len(base) ** 2 * new_rounds)
    search = SwapSearch(base, sizes, new_rounds, rounds)
    search.build(rng, effort // 4, construction=not history, deadline=start + time_budget / 4)
    if not (search.constructed and search.cost):
        search.improve(rng, effort, start + time_budget)
        return search
    other_rng = random.Random(seed + 1)
    other = SwapSearch(base, sizes, new_rounds, rounds)
    other.build(other_rng, 0, construction=False)
    search.improve(rng, effort // 2, start + time_budget / 2)
    other.improve(other_rng, effort // 2, start + time_budget)
    return search if search.cost <= other.cost else other


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
        listed = "; ".join(f"{a} and {b}" for a, b in broken[:5])
        more = f" (and {len(broken) - 5} more pairs)" if len(broken) > 5 else ""
        raise ValueError(f"could not find groups that keep these pairs apart: {listed}{more}")


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
    offset = forbidden_offset(rounds)
    for a, b in apart:
        counts[a][b] += offset
        counts[b][a] += offset
    return counts


def _named_round(groups: list[list[int]], people: list[str]) -> Round:
    """A round of index groups as names: members in list order, groups by first member."""
    ordered = sorted(sorted(group) for group in groups)
    return tuple(tuple(people[i] for i in group) for group in ordered)
