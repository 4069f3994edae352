"""Take the README's screenshots: both windows on a virtual laptop and projector (Xvfb).

Run: `python tools/take_screenshots.py [--out docs/screenshots] [--only troika|room]`. It
starts its own Xvfb with two 1920x1080 monitors, runs the real app (with a hand-moved clock
and a silent bell, so every picture shows a chosen moment) and grabs each screen. `--only
troika` takes only the pictures of Troika Consulting's phases; `--only room` only those of
the set-ups a facilitator brings (a 1280x720 laptop beside a 4:3 projector, a 1366x768
laptop beside a 1920x1080 one, a 1280x720 laptop alone), in English and in Dutch, each on
its own virtual display with a window manager (openbox), so the windows have their frames.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tools.virtual_display import LAPTOP, PROJECTOR, Monitor, virtual_display  # noqa: E402

ROOM_SETUPS = {
    "1280x720-1024x768": (Monitor("laptop", 1280, 720, 0), Monitor("projector", 1024, 768, 1280)),
    "1366x768-1920x1080": (
        Monitor("laptop", 1366, 768, 0),
        Monitor("projector", 1920, 1080, 1366),
    ),
    "1280x720-alone": (Monitor("laptop", 1280, 720, 0),),
}
"""The set-ups of issue 12 by name: the laptop first, then the projector if there is one."""


class _Wall:
    """A wall clock that starts at 13:25 today and moves with the hand-moved run clock."""

    def __init__(self) -> None:
        import datetime as dt

        today = dt.datetime.now().replace(hour=13, minute=25, second=0, microsecond=0)
        self.now = today.timestamp()

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def _take(out: Path, only: str | None = None) -> list[Path]:
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from facilitator.app import FacilitatorApp
    from facilitator.core.timing.clock import FakeClock
    from facilitator.platform.audio import FakeBellPlayer
    from facilitator.platform.edges import Platform
    from facilitator.platform.screens import QtScreenProvider
    from facilitator.ui.prompts import Choice, Prompts

    class LeaveNothingBehind(Prompts):
        """Close editors without saving and without asking: the pictures change no file."""

        def unsaved_changes(self, parent: object, title: str) -> Choice:
            return Choice.DISCARD

    application = QApplication([])
    clock = FakeClock()
    wall = _Wall()
    app = FacilitatorApp(
        Platform(
            QtScreenProvider(),
            FakeBellPlayer(),
            clock=lambda _s: clock,
            wall=wall,
        ),
        prompts=LeaveNothingBehind(),
    )
    console = app.console
    if only is not None and only.startswith("room:"):
        app.show()  # as the app opens itself: inside the laptop's screen
    else:
        console.setGeometry(0, 0, LAPTOP.width, LAPTOP.height)
        console.showMaximized()
    saved: list[Path] = []

    def settle() -> None:
        # Let layouts, repaints and any flash animation finish before the picture.
        QTest.qWait(700)

    def grab(name: str, monitor: str) -> None:
        settle()
        screen = next(s for s in application.screens() if s.name() == monitor)
        picture = screen.grabWindow(0)  # the whole screen, as the room sees it
        path = out / f"{name}.png"
        picture.save(str(path))
        saved.append(path)

    def advance(seconds: float) -> None:
        clock.advance(seconds)
        wall.advance(seconds)
        app.run.poll()

    if only == "troika":
        _troika(app, advance, grab)
        return saved
    if only is not None and only.startswith("room:"):
        _room(app, advance, grab, only.removeprefix("room:"))
        return saved
    app.library_page.search.setText("impromptu")
    grab("console-library", LAPTOP.name)
    app.library_page.search.setText("")
    app.library_page.select("impromptu-networking")
    assert app.start_run("impromptu-networking")
    app.run.start()
    advance(120 + 60 + 35)  # round 1, person A, 35 s in
    grab("card-round", PROJECTOR.name)
    grab("console-run", LAPTOP.name)
    advance(120 - 35 + 20)  # the swap: person B, 20 s in
    grab("card-swap", PROJECTOR.name)
    advance(100 - 24)  # 24 s left: the warning
    grab("card-near-end", PROJECTOR.name)
    app.presentation.set_blackout(False)
    app.end_session()
    # The Dutch interface and content, switched at run time as a facilitator would.
    app.preferences.update(language="nl")
    assert app.start_run("impromptu-networking", language="nl")
    app.run.start()
    advance(120 + 60 + 120 + 15)
    grab("card-dutch", PROJECTOR.name)
    grab("console-dutch", LAPTOP.name)
    app.end_session()
    app.preferences.update(language="en")
    _editors(app, grab)
    _plans_and_groups(app, advance, grab, wall)
    _troika(app, advance, grab)
    return saved


def _room(app, advance, grab, setup: str) -> None:
    """One set-up of the room, in English and in Dutch: the console in a run on the laptop,
    the card on the projector (Person A of round 1 speaks, 35 s in)."""
    projector = len(ROOM_SETUPS[setup]) > 1
    for language in ("en", "nl"):
        app.preferences.update(language=language)
        assert app.start_run("impromptu-networking", language=language)
        app.run.start()
        advance(120 + 60 + 35)
        grab(f"room-{setup}-{language}-laptop", "laptop")
        if projector:
            grab(f"room-{setup}-{language}-projector", "projector")
        app.end_session()
    app.preferences.update(language="en")


def _room_setup(out: Path, setup: str) -> list[Path]:
    """Take one set-up's pictures on a virtual display of its own, under openbox."""
    with (
        tempfile.TemporaryDirectory() as data,
        virtual_display(ROOM_SETUPS[setup]) as display,
    ):
        os.environ.update(DISPLAY=display.display, QT_QPA_PLATFORM="xcb", FACILITATOR_DATA_DIR=data)
        manager = subprocess.Popen(["openbox", "--sm-disable"], stderr=subprocess.DEVNULL)
        try:
            time.sleep(1)  # openbox takes the screen before the first window
            return _take(out, f"room:{setup}")
        finally:
            manager.terminate()
            manager.wait(timeout=10)


