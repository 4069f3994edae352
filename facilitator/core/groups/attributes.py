"""What participants carry besides their name (team, department, table, language), and the rules.

Facilitators are asked to pair people "from groups or functions different from their own", or
to keep a table or a language group together. Per attribute (a CSV column) they choose:

- apart: nobody shares a group with someone of the same value (a hard rule);
- mix: as few groups as possible hold two people of the same value (a soft rule, reported);
- together: groups are formed within each value (everyone at table 3 meets only table 3).

An empty value is no value: such a person is free of the rule. `same_value_groups` counts, per
attribute, the groups that hold two people of the same value: the figure every result reports.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence


class AttributeRule(StrEnum):
    """What to do with people who share a value of an attribute."""

    APART = "apart"
    MIX = "mix"
    TOGETHER = "together"


@dataclass(frozen=True)
class Attribute:
    """One attribute to respect: its column, the rule, and each person's value ("" for none)."""

    column: str
    rule: AttributeRule
    values: Mapping[str, str]
    """Value by participant name; names not in it have no value."""

    def value_of(self, name: str) -> str:
        """A person's value, "" when they have none."""
        return self.values.get(name, "")

    def same_value_pairs(self, names: Sequence[str]) -> list[tuple[str, str]]:
        """Every pair of `names` with the same (non-empty) value."""
        by_value: dict[str, list[str]] = defaultdict(list)
        for name in names:
            value = self.value_of(name)
            if value:
                by_value[value].append(name)
        return [
            (first, second)
            for members in by_value.values()
            for i, first in enumerate(members)
            for second in members[i + 1 :]
        ]

    def check_apart(self, names: Sequence[str], groups: int) -> None:
        """Raise ValueError, in one line, when a value has more people than there are groups."""
        counts = Counter(value for value in map(self.value_of, names) if value)
        if not counts:
            return
        value, count = max(sorted(counts.items()), key=lambda item: item[1])
        if count > groups:
            raise ValueError(
                f"cannot keep {self.column} apart: {count} people have {self.column} "
                f"{value!r} but each round has only {groups} groups, so two of them must "
                "share a group"
            )


@dataclass(frozen=True)
class AttributeReport:
    """How one attribute came out: the groups (over all rounds) with two of the same value."""

    column: str
    rule: AttributeRule
    groups_with_same_value: int
    groups: int
    """All groups counted (every round's groups)."""

    def to_json(self) -> dict[str, object]:
        """A JSON-ready dict."""
        return {
            "column": self.column,
            "rule": self.rule.value,
            "groups_with_same_value": self.groups_with_same_value,
            "groups": self.groups,
        }


def same_value_groups(rounds: Iterable[Iterable[Iterable[str]]], attribute: Attribute) -> int:
    """How many groups (over all rounds) hold two or more people with the same value."""
    found = 0
    for round_ in rounds:
        for group in round_:
            values = [value for value in map(attribute.value_of, group) if value]
            if len(values) != len(set(values)):
                found += 1
    return found


def attribute_reports(
    rounds: Sequence[Sequence[Sequence[str]]], attributes: Iterable[Attribute]
) -> tuple[AttributeReport, ...]:
    """The report of every attribute for these rounds."""
    total = sum(len(round_) for round_ in rounds)
    return tuple(
        AttributeReport(a.column, a.rule, same_value_groups(rounds, a), total) for a in attributes
    )


def together_parts(names: Sequence[str], attributes: Iterable[Attribute]) -> list[list[str]]:
    """The people split by their values of every "together" attribute, in order of appearance."""
    together = [a for a in attributes if a.rule is AttributeRule.TOGETHER]
    parts: dict[tuple[str, ...], list[str]] = {}
    for name in names:
        parts.setdefault(tuple(a.value_of(name) for a in together), []).append(name)
    return list(parts.values())
