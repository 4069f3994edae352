"""In the room, as a facilitator brings it: the real app on a real X server and window manager.

Each set-up is a virtual display (Xvfb with RandR monitors) under openbox: a 1280x720 laptop
(a 1920x1080 one at 150%) beside a 4:3 projector of 1024x768, a 1366x768 laptop beside a
1920x1080 projector, and a 1280x720 laptop alone. `facilitator run` starts in its own
process, in English and in Dutch, and everything is measured from outside, as a colleague
in the room would see it: with xdotool and xprop, every window of the app, frame and all,
must lie inside the laptop's screen; the card must cover the projector exactly; on the 4:3
projector what the card draws must span at least 85% of its height; Escape (a clicker's
key) must leave the card where it is, and F5 must bring it back full screen whatever
happened to it. A second test opens every page, panel, editor and dialog and measures them.

The geometries measured are printed (run with -s to read them).
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pytest
from PySide6.QtGui import QColor, QImage

from facilitator.core.sessions.record import RECORD_PREFIX
from facilitator.core.settings.placement import Rect
from facilitator.core.settings.preferences import Theme
from facilitator.ui.theme import palette_for
from tests.desktop_session import REPO_ROOT, skip_or_fail
from tests.desktop_session import wait_for as wait_for_within
from tools.virtual_display import Monitor, missing_tools, virtual_display

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

pytestmark = [pytest.mark.xvfb, pytest.mark.slow]

CARD_TITLES = {"en": "Facilitator: card", "nl": "Facilitator: kaart"}
WAIT_S = 30.0
"""How long a room set-up waits for the app (a fresh process under a window manager)."""
RECORD = f"{RECORD_PREFIX}*.json"
"""The running copy's own session record."""


@dataclass(frozen=True)
class Setup:
    """A laptop and, maybe, a projector to its right."""

    name: str
    laptop: Monitor
    projector: Monitor | None

    @property
    def laptop_area(self) -> Rect:
        """The laptop's screen."""
        return Rect(self.laptop.x, 0, self.laptop.width, self.laptop.height)

    @property
    def projector_area(self) -> Rect | None:
        """The projector's screen."""
        if self.projector is None:
            return None
        return Rect(self.projector.x, 0, self.projector.width, self.projector.height)


SETUPS = [
    Setup(
        "laptop 1280x720 + projector 1024x768",
        Monitor("laptop", 1280, 720, 0),
        Monitor("projector", 1024, 768, 1280),
    ),
    Setup(
        "laptop 1366x768 + projector 1920x1080",
        Monitor("laptop", 1366, 768, 0),
        Monitor("projector", 1920, 1080, 1366),
    ),
    Setup("laptop 1280x720 alone", Monitor("laptop", 1280, 720, 0), None),
]


@dataclass(frozen=True)
class Window:
    """A window of the app as the X server has it: its own rectangle and its frame's."""

    id: str
    name: str
    own: Rect
    framed: Rect


@dataclass
class Desktop:
    """The virtual display and its window manager, and the commands that look at them."""

    display: str
    env: dict[str, str]

    def xdotool(self, *arguments: str) -> str:
        done = subprocess.run(
            ["xdotool", *arguments], env=self.env, capture_output=True, text=True, timeout=20
        )
        return done.stdout.strip()

    def windows(self, pid: int) -> list[Window]:
        """Every window of process `pid` shown on the screen now."""
        found = []
        for window_id in self.xdotool("search", "--onlyvisible", "--pid", str(pid)).split():
            name = self.xdotool("getwindowname", window_id)
            lines = self.xdotool("getwindowgeometry", window_id).splitlines()
            if len(lines) < 3:
                continue  # gone meanwhile
            x, y = (int(v) for v in lines[1].split()[1].split(","))
            width, height = (int(v) for v in lines[2].split()[1].split("x"))
            extents = subprocess.run(
                ["xprop", "-id", window_id, "_NET_FRAME_EXTENTS"],
                env=self.env,
                capture_output=True,
                text=True,
                timeout=20,
            ).stdout
            left = right = top = bottom = 0
            if "=" in extents:
                left, right, top, bottom = (int(v) for v in extents.split("=")[1].split(","))
            own = Rect(x, y, width, height)
            framed = Rect(x - left, y - top, width + left + right, height + top + bottom)
            found.append(Window(window_id, name, own, framed))
        return found

    def grab(self, monitor: str, out: Path) -> QImage:
        """A picture of the whole of `monitor`."""
        subprocess.run(
            [sys.executable, "-m", "tests.screen_grab", monitor, str(out)],
            env=self.env,
            cwd=REPO_ROOT,
            check=True,
            timeout=60,
        )
        return QImage(str(out))


