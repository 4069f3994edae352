"""Finding a structure in the library, and how a run of it would go.

Search by name, filter by length, groups and language; then see the chosen
structure's timeline, fitted to a length when the facilitator asks.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from facilitator.core.timing.fitting import FitError, feasible_minutes, fit_structure
from facilitator.core.timing.timeline import Timeline, build_timeline

if TYPE_CHECKING:
    from collections.abc import Iterable

    from facilitator.core.workshop.structures import GroupShape, Structure


@dataclass(frozen=True)
class StructureFilter:
    """What the facilitator is looking for; empty fields match everything."""

    text: str = ""
    max_minutes: float | None = None
    min_minutes: float | None = None
    shape: GroupShape | None = None
    language: str | None = None

    def matches(self, structure: Structure) -> bool:
        """Whether `structure` passes every filter."""
        return (
            self._text_matches(structure)
            and (self.max_minutes is None or structure.total_minutes <= self.max_minutes)
            and (self.min_minutes is None or structure.total_minutes > self.min_minutes)
            and (self.shape is None or self.shape in structure.group_shapes)
            and (self.language is None or self.language in structure.languages())
        )

    def _text_matches(self, structure: Structure) -> bool:
        words = self.text.casefold().split()
        if not words:
            return True
        haystack = " ".join(
            [
                structure.id,
                *structure.title.by_language.values(),
                *structure.summary.by_language.values(),
            ]
        ).casefold()
        return all(word in haystack for word in words)


def filter_structures(structures: Iterable[Structure], wanted: StructureFilter) -> list[Structure]:
    """The structures that match, in the given order."""
    return [structure for structure in structures if wanted.matches(structure)]


LENGTH_BUCKETS: tuple[tuple[float | None, float | None], ...] = (
    (None, None),
    (None, 15),
    (15, 30),
    (30, 60),
    (60, None),
)
"""Length filters offered in the console: any, up to 15 min, 15-30, 30-60, over 60."""


@dataclass(frozen=True)
class RunPreview:
    """How a run of a structure would go, fitted to a length when asked."""

    timeline: Timeline
    """The run's timeline: fitted when it can be, else as the structure is written."""
    shortest_minutes: float
    longest_minutes: float
    """The range of lengths the structure can be fitted into."""
    problem: str = ""
    """Why it cannot be fitted to the asked length (then it cannot start); empty when it can."""

    @property
    def startable(self) -> bool:
        """Whether a run can start as previewed."""
        return not self.problem


def preview_run(
    structure: Structure,
    language: str,
    fit_minutes: float | None,
    group_size: int | None = None,
) -> RunPreview:
    """A run of `structure` in `language`, for groups of `group_size` (None: its default),
    fitted to `fit_minutes` (None: as written)."""
    if group_size is not None and structure.follows_group:
        structure = structure.with_group_size(group_size)
    shortest, longest = feasible_minutes(structure)
    shown, problem = structure, ""
    if fit_minutes is not None:
        try:
            shown = fit_structure(structure, fit_minutes)
        except FitError as error:
            problem = str(error)
    return RunPreview(build_timeline(shown, None, language), shortest, longest, problem)
