"""Choosing the projector's screen, from a plain list of screens (no Qt here)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from facilitator.core.settings.placement import Rect

if TYPE_CHECKING:
    from collections.abc import Sequence


@dataclass(frozen=True)
class ScreenInfo:
    """One screen as the operating system reports it."""

    name: str
    x: int
    y: int
    width: int
    height: int
    available: tuple[int, int, int, int] | None = None
    """The work area (x, y, width, height): the screen less its task bars; None for all of it."""

    @property
    def work_area(self) -> Rect:
        """Where windows may go on this screen."""
        return Rect(*self.available) if self.available else Rect(*self.geometry)

    @property
    def geometry(self) -> tuple[int, int, int, int]:
        """(x, y, width, height) of the whole screen."""
        return self.x, self.y, self.width, self.height

    @property
    def label(self) -> str:
        """A name for people, e.g. `HDMI-1 (1920x1080)`."""
        return f"{self.name} ({self.width}x{self.height})"


def choose_card_screen(
    screens: Sequence[ScreenInfo], console_screen: str | None, preferred: str = ""
) -> ScreenInfo | None:
    """The screen for the card, or None to show it as a window beside the console.

    The facilitator's choice wins while that screen is connected; otherwise the
    first screen that is not the console's; with a single screen, None.
    """
    if preferred:
        for screen in screens:
            if screen.name == preferred and (screen.name != console_screen or len(screens) == 1):
                return screen if screen.name != console_screen else None
    for screen in screens:
        if screen.name != console_screen:
            return screen
    return None