@contextlib.contextmanager
def desktop_for(setup: Setup, tmp_path: Path) -> Iterator[Desktop]:
    """The set-up's monitors on Xvfb, with openbox managing the windows."""
    missing = [*missing_tools()]
    missing += [tool for tool in ("xdotool", "openbox", "xprop") if shutil.which(tool) is None]
    if missing:
        skip_or_fail(
            f"missing {', '.join(missing)} (apt-get install xvfb xdotool openbox x11-utils)"
        )
    monitors = (setup.laptop, *([setup.projector] if setup.projector else []))
    with virtual_display(monitors) as display:
        env = {
            **os.environ,
            "DISPLAY": display.display,
            "QT_QPA_PLATFORM": "xcb",
            "FACILITATOR_DATA_DIR": str(tmp_path / "data"),
            "PULSE_SERVER": "unix:/nonexistent",
            "PYTHONPATH": str(REPO_ROOT),
        }
        manager = subprocess.Popen(["openbox", "--sm-disable"], env=env, stderr=subprocess.DEVNULL)
        try:
            yield Desktop(display.display, env)
        finally:
            manager.terminate()
            try:
                manager.wait(timeout=10)
            except subprocess.TimeoutExpired:
                manager.kill()


def wait_for(condition, what: str):
    """`desktop_session.wait_for` with the room set-ups' patience."""
    return wait_for_within(condition, what, WAIT_S)


def _write_preferences(data: Path, language: str) -> None:
    data.mkdir(parents=True, exist_ok=True)
    (data / "preferences.json").write_text(
        json.dumps({"schema_version": 1, "language": language}), encoding="utf-8"
    )


def _stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


def _outside(setup: Setup, windows: list[Window], card_title: str) -> list[str]:
    """The windows (but the card on the projector) whose frame leaves the laptop's screen."""
    return [
        f"{w.name!r} framed at {w.framed}"
        for w in windows
        if not (setup.projector and w.name == card_title)
        and not setup.laptop_area.contains(w.framed)
    ]


def _card(windows: list[Window], card_title: str) -> Window | None:
    return next((w for w in windows if w.name == card_title), None)


def drawn_fraction(image: QImage, background: QColor) -> float:
    """How much of the picture's height lies between its first and last drawn rows."""
    rows = [
        y
        for y in range(image.height())
        if any(image.pixelColor(x, y) != background for x in range(0, image.width(), 3))
    ]
    return (rows[-1] - rows[0] + 1) / image.height() if rows else 0.0


def _report(setup: Setup, language: str, what: str, windows: list[Window]) -> None:
    for window in windows:
        own, framed = window.own, window.framed
        print(
            f"[{setup.name}, {language}] {what}: {window.name!r} "
            f"{own.width}x{own.height}+{own.x}+{own.y}, "
            f"framed {framed.width}x{framed.height}+{framed.x}+{framed.y}"
        )


