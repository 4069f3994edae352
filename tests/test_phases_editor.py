"""Editing phases as a facilitator does: add, remove, reorder and time them, undo, the preview."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from facilitator.controllers.editors import EditorController
from facilitator.core.documents.draft_store import DraftStore
from facilitator.core.files.kinds import DocumentKind
from facilitator.core.workshop.structures import Structure
from facilitator.models.library_model import LibraryModel
from facilitator.models.preferences_model import PreferencesModel
from facilitator.ui.editor.structure_form import StepPanel, StructureForm
from tests.scripted_prompts import ScriptedPrompts

if TYPE_CHECKING:
    from pathlib import Path

    from facilitator.ui.editor.editor_window import EditorWindow


@pytest.fixture
def controller(qtbot, user_data_dir: Path) -> EditorController:
    window = QWidget()
    qtbot.addWidget(window)
    prompts = ScriptedPrompts()
    return EditorController(
        LibraryModel(),
        PreferencesModel(persist=False),
        DraftStore(user_data_dir / "drafts"),
        language=lambda: "en",
        prompts=lambda: prompts,
        window=window,
    )


def _open(controller: EditorController, structure_id: str) -> EditorWindow:
    window = controller.open_copy(DocumentKind.STRUCTURE, structure_id)
    assert window is not None
    return window


def _step_panel(window: EditorWindow, row: int) -> StepPanel:
    assert isinstance(window.form, StructureForm)
    window.form.setCurrentIndex(1)
    window.form.steps.select(row)
    panel = window.form.step_panel()
    assert panel is not None
    return panel


def _type(widget: QWidget, text: str) -> None:
    widget.setFocus()
    QTest.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(widget, text)


def _phase_ids(window: EditorWindow, step: int) -> list[str]:
    return [p["id"] for p in window.model.value(("steps", step, "phases")) or []]


def _consult_minutes(window: EditorWindow) -> list[float]:
    item = window.model.item
    assert isinstance(item, Structure)
    return [phase.minutes for phase in item.steps[1].phases]


def test_time_add_reorder_and_remove_phases_with_undo(controller: EditorController) -> None:
    window = _open(controller, "troika-consulting")
    model = window.model
    panel = _step_panel(window, 1)
    editor = panel.phases_editor.phases
    assert editor.rows.count() == 4
    assert editor.rows.item(2).text() == "3.  The consultants confer  ·  4 min  ·  The consultants"
    editor.select(2)
    phase = panel.phases_editor.panel()
    assert phase is not None
    _type(phase.minutes_field, "5")
    assert _consult_minutes(window) == [2, 2, 5, 1]
    assert window.preview.timeline is not None
    assert window.preview.timeline.total_seconds == 33 * 60, "the live preview follows"
    editor.add()  # after the selected phase
    assert _phase_ids(window, 1) == ["explain", "clarify", "confer", "phase-1", "respond"]
    editor.move_item(3, 0)
    assert _phase_ids(window, 1)[0] == "phase-1"
    editor.remove(0)
    assert _phase_ids(window, 1) == ["explain", "clarify", "confer", "respond"]
    stack = model.undo_stack
    stack.undo()  # the removal
    stack.undo()  # the move
    assert _phase_ids(window, 1)[3] == "phase-1"
    stack.undo()  # the new phase
    stack.undo()  # the minutes
    assert _consult_minutes(window) == [2, 2, 4, 1]
    assert model.item is not None


def test_the_first_phase_takes_over_the_steps_time_and_the_last_gives_it_back(
    controller: EditorController,
) -> None:
    window = _open(controller, "1-2-4-all")
    model = window.model
    panel = _step_panel(window, 1)
    minutes = model.value(("steps", 1, "minutes"))
    total = model.item.total_minutes
    panel.phases_editor.phases.add()
    assert model.value(("steps", 1, "phases"))[0]["minutes"] == minutes
    assert model.value(("steps", 1, "minutes")) is None
    assert not panel.minutes_field.isEnabled(), "the phases carry the step's time"
    assert model.problems == [
        ("steps[1].phases[0].title", "expected a text in at least one language, got none")
    ]
    phase = panel.phases_editor.panel()
    assert phase is not None
    _type(phase.title_fields[0], "Talk in pairs")
    assert model.problems == []
    assert model.item.total_minutes == total
    panel.phases_editor.phases.remove(0)
    assert model.value(("steps", 1, "phases")) is None
    assert model.value(("steps", 1, "minutes")) == minutes
    assert panel.minutes_field.isEnabled()
    model.undo_stack.undo()
    assert model.value(("steps", 1, "phases"))[0]["title"] == {"en": "Talk in pairs"}
    model.undo_stack.undo()  # the typing
    model.undo_stack.undo()  # the new phase, with the step's minutes it took over
    assert model.value(("steps", 1, "phases")) is None
    assert model.value(("steps", 1, "minutes")) == minutes


def test_a_phase_with_a_problem_is_shown_at_its_field(controller: EditorController) -> None:
    window = _open(controller, "wise-crowds")
    panel = _step_panel(window, 0)
    panel.phases_editor.phases.select(2)
    phase = panel.phases_editor.panel()
    assert phase is not None
    _type(phase.max_field, "5")
    assert window.model.problems == [
        ("steps[0].phases[2].max_minutes", "expected at least minutes (8), got 5")
    ]
    assert window.model.item is None
    assert window.preview.stale


def test_rounds_can_follow_the_group(controller: EditorController) -> None:
    window = _open(controller, "impromptu-networking")
    model = window.model
    panel = _step_panel(window, 1)
    field = panel.following_field
    field.activated.emit(field.findText("one round per member of the group"))
    assert model.value(("steps", 1, "follows_group")) == "rounds"
    assert model.value(("steps", 1, "rounds")) is None
    assert not panel.rounds_field.isEnabled()
    assert model.problems == []
    item = model.item
    assert isinstance(item, Structure)
    assert item.group_size == 2
    assert item.steps[1].rounds == 2, "pairs: one round per member"
    model.undo_stack.undo()
    assert model.value(("steps", 1, "rounds")) == 3


def test_a_question_can_be_shown_in_chosen_phases(controller: EditorController) -> None:
    from PySide6.QtCore import Qt as QtCore

    from facilitator.ui.editor.question_set_form import QuestionSetForm

    window = controller.open_copy(DocumentKind.QUESTION_SET, "troika-consulting-en")
    assert window is not None
    form = window.form
    assert isinstance(form, QuestionSetForm)
    form.questions.select(4)
    detail = form.questions.detail
    phases = detail.phases
    assert not phases.isHidden()
    listed = [phases.item(row).text() for row in range(phases.count())]
    assert listed[2] == "Consulting rounds: The consultants confer  (confer)"
    ticked = [
        phases.item(row).text()
        for row in range(phases.count())
        if phases.item(row).checkState() == QtCore.CheckState.Checked
    ]
    assert ticked == ["Consulting rounds: The consultants confer  (confer)"]
    phases.item(3).setCheckState(QtCore.CheckState.Checked)
    assert window.model.value(("questions", 4, "phases")) == ["confer", "respond"]
    window.model.undo_stack.undo()
    assert window.model.value(("questions", 4, "phases")) == ["confer"]
