"""Every window opens inside the screen it belongs on, never wider or taller than it.

An editor asks for 1400x860 and a laptop at 150% scaling has 1280x720: without care it
would open with its status line below the edge, or half on the projector. `WindowsStayOnScreen`
is an application-wide filter that places each window as it is shown: inside the work area
of its home screen (the console's, for the console's dialogs and editors), shrunk to it if it
is larger (core/settings/placement.py does the arithmetic). The card places itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication, QWindow
from PySide6.QtWidgets import QApplication, QFrame, QScrollArea, QVBoxLayout, QWidget

from facilitator.core.settings.placement import GUESSED_FRAME, Frame, Rect, centred, fit_window

if TYPE_CHECKING:
    from collections.abc import Callable

PLACES_ITSELF = "placesItself"
"""A window with this property is not placed when shown: it places itself (the console)."""
ON_PROJECTOR = "onProjector"
"""A window with this property is never kept on the laptop's screen: the card."""
WINDOW_SCROLLER = "windowScroller"
"""The object name of the scroll area around a window's content (tests find them by it)."""
WANTED = "wantedGeometry"
"""Where a window wanted to be, kept while its frame was only guessed."""
PLACED = "placedGeometry"
"""Where it was put then: if it is somewhere else when its frame is drawn, the app moved it."""
FRAME_CHECKED = "frameChecked"
"""False from a window's showing until its frame, as drawn, has been checked once."""
HOME_AREA = "home_area"
"""The attribute of a window that says its home work area (the console's `home_area`)."""


class _AtLeastItsMinimum(QWidget):
    """A window's content, asking its scroll area for no more height than it needs.

    Qt's scroll area gives content with wrapped text the height it would like (its
    `heightForWidth`), and scrolls when the window is shorter than that. This asks for the
    least height at which nothing is cut off, so that it scrolls only when it must.
    """

    def __init__(self, content: QWidget) -> None:
        super().__init__()
        self.content = content
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(content)

    def heightForWidth(self, width: int) -> int:
        layout = self.layout()
        if layout is None or not layout.hasHeightForWidth():
            return super().heightForWidth(width)
        return layout.totalMinimumHeightForWidth(width)


class _ScrollsDownOnly(QScrollArea):
    """A scroll area as wide as its content needs: it scrolls only up and down."""

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        content = self.widget()
        if content is None:
            return hint
        width = content.minimumSizeHint().width() + self.verticalScrollBar().sizeHint().width()
        return QSize(max(hint.width(), width + 2 * self.frameWidth()), hint.height())


def scroller_for(widget: QWidget, *, sideways: bool = True) -> QScrollArea:
    """`widget` in a frameless scroll area that scrolls only when its window is too small.

    Without `sideways` it scrolls only up and down, and is never narrower than its content
    (a side panel: a window too narrow for it closes it instead, console_window.py).
    """
    scroller = QScrollArea() if sideways else _ScrollsDownOnly()
    scroller.setObjectName(WINDOW_SCROLLER)
    scroller.setWidget(_AtLeastItsMinimum(widget))
    scroller.setWidgetResizable(True)
    scroller.setFrameShape(QFrame.Shape.NoFrame)
    scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its content takes the keys, not itself
    if not sideways:
        scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return scroller


def scrolls(scroller: QScrollArea) -> bool:
    """Whether a scroll area scrolls now (its content does not fit)."""
    return scroller.verticalScrollBar().maximum() > 0 or (
        scroller.horizontalScrollBar().maximum() > 0
    )


def as_rect(rect: QRect) -> Rect:
    """Qt's rectangle as the core's."""
    return Rect(rect.x(), rect.y(), rect.width(), rect.height())


def as_qrect(rect: Rect) -> QRect:
    """The core's rectangle as Qt's."""
    return QRect(rect.x, rect.y, rect.width, rect.height)