@pytest.mark.parametrize("language", ["en", "nl"])
@pytest.mark.parametrize("setup", SETUPS, ids=lambda s: s.name)
def test_the_console_fits_the_laptop_and_the_card_fills_the_projector(
    setup: Setup, language: str, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    _write_preferences(data, language)
    card_title = CARD_TITLES[language]
    with desktop_for(setup, tmp_path) as desktop:
        app = subprocess.Popen(
            [sys.executable, "-m", "facilitator", "run", "impromptu-networking"],
            env=desktop.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:

            def settled() -> list[Window] | None:
                windows = desktop.windows(app.pid)
                card = _card(windows, card_title)
                if card is None or len(windows) < 2:
                    return None
                projector = setup.projector_area
                if projector is not None and card.own != projector:
                    return None
                return windows

            wait_for(settled, "the console and the card on their screens")
            time.sleep(1.0)  # whatever the window manager would still do
            windows = wait_for(settled, "the console and the card to stay put")
            _report(setup, language, "at start", windows)
            assert not _outside(setup, windows, card_title)
            card = _card(windows, card_title)
            assert card is not None
            if setup.projector_area is not None:
                assert card.own == setup.projector_area, "the card covers the projector exactly"
                assert card.framed == card.own, "no frame around the card"
            if (
                setup.projector is not None
                and setup.projector.width * 3 == setup.projector.height * 4
            ):
                image = desktop.grab("projector", tmp_path / "projector.png")
                fraction = drawn_fraction(image, palette_for(Theme.DARK).background)
                print(f"[{setup.name}, {language}] card's drawn height: {fraction:.1%}")
                assert fraction >= 0.85

            # A clicker's Escape: the card stays; F5 brings it back full screen and starts.
            console = next(w for w in windows if w.name != card_title)
            desktop.xdotool("windowactivate", "--sync", console.id)
            desktop.xdotool("key", "Escape")
            time.sleep(0.8)
            after_escape = desktop.windows(app.pid)
            assert _card(after_escape, card_title).own == card.own, "Escape moved the card"
            assert not _outside(setup, after_escape, card_title)
            desktop.xdotool("key", "F5")
            wait_for(
                lambda: (r := _read_record(data)) and r["sequencer"]["state"] == "running",
                "F5 to start the run",
            )
            assert wait_for(settled, "the card after F5")
            assert _card(desktop.windows(app.pid), card_title).own == card.own
            if setup.projector_area is not None:
                # Even after F11 put the card in a window, F5 puts it back on the projector.
                desktop.xdotool("key", "F11")
                wait_for(
                    lambda: (
                        (c := _card(desktop.windows(app.pid), card_title))
                        and c.own != setup.projector_area
                    ),
                    "F11 to put the card in a window",
                )
                desktop.xdotool("key", "F5")
                wait_for(settled, "F5 to bring the card back full screen")
            windows = desktop.windows(app.pid)
            assert not _outside(setup, windows, card_title)
            assert app.poll() is None
        finally:
            _stop(app)


def _read_record(data: Path) -> dict | None:
    for record in data.glob(RECORD):
        try:
            return json.loads(record.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
    return None


COMMANDS = [
    "library",
    "plans",
    "groups",
    "sound",
    "run",
    "groups",
    "question-editor",
    "close",
    "structure-editor",
    "close",
    "preferences",
    "close",
    "help",
    "close",
]


@pytest.mark.parametrize("language", ["en", "nl"])
@pytest.mark.parametrize("setup", SETUPS[:2], ids=lambda s: s.name)
def test_every_page_panel_editor_and_dialog_opens_inside_the_laptop(
    setup: Setup, language: str, tmp_path: Path
) -> None:
    card_title = CARD_TITLES[language]
    with desktop_for(setup, tmp_path) as desktop:
        driver = subprocess.Popen(
            [sys.executable, "-m", "tests.room_driver", language],
            env=desktop.env,
            cwd=REPO_ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        assert driver.stdin is not None
        assert driver.stdout is not None

        def answer() -> dict:
            ready, _, _ = select.select([driver.stdout], [], [], 30)
            assert ready, "the driver did not answer"
            return json.loads(driver.stdout.readline())

        try:
            assert answer()["event"] == "started"
            for command in COMMANDS:
                driver.stdin.write(command + "\n")
                driver.stdin.flush()
                answered = answer()
                assert answered["event"] == command
                assert not answered["scrolling"], f"after {command}, nothing scrolls"
                windows = desktop.windows(driver.pid)
                if command not in ("close", "groups", "sound", "library", "run"):
                    _report(setup, language, command, windows)
                outside = _outside(setup, windows, card_title)
                assert not outside, f"after {command}: {outside}"
            driver.stdin.write("quit\n")
            driver.stdin.flush()
            driver.wait(timeout=20)
        finally:
            _stop(driver)
