"""Keeps the card on the right screen as projectors are plugged in and pulled out."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRect, Signal

from facilitator.core.settings.screens import ScreenInfo, choose_card_screen

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QWidget

    from facilitator.models.notices import NoticeBoard
    from facilitator.models.preferences_model import PreferencesModel
    from facilitator.platform.screens import ScreenProvider
    from facilitator.ui.card_window import CardWindow


class CardPlacement(QObject):
    """Decides the card's screen; moves it when its screen goes; offers a new one."""

    placed = Signal(str)
    """The card was placed: the screen's name, or "" for a window beside the console."""

    def __init__(
        self,
        screens: ScreenProvider,
        card: CardWindow,
        console: Callable[[], QWidget],
        preferences: PreferencesModel,
        notices: NoticeBoard,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._screens = screens
        self._card = card
        self._console = console
        self._preferences = preferences
        self._notices = notices
        self._forced: str | None = None
        self._windowed = False
        screens.screenRemoved.connect(self._on_removed)
        screens.screenAdded.connect(self._on_added)

    @property
    def current(self) -> str | None:
        """The name of the card's screen, or None when it is a window beside the console."""
        return self._card.screen_name

    def console_screen(self) -> str | None:
        """The screen the console is on."""
        return self._screens.screen_of(self._console())

    def available(self) -> list[ScreenInfo]:
        """The connected screens."""
        return self._screens.screens()

    def show_card(self, *, screen_name: str | None = None, windowed: bool = False) -> None:
        """Show the card: on `screen_name`, or where the preferences and screens say."""
        if screen_name is not None:
            self._forced = screen_name
        self._windowed = windowed
        target = self._target()
        self._place(target)

    def present(self) -> None:
        """F5: the card full screen on its projector again (a window again with one screen).

        Whatever happened to it (a window, minimised, closed, full screen elsewhere), the room
        sees the card again, as a slide program's F5 shows the slides.
        """
        target = self._target()
        card = self._card
        shown = card.isVisible() and not card.isMinimized()
        if target is None:  # one screen: the card stays a window beside the console
            if not shown:
                self._place(None)
            return
        if shown and card.isFullScreen() and card.screen_name == target.name:
            return
        self._windowed = False
        self._place(target)

    def _target(self) -> ScreenInfo | None:
        screens = self._screens.screens()
        preferred = self._forced or self._preferences.value.projector_screen
        return choose_card_screen(screens, self.console_screen(), preferred)

    def _place(self, target: ScreenInfo | None) -> None:
        if target is None:
            console = next(
                (s for s in self._screens.screens() if s.name == self.console_screen()), None
            )
            geometry = (
                QRect(console.x, console.y, console.width, console.height) if console else None
            )
            self._card.place(None, geometry, full_screen=False, screen_name=None)
            self.placed.emit("")
            return
        geometry = QRect(target.x, target.y, target.width, target.height)
        self._card.place(
            self._screens.qscreen(target.name),
            geometry,
            full_screen=not self._windowed,
            screen_name=target.name,
        )
        self.placed.emit(target.name)

    def _on_removed(self, name: str) -> None:
        if name != self._card.screen_name:
            return
        target = self._target()
        self._place(target)
        where = target.name if target else self.tr("a window on the laptop screen")
        self._notices.post(
            self.tr(
                "The screen {name} was disconnected. The card is now on {where}; the run goes on."
            ).format(name=name, where=where),
            key="screens",
        )

    def _on_added(self, name: str) -> None:
        if name == self._card.screen_name or name == self.console_screen():
            return
        self._notices.post(
            self.tr("A screen was connected: {name}.").format(name=name),
            key="screens",
            action_label=self.tr("Show the card there"),
            action=lambda: self.show_card(screen_name=name, windowed=False),
        )
