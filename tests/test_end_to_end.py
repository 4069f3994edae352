"""End to end, as in a venue: the real app on a laptop and a projector, driven by a clicker.

`facilitator run impromptu-networking --speed 60` starts in its own process on a virtual
display with two monitors (Xvfb + RandR). The card must open full screen on the projector.
Then the keys a presentation clicker sends (F5 to start, Page Down to move on) go in
through the X server with xdotool, as a real clicker's do, and the run must go all the way
to its end. What the app does is read from outside, as a facilitator's colleague would:
the windows on the screen, and the crash record the app keeps in its data folder.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

from tests import audio_probe
from tests.desktop_session import wait_for
from tools.virtual_display import LAPTOP, PROJECTOR, VirtualDisplay, missing_tools, virtual_display

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

pytestmark = [pytest.mark.xvfb, pytest.mark.slow]

RECORD = "running-session-*.json"
"""The running copy's crash record (a copy of the app keeps one of its own)."""
SPEED = 60
"""Twenty minutes of Impromptu Networking in twenty seconds."""


@pytest.fixture
def display() -> Iterator[VirtualDisplay]:
    missing = [*missing_tools(), *(["xdotool"] if shutil.which("xdotool") is None else [])]
    if missing:
        reason = f"needs {', '.join(missing)} for a virtual laptop and projector"
        if audio_probe.real_parts_required():
            pytest.fail(f"{reason}, and {audio_probe.REQUIRE_REAL_PARTS}=1 requires it")
        pytest.skip(reason)
    with virtual_display((LAPTOP, PROJECTOR)) as screen:
        yield screen


def _xdotool(display: VirtualDisplay, *arguments: str) -> str:
    result = subprocess.run(
        ["xdotool", *arguments],
        capture_output=True,
        text=True,
        env={**os.environ, "DISPLAY": display.display},
        timeout=20,
        check=False,
    )
    return result.stdout.strip()


def _record(data: Path) -> dict | None:
    try:
        [record] = data.glob(RECORD)
        return json.loads(record.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def test_a_clicker_runs_impromptu_networking_on_the_projector(
    display: VirtualDisplay, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    environment = {
        **os.environ,
        "DISPLAY": display.display,
        "QT_QPA_PLATFORM": "xcb",
        "FACILITATOR_DATA_DIR": str(data),
        "PULSE_SERVER": "unix:/nonexistent",
    }
    app = subprocess.Popen(
        [sys.executable, "-m", "facilitator", "run", "impromptu-networking", "--speed", str(SPEED)],
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        card = wait_for(
            lambda: _xdotool(display, "search", "--name", "Facilitator: card"), "the card window"
        ).split()[0]
        geometry = wait_for(
            lambda: (g := _xdotool(display, "getwindowgeometry", card)) and "1920x1080" in g and g,
            "the card to fill the projector",
        )
        assert "Position: 1920,0" in geometry, geometry
        assert (
            wait_for(lambda: _record(data), "the session record")["sequencer"]["state"] == "ready"
        )

        # The clicker: F5 starts the run, whichever window has focus.
        _xdotool(display, "windowactivate", "--sync", card)
        _xdotool(display, "key", "F5")
        wait_for(
            lambda: (r := _record(data)) and r["sequencer"]["state"] == "running",
            "the run to start",
        )
        # Page Down moves on by hand, as often as the facilitator likes.
        for _ in range(3):
            before = _record(data)["sequencer"]["index"]
            _xdotool(display, "key", "Next")
            wait_for(
                lambda before=before: (r := _record(data)) and r["sequencer"]["index"] > before,
                "Page Down to move one segment on",
            )
        # The rest runs by itself at rehearsal speed, to its end: the record is removed.
        wait_for(lambda: not list(data.glob(RECORD)), "the run to finish", timeout=60)
        assert app.poll() is None, "the app is still open after the run"
    finally:
        app.terminate()
        try:
            app.wait(timeout=10)
        except subprocess.TimeoutExpired:
            app.kill()
