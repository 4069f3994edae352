"""The card never takes the keyboard, with a real X server and window manager (issue 12, item 7).

Qt's offscreen platform activates every window it shows, so this is checked where it
matters: `facilitator run` on a virtual laptop and projector (Xvfb + RandR) under openbox,
the window manager asked by xdotool which window is active once the card is up.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from typing import TYPE_CHECKING

import pytest

from tests.desktop_session import REPO_ROOT, skip_or_fail, wait_for
from tools.virtual_display import LAPTOP, PROJECTOR, missing_tools, virtual_display

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = pytest.mark.xvfb


def test_after_start_the_console_keeps_the_keyboard_and_the_card_never_takes_it(
    tmp_path: Path,
) -> None:
    missing = [*missing_tools(), *[t for t in ("xdotool", "openbox") if shutil.which(t) is None]]
    if missing:
        skip_or_fail(f"missing {', '.join(missing)} (apt-get install xvfb xdotool openbox)")
    data = tmp_path / "data"
    with virtual_display((LAPTOP, PROJECTOR)) as display:
        env = {
            **os.environ,
            "DISPLAY": display.display,
            "QT_QPA_PLATFORM": "xcb",
            "FACILITATOR_DATA_DIR": str(data),
            "PULSE_SERVER": "unix:/nonexistent",
            "PYTHONPATH": str(REPO_ROOT),
        }

        def xdotool(*arguments: str) -> str:
            done = subprocess.run(
                ["xdotool", *arguments], env=env, capture_output=True, text=True, timeout=20
            )
            return done.stdout.strip()

        manager = subprocess.Popen(["openbox", "--sm-disable"], env=env, stderr=subprocess.DEVNULL)
        app = subprocess.Popen(
            [sys.executable, "-m", "facilitator", "run", "impromptu-networking"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            card = wait_for(lambda: xdotool("search", "--name", "^Facilitator: card$"), "card")
            wait_for(
                lambda: "1920x1080" in xdotool("getwindowgeometry", card), "a full-screen card"
            )
            wait_for(lambda: xdotool("getactivewindow"), "an active window")
            time.sleep(1)  # let the window manager settle whatever it would do with the card
            active = xdotool("getactivewindow")
            assert xdotool("getwindowname", active) == "Facilitator", "the card took the focus"
            # Clicking the card (as someone might on a touch screen) does not take the keys.
            xdotool("mousemove", "2400", "500", "click", "1")
            time.sleep(0.5)
            assert xdotool("getactivewindow") == active
            # The clicker's F5 reaches the console: the run starts.
            xdotool("key", "F5")
            wait_for(
                lambda: any(  # the copy's own crash record
                    json.loads(record.read_text())["sequencer"]["state"] == "running"
                    for record in data.glob("running-session-*.json")
                ),
                "F5 to start the run",
            )
        finally:
            app.terminate()
            manager.terminate()
            for process in (app, manager):
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
