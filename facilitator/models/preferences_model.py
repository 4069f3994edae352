"""The preferences as a Qt model: one place that holds, changes and saves them."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from facilitator.core.files.jsonio import SaveError
from facilitator.core.settings.preferences import (
    Preferences,
    load_preferences,
    preferences_snapshot,
    preferences_to_document,
    save_preferences_merged,
)

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
        self._on_disk = (
            (preferences_snapshot(folder) or preferences_to_document(preferences))
            if persist
            else None
        )
        """The file as this window last read or wrote it: another window's changes since
        are kept when this one saves (merged, key by key)."""

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
                merged, self._on_disk = save_preferences_merged(
                    preferences, self._folder, self._on_disk
                )
            except SaveError as error:
                self.saveFailed.emit(str(error))
            else:
                self._preferences = merged  # with what another window changed meanwhile
                self.saved.emit()
        self.changed.emit()

    def update(self, **changes: Any) -> None:
        """Change some preferences."""
        self.replace(dataclasses.replace(self._preferences, **changes))

    def update_sound(self, **changes: Any) -> None:
        """Change some sound preferences."""
        self.replace(self._preferences.with_sound(**changes))
