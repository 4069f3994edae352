"""The rounds of groups a timeline asks for, and laying groups out on the card.

Each step whose group shape is pairs, trios, foursomes or small groups forms
groups in each of its rounds: three rounds of pairs in Impromptu Networking,
one round of foursomes in 1-2-4-All's foursome step (by default its pairs,
joined two by two), a new small circle after each shuffle in Learn and Teach
Circles. A step whose rounds follow the group (one round per member, as in Troika
Consulting) keeps the same groups through all its rounds, and the phases of a
round are no new rounds.
`group_rounds` finds them, in the order they run, with the segments each round
spans, so the groups of a round can be shown during the change-over before it.
Participant names never appear here: this module only knows shapes, sizes and
segment numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from facilitator.core.workshop.structures import GroupFollowing, GroupShape, Step

if TYPE_CHECKING:
    from collections.abc import Sequence

    from facilitator.core.timing.timeline import Timeline

GROUPED_SHAPES = (GroupShape.PAIRS, GroupShape.TRIOS, GroupShape.FOURSOMES, GroupShape.SMALL_GROUPS)


@dataclass(frozen=True)
class GroupStep:
    """A step of a timeline in which people form new groups every round."""

    key: str
    """The step's id in the timeline (unique, e.g. "2-conversations" in a plan)."""
    step_index: int
    title: str
    section_title: str
    shape: GroupShape
    rounds: int
    default_size: int
    continues: str | None = None
    """The key of the step before whose groups this one keeps by default (15% Solutions'
    "share" then "consult" in the same small groups), or None for new groups."""
    follows: str | None = None
    """The key of the grouped step before this one in the same item, whose groups this one
    may keep or join, or None."""
    joins: bool = False
    """Whether this step's groups are, by default, the groups of `follows` joined two by two:
    a step of twice the group size right after it (1-2-4-All's pairs, then foursomes)."""

    @property
    def card_title(self) -> str:
        """The title over its groups on the card: the plan item's, then the step's."""
        if self.section_title and self.section_title != self.title:
            return f"{self.section_title}  ·  {self.title}"
        return self.title


@dataclass(frozen=True)
class GroupRound:
    """One round of one grouped step and the segments it spans."""

    step: GroupStep
    number: int
    """1 for the step's first round."""
    first_index: int
    """The round's first segment: the change-over before it, if it has one."""
    last_index: int

    @property
    def key(self) -> str:
        """A name for the round that stays the same when the timeline is built again."""
        return f"{self.step.key}#{self.number}"

    def contains(self, index: int) -> bool:
        """Whether segment `index` belongs to this round (its change-over included)."""
        return self.first_index <= index <= self.last_index


