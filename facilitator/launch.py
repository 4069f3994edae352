"""Starting the app as a facilitator does: one copy per data folder, the log, the real edges.

`run_app` is what `facilitator` and `facilitator run ...` call: it claims the data folder
(a second start shows the running console instead), sets up the log, builds
`FacilitatorApp` (app.py) on the machine's real screens, sound and screen keeper, and runs
Qt's event loop.
"""

from __future__ import annotations

import linecache
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from facilitator import APP_ID, APP_NAME, __version__
from facilitator.app import FacilitatorApp
from facilitator.controllers.startup import (
    already_open,
    read_only_notice,
    read_only_reason,
    system_screen_keeper,
)
from facilitator.core.files.kinds import DocumentKind
from facilitator.core.files.paths import user_data_dir
from facilitator.core.files.read_only import open_read_only
from facilitator.platform.app_log import configure_logging, log_start
from facilitator.platform.edges import Platform
from facilitator.platform.qt_audio import QtBellPlayer
from facilitator.platform.screens import QtScreenProvider
from facilitator.platform.single_instance import InstanceGuard, Outcome
from facilitator.platform.startup_report import watch_startup_if_asked
from facilitator.ui.app_icon import app_icon
from facilitator.ui.plain import plain_message

if TYPE_CHECKING:
    import argparse

    from facilitator.core.documents.library import Library


def run_app(options: argparse.Namespace, *, library: Library | None = None) -> int:
    """Open the console (and with `facilitator run`, a session straight away).

    `library` is the library the command line has read already (`facilitator run`), else it
    is read here.
    """
    log_setup = configure_logging()
    # PySide6 reads the source of every module imported after it (looking for its
    # `__feature__` imports) and keeps every line in linecache: megabytes never read again,
    # given back here before the windows are built so that they can use that memory.
    linecache.clearcache()
    existing = QApplication.instance()
    application = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    application.setApplicationName(APP_NAME)
    application.setApplicationVersion(__version__)
    application.setDesktopFileName(APP_ID)
    application.setWindowIcon(app_icon())
    application.setQuitOnLastWindowClosed(False)
    data_dir = user_data_dir()
    guard = InstanceGuard(data_dir, application)
    claim = guard.claim()
    if claim.outcome in (Outcome.SHOWN, Outcome.ALREADY_OPEN):
        return already_open(claim, options)  # never a second writer of the same files
    if claim.outcome is Outcome.READ_ONLY:
        open_read_only(data_dir, read_only_reason(claim))
    player = QtBellPlayer()
    app = FacilitatorApp(
        Platform(QtScreenProvider(), player, awake=system_screen_keeper(application)),
        library=library,
    )
    log_start(application, player)
    app.report_log(log_setup)
    if claim.outcome is Outcome.READ_ONLY:
        app.notices.post(read_only_notice(data_dir, claim), key="read-only")
    guard.showRequested.connect(lambda: app.console.bring_to_front())
    application.aboutToQuit.connect(app.screen_awake.release)
    application.aboutToQuit.connect(guard.release)
    app.console.quitRequested.connect(application.quit)
    app.show()
    if getattr(options, "command", None) == "run":
        _start_from_command_line(app, options)
    else:
        app.offer_resume()
    watch_startup_if_asked([app.console, app.card.canvas], app)
    return application.exec()


def _start_from_command_line(app: FacilitatorApp, options: argparse.Namespace) -> None:
    """`facilitator run ID [--screen N] [--speed F] [--windowed]`: start that session now."""
    screens = app.placement.available()
    screen = None
    if options.screen is not None:
        if not 0 <= options.screen < len(screens):
            box = plain_message(
                app.console,
                QMessageBox.Icon.Warning,
                APP_NAME,
                QCoreApplication.translate(
                    "FacilitatorApp",
                    "There is no screen {number}; the card opens on the default screen.",
                ).format(number=options.screen),
            )
            box.exec()
        else:
            screen = screens[options.screen].name
    where = {"speed": options.speed, "screen": screen, "windowed": options.windowed}
    if getattr(options, "kind", DocumentKind.STRUCTURE) is DocumentKind.PLAN:
        app.start_plan(options.id, fit=options.fit, language=options.lang, **where)
    else:
        app.start_run(
            options.id,
            questions_id=options.questions,
            fit=options.fit,
            language=options.lang,
            group_size=getattr(options, "group_size", None),
            **where,
        )
