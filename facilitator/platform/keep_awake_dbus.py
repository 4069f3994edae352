"""The freedesktop idle-inhibition service on the session D-Bus: GNOME, KDE, Xfce and others.

`Inhibit(application, reason) -> cookie` holds the session off idle (no screen saver, no
dimming, no display sleep) until `UnInhibit(cookie)`, or until the client leaves the bus
(https://specifications.freedesktop.org/idle-inhibit-spec/latest/). The hold is asked on a
private connection of its own, which is closed on release: the service then drops the hold
whatever became of UnInhibit, exactly as it does when the app crashes.

The request does not block the app: its answer arrives later, as `holding` or `refused`.
"""

from __future__ import annotations

from PySide6.QtCore import Q_ARG, QMetaObject, QObject, Qt
from PySide6.QtDBus import (
    QDBusConnection,
    QDBusError,
    QDBusInterface,
    QDBusMessage,
    QDBusPendingCallWatcher,
)

from facilitator.platform.keep_awake import ScreenKeeper

SERVICE = "org.freedesktop.ScreenSaver"
INTERFACE = "org.freedesktop.ScreenSaver"
OBJECT_PATHS = ("/org/freedesktop/ScreenSaver", "/ScreenSaver")
"""The path the specification names, then the one older KDE releases used."""
CONNECTION_NAME = "facilitator-keep-awake"
CALL_TIMEOUT_MS = 5000
NOT_THERE = (
    QDBusError.ErrorType.UnknownObject,
    QDBusError.ErrorType.UnknownMethod,
    QDBusError.ErrorType.UnknownInterface,
)
"""Errors that mean "not at this path": the next path is tried."""


class FreedesktopScreenSaver(ScreenKeeper):
    """Inhibit and UnInhibit on `org.freedesktop.ScreenSaver`, on a connection of its own."""

    def __init__(
        self,
        application_name: str,
        bus: QDBusConnection.BusType = QDBusConnection.BusType.SessionBus,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._application_name = application_name
        self._bus = bus
        self._connection: QDBusConnection | None = None
        self._asking = False
        self._cookie: int | None = None
        self._path = OBJECT_PATHS[0]

    @property
    def cookie(self) -> int | None:
        """The service's number for the hold, while it is held."""
        return self._cookie

    def _hold(self, reason: str) -> None:
        if self._asking:
            return  # the earlier request is still on its way; its answer now counts again
        connection = QDBusConnection.connectToBus(self._bus, CONNECTION_NAME)
        if not connection.isConnected():
            self._disconnect()
            self.refused.emit(self.tr("there is no D-Bus session bus"))
            return
        self._connection = connection
        self._reason = reason
        self._ask(0)

    def _ask(self, path_index: int) -> None:
        assert self._connection is not None
        self._asking = True
        message = QDBusMessage.createMethodCall(
            SERVICE, OBJECT_PATHS[path_index], INTERFACE, "Inhibit"
        )
        message.setArguments([self._application_name, self._reason])
        watcher = QDBusPendingCallWatcher(
            self._connection.asyncCall(message, CALL_TIMEOUT_MS), self
        )
        watcher.finished.connect(lambda done: self._answered(done, path_index))

    def _answered(self, watcher: QDBusPendingCallWatcher, path_index: int) -> None:
        watcher.deleteLater()
        self._asking = False
        if watcher.isError():
            error = watcher.error()
            if error.type() in NOT_THERE and path_index + 1 < len(OBJECT_PATHS) and self.wanted:
                self._ask(path_index + 1)
                return
            self._disconnect()
            if self.wanted:
                self.refused.emit(
                    self.tr("the screen saver service did not agree ({reason})").format(
                        reason=error.message() or error.name()
                    )
                )
            return
        arguments = watcher.reply().arguments()
        self._cookie = int(arguments[0]) if arguments else 0
        self._path = OBJECT_PATHS[path_index]
        if self.wanted:
            self.holding.emit()
        else:
            self._release()  # released while the request was on its way

    def _release(self) -> None:
        if self._asking:
            return  # the answer releases it (see _answered)
        if self._cookie is not None and self._connection is not None:
            self._uninhibit(self._connection, self._cookie)
        self._cookie = None
        self._disconnect()

    def _uninhibit(self, connection: QDBusConnection, cookie: int) -> None:
        """UnInhibit(cookie), the cookie sent as the uint32 the service expects.

        Python's ints reach D-Bus as int32 through a plain message, which the services
        refuse; the interface's introspected UnInhibit(uint) carries the right type.
        """
        interface = QDBusInterface(SERVICE, self._path, INTERFACE, connection)
        interface.setTimeout(CALL_TIMEOUT_MS)
        QMetaObject.invokeMethod(
            interface, "UnInhibit", Qt.ConnectionType.DirectConnection, Q_ARG("uint", cookie)
        )

    def _disconnect(self) -> None:
        self._connection = None
        QDBusConnection.disconnectFromBus(CONNECTION_NAME)
