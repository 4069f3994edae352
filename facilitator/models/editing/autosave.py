"""Keeps a draft on disk while it is edited: one second after the last change."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, QTimer, Signal, SignalInstance

from facilitator.core.files.jsonio import SaveError

if TYPE_CHECKING:
    from facilitator.core.documents.draft_store import DraftStore

AUTOSAVE_DELAY_MS = 1000


class Drafted(Protocol):
    """What DraftKeeper needs of an edit: an editor's DraftModel or the Plans tab's PlanModel."""

    changed: SignalInstance
    """Emitted on every change (any arguments)."""
    saved: SignalInstance
    """Emitted once the edit is saved for good (any arguments)."""

    @property
    def is_dirty(self) -> bool:
        """Whether there are unsaved changes."""
        ...

    @property
    def key(self) -> str:
        """The draft's file name (it may change, e.g. when another plan is opened)."""
        ...

    @property
    def document_type(self) -> str:
        """ "structure", "question_set" or "plan"."""
        ...

    @property
    def original_id(self) -> str | None:
        """The id the edit saves over, or None."""
        ...

    def display_title(self) -> str:
        """The title people know the item by."""
        ...

    @property
    def draft(self) -> Any:
        """The document as it stands, unsaved changes included."""
        ...


class DraftKeeper(QObject):
    """Writes the draft of unsaved changes after a pause in editing; removes it when saved."""

    draftSaved = Signal(str)
    """The draft was written: its file's path."""
    draftFailed = Signal(str)
    """A plain message: the draft could not be written (the edits are still in the editor)."""

    def __init__(
        self,
        model: Drafted,
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
        self._written_key = ""
        """The key of the draft on disk, if one was written (the model's key may move on)."""
        model.changed.connect(lambda *_: self._timer.start())
        model.saved.connect(lambda *_: self.discard())

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
            self._forget_written()
            self._discard_key(self._model.key)
            return
        if self._written_key != self._model.key:
            self._forget_written()
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
        self._written_key = self._model.key
        self.draftSaved.emit(str(self._store.path_of(self._model.key)))

    def discard(self) -> None:
        """Stop waiting and remove the draft (saved, or thrown away on purpose)."""
        self._timer.stop()
        self._forget_written()
        self._discard_key(self._model.key)

    def _forget_written(self) -> None:
        self._discard_key(self._written_key)
        self._written_key = ""

    def _discard_key(self, key: str) -> None:
        if key:
            self._store.discard(key)
