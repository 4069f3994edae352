"""What the About box credits, as plain data: the authors of the structures and the bells.

The credits of the structures are read from the built-in library (each structure's
`attribution`), so a co-author named in a structure is named here too; structures that
credit the same people share one line.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

    from facilitator.core.workshop.structures import Structure

LIBERATING_STRUCTURES = "Liberating Structures, by Henri Lipmanowicz and Keith McCandless"
"""Whom every structure of the menu is by (liberatingstructures.com)."""


@dataclass(frozen=True)
class Credit:
    """One credit line: the structures it covers and whom they are by."""

    titles: tuple[str, ...]
    attribution: str


def structure_credits(structures: Iterable[Structure], language: str) -> list[Credit]:
    """One credit per distinct attribution, the structures it covers sorted by title."""
    by_attribution: dict[str, list[str]] = {}
    for structure in structures:
        attribution = structure.attribution.strip()
        if attribution:
            by_attribution.setdefault(attribution, []).append(structure.title.in_language(language))
    credits = [
        Credit(tuple(sorted(titles, key=str.casefold)), attribution)
        for attribution, titles in by_attribution.items()
    ]
    return sorted(credits, key=lambda credit: (-len(credit.titles), credit.titles))
