"""A whole workshop day: an eight-hour plan run through the real app, at high speed.

The real app (RunModel, CueRouter, card presenter and projector card, console models and
crash record) runs a plan of eight hours (ten built-in structures, a welcome, two coffee
breaks, lunch and closing words) on a hand-moved clock, and `RunModel.poll()` catches up
at each step. The clock moves like a sluggish timer: to each moment that is due (the
model's timer is checked to be set no later than it) plus up to 30 ms of lateness, as on
a busy laptop, and otherwise in irregular steps of up to ten seconds, skipping display
seconds to keep the test quick.
Every cue must ring exactly once, on its planned moment (no drift over eight hours), and
memory must not grow with the hours: the Python memory blocks allocated (every Python
object, `sys.getallocatedblocks`) and the process's resident memory (Qt's own), from hour
one to hour eight. The figures are printed.

The console window is not shown: offscreen, painting it every second costs far more than
the run itself (about 13 ms a second, measured). Its widgets are still updated every tick.
"""

from __future__ import annotations

import gc
import os
import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QCoreApplication

from facilitator.core.plans.compile import compile_plan
from facilitator.core.plans.format import FreeItem, Plan, StructureItem
from facilitator.core.sessions.record import Session, SessionSpec
from facilitator.core.settings.preferences import SILENT
from facilitator.core.timing.events import CueDue, Event, RunState
from tests.app_harness import build_harness
from tests.factories import text

if TYPE_CHECKING:
    from facilitator.core.timing.timeline import Timeline

JITTER_S = 0.030
"""How late the timer may wake (uniformly up to this)."""
LONGEST_STEP_S = 10.0
"""The longest step between wakes when no moment is due."""
EVENTS_EVERY = 10
"""Let Qt handle its events (saving, painting, deferred deletes) every this many wakes."""
BLOCKS_BOUND = 20_000
"""Python memory blocks that may be added from hour one to hour eight (generous: a leak of
one small object per second would add 25,000)."""
RSS_BOUND_MB = 32.0
HOUR = 3600.0
STATM = Path("/proc/self/statm")

DAY = (
    ("free", "Welcome and why we are here", 10),
    ("impromptu-networking", None, None),
    ("1-2-4-all", None, None),
    ("troika-consulting", None, None),
    ("break", "Coffee", 15),
    ("25-10-crowd-sourcing", None, None),
    ("triz", None, None),
    ("what-so-what-now-what", None, None),
    ("break", "Lunch", 60),
    ("open-space", None, None),
    ("break", "Coffee", 15),
    ("wise-crowds", None, None),
    ("min-specs", None, None),
    ("15-percent-solutions", None, None),
    ("free", "Closing words", 3),
)


def eight_hour_plan() -> Plan:
    """A full workshop day of built-in structures, breaks and a lunch: eight hours."""
    items = []
    for kind, title, minutes in DAY:
        if kind in ("free", "break"):
            items.append(FreeItem(text(title), minutes, is_break=kind == "break"))
        else:
            items.append(StructureItem(kind))
    return Plan("a-whole-day", text("A whole day"), tuple(items))


@dataclass(frozen=True)
class Planned:
    """A cue as the timeline plans it: run seconds from the start."""

    at: float
    cue: str
    moment: str
    index: int


def planned_cues(timeline: Timeline) -> list[Planned]:
    """Every audible moment of the timeline, in order."""
    return [Planned(p.at_seconds, p.cue, p.moment.value, p.index) for p in timeline.planned_cues()]


def _rss_mb() -> float:
    resident_pages = int(STATM.read_text().split()[1])
    return resident_pages * os.sysconf("SC_PAGE_SIZE") / 2**20


