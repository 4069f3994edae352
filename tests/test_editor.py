"""The editor driven as a facilitator drives it: typing, reordering, undo, problems, saving.

Offscreen, on a private user data folder; nothing sleeps (autosave is awaited by its signal).
"""

from __future__ import annotations

import errno
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QGridLayout, QWidget

from facilitator.controllers.editors import EditorController
from facilitator.core.documents.draft_store import DraftStore
from facilitator.core.documents.library import Origin
from facilitator.core.files import jsonio as files
from facilitator.core.files.kinds import DocumentKind
from facilitator.models.library_model import LibraryModel
from facilitator.models.preferences_model import PreferencesModel
from facilitator.ui.editor.fields import ProblemLabel
from facilitator.ui.editor.question_set_form import QuestionDetail, QuestionSetForm
from facilitator.ui.editor.structure_form import StepPanel, StructureForm
from facilitator.ui.prompts import Choice
from tests.scripted_prompts import ScriptedPrompts

if TYPE_CHECKING:
    from facilitator.ui.editor.editor_window import EditorWindow

Key = Qt.Key
ALT = Qt.KeyboardModifier.AltModifier


@dataclass
class Editing:
    """An editor controller on the real library, with scripted answers."""

    controller: EditorController
    library: LibraryModel
    prompts: ScriptedPrompts
    store: DraftStore


@pytest.fixture
def editing(qtbot, user_data_dir: Path) -> Editing:
    library = LibraryModel()
    window = QWidget()
    qtbot.addWidget(window)
    prompts = ScriptedPrompts()
    store = DraftStore(user_data_dir / "drafts")
    controller = EditorController(
        library,
        PreferencesModel(persist=False),
        store,
        language=lambda: "en",
        prompts=lambda: prompts,
        window=window,
    )
    return Editing(controller, library, prompts, store)


def _question_set_editor(editing: Editing) -> EditorWindow:
    window = editing.controller.open_copy(DocumentKind.QUESTION_SET, "impromptu-networking-nl")
    assert window is not None
    return window


def _questions(window: EditorWindow) -> list[str]:
    return [q["text"] for q in window.model.value(("questions",))]


def _detail(window: EditorWindow) -> QuestionDetail:
    assert isinstance(window.form, QuestionSetForm)
    detail = window.form.questions.detail
    assert isinstance(detail, QuestionDetail)
    return detail


def _step_panel(window: EditorWindow, row: int) -> StepPanel:
    assert isinstance(window.form, StructureForm)
    window.form.setCurrentIndex(1)
    window.form.steps.select(row)
    panel = window.form.step_panel()
    assert panel is not None
    return panel


def _activate(window: QWidget, qtbot) -> None:
    """Show `window` and make it the active one, as keys need."""
    window.show()
    window.activateWindow()
    window.raise_()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)


def _grid_row(grid: QGridLayout, widget: QWidget) -> int:
    """The grid row holding `widget`, directly or inside a row's layout."""
    for index in range(grid.count()):
        item = grid.itemAt(index)
        inner = item.layout()
        held = item.widget() is widget or (
            inner is not None
            and any(inner.itemAt(i).widget() is widget for i in range(inner.count()))
        )
        if held:
            return grid.getItemPosition(index)[0]
    raise LookupError("not in the grid")


