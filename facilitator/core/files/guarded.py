"""Writes that another copy of the app could race: nothing one window saved is lost silently.

Two windows (two copies of the app on one data folder) may each have a file loaded. A save
checks first that the file on disk is still the one this copy loaded (its content stamp:
size and checksum, see `reading.FileStamp`); when another window changed it meanwhile,
`ChangedOnDiskError` says so instead of overwriting, and the caller asks the facilitator
(`Conflict`). Settings files (the preferences, the UI state) are merged instead, key by
key: this copy's changes on top of what the other window wrote.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Any

from facilitator.core.files.jsonio import SaveError, atomic_write, dumps_document
from facilitator.core.files.reading import FileStamp, stamp_of, stamp_on_disk

if TYPE_CHECKING:
    from pathlib import Path


class Conflict(StrEnum):
    """What to do with a file another window changed since this one loaded it."""

    KEEP_THEIRS = "keep-theirs"
    """Leave their file as it is; this window's changes are dropped."""
    KEEP_MINE_AS_COPY = "keep-mine-as-copy"
    """Leave their file as it is and save this window's version under a new id."""
    OVERWRITE = "overwrite"
    """Save this window's version over theirs (theirs stays as the backup)."""
    CANCEL = "cancel"
    """Save nothing for now."""


class ChangedOnDiskError(SaveError):
    """The file changed on disk since this copy loaded it: another window saved it."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"{path.name} was changed by another window since this one opened it; "
            "nothing was saved."
        )
        self.path = path


def write_json_guarded(
    path: Path, document: Any, expected: FileStamp | None, *, keep_backup: bool = True
) -> FileStamp:
    """Write `document` to `path` if it still holds `expected` (None: no file); its new stamp.

    ChangedOnDiskError when another window changed (or created, or removed) the file since.
    The check and the write are a few microseconds apart; the write itself is atomic.
    """
    current = stamp_on_disk(path)
    unchanged = current is None if expected is None else expected.same_content(current)
    if not unchanged:
        raise ChangedOnDiskError(path)
    data = dumps_document(document)
    atomic_write(path, data, keep_backup=keep_backup)
    return stamp_of(data)


def merge_changes(base: Any, mine: Any, theirs: Any) -> Any:
    """`theirs` with every change `mine` made to `base` on top, object by object.

    For settings: a key this window changed takes this window's value; every other key
    keeps what the other window wrote.
    """
    if isinstance(base, dict) and isinstance(mine, dict) and isinstance(theirs, dict):
        merged = dict(theirs)
        for key in mine.keys() | base.keys():
            if key not in mine:
                if key in base:
                    merged.pop(key, None)  # this window removed it
                continue
            if key not in base:
                merged[key] = mine[key]
            elif mine[key] != base[key]:
                merged[key] = merge_changes(base[key], mine[key], theirs.get(key, base[key]))
        return merged
    return theirs if mine == base else mine
