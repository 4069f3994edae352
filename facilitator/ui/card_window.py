"""The projector window: the card, full screen on the chosen screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QVBoxLayout, QWidget

from facilitator.ui.window_fit import ON_PROJECTOR

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QKeyEvent, QScreen

    from facilitator.ui.card_canvas import CardCanvas

WINDOWED_SIZE = (960, 540)


class CardWindow(QWidget):
    """A top-level window holding the card; full screen on a projector, else a window."""

    closeRequested = Signal()

    def __init__(self, canvas: CardCanvas, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.WindowDoesNotAcceptFocus)
        # The room's window never takes the keyboard from the console: the clicker's keys,
        # typing and the screen reader stay with the facilitator's window.
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setProperty(ON_PROJECTOR, True)  # placed by CardPlacement, never on the laptop
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.canvas = canvas
        self.setWindowTitle(self.tr("Facilitator: card"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(canvas)
        self.resize(*WINDOWED_SIZE)
        self.setCursor(Qt.CursorShape.BlankCursor)
        self.screen_name: str | None = None

    def place(
        self,
        screen: QScreen | None,
        geometry: QRect | None,
        *,
        full_screen: bool,
        screen_name: str | None,
    ) -> None:
        """Show the card on `screen` (full screen or as a window), or beside the console."""
        self.screen_name = screen_name
        if self.isFullScreen():
            self.showNormal()
        handle = self.windowHandle()
        if screen is not None:
            if handle is None:
                self.create()
                handle = self.windowHandle()
            handle.setScreen(screen)
        if geometry is not None:
            self.setGeometry(geometry if full_screen else _centred(geometry, *WINDOWED_SIZE))
        if full_screen:
            self.showFullScreen()
        else:
            self.showNormal()
        self.setCursor(Qt.CursorShape.BlankCursor if full_screen else Qt.CursorShape.ArrowCursor)

    def toggle_full_screen(self) -> None:
        """F11: full screen on the current screen, or back to a window."""
        if self.isFullScreen():
            self.leave_full_screen()
        else:
            self.showFullScreen()
            self.setCursor(Qt.CursorShape.BlankCursor)

    def leave_full_screen(self) -> None:
        """A normal window again (F11 on the laptop, never a clicker's key); the run goes on."""
        if self.isFullScreen():
            self.showNormal()
            self.setCursor(Qt.CursorShape.ArrowCursor)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """A key that reached the card anyway (no window manager to keep it on the console).

        Qt fires a window's shortcuts only while it is the active window, which the card
        never is: its actions are matched here instead, so a clicker still drives the run.
        As with Qt's shortcuts, a key that two actions claim does nothing.
        """
        pressed = QKeySequence(event.keyCombination())
        matching = [
            action
            for action in self.actions()
            if action.isEnabled()
            and any(
                pressed.matches(keys) is QKeySequence.SequenceMatch.ExactMatch
                for keys in action.shortcuts()
            )
        ]
        if not matching:
            super().keyPressEvent(event)
            return
        event.accept()
        if len(matching) == 1 and (not event.isAutoRepeat() or matching[0].autoRepeat()):
            matching[0].trigger()

    def closeEvent(self, event: QCloseEvent) -> None:
        # Closing the card never stops the run; the console can show it again.
        self.closeRequested.emit()
        super().closeEvent(event)


def _centred(area: QRect, width: int, height: int) -> QRect:
    width, height = min(width, area.width()), min(height, area.height())
    return QRect(
        area.x() + (area.width() - width) // 2,
        area.y() + (area.height() - height) // 2,
        width,
        height,
    )
