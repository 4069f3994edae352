"""Attributes (team, table, language): kept apart, mixed or kept together; bounds said plainly."""

from __future__ import annotations

import pytest

from facilitator.core.groups.attributes import Attribute, AttributeRule, same_value_groups
from facilitator.core.groups.bounds import best_known, rounds_bound
from facilitator.core.groups.participants import parse_participants
from facilitator.core.groups.report import GroupRequest, form_groups
from facilitator.core.groups.scheduler import schedule_groups

NAMES = [f"P{i:02d}" for i in range(24)]


def _attribute(rule: AttributeRule, team_size: int, names: list[str] = NAMES) -> Attribute:
    return Attribute("team", rule, {n: f"T{i // team_size}" for i, n in enumerate(names)})


def test_a_team_larger_than_the_number_of_groups_says_which_and_why() -> None:
    teams = _attribute(AttributeRule.APART, 8)  # 3 teams of 8, but 6 groups of 4
    with pytest.raises(ValueError, match="cannot keep team apart") as error:
        schedule_groups(NAMES, 4, 2, attributes=[teams])
    assert "'T0'" in str(error.value)
    assert "only 6 groups" in str(error.value)
    assert "\n" not in str(error.value)


def test_mixing_gives_fewer_same_team_groups_than_chance() -> None:
    teams = _attribute(AttributeRule.MIX, 4)
    ignored = schedule_groups(NAMES, 4, 4, seed=3)
    mixed = schedule_groups(NAMES, 4, 4, seed=3, attributes=[teams])
    assert same_value_groups(mixed.rounds, teams) == 0
    assert same_value_groups(ignored.rounds, teams) > 0
    assert mixed.repeats == 0


def test_mixing_never_costs_a_repeat_where_none_is_needed() -> None:
    teams = _attribute(AttributeRule.MIX, 12)  # two halves: same-team groups are unavoidable
    schedule = schedule_groups(NAMES, 4, 3, attributes=[teams])
    assert schedule.repeats == 0
    assert same_value_groups(schedule.rounds, teams) > 0


def test_keep_together_forms_groups_within_each_value() -> None:
    tables = _attribute(AttributeRule.TOGETHER, 8)
    schedule = schedule_groups(NAMES, 2, 3, attributes=[tables])
    for round_ in schedule.rounds:
        assert sorted(n for group in round_ for n in group) == NAMES
        for group in round_:
            assert len({tables.value_of(n) for n in group}) == 1
    assert schedule.repeats == 0


def test_the_same_seed_gives_the_same_groups_with_attributes() -> None:
    teams = _attribute(AttributeRule.APART, 4)
    first = schedule_groups(NAMES, 4, 3, seed=5, attributes=[teams])
    again = schedule_groups(NAMES, 4, 3, seed=5, attributes=[teams])
    assert first.rounds == again.rounds


def test_the_bound_line_says_what_is_possible_and_what_asking_more_costs() -> None:
    bound = rounds_bound((4,) * 6, 8, [0] * 24)
    assert bound.most == 7
    assert bound.best_known == 7
    assert bound.least_repeats == 12
    assert bound.line() == (
        "24 people in foursomes: at most 7 rounds without a repeat; 8 asked: "
        "at least 12 pairs will meet twice"
    )
    assert rounds_bound((4,) * 6, 7, [0] * 24).line() == ""


def test_the_bound_line_names_the_best_known_when_mathematics_allows_more() -> None:
    line = rounds_bound((5,) * 6, 6, [0] * 30).line()
    assert line.startswith("30 people in fives: at most 7 rounds without a repeat are possible")
    assert "the best schedules known have 5" in line


@pytest.mark.parametrize(
    ("groups", "size", "known"),
    [(6, 3, 8), (7, 3, 10), (8, 3, 11), (8, 4, 10), (10, 4, 13), (12, 2, 23), (3, 4, 1)],
)
def test_best_known_rounds(groups: int, size: int, known: int) -> None:
    assert best_known(groups, size) == known


def test_a_request_names_columns_in_any_case_and_refuses_unknown_ones() -> None:
    people = parse_participants("name,Team\nAnn,A\nBob,B\nCas,A\nDee,B\n")
    request = GroupRequest.of(people, 2, 1, {"apart": ["team"]})
    result = form_groups(request)
    assert [r.groups_with_same_value for r in result.attributes] == [0]
    with pytest.raises(ValueError, match=r"no column 'tema'; the columns are: Team"):
        GroupRequest.of(people, 2, 1, {"apart": ["tema"]})
    with pytest.raises(ValueError, match="cannot be both"):
        GroupRequest.of(people, 2, 1, {"apart": ["team"], "mix": ["Team"]})


def test_the_json_result_keeps_the_schedule_fields_and_adds_the_reports() -> None:
    people = parse_participants("name,team\n" + "".join(f"{n},{n[-1]}\n" for n in NAMES))
    result = form_groups(GroupRequest.of(people, 4, 8, {"mix": ["team"]}), seed=1)
    data = result.to_json()
    assert {"rounds", "repeats", "max_meetings", "bound", "attributes"} <= set(data)
    assert data["bound"]["most_rounds"] == 7  # type: ignore[index]
    assert data["max_meetings"] == 2, "nobody meets anybody three times"


def test_teams_stay_apart_even_when_more_rounds_are_asked_than_can_be_repeat_free() -> None:
    """Six teams of four: at most 6 rounds without a repeat; 8 still keep every team apart."""
    teams = _attribute(AttributeRule.APART, 4)
    schedule = schedule_groups(NAMES, 4, 8, attributes=[teams])
    assert same_value_groups(schedule.rounds, teams) == 0
    assert schedule.repeats >= 48
