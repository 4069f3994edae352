"""The projector's cable pulled out mid-round and plugged back in, on a real X server.

Xvfb with two RandR monitors (tools/virtual_display.py) stands in for a laptop and a
projector; the real app runs in a child process on it (Qt's platform is chosen once per
process) with the real screen provider. Mid-round the projector's monitor is deleted:
the card must move to the laptop's screen, the run must go on untouched, and a notice
must say so in plain words. Plugged back in, the console offers to move the card there,
and accepting puts it back full screen on the projector.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.desktop_session import skip_or_fail
from tests.faults.support import child_env, run_driver
from tools import virtual_display
from tools.virtual_display import LAPTOP, PROJECTOR

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = pytest.mark.xvfb

SPEED = 20.0
FIT_MINUTES = 10.0
ROUND_INDEX = 2
"""Impromptu Networking's first speaking turn (round 1, person A)."""
RUN_ON_S = 0.5


@pytest.fixture
def display() -> virtual_display.VirtualDisplay:
    missing = virtual_display.missing_tools()
    if missing:
        skip_or_fail(f"a virtual display needs {', '.join(missing)}, which is not installed")
    with virtual_display.virtual_display((LAPTOP, PROJECTOR)) as screen:
        yield screen


def _on(card: dict, monitor: virtual_display.Monitor) -> bool:
    x, _y, width, height = card["geometry"]
    return monitor.x <= x and x + width <= monitor.x + monitor.width and height <= monitor.height


def test_the_card_follows_the_projector_out_and_back_and_the_run_goes_on(
    display: virtual_display.VirtualDisplay, tmp_path: Path, user_data_dir: Path
) -> None:
    env = child_env(tmp_path, user_data_dir, DISPLAY=display.display, QT_QPA_PLATFORM="xcb")
    report = run_driver(
        [
            "projector",
            "impromptu-networking",
            "--speed",
            str(SPEED),
            "--fit",
            str(FIT_MINUTES),
            "--index",
            str(ROUND_INDEX),
            "--pause",
            str(RUN_ON_S),
        ],
        env,
        tmp_path / "child.log",
        timeout_s=90,
    )
    before, after, later, final = (report[key] for key in ("before", "after", "later", "final"))
    assert report["card_on_projector"]
    assert report["mid_round"]
    assert before["card"]["screen"] == "projector"
    assert before["card"]["full_screen"]
    assert before["index"] >= ROUND_INDEX
    assert before["state"] == "running"

    # Pulled out: the card is on the laptop's screen, the run untouched, a plain notice.
    assert report["moved"], after
    card = after["card"]
    assert card["visible"]
    assert card["placement"] is None
    assert card["screen"] == "laptop"
    assert _on(card, LAPTOP), card
    assert not card["full_screen"], card
    assert (
        "The screen projector was disconnected. The card is now on a window on the laptop "
        "screen; the run goes on." in after["notices"]
    )
    for earlier, now in ((before, after), (after, later), (later, final)):
        assert now["state"] == "running"
        real = now["monotonic"] - earlier["monotonic"]
        assert now["position"] - earlier["position"] == pytest.approx(real * SPEED, abs=1.0)
        assert now["index"] >= earlier["index"]
    assert later["position"] > after["position"], "the run went on while the card moved"
    for moment in (before, after, later, final):
        assert moment["countdown"] == moment["console_countdown"], "card and console agree"

    # Plugged back in: the offer, and the card back full screen on the projector.
    assert report["offered"]
    assert report["offer"] == {
        "text": "A screen was connected: projector.",
        "label": "Show the card there",
    }
    assert report["back"], final
    assert final["card"]["screen"] == "projector"
    assert final["card"]["full_screen"]
    assert final["card"]["placement"] == "projector"
    assert _on(final["card"], PROJECTOR)
