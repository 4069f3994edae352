"""The one reader of every file the app reads: regular files only, never blocking, size-capped.

A named pipe, a device, a socket or a folder where a file is expected is refused without
waiting on it: the path is looked at first, then opened without blocking (a pipe swapped in
between the two is caught by looking at the open file again), and only a regular file is
read. The size is checked before reading and the reading stops one byte past the cap. Every
way this can fail is one `Problem` line in a `DocumentError`.

What was read comes with a `FileStamp` (size, modification time, a checksum of the bytes),
so a later save can tell whether another copy of the app changed the file since.
"""

from __future__ import annotations

import errno
import os
import stat
import zlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from facilitator.core.files.problems import DocumentError, Problem

if TYPE_CHECKING:
    from pathlib import Path

MAX_FILE_BYTES = 1024 * 1024
"""Files larger than this (1 MB) are refused before they are read."""

_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)
"""Open for reading without ever waiting for a writer (a named pipe) or taking a terminal."""
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class FileStamp:
    """What a file held when this copy of the app read or wrote it."""

    size: int
    mtime_ns: int
    checksum: int
    """CRC-32 of the bytes (zlib: cheap to load at start-up, unlike hashlib's OpenSSL)."""

    def same_content(self, other: FileStamp | None) -> bool:
        """Whether `other` stamps the same bytes (the time alone may differ)."""
        return other is not None and (self.size, self.checksum) == (other.size, other.checksum)


def stamp_of(data: bytes, mtime_ns: int = 0) -> FileStamp:
    """The stamp of `data` (as written, or as read with its modification time)."""
    return FileStamp(len(data), mtime_ns, zlib.crc32(data))


def not_a_file(mode: int) -> str | None:
    """What a file of this `st_mode` is unless it is a regular file ("a named pipe"); else None."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


class MissingFileError(DocumentError):
    """There is no file at the path."""


class NotAFileError(DocumentError):
    """Something other than a regular file is at the path; `what` it is ("a named pipe")."""

    def __init__(self, name: str, what: str) -> None:
        super().__init__([Problem(name, "", f"is {what}, not a file")])
        self.what = what


class FileTooLargeError(DocumentError):
    """The file is larger than the cap; `size` in bytes (at least the cap plus one)."""

    def __init__(self, name: str, size: int, max_bytes: int, too_large: str) -> None:
        super().__init__([Problem(name, "", f"is larger than {max_bytes // 1024} KB; {too_large}")])
        self.size = size


def read_stamped(
    path: Path,
    *,
    label: str | None = None,
    max_bytes: int = MAX_FILE_BYTES,
    too_large: str = "files this big are refused",
) -> tuple[bytes, FileStamp]:
    """The bytes of the regular file at `path` and their stamp; DocumentError in one line."""
    name = label or path.name

    def fail(message: str) -> DocumentError:
        return DocumentError([Problem(name, "", message)])

    try:
        what = not_a_file(path.stat().st_mode)
        if what is not None:
            raise NotAFileError(name, what)
        descriptor = os.open(path, _OPEN_FLAGS)
    except FileNotFoundError:
        raise MissingFileError([Problem(name, "", "no such file")]) from None
    except OSError as error:
        raise fail(_open_reason(error)) from None
    try:
        info = os.fstat(descriptor)
        what = not_a_file(info.st_mode)  # swapped for a pipe since the first look
        if what is not None:
            raise NotAFileError(name, what)
        if info.st_size > max_bytes:
            raise FileTooLargeError(name, info.st_size, max_bytes, too_large)
        chunks: list[bytes] = []
        total = 0
        while total <= max_bytes:
            chunk = os.read(descriptor, min(_CHUNK, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as error:
        raise fail(f"cannot be read: {error.strerror or error}") from None
    finally:
        os.close(descriptor)
    data = b"".join(chunks)
    if len(data) > max_bytes:
        raise FileTooLargeError(name, len(data), max_bytes, too_large)
    return data, stamp_of(data, info.st_mtime_ns)


def read_bytes(
    path: Path,
    *,
    label: str | None = None,
    max_bytes: int = MAX_FILE_BYTES,
    too_large: str = "files this big are refused",
) -> bytes:
    """The bytes of the regular file at `path`; DocumentError with one clear line if not."""
    return read_stamped(path, label=label, max_bytes=max_bytes, too_large=too_large)[0]


def stamp_on_disk(path: Path, max_bytes: int = MAX_FILE_BYTES) -> FileStamp | None:
    """The stamp of what `path` holds now; None when there is no file there.

    Anything there that cannot be read gets a stamp that matches nothing this copy wrote.
    """
    try:
        return read_stamped(path, max_bytes=max_bytes)[1]
    except DocumentError:
        if not os.path.lexists(path):
            return None
        return FileStamp(-1, 0, 0)


def _open_reason(error: OSError) -> str:
    if isinstance(error, IsADirectoryError):
        return "is a folder, not a file"
    if isinstance(error, PermissionError):
        return "cannot be read: permission denied"
    if error.errno == errno.ELOOP:
        return "is a symbolic link that points to itself (a link loop)"
    if error.errno == errno.ENXIO:
        return "is a socket or a device, not a file"
    return f"cannot be read: {error.strerror or error}"
