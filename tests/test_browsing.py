"""Finding structures in the library."""

from __future__ import annotations

from facilitator.core.shown.browsing import StructureFilter, filter_structures, preview_run
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


def test_a_preview_runs_the_structure_as_written_and_gives_the_range_it_can_fit() -> None:
    preview = preview_run(PAIRS, "nl", None)
    assert preview.timeline.total_seconds == 20 * 60
    assert preview.timeline.language == "nl"
    assert (preview.shortest_minutes, preview.longest_minutes) == (10, 40)
    assert preview.startable
    assert preview.problem == ""


def test_a_preview_fitted_to_a_possible_length_runs_that_long() -> None:
    preview = preview_run(PAIRS, "en", 30)
    assert preview.timeline.total_seconds == 30 * 60
    assert preview.startable


def test_a_length_it_cannot_fit_keeps_the_written_run_says_why_and_cannot_start() -> None:
    preview = preview_run(PAIRS, "en", 5)
    assert preview.timeline.total_seconds == 20 * 60
    assert not preview.startable
    assert preview.problem.startswith("Pairs test cannot be fitted into 5 minutes")
    assert preview.problem.endswith("choose between 10 and 40 minutes")
