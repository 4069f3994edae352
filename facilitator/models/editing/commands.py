"""Undoable edits of a draft: set a value, insert, remove or move a list item.

A `DraftDocument` is the JSON the editor holds; these commands, pushed on the
draft model's undo stack, are the only things that change it, and each change is
reported to the model. Consecutive typing in one field merges into one undo step.
"""

from __future__ import annotations

import copy
from typing import Any, Protocol

from PySide6.QtGui import QUndoCommand

from facilitator.core.documents.doc_paths import (
    DocPath,
    insert_at,
    move_at,
    path_text,
    remove_at,
    set_at,
)

TYPING_ID = 1


class ChangeListener(Protocol):
    """Told after each change: the changed path as text, and whether a list changed."""

    def __call__(self, text: str, *, list_changed: bool) -> None: ...


class DraftDocument:
    """The JSON of a draft; changed only by the commands below, each change reported."""

    def __init__(self, data: dict[str, Any], on_change: ChangeListener) -> None:
        self.data = data
        self._on_change = on_change

    def write(self, path: DocPath, value: Any) -> None:
        """Set the value at `path` (None removes an object's field)."""
        set_at(self.data, path, value)
        self._on_change(path_text(path), list_changed=False)

    def insert(self, list_path: DocPath, index: int, value: Any) -> None:
        """Insert `value` into the list at `list_path`."""
        insert_at(self.data, list_path, index, value)
        self._on_change(path_text(list_path), list_changed=True)

    def remove(self, list_path: DocPath, index: int) -> None:
        """Remove item `index` of the list at `list_path`."""
        remove_at(self.data, list_path, index)
        self._on_change(path_text(list_path), list_changed=True)

    def move(self, list_path: DocPath, source: int, target: int) -> None:
        """Move item `source` of a list to position `target`."""
        move_at(self.data, list_path, source, target)
        self._on_change(path_text(list_path), list_changed=True)


class SetValueCommand(QUndoCommand):
    """Set one field (None removes it); typing in the same field merges."""

    def __init__(
        self, document: DraftDocument, path: DocPath, old: Any, new: Any, *, typing: bool, text: str
    ) -> None:
        super().__init__(text)
        self._document = document
        self.path = path
        self.old = copy.deepcopy(old)
        self.new = copy.deepcopy(new)
        self.typing = typing

    def redo(self) -> None:
        self._document.write(self.path, self.new)

    def undo(self) -> None:
        self._document.write(self.path, self.old)

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
        self, document: DraftDocument, list_path: DocPath, index: int, value: Any, text: str
    ) -> None:
        super().__init__(text)
        self._document = document
        self.list_path = list_path
        self.index = index
        self.value = copy.deepcopy(value)

    def _insert(self) -> None:
        self._document.insert(self.list_path, self.index, self.value)

    def _remove(self) -> None:
        self._document.remove(self.list_path, self.index)


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
        self, document: DraftDocument, list_path: DocPath, source: int, target: int, text: str
    ) -> None:
        super().__init__(text)
        self._document = document
        self.list_path = list_path
        self.source = source
        self.target = target

    def redo(self) -> None:
        self._document.move(self.list_path, self.source, self.target)

    def undo(self) -> None:
        self._document.move(self.list_path, self.target, self.source)