def _type(widget: QWidget, text: str) -> None:
    """Replace a line field's text as typing does (select all, then type)."""
    widget.setFocus()
    QTest.keyClick(widget, Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(widget, text)


# --- question sets ---------------------------------------------------------------------


def test_a_copy_is_offered_under_a_new_id_and_starts_valid(editing: Editing) -> None:
    window = _question_set_editor(editing)
    assert window.model.value(("id",)) == "impromptu-networking-nl-copy"
    assert not window.form.id_field.isReadOnly()
    assert window.model.problems == []
    assert window.save_action.isEnabled()


def test_add_type_remove_questions_and_undo_each(editing: Editing, qtbot) -> None:
    window = _question_set_editor(editing)
    form = window.form
    original = _questions(window)
    form.questions.select(1)
    form.questions.add_button.click()  # a new question comes after the selected one
    assert _questions(window) == [*original, ""]
    assert form.questions.current == 2
    QTest.keyClicks(_detail(window).text_field, "Wat neem je mee?")
    assert _questions(window)[2] == "Wat neem je mee?"
    assert "Wat neem je mee?" in form.questions.rows.item(2).text()
    stack = window.model.undo_stack
    stack.undo()  # all the typing is one step
    assert _questions(window) == [*original, ""]
    stack.undo()
    assert _questions(window) == original
    stack.redo()
    stack.redo()
    assert _questions(window)[2] == "Wat neem je mee?"
    form.questions.select(0)
    form.questions.remove_button.click()
    assert _questions(window) == [original[1], "Wat neem je mee?"]
    stack.undo()
    assert _questions(window) == [*original, "Wat neem je mee?"]


def test_reorder_questions_by_keys_and_by_drag(editing: Editing, qtbot) -> None:
    window = _question_set_editor(editing)
    _activate(window, qtbot)
    form = window.form
    window.model.add_question()
    window.model.set_text(("questions", 2, "text"), "Derde vraag")
    first, second, third = _questions(window)
    rows = form.questions.rows
    form.questions.select(0)
    QTest.keyClick(rows, Key.Key_Down, ALT)
    assert _questions(window) == [second, first, third]
    assert form.questions.current == 1, "the moved question stays selected"
    QTest.keyClick(rows, Key.Key_Down, ALT)
    assert _questions(window) == [second, third, first]
    QTest.keyClick(rows, Key.Key_Up, ALT)
    assert _questions(window) == [second, first, third]
    window.model.undo_stack.undo()
    assert _questions(window) == [second, third, first]

    # Drag the first question below the last one (the drop a real drag ends with).
    assert rows.dragDropMode() is QAbstractItemView.DragDropMode.InternalMove
    form.questions.select(0)
    index = rows.model().index(0, 0)
    mime = rows.model().mimeData([index])
    last = rows.visualItemRect(rows.item(2))
    drop_at = QPointF(last.center().x(), last.bottom() - 2)
    event = QDropEvent(
        drop_at,
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    rows.dropEvent(event)
    assert _questions(window) == [third, first, second]
    assert rows.count() == 3, "the list never drops rows itself"
    window.model.undo_stack.undo()
    assert _questions(window) == [second, third, first]
    assert window.model.move_question(0, 2)
    assert _questions(window) == [third, first, second]


def test_alt_up_and_down_work_while_typing_a_question(editing: Editing, qtbot) -> None:
    window = _question_set_editor(editing)
    _activate(window, qtbot)
    first, second = _questions(window)
    field = _detail(window).text_field
    field.setFocus()
    QTest.keyClick(field, Key.Key_Down, ALT)
    assert _questions(window) == [second, first]
    assert window.form.questions.current == 1
    QTest.keyClick(window.form.questions.rows, Key.Key_Up, ALT)
    assert _questions(window) == [first, second]


def test_steps_a_question_shows_in(editing: Editing) -> None:
    window = _question_set_editor(editing)
    steps = _detail(window).steps
    labels = [steps.item(row).text() for row in range(steps.count())]
    assert any("(conversations)" in label for label in labels)
    row = next(i for i, label in enumerate(labels) if "(conversations)" in label)
    steps.item(row).setCheckState(Qt.CheckState.Checked)
    assert window.model.value(("questions", 0, "steps")) == ["conversations"]
    assert window.model.item.questions[0].steps == ("conversations",)
    window.model.undo_stack.undo()
    assert window.model.value(("questions", 0, "steps")) is None


def test_the_preview_shows_the_selected_question(editing: Editing) -> None:
    window = _question_set_editor(editing)
    window.form.questions.add()
    QTest.keyClicks(_detail(window).text_field, "Wat maakt jou nieuwsgierig?")
    content = window.preview.presenter.content
    assert content is not None
    assert "Wat maakt jou nieuwsgierig?" in content.questions
    canvas = window.preview_panel.canvas
    canvas.resize(640, 360)
    canvas.repaint()
    canvas.grab()
    assert any("Wat maakt jou nieuwsgierig?" in text for text in canvas.painted_texts)


def test_a_new_question_set_for_a_structure(editing: Editing) -> None:
    window = editing.controller.open_new_question_set("impromptu-networking", "nl")
    form = window.form
    assert window.model.value(("structures",)) == ["impromptu-networking"]
    assert not window.save_action.isEnabled()
    [title_problem] = [label for label in form.findChildren(ProblemLabel) if label.path == "title"]
    assert title_problem.text() == "Expected a text, got an empty one."
    form.title_field.setFocus()
    QTest.keyClicks(form.title_field, "Mijn vragen")
    QTest.keyClicks(_detail(window).text_field, "Waar ben je trots op?")
    assert window.model.problems == []
    assert window.save()
    saved = editing.library.library.question_set(window.model.value(("id",)))
    assert saved.language == "nl"
    assert saved.questions[0].text == "Waar ben je trots op?"
    assert form.id_field.isReadOnly(), "once saved, the id is fixed"


# --- structures -------------------------------------------------------------------------


def test_step_edits_and_their_undo(editing: Editing) -> None:
    window = editing.controller.open_copy(DocumentKind.STRUCTURE, "impromptu-networking")
    model = window.model
    panel = _step_panel(window, 1)
    _type(panel.minutes_field, "5")
    assert model.value(("steps", 1, "minutes")) == 5
    _type(panel.rounds_field, "4")
    assert model.item.steps[1].rounds == 4
    panel.group_field.activated.emit(panel.group_field.findText("small groups"))
    assert model.value(("steps", 1, "group")) == "small_groups"
    assert model.value(("steps", 1, "group_size")) == [4, 7]
    assert panel.size_low.isEnabled()
    panel.transition_field.click()
    assert model.value(("steps", 1, "transition")) is None
    assert not panel.transition_minutes.isEnabled()
    stack = model.undo_stack
    stack.undo()
    assert model.value(("steps", 1, "transition"))["minutes"] == 1
    stack.undo()  # the group change with its size range is one step
    assert model.value(("steps", 1, "group")) == "pairs"
    assert model.value(("steps", 1, "group_size")) is None
    stack.undo()
    stack.undo()
    assert model.value(("steps", 1, "minutes")) == 4
    assert model.value(("steps", 1, "rounds")) == 3
    stack.redo()
    assert model.value(("steps", 1, "minutes")) == 5


def test_add_remove_and_reorder_steps(editing: Editing, qtbot) -> None:
    window = editing.controller.open_copy(DocumentKind.STRUCTURE, "impromptu-networking")
    _activate(window, qtbot)
    steps = window.form.steps
    window.form.setCurrentIndex(1)
    ids = lambda: [s["id"] for s in window.model.value(("steps",))]  # noqa: E731
    steps.select(2)
    steps.add_button.click()
    assert ids() == ["invitation", "conversations", "debrief", "step-1"]
    panel = window.form.step_panel()
    assert panel is not None
    assert panel.title_fields[0].hasFocus() is False
    panel.title_fields[0].setFocus()
    QTest.keyClicks(panel.title_fields[0], "Closing round")
    assert window.model.problems == []
    QTest.keyClick(steps.rows, Key.Key_Up, ALT)
    assert ids() == ["invitation", "conversations", "step-1", "debrief"]
    steps.remove_button.click()
    assert ids() == ["invitation", "conversations", "debrief"]
    window.model.undo_stack.undo()
    assert ids() == ["invitation", "conversations", "step-1", "debrief"]


def test_minus_three_minutes_is_explained_at_the_field_and_blocks_saving(editing: Editing) -> None:
    window = editing.controller.open_copy(DocumentKind.STRUCTURE, "impromptu-networking")
    panel = _step_panel(window, 1)
    _type(panel.minutes_field, "-3")
    [message] = [label for label in panel.findChildren(ProblemLabel) if label.isVisibleTo(panel)]
    assert message.path == "steps[1].minutes"
    assert message.text() == "Expected a number greater than 0 and at most 600, got -3."
    grid = panel.layout()
    assert isinstance(grid, QGridLayout)
    assert _grid_row(grid, message) == _grid_row(grid, panel.minutes_field) + 1, "right below"
    assert panel.minutes_field.property("problem") is True
    assert not window.save_action.isEnabled()
    assert "1 problem" in window.status.text()
    assert window.form.steps.rows.item(1).toolTip(), "the step is marked in the list too"
    window.model.undo_stack.undo()
    assert window.save_action.isEnabled()
    assert not message.isVisibleTo(panel)


def test_missing_translations_are_marked(editing: Editing) -> None:
    window = editing.controller.open_copy(DocumentKind.STRUCTURE, "impromptu-networking")
    panel = _step_panel(window, 0)
    english, dutch = panel.title_fields
    assert not dutch.property("missing")
    _type(dutch, "x")
    QTest.keyClick(dutch, Key.Key_Backspace)
    assert window.model.value(("steps", 0, "title")) == {"en": "The invitation", "nl": ""}
    assert dutch.property("missing") is True
    assert not english.property("missing")
    assert dutch.placeholderText()
    assert window.model.problems == [], "a missing translation falls back, it is no problem"


def test_undo_keys_reach_the_editor_from_a_field(editing: Editing, qtbot) -> None:
    window = editing.controller.open_copy(DocumentKind.STRUCTURE, "impromptu-networking")
    _activate(window, qtbot)
    window.form.setCurrentIndex(0)
    title = window.form.title_fields[0]
    title.setFocus()
    title.end(False)
    QTest.keyClicks(title, " 2")
    assert window.model.value(("title", "en")) == "Impromptu Networking 2"
    QTest.keyClick(title, Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.model.value(("title", "en")) == "Impromptu Networking"
    assert title.text() == "Impromptu Networking"
    QTest.keyClick(title, Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert title.text() == "Impromptu Networking 2"
    QTest.keyClick(title, Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(
        title, Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert title.text() == "Impromptu Networking 2"


# --- never losing work -------------------------------------------------------------------


def test_drafts_are_written_after_a_pause_and_removed_on_save(editing: Editing, qtbot) -> None:
    window = _question_set_editor(editing)
    keeper = editing.controller.sessions[0].keeper
    with qtbot.waitSignal(keeper.draftSaved, timeout=5000) as signal:
        window.model.set_text(("title",), "Bijna klaar")
    path = Path(signal.args[0])
    assert path.parent == editing.store.folder
    [draft], _problems = editing.store.load_all()
    assert draft.document["title"] == "Bijna klaar"
    assert draft.original_id is None
    assert window.save()
    assert not path.exists()


def test_closing_with_unsaved_changes_asks(editing: Editing, qtbot) -> None:
    window = _question_set_editor(editing)
    window.show()
    window.model.set_text(("title",), "Anders")
    editing.prompts.unsaved = Choice.CANCEL
    assert not window.close()
    assert window.isVisible()
    editing.prompts.unsaved = Choice.SAVE
    assert window.close()
    assert editing.library.library.question_set("impromptu-networking-nl-copy").title == "Anders"
    other = _question_set_editor(editing)
    other.model.set_text(("title",), "Weg ermee")
    editing.prompts.unsaved = Choice.DISCARD
    assert other.close()
    assert editing.store.load_all()[0] == []
    assert [question for question, _ in editing.prompts.asked] == ["unsaved"] * 3


@pytest.mark.parametrize(
    ("code", "reason"), [(errno.ENOSPC, "the disk is full"), (errno.EROFS, "read-only")]
)
def test_a_full_or_read_only_disk_keeps_the_last_good_file_and_the_edits(
    editing: Editing, monkeypatch: pytest.MonkeyPatch, code: int, reason: str
) -> None:
    window = editing.controller.open_item(DocumentKind.QUESTION_SET, "impromptu-networking-nl")
    window.model.set_text(("title",), "Eerste versie")
    assert window.save()
    saved = window.model.saved_path()
    good = saved.read_bytes()
    window.model.set_text(("title",), "Tweede versie")

    def failing_write(fd: int, data: bytes) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(files, "_write_all", failing_write)
    assert not window.save()
    assert window.banner.isVisibleTo(window)
    assert reason in window.banner.text()
    assert "previous version is unchanged" in window.banner.text()
    assert saved.read_bytes() == good
    assert window.model.is_dirty
    assert window.model.value(("title",)) == "Tweede versie"
    assert window.save_action.isEnabled(), "saving can be tried again"
    monkeypatch.undo()
    assert window.save()
    assert not window.banner.isVisibleTo(window)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a non-root POSIX user")
def test_a_read_only_library_folder(editing: Editing, user_data_dir: Path) -> None:
    window = _question_set_editor(editing)
    folder = user_data_dir / "library" / "question-sets"
    folder.mkdir(parents=True)
    folder.chmod(0o500)
    try:
        assert not window.save()
        assert "permission denied" in window.banner.text()
    finally:
        folder.chmod(0o700)


def test_changing_a_field_back_is_no_unsaved_change(editing: Editing) -> None:
    window = editing.controller.open_item(DocumentKind.STRUCTURE, "impromptu-networking")
    model = window.model
    panel = _step_panel(window, 0)
    _type(panel.rounds_field, "2")
    assert model.is_dirty
    assert window.save_action.isEnabled()
    _type(panel.rounds_field, "1")  # the default, written out: the same structure
    assert not model.is_dirty
    assert not window.save_action.isEnabled()
    assert "All changes are saved" in window.status.text()


def test_editing_a_built_in_saves_your_own_version(editing: Editing) -> None:
    window = editing.controller.open_item(DocumentKind.QUESTION_SET, "impromptu-networking-en")
    assert window.form.id_field.isReadOnly()
    assert not window.save_action.isEnabled(), "nothing changed yet"
    window.model.set_text(("title",), "My own title")
    assert window.save()
    entry = editing.library.library.entry(DocumentKind.QUESTION_SET, "impromptu-networking-en")
    assert entry.origin is Origin.USER
    assert entry.overrides_builtin
    builtin = editing.library.library.builtin(DocumentKind.QUESTION_SET, "impromptu-networking-en")
    assert json.loads(builtin.path.read_text())["title"] != "My own title"