def frame_of(window: QWidget) -> tuple[Frame, bool]:
    """The frame the window manager draws around `window` (or around the windows shown
    already), and whether it was measured rather than guessed.

    A window not on the screen yet has no frame to measure (on X11): the console's is the
    best guess for its dialogs, and a generous one is used before anything is shown.
    """
    if window.windowHandle() is None:
        window.winId()  # the native window, so that a platform that knows its frame says so
    parent = window.parentWidget()
    others = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not window]
    for candidate in [window, *([parent.window()] if parent is not None else []), *others]:
        handle = candidate.windowHandle()
        if handle is None:
            continue
        margins = handle.frameMargins()
        if margins.top() > 0 or margins.left() > 0:
            return Frame(margins.left(), margins.top(), margins.right(), margins.bottom()), True
    return GUESSED_FRAME, False


def home_area(window: QWidget) -> Rect:
    """The work area of the screen `window` belongs on: its home window's, else its own."""
    parent = window.parentWidget()
    home = parent.window() if parent is not None else window
    area: Callable[[], Rect] | None = getattr(home, HOME_AREA, None)
    if callable(area):
        return area()
    screen = home.screen() or QGuiApplication.primaryScreen()
    return as_rect(screen.availableGeometry())


def place(window: QWidget, wanted: Rect) -> None:
    """Give `window` the rectangle nearest to `wanted` that, framed, lies in its home area.

    The frame is taken `either_way` (core/settings/placement.py): it fits whether the window
    manager puts the window or its frame where asked. When the frame had to be guessed, the
    window is placed again once its frame is drawn (`WindowsStayOnScreen`), no larger than it
    wanted, no smaller than it may be.
    """
    frame, measured = frame_of(window)
    placed = fit_window(wanted, home_area(window), frame.either_way())
    window.setProperty(WANTED, None if measured else as_qrect(wanted))
    window.setProperty(PLACED, as_qrect(placed))
    if placed != as_rect(window.geometry()):
        window.setGeometry(as_qrect(placed))


def keep_on_screen(window: QWidget) -> None:
    """Move and shrink `window` so that, framed, it lies inside its home work area; a window
    nobody placed goes to the middle of its home screen."""
    now = as_rect(window.geometry())
    if not window.testAttribute(Qt.WidgetAttribute.WA_Moved):
        now = centred(now.width, now.height, home_area(window), Frame())
    place(window, now)


def _top_level_of(window: QWindow) -> QWidget | None:
    """The widget whose native window `window` is."""
    return next((w for w in QApplication.topLevelWidgets() if w.windowHandle() is window), None)


def _kept_on_screen(widget: QObject) -> bool:
    return (
        isinstance(widget, QWidget)
        and widget.isWindow()
        and widget.windowType() in (Qt.WindowType.Window, Qt.WindowType.Dialog)
        and not widget.property(ON_PROJECTOR)
    )


def keep_frame_on_screen(window: QWidget) -> None:
    """Once the window manager has framed `window`: placed again by its real frame if that was
    guessed, or if the frame it drew sticks out anyway."""
    wanted, placed = window.property(WANTED), window.property(PLACED)
    if isinstance(wanted, QRect) and placed == window.geometry():  # nobody moved it since
        place(window, as_rect(wanted))
    elif not home_area(window).contains(as_rect(window.frameGeometry())):
        place(window, as_rect(window.geometry()))


class WindowsStayOnScreen(QObject):
    """An application-wide event filter: each window, as it is shown, is kept on its screen,
    and once more when the window manager has drawn its frame."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and _kept_on_screen(watched):
            assert isinstance(watched, QWidget)
            if not watched.property(PLACES_ITSELF):
                keep_on_screen(watched)
            watched.setProperty(FRAME_CHECKED, False)
        elif event.type() == QEvent.Type.Expose and isinstance(watched, QWindow):
            widget = _top_level_of(watched)
            if (
                widget is not None
                and _kept_on_screen(widget)
                and widget.property(FRAME_CHECKED) is False
                and watched.isExposed()
            ):
                widget.setProperty(FRAME_CHECKED, True)
                keep_frame_on_screen(widget)
        return False


def install_windows_stay_on_screen(application: QApplication) -> None:
    """Install the filter on `application` once, however many consoles are built."""
    if application.findChild(WindowsStayOnScreen) is None:
        application.installEventFilter(WindowsStayOnScreen(application))
