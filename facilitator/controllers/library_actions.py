"""The console's File menu for the library: edit, copy, revert, import, export, preferences.

`LibraryActions` is the one object app.py builds for all of it: it adds the menu
items and the buttons beside a structure's details, accepts files dropped on
the console, offers drafts left by a crash, and remembers the UI state.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from facilitator.controllers.draft_offers import DraftOffers
from facilitator.controllers.editors import EditorController
from facilitator.controllers.import_export import DropImport, ImportExport, item_title
from facilitator.controllers.ui_state_keeper import UiStateKeeper
from facilitator.core.documents.drafting import EDITABLE_TYPES
from facilitator.core.documents.library import Origin
from facilitator.core.documents.registry import DOCUMENT_TYPES
from facilitator.core.documents.user_copies import RevertError, revert_to_builtin
from facilitator.core.files.kinds import DocumentKind
from facilitator.core.files.paths import user_data_dir
from facilitator.models.ui_state_model import UiStateModel
from facilitator.platform.sound_import import import_sound
from facilitator.ui.editor.library_buttons import LibraryButtons
from facilitator.ui.prompts import ItemChoice, Prompts, type_label
from facilitator.ui.sound_panel import SoundPanel

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from PySide6.QtWidgets import QWidget

    from facilitator.controllers.card_placement import CardPlacement
    from facilitator.controllers.plans import PlansController
    from facilitator.core.documents.draft_store import DraftStore
    from facilitator.models.bells import CueRouter
    from facilitator.models.library_model import LibraryModel
    from facilitator.models.notices import NoticeBoard
    from facilitator.models.plan_model import PlanModel
    from facilitator.models.preferences_model import PreferencesModel
    from facilitator.platform.edges import Platform
    from facilitator.ui.console_window import ConsoleWindow
    from facilitator.ui.editor.editor_window import EditorWindow
    from facilitator.ui.library_page import LibraryPage
    from facilitator.ui.preferences_dialog import PreferencesDialog


class AppLike(Protocol):
    """What LibraryActions needs of the app (FacilitatorApp has all of it)."""

    console: ConsoleWindow
    """The File menu, `quitRequested`, the parent of dialogs."""
    library: LibraryModel
    library_page: LibraryPage
    preferences: PreferencesModel
    notices: NoticeBoard
    placement: CardPlacement
    """Lists the screens: `available()`."""
    platform: Platform
    """Gives the wall clock: `wall()`."""
    drafts: DraftStore
    """The drafts folder, shared with the Plans tab's draft keeper."""
    plans: PlanModel
    """The plan on the Plans tab: its draft `key` and `is_dirty`."""
    plan_actions: PlansController
    """The Plans tab: `restore_draft(draft)`."""
    bells: CueRouter
    """The cues' sounds, for the sound settings in the preferences dialog."""

    def language(self) -> str:
        """The content and interface language."""
        ...


