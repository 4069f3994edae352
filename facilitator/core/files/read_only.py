"""Folders this process must not write: a data folder opened read-only.

When the app cannot claim its data folder for writing (the disk is read-only, or the
folder cannot be written), it opens read-only: sessions run, but nothing is saved there.
`atomic_write` (jsonio.py) asks `read_only_reason` before it writes anything, so no save,
crash record, draft or preference reaches such a folder, whoever asks for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

_READ_ONLY: dict[Path, str] = {}


def open_read_only(folder: Path, reason: str) -> None:
    """From now on, refuse to write anything inside `folder`, saying `reason`."""
    _READ_ONLY[folder.resolve()] = reason


def writable_again(folder: Path) -> None:
    """Allow writing inside `folder` again."""
    _READ_ONLY.pop(folder.resolve(), None)


def read_only_reason(path: Path) -> str | None:
    """Why `path` may not be written, or None when it may."""
    resolved = path.resolve()
    for folder, reason in _READ_ONLY.items():
        if resolved == folder or folder in resolved.parents:
            return reason
    return None
