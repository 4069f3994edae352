"""A tab whose page is built the first time it is opened (or asked for), not at start."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QTabWidget, QWidget

if TYPE_CHECKING:
    from collections.abc import Callable


class TabBuiltWhenOpened(QObject):
    """Holds a tab's place with an empty widget until the page is needed, then puts it there.

    A tab the facilitator may never open (the Plans tab) costs nothing at start: its modules
    are imported and its widgets made when the tab is first opened, or when code first asks
    for the page (`content()`).
    """

    def __init__(
        self, tabs: QTabWidget, title: str, build: Callable[[], QWidget], parent: QObject | None
    ) -> None:
        super().__init__(parent)
        self._tabs = tabs
        self._title = title
        self._build = build
        self._content: QWidget | None = None
        self._place = QWidget()
        tabs.addTab(self._place, title)
        tabs.currentChanged.connect(self._on_tab_changed)

    @property
    def is_built(self) -> bool:
        """Whether the page has been made."""
        return self._content is not None

    def content(self) -> QWidget:
        """The page, made and put in its tab now if it has not been yet."""
        if self._content is None:
            self._content = self._build()
            index = self._tabs.indexOf(self._place)
            was_current = self._tabs.currentIndex() == index
            self._tabs.currentChanged.disconnect(self._on_tab_changed)
            self._tabs.insertTab(index, self._content, self._title)
            self._tabs.removeTab(index + 1)
            if was_current:
                self._tabs.setCurrentIndex(index)
            self._place.deleteLater()
        return self._content

    def _on_tab_changed(self, index: int) -> None:
        if self._tabs.widget(index) is self._place:
            self.content()
