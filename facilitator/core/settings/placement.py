"""Where a window opens: inside the screen it belongs on, never wider or taller than it.

Pure geometry, without Qt: a window's own rectangle and the frame the window manager
draws around it (the title bar) must lie inside the screen's work area (the screen
less its task bars). The console and every editor and dialog are placed with these.
"""

from __future__ import annotations

from dataclasses import dataclass

PREFERRED_CONSOLE = (1280, 800)
"""The console's size where the screen has room for it."""
SMALLEST_USABLE = (1024, 600)
"""A work area smaller than this cannot show the console whole: it scrolls, and says so."""


@dataclass(frozen=True)
class Rect:
    """A rectangle in screen pixels."""

    x: int
    y: int
    width: int
    height: int

    @property
    def right(self) -> int:
        """One past the right edge."""
        return self.x + self.width

    @property
    def bottom(self) -> int:
        """One past the bottom edge."""
        return self.y + self.height

    def contains(self, other: Rect) -> bool:
        """Whether `other` lies entirely inside this rectangle."""
        return (
            other.x >= self.x
            and other.y >= self.y
            and other.right <= self.right
            and other.bottom <= self.bottom
        )


@dataclass(frozen=True)
class Frame:
    """The window manager's frame around a window: its title bar and borders, in pixels."""

    left: int = 0
    top: int = 0
    right: int = 0
    bottom: int = 0

    def either_way(self) -> Frame:
        """This frame, with room for it to land a title bar lower and a border further right.

        Asked to put a window at a place, some window managers put the window there (the
        ICCCM's static gravity, which Qt asks for) and others its frame (openbox, when the
        window is first shown), which moves the window down by its title bar. A window placed
        with this frame fits either way.
        """
        return Frame(self.left, self.top, self.right + self.left, self.bottom + self.top)

    def around(self, window: Rect) -> Rect:
        """The rectangle of `window` with this frame around it."""
        return Rect(
            window.x - self.left,
            window.y - self.top,
            window.width + self.left + self.right,
            window.height + self.top + self.bottom,
        )


GUESSED_FRAME = Frame(8, 40, 8, 8)
"""A frame larger than most window managers draw, for a window whose frame is not known yet."""


def _clamp(value: int, low: int, high: int) -> int:
    return max(low, min(value, high))


def fit_window(wanted: Rect, area: Rect, frame: Frame) -> Rect:
    """`wanted` made small enough and moved far enough that, framed, it lies inside `area`.

    A window that fits is left where it is; one that sticks out is moved in; one larger
    than the area is shrunk to it. The result is the window's own rectangle (inside its
    frame), as Qt's `setGeometry` takes it.
    """
    largest_width = max(1, area.width - frame.left - frame.right)
    largest_height = max(1, area.height - frame.top - frame.bottom)
    width, height = min(wanted.width, largest_width), min(wanted.height, largest_height)
    x = _clamp(wanted.x, area.x + frame.left, area.right - frame.right - width)
    y = _clamp(wanted.y, area.y + frame.top, area.bottom - frame.bottom - height)
    return Rect(x, y, width, height)


def centred(width: int, height: int, area: Rect, frame: Frame = Frame()) -> Rect:
    """A window of `width` by `height` (or as much as fits) in the middle of `area`, framed."""
    x = area.x + (area.width - width - frame.left - frame.right) // 2 + frame.left
    y = area.y + (area.height - height - frame.top - frame.bottom) // 2 + frame.top
    return fit_window(Rect(x, y, width, height), area, frame)


def console_geometry(area: Rect, frame: Frame) -> Rect:
    """Where the console opens on a screen whose work area is `area`: its preferred size,
    centred, or the whole work area when the screen is smaller than that."""
    return centred(*PREFERRED_CONSOLE, area, frame)


def too_small(area: Rect) -> bool:
    """Whether a work area is too small to show the console whole (it then scrolls)."""
    return area.width < SMALLEST_USABLE[0] or area.height < SMALLEST_USABLE[1]
