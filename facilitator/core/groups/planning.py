"""Planning every grouped round of a run: new groups, the groups of the step before, or none.

Each grouped step of a timeline (core/groups/rounds.py) gets its rounds' groups here, one
step after the other, with the rounds before as history, so nobody meets twice where that
can be avoided (mixed sizes included). Rounds already fixed (begun, or announced on the
card) are kept as they are; only the rounds to come are formed again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Collection, Mapping, Sequence

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

    def size_of(self, step: GroupStep | None) -> int:
        """The group size used for a step."""
        if step is None:
            return 2
        return self.sizes.get(step.key, step.default_size)

    def mode_of(self, step: GroupStep | None) -> GroupMode:
        """How a step's groups are formed: new, the same as the step before, or by people."""
        if step is None:
            return GroupMode.NEW
        default = GroupMode.SAME if step.continues else GroupMode.NEW
        return self.modes.get(step.key, default)

    def keeps_groups(self, step: GroupStep) -> bool:
        """Whether a step keeps the groups of the step before it."""
        return step.continues is not None and self.mode_of(step) is GroupMode.SAME


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
    """Each step's groups in its last round, for a step that keeps them."""
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
        if todo:
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
    )
    new = schedule.rounds[len(history) :]
    for planned, formed in zip(todo, new, strict=True):
        groups[planned.key] = formed
    history.extend(new)
