"""One copy of the app per data folder: a lock file, and a local socket to the copy that has it.

A second start with the same data folder asks the running copy (over a local socket:
QLocalServer/QLocalSocket, a Unix socket or a Windows named pipe, never the network) to
bring its console to the front, and opens nothing itself: two copies would write the same
files. If the running copy does not answer, the second start says plainly that the app
is already open. A lock left by a copy that crashed is taken over (QLockFile checks that
the process that wrote it is gone). A data folder that cannot be written at all opens
read-only: nothing is written, and the console says so.
"""

from __future__ import annotations

import enum
import errno
import os
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QCryptographicHash,
    QDir,
    QLockFile,
    QObject,
    QStandardPaths,
    Signal,
)
from PySide6.QtNetwork import QLocalServer, QLocalSocket

if TYPE_CHECKING:
    from pathlib import Path

LOCK_FILE = "facilitator.lock"
SHOW = b"show\n"
SHOWN = b"shown\n"
CONNECT_MS = 1000
ANSWER_MS = 3000
STARTING_S = 5.0
"""How long a second start waits for a copy that holds the lock but is still starting."""


class Outcome(enum.Enum):
    """What a start found."""

    FIRST = "first"
    """This copy holds the data folder: it opens as usual."""
    SHOWN = "shown"
    """Another copy has the folder and brought its console to the front."""
    ALREADY_OPEN = "already-open"
    """Another copy has the folder and did not answer."""
    READ_ONLY = "read-only"
    """The folder cannot be written: this copy opens without writing anything."""


@dataclass(frozen=True)
class Claim:
    """The outcome, and what a facilitator is told about it."""

    outcome: Outcome
    reason: str = ""
    """Why the folder is read-only, or which copy has it (process, computer)."""


def server_name(data_dir: Path) -> str:
    """The local socket of the copy that has `data_dir`: the same for every start with it."""
    digest = QCryptographicHash.hash(
        os.fsencode(str(data_dir.resolve())), QCryptographicHash.Algorithm.Sha256
    )
    key = bytes(digest.toHex().data()[:16]).decode()
    user = os.environ.get("USER") or os.environ.get("USERNAME") or ""
    name = f"facilitator-{key}"
    runtime = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.RuntimeLocation)
    if os.name == "posix" and runtime and len(runtime) < 60:
        return QDir(runtime).filePath(name)  # the user's own folder: no one else sees it
    return f"{name}-{user}" if user else name


class InstanceGuard(QObject):
    """Claims a data folder for this copy, and answers later starts that want it too."""

    showRequested = Signal()
    """A second start asked for the console (the app brings it to the front)."""

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._data_dir = data_dir
        self._name = server_name(data_dir)
        self._lock = QLockFile(str(data_dir / LOCK_FILE))
        self._lock.setStaleLockTime(0)  # never stale by age: a workshop day is long
        self._server: QLocalServer | None = None

    @property
    def lock_path(self) -> Path:
        """The lock file."""
        return self._data_dir / LOCK_FILE

    def claim(self) -> Claim:
        """Take the data folder for this copy, or find out who has it."""
        answered = self._ask_running_copy()
        if answered is not None:
            return answered
        try:
            self._data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            return self._read_only(_plain_reason(error))
        if self._lock.tryLock(0):
            self._listen()
            return Claim(Outcome.FIRST)
        if self._lock.error() is QLockFile.LockError.LockFailedError:
            return self._wait_for_running_copy()
        return self._read_only(self._not_writable_reason())

    def _read_only(self, reason: str) -> Claim:
        """Open without writing; a later start still finds this copy and shows it."""
        self._listen()
        return Claim(Outcome.READ_ONLY, reason)

    def release(self) -> None:
        """Let the next start have the folder (the app is quitting)."""
        if self._server is not None:
            self._server.close()
            self._server = None
        self._lock.unlock()

    # --- the second start --------------------------------------------------------------

    def _ask_running_copy(self) -> Claim | None:
        """Ask a running copy to show its console; None when none answers."""
        socket = QLocalSocket()
        socket.connectToServer(self._name)
        if not socket.waitForConnected(CONNECT_MS):
            return None
        socket.write(SHOW)
        socket.waitForBytesWritten(ANSWER_MS)
        answer = b""
        while SHOWN not in answer and socket.waitForReadyRead(ANSWER_MS):
            answer += bytes(socket.readAll().data())
        socket.disconnectFromServer()
        return Claim(Outcome.SHOWN if SHOWN in answer else Outcome.ALREADY_OPEN, self._holder())

    def _wait_for_running_copy(self) -> Claim:
        """The lock is held: the copy may still be starting, so ask it for a while."""
        deadline = time.monotonic() + STARTING_S
        while time.monotonic() < deadline:
            answered = self._ask_running_copy()
            if answered is not None:
                return answered
            if self._lock.tryLock(0):  # it was quitting, or it crashed meanwhile
                self._listen()
                return Claim(Outcome.FIRST)
            time.sleep(0.1)
        return Claim(Outcome.ALREADY_OPEN, self._holder())

    def _holder(self) -> str:
        pid, host, _application = self._lock.getLockInfo()
        if not pid:
            return ""
        if host:
            return self.tr("process {pid} on {host}").format(pid=pid, host=host)
        return self.tr("process {pid}").format(pid=pid)

    # --- the first start ---------------------------------------------------------------

    def _listen(self) -> None:
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        QLocalServer.removeServer(self._name)  # a socket file a crashed copy left behind
        if server.listen(self._name):
            server.newConnection.connect(self._answer)
            self._server = server
        # Without a server a second start cannot reach this copy; it finds the lock held
        # and says plainly that the app is already open.

    def _answer(self) -> None:
        server = self._server
        if server is None:
            return
        while (socket := server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda socket=socket: self._read(socket))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        if SHOW.strip() in bytes(socket.readAll().data()):
            self.showRequested.emit()
            socket.write(SHOWN)
            socket.flush()

    def _not_writable_reason(self) -> str:
        probe = self._data_dir / f".{LOCK_FILE}.probe"
        try:
            probe.write_bytes(b"")
            probe.unlink()
        except OSError as error:
            return _plain_reason(error)
        # The folder takes files, but the lock cannot be made (a lock file of another user):
        # read-only all the same, so that two copies never write the same files.
        return self.tr("its lock file cannot be made")


def _plain_reason(error: OSError) -> str:
    if error.errno == errno.EROFS:
        return QCoreApplication.translate("InstanceGuard", "the disk is read-only")
    if error.errno in (errno.EACCES, errno.EPERM):
        return QCoreApplication.translate("InstanceGuard", "permission denied")
    return error.strerror or str(error)
