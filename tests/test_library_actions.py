"""The library actions in the whole app: menus, import and export, drops, drafts, preferences.

Built with the app harness (fake screens, clock and bell); answers to dialogs are scripted.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMainWindow

from facilitator.controllers.ui_state_keeper import UiStateKeeper
from facilitator.core.documents.library import Origin
from facilitator.core.files.kinds import DocumentKind
from facilitator.core.settings.preferences import Theme, load_preferences
from facilitator.core.timing.events import AdvanceMode
from facilitator.models.ui_state_model import UiStateModel
from facilitator.ui.prompts import Choice
from tests.app_harness import Harness, build_harness
from tests.scripted_prompts import ScriptedPrompts

if TYPE_CHECKING:
    from pathlib import Path

    from facilitator.controllers.library_actions import LibraryActions

BROKEN = {
    "schema_version": 1,
    "type": "structure",
    "id": "Not An Id",
    "title": {},
    "steps": [{"id": "a", "title": {"en": "A"}, "group": "pairs", "minutes": -3, "colour": "red"}],
}


def _actions(harness: Harness) -> tuple[LibraryActions, ScriptedPrompts]:
    actions = harness.app.library_actions
    prompts = ScriptedPrompts()
    actions.prompts = prompts
    return actions, prompts


def _user_files(folder: Path) -> list[str]:
    library = folder / "library"
    return (
        sorted(str(p.relative_to(library)) for p in library.rglob("*.json"))
        if library.exists()
        else []
    )


def _write(path: Path, document: object) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def _drop(harness: Harness, paths: list[Path], qtbot) -> list:
    console = harness.app.console
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    enter = QDragEnterEvent(
        QPoint(40, 40),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(console, enter)
    assert enter.isAccepted(), "the console takes file drags"
    drop = QDropEvent(
        QPointF(40, 40),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    sharing = harness.app.library_actions.sharing
    with qtbot.waitSignal(sharing.importFinished, timeout=3000) as signal:
        QApplication.sendEvent(console, drop)
    return signal.args[0]


def test_the_file_menu_holds_the_library_actions(harness: Harness) -> None:
    texts = [a.text() for a in harness.app.console.file_menu.actions() if not a.isSeparator()]
    assert texts[:7] == [
        "New question set…",
        "Duplicate…",
        "Edit…",
        "Revert to built-in…",
        "Import…",
        "Export…",
        "Preferences…",
    ]
    assert texts[-1] == "&Quit"


def test_a_broken_file_lists_every_problem_and_writes_nothing(
    harness: Harness, tmp_path: Path, user_data_dir: Path
) -> None:
    actions, prompts = _actions(harness)
    path = _write(tmp_path / "broken.json", BROKEN)
    prompts.files_to_open = [path]
    actions.ask_import()
    [lines] = prompts.problems
    text = "\n".join(lines)
    for field in ("id", "title", "steps[0].minutes", "steps[0].colour"):
        assert f": {field}: " in text, field
    assert len(lines) == 4
    assert all(line.startswith(str(path)) for line in lines)
    assert _user_files(user_data_dir) == []
    _write(tmp_path / "not-json.json", {}).write_text("{ nope", encoding="utf-8")
    actions.import_files([tmp_path / "not-json.json"])
    assert "is not valid JSON" in prompts.problems[-1][0]
    assert _user_files(user_data_dir) == []


def test_an_id_clash_offers_rename_and_replace(
    harness: Harness, tmp_path: Path, user_data_dir: Path
) -> None:
    actions, prompts = _actions(harness)
    library = harness.app.library
    builtin = library.library.entry(DocumentKind.QUESTION_SET, "impromptu-networking-nl")
    document = json.loads(builtin.path.read_text(encoding="utf-8"))
    document["title"] = "Geïmporteerd"
    path = _write(tmp_path / "clash.json", document)

    prompts.clash_answers = [(Choice.CANCEL, "")]
    actions.import_files([path])
    assert _user_files(user_data_dir) == []

    prompts.clash_answers = [(Choice.RENAME, "")]  # accept the suggested id
    actions.import_files([path])
    [(_question, (text, suggestion))] = [a for a in prompts.asked if a[0] == "clash"][-1:]
    assert "already has a built-in question set" in text
    assert suggestion == "impromptu-networking-nl-imported"
    assert library.library.question_set(suggestion).title == "Geïmporteerd"

    prompts.clash_answers = [(Choice.RENAME, "Bad Id"), (Choice.REPLACE, "")]
    actions.import_files([path])
    assert any("lowercase letters" in line for line in prompts.problems[-1])
    entry = library.library.entry(DocumentKind.QUESTION_SET, "impromptu-networking-nl")
    assert entry.origin is Origin.USER
    assert entry.overrides_builtin
    assert entry.item.title == "Geïmporteerd"
    assert json.loads(builtin.path.read_text(encoding="utf-8"))["title"] != "Geïmporteerd"


def test_export_then_import_gives_an_identical_file(
    harness: Harness, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    actions, prompts = _actions(harness)
    prompts.item_id = "network-kick-off"
    prompts.save_path = tmp_path / "share" / "plan.json"
    actions.ask_export()
    exported = prompts.save_path.read_bytes()
    assert actions.ui_state.value.export_folder == str(tmp_path / "share")
    clean = tmp_path / "clean"
    monkeypatch.setenv("FACILITATOR_DATA_DIR", str(clean))
    other = build_harness(qtbot)
    other_actions, _prompts = _actions(other)
    other_actions.prompts.clash_answers = [(Choice.REPLACE, "")]
    other_actions.import_files([prompts.save_path])
    imported = clean / "library" / "plans" / "network-kick-off.json"
    assert imported.read_bytes() == exported
    assert other_actions.export("plan", "network-kick-off", tmp_path / "again.json")
    assert (tmp_path / "again.json").read_bytes() == exported


def test_dropping_files_on_the_console_imports_them(
    harness: Harness, qtbot, tmp_path: Path, user_data_dir: Path
) -> None:
    _unused, prompts = _actions(harness)
    good = _write(
        tmp_path / "mine.json",
        {
            "schema_version": 1,
            "type": "question_set",
            "id": "dropped",
            "language": "en",
            "title": "Dropped",
            "structures": ["impromptu-networking"],
            "questions": ["Why?"],
        },
    )
    broken = _write(tmp_path / "broken.json", BROKEN)
    assert _drop(harness, [good, broken], qtbot) == ["dropped"]
    assert harness.app.library.library.question_set("dropped").title == "Dropped"
    assert len(prompts.problems) == 1
    assert len(prompts.problems[0]) == 4
    assert any("Imported the question set" in text for text in harness.app.notices.texts())
    assert _user_files(user_data_dir) == ["question-sets/dropped.json"]


def test_a_draft_left_by_a_crash_is_offered_and_restored(qtbot) -> None:
    first = build_harness(qtbot)
    actions, _prompts = _actions(first)
    window = actions.duplicate(DocumentKind.QUESTION_SET, "impromptu-networking-nl")
    keeper = actions.editors.sessions[0].keeper
    with qtbot.waitSignal(keeper.draftSaved, timeout=5000):
        window.model.set_text(("title",), "Half af")
    # The laptop dies here; a new app starts on the same data.
    second = build_harness(qtbot, wall=first.wall)
    [offer] = [n for n in second.app.notices.notices if n.key.startswith("draft-")]
    assert offer.text.startswith("You have unsaved changes to \u201cHalf af\u201d from ")
    second_actions, prompts = _actions(second)
    prompts.restore = Choice.LATER
    offer.action()
    [offer] = [n for n in second.app.notices.notices if n.key.startswith("draft-")]
    prompts.restore = Choice.RESTORE
    offer.action()
    [restored] = second_actions.editors.windows()
    assert restored.model.value(("title",)) == "Half af"
    assert restored.model.is_dirty
    assert restored.model.is_new
    assert restored.save()
    assert (
        second.app.library.library.question_set("impromptu-networking-nl-copy").title == "Half af"
    )
    assert second_actions.drafts.load_all()[0] == []


def test_a_discarded_draft_is_gone(qtbot) -> None:
    first = build_harness(qtbot)
    actions, _prompts = _actions(first)
    window = actions.edit(DocumentKind.STRUCTURE, "impromptu-networking")
    keeper = actions.editors.sessions[0].keeper
    with qtbot.waitSignal(keeper.draftSaved, timeout=5000):
        window.model.set_text(("title", "en"), "Renamed")
    second = build_harness(qtbot, wall=first.wall)
    second_actions, prompts = _actions(second)
    [offer] = [n for n in second.app.notices.notices if n.key.startswith("draft-")]
    prompts.restore = Choice.DISCARD
    offer.action()
    assert second_actions.drafts.load_all()[0] == []
    assert second_actions.editors.windows() == []


def test_revert_to_built_in(harness: Harness, user_data_dir: Path) -> None:
    actions, prompts = _actions(harness)
    window = actions.edit(DocumentKind.STRUCTURE, "impromptu-networking")
    window.model.set_text(("title", "en"), "Our networking")
    assert window.save()
    library = harness.app.library
    assert (
        library.library.structure("impromptu-networking").title.in_language("en")
        == "Our networking"
    )
    harness.app.library_page.select("impromptu-networking")
    assert actions.buttons.revert.isVisibleTo(harness.app.console)
    assert not actions.revert(DocumentKind.STRUCTURE, "impromptu-networking")
    assert "Close the editor" in prompts.errors[-1]
    assert window.close()
    prompts.confirm_answer = False
    prompts.item_id = "impromptu-networking"
    actions.ask_revert()
    assert (
        library.library.entry(DocumentKind.STRUCTURE, "impromptu-networking").origin is Origin.USER
    )
    prompts.confirm_answer = True
    actions.ask_revert()
    entry = library.library.entry(DocumentKind.STRUCTURE, "impromptu-networking")
    assert entry.origin is Origin.BUILT_IN
    assert entry.item.title.in_language("en") == "Impromptu Networking"
    backups = list((user_data_dir / "library" / "structures").glob("*.bak"))
    assert any("reverted" in p.name for p in backups)
    assert any("built-in version again" in text for text in harness.app.notices.texts())
    assert not actions.buttons.revert.isVisibleTo(harness.app.console)


def test_the_preferences_dialog_changes_the_preferences(harness: Harness) -> None:
    actions, _prompts = _actions(harness)
    dialog = actions.show_preferences()
    preferences = harness.app.preferences
    dialog.theme.activated.emit(dialog.theme.findText("High contrast"))
    dialog.text_size.setValue(130)
    dialog.flash.click()
    dialog.advance.activated.emit(1)
    dialog.warning.setValue(45)
    screens = [dialog.projector_screen.itemText(i) for i in range(dialog.projector_screen.count())]
    assert any("projector (1920x1080)" in text for text in screens)
    dialog.projector_screen.activated.emit(dialog.projector_screen.findData("projector"))
    dialog.language.activated.emit(dialog.language.findData("nl"))
    value = preferences.value
    assert value.theme is Theme.HIGH_CONTRAST
    assert value.text_scale == pytest.approx(1.3)
    assert value.flash is False
    assert value.advance_mode is AdvanceMode.MANUAL
    assert value.warning_seconds == 45
    assert value.projector_screen == "projector"
    assert value.language == "nl"
    assert harness.app.language() == "nl"
    assert load_preferences()[0] == value, "saved at once"
    assert dialog.text_size_label.text() == "130 %"
    assert dialog.sound_panel is not None
    assert dialog.sound_panel.objectName() != "sound-panel-hook"
    preferences.update(theme=Theme.LIGHT)
    assert dialog.theme.currentText() == "Light", "the dialog follows the model"


def test_ui_state_is_remembered_between_starts(harness: Harness, qtbot) -> None:
    page = harness.app.library_page
    page.select("impromptu-networking")
    combo = page.details.questions
    combo.setCurrentIndex(combo.findData("impromptu-networking-problem-nl"))
    page.details.fit.setChecked(True)
    page.details.fit_minutes.setValue(25)
    page.details.start.click()
    harness.app.end_session()
    geometry = harness.app.console.saveGeometry()
    harness.app.console.close()
    second = build_harness(qtbot)
    state = second.app.library_actions.ui_state
    assert state.value.question_sets == {"impromptu-networking": "impromptu-networking-problem-nl"}
    assert state.value.fit_minutes == {"impromptu-networking": 25}
    second.app.library_page.select("impromptu-networking")
    assert (
        second.app.library_page.details.questions.currentData() == "impromptu-networking-problem-nl"
    )
    assert state.geometry("console") == geometry
    # Restoring: a window saved at 500x400 comes back at 500x400.
    saved = QMainWindow()
    qtbot.addWidget(saved)
    saved.resize(500, 400)
    state.remember_geometry("console", saved.saveGeometry())
    window = QMainWindow()
    qtbot.addWidget(window)
    UiStateKeeper(UiStateModel(), window, second.app.library_page)
    assert (window.width(), window.height()) == (500, 400)


def test_done_when(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Copy Impromptu Networking, write Dutch questions, survive a crash, share, run in Dutch."""
    first = build_harness(qtbot)
    actions, _prompts = _actions(first)
    copy = actions.duplicate(DocumentKind.STRUCTURE, "impromptu-networking")
    assert copy.model.value(("id",)) == "impromptu-networking-copy"
    assert copy.save()
    questions = actions.new_question_set("impromptu-networking-copy", "nl")
    form = questions.form
    form.title_field.setFocus()
    qtbot.keyClicks(form.title_field, "Onze eigen vragen")
    mine = [
        "Wat wil je vandaag leren?",
        "Wie zou je hier graag ontmoeten?",
        "Welke vraag hield je deze week wakker?",
    ]
    for number, text in enumerate(mine):
        if number:
            form.questions.add()
        qtbot.keyClicks(form.questions.detail.text_field, text)
    assert questions.model.problems == []
    card = questions.preview.presenter.content
    assert card.questions == tuple(mine), "all three are on the card, as on the projector"
    canvas = questions.preview_panel.canvas
    canvas.resize(960, 540)
    canvas.repaint()
    canvas.grab()
    assert "\n\n".join(mine) in canvas.painted_texts
    set_id = questions.model.value(("id",))
    assert set_id == "impromptu-networking-copy-nl-mine"
    assert questions.save()

    # "Kill" the app: no closing, no quitting; a new one starts on the same data.
    second = build_harness(qtbot)
    library = second.app.library.library
    assert library.entry(DocumentKind.STRUCTURE, "impromptu-networking-copy").origin is Origin.USER
    saved = library.question_set(set_id)
    assert [q.text for q in saved.questions] == mine
    assert saved.language == "nl"
    assert saved in library.question_sets_for("impromptu-networking-copy", "nl")

    second_actions, _prompts = _actions(second)
    share = tmp_path / "share"
    assert second_actions.export(
        DocumentKind.STRUCTURE, "impromptu-networking-copy", share / "structure.json"
    )
    assert second_actions.export(DocumentKind.QUESTION_SET, set_id, share / "questions.json")
    monkeypatch.setenv("FACILITATOR_DATA_DIR", str(tmp_path / "elsewhere"))
    third = build_harness(qtbot)
    third_actions, prompts = _actions(third)
    third_actions.import_files([share / "structure.json", share / "questions.json"])
    assert prompts.problems == []
    assert prompts.asked == []
    assert third.app.start_run("impromptu-networking-copy", questions_id=set_id, language="nl")
    third.app.run.start()
    texts = third.card_texts()
    assert "De uitnodiging" in texts
    assert "\n\n".join(mine) in texts
    third.app.end_session()  # closing the console mid-run would ask first
