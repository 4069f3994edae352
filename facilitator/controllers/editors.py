"""Opens editor windows and sees them closed safely: save, discard or keep editing.

The editor's modules (the draft model, its preview, the window and its forms) are imported
when the first editor opens, not at start: most sessions never open one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from facilitator.ui.prompts import Choice, Prompts

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QWidget

    from facilitator.core.documents.draft_store import Draft, DraftStore
    from facilitator.models.editing.autosave import DraftKeeper
    from facilitator.models.editing.draft_model import DraftModel
    from facilitator.models.editing.preview_model import PreviewModel
    from facilitator.models.library_model import LibraryModel
    from facilitator.models.preferences_model import PreferencesModel
    from facilitator.ui.editor.editor_window import EditorWindow


@dataclass
class EditorSession:
    """One open editor: its draft, the draft's keeper, the preview and the window."""

    model: DraftModel
    keeper: DraftKeeper
    preview: PreviewModel
    window: EditorWindow


class EditorController(QObject):
    """Every open editor; opening, restoring and closing them."""

    editorOpened = Signal(object)
    """An EditorWindow was opened."""

    def __init__(
        self,
        library: LibraryModel,
        preferences: PreferencesModel,
        store: DraftStore,
        *,
        language: Callable[[], str],
        prompts: Callable[[], Prompts],
        window: QWidget,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._library = library
        self._preferences = preferences
        self._store = store
        self._language = language
        self._prompts = prompts
        self._window = window
        self.sessions: list[EditorSession] = []

    # --- opening -----------------------------------------------------------------------

    def find(self, type_name: str, item_id: str) -> EditorSession | None:
        """The open editor of an item, if any."""
        for session in self.sessions:
            model = session.model
            if model.document_type == type_name and model.original_id == item_id:
                return session
        return None

    def open_item(self, type_name: str, item_id: str) -> EditorWindow | None:
        """Edit an item (a built-in is saved as your own copy under its id)."""
        existing = self.find(type_name, item_id)
        if existing is not None:
            self._raise(existing.window)
            return existing.window
        entry = self._library.library.entry(type_name, item_id)
        if entry is None:
            return None
        return self._open(_draft_model().for_item(entry.item, self._library))

    def open_copy(self, type_name: str, item_id: str) -> EditorWindow | None:
        """Edit a new copy of an item under a free id."""
        entry = self._library.library.entry(type_name, item_id)
        if entry is None:
            return None
        return self._open(_draft_model().for_copy(entry.item, self._library))

    def open_new_question_set(self, structure_id: str | None, language: str) -> EditorWindow:
        """Write a new question set for a structure."""
        return self._open(
            _draft_model().for_new_question_set(self._library, structure_id, language)
        )

    def restore(self, draft: Draft) -> EditorWindow:
        """Open a draft found on disk, with its unsaved changes."""
        for session in self.sessions:
            if session.model.key == draft.key:
                self._raise(session.window)
                return session.window
        return self._open(_draft_model().from_saved_draft(draft, self._library))

    def _open(self, model: DraftModel) -> EditorWindow:
        from facilitator.models.editing.autosave import DraftKeeper
        from facilitator.models.editing.preview_model import PreviewModel
        from facilitator.ui.editor.editor_window import EditorWindow

        model.setParent(self)
        keeper = DraftKeeper(model, self._store, parent=model)
        preview = PreviewModel(model, self._language(), parent=model)
        window = EditorWindow(model, preview, keeper, self._preferences, self._window)
        session = EditorSession(model, keeper, preview, window)
        self._watch(session)
        self.sessions.append(session)
        window.show()
        self.editorOpened.emit(window)
        return window

    def _watch(self, session: EditorSession) -> None:
        window = session.window
        window.close_guard = lambda: self.may_close(session)
        window.closed.connect(lambda: self._forget(session))
        session.model.resolve_conflict = lambda name: self._prompts().changed_on_disk(window, name)
        session.model.theirsKept.connect(lambda: self._close_unasked(session))

    def hand_over(self, receiver: EditorController) -> None:
        """Give every open editor, as it stands, to `receiver` (the console is built again)."""
        for session in list(self.sessions):
            self.sessions.remove(session)
            session.window.closed.disconnect()
            session.model.theirsKept.disconnect()
            receiver.adopt(session)

    def adopt(self, session: EditorSession) -> None:
        """Take an open editor over: unsaved changes and undo included, on this console."""
        window = session.window
        geometry = window.saveGeometry()
        visible = window.isVisible()
        window.setParent(self._window, window.windowFlags())
        window.restoreGeometry(geometry)
        session.model.setParent(self)
        self._watch(session)
        self.sessions.append(session)
        if visible:
            window.show()

    def _raise(self, window: EditorWindow) -> None:
        window.show()
        window.raise_()
        window.activateWindow()

    # --- closing -----------------------------------------------------------------------

    def may_close(self, session: EditorSession) -> bool:
        """Ask before closing an editor with unsaved changes; True when it may close."""
        model = session.model
        if not model.is_dirty:
            session.keeper.discard()
            return True
        choice = self._prompts().unsaved_changes(session.window, model.display_title())
        if choice is Choice.SAVE:
            if not model.can_save:
                self._prompts().show_error(
                    session.window,
                    self.tr("Cannot save yet"),
                    self.tr("Fix the problems shown in red first, or discard the changes."),
                )
                return False
            return model.save()
        if choice is Choice.DISCARD:
            session.keeper.discard()
            return True
        return False

    def _close_unasked(self, session: EditorSession) -> None:
        """Close an editor whose changes the facilitator dropped (another window's were kept)."""
        session.keeper.discard()
        session.window.close_guard = None
        session.window.close()

    def _forget(self, session: EditorSession) -> None:
        if session in self.sessions:
            self.sessions.remove(session)
        session.window.deleteLater()
        session.model.deleteLater()

    def flush_drafts(self) -> None:
        """Write every waiting draft now (before the app quits)."""
        for session in self.sessions:
            session.keeper.flush()

    def windows(self) -> list[EditorWindow]:
        """The open editor windows, oldest first."""
        return [session.window for session in self.sessions]


def _draft_model() -> type[DraftModel]:
    """The draft model's class, imported on first use (see the module's docstring)."""
    from facilitator.models.editing.draft_model import DraftModel

    return DraftModel
