"""Start-up: from launching `facilitator run impromptu-networking` until both windows painted.

Run: `python benchmarks/bench_startup.py [--runs 5]` (or through `python -m benchmarks`).

The app is started as a facilitator starts it, in a fresh process, with
FACILITATOR_REPORT_STARTUP=1: it prints `startup: painted <time.monotonic()>` once the console
and the card have painted (facilitator/launch.py), and the monotonic clock is shared with this
process. It runs under a virtual display with a laptop and a projector monitor (Xvfb,
tools/virtual_display.py) when Xvfb is installed, else offscreen, and inside a private
PulseAudio null sink (tests/audio_probe.py) when PulseAudio is installed, so the bells load
as on a real machine. The first run starts with the files less warm than the rest. Target: a
median of at most 0.30 s.

The app runs from compiled bytecode, as an installed app does (pip compiles a wheel's modules
when it installs them, and the standalone build holds only bytecode): the package is compiled
once before the launches and PYTHONDONTWRITEBYTECODE is taken out of the app's environment.

This module also holds what the other app-process benchmarks share: the screen and sound
environments, launching the app and reading its CPU time and memory from /proc.
"""

from __future__ import annotations

import argparse
import compileall
import contextlib
import os
import queue
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from tests import audio_probe  # noqa: E402
from tools import virtual_display  # noqa: E402

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

SOURCE_COMMAND = (sys.executable, "-m", "facilitator")
STRUCTURE = "impromptu-networking"
STARTUP_MARK = "startup: painted "
STARTUP_TIMEOUT_S = 60.0
START_TIMEOUT_S = 10.0
MEDIAN_TARGET_S = 0.30
"""Start-up to both windows drawn, the median at most (issue 11)."""
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


# --- environments -----------------------------------------------------------------------------


@dataclass
class Environment:
    """Where the app runs: its environment variables and a plain description of them."""

    env: dict[str, str]
    screen: str
    sound: str
    xserver_pid: int | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def can_press_keys(self) -> bool:
        """Whether keys can be sent to the app (a real X server and xdotool)."""
        return self.xserver_pid is not None and shutil.which("xdotool") is not None


@contextlib.contextmanager
def app_environment(folder: Path, *, sound: bool = True) -> Iterator[Environment]:
    """Xvfb with two monitors (else offscreen) and a private PulseAudio null sink (else none)."""
    with contextlib.ExitStack() as stack:
        env = dict(os.environ)
        env.pop("FACILITATOR_REPORT_STARTUP", None)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        compileall.compile_dir(REPO_ROOT / "facilitator", quiet=1)
        sound_text = "no sound server"
        if sound and not audio_probe.missing_tools():
            server = audio_probe.PulseServer(folder / "pulse")
            server.start()
            stack.callback(server.stop)
            env.update(server.env)
            sound_text = "private PulseAudio null sink"
        elif not sound:
            sound_text = "sound off"
        if not virtual_display.missing_tools():
            display = stack.enter_context(virtual_display.virtual_display())
            env.update({"DISPLAY": display.display, "QT_QPA_PLATFORM": "xcb"})
            env.pop("WAYLAND_DISPLAY", None)
            yield Environment(env, "Xvfb, laptop + projector", sound_text, display.process.pid)
        else:
            env["QT_QPA_PLATFORM"] = "offscreen"
            yield Environment(env, "offscreen (no Xvfb)", sound_text)


# --- the app process --------------------------------------------------------------------------


