"""The console's messages: plain sentences with a button where something can be done."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from facilitator.ui.accessibility import explain
from facilitator.ui.plain import plain_label
from facilitator.ui.style import MISSING_YELLOW, NOTICE_BORDER, NOTICE_TEXT

if TYPE_CHECKING:
    from collections.abc import Callable

    from facilitator.models.notices import Notice, NoticeBoard


class NoticeBar(QWidget):
    """Shows every current notice; hidden when there are none."""

    def __init__(self, board: NoticeBoard, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._board = board
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        board.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """Rebuild the list of notices."""
        while (item := self._layout.takeAt(0)) is not None:
            widget = item.widget()
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        for notice in self._board.notices:
            self._layout.addWidget(self._row(notice))
        self.setVisible(bool(self._board.notices))

    def _row(self, notice: Notice) -> QFrame:
        frame = QFrame()
        frame.setObjectName("notice")
        frame.setStyleSheet(
            f"QFrame#notice {{ background: {MISSING_YELLOW.name()}; "
            f"border: 1px solid {NOTICE_BORDER.name()}; border-radius: 4px; }} "
            f"QFrame#notice QLabel {{ color: {NOTICE_TEXT.name()}; }}"
        )
        row = QHBoxLayout(frame)
        row.addWidget(plain_label(notice.text, wrap=True), 1)
        if notice.action is not None and notice.action_label:
            button = QPushButton(notice.action_label)
            action = notice.action

            def act(
                _checked: bool = False,
                action: Callable[[], object] = action,
                notice_id: int = notice.id,
            ) -> None:
                self._board.dismiss(notice_id)
                action()

            button.clicked.connect(act)
            explain(button, notice.text)
            row.addWidget(button)
        close = QPushButton(self.tr("Dismiss"))
        explain(close, self.tr("Remove this message: {text}").format(text=notice.text))
        close.clicked.connect(
            lambda _checked=False, notice_id=notice.id: self._board.dismiss(notice_id)
        )
        row.addWidget(close)
        return frame
