"""The app's log: a rotating file in the platform's log folder that a facilitator can send.

`configure_logging` runs once at start: every warning since (the app's, Python's and Qt's)
goes into `facilitator.log` (1 MB, three older files kept). `log_start` writes what a
helper needs to know first: the version, the system, Qt, the screens and the sound output.
Only facts about the machine and the app are logged, never what a facilitator typed: no
names, questions or titles (the log statements pass none, and Qt's messages carry none).
A log folder that cannot be written leaves the app running without a file; the caller
says so once.
"""

from __future__ import annotations

import logging
import platform
import sys
from dataclasses import dataclass
from logging.handlers import RotatingFileHandler
from typing import TYPE_CHECKING

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QtMsgType, qInstallMessageHandler, qVersion
from PySide6.QtMultimedia import QMediaDevices

from facilitator import APP_NAME, __version__
from facilitator.core.files.paths import user_log_dir

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtCore import QMessageLogContext
    from PySide6.QtGui import QGuiApplication

    from facilitator.platform.audio import BellPlayer

LOG_FILE = "facilitator.log"
MAX_BYTES = 1024 * 1024
BACKUPS = 3
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

log = logging.getLogger("facilitator")
qt_log = logging.getLogger("qt")

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


@dataclass(frozen=True)
class LogSetup:
    """Where the log goes, or why it cannot be written."""

    folder: Path
    file: Path | None
    problem: str = ""
    """Empty when the log file is written; else a plain reason."""


_handler: logging.Handler | None = None


def configure_logging(folder: Path | None = None) -> LogSetup:
    """Log the app's info and everyone's warnings to a rotating file in `folder`.

    `folder` defaults to the user's log folder (FACILITATOR_LOG_DIR overrides it). Calling
    it again moves the log to the new folder.
    """
    global _handler
    folder = folder or user_log_dir()
    root = logging.getLogger()
    if _handler is not None:
        root.removeHandler(_handler)
        _handler.close()
        _handler = None
    root.setLevel(logging.WARNING)
    log.setLevel(logging.INFO)
    logging.captureWarnings(True)
    qInstallMessageHandler(_from_qt)
    path = folder / LOG_FILE
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
        )
    except OSError as error:
        return LogSetup(folder, None, error.strerror or str(error))
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.setLevel(logging.INFO)
    root.addHandler(handler)
    _handler = handler
    return LogSetup(folder, path)


def stop_logging() -> None:
    """Close the log file and give Qt's messages back to Qt (tests; the end of a process)."""
    global _handler
    if _handler is not None:
        logging.getLogger().removeHandler(_handler)
        _handler.close()
        _handler = None
    qInstallMessageHandler(None)
    logging.captureWarnings(False)


def _from_qt(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's own messages: warnings and worse into the log; all of them to stderr as before."""
    level = _QT_LEVELS.get(kind, logging.WARNING)
    category = getattr(context, "category", None) or "default"
    if level >= logging.WARNING:
        qt_log.log(level, "[%s] %s", category, message)
    if sys.stderr is not None:  # a windowed build on Windows has no stderr
        print(message, file=sys.stderr)


def log_start(application: QGuiApplication, player: BellPlayer) -> None:
    """The facts a helper needs first: version, system, Qt, screens and sound output."""
    log.info("%s %s starting", APP_NAME, __version__)
    log.info(
        "system: %s (%s); Python %s%s",
        platform.platform(),
        platform.machine(),
        platform.python_version(),
        ", built app" if getattr(sys, "frozen", False) else "",
    )
    log.info(
        "Qt %s, PySide6 %s, platform plugin %s",
        qVersion(),
        pyside_version,
        application.platformName(),
    )
    for number, screen in enumerate(application.screens()):
        geometry = screen.geometry()
        log.info(
            "screen %d: %s, %dx%d at (%d, %d), scale %.2f, %.0f Hz",
            number,
            screen.name(),
            geometry.width(),
            geometry.height(),
            geometry.x(),
            geometry.y(),
            screen.devicePixelRatio(),
            screen.refreshRate(),
        )
    outputs = [device.description() for device in QMediaDevices.audioOutputs()]
    log.info(
        "sound outputs: %s; the default: %s",
        ", ".join(outputs) or "none",
        QMediaDevices.defaultAudioOutput().description() or "none",
    )
    if not player.available:
        log.warning("sound: unavailable (%s)", player.unavailable_reason)
