"""Cue latency: from a cue's planned moment to its bell's first sample at the sound server.

Run: `python benchmarks/bench_cue_latency.py [--speed 20] [--fit MINUTES] [--structure ID]`
(needs PulseAudio: `pulseaudio`, `pactl` and `parec`).

A whole structure is rehearsed with the real app parts (tests/rehearsal_driver.py) through a
private PulseAudio server whose null sink is recorded; every bell is found in the recording
(tests/audio_probe.py, shared with tests/test_real_audio.py). This is done twice: with the
machine idle, and with every core kept busy by a spinning process. Targets: the first cue
within 20 ms, later cues within 5 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from tests import audio_probe  # noqa: E402

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

FIRST_TARGET_MS = 20.0
LATER_TARGET_MS = 5.0
HEARD_BOUND_MS = 150.0
COLUMNS = (
    "scenario",
    "busy",
    "cues",
    "heard",
    "first_ms",
    "later_median_ms",
    "later_worst_ms",
    "to_play_median_ms",
    "first_ok",
    "later_ok",
)


@contextmanager
def busy_cores(count: int) -> Iterator[None]:
    """Keep `count` processes spinning (one per core) while the block runs."""
    spinners = [
        subprocess.Popen([sys.executable, "-c", "while True:\n    pass"]) for _ in range(count)
    ]
    try:
        yield
    finally:
        for spinner in spinners:
            spinner.terminate()
        for spinner in spinners:
            spinner.wait(timeout=5)


def summarise(scenario: str, busy: int, rehearsal: audio_probe.Rehearsal) -> dict:
    """One row: how late the first and the later bells were, and whether all were heard."""
    first = rehearsal.first_late_ms()
    later = rehearsal.later_late_ms()
    to_play = [
        (cue.played - cue.scheduled) * 1000 for cue in rehearsal.cues if cue.played is not None
    ]
    problems = rehearsal.problems(HEARD_BOUND_MS)
    worst = max(later) if later else None
    return {
        "scenario": scenario,
        "busy": busy,
        "cues": len(rehearsal.expected),
        "heard": rehearsal.heard_right(),
        "first_ms": _round(first),
        "later_median_ms": _round(statistics.median(later) if later else None),
        "later_worst_ms": _round(worst),
        "to_play_median_ms": _round(statistics.median(to_play) if to_play else None),
        "first_ok": first is not None and first <= FIRST_TARGET_MS,
        "later_ok": worst is not None and worst <= LATER_TARGET_MS,
        "problems": problems,
    }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def run(
    *,
    structure: str = "impromptu-networking",
    speed: float = 20.0,
    fit_minutes: float | None = None,
) -> list[dict]:
    """Rehearse the structure idle and with every core busy: one dict per scenario."""
    cores = os.cpu_count() or 2
    rows = []
    with (
        tempfile.TemporaryDirectory(prefix="bench-cue-latency-") as folder,
        audio_probe.pulse_session(Path(folder)) as (server, recorder),
    ):
        for scenario, busy in (("idle", 0), ("all cores busy", cores)):
            with busy_cores(busy):
                rehearsal = audio_probe.rehearse(
                    server,
                    recorder,
                    Path(folder) / scenario.replace(" ", "-"),
                    structure=structure,
                    speed=speed,
                    fit_minutes=fit_minutes,
                )
            rows.append(summarise(scenario, busy, rehearsal))
    return rows


def table(results: list[dict]) -> str:
    """The results as a plain text table, then any problems heard."""
    cells = [[str(result[column]) for column in COLUMNS] for result in results]
    widths = [max(len(line[i]) for line in [list(COLUMNS), *cells]) for i in range(len(COLUMNS))]
    lines = [list(COLUMNS), ["-" * width for width in widths], *cells]
    text = "\n".join(
        "  ".join(
            cell.ljust(width) if i == 0 else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(line, widths, strict=True))
        )
        for line in lines
    )
    notes = [f"{row['scenario']}: {problem}" for row in results for problem in row["problems"]]
    targets = f"targets: first <= {FIRST_TARGET_MS:g} ms, later <= {LATER_TARGET_MS:g} ms"
    return "\n".join([text, targets, *notes])


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print its table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--structure", default="impromptu-networking")
    parser.add_argument("--speed", type=float, default=20.0, help="rehearsal speed (default 20)")
    parser.add_argument("--fit", type=float, default=None, metavar="MINUTES")
    options = parser.parse_args(argv)
    missing = audio_probe.missing_tools()
    if missing:
        print(f"PulseAudio is not installed here ({', '.join(missing)} missing)", file=sys.stderr)
        return 2
    print(table(run(structure=options.structure, speed=options.speed, fit_minutes=options.fit)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