@pytest.mark.skipif(not STATM.exists(), reason="needs Linux /proc")
def test_an_eight_hour_day_rings_every_cue_once_on_time_without_growing(
    qtbot, user_data_dir, capsys: pytest.CaptureFixture[str]
) -> None:
    harness = build_harness(qtbot, data_dir=user_data_dir)
    app, clock = harness.app, harness.clock
    timeline = compile_plan(eight_hour_plan(), app.library.library, "en")
    assert 7.5 * HOUR <= timeline.total_seconds <= 8.5 * HOUR
    session = Session.start_new(
        SessionSpec("plan", "a-whole-day", "en"),
        timeline,
        clock,
        store=app.store,
        wall=harness.wall,
    )
    app.run.load(session)
    session.save()
    app.placement.show_card()

    rung: list[tuple[float, str, str, int, float]] = []

    def on_event(event: Event) -> None:
        if isinstance(event, CueDue):
            rung.append((event.scheduled, event.cue, event.moment.value, event.index, event.late))

    session.sequencer.subscribe(on_event)
    origin = clock.now
    random.seed(8)
    wakes = 0
    baseline: tuple[int, float] | None = None
    started = time.perf_counter()
    app.run.start()
    sequencer = session.sequencer
    while app.run.status().state is RunState.RUNNING:
        wait_ms = app.run.next_wake_ms()
        assert wait_ms is not None, "a running session always has its timer set"
        moment = sequencer.seconds_until_next_moment()
        if moment is not None:
            assert wait_ms / 1000 <= moment + 0.002, "the timer never sleeps past a moment"
        if moment is not None and moment <= LONGEST_STEP_S:
            step = moment + 0.001 + random.uniform(0, JITTER_S)
        else:
            step = random.uniform(0.5, LONGEST_STEP_S)
        clock.advance(step)
        harness.wall.now += step
        app.run.poll()
        wakes += 1
        if wakes % EVENTS_EVERY == 0:
            QCoreApplication.processEvents()
        if baseline is None and clock.now - origin >= HOUR:
            QCoreApplication.processEvents()
            gc.collect()
            baseline = (sys.getallocatedblocks(), _rss_mb())
    QCoreApplication.processEvents()
    gc.collect()
    assert baseline is not None
    blocks_grown = sys.getallocatedblocks() - baseline[0]
    rss_grown_mb = _rss_mb() - baseline[1]
    elapsed = time.perf_counter() - started

    planned = planned_cues(timeline)
    got = [(cue, moment, index) for _, cue, moment, index, _ in rung]
    want = [(p.cue, p.moment, p.index) for p in planned]
    missed = len([p for p in want if p not in got])
    duplicated = len(got) - len(set(got))
    drift = max(abs(s - origin - p.at) for (s, *_), p in zip(rung, planned, strict=False))
    lateness = [late for *_, late in rung]
    sounds = [app.preferences.value.sound.sound_for(cue) for cue, _, _ in got]
    with capsys.disabled():
        print(
            f"\n8-hour day: {len(timeline.segments)} segments, "
            f"{timeline.total_seconds / HOUR:.2f} h run in {elapsed:.1f} s real "
            f"({wakes} timer wakes); cues planned {len(want)}, "
            f"rung {len(got)}, missed {missed}, duplicated {duplicated}; late max "
            f"{max(lateness) * 1000:.1f} ms, mean {sum(lateness) / len(lateness) * 1000:.1f} ms "
            f"(timer lateness up to {JITTER_S * 1000:.0f} ms + 1 ms margin); drift of the moments"
            f" {drift * 1e6:.2f} µs; memory from hour 1 to hour 8: Python {blocks_grown:+d} "
            f"blocks, RSS {rss_grown_mb:+.1f} MB"
        )
    assert got == want, "every cue once, in order"
    assert missed == 0
    assert duplicated == 0
    assert drift < 1e-6, "moments never drift, however irregular the wakes"
    assert min(lateness) >= 0
    assert max(lateness) <= JITTER_S + 0.002
    assert harness.player.played == [s for s in sounds if s != SILENT]
    assert harness.player.unheard == []
    assert blocks_grown < BLOCKS_BOUND
    assert rss_grown_mb < RSS_BOUND_MB
    assert app.run.status().state is RunState.FINISHED
    assert app.store.load() is None, "a finished day leaves no crash record"
    assert "Finished. Thank you!" in harness.card_texts()
