"""The groups of a running session as plain data, for its crash record (and back).

The names and groups live only in the session (memory and its crash record), never in the
library. `GroupsRecord` is what the crash record holds: the participants with their attribute
values, what the facilitator chose, and every round's groups; `from_json` refuses, with None,
a record that does not fit, so a damaged one never half-restores.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from facilitator.core.groups.attributes import AttributeRule
from facilitator.core.groups.participants import Participants
from facilitator.core.groups.planning import GroupMode

if TYPE_CHECKING:
    from collections.abc import Collection, Mapping

    from facilitator.core.groups.meetings import Round


@dataclass(frozen=True)
class GroupsRecord:
    """Everything the groups of a session need to come back after a crash."""

    participants: Participants
    sizes: Mapping[str, int]
    modes: Mapping[str, GroupMode]
    rules: Mapping[str, AttributeRule]
    seed: int
    groups: Mapping[str, Round]
    announced: frozenset[str]

    def to_json(self) -> dict[str, object]:
        """A JSON-ready dict."""
        people = self.participants
        return {
            "names": list(people.names),
            "apart": [list(pair) for pair in people.apart],
            "columns": list(people.columns),
            "values": [list(row) for row in people.values],
            "rules": {column: rule.value for column, rule in self.rules.items()},
            "sizes": dict(self.sizes),
            "modes": {key: mode.value for key, mode in self.modes.items()},
            "seed": self.seed,
            "groups": {key: [list(g) for g in groups] for key, groups in self.groups.items()},
            "announced": sorted(self.announced),
        }

    @classmethod
    def from_json(
        cls, saved: Mapping[str, Any], round_keys: Collection[str]
    ) -> GroupsRecord | None:
        """The record in `saved` with the groups of `round_keys` only; None if it does not fit."""
        try:
            names = tuple(str(name) for name in saved["names"])
            apart = tuple((str(a), str(b)) for a, b in saved["apart"])
            groups = {
                str(key): tuple(tuple(str(n) for n in group) for group in value)
                for key, value in saved["groups"].items()
                if key in round_keys
            }
            sizes = {str(k): int(v) for k, v in saved.get("sizes", {}).items()}
            modes = {str(k): GroupMode(v) for k, v in saved.get("modes", {}).items()}
            seed = int(saved.get("seed", 0))
            announced = frozenset(str(k) for k in saved.get("announced", [])) & set(groups)
            columns = tuple(str(c) for c in saved.get("columns", []))
            values = tuple(tuple(str(v) for v in row) for row in saved.get("values", []))
            rules = {str(c): AttributeRule(r) for c, r in saved.get("rules", {}).items()}
        except (KeyError, TypeError, ValueError, AttributeError):
            return None
        if not columns or len(values) != len(names):
            columns, values = (), ()
        participants = Participants(names, apart, columns, values)
        rules = {c: r for c, r in rules.items() if c in columns}
        return cls(participants, sizes, modes, rules, seed, groups, announced)
