"""The document being edited: a draft, its undo stack, its problems and its save.

Every edit goes through a command on the `QUndoStack`, so undo and redo cover
all of them. After each change the draft is checked with the same validation a
file gets; each problem keeps the path of its field so the editor can show it
there. Saving is refused while there are problems.
"""

from __future__ import annotations

import copy
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from facilitator.core.documents.doc_paths import (
    DocPath,
    Found,
    get_at,
    path_text,
    problems_within,
)
from facilitator.core.documents.draft_store import Draft, draft_key
from facilitator.core.documents.drafting import (
    check_draft,
    default_group_size,
    draft_of,
    free_step_id,
    id_clash_problem,
    new_question_set_draft,
    new_step,
    parse_number_text,
    question_set_reference_problems,
)
from facilitator.core.documents.registry import DOCUMENT_TYPES, Item, document_of
from facilitator.core.documents.saving import Resolve, save_guarded
from facilitator.core.documents.user_copies import copy_draft, suggest_id, taken_ids
from facilitator.core.files.guarded import ChangedOnDiskError, Conflict
from facilitator.core.files.jsonio import SaveError
from facilitator.core.files.kinds import DocumentKind
from facilitator.core.workshop.structures import FALLBACK_LANGUAGE, GroupShape
from facilitator.models.editing.commands import (
    DraftDocument,
    InsertItemCommand,
    MoveItemCommand,
    RemoveItemCommand,
    SetValueCommand,
)

if TYPE_CHECKING:
    from facilitator.models.library_model import LibraryModel


