"""Reading JSON files defensively and writing them atomically, keeping a backup.

Every way a file can be unreadable (missing, a folder, a named pipe or a device,
a symlink loop, too large, not UTF-8, not JSON, a key given twice, NaN) becomes
one `Problem` line instead of a traceback; the bytes come from the one reader
(`reading.py`).
Writing goes to a temporary file that is flushed to disk and renamed over the
target, so a crash or a full disk never leaves half a file; the previous
version is kept next to it as `NAME.json.bak`. On Windows another program (an antivirus
scanner, OneDrive) may hold the file for a moment and the rename is refused: it is tried
again for about a second, then the save fails with a plain message and the file is kept.
"""

from __future__ import annotations

import errno
import json
import os
import re
import tempfile
import time
from pathlib import Path
from typing import Any

from facilitator.core.files.problems import DocumentError, Problem
from facilitator.core.files.read_only import read_only_reason
from facilitator.core.files.reading import MAX_FILE_BYTES, FileStamp, read_stamped

__all__ = [
    "BACKUP_SUFFIX",
    "MAX_FILE_BYTES",
    "SaveError",
    "atomic_write",
    "dumps_document",
    "parse_json_bytes",
    "plain_number",
    "read_json",
    "read_json_stamped",
    "write_json",
]

BACKUP_SUFFIX = ".bak"
_CONSTANT_OR_STRING = re.compile(r'"(?:[^"\\]|\\.)*"|(NaN|-?Infinity)')
"""A JSON string (skipped) or one of the non-numbers Python's json would otherwise accept."""

RENAME_RETRY_PAUSES_S = (0.05, 0.1, 0.15, 0.25, 0.45)
"""Pauses between attempts at a rename another program refuses (1 s in all)."""
HELD_BY_ANOTHER_PROGRAM = frozenset({5, 32, 33})
"""Windows' ERROR_ACCESS_DENIED, ERROR_SHARING_VIOLATION and ERROR_LOCK_VIOLATION: what a
rename gets while another program has the file open."""


class SaveError(Exception):
    """A file could not be saved; the message says why in plain words."""


class _DuplicateKeyError(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


class _NotANumberError(ValueError):
    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """An object from its key/value pairs; a key given twice is an error (not "last wins")."""
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKeyError(key)
            seen.add(key)
    return result


def _constant(name: str) -> Any:
    raise _NotANumberError(name)


def _position(content: str, offset: int) -> str:
    line = content.count("\n", 0, offset) + 1
    column = offset - content.rfind("\n", 0, offset)
    return f"line {line}, column {column}"


def parse_json_bytes(raw: bytes, name: str) -> Any:
    """The JSON document in `raw` (strict: UTF-8, no NaN, no key twice); DocumentError if not."""

    def fail(message: str) -> DocumentError:
        return DocumentError([Problem(name, "", message)])

    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise fail(f"is not UTF-8 text (bad byte at position {error.start})") from None
    if not content.strip():
        raise fail("is empty; expected a JSON document")
    try:
        return json.loads(content, object_pairs_hook=_object, parse_constant=_constant)
    except json.JSONDecodeError as error:
        # Some of json's messages end in "at", waiting for the position that follows here.
        message = error.msg.removesuffix(" at")
        raise fail(
            f"is not valid JSON: {message} at line {error.lineno}, column {error.colno}"
        ) from None
    except _DuplicateKeyError as error:
        shown = json.dumps(error.key, ensure_ascii=False)
        raise fail(
            f"is not valid JSON: the key {shown} is given twice in one object; keep one"
        ) from None
    except _NotANumberError as error:
        found = next(m for m in _CONSTANT_OR_STRING.finditer(content) if m.group(1))
        what = "NaN (not a number)" if error.name == "NaN" else f"{error.name} (infinite)"
        raise fail(
            f"is not valid JSON: {what} is not a number JSON allows, "
            f"at {_position(content, found.start(1))}"
        ) from None
    except (ValueError, RecursionError):
        raise fail("is not valid JSON: a number or nesting is too large to read") from None


def read_json(path: Path, *, label: str | None = None, max_bytes: int = MAX_FILE_BYTES) -> Any:
    """The parsed JSON in `path`; DocumentError with one clear line if that fails."""
    return read_json_stamped(path, label=label, max_bytes=max_bytes)[0]


def read_json_stamped(
    path: Path, *, label: str | None = None, max_bytes: int = MAX_FILE_BYTES
) -> tuple[Any, FileStamp]:
    """The parsed JSON in `path` with the stamp of the bytes read (see `reading`)."""
    name = label or path.name
    raw, stamp = read_stamped(path, label=name, max_bytes=max_bytes)
    return parse_json_bytes(raw, name), stamp


def plain_number(value: float) -> int | float:
    """A number as documents write it: whole numbers without a decimal point, others exactly.

    (Rounding to four decimals wrote 0.00001 minutes as 0, and 0.083334 as 0.0833, which
    is under five seconds per turn: valid items were saved as files that no longer load.)
    """
    return int(value) if float(value).is_integer() else float(value)


def dumps_document(document: Any) -> bytes:
    """The bytes of a document as the app writes it: indented UTF-8 with a final newline.

    SaveError when it holds what no JSON file may: NaN, an infinite number, a lone surrogate.
    """
    try:
        return (json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False) + "\n").encode(
            "utf-8"
        )
    except ValueError as error:  # UnicodeEncodeError is a ValueError too
        reason = (
            "a text holds a broken character (a lone surrogate)"
            if isinstance(error, UnicodeEncodeError)
            else "a number is NaN or infinite"
        )
        raise SaveError(f"Could not save: {reason}. The previous version is unchanged.") from None


