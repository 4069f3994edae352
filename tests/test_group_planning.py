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


def _joining(key: str, follows: str, rounds: int = 1) -> GroupStep:
    return GroupStep(key, 1, key, "", GroupShape.FOURSOMES, rounds, 4, follows=follows, joins=True)


def _pairs_of(formed: tuple[tuple[str, ...], ...]) -> set[frozenset[str]]:
    return {frozenset(group) for group in formed}


def test_foursomes_after_pairs_are_the_pairs_joined_by_default() -> None:
    pairs = _step("pairs", 1, 2)
    fours = _joining("fours", "pairs")
    groups = plan_groups([pairs, fours], _rounds(pairs, fours), GroupChoices(NAMES), {})
    assert GroupChoices(NAMES).mode_of(fours) is GroupMode.JOIN
    pair_sets = _pairs_of(groups["pairs#1"])
    for foursome in groups["fours#1"]:
        assert len(foursome) == 4
        inside = [pair for pair in pair_sets if pair <= set(foursome)]
        assert len(inside) == 2, "a foursome is two whole pairs"


def test_joins_avoid_people_who_met_before() -> None:
    earlier = _step("earlier", 2, 2)
    pairs = _step("pairs", 1, 2)
    fours = _joining("fours", "pairs", rounds=2)
    steps = [earlier, pairs, fours]
    everyone = tuple(f"Q{i:02d}" for i in range(24))
    groups = plan_groups(steps, _rounds(*steps), GroupChoices(everyone, seed=2), {})
    new = [(groups[k], None) for k in ("earlier#1", "earlier#2", "pairs#1")]
    new += [(groups[k], groups["pairs#1"]) for k in ("fours#1", "fours#2")]
    assert new_encounters_repeats(new) == 0


def new_encounters_repeats(rounds: list) -> int:
    from facilitator.core.groups.planning import new_encounters

    return sum(times - 1 for times in new_encounters(rounds).values())


def test_an_odd_number_of_pairs_makes_one_group_of_three_pairs() -> None:
    names = NAMES[:10]
    pairs = _step("pairs", 1, 2)
    fours = _joining("fours", "pairs")
    groups = plan_groups([pairs, fours], _rounds(pairs, fours), GroupChoices(names), {})
    assert sorted(len(group) for group in groups["fours#1"]) == [4, 6]


def test_the_join_can_be_turned_into_new_groups() -> None:
    pairs = _step("pairs", 1, 2)
    fours = _joining("fours", "pairs")
    choices = GroupChoices(NAMES, modes={"fours": GroupMode.NEW}, seed=1)
    groups = plan_groups([pairs, fours], _rounds(pairs, fours), choices, {})
    assert count_repeats([groups["pairs#1"], groups["fours#1"]]) == 0


@pytest.mark.parametrize(
    ("structure_id", "joined"),
    [
        ("1-2-4-all", "foursomes"),
        ("9-whys", "foursomes"),
        ("heard-seen-respected", "foursomes"),
        ("appreciative-interviews", "retell"),
        ("impromptu-networking", None),
        ("15-percent-solutions", None),
    ],
)
def test_pairs_join_into_foursomes_by_default_where_the_structure_goes_from_two_to_four(
    tmp_path_factory: pytest.TempPathFactory, structure_id: str, joined: str | None
) -> None:
    from facilitator.core.documents.library import load_library
    from facilitator.core.groups.rounds import group_steps
    from facilitator.core.timing.timeline import build_timeline

    library = load_library(user_dir=tmp_path_factory.mktemp("empty"))
    steps = group_steps(build_timeline(library.structure(structure_id), None, "en"))
    choices = GroupChoices(NAMES)
    joining = [step.key for step in steps if choices.mode_of(step) is GroupMode.JOIN]
    assert joining == ([joined] if joined else [])


def test_the_crash_record_keeps_columns_rules_and_groups_and_refuses_a_damaged_one() -> None:
    from facilitator.core.groups.attributes import AttributeRule
    from facilitator.core.groups.participants import parse_participants
    from facilitator.core.groups.record import GroupsRecord

    people = parse_participants("name,team\nAnn,A\nBob,B\napart: Ann, Bob\n")
    groups = {"pairs#1": (("Ann", "Bob"),)}
    record = GroupsRecord(
        people,
        {"pairs": 2},
        {"fours": GroupMode.JOIN},
        {"team": AttributeRule.MIX},
        3,
        groups,
        frozenset({"pairs#1"}),
    )
    again = GroupsRecord.from_json(record.to_json(), {"pairs#1"})
    assert again == record
    damaged = record.to_json() | {"rules": {"team": "sideways"}}
    assert GroupsRecord.from_json(damaged, {"pairs#1"}) is None
