"""What mathematics allows: how many rounds can be repeat-free, and what the best known reach.

Each round everybody meets at least s - 1 people (s the smallest group), and nobody has more
than n - 1 others to meet (fewer when some are kept apart from them): so at most
floor((n - 1) / (s - 1)) rounds can pass without a repeat. For equal groups, design theory
and the Social Golfer Problem literature know how many rounds are actually reachable
(`best_known`); the bound is not always met (30 people in fives: at most 7, but 5 is the most
anyone has found). Asked for more rounds than the bound, some pairs must meet twice:
`least_repeats` counts how many at least.
"""

from __future__ import annotations

from dataclasses import dataclass

_KNOWN = {
    (4, 4): 5,
    (5, 4): 5,
    (6, 4): 7,
    (7, 4): 9,
    (8, 4): 10,
    (10, 4): 13,
    (5, 5): 6,
    (6, 5): 5,
    (6, 6): 3,
    (7, 7): 8,
    (8, 8): 9,
    (9, 9): 10,
}
"""Most repeat-free rounds known, by (groups, size), where no formula below gives them."""

_SHAPES = {2: "pairs", 3: "trios", 4: "foursomes", 5: "fives", 6: "sixes", 7: "sevens"}


def best_known(groups: int, size: int) -> int | None:
    """The most repeat-free rounds known to exist for `groups` equal groups of `size`, if known."""
    if groups < 1 or size < 2:
        return None
    if groups == 1 or groups < size:
        return 1  # the second round would have to split a group of the first over too few
    if size == 2:
        return 2 * groups - 1  # the circle method: everybody meets everybody once
    if size == 3:
        if groups % 2:
            return (3 * groups - 1) // 2  # Kirkman triple systems exist for every such number
        if groups >= 6:
            return (3 * groups - 2) // 2  # so do nearly Kirkman triple systems
        return {2: 1, 4: 4}[groups]
    return _KNOWN.get((groups, size))


@dataclass(frozen=True)
class RoundsBound:
    """How many repeat-free rounds are possible for a request, and what asking more costs."""

    people: int
    size: int
    asked: int
    most: int
    """No schedule has more rounds without a repeat (mathematics)."""
    best_known: int | None
    """The most repeat-free rounds known to exist (equal groups only), or None when unknown."""
    least_repeats: int
    """Repeated meetings no schedule of `asked` rounds avoids (0 when asked <= most)."""

    @property
    def beyond(self) -> bool:
        """Whether more rounds are asked than are possible or known without a repeat."""
        known = self.most if self.best_known is None else min(self.best_known, self.most)
        return self.asked > known

    def line(self) -> str:
        """One line for the facilitator, "" when the request is within reach."""
        if not self.beyond:
            return ""
        shape = _SHAPES.get(self.size, f"groups of {self.size}")
        start = f"{self.people} people in {shape}"
        if self.asked > self.most:
            plural = "pair" if self.least_repeats == 1 else "pairs"
            return (
                f"{start}: at most {self.most} rounds without a repeat; {self.asked} asked: "
                f"at least {self.least_repeats} {plural} will meet twice"
            )
        return (
            f"{start}: at most {self.most} rounds without a repeat are possible, but the best "
            f"schedules known have {self.best_known}; {self.asked} asked: some pairs may meet "
            "twice"
        )

    def to_json(self) -> dict[str, object]:
        """A JSON-ready dict (the line included)."""
        return {
            "most_rounds": self.most,
            "best_known_rounds": self.best_known,
            "asked_rounds": self.asked,
            "least_repeats": self.least_repeats,
            "line": self.line(),
        }


def rounds_bound(sizes: tuple[int, ...], asked: int, kept_apart: list[int]) -> RoundsBound:
    """The bound for one round's group `sizes`, `asked` rounds, and each person's apart count."""
    people = sum(sizes)
    smallest = min(sizes) if sizes else 1
    partners = [people - 1 - apart for apart in kept_apart] or [people - 1]
    if smallest < 2 or people < 2:
        return RoundsBound(people, max(sizes, default=1), asked, asked, None, 0)
    most = max(0, min(partners)) // (smallest - 1)
    meetings = asked * (smallest - 1)
    per_person = sum(max(0, meetings - free) for free in partners)
    pairs_free = people * (people - 1) // 2 - sum(kept_apart) // 2
    pairs_met = asked * sum(size * (size - 1) // 2 for size in sizes)
    least = max(-(-per_person // 2), pairs_met - pairs_free, 0)
    equal = len(set(sizes)) == 1
    known = best_known(len(sizes), sizes[0]) if equal and not any(kept_apart) else None
    size = sizes[0] if equal else max(set(sizes), key=sizes.count)
    return RoundsBound(people, size, asked, most, known, least if asked > most else 0)
