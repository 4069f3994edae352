"""Memory: the app's resident memory after an hour of running, against after a minute.

Run: `python benchmarks/bench_memory.py [--speed 60] [--minutes 60]` (or through
`python -m benchmarks`). Needs Xvfb and xdotool: the run is started with F5 on the card.

`facilitator run shift-and-share --speed 60` (a 90-minute structure with rounds, so bells,
segment changes and the countdown all keep happening) is launched on a virtual laptop +
projector, with the bells in a private PulseAudio null sink when PulseAudio is installed. At
60x an hour of the run passes in a minute. The resident memory (VmRSS) is read after one
minute of run time and then every ten. Targets: at most 100 MiB after the hour, and little
growth after the first minute.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from benchmarks import bench_startup  # noqa: E402

if TYPE_CHECKING:
    from collections.abc import Sequence

STRUCTURE = "shift-and-share"
GROWTH_TARGET_MIB = 5.0
RESIDENT_TARGET_MIB = 100.0
"""Resident memory after an hour, at most (issue 11)."""


def run(*, speed: float = 60.0, minutes: float = 60.0) -> list[dict]:
    """One row: RSS after one run minute and after `minutes`, run at `speed`."""
    samples: list[tuple[float, int]] = []
    with (
        tempfile.TemporaryDirectory(prefix="bench-memory-") as name,
        bench_startup.app_environment(Path(name)) as environment,
    ):
        if not environment.can_press_keys:
            return [{"case": "memory over an hour", "skipped": "needs Xvfb and xdotool"}]
        app = bench_startup.launch(
            ["run", STRUCTURE, "--speed", f"{speed:g}"], environment, Path(name) / "data"
        )
        try:
            at_start = app.rss_kib()
            started = app.press_start()
            marks = [1.0, *(float(m) for m in range(10, int(minutes) + 1, 10))]
            if marks[-1] != minutes:
                marks.append(minutes)
            for minute in marks:
                wake = started + minute * 60 / speed
                time.sleep(max(0.0, wake - time.monotonic()))
                if app.process.poll() is not None:
                    raise RuntimeError(f"the app ended early ({app.process.returncode})")
                samples.append((minute, app.rss_kib()))
        finally:
            app.stop()
    first = samples[0][1]
    last = samples[-1][1]
    growth = (last - first) / 1024
    return [
        {
            "case": f"{STRUCTURE} at {speed:g}x: {minutes:g} run minutes in "
            f"{minutes * 60 / speed:.0f} s",
            "rss_at_start_mib": round(at_start / 1024, 1),
            "rss_1min_mib": round(first / 1024, 1),
            f"rss_{minutes:g}min_mib": round(last / 1024, 1),
            "growth_mib": round(growth, 1),
            "growth_percent": round((last - first) / first * 100, 1),
            "samples_mib": " ".join(f"{m:g}:{kib / 1024:.1f}" for m, kib in samples),
            "ok": growth <= GROWTH_TARGET_MIB and last / 1024 <= RESIDENT_TARGET_MIB,
            "screen": environment.screen,
            "sound": environment.sound,
        }
    ]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print its row."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--speed", type=float, default=60.0)
    parser.add_argument("--minutes", type=float, default=60.0)
    options = parser.parse_args(argv)
    for row in run(speed=options.speed, minutes=options.minutes):
        print(row)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
