"""Known designs and constructions: every table entry is repeat-free, people are relabelled
to keep constraints, and the item-4 cases of issue 15 reach the best known rounds."""

from __future__ import annotations

import random
from collections import Counter
from itertools import combinations

import pytest

from facilitator.core.groups.attributes import Attribute, AttributeRule, same_value_groups
from facilitator.core.groups.constructions import construct
from facilitator.core.groups.designs import DESIGNS, round_robin
from facilitator.core.groups.doubled import doubled_plane_rounds
from facilitator.core.groups.scheduler import count_meetings, schedule_groups


def _pairs_met(rounds: list[list[list[int]]]) -> Counter[frozenset[int]]:
    met: Counter[frozenset[int]] = Counter()
    for groups in rounds:
        for group in groups:
            met.update(frozenset(pair) for pair in combinations(group, 2))
    return met


@pytest.mark.parametrize("shape", sorted(DESIGNS))
def test_every_design_in_the_table_is_repeat_free_and_seats_everybody(
    shape: tuple[int, int],
) -> None:
    design = DESIGNS[shape]
    groups, size = shape
    rounds = design.build(design.rounds)
    assert len(rounds) == design.rounds
    for formed in rounds:
        assert sorted(p for group in formed for p in group) == list(range(groups * size))
        assert [len(group) for group in formed] == [size] * groups
    assert max(_pairs_met(rounds).values()) == 1


def test_forty_in_foursomes_meet_everybody_exactly_once() -> None:
    rounds = DESIGNS[10, 4].build(13)
    assert len(_pairs_met(rounds)) == 40 * 39 // 2


def test_two_doubled_affine_planes_give_thirty_two_in_foursomes_ten_rounds() -> None:
    rounds = doubled_plane_rounds(4)
    assert len(rounds) == 10
    for formed in rounds:
        assert sorted(p for group in formed for p in group) == list(range(32))
        assert [len(group) for group in formed] == [4] * 8
    met = _pairs_met(rounds)
    assert set(met.values()) == {1}
    unmet = {frozenset(pair) for pair in combinations(range(32), 2)} - set(met)
    assert unmet == {frozenset((p, p + 16)) for p in range(16)}, "only a person's double"
    assert doubled_plane_rounds(5) == [], "no permutation known for this order"


def test_the_circle_method_pairs_everybody_with_everybody_once() -> None:
    rounds = round_robin(12, 11)
    assert len(rounds) == 11
    met = _pairs_met(rounds)
    assert len(met) == 12 * 11 // 2
    assert set(met.values()) == {1}


def test_a_construction_offers_a_spare_round_that_shares_no_pair_with_the_rest() -> None:
    rounds, spare = construct(24, (4,) * 6, 3, random.Random(0))
    assert len(rounds) == 3
    assert spare
    met = _pairs_met(rounds)
    assert not any(met[frozenset(pair)] for group in spare for pair in combinations(group, 2))


ITEM_FOUR = [
    (6, 3, 8),
    (8, 4, 10),
    (7, 3, 10),
    (8, 3, 11),
    (6, 4, 7),
    (10, 4, 13),
    (6, 5, 5),
    (5, 3, 7),
    (4, 4, 5),
    (5, 5, 6),
    (7, 7, 8),
    (8, 8, 9),
]


@pytest.mark.parametrize(("groups", "size", "rounds"), ITEM_FOUR)
def test_the_known_maxima_are_reached_without_a_repeat(groups: int, size: int, rounds: int) -> None:
    names = [f"P{i:02d}" for i in range(groups * size)]
    schedule = schedule_groups(names, size, rounds)
    assert len(schedule.rounds) == rounds
    assert schedule.repeats == 0


def test_one_pair_kept_apart_keeps_a_constructed_schedule_repeat_free() -> None:
    """Issue 15: one apart pair used to turn 32 in foursomes for 8 rounds from 0 to 3 repeats."""
    names = [f"P{i:02d}" for i in range(32)]
    schedule = schedule_groups(names, 4, 8, never_together=[("P00", "P01")])
    assert schedule.repeats == 0
    assert ("P00", "P01") not in count_meetings(schedule.rounds)


def test_forty_nine_in_sevens_with_one_pair_apart() -> None:
    """7 rounds stay repeat-free. 8 rounds cannot: without the pair, each of the two has 47
    others to meet 48 times. The repeats stay few and nobody meets anybody three times."""
    names = [f"P{i:02d}" for i in range(49)]
    seven = schedule_groups(names, 7, 7, never_together=[("P00", "P01")])
    assert seven.repeats == 0
    eight = schedule_groups(names, 7, 8, never_together=[("P00", "P01")])
    assert ("P00", "P01") not in count_meetings(eight.rounds)
    assert eight.max_meetings == 2
    assert eight.repeats <= 24  # it used to be 106


def test_six_teams_of_four_are_kept_apart_without_a_repeat() -> None:
    names = [f"P{i:02d}" for i in range(24)]
    teams = Attribute("team", AttributeRule.APART, {n: f"T{i // 4}" for i, n in enumerate(names)})
    schedule = schedule_groups(names, 4, 3, attributes=[teams])
    assert schedule.repeats == 0
    assert same_value_groups(schedule.rounds, teams) == 0


def test_a_very_large_crowd_is_planned_without_a_table_of_every_pair() -> None:
    names = [f"P{i:05d}" for i in range(6001)]
    schedule = schedule_groups(names, 3, 4, never_together=[("P00000", "P00001")])
    assert schedule.repeats == 0
    assert ("P00000", "P00001") not in count_meetings(schedule.rounds)
    for formed in schedule.rounds:
        assert sorted(n for group in formed for n in group) == names
