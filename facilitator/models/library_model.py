"""The library as a Qt model: loaded once, reloaded after imports and edits."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from facilitator.core.documents.library import Library, load_library


class LibraryModel(QObject):
    """Holds the loaded library and announces when it was reloaded."""

    changed = Signal()

    def __init__(self, library: Library | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._library = library or load_library()

    @property
    def library(self) -> Library:
        """The library as last loaded."""
        return self._library

    def reload(self) -> None:
        """Read the library from disk again."""
        self._library = load_library(self._library.builtin_dir, self._library.user_dir)
        self.changed.emit()