@dataclass
class AppProcess:
    """A running app, started by `launch`, with its start-up time."""

    process: subprocess.Popen[str]
    environment: Environment
    data_dir: Path
    launched: float
    """time.monotonic() just before the process was started."""
    painted: float
    """time.monotonic() at which both windows had painted (reported by the app)."""

    @property
    def startup_s(self) -> float:
        """Seconds from launch to both windows painted."""
        return self.painted - self.launched

    def cpu_seconds(self) -> float:
        """CPU time the app has used so far (user + system)."""
        return process_cpu_seconds(self.process.pid)

    def rss_kib(self) -> int:
        """The app's resident memory now, in KiB."""
        return process_rss_kib(self.process.pid)

    def press_start(self) -> float:
        """Press F5 (a clicker's Start) on the card and wait until the run is running."""
        if not self.environment.can_press_keys:
            raise RuntimeError("starting the run needs Xvfb and xdotool")
        subprocess.run(
            [
                "xdotool",
                "search",
                "--sync",
                "--pid",
                str(self.process.pid),
                "--name",
                "card",
                "windowfocus",
                "--sync",
                "key",
                "F5",
            ],
            env=self.environment.env,
            check=True,
            capture_output=True,
            timeout=20,
        )
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            for record in self.data_dir.glob("running-session-*.json"):  # the copy's own record
                with contextlib.suppress(OSError, ValueError):
                    if '"state": "running"' in record.read_text(encoding="utf-8"):
                        return time.monotonic()
            time.sleep(0.01)
        raise RuntimeError("the run did not start after F5")

    def stop(self) -> None:
        """End the app (safe to call twice)."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)


def process_cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def process_rss_kib(pid: int) -> int:
    """Resident memory of a process in KiB, from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError(f"no VmRSS for process {pid}")


def launch(
    arguments: Sequence[str],
    environment: Environment,
    data_dir: Path,
    *,
    command: Sequence[str] = SOURCE_COMMAND,
) -> AppProcess:
    """Start the app with `arguments` and wait until both windows have painted."""
    data_dir.mkdir(parents=True, exist_ok=True)
    env = {
        **environment.env,
        "FACILITATOR_REPORT_STARTUP": "1",
        "FACILITATOR_DATA_DIR": str(data_dir),
        "PYTHONPATH": str(REPO_ROOT),
    }
    log = (data_dir / "app.log").open("wb")
    launched = time.monotonic()
    process = subprocess.Popen(
        [*command, *arguments],
        env=env,
        cwd=REPO_ROOT,
        stdout=subprocess.PIPE,
        stderr=log,
        text=True,
    )
    log.close()
    lines: queue.Queue[str | None] = queue.Queue()

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=read, name="app-stdout", daemon=True).start()
    deadline = launched + STARTUP_TIMEOUT_S
    while True:
        try:
            line = lines.get(timeout=max(0.01, deadline - time.monotonic()))
        except queue.Empty:
            line = None
        if line is not None and line.startswith(STARTUP_MARK):
            painted = float(line[len(STARTUP_MARK) :])
            return AppProcess(process, environment, data_dir, launched, painted)
        if line is None:
            process.kill()
            process.wait()
            tail = (data_dir / "app.log").read_text(errors="replace")[-2000:]
            raise RuntimeError(f"the app did not report both windows painted:\n{tail}")


# --- the benchmark ----------------------------------------------------------------------------


def measure_startups(
    command: Sequence[str], runs: int, environment: Environment, folder: Path
) -> list[float]:
    """Start-up seconds of `runs` fresh launches."""
    timings = []
    for index in range(runs):
        app = launch(["run", STRUCTURE], environment, folder / f"run-{index}", command=command)
        try:
            timings.append(app.startup_s)
        finally:
            app.stop()
    return timings


def summarise(case: str, timings: Sequence[float], environment: Environment) -> dict:
    """One result row."""
    return {
        "case": case,
        "runs": len(timings),
        "first_s": round(timings[0], 3),
        "median_s": round(statistics.median(timings), 3),
        "worst_s": round(max(timings), 3),
        "screen": environment.screen,
        "sound": environment.sound,
    }


def run(*, runs: int = 5, command: Sequence[str] = SOURCE_COMMAND, case: str = "") -> list[dict]:
    """Launch the app `runs` times: one row with the first, median and worst start-up."""
    with (
        tempfile.TemporaryDirectory(prefix="bench-startup-") as name,
        app_environment(Path(name)) as environment,
    ):
        timings = measure_startups(command, runs, environment, Path(name))
    label = case or f"`facilitator run {STRUCTURE}` from the source tree"
    return [summarise(label, timings, environment)]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print its row."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args(argv)
    for row in run(runs=options.runs):
        print(row)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
