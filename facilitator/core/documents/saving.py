"""Saving a document into the user library without overwriting another window's save.

`save_guarded` saves an item if its file is still as this copy loaded it. When another
window saved it meanwhile, the caller's `resolve` is asked what to do (`Conflict`): keep
theirs (nothing is saved), keep mine as a copy (saved under a free id, theirs untouched),
overwrite (theirs stays as the backup), or cancel.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from facilitator.core.documents.library import (
    Library,
    load_library,
    save_checked,
    save_to_user_library,
)
from facilitator.core.documents.registry import type_of_item
from facilitator.core.documents.user_copies import suggest_id, taken_ids
from facilitator.core.files.guarded import ChangedOnDiskError, Conflict

if TYPE_CHECKING:
    from pathlib import Path

    from facilitator.core.documents.registry import Item

COPY_SUFFIX = "-mine"

Resolve = Callable[[str], Conflict]
"""Asked with the file's name when another window changed it: what to do."""


@dataclass(frozen=True)
class Saved:
    """What a guarded save did."""

    conflict: Conflict | None
    """What was chosen after another window's save (None: there was none)."""
    item: Item
    """What is in the library now for this edit: this window's item, its copy, or theirs'."""
    path: Path | None
    """The file written; None when nothing was (theirs kept, or cancelled)."""


def save_guarded(item: Item, library: Library, resolve: Resolve) -> Saved:
    """Save `item`; on another window's change, do what `resolve` chooses. SaveError on failure."""
    try:
        return Saved(None, item, save_checked(item, library))
    except ChangedOnDiskError as error:
        choice = resolve(error.path.name)
    if choice is Conflict.OVERWRITE:
        return Saved(choice, item, save_to_user_library(item, library.user_dir))
    if choice is Conflict.KEEP_MINE_AS_COPY:
        now = load_library(library.builtin_dir, library.user_dir)
        copy = dataclasses.replace(
            item, id=suggest_id(item.id, taken_ids(now, type_of_item(item).name), COPY_SUFFIX)
        )
        return Saved(choice, copy, save_checked(copy, now))
    if choice is Conflict.KEEP_THEIRS:
        return Saved(choice, item, None)
    return Saved(Conflict.CANCEL, item, None)
