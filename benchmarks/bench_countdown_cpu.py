"""CPU used by the app while the card counts down: a real app process, speed 1, one minute.

Run: `python benchmarks/bench_countdown_cpu.py [--seconds 60]` (or through
`python -m benchmarks`). Needs Xvfb and xdotool: the run is started as a clicker starts it,
with F5 on the card.

`facilitator run impromptu-networking` is launched on a virtual laptop + projector (with the
bells in a private PulseAudio null sink when PulseAudio is installed), the run is started,
and after two seconds to settle the app's CPU time (user + system, from /proc) is read over
the measured stretch. The X server's CPU time over the same stretch is shown beside it (it
composes what the app draws). Target: about 1% of one core.
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

TARGET_PERCENT = 1.0
SETTLE_S = 2.0


def run(*, seconds: float = 60.0) -> list[dict]:
    """One row: the app's CPU use while counting down for `seconds`, in % of one core."""
    with (
        tempfile.TemporaryDirectory(prefix="bench-countdown-cpu-") as name,
        bench_startup.app_environment(Path(name)) as environment,
    ):
        if not environment.can_press_keys:
            return [{"case": "countdown CPU", "skipped": "needs Xvfb and xdotool"}]
        app = bench_startup.launch(
            ["run", bench_startup.STRUCTURE], environment, Path(name) / "data"
        )
        try:
            app.press_start()
            time.sleep(SETTLE_S)
            xserver = environment.xserver_pid
            app_before, x_before = app.cpu_seconds(), bench_startup.process_cpu_seconds(xserver)
            started = time.monotonic()
            time.sleep(seconds)
            elapsed = time.monotonic() - started
            app_used = app.cpu_seconds() - app_before
            x_used = bench_startup.process_cpu_seconds(xserver) - x_before
            rss = app.rss_kib()
        finally:
            app.stop()
    percent = app_used / elapsed * 100
    return [
        {
            "case": f"counting down at speed 1 for {elapsed:.0f} s",
            "app_cpu_s": round(app_used, 3),
            "app_cpu_percent": round(percent, 2),
            "xserver_cpu_percent": round(x_used / elapsed * 100, 2),
            "rss_mib": round(rss / 1024, 1),
            "target_percent": TARGET_PERCENT,
            "ok": percent <= TARGET_PERCENT * 1.5,
            "screen": environment.screen,
            "sound": environment.sound,
        }
    ]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print its row."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    options = parser.parse_args(argv)
    for row in run(seconds=options.seconds):
        print(row)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
