"""A list whose rows are reordered by dragging or by Alt+Up and Alt+Down.

The list never moves its own rows: it asks for the move with `moveRequested`,
and the form refills it from the model, which holds the one true order.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QDropEvent, QKeyEvent


class ReorderableList(QListWidget):
    """Rows that can be dragged into another order, or moved with Alt+Up / Alt+Down."""

    moveRequested = Signal(int, int)
    """(from row, to row): the row should end up at the second position."""
    removeRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)

    def target_row(self, position: QPoint) -> int:
        """Where the dragged row lands when dropped at `position` (after it leaves its place)."""
        source = self.currentRow()
        index = self.indexAt(position)
        if not index.isValid():
            before = self.count()
        else:
            rect = self.visualRect(index)
            before = index.row() + (1 if position.y() > rect.center().y() else 0)
        return before - 1 if before > source else before

    def dropEvent(self, event: QDropEvent) -> None:
        if event.source() not in (self, None):
            event.ignore()
            return
        source = self.currentRow()
        target = self.target_row(event.position().toPoint())
        # Accept without a move action, so Qt removes nothing itself; the model moves.
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        if source >= 0 and target != source:
            self.moveRequested.emit(source, max(0, min(target, self.count() - 1)))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        row = self.currentRow()
        alt = event.modifiers() & Qt.KeyboardModifier.AltModifier
        if alt and event.key() == Qt.Key.Key_Up and row > 0:
            self.moveRequested.emit(row, row - 1)
            return
        if alt and event.key() == Qt.Key.Key_Down and 0 <= row < self.count() - 1:
            self.moveRequested.emit(row, row + 1)
            return
        if event.key() == Qt.Key.Key_Delete and row >= 0:
            self.removeRequested.emit(row)
            return
        super().keyPressEvent(event)
