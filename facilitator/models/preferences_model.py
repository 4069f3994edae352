"""The preferences as a Qt model: one place that holds, changes and saves them."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from facilitator.core.files.jsonio import SaveError
from facilitator.core.settings.preferences import Preferences, load_preferences, save_preferences

if TYPE_CHECKING:
    from pathlib import Path


class PreferencesModel(QObject):
    """Holds the preferences; every change is saved at once and announced."""

    changed = Signal()
    saveFailed = Signal(str)
    """A plain message: the preferences could not be saved (they still apply)."""
    saved = Signal()
    """The preferences were written to disk."""

    def __init__(
        self,
        preferences: Preferences | None = None,
        *,
        folder: Path | None = None,
        persist: bool = True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._folder = folder
        self._persist = persist
        self.load_problems: list[str] = []
        if preferences is None:
            preferences, problems = load_preferences(folder) if persist else (Preferences(), [])
            self.load_problems = [str(p) for p in problems]
        self._preferences = preferences

    @property
    def value(self) -> Preferences:
        """The current preferences."""
        return self._preferences

    def replace(self, preferences: Preferences) -> None:
        """Apply new preferences, save them, and tell everyone."""
        if preferences == self._preferences:
            return
        self._preferences = preferences
        if self._persist:
            try:
                save_preferences(preferences, self._folder)
            except SaveError as error:
                self.saveFailed.emit(str(error))
            else:
                self.saved.emit()
        self.changed.emit()

    def update(self, **changes: Any) -> None:
        """Change some preferences."""
        self.replace(dataclasses.replace(self._preferences, **changes))

    def update_sound(self, **changes: Any) -> None:
        """Change some sound preferences."""
        self.replace(self._preferences.with_sound(**changes))