def default_group_size(step: Step) -> int:
    """The group size a step suggests: its shape's size, or the middle of its size range."""
    low, high = step.size_range or (2, 2)
    return max(2, (low + high + 1) // 2)


def group_steps(timeline: Timeline) -> tuple[GroupStep, ...]:
    """The steps of `timeline` that form groups, in the order they run."""
    language = timeline.language
    found: list[GroupStep] = []
    previous: tuple[GroupStep, object] | None = None
    for index, step in enumerate(timeline.structure.steps):
        if step.group not in GROUPED_SHAPES:
            continue
        first = next(s for s in timeline.segments if s.step_index == index)
        section = timeline.section_of(first.index)
        size = default_group_size(step)
        if step.follows_group is GroupFollowing.ROUNDS:
            size = step.rounds  # one round per member: the size the facilitator chose
        elif step.follows_group is GroupFollowing.TURNS:
            size = step.speakers  # one turn per person at the table
        # One round per member: the members stay together while each takes their turn.
        rounds = 1 if step.follows_group is GroupFollowing.ROUNDS else step.rounds
        continues = follows = None
        joins = False
        if previous is not None:
            before, before_section = previous
            same_item = before_section == section
            same_groups = before.shape is step.group and before.default_size == size
            # A change-over before the step ("find a new circle") means new groups.
            opens_with_change = step.transition is not None and step.transition.before_first_round
            if same_item and same_groups and rounds == 1 and not opens_with_change:
                continues = before.key
            if same_item:
                follows = before.key
                right_after = before.step_index == index - 1
                joins = right_after and size == 2 * before.default_size and continues is None
        grouped = GroupStep(
            key=step.id,
            step_index=index,
            title=step.title.in_language(language),
            section_title=section.title if section else "",
            shape=step.group,
            rounds=rounds,
            default_size=size,
            continues=continues,
            follows=follows,
            joins=joins,
        )
        found.append(grouped)
        previous = (grouped, section)
    return tuple(found)


def group_rounds(timeline: Timeline) -> tuple[GroupRound, ...]:
    """Every round of groups in `timeline`, in the order they run."""
    rounds = []
    for step in group_steps(timeline):
        segments = [s for s in timeline.segments if s.step_index == step.step_index]
        for number in range(1, step.rounds + 1):
            mine = [s for s in segments if step.rounds == 1 or (s.round or 1) == number]
            rounds.append(GroupRound(step, number, mine[0].index, mine[-1].index))
    return tuple(rounds)


def round_at(rounds: Sequence[GroupRound], index: int) -> GroupRound | None:
    """The round that segment `index` belongs to, if any."""
    return next((r for r in rounds if r.contains(index)), None)


def next_round(rounds: Sequence[GroupRound], index: int) -> GroupRound | None:
    """The first round that begins after segment `index`, if any."""
    return next((r for r in rounds if r.first_index > index), None)


# --- groups on the card ------------------------------------------------------------

GRID_TOP = 236.0
GRID_BOTTOM = 990.0
GRID_GAP = 24.0
GRID_COLUMNS = 3
NAME_LINE = 64.0
"""The height of one name line at the largest name size (52 px on the 1920x1080 design)."""
CELL_PADDING = 16.0


def groups_per_page(largest_group: int) -> int:
    """How many groups of up to `largest_group` names one card page holds."""
    cell = max(1, largest_group) * NAME_LINE + 2 * CELL_PADDING
    rows = max(1, int((GRID_BOTTOM - GRID_TOP + GRID_GAP) // (cell + GRID_GAP)))
    return rows * GRID_COLUMNS


PAGE_SECONDS = 8.0
"""How long a page of groups stays on the card, in the run's seconds, where there is time."""


def page_at(elapsed: float, duration: float, pages: int, page_seconds: float = PAGE_SECONDS) -> int:
    """The page (from 1) shown `elapsed` run seconds into a segment lasting `duration`.

    The pages follow the run's clock, so at any rehearsal speed, and while it is paused, they
    keep pace with the room: a page every `page_seconds`, round and round, or quicker when the
    segment is too short for that, so that every group is shown before the segment ends.
    """
    if pages <= 1:
        return 1
    per_page = min(page_seconds, duration / pages) if duration > 0 else page_seconds
    return int(max(0.0, elapsed) // per_page) % pages + 1


def page_count(groups: Sequence[Sequence[str]]) -> int:
    """How many card pages the groups of one round fill."""
    if not groups:
        return 1
    per_page = groups_per_page(max(len(group) for group in groups))
    return -(-len(groups) // per_page)


@dataclass(frozen=True)
class GroupsOnCard:
    """One page of one round's groups, as the card shows it."""

    title: str
    """The item and step the round belongs to."""
    round: int
    rounds: int
    groups: tuple[tuple[str, ...], ...]
    """The groups on this page."""
    first_number: int
    """The number of this page's first group (groups are numbered from 1 in the round)."""
    page: int
    """1 for the first page."""
    pages: int
    rows: int
    """The grid rows this page is laid out in (all pages of a round use the same grid)."""


def groups_page(
    title: str, round_number: int, rounds: int, groups: Sequence[Sequence[str]], page: int
) -> GroupsOnCard:
    """Page `page` (from 1, wrapping) of a round's groups."""
    largest = max((len(group) for group in groups), default=1)
    per_page = groups_per_page(largest)
    pages = page_count(groups)
    page = (page - 1) % pages + 1
    start = (page - 1) * per_page
    shown = tuple(tuple(group) for group in groups[start : start + per_page])
    return GroupsOnCard(
        title, round_number, rounds, shown, start + 1, page, pages, per_page // GRID_COLUMNS
    )
