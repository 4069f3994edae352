"""Messages for the facilitator, shown plainly in the console until dismissed."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from collections.abc import Callable


@dataclass(frozen=True)
class Notice:
    """One message, optionally with a button that does something about it."""

    id: int
    text: str
    key: str = ""
    """Notices with the same key replace each other (e.g. one "sound" notice at a time)."""
    action_label: str = ""
    action: Callable[[], object] | None = None
    """What the button does (what it returns is not used)."""


class NoticeBoard(QObject):
    """The current notices; widgets show them, anything may post them."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._notices: list[Notice] = []
        self._ids = itertools.count(1)

    @property
    def notices(self) -> list[Notice]:
        """The notices, oldest first."""
        return list(self._notices)

    def post(
        self,
        text: str,
        *,
        key: str = "",
        action_label: str = "",
        action: Callable[[], object] | None = None,
    ) -> Notice:
        """Show a message (replacing an earlier one with the same key)."""
        notice = Notice(next(self._ids), text, key, action_label, action)
        if key:
            self._notices = [n for n in self._notices if n.key != key]
        self._notices.append(notice)
        self.changed.emit()
        return notice

    def dismiss(self, notice_id: int) -> None:
        """Remove a message."""
        self._notices = [n for n in self._notices if n.id != notice_id]
        self.changed.emit()

    def dismiss_key(self, key: str) -> None:
        """Remove the message with `key`, if any."""
        before = len(self._notices)
        self._notices = [n for n in self._notices if n.key != key]
        if len(self._notices) != before:
            self.changed.emit()

    def texts(self) -> list[str]:
        """The texts shown, for tests and logs."""
        return [n.text for n in self._notices]
