"""The structure chosen in the library, its group size and the length to fit it to, with how
its run would go."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from facilitator.core.shown.browsing import RunPreview, preview_run

if TYPE_CHECKING:
    from facilitator.core.workshop.structures import Structure


class StructureChoiceModel(QObject):
    """Holds the chosen structure and fit, and works out the run they would make."""

    changed = Signal()
    """The structure, the fit or the preview changed."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._structure: Structure | None = None
        self._language = "en"
        self._fit_minutes: float | None = None
        self._group_size: int | None = None
        self._preview: RunPreview | None = None

    @property
    def structure(self) -> Structure | None:
        """The chosen structure, if any."""
        return self._structure

    @property
    def fit_minutes(self) -> float | None:
        """The length to fit the structure to, or None to run it as written."""
        return self._fit_minutes

    @property
    def group_size(self) -> int | None:
        """The size of the groups the structure's rounds or turns follow; None: no such steps."""
        return self._group_size

    @property
    def preview(self) -> RunPreview | None:
        """How a run of the choice would go, or None without a structure."""
        return self._preview

    def choose(self, structure: Structure | None, language: str) -> None:
        """Choose `structure` (shown in `language`), as written: any fit is let go."""
        self._structure = structure
        self._language = language
        self._fit_minutes = None
        self._group_size = structure.group_size if structure is not None else None
        self._update()

    def set_group_size(self, size: int) -> None:
        """Run the structure for groups of `size` (ignored when no step follows the group)."""
        allowed = self._structure.group_size_range if self._structure is not None else None
        if allowed is None or not allowed[0] <= size <= allowed[1]:
            return
        self._group_size = size
        self._update()

    def set_fit(self, minutes: float | None) -> None:
        """Fit the structure to `minutes`, or run it as written (None)."""
        self._fit_minutes = minutes
        self._update()

    def _update(self) -> None:
        structure = self._structure
        self._preview = (
            preview_run(structure, self._language, self._fit_minutes, self._group_size)
            if structure is not None
            else None
        )
        self.changed.emit()
