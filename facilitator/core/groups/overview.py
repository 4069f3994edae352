"""What the console lists about a run's groups: each round, its repeats, bounds and columns.

Plain data for the groups panel (models/groups_model.py holds the state and the signals):
which round has which groups, whether it is fixed or kept or joined from the step before,
the repeated encounters over all rounds (kept groups and pairs that go on together in joined
groups are no new encounters), the steps asked for more rounds than can be repeat-free, and
how each attribute column came out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from facilitator.core.groups.attributes import AttributeReport, attribute_reports
from facilitator.core.groups.bounds import RoundsBound, rounds_bound
from facilitator.core.groups.meetings import group_sizes
from facilitator.core.groups.planning import GroupMode, new_encounters

if TYPE_CHECKING:
    from collections.abc import Collection, Mapping, Sequence

    from facilitator.core.groups.meetings import Round
    from facilitator.core.groups.planning import GroupChoices
    from facilitator.core.groups.rounds import GroupRound, GroupStep


@dataclass(frozen=True)
class PlannedRound:
    """One round as the console lists it: which step, its groups, and whether it is fixed."""

    round: GroupRound
    groups: Round
    fixed: bool
    same_as_before: bool = False
    """The groups of the step before, kept: these meetings are no new encounters."""
    joined_from: Round | None = None
    """For groups joined from the step before's (pairs into foursomes), those groups."""


def planned_rounds(
    rounds: Sequence[GroupRound],
    groups: Mapping[str, Round],
    choices: GroupChoices,
    fixed: Collection[str],
) -> list[PlannedRound]:
    """Every round that has groups, in the order they run."""
    planned = []
    for r in rounds:
        if r.key not in groups:
            continue
        source = None
        if choices.joins_groups(r.step):
            before = [b for b in rounds if b.step.key == r.step.follows and b.key in groups]
            source = groups[before[-1].key] if before else None
        keeps = choices.keeps_groups(r.step)
        planned.append(PlannedRound(r, groups[r.key], r.key in fixed, keeps, source))
    return planned


def repeats(planned: Sequence[PlannedRound]) -> int:
    """Repeated encounters over the rounds: kept groups and joined pairs are no new ones."""
    formed = [(p.groups, p.joined_from) for p in planned if not p.same_as_before]
    return sum(times - 1 for times in new_encounters(formed).values())


def bounds_beyond(
    steps: Sequence[GroupStep], people: int, choices: GroupChoices
) -> list[RoundsBound]:
    """For each step of new groups asked for more rounds than can be repeat-free: its bound."""
    found = []
    for step in steps:
        if choices.mode_of(step) is GroupMode.NEW and people > 1:
            sizes = group_sizes(people, choices.size_of(step))
            bound = rounds_bound(sizes, step.rounds, [])
            if step.rounds > bound.most:
                found.append(bound)
    return found


def column_reports(
    planned: Sequence[PlannedRound], choices: GroupChoices
) -> tuple[AttributeReport, ...]:
    """Per attribute with a rule: the groups that hold two people of the same value."""
    rounds = [p.groups for p in planned if not p.same_as_before]
    return attribute_reports(rounds, choices.attributes)
