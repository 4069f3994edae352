"""A virtual X display with several monitors (Xvfb + RandR), for tests and screenshots.

Qt sees RandR monitors as screens, so a laptop and a projector can be simulated on
one Xvfb framebuffer, and a projector can be "unplugged" mid-run by deleting its
monitor. Xvfb runs with -noreset so it keeps the monitors between clients.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator


@dataclass(frozen=True)
class Monitor:
    """A monitor on the virtual display: name, size in pixels, left edge."""

    name: str
    width: int
    height: int
    x: int

    def randr_geometry(self) -> str:
        """The geometry argument of `xrandr --setmonitor` (about 96 dpi)."""
        millimetres_w, millimetres_h = round(self.width * 0.2646), round(self.height * 0.2646)
        return f"{self.width}/{millimetres_w}x{self.height}/{millimetres_h}+{self.x}+0"


LAPTOP = Monitor("laptop", 1920, 1080, 0)
PROJECTOR = Monitor("projector", 1920, 1080, 1920)


def missing_tools() -> list[str]:
    """The programs this needs that are not installed."""
    return [tool for tool in ("Xvfb", "xrandr") if shutil.which(tool) is None]


@dataclass
class VirtualDisplay:
    """A running Xvfb with named monitors."""

    display: str
    process: subprocess.Popen[bytes]

    def _xrandr(self, *arguments: str) -> None:
        subprocess.run(
            ["xrandr", "--display", self.display, *arguments],
            check=True,
            capture_output=True,
            timeout=20,
        )

    def plug(self, monitor: Monitor, *, first: bool = False) -> None:
        """Connect a monitor."""
        output = "screen" if first else "none"
        self._xrandr("--setmonitor", monitor.name, monitor.randr_geometry(), output)

    def unplug(self, monitor: Monitor) -> None:
        """Disconnect a monitor."""
        self._xrandr("--delmonitor", monitor.name)


def _free_display_number() -> int:
    for number in range(90, 200):
        if (
            not Path(f"/tmp/.X11-unix/X{number}").exists()
            and not Path(f"/tmp/.X{number}-lock").exists()
        ):
            return number
    raise RuntimeError("no free X display number between :90 and :199")


@contextlib.contextmanager
def virtual_display(
    monitors: tuple[Monitor, ...] = (LAPTOP, PROJECTOR),
) -> Iterator[VirtualDisplay]:
    """Start Xvfb wide enough for `monitors`, set them up, and stop it afterwards."""
    width = max(m.x + m.width for m in monitors)
    height = max(m.height for m in monitors)
    display = f":{_free_display_number()}"
    process = subprocess.Popen(
        ["Xvfb", display, "-noreset", "-nolisten", "tcp", "-screen", "0", f"{width}x{height}x24"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while not Path(f"/tmp/.X11-unix/X{display[1:]}").exists():
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"Xvfb did not start on {display}")
            time.sleep(0.02)
        screen = VirtualDisplay(display, process)
        for index, monitor in enumerate(monitors):
            screen.plug(monitor, first=index == 0)
        yield screen
    finally:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
