"""Reading a participant list (a file or pasted text) away from the GUI thread.

However long the list, nothing of it is read or parsed on the thread that drives the
timer and the bells: the work goes to a `Background` and the answer comes back by signal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from facilitator.core.groups.participants import (
    MAX_BYTES,
    ParticipantsError,
    parse_participants,
    read_participants,
)
from facilitator.platform.background import LatestOnly

if TYPE_CHECKING:
    from pathlib import Path

    from facilitator.platform.background import Background, Work


class ParticipantsReader(QObject):
    """Reads names in the background; `read` (the Participants) or `refused` (why not)."""

    read = Signal(object)
    refused = Signal(str)

    def __init__(self, background: Background, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = LatestOnly(background)

    @property
    def busy(self) -> bool:
        """Whether names are being read now."""
        return self._work.busy

    def read_text(self, text: str) -> str:
        """Read pasted names; "" or, when the answer is there at once, why they are refused."""
        if len(text) > MAX_BYTES:
            return self._refuse(
                ParticipantsError(f"the list is {len(text):,} characters long; it is far too long")
            )
        return self._submit(lambda: parse_participants(text))

    def read_file(self, path: Path) -> str:
        """Read the names in a file; "" or, when the answer is there at once, why not."""
        return self._submit(lambda: read_participants(path))

    def _submit(self, work: Work) -> str:
        answer: list[str] = []
        self._work.submit(work, lambda result, error: answer.append(self._answer(result, error)))
        return answer[0] if answer else ""

    def _answer(self, participants: Any, error: Exception | None) -> str:
        if error is not None:
            return self._refuse(error)
        self.read.emit(participants)
        return ""

    def _refuse(self, error: Exception) -> str:
        message = str(error)
        self.refused.emit(message)
        return message
