"""One request for groups from a participant list, and its result with everything reported.

The command line (`facilitator groups`) and scripts use this: a participant list, a group
size, a number of rounds and a rule per attribute column go in; the rounds, the repeats, the
bound on repeat-free rounds (bounds.py) and how each attribute came out (attributes.py) come
back, as text or JSON.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from facilitator.core.groups.attributes import (
    Attribute,
    AttributeReport,
    AttributeRule,
    attribute_reports,
    together_parts,
)
from facilitator.core.groups.bounds import RoundsBound, rounds_bound
from facilitator.core.groups.scheduler import (
    DEFAULT_EFFORT,
    DEFAULT_TIME_BUDGET,
    GroupSchedule,
    group_sizes,
    schedule_groups,
)

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from facilitator.core.groups.participants import Participants


@dataclass(frozen=True)
class GroupRequest:
    """What to form: who, how large, how many rounds, and the rules per attribute."""

    participants: Participants
    size: int
    rounds: int
    attributes: tuple[Attribute, ...] = ()

    @classmethod
    def of(
        cls,
        participants: Participants,
        size: int,
        rounds: int,
        rules: Mapping[str, Sequence[str]],
    ) -> GroupRequest:
        """A request with rules named by column ({"apart": ["team"]}); ValueError, one line."""
        attributes: list[Attribute] = []
        ruled: dict[str, str] = {}
        for rule_name, columns in rules.items():
            rule = AttributeRule(rule_name)
            for wanted in columns:
                column = participants.column(wanted)
                if column is None:
                    raise ValueError(_no_column(wanted, participants.columns))
                if column in ruled and ruled[column] != rule.value:
                    raise ValueError(
                        f"the column {column!r} cannot be both {ruled[column]} and {rule.value}"
                    )
                if column not in ruled:
                    ruled[column] = rule.value
                    attributes.append(Attribute(column, rule, participants.values_of(column)))
        return cls(participants, size, rounds, tuple(attributes))


def _no_column(wanted: str, columns: Sequence[str]) -> str:
    """The one line that says a column does not exist, and which ones do."""
    if not columns:
        return f"no column {wanted!r}: the list has no columns besides the names"
    return f"no column {wanted!r}; the columns are: {', '.join(columns)}"


@dataclass(frozen=True)
class GroupResult:
    """The schedule, the bound on repeat-free rounds, and the report per attribute."""

    schedule: GroupSchedule
    bound: RoundsBound
    attributes: tuple[AttributeReport, ...]

    def to_json(self) -> dict[str, object]:
        """The schedule's fields ("rounds", "repeats") and max_meetings, bound, attributes."""
        data = self.schedule.to_json()
        data["max_meetings"] = self.schedule.max_meetings
        data["bound"] = self.bound.to_json()
        data["attributes"] = [report.to_json() for report in self.attributes]
        return data


def effort_for(seconds: float | None) -> tuple[int, float]:
    """The search effort and time cap for `seconds` of search (None: the defaults)."""
    if seconds is None:
        return DEFAULT_EFFORT, DEFAULT_TIME_BUDGET
    if not seconds > 0:
        raise ValueError(f"seconds must be more than 0, got {seconds}")
    return max(1, round(DEFAULT_EFFORT * seconds / DEFAULT_TIME_BUDGET)), seconds


def request_bound(request: GroupRequest) -> RoundsBound:
    """The bound for the request: of the tightest "together" part, or of everybody."""
    participants = request.participants
    bounds = []
    for part in together_parts(participants.names, request.attributes):
        sizes = group_sizes(len(part), request.size)
        members = set(part)
        apart: Counter[str] = Counter()
        pairs = [p for p in participants.apart if p[0] in members and p[1] in members]
        for attribute in request.attributes:
            if attribute.rule is AttributeRule.APART:
                pairs += attribute.same_value_pairs(part)
        for first, second in {frozenset(pair) for pair in pairs if pair[0] != pair[1]}:
            apart[first] += 1
            apart[second] += 1
        bounds.append(rounds_bound(sizes, request.rounds, [apart[name] for name in part]))
    return min(bounds, key=lambda bound: (bound.most, -bound.people))


def form_groups(
    request: GroupRequest, *, seed: int = 0, seconds: float | None = None
) -> GroupResult:
    """Form the groups of a request; ValueError (one line) when they cannot be formed."""
    effort, time_budget = effort_for(seconds)
    participants = request.participants
    bound = request_bound(request)
    schedule = schedule_groups(
        participants.names,
        request.size,
        request.rounds,
        never_together=participants.apart,
        seed=seed,
        time_budget=time_budget,
        effort=effort,
        attributes=request.attributes,
    )
    return GroupResult(schedule, bound, attribute_reports(schedule.rounds, request.attributes))
