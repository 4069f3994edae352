"""Planning every grouped round of a run (core/groups/planning.py), without Qt."""

from __future__ import annotations

import pytest

from facilitator.core.groups.planning import GroupChoices, GroupMode, plan_groups
from facilitator.core.groups.rounds import GroupRound, GroupStep
from facilitator.core.groups.scheduler import count_repeats
from facilitator.core.workshop.structures import GroupShape

NAMES = tuple(f"P{i:02d}" for i in range(12))


def _step(key: str, rounds: int, size: int, continues: str | None = None) -> GroupStep:
    shape = GroupShape.PAIRS if size == 2 else GroupShape.SMALL_GROUPS
    return GroupStep(key, 0, key, "", shape, rounds, size, continues)


def _rounds(*steps: GroupStep) -> list[GroupRound]:
    found, index = [], 0
    for step in steps:
        for number in range(1, step.rounds + 1):
            found.append(GroupRound(step, number, index, index + 1))
            index += 2
    return found


def test_new_groups_for_every_round_and_nobody_meets_twice() -> None:
    pairs = _step("pairs", 3, 2)
    rounds = _rounds(pairs)
    groups = plan_groups([pairs], rounds, GroupChoices(NAMES), {})
    assert sorted(groups) == ["pairs#1", "pairs#2", "pairs#3"]
    assert all(len(group) == 2 for formed in groups.values() for group in formed)
    assert count_repeats(groups.values()) == 0


def test_a_step_that_continues_keeps_the_groups_of_the_step_before() -> None:
    share = _step("share", 1, 4)
    consult = _step("consult", 2, 4, continues="share")
    rounds = _rounds(share, consult)
    groups = plan_groups([share, consult], rounds, GroupChoices(NAMES), {})
    assert groups["consult#1"] == groups["share#1"]
    assert groups["consult#2"] == groups["share#1"]
    chosen_new = GroupChoices(NAMES, modes={"consult": GroupMode.NEW})
    fresh = plan_groups([share, consult], rounds, chosen_new, {})
    assert fresh["consult#1"] != fresh["share#1"]


def test_people_choose_their_own_groups_gives_no_groups() -> None:
    pairs = _step("pairs", 2, 2)
    choices = GroupChoices(NAMES, modes={"pairs": GroupMode.OWN})
    assert plan_groups([pairs], _rounds(pairs), choices, {}) == {}


def test_kept_rounds_stay_as_they_are_and_the_rest_avoid_their_pairs() -> None:
    pairs = _step("pairs", 3, 2)
    rounds = _rounds(pairs)
    first = plan_groups([pairs], rounds, GroupChoices(NAMES, seed=1), {})
    kept = {"pairs#1": first["pairs#1"]}
    again = plan_groups([pairs], rounds, GroupChoices(NAMES, seed=7), kept)
    assert again["pairs#1"] == first["pairs#1"]
    assert count_repeats(again.values()) == 0


def test_groups_that_cannot_be_formed_say_why() -> None:
    pairs = _step("pairs", 1, 2)
    everyone_apart = tuple((a, b) for a in NAMES[:3] for b in NAMES[:3] if a < b)
    choices = GroupChoices(NAMES[:3], apart=everyone_apart)
    with pytest.raises(ValueError, match=r"\w"):
        plan_groups([pairs], _rounds(pairs), choices, {})
