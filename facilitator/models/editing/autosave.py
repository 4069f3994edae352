"""Keeps a draft on disk while it is edited: one second after the last change."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from facilitator.core.drafts import DraftStore
from facilitator.core.files import SaveError
from facilitator.models.editing.draft_model import DraftModel

AUTOSAVE_DELAY_MS = 1000


class DraftKeeper(QObject):
    """Writes the draft of unsaved changes after a pause in editing; removes it when saved."""

    draftSaved = Signal(str)
    """The draft was written: its file's path."""
    draftFailed = Signal(str)
    """A plain message: the draft could not be written (the edits are still in the editor)."""

    def __init__(
        self,
        model: DraftModel,
        store: DraftStore,
        *,
        delay_ms: int = AUTOSAVE_DELAY_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._model = model
        self._store = store
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.write_now)
        model.changed.connect(lambda _path: self._timer.start())
        model.saved.connect(lambda _path: self.discard())

    @property
    def pending(self) -> bool:
        """Whether a write is waiting for the pause to end."""
        return self._timer.isActive()

    def flush(self) -> None:
        """Write now if a write is waiting (before quitting)."""
        if self._timer.isActive():
            self.write_now()

    def write_now(self) -> None:
        """Write the draft if there are unsaved changes, else make sure none is left."""
        self._timer.stop()
        if not self._model.is_dirty:
            self._store.discard(self._model.key)
            return
        try:
            self._store.save(
                self._model.key,
                self._model.document_type,
                self._model.original_id,
                self._model.display_title(),
                self._model.draft,
            )
        except SaveError as error:
            self.draftFailed.emit(
                self.tr("Your changes could not be kept as a draft: {reason}").format(
                    reason=str(error)
                )
            )
            return
        self.draftSaved.emit(str(self._store.path_of(self._model.key)))

    def discard(self) -> None:
        """Stop waiting and remove the draft (saved, or thrown away on purpose)."""
        self._timer.stop()
        self._store.discard(self._model.key)
