"""The UI state as a Qt model: remembered window geometry and last choices, saved on change."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QObject, Signal

from facilitator.core.files.jsonio import SaveError
from facilitator.core.settings.ui_state import (
    UiState,
    load_ui_state,
    save_ui_state_merged,
    ui_state_snapshot,
    ui_state_to_document,
)

if TYPE_CHECKING:
    from pathlib import Path


class UiStateModel(QObject):
    """Holds what the app remembers between starts; a failed save is only reported."""

    saveFailed = Signal(str)

    def __init__(
        self, folder: Path | None = None, *, persist: bool = True, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._folder = folder
        self._persist = persist
        state, problems = load_ui_state(folder) if persist else (UiState(), [])
        self._state = state
        self._on_disk = (
            (ui_state_snapshot(folder) or ui_state_to_document(state)) if persist else None
        )
        """The file as this window last read or wrote it (another window's changes are kept)."""
        self.load_problems = [str(p) for p in problems]

    @property
    def value(self) -> UiState:
        """The remembered state."""
        return self._state

    def replace(self, state: UiState) -> None:
        """Remember a new state and save it."""
        if state == self._state:
            return
        self._state = state
        if self._persist:
            try:
                self._state, self._on_disk = save_ui_state_merged(
                    state, self._folder, self._on_disk
                )
            except SaveError as error:
                self.saveFailed.emit(str(error))

    def geometry(self, window: str) -> QByteArray | None:
        """A window's saved geometry, for `restoreGeometry`."""
        encoded = self._state.geometry.get(window)
        if not encoded:
            return None
        return QByteArray.fromBase64(QByteArray(encoded.encode("ascii", "ignore")))

    def remember_geometry(self, window: str, geometry: QByteArray) -> None:
        """Remember a window's `saveGeometry()`."""
        encoded = bytes(geometry.toBase64().data()).decode("ascii")
        self.replace(self._state.with_geometry(window, encoded))

    def remember_question_set(self, structure_id: str, set_id: str) -> None:
        """Remember the set chosen for a structure."""
        if set_id:
            self.replace(self._state.with_question_set(structure_id, set_id))

    def remember_fit(self, structure_id: str, minutes: float | None) -> None:
        """Remember (or forget) the length a structure was fitted to."""
        self.replace(self._state.with_fit(structure_id, minutes))

    def remember_export_folder(self, folder: Path) -> None:
        """Remember where the last export went."""
        self.replace(dataclasses.replace(self._state, export_folder=str(folder)))

    def remember_import_folder(self, folder: Path) -> None:
        """Remember where the last import came from."""
        self.replace(dataclasses.replace(self._state, import_folder=str(folder)))
