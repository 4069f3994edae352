"""Remembers the console's geometry and the last choices made in the library."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from facilitator.models.library_model import LibraryModel
    from facilitator.models.ui_state_model import UiStateModel
    from facilitator.ui.library_page import LibraryPage

CONSOLE = "console"


class UiStateKeeper(QObject):
    """Restores the console's size and place; remembers question sets and fitted lengths."""

    def __init__(
        self,
        ui_state: UiStateModel,
        console: QWidget,
        library_page: LibraryPage,
        parent: QObject | None = None,
        *,
        library: LibraryModel | None = None,
    ) -> None:
        super().__init__(parent)
        self._library = library
        self._state = ui_state
        self._console = console
        self._page = library_page
        geometry = ui_state.geometry(CONSOLE)
        if geometry is not None:
            console.restoreGeometry(geometry)
        library_page.startRequested.connect(self._remember_start)
        library_page.selectionChanged.connect(self._apply_remembered)
        self._apply_remembered(library_page.selected.id if library_page.selected else "")

    def save_geometry(self) -> None:
        """Remember where the console is now."""
        self._state.remember_geometry(CONSOLE, self._console.saveGeometry())

    def follow_language(self, language: str) -> None:
        """The interface now speaks `language`: each remembered question set becomes the same
        questions in it, where they exist (a set chosen on purpose stays until then)."""
        if self._library is None:
            return
        library = self._library.library
        for structure_id, set_id in self._state.value.question_sets.items():
            structure = library.find_structure(structure_id)
            twin = library.counterpart(set_id, structure, language) if structure else None
            if twin is not None and twin.id != set_id:
                self._state.remember_question_set(structure_id, twin.id)

    def _remember_start(
        self, structure_id: str, set_id: str, fit: float, _group_size: int = 0
    ) -> None:
        self._state.remember_question_set(structure_id, set_id)
        self._state.remember_fit(structure_id, fit or None)

    def _apply_remembered(self, structure_id: str) -> None:
        details = getattr(self._page, "details", None)
        if not structure_id or details is None:
            return
        set_id = self._state.value.question_sets.get(structure_id)
        combo = getattr(details, "questions", None)
        if set_id and combo is not None:
            index = combo.findData(set_id)
            if index >= 0:
                combo.setCurrentIndex(index)
        minutes = self._state.value.fit_minutes.get(structure_id)
        spin = getattr(details, "fit_minutes", None)
        if minutes and spin is not None:
            spin.setValue(round(minutes))
