"""The real start of the app (`facilitator.launch.run_app`), reporting once its console is up.

    python -m tests.instance_driver [--change-a-preference] [ARGUMENT...]

Runs `run_app` as `facilitator` does, with the command line ARGUMENTs (none: the console
alone). When the console is shown it prints one JSON line, {"event": "open", "pid": ...,
"notices": [...]}; with --change-a-preference it then changes the bell volume (which
saves the preferences) and prints {"event": "changed", "notices": [...]}. It runs until
stdin is closed or says "quit". A second start that opens nothing prints no JSON line.
"""

from __future__ import annotations

import json
import os
import sys

from PySide6.QtCore import QSocketNotifier, QTimer
from PySide6.QtWidgets import QApplication

import facilitator.app as app_module
from facilitator.cli import build_parser


def main(arguments: list[str]) -> int:
    """Start the app as `facilitator ARGUMENT...` would."""
    change = "--change-a-preference" in arguments
    arguments = [a for a in arguments if a != "--change-a-preference"]
    options = build_parser().parse_args(arguments)
    shown = app_module.FacilitatorApp.show

    def show_and_report(app: app_module.FacilitatorApp) -> None:
        shown(app)
        QTimer.singleShot(0, lambda: report(app))

    def report(app: app_module.FacilitatorApp) -> None:
        emit = {"pid": os.getpid(), "notices": app.notices.texts()}
        print(json.dumps({"event": "open", **emit}), flush=True)
        if change:
            app.preferences.update_sound(volume=0.42)
            QTimer.singleShot(
                200,
                lambda: print(
                    json.dumps({"event": "changed", "notices": app.notices.texts()}), flush=True
                ),
            )
        notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read, app)
        notifier.activated.connect(lambda: quit_if_asked(app))

    def quit_if_asked(app: app_module.FacilitatorApp) -> None:
        line = sys.stdin.readline()
        if line.strip() in ("", "quit"):
            application = QApplication.instance()
            if application is not None:
                application.quit()

    app_module.FacilitatorApp.show = show_and_report  # type: ignore[method-assign]
    if options.command == "run":
        from facilitator.cli import main as cli_main

        return cli_main(arguments)
    from facilitator.launch import run_app

    return run_app(options)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