def _write_all(fd: int, data: bytes) -> None:
    """Write every byte to `fd` (the lowest layer, replaced in fault tests)."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _pause(seconds: float) -> None:
    """Wait between two attempts at a refused rename (replaced in tests)."""
    time.sleep(seconds)


def _held_by_another_program(error: OSError) -> bool:
    return getattr(error, "winerror", None) in HELD_BY_ANOTHER_PROGRAM


class _HeldFileError(OSError):
    """The rename was still refused after every retry: another program holds the file."""


def _plain_reason(error: OSError) -> str:
    if isinstance(error, _HeldFileError):
        return (
            "another program is holding the file (an antivirus scanner or a sync tool "
            "such as OneDrive); close it or wait a moment, then save again"
        )
    reasons = {
        errno.ENOSPC: "the disk is full",
        errno.EDQUOT: "the disk quota is used up",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.EROFS: "the disk is read-only",
    }
    return reasons.get(error.errno or 0, error.strerror or str(error))


def atomic_write(path: Path, data: bytes, *, keep_backup: bool = True) -> None:
    """Replace `path` with `data` all at once, keeping the old version as a backup.

    On failure the previous file is untouched and SaveError explains why.
    """
    if (reason := read_only_reason(path)) is not None:
        raise SaveError(f"Could not save {path.name}: {reason}. The previous version is unchanged.")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if keep_backup and path.is_file():
            _replace_with(path.with_name(path.name + BACKUP_SUFFIX), path.read_bytes())
        _replace_with(path, data)
    except OSError as error:
        raise SaveError(
            f"Could not save {path.name}: {_plain_reason(error)}. "
            "The previous version is unchanged."
        ) from error


def _replace_with(path: Path, data: bytes) -> None:
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        try:
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        _rename(Path(temporary), path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)


def _rename(source: Path, target: Path) -> None:
    """Rename `source` over `target`, trying again while another program holds the file."""
    for pause in (*RENAME_RETRY_PAUSES_S, None):
        try:
            source.replace(target)
        except PermissionError as error:
            if not _held_by_another_program(error):
                raise
            if pause is None:
                raise _HeldFileError(error.errno, error.strerror) from error
            _pause(pause)
        else:
            return


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable where the platform allows it."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_json(path: Path, document: Any, *, keep_backup: bool = True) -> None:
    """Write `document` as JSON to `path` atomically."""
    atomic_write(path, dumps_document(document), keep_backup=keep_backup)
