"""Screens behind a small interface: the real list from Qt, or a fake one for tests."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QGuiApplication, QScreen

from facilitator.core.settings.screens import ScreenInfo

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


class ScreenProvider(QObject):
    """Lists the connected screens and says when one comes or goes."""

    screenAdded = Signal(str)
    screenRemoved = Signal(str)

    def screens(self) -> list[ScreenInfo]:
        """The connected screens, in the system's order."""
        raise NotImplementedError

    def screen_of(self, widget: QWidget) -> str | None:
        """The name of the screen `widget` is on."""
        raise NotImplementedError

    def qscreen(self, name: str) -> QScreen | None:
        """Qt's screen object for `name`, where there is one."""
        raise NotImplementedError


def _info(screen: QScreen) -> ScreenInfo:
    geometry, work = screen.geometry(), screen.availableGeometry()
    return ScreenInfo(
        screen.name(),
        geometry.x(),
        geometry.y(),
        geometry.width(),
        geometry.height(),
        (work.x(), work.y(), work.width(), work.height()),
    )


class QtScreenProvider(ScreenProvider):
    """The screens Qt sees (on X11: the RandR monitors)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        application = QGuiApplication.instance()
        assert isinstance(application, QGuiApplication)
        application.screenAdded.connect(lambda screen: self.screenAdded.emit(screen.name()))
        application.screenRemoved.connect(lambda screen: self.screenRemoved.emit(screen.name()))

    def screens(self) -> list[ScreenInfo]:
        return [_info(screen) for screen in QGuiApplication.screens()]

    def screen_of(self, widget: QWidget) -> str | None:
        screen = widget.screen()
        return screen.name() if screen is not None else None

    def qscreen(self, name: str) -> QScreen | None:
        for screen in QGuiApplication.screens():
            if screen.name() == name:
                return screen
        return None


class FakeScreenProvider(ScreenProvider):
    """A screen list a test sets by hand: plug a projector in, pull it out."""

    def __init__(
        self,
        screens: list[ScreenInfo],
        console_screen: str | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._screens = list(screens)
        self._console = console_screen or (screens[0].name if screens else None)

    def screens(self) -> list[ScreenInfo]:
        return list(self._screens)

    def screen_of(self, widget: QWidget) -> str | None:
        return self._console

    def qscreen(self, name: str) -> QScreen | None:
        return None

    def plug(self, screen: ScreenInfo) -> None:
        """Connect a screen."""
        self._screens.append(screen)
        self.screenAdded.emit(screen.name)

    def unplug(self, name: str) -> None:
        """Disconnect a screen."""
        self._screens = [s for s in self._screens if s.name != name]
        self.screenRemoved.emit(name)
