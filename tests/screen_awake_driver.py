"""The real app, with the machine's real screen keeper, in a child process driven over stdin.

    python -m tests.screen_awake_driver STRUCTURE

Built as `facilitator.launch.run_app` builds it (the real screens and screen keeper, a fake
bell), it starts STRUCTURE at once and prints one JSON line per event on stdout. Commands,
one per line on stdin: `report` (the screen keeper and the notices now), `next` (Next),
`end` (End session), `start` (a new session of STRUCTURE), `quit` (as File > Quit,
answering yes when asked).
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any

from PySide6.QtCore import QSocketNotifier
from PySide6.QtWidgets import QApplication

from facilitator.app import FacilitatorApp
from facilitator.controllers.startup import system_screen_keeper
from facilitator.platform.audio import FakeBellPlayer
from facilitator.platform.edges import Platform
from facilitator.platform.screens import QtScreenProvider
from tests.scripted_prompts import ScriptedPrompts


def emit(record: dict[str, Any]) -> None:
    """One report line for the parent."""
    print(json.dumps(record), flush=True)


def main(structure: str) -> int:
    """Run the app until told to quit."""
    application = QApplication(sys.argv[:1])
    application.setApplicationName("Facilitator")  # as run_app names it
    application.setQuitOnLastWindowClosed(False)
    keeper = system_screen_keeper(application)
    platform = Platform(QtScreenProvider(), FakeBellPlayer(), awake=keeper)
    app = FacilitatorApp(platform, prompts=ScriptedPrompts())  # "Quit during a session?": yes
    app.console.quitRequested.connect(application.quit)
    application.aboutToQuit.connect(app.screen_awake.release)
    app.show()

    def report(event: str) -> None:
        status = app.run.status()
        emit(
            {
                "event": event,
                "pid": os.getpid(),
                "state": status.state.value if status is not None else None,
                "held": app.screen_awake.held,
                "notices": app.notices.texts(),
            }
        )

    keeper.holding.connect(lambda: report("holding"))
    keeper.refused.connect(lambda _reason: report("refused"))

    def start() -> None:
        assert app.start_run(structure, windowed=True), app.notices.texts()
        app.run.start()
        report("started")

    def command() -> None:
        line = sys.stdin.readline().strip()
        if line in ("", "quit"):
            app.console.close()
        elif line == "end":
            app.end_session()
            report("ended")
        elif line == "start":
            start()
        elif line == "report":
            report("report")
        elif line == "next":
            app.run.next()
            report("next")

    notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
    notifier.activated.connect(command)
    start()
    code = application.exec()
    report("quit")
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