class LibraryActions(QObject):
    """Editing, sharing, drafts, preferences and UI state, added to the console."""

    def __init__(
        self,
        app: AppLike,
        *,
        data_dir: Path | None = None,
        prompts: Prompts | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._app = app
        self.prompts = prompts or Prompts()
        """How questions are asked; tests replace it with a scripted one."""
        console = app.console
        folder = data_dir or user_data_dir()
        self._data_dir = folder
        self.ui_state = UiStateModel(folder, parent=self)
        self.drafts = app.drafts
        self.editors = EditorController(
            app.library,
            app.preferences,
            self.drafts,
            language=app.language,
            prompts=lambda: self.prompts,
            window=console,
            parent=self,
        )
        self.sharing = ImportExport(
            app.library,
            app.notices,
            self.ui_state,
            prompts=lambda: self.prompts,
            window=console,
            parent=self,
        )
        self.drops = DropImport(self.sharing, self)
        self.drops.install(console)
        self.ui_keeper = UiStateKeeper(
            self.ui_state, console, app.library_page, self, library=app.library
        )
        self.preferences_dialog: PreferencesDialog | None = None

        self.new_set_action = self._action(
            self.tr("New question set…"), self.ask_new_question_set, "Ctrl+N"
        )
        self.duplicate_action = self._action(self.tr("Duplicate…"), self.ask_duplicate)
        self.edit_action = self._action(self.tr("Edit…"), self.ask_edit)
        self.revert_action = self._action(self.tr("Revert to built-in…"), self.ask_revert)
        self.import_action = self._action(self.tr("Import…"), self.ask_import, "Ctrl+O")
        self.export_action = self._action(self.tr("Export…"), self.ask_export, "Ctrl+E")
        self.preferences_action = self._action(
            self.tr("Preferences…"), self.show_preferences, "Ctrl+,"
        )
        self._separators = [QAction(self), QAction(self)]
        for separator in self._separators:
            separator.setSeparator(True)
        for action in self.all_actions():
            console.add_file_action(action)

        self.buttons = LibraryButtons()
        self._add_buttons(app.library_page)
        app.library_page.selectionChanged.connect(lambda _id: self._update_buttons())
        app.library.changed.connect(self._update_buttons)
        self._update_buttons()
        console.quitRequested.connect(self._before_quit)
        self.ui_state.saveFailed.connect(lambda text: app.notices.post(text, key="ui-state"))
        for text in self.ui_state.load_problems:
            app.notices.post(text, key="ui-state")
        self.draft_offers = DraftOffers(
            self.drafts,
            self.editors,
            app.notices,
            prompts=lambda: self.prompts,
            wall=app.platform.wall,
            window=console,
            plans=app.plans,
            restore_plan=lambda draft: app.plan_actions.restore_draft(draft),
            parent=self,
        )
        self.draft_offers.offer_all()

    # --- menu --------------------------------------------------------------------------

    def _action(self, label: str, handler: Any, keys: str = "") -> QAction:
        action = QAction(label, self)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(lambda _checked=False: handler())
        return action

    def all_actions(self) -> list[QAction]:
        """The File menu items, separators included, in order."""
        first, second = self._separators
        return [
            self.new_set_action,
            self.duplicate_action,
            self.edit_action,
            self.revert_action,
            first,
            self.import_action,
            self.export_action,
            second,
            self.preferences_action,
        ]

    def _add_buttons(self, page: LibraryPage) -> None:
        details = getattr(page, "details", None)
        layout = getattr(details, "layout_", None)
        start = getattr(details, "start", None)
        if layout is None or start is None:
            return
        layout.insertWidget(layout.indexOf(start) + 1, self.buttons)
        self.buttons.editRequested.connect(self._edit_selected)
        self.buttons.duplicateRequested.connect(self._duplicate_selected)
        self.buttons.revertRequested.connect(self._revert_selected)
        self.buttons.newQuestionsRequested.connect(self._new_set_for_selected)
        self.buttons.editQuestionsRequested.connect(self._edit_chosen_set)
        questions = getattr(details, "questions", None)
        if questions is not None:
            questions.currentIndexChanged.connect(lambda _index: self._update_buttons())

    def _selected_id(self) -> str | None:
        selected = self._app.library_page.selected
        return selected.id if selected is not None else None

    def _chosen_set_id(self) -> str | None:
        details = getattr(self._app.library_page, "details", None)
        combo = getattr(details, "questions", None)
        return (combo.currentData() or None) if combo is not None else None

    def _update_buttons(self) -> None:
        selected = self._selected_id()
        entry = (
            self._app.library.library.entry(DocumentKind.STRUCTURE, selected) if selected else None
        )
        self.buttons.set_state(
            has_structure=entry is not None,
            can_revert=entry is not None and entry.overrides_builtin,
            has_questions=self._chosen_set_id() is not None,
        )

    def _edit_selected(self) -> None:
        if (selected := self._selected_id()) is not None:
            self.edit(DocumentKind.STRUCTURE, selected)

    def _duplicate_selected(self) -> None:
        if (selected := self._selected_id()) is not None:
            self.duplicate(DocumentKind.STRUCTURE, selected)

    def _revert_selected(self) -> None:
        if (selected := self._selected_id()) is not None:
            self.revert(DocumentKind.STRUCTURE, selected)

    def _new_set_for_selected(self) -> None:
        self.new_question_set(self._selected_id())

    def _edit_chosen_set(self) -> None:
        if (set_id := self._chosen_set_id()) is not None:
            self.edit(DocumentKind.QUESTION_SET, set_id)

    # --- choosing items ------------------------------------------------------------------

    def item_choices(
        self, type_names: Sequence[str], *, overriding_only: bool = False
    ) -> list[ItemChoice]:
        """The library's items of some types, as the chooser lists them."""
        library = self._app.library.library
        language = self._app.language()
        choices = []
        for type_name in type_names:
            kind = type_label(type_name).capitalize()
            for item in library.items(type_name):
                entry = library.entry(type_name, item.id)
                if entry is None or (overriding_only and not entry.overrides_builtin):
                    continue
                mark = ""
                if entry.overrides_builtin:
                    mark = self.tr("  (your version of a built-in)")
                elif entry.origin is Origin.USER:
                    mark = self.tr("  (your own)")
                label = f"{kind}: {item_title(item, language)} ({item.id}){mark}"
                choices.append(ItemChoice(type_name, item.id, label))
        return choices

    def _current_choice(self, choices: Sequence[ItemChoice]) -> ItemChoice | None:
        selected = self._selected_id()
        for choice in choices:
            if choice.type_name == DocumentKind.STRUCTURE and choice.item_id == selected:
                return choice
        return None

    def _choose(
        self, title: str, type_names: Sequence[str], *, overriding_only: bool = False
    ) -> ItemChoice | None:
        choices = self.item_choices(type_names, overriding_only=overriding_only)
        return self.prompts.choose_item(
            self._app.console, title, choices, self._current_choice(choices)
        )

    def ask_new_question_set(self) -> None:
        """File > New question set…: for which structure?"""
        chosen = self._choose(
            self.tr("New question set for which structure?"), [DocumentKind.STRUCTURE]
        )
        if chosen is not None:
            self.new_question_set(chosen.item_id)

    def ask_duplicate(self) -> None:
        """File > Duplicate…"""
        chosen = self._choose(self.tr("Duplicate"), EDITABLE_TYPES)
        if chosen is not None:
            self.duplicate(chosen.type_name, chosen.item_id)

    def ask_edit(self) -> None:
        """File > Edit…"""
        chosen = self._choose(self.tr("Edit"), EDITABLE_TYPES)
        if chosen is not None:
            self.edit(chosen.type_name, chosen.item_id)

    def ask_revert(self) -> None:
        """File > Revert to built-in…"""
        choices = self.item_choices(EDITABLE_TYPES, overriding_only=True)
        if not choices:
            self.prompts.show_info(
                self._app.console,
                self.tr("Revert to built-in"),
                self.tr("None of your own items replaces a built-in one."),
            )
            return
        chosen = self.prompts.choose_item(
            self._app.console, self.tr("Revert to built-in"), choices, self._current_choice(choices)
        )
        if chosen is not None:
            self.revert(chosen.type_name, chosen.item_id)

    def ask_import(self) -> None:
        """File > Import…"""
        paths = self.prompts.open_files(self._app.console, self.ui_state.value.import_folder)
        if paths:
            self.sharing.import_files(paths)

    def ask_export(self) -> None:
        """File > Export…"""
        chosen = self._choose(self.tr("Export"), list(DOCUMENT_TYPES))
        if chosen is None:
            return
        suggested = self.sharing.suggested_export_path(chosen.type_name, chosen.item_id)
        destination = self.prompts.save_file(self._app.console, suggested)
        if destination is not None:
            self.sharing.export(chosen.type_name, chosen.item_id, destination)

    # --- doing it ---------------------------------------------------------------------------

    def new_question_set(
        self, structure_id: str | None, language: str | None = None
    ) -> EditorWindow:
        """Open an editor on a new question set for a structure."""
        return self.editors.open_new_question_set(structure_id, language or self._app.language())

    def duplicate(self, type_name: str, item_id: str) -> EditorWindow | None:
        """Open an editor on a copy of an item under a new id."""
        return self.editors.open_copy(type_name, item_id)

    def edit(self, type_name: str, item_id: str) -> EditorWindow | None:
        """Open an editor on an item."""
        return self.editors.open_item(type_name, item_id)

    def revert(self, type_name: str, item_id: str) -> bool:
        """Remove your version of a built-in after asking; the built-in is used again."""
        console: QWidget = self._app.console
        library = self._app.library.library
        entry = library.entry(type_name, item_id)
        if entry is None or not entry.overrides_builtin:
            self.prompts.show_info(
                console,
                self.tr("Revert to built-in"),
                self.tr("This is not your version of a built-in item."),
            )
            return False
        title = item_title(entry.item, self._app.language())
        if self.editors.find(type_name, item_id) is not None:
            self.prompts.show_error(
                console,
                self.tr("Revert to built-in"),
                self.tr("Close the editor of \u201c{title}\u201d first.").format(title=title),
            )
            return False
        if not self.prompts.confirm(
            console,
            self.tr("Revert to built-in?"),
            self.tr(
                "Your version of \u201c{title}\u201d is removed and the built-in one is used "
                "again. A copy of your version is kept as a backup file."
            ).format(title=title),
            self.tr("Revert"),
        ):
            return False
        try:
            backup = revert_to_builtin(library, type_name, item_id)
        except RevertError as error:
            self.prompts.show_error(console, self.tr("Revert to built-in"), str(error))
            return False
        self._app.library.reload()
        self._app.notices.post(
            self.tr(
                "\u201c{title}\u201d is the built-in version again. Your version was kept "
                "as {path}."
            ).format(title=title, path=str(backup)),
            key="revert",
        )
        return True

    def import_files(self, paths: Sequence[Path]) -> None:
        """Import files into the user library."""
        self.sharing.import_files(paths)

    def export(self, type_name: str, item_id: str, destination: Path) -> bool:
        """Export an item to a file."""
        return self.sharing.export(type_name, item_id, destination)

    def show_preferences(self) -> PreferencesDialog:
        """Open the preferences (one dialog, kept while open)."""
        if self.preferences_dialog is None:
            from facilitator.ui.preferences_dialog import PreferencesDialog  # made when opened

            self.preferences_dialog = PreferencesDialog(
                self._app.preferences,
                self._app.placement.available,
                sound_panel=SoundPanel(
                    self._app.preferences,
                    self._app.bells,
                    import_sound=partial(import_sound, data_dir=self._data_dir),
                ),
                parent=self._app.console,
            )
            self.preferences_dialog.finished.connect(self._forget_preferences)
        self.preferences_dialog.show()
        self.preferences_dialog.raise_()
        return self.preferences_dialog

    def _forget_preferences(self, _result: int = 0) -> None:
        if self.preferences_dialog is not None:
            self.preferences_dialog.deleteLater()
            self.preferences_dialog = None

    def may_quit(self) -> bool:
        """Close every editor before quitting, each asking about its unsaved changes."""
        return all(window.close() for window in self.editors.windows())

    def _before_quit(self) -> None:
        self.editors.flush_drafts()
        self.ui_keeper.save_geometry()
