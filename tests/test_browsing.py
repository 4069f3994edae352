"""Finding structures in the library."""

from __future__ import annotations

from facilitator.core.shown.browsing import StructureFilter, filter_structures
from facilitator.core.workshop.structures import GroupShape
from tests.factories import one_step_structure, paired_rounds_structure

PAIRS = paired_rounds_structure()  # 20 min, whole group and pairs, English and Dutch
SINGLE = one_step_structure(5)  # 5 min, whole group, English only


def test_search_by_name_in_any_language() -> None:
    assert filter_structures([PAIRS, SINGLE], StructureFilter(text="tweetallen")) == [PAIRS]
    assert filter_structures([PAIRS, SINGLE], StructureFilter(text="SINGLE")) == [SINGLE]
    assert filter_structures([PAIRS, SINGLE], StructureFilter(text="nothing like it")) == []


def test_filter_by_length_shape_and_language() -> None:
    both = [PAIRS, SINGLE]
    assert filter_structures(both, StructureFilter(max_minutes=15)) == [SINGLE]
    assert filter_structures(both, StructureFilter(min_minutes=15, max_minutes=30)) == [PAIRS]
    assert filter_structures(both, StructureFilter(shape=GroupShape.PAIRS)) == [PAIRS]
    assert filter_structures(both, StructureFilter(language="nl")) == [PAIRS]
    assert filter_structures(both, StructureFilter()) == both
