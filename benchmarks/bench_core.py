"""Core benchmarks: a 100-step day on a fake clock, and loading 1,000 structure files.

Run: `python benchmarks/bench_core.py` (or through `python -m benchmarks`).
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
import time
import tracemalloc
from pathlib import Path

from facilitator.core.documents.format import structure_to_document
from facilitator.core.documents.library import load_library
from facilitator.core.files.jsonio import write_json
from facilitator.core.timing.clock import FakeClock
from facilitator.core.timing.events import RunState
from facilitator.core.timing.sequencer import Sequencer
from facilitator.core.timing.timeline import build_timeline
from facilitator.core.workshop.structures import GroupShape, LocalText, Step, Structure, Transition

DAY_SECONDS = 8 * 3600


def _day_structure(steps: int = 100) -> Structure:
    """A structure of `steps` steps adding up to about eight hours, with rounds and turns."""
    minutes = DAY_SECONDS / 60 / steps
    built = []
    for index in range(steps):
        if index % 3 == 0:
            built.append(
                Step(
                    f"s{index}",
                    LocalText({"en": f"Pairs {index}"}),
                    GroupShape.PAIRS,
                    minutes / 3,
                    rounds=3,
                    speakers=2,
                    transition=Transition(0.5, LocalText({"en": "Change"})),
                )
            )
        else:
            built.append(
                Step(
                    f"s{index}", LocalText({"en": f"Step {index}"}), GroupShape.WHOLE_GROUP, minutes
                )
            )
    return Structure("day", LocalText({"en": "A long day"}), tuple(built))


def bench_day(tick: float = 0.25) -> dict[str, object]:
    """Expand a 100-step structure and run it through an 8-hour day, ticking every `tick` s."""
    started = time.perf_counter()
    timeline = build_timeline(_day_structure(), None, "en")
    expanded = time.perf_counter() - started
    clock = FakeClock()
    sequencer = Sequencer(timeline, clock)
    tracemalloc.start()
    started = time.perf_counter()
    events = len(sequencer.start())
    updates = 0
    while sequencer.state is RunState.RUNNING:
        clock.advance(tick)
        events += len(sequencer.update())
        updates += 1
    ran = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "case": "100-step day, 8 h on a fake clock",
        "segments": len(timeline.segments),
        "expand_ms": round(expanded * 1000, 2),
        "run_s": round(ran, 3),
        "updates": updates,
        "per_update_us": round(ran / updates * 1e6, 2),
        "events": events,
        "peak_kib": round(peak / 1024, 1),
    }


def bench_library(count: int = 1000, repeats: int = 3) -> dict[str, object]:
    """Load a user library of `count` structure files (plus the built-ins)."""
    folder = Path(tempfile.mkdtemp(prefix="facilitator-bench-"))
    try:
        template = load_library().structure("impromptu-networking")
        document = structure_to_document(template)
        for index in range(count):
            write_json(
                folder / "structures" / f"bench-{index:04d}.json",
                {**document, "id": f"bench-{index:04d}"},
                keep_backup=False,
            )
        timings = []
        for _ in range(repeats):
            started = time.perf_counter()
            library = load_library(user_dir=folder)
            timings.append(time.perf_counter() - started)
        assert len(library.structures()) >= count
        assert not library.problems
        return {
            "case": f"load {count} structure files",
            "median_s": round(statistics.median(timings), 3),
            "worst_s": round(max(timings), 3),
            "per_file_ms": round(statistics.median(timings) / count * 1000, 3),
        }
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def run() -> list[dict[str, object]]:
    """Every core benchmark, one dict per case."""
    return [bench_day(), bench_library()]


if __name__ == "__main__":
    for row in run():
        print(row)
