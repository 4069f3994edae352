"""The user's own copies: free ids for copies, and reverting a copy to its built-in."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from facilitator.core.documents.drafting import draft_of
from facilitator.core.documents.library import Library, Origin
from facilitator.core.documents.registry import Item, type_of_item
from facilitator.core.files.jsonio import BACKUP_SUFFIX

if TYPE_CHECKING:
    from collections.abc import Iterable
    from pathlib import Path

COPY_SUFFIX = "-copy"
REVERTED_SUFFIX = ".reverted"


def suggest_id(base: str, taken: Iterable[str], suffix: str = COPY_SUFFIX) -> str:
    """A free id for a copy of `base`: base-copy, base-copy-2, ... (at most 64 characters)."""
    used = set(taken)
    stem = base[: 64 - len(suffix)].rstrip("-") + suffix
    if stem not in used:
        return stem
    number = 2
    while True:
        ending = f"-{number}"
        candidate = stem[: 64 - len(ending)].rstrip("-") + ending
        if candidate not in used:
            return candidate
        number += 1


def taken_ids(library: Library, type_name: str) -> set[str]:
    """Every id of one document type in the library."""
    return {item.id for item in library.items(type_name)}


def copy_draft(item: Item, library: Library) -> dict[str, Any]:
    """The draft of a copy of `item` under a free id."""
    draft = draft_of(item)
    draft["id"] = suggest_id(item.id, taken_ids(library, type_of_item(item).name))
    return draft


class RevertError(ValueError):
    """An item cannot be reverted to its built-in; the message says why."""


def revert_to_builtin(library: Library, type_name: str, item_id: str) -> Path:
    """Remove the user's copy that overrides a built-in, keeping it as a backup file.

    Returns the backup's path. The built-in itself is never touched.
    """
    entry = library.entry(type_name, item_id)
    if entry is None or entry.origin is not Origin.USER or not entry.overrides_builtin:
        raise RevertError(f"{item_id!r} is not your own copy of a built-in")
    backup = entry.path.with_name(entry.path.name + REVERTED_SUFFIX + BACKUP_SUFFIX)
    try:
        entry.path.replace(backup)
    except OSError as error:
        raise RevertError(
            f"could not remove your copy {entry.path.name}: {error.strerror or error}"
        ) from error
    return backup
