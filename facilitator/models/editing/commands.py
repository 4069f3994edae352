"""Undoable edits of a draft: set a value, insert, remove or move a list item.

Commands only record what changed; the draft model applies the change and tells
everyone. Consecutive typing in one field merges into a single undo step.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from facilitator.core.documents.drafting import DocPath

if TYPE_CHECKING:
    from facilitator.models.editing.draft_model import DraftModel

TYPING_ID = 1


class SetValueCommand(QUndoCommand):
    """Set one field (None removes it); typing in the same field merges."""

    def __init__(
        self, model: DraftModel, path: DocPath, old: Any, new: Any, *, typing: bool, text: str
    ) -> None:
        super().__init__(text)
        self._model = model
        self.path = path
        self.old = copy.deepcopy(old)
        self.new = copy.deepcopy(new)
        self.typing = typing

    def redo(self) -> None:
        self._model._write(self.path, self.new)

    def undo(self) -> None:
        self._model._write(self.path, self.old)

    def id(self) -> int:
        return TYPING_ID if self.typing else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetValueCommand) or not other.typing or other.path != self.path:
            return False
        self.new = copy.deepcopy(other.new)
        if self.new == self.old:
            self.setObsolete(True)
        return True


class _ListItemCommand(QUndoCommand):
    """One item of a list, at one position: what inserting and removing both carry."""

    def __init__(
        self, model: DraftModel, list_path: DocPath, index: int, value: Any, text: str
    ) -> None:
        super().__init__(text)
        self._model = model
        self.list_path = list_path
        self.index = index
        self.value = copy.deepcopy(value)

    def _insert(self) -> None:
        self._model._insert(self.list_path, self.index, self.value)

    def _remove(self) -> None:
        self._model._remove(self.list_path, self.index)


class InsertItemCommand(_ListItemCommand):
    """Insert an item into a list."""

    def redo(self) -> None:
        self._insert()

    def undo(self) -> None:
        self._remove()


class RemoveItemCommand(_ListItemCommand):
    """Remove an item from a list (undo puts it back where it was)."""

    def redo(self) -> None:
        self._remove()

    def undo(self) -> None:
        self._insert()


class MoveItemCommand(QUndoCommand):
    """Move a list item from one position to another."""

    def __init__(
        self, model: DraftModel, list_path: DocPath, source: int, target: int, text: str
    ) -> None:
        super().__init__(text)
        self._model = model
        self.list_path = list_path
        self.source = source
        self.target = target

    def redo(self) -> None:
        self._model._move(self.list_path, self.source, self.target)

    def undo(self) -> None:
        self._model._move(self.list_path, self.target, self.source)