class DraftModel(QObject):
    """One structure or question set being edited, with undo, validation and saving."""

    changed = Signal(str)
    """A value changed; the path of what changed (a list's path for list edits)."""
    listChanged = Signal(str)
    """Items were inserted into, removed from or moved within the list at this path."""
    problemsChanged = Signal()
    dirtyChanged = Signal(bool)
    saved = Signal(str)
    """The item was saved to the user library: the file's path."""
    saveFailed = Signal(str)
    """A plain message: saving failed; the last good file is unchanged."""
    identityChanged = Signal()
    """The item now exists in the user library under its id, which is fixed from now on."""
    theirsKept = Signal()
    """Another window had saved this item; the facilitator kept that version, not this one."""

    def __init__(
        self,
        draft: dict[str, Any],
        library: LibraryModel,
        *,
        original_id: str | None,
        key: str | None = None,
        baseline: dict[str, Any] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._document = DraftDocument(copy.deepcopy(draft), self._after_edit)
        self._draft = self._document.data
        self._library = library
        self._original_id = original_id
        self.key = key or draft_key(self.document_type, original_id, uuid.uuid4().hex[:8])
        self._baseline = baseline
        """The canonical document as last saved (None while the item is new)."""
        self.resolve_conflict: Resolve = lambda _name: Conflict.CANCEL
        """Asked when another window saved the item meanwhile (the editor asks the person)."""
        self._parsed: Item | None = None
        self._item: Item | None = None
        self._last_valid: Item | None = None
        self._problems: list[Found] = []
        self.undo_stack = QUndoStack(self)
        library.changed.connect(self._validate)
        self._validate()
        self._dirty = self._compute_dirty()

    # --- making one ----------------------------------------------------------------

    @classmethod
    def for_item(
        cls, item: Item, library: LibraryModel, parent: QObject | None = None
    ) -> DraftModel:
        """Edit `item` itself (a built-in's edit is saved as your own copy with its id)."""
        draft = draft_of(item)
        return cls(draft, library, original_id=item.id, baseline=document_of(item), parent=parent)

    @classmethod
    def for_copy(
        cls, item: Item, library: LibraryModel, parent: QObject | None = None
    ) -> DraftModel:
        """Edit a new copy of `item` under a free id (e.g. `impromptu-networking-copy`)."""
        return cls(copy_draft(item, library.library), library, original_id=None, parent=parent)

    @classmethod
    def for_new_question_set(
        cls,
        library: LibraryModel,
        structure_id: str | None,
        language: str,
        parent: QObject | None = None,
    ) -> DraftModel:
        """Edit a new question set for `structure_id` in `language`."""
        base = f"{structure_id or 'my-questions'}-{language}"
        set_id = suggest_id(base, taken_ids(library.library, DocumentKind.QUESTION_SET), "-mine")
        draft = new_question_set_draft(set_id, language, structure_id)
        return cls(draft, library, original_id=None, parent=parent)

    @classmethod
    def from_saved_draft(
        cls, saved: Draft, library: LibraryModel, parent: QObject | None = None
    ) -> DraftModel:
        """Edit a draft found on disk, as it was left."""
        baseline = None
        if saved.original_id is not None:
            entry = library.library.entry(saved.document_type, saved.original_id)
            if entry is not None:
                baseline = document_of(entry.item)
        return cls(
            saved.document,
            library,
            original_id=saved.original_id,
            key=saved.key,
            baseline=baseline,
            parent=parent,
        )

    # --- reading ---------------------------------------------------------------------

    @property
    def document_type(self) -> str:
        """ "structure" or "question_set"."""
        return str(self._draft.get("type", DocumentKind.STRUCTURE))

    @property
    def type_label(self) -> str:
        """What the item is called: "structure" or "question set"."""
        try:
            return DOCUMENT_TYPES[DocumentKind(self.document_type)].label
        except ValueError:  # a damaged draft may name no known type
            return self.document_type

    @property
    def draft(self) -> dict[str, Any]:
        """A copy of the draft as it stands."""
        return copy.deepcopy(self._draft)

    @property
    def original_id(self) -> str | None:
        """The id this edit saves over; None while the item is new."""
        return self._original_id

    @property
    def is_new(self) -> bool:
        """Whether the item has not been saved yet (its id may still change)."""
        return self._original_id is None

    @property
    def library(self) -> LibraryModel:
        """The library the item is checked against and saved into."""
        return self._library

    def value(self, path: DocPath, default: Any = None) -> Any:
        """The draft's value at `path`."""
        return copy.deepcopy(get_at(self._draft, path, default))

    def count(self, list_path: DocPath) -> int:
        """How many items the list at `list_path` has."""
        found = get_at(self._draft, list_path)
        return len(found) if isinstance(found, list) else 0

    @property
    def item(self) -> Item | None:
        """The item the draft makes now, or None while it has problems."""
        return self._item

    @property
    def last_valid_item(self) -> Item | None:
        """The item as it was when the draft last had no problems."""
        return self._last_valid

    @property
    def problems(self) -> list[Found]:
        """Every problem: (the field's path, the message)."""
        return list(self._problems)

    def problems_at(self, path: DocPath | str) -> list[Found]:
        """The problems of one field and what lies below it."""
        text = path if isinstance(path, str) else path_text(path)
        return problems_within(self._problems, text)

    @property
    def is_dirty(self) -> bool:
        """Whether there are changes that are not saved."""
        return self._dirty

    @property
    def can_save(self) -> bool:
        """Whether saving is possible now: changes and no problems."""
        return self._dirty and not self._problems

    def display_title(self, language: str = FALLBACK_LANGUAGE) -> str:
        """The item's title for window titles and messages."""
        title = self._draft.get("title")
        if isinstance(title, dict):
            for wanted in (language, FALLBACK_LANGUAGE, *title):
                text = title.get(wanted)
                if isinstance(text, str) and text.strip():
                    return text.strip()
        elif isinstance(title, str) and title.strip():
            return title.strip()
        return str(self._draft.get("id") or self.type_label)

    # --- editing -----------------------------------------------------------------------

    def set_value(self, path: DocPath, value: Any, *, typing: bool = False, text: str = "") -> None:
        """Change one field (None removes it) as one undo step; typing merges."""
        old = get_at(self._draft, path)
        if old == value:
            return
        label = text or (self.tr("typing") if typing else self.tr("change"))
        self.undo_stack.push(
            SetValueCommand(self._document, path, old, value, typing=typing, text=label)
        )

    def set_text(self, path: DocPath, text: str) -> None:
        """Typing in a text field."""
        self.set_value(path, text, typing=True)

    def set_number(self, path: DocPath, text: str) -> None:
        """Typing in a number field: stored as a number, or as typed when it is none."""
        self.set_value(path, parse_number_text(text), typing=True)

    def insert_item(self, list_path: DocPath, index: int, value: Any, text: str = "") -> None:
        """Insert an item into a list as one undo step."""
        index = max(0, min(index, self.count(list_path)))
        self.undo_stack.push(
            InsertItemCommand(self._document, list_path, index, value, text or self.tr("add"))
        )

    def remove_item(self, list_path: DocPath, index: int, text: str = "") -> None:
        """Remove an item from a list as one undo step."""
        if not 0 <= index < self.count(list_path):
            return
        value = get_at(self._draft, (*list_path, index))
        self.undo_stack.push(
            RemoveItemCommand(self._document, list_path, index, value, text or self.tr("remove"))
        )

    def move_item(self, list_path: DocPath, source: int, target: int, text: str = "") -> bool:
        """Move a list item to position `target` as one undo step; False if it cannot move."""
        size = self.count(list_path)
        if not (0 <= source < size and 0 <= target < size) or source == target:
            return False
        self.undo_stack.push(
            MoveItemCommand(self._document, list_path, source, target, text or self.tr("move"))
        )
        return True

    # --- question sets -------------------------------------------------------------------

    def add_question(self, index: int | None = None) -> int:
        """Add an empty question (at the end unless told); its position."""
        position = self.count(("questions",)) if index is None else index
        self.insert_item(("questions",), position, {"text": ""}, self.tr("add a question"))
        return min(position, self.count(("questions",)) - 1)

    def remove_question(self, index: int) -> None:
        """Remove a question."""
        self.remove_item(("questions",), index, self.tr("remove a question"))

    def move_question(self, source: int, target: int) -> bool:
        """Move a question to another position."""
        return self.move_item(("questions",), source, target, self.tr("move a question"))

    def set_question_steps(self, index: int, step_ids: list[str]) -> None:
        """Show a question only in these steps (none: in every step)."""
        self.set_value(
            ("questions", index, "steps"), list(step_ids) or None, text=self.tr("choose steps")
        )

    def set_fitting_structures(self, structure_ids: list[str]) -> None:
        """The structures the question set fits."""
        self.set_value(("structures",), list(structure_ids), text=self.tr("choose structures"))

    # --- structures ------------------------------------------------------------------------

    def add_step(self, index: int | None = None) -> int:
        """Add a new step (at the end unless told); its position."""
        steps = self.value(("steps",), [])
        taken = [s["id"] for s in steps if isinstance(s, dict) and isinstance(s.get("id"), str)]
        position = len(steps) if index is None else index
        self.insert_item(("steps",), position, new_step(free_step_id(taken)), self.tr("add a step"))
        return min(position, self.count(("steps",)) - 1)

    def remove_step(self, index: int) -> None:
        """Remove a step."""
        self.remove_item(("steps",), index, self.tr("remove a step"))

    def move_step(self, source: int, target: int) -> bool:
        """Move a step to another position."""
        return self.move_item(("steps",), source, target, self.tr("move a step"))

    def set_step_group(self, index: int, shape: GroupShape) -> None:
        """Change a step's group shape; small groups get a size range, others lose it."""
        step = ("steps", index)
        self.undo_stack.beginMacro(self.tr("change the groups"))
        self.set_value((*step, "group"), shape.value)
        if shape is GroupShape.SMALL_GROUPS:
            if self.value((*step, "group_size")) is None:
                self.set_value((*step, "group_size"), default_group_size())
        else:
            self.set_value((*step, "group_size"), None)
        self.undo_stack.endMacro()

    def set_transition(self, index: int, enabled: bool) -> None:
        """Give a step a transition between rounds (one minute), or take it away."""
        path = ("steps", index, "transition")
        if enabled and self.value(path) is None:
            self.set_value(path, {"minutes": 1}, text=self.tr("add a transition"))
        elif not enabled:
            self.set_value(path, None, text=self.tr("remove the transition"))

    def add_tip(self) -> None:
        """Add an empty tip."""
        self.insert_item(("tips",), self.count(("tips",)), {}, self.tr("add a tip"))

    def remove_tip(self, index: int) -> None:
        """Remove a tip."""
        self.remove_item(("tips",), index, self.tr("remove a tip"))

    # --- saving ------------------------------------------------------------------------------

    def save(self) -> bool:
        """Save to the user library (keeping the previous version); False if it failed.

        If another window saved the same file meanwhile, `resolve_conflict` decides.
        """
        if not self.can_save or self._item is None:
            return False
        try:
            saved = save_guarded(self._item, self._library.library, self.resolve_conflict)
        except SaveError as error:
            self.saveFailed.emit(str(error))
            return False
        if saved.path is None:
            if saved.conflict is Conflict.KEEP_THEIRS:
                self._library.reload()
                self.theirsKept.emit()
            else:
                self.saveFailed.emit(str(ChangedOnDiskError(Path(f"{saved.item.id}.json"))))
            return False
        item, path = saved.item, saved.path
        if item.id != self._draft.get("id"):
            self._draft["id"] = item.id  # kept as a copy under a free id
            self.changed.emit("id")
        was_new = self.is_new or saved.conflict is Conflict.KEEP_MINE_AS_COPY
        self._original_id = item.id
        self._baseline = document_of(item)
        self._set_dirty(False)
        self.undo_stack.setClean()
        self._library.reload()
        if was_new:
            self.identityChanged.emit()
        self.saved.emit(str(path))
        return True

    # --- after a command changed the document -----------------------------------------

    def _after_edit(self, text: str, *, list_changed: bool) -> None:
        if list_changed:
            self.listChanged.emit(text)
        self._after_change(text)

    def _after_change(self, text: str) -> None:
        self._validate()
        self._set_dirty(self._compute_dirty())
        self.changed.emit(text)

    def _compute_dirty(self) -> bool:
        """Unsaved unless the draft makes exactly the document last saved."""
        if self._baseline is None or self._parsed is None:
            return True
        return document_of(self._parsed) != self._baseline

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirtyChanged.emit(dirty)

    def _validate(self) -> None:
        item, found = check_draft(self._draft)
        self._parsed = item
        library = self._library.library
        if self.is_new:
            found += id_clash_problem(self._draft, library, None)
        if self.document_type == DocumentKind.QUESTION_SET:
            found += question_set_reference_problems(self._draft, library)
        self._item = None if found else item
        if self._item is not None:
            self._last_valid = self._item
        if found != self._problems:
            self._problems = found
            self.problemsChanged.emit()
        self._problems = found

    def saved_path(self) -> Path | None:
        """Where the item is saved in the user library, once it has been."""
        if self._original_id is None:
            return None
        kind = DOCUMENT_TYPES[DocumentKind(self.document_type)]
        return self._library.library.user_dir / kind.folder / f"{self._original_id}.json"
