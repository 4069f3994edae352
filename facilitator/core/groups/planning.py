"""Planning every grouped round of a run: new groups, the step before's kept or joined, or none.

Each grouped step of a timeline (core/groups/rounds.py) gets its rounds' groups here, one
step after the other, with the rounds before as history, so nobody meets twice where that
can be avoided (mixed sizes included). A step may keep the groups of the step before, or join
them two by two (pairs into foursomes: joining.py). Rounds already fixed (begun, or announced
on the card) are kept as they are; only the rounds to come are formed again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

from facilitator.core.groups.joining import join_groups
from facilitator.core.groups.meetings import count_meetings

if TYPE_CHECKING:
    from collections.abc import Collection, Iterable, Mapping, Sequence

    from facilitator.core.groups.attributes import Attribute
    from facilitator.core.groups.meetings import Round
    from facilitator.core.groups.rounds import GroupRound, GroupStep


class GroupMode(StrEnum):
    """How a step's groups are formed."""

    NEW = "new"
    """New groups, with people who have not met yet."""
    SAME = "same"
    """The groups of the step before (e.g. the same small groups share, then consult)."""
    OWN = "own"
    """No groups from the app: people find their own (a neighbour, another pair)."""
    JOIN = "join"
    """The groups of the step before, joined two by two (pairs into foursomes)."""


@dataclass(frozen=True)
class GroupChoices:
    """What the facilitator chose: who takes part, who stays apart, sizes, modes and a seed."""

    names: tuple[str, ...] = ()
    apart: tuple[tuple[str, str], ...] = ()
    sizes: Mapping[str, int] = field(default_factory=dict)
    """A step's group size, by step key, where it differs from the step's default."""
    modes: Mapping[str, GroupMode] = field(default_factory=dict)
    """A step's mode, by step key, where it differs from the step's default."""
    seed: int = 0
    attributes: tuple[Attribute, ...] = ()
    """Rules per attribute column (keep a team apart, mix departments, keep tables together)."""

    def size_of(self, step: GroupStep | None) -> int:
        """The group size used for a step."""
        if step is None:
            return 2
        return self.sizes.get(step.key, step.default_size)

    def mode_of(self, step: GroupStep | None) -> GroupMode:
        """How a step's groups are formed: new, kept or joined from the step before, or own."""
        if step is None:
            return GroupMode.NEW
        default = GroupMode.NEW
        if step.continues:
            default = GroupMode.SAME
        elif step.joins and step.follows:
            default = GroupMode.JOIN
        return self.modes.get(step.key, default)

    def keeps_groups(self, step: GroupStep) -> bool:
        """Whether a step keeps the groups of the step before it."""
        return step.continues is not None and self.mode_of(step) is GroupMode.SAME

    def joins_groups(self, step: GroupStep) -> bool:
        """Whether a step joins the groups of the step before it, two by two."""
        return step.follows is not None and self.mode_of(step) is GroupMode.JOIN


def plan_groups(
    steps: Sequence[GroupStep],
    rounds: Sequence[GroupRound],
    choices: GroupChoices,
    kept: Mapping[str, Round],
) -> dict[str, Round]:
    """Groups for every round (by round key): the `kept` ones as they are, the rest formed anew.

    Raises ValueError (with a plain reason) when the groups cannot be formed as asked.
    """
    groups = dict(kept)
    if not choices.names:
        return groups
    history = [kept[r.key] for r in rounds if r.key in kept and not choices.keeps_groups(r.step)]
    last: dict[str, Round] = {}
    """Each step's groups in its last round, for a step that keeps or joins them."""
    for step in steps:
        mine = [r for r in rounds if r.step.key == step.key]
        if choices.mode_of(step) is GroupMode.OWN:
            continue
        if choices.keeps_groups(step):
            if step.continues in last:
                for planned in mine:
                    groups[planned.key] = last[step.continues]
                last[step.key] = last[step.continues]
            continue
        todo = [r for r in mine if r.key not in kept]
        if todo and choices.joins_groups(step) and step.follows in last:
            _join_step(last[step.follows], todo, choices, history, groups)
        elif todo:
            _schedule_step(step, todo, choices, history, groups)
        if mine and mine[-1].key in groups:
            last[step.key] = groups[mine[-1].key]
    return groups


def _schedule_step(
    step: GroupStep,
    todo: Collection[GroupRound],
    choices: GroupChoices,
    history: list[Round],
    groups: dict[str, Round],
) -> None:
    """New groups for the rounds of `step` still to come, after `history`."""
    # The scheduler (its constructions and search) loads when groups are first formed.
    from facilitator.core.groups.scheduler import schedule_groups

    schedule = schedule_groups(
        choices.names,
        choices.size_of(step),
        len(history) + len(todo),
        never_together=choices.apart,
        history=history,
        seed=choices.seed,
        attributes=choices.attributes,
    )
    new = schedule.rounds[len(history) :]
    for planned, formed in zip(todo, new, strict=True):
        groups[planned.key] = formed
    history.extend(new)


def _join_step(
    before: Round,
    todo: Collection[GroupRound],
    choices: GroupChoices,
    history: list[Round],
    groups: dict[str, Round],
) -> None:
    """The groups of the step before, joined two by two, for the rounds still to come.

    Late arrivals (in the names but in no group of the step before) join as a unit of their
    own; people who left are dropped from their unit.
    """
    present = set(choices.names)
    units = [kept for group in before if (kept := tuple(n for n in group if n in present))]
    placed = {name for unit in units for name in unit}
    units += [(name,) for name in choices.names if name not in placed]
    joined = join_groups(
        units,
        len(todo),
        history=history,
        never_together=choices.apart,
        attributes=choices.attributes,
        seed=choices.seed,
    )
    for planned, formed in zip(todo, joined, strict=True):
        groups[planned.key] = formed
    history.extend(joined)


def new_encounters(rounds: Iterable[tuple[Round, Round | None]]) -> dict[tuple[str, str], int]:
    """How often each pair met, counting only meetings that are new conversations.

    Each item is a round and, for a round of joined groups, the groups they were joined
    from: people who were already together there go on talking, which is no new encounter.
    """
    counts: dict[tuple[str, str], int] = {}
    for formed, source in rounds:
        continuing = count_meetings([source]) if source is not None else {}
        for pair, times in count_meetings([formed]).items():
            if pair not in continuing:
                counts[pair] = counts.get(pair, 0) + times
    return counts
