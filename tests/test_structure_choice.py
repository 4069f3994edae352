"""The library's chosen structure and fit: the model the library page shows."""

from __future__ import annotations

from facilitator.models.structure_choice import StructureChoiceModel
from tests.factories import one_step_structure, paired_rounds_structure


def test_choosing_a_structure_previews_it_as_written_and_lets_any_fit_go(qtbot) -> None:
    choice = StructureChoiceModel()
    assert choice.preview is None
    choice.choose(paired_rounds_structure(), "en")
    choice.set_fit(30)
    with qtbot.waitSignal(choice.changed, timeout=100):
        choice.choose(one_step_structure(5), "en")
    assert choice.fit_minutes is None
    assert choice.preview is not None
    assert choice.preview.timeline.total_seconds == 5 * 60


def test_each_fit_is_previewed_and_announced(qtbot) -> None:
    choice = StructureChoiceModel()
    choice.choose(paired_rounds_structure(), "en")
    with qtbot.waitSignal(choice.changed, timeout=100):
        choice.set_fit(30)
    assert choice.preview is not None
    assert choice.preview.timeline.total_seconds == 30 * 60
    choice.set_fit(5)
    assert not choice.preview.startable
    choice.set_fit(None)
    assert choice.preview.startable
    assert choice.preview.timeline.total_seconds == 20 * 60


def test_without_a_structure_there_is_nothing_to_preview(qtbot) -> None:
    choice = StructureChoiceModel()
    choice.choose(paired_rounds_structure(), "en")
    choice.choose(None, "en")
    choice.set_fit(30)
    assert choice.structure is None
    assert choice.preview is None