TROIKA_PHASES = (("explain", 0), ("clarify", 120), ("confer", 120), ("respond", 240))
"""Each phase of a client's round, and how long the one before it lasts (to move on)."""


def _troika(app, advance, grab) -> None:
    """Troika Consulting's card in each phase of the second client's round, in English and Dutch;
    the console during the consultants' phase; the library choosing a group size; the editor."""
    for language in ("en", "nl"):
        app.preferences.update(language=language)
        assert app.start_run("troika-consulting", language=language)
        app.run.start()
        advance(60 + 9 * 60 + 60 + 50)  # the second client's round, 50 s in
        for phase, before in TROIKA_PHASES:
            advance(before)
            grab(f"card-troika-{phase}-{language}", PROJECTOR.name)
            if phase == "confer" and language == "en":
                grab("console-troika-run", LAPTOP.name)
        app.end_session()
    app.preferences.update(language="en")
    app.library_page.select("wise-crowds")
    app.library_page.details.group_size.setValue(5)
    grab("console-library-group-size", LAPTOP.name)
    window = app.library_actions.duplicate("structure", "troika-consulting")
    assert window is not None, "no editor for troika-consulting"
    window.setGeometry(0, 0, LAPTOP.width, LAPTOP.height)
    window.showMaximized()
    window.form.setCurrentIndex(1)
    window.form.steps.select(1)
    panel = window.form.step_panel()
    assert panel is not None
    panel.phases_editor.phases.select(2)
    window.preview_panel.segment.setCurrentIndex(3)  # the first client's consultants' phase
    window.preview.set_segment(3)
    grab("editor-phases", LAPTOP.name)
    window.close()  # the scripted prompts discard the copy: nothing is saved


def _editors(app, grab) -> None:
    """The question-set editor on a Dutch set, and the structure editor, with their previews."""
    for type_name, item_id, picture in (
        ("question_set", "impromptu-networking-nl", "editor-questions"),
        ("structure", "impromptu-networking", "editor-structure"),
    ):
        window = app.library_actions.duplicate(type_name, item_id)
        assert window is not None, f"no editor for {item_id}"
        window.setGeometry(0, 0, LAPTOP.width, LAPTOP.height)
        window.showMaximized()
        grab(picture, LAPTOP.name)
        window.close()  # the scripted prompts discard the copy: nothing is saved


PARTICIPANTS = [
    "Amara Okafor",
    "Bram de Vries",
    "Chen Wei",
    "Dorota Kowalska",
    "Elif Yilmaz",
    "Finn Jensen",
    "Grace Mensah",
    "Hugo Lefèvre",
    "Ines Duarte",
    "Jonas Becker",
    "Kaito Tanaka",
    "Lena Novak",
    "Mateo García",
    "Noor Haddad",
    "Olga Petrova",
    "Pieter Janssens",
    "Quinn O'Brien",
    "Rosa Martín",
    "Sami Virtanen",
    "Tessa van Dijk",
    "Umar Farouk",
    "Vera Horvát",
    "Wim Peeters",
    "Yara Costa",
]


def _plans_and_groups(app, advance, grab, wall) -> None:
    """The Plans tab, a plan running with its agenda, and a round's groups on the card."""
    from PySide6.QtCore import QTime

    page = app.plan_actions.plan_page
    app.console.show_browse_tab(page)
    wall.now = _Wall().now + 5 * 60  # 13:30, the plan's start
    page.open_plan("network-kick-off")
    page.start_time.setTime(QTime(13, 30))
    page.select(1)
    grab("console-plans", LAPTOP.name)
    assert app.start_plan("network-kick-off", start_time="13:30", speed=1.0)
    app.plan_actions.groups_panel.names_edit.setPlainText("\n".join(PARTICIPANTS))
    app.plan_actions.groups_panel.apply_button.click()
    app.run.start()
    advance(5 * 60 + 120 + 20)  # the welcome, the invitation, 20 s into the first change-over
    grab("card-groups", PROJECTOR.name)
    app.run.pause()
    wall.advance(180)  # a three-minute pause: the agenda says how late the plan runs
    advance(0)
    grab("console-plan-run", LAPTOP.name)
    app.end_session()


def main(argv: list[str] | None = None) -> int:
    """Start the virtual display, take the pictures, print where they are."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    parser.add_argument("--only", choices=["troika", "room"], default=None, help="take only these")
    parser.add_argument("--room-setup", choices=sorted(ROOM_SETUPS), help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    options.out.mkdir(parents=True, exist_ok=True)
    if options.room_setup:
        for path in _room_setup(options.out, options.room_setup):
            print(path)
        return 0
    if options.only == "room":
        for setup in ROOM_SETUPS:  # each on a display of its own, in a process of its own
            command = [sys.executable, __file__, "--out", str(options.out), "--room-setup", setup]
            subprocess.run(command, check=True)
        return 0
    with tempfile.TemporaryDirectory() as data, virtual_display((LAPTOP, PROJECTOR)) as display:
        os.environ.update(DISPLAY=display.display, QT_QPA_PLATFORM="xcb", FACILITATOR_DATA_DIR=data)
        for path in _take(options.out, options.only):
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
