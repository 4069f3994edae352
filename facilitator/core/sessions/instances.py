"""Which copy of the app owns a crash record, and whether that copy is still running.

Two copies of the app may run on one data folder (started twice, or the single-instance
lock failed). Each keeps its running session in a record of its own, named after the copy
(`running-session-<instance>.json`), and holds an operating-system lock on a file beside it
(`running-session-<instance>.lock`) for as long as it runs. The system lets go of such a
lock when the process ends, however it ends (a crash, `kill -9`, a power cut), so a record
whose lock no other process holds belongs to a copy that is gone: its session was
interrupted. Where no lock can be taken, the record's process id and host name decide.
A process never opens its own lock file a second time (closing it would drop the lock).
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pathlib import Path


@dataclass(frozen=True)
class Owner:
    """The copy of the app that writes a record: its instance id, process id and host."""

    instance: str
    pid: int
    host: str

    def to_json(self) -> dict[str, Any]:
        """The owner as plain data."""
        return {"instance": self.instance, "pid": self.pid, "host": self.host}

    @classmethod
    def from_json(cls, data: Any) -> Owner | None:
        """The owner in a record, or None when the record does not say (an older record)."""
        if not isinstance(data, dict):
            return None
        instance, pid, host = data.get("instance"), data.get("pid"), data.get("host")
        if not (isinstance(instance, str) and isinstance(pid, int) and isinstance(host, str)):
            return None
        return cls(instance, pid, host)


def this_copy(instance: str) -> Owner:
    """The owner that this process writes into its records."""
    return Owner(instance, os.getpid(), host_name())


class InstanceLock:
    """An operating-system lock on one file, held while this copy runs."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._file: IO[bytes] | None = None

    @property
    def held(self) -> bool:
        """Whether this copy holds the lock."""
        return self._file is not None

    def acquire(self) -> bool:
        """Take the lock (creating its file); False where the folder or system does not allow it.

        The file is held open for reading only (a shared lock), so the folder's disk can
        still be made read-only while the app runs.
        """
        if self._file is not None:
            return True
        try:
            self.path.touch()
            stream = self.path.open("rb")
        except OSError:
            return False
        if not _lock(stream, shared=True):
            stream.close()
            return False
        self._file = stream
        return True

    def release(self, *, remove: bool = True) -> None:
        """Let go of the lock (and remove its file)."""
        if self._file is None:
            return
        if remove:
            with contextlib.suppress(OSError):
                self.path.unlink()
        with contextlib.suppress(OSError):
            self._file.close()
        self._file = None


def host_name() -> str:
    """This machine's name (without the networking modules: the app opens no connection)."""
    uname = getattr(os, "uname", None)
    return uname().nodename if uname is not None else os.environ.get("COMPUTERNAME", "")


def lock_is_held(path: Path) -> bool | None:
    """Whether a running process holds the lock on `path`; None when there is no lock file."""
    try:
        descriptor = os.open(path, os.O_RDWR | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    with os.fdopen(descriptor, "r+b") as stream:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            return None
        if _lock(stream, shared=False):
            _unlock(stream)
            return False
        return True


def process_runs(owner: Owner) -> bool | None:
    """Whether the owner's process still runs on this machine; None when this cannot be told."""
    if owner.host != host_name() or os.name != "posix" or owner.pid <= 0:
        return None
    if owner.pid == os.getpid():
        return True
    try:
        os.kill(owner.pid, 0)  # signal 0 only asks whether the process exists (POSIX)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, under another user
    except OSError:
        return None
    return True


def is_live(lock_path: Path, owner: Owner | None) -> bool:
    """Whether the copy that wrote a record still runs (its lock, else its process id)."""
    held = lock_is_held(lock_path)
    if held is not None:
        return held
    if owner is None:
        return False  # an older record, from before copies kept records of their own
    return bool(process_runs(owner))


if sys.platform == "win32":
    import msvcrt

    def _lock(stream: IO[bytes], *, shared: bool) -> bool:
        try:
            stream.seek(0)
            mode = msvcrt.LK_NBRLCK if shared else msvcrt.LK_NBLCK
            msvcrt.locking(stream.fileno(), mode, 1)
        except OSError:
            return False
        return True

    def _unlock(stream: IO[bytes]) -> None:
        with contextlib.suppress(OSError):
            stream.seek(0)
            msvcrt.locking(stream.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    # POSIX record locks (lockf), not flock: they belong to the process, so a process is
    # never kept out by its own lock, and the system drops them when the process ends.
    def _lock(stream: IO[bytes], *, shared: bool) -> bool:
        try:
            kind = fcntl.LOCK_SH if shared else fcntl.LOCK_EX
            fcntl.lockf(stream.fileno(), kind | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def _unlock(stream: IO[bytes]) -> None:
        with contextlib.suppress(OSError):
            fcntl.lockf(stream.fileno(), fcntl.LOCK_UN)
