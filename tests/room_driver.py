"""The real app on the machine's real screens, in a child process that opens its windows one by one.

    python -m tests.room_driver LANGUAGE

Built as `facilitator.launch.run_app` builds it (the real screens, a fake bell), in the
interface LANGUAGE, with a session of Impromptu Networking running. Commands, one per line
on stdin, each answered by one JSON line on stdout once the window is up and settled:
`library`, `plans`, `run`, `groups` (the groups panel, as for a late arrival), `sound`,
`question-editor`, `structure-editor`, `preferences`, `help`, `close` (every window but the
console and the card), `quit`. The parent measures the windows from outside (xdotool).
"""

from __future__ import annotations

import json
import os
import sys

from PySide6.QtCore import QSocketNotifier, QTimer
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from facilitator.app import FacilitatorApp
from facilitator.platform.audio import FakeBellPlayer
from facilitator.platform.edges import Platform
from facilitator.platform.screens import QtScreenProvider
from facilitator.ui.prompts import Choice, Prompts
from facilitator.ui.window_fit import WINDOW_SCROLLER, scrolls

SETTLE_MS = 600
"""Time for the window manager to map, frame and place a window before it is measured."""


class LeaveNothingBehind(Prompts):
    """Close editors without saving and without asking: the test changes no file."""

    def unsaved_changes(self, parent: object, title: str) -> Choice:
        return Choice.DISCARD


def main(language: str) -> int:
    """Run the app until told to quit."""
    application = QApplication(sys.argv[:1])
    application.setApplicationName("Facilitator")
    application.setQuitOnLastWindowClosed(False)
    app = FacilitatorApp(
        Platform(QtScreenProvider(), FakeBellPlayer()), prompts=LeaveNothingBehind()
    )
    app.preferences.update(language=language)
    app.console.quitRequested.connect(application.quit)
    app.show()
    assert app.start_run("impromptu-networking"), app.notices.texts()
    app.run.start()
    opened: list[QWidget] = []

    def scrolling() -> list[str]:
        """The windows' contents that do not fit and scroll (on a laptop, none should)."""
        found = []
        for window in QApplication.topLevelWidgets():
            if not window.isVisible():
                continue
            for scroller in window.findChildren(QScrollArea, WINDOW_SCROLLER):
                content = scroller.widget()
                shown = getattr(content, "content", content)
                if shown is not None and shown.isVisible() and scrolls(scroller):
                    room = scroller.viewport().size()
                    found.append(
                        f"{window.windowTitle()}: {type(shown).__name__} scrolls in "
                        f"{room.width()}x{room.height()}"
                    )
        return found

    def report(event: str) -> None:
        print(
            json.dumps({"event": event, "pid": os.getpid(), "scrolling": scrolling()}), flush=True
        )

    def answer(event: str) -> None:
        QTimer.singleShot(SETTLE_MS, lambda: report(event))

    def show(window: QWidget | None) -> None:
        assert window is not None
        window.show()
        opened.append(window)

    def command() -> None:
        line = sys.stdin.readline().strip()
        console = app.console
        if line in ("", "quit"):
            app.end_session()
            application.quit()
            return
        if line == "library":
            console.show_library()
        elif line == "plans":
            page = app.plan_actions.plan_page
            console.show_browse_tab(page)
            page.open_plan("network-kick-off")
            page.select(1)
        elif line == "run":
            console.show_run()
        elif line in ("groups", "sound"):
            dock = app.plan_actions.groups_dock if line == "groups" else app.sound_dock
            console.show_side_panel(dock)
        elif line == "question-editor":
            show(app.library_actions.duplicate("question_set", f"impromptu-networking-{language}"))
        elif line == "structure-editor":
            show(app.library_actions.duplicate("structure", "impromptu-networking"))
        elif line == "preferences":
            show(app.library_actions.show_preferences())
        elif line == "help":
            show(app.help_dialog())
        elif line == "close":
            for window in opened:
                window.close()
            opened.clear()
        answer(line)

    notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
    notifier.activated.connect(command)
    answer("started")
    return application.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
