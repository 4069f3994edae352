"""What the room sees besides the run itself: blackout and flashes."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class PresentationModel(QObject):
    """The state of the projector card that the facilitator controls by hand."""

    blackoutChanged = Signal(bool)
    flashRequested = Signal()
    """The card should flash once (a visual cue, a warning, an overrun)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._blackout = False

    @property
    def blackout(self) -> bool:
        """Whether the card shows a plain black screen."""
        return self._blackout

    def set_blackout(self, blackout: bool) -> None:
        """Black the card out, or show it again (the checkable B / full stop action calls this)."""
        if blackout != self._blackout:
            self._blackout = blackout
            self.blackoutChanged.emit(blackout)

    def flash(self) -> None:
        """Ask the card to flash once."""
        self.flashRequested.emit()
