"""The projector window: the card, full screen on the chosen screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QScreen

    from facilitator.ui.card_canvas import CardCanvas

WINDOWED_SIZE = (960, 540)


class CardWindow(QWidget):
    """A top-level window holding the card; full screen on a projector, else a window."""

    closeRequested = Signal()

    def __init__(self, canvas: CardCanvas, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
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
        """Escape: a normal window again; the run goes on."""
        if self.isFullScreen():
            self.showNormal()
            self.setCursor(Qt.CursorShape.ArrowCursor)

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
