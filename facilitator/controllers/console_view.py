"""What the console showed, kept across building it again in another language.

The console holds no state of its own that the models do not hold, so a change
of language simply builds it again. `ConsoleView` remembers what the facilitator
was looking at (place and size, page, tab, search and filters, the chosen
structure, questions and fit, the side panels, an open preferences dialog) and
puts it back on the new console.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QByteArray, QRect, Qt
    from PySide6.QtWidgets import QWidget

    from facilitator.ui.console_window import ConsoleWindow
    from facilitator.ui.library_page import LibraryPage


@dataclass(frozen=True)
class LibraryView:
    """What the library page showed: the search, the filters, the structure and its run."""

    search: str
    length_filter: int
    shape_filter: int
    language_filter: int
    structure_id: str | None
    questions_id: object
    fit_minutes: int
    fit: bool

    @classmethod
    def of(cls, page: LibraryPage) -> LibraryView:
        """The view of `page` now."""
        details = page.details
        return cls(
            page.search.text(),
            page.length_filter.currentIndex(),
            page.shape_filter.currentIndex(),
            page.language_filter.currentIndex(),
            page.selected.id if page.selected is not None else None,
            details.questions.currentData(),
            details.fit_minutes.value(),
            details.fit.isChecked(),
        )

    def restore(self, page: LibraryPage) -> None:
        """Show the same on `page`."""
        page.search.setText(self.search)
        page.length_filter.setCurrentIndex(self.length_filter)
        page.shape_filter.setCurrentIndex(self.shape_filter)
        page.language_filter.setCurrentIndex(self.language_filter)
        if self.structure_id is not None and self.structure_id in page.visible_ids():
            page.select(self.structure_id)
        details = page.details
        details.choose_questions(self.questions_id)  # its counterpart in a new language
        details.fit_minutes.setValue(self.fit_minutes)
        details.fit.setChecked(self.fit)


@dataclass(frozen=True)
class ConsoleView:
    """Where the console was and what it showed."""

    visible: bool
    active: bool
    state: Qt.WindowState
    geometry: QRect
    on_run_page: bool
    browse_tab: int
    panels_hidden: tuple[bool, ...]
    """Each side panel (sound, groups), whether it was closed."""
    library: LibraryView
    dialog_geometry: QByteArray | None

    @classmethod
    def of(cls, console: ConsoleWindow, preferences: QWidget | None) -> ConsoleView:
        """The view of `console` now (with its side panels and preferences dialog)."""
        state = console.windowState()
        return cls(
            console.isVisible(),
            console.isActiveWindow(),
            state,
            console.normalGeometry() if state else console.geometry(),
            console.pages.currentWidget() is console.run_page,
            console.browse_tabs.currentIndex(),
            panels_hidden=tuple(dock.isHidden() for dock in console.side_panels),
            library=LibraryView.of(console.library_page),
            dialog_geometry=(
                preferences.saveGeometry()
                if preferences is not None and preferences.isVisible()
                else None
            ),
        )

    def restore(self, console: ConsoleWindow) -> None:
        """Put `console` where the old one was, showing what it showed."""
        self.library.restore(console.library_page)
        console.setGeometry(self.geometry)
        console.setWindowState(self.state)
        console.browse_tabs.setCurrentIndex(self.browse_tab)
        if self.on_run_page:
            console.show_run()
        for dock, hidden in zip(console.side_panels, self.panels_hidden, strict=False):
            dock.setHidden(hidden)

    def show(self, console: ConsoleWindow) -> None:
        """Show `console` if the old one was shown (and active)."""
        if self.visible:
            console.show()
            if self.active:
                console.activateWindow()
