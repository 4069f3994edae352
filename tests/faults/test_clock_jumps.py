"""The clock jumps: a laptop asleep for ten minutes, a wall clock set back or forward.

The whole app runs offscreen with a hand-moved clock: a jump forward lands the run where
the time falls with at most one bell for the whole jump; a clock that goes backwards never
replays a bell and never shows negative time on the card or the console. With the real
clocks, changing the wall clock (time.time) does nothing at all to a running session: the
sequencer runs on CLOCK_BOOTTIME.
"""

from __future__ import annotations

import re
import time

import pytest

from facilitator.app import FacilitatorApp
from facilitator.core.shown.card import CardPhase
from facilitator.core.timing.events import RunState, RunStatus
from facilitator.platform.audio import FakeBellPlayer
from facilitator.platform.edges import Platform
from facilitator.platform.screens import FakeScreenProvider
from tests.app_harness import LAPTOP, PROJECTOR, Harness, build_harness
from tests.scripted_prompts import ScriptedPrompts

STRUCTURE = "impromptu-networking"
TEN_MINUTES = 600.0
OVERRUN_TEXT = re.compile(r"^[+-]\d+:\d\d")
TICKS_UNDER_EACH_WALL_CLOCK = 5
"""Run seconds the real-clock run ticks through after each change of the wall clock."""


@pytest.fixture
def harness(qtbot) -> Harness:
    built = build_harness(qtbot)
    built.app.show()
    assert built.app.start_run(STRUCTURE)
    built.app.run.start()
    return built


def _position(harness: Harness) -> float:
    status = harness.app.run.status()
    assert status is not None
    if status.segment is None:
        return float(harness.app.run.session.timeline.total_seconds)
    return status.segment.start_seconds + status.duration - status.remaining


def _expected_index(harness: Harness, position: float) -> int:
    for segment in harness.app.run.session.timeline.segments:
        if position < segment.start_seconds + segment.duration_seconds:
            return segment.index
    raise AssertionError("past the end")


def _assert_no_negative_time(harness: Harness) -> RunStatus:
    """Nothing on the card or the console shows time below zero (the run is automatic)."""
    status = harness.app.run.status()
    assert status is not None
    assert status.remaining >= 0
    assert status.total_remaining >= 0
    assert 0 <= status.progress <= 1
    assert not status.overrun
    content = harness.app.presenter.content
    assert content is not None
    assert content.phase is not CardPhase.OVERRUN
    assert not OVERRUN_TEXT.match(content.countdown)
    shown = [text for text in harness.card_texts() if OVERRUN_TEXT.match(text)]
    assert shown == [], f"the card shows {shown}"
    page = harness.app.run_page
    for label in (page.countdown, page.total):
        assert "+" not in label.text(), label.text()
        assert "-" not in label.text(), label.text()
    wake = harness.app.run.next_wake_ms()
    assert wake is None or 0 <= wake <= 1001 + 1, wake
    return status


def test_ten_minutes_asleep_lands_where_the_time_falls_with_one_bell(harness: Harness) -> None:
    harness.advance(200)  # round 1, person A
    played = list(harness.player.played)
    harness.clock.advance(TEN_MINUTES)  # the lid closed; CLOCK_BOOTTIME counted on
    harness.wall.now += TEN_MINUTES
    harness.app.run.poll()
    status = _assert_no_negative_time(harness)
    assert _position(harness) == pytest.approx(200 + TEN_MINUTES)
    assert status.index == _expected_index(harness, 800) == 8
    assert status.remaining == pytest.approx(100)
    new = harness.player.played[len(played) :]
    assert new == ["tingsha"], "one bell for the whole jump: the round that began"
    # An hour more (a long lunch with the lid closed): the run ends with one end bell.
    harness.advance(3600)
    assert harness.app.run.status().state is RunState.FINISHED
    assert harness.player.played[len(played) + 1 :] == ["end"]
    assert "Finished. Thank you!" in harness.card_texts()


def test_a_clock_that_goes_backwards_never_replays_a_bell_or_shows_negative_time(
    harness: Harness,
) -> None:
    harness.advance(180.2)  # just past the start of round 1: its bell rang
    assert harness.player.played[-1] == "tingsha"
    played = list(harness.player.played)
    before = _position(harness)
    harness.clock.advance(-2)  # back over the boundary
    harness.wall.now -= 3600  # and the wall clock set an hour back
    harness.app.run.poll()
    _assert_no_negative_time(harness)
    assert _position(harness) == pytest.approx(before), "time never runs backwards"
    harness.advance(2)  # forward over the same boundary again
    assert harness.player.played == played, "the bell of that boundary is not replayed"
    harness.clock.advance(-TEN_MINUTES)  # a long way back
    harness.app.run.poll()
    status = _assert_no_negative_time(harness)
    assert status.index == 2
    assert _position(harness) == pytest.approx(before)
    harness.clock.advance(TEN_MINUTES + 30)  # the clock catches up and runs on
    harness.app.run.poll()
    assert _position(harness) == pytest.approx(before + 30)
    assert harness.player.played == played
    _assert_no_negative_time(harness)


def test_a_paused_run_keeps_its_time_whatever_the_clock_does(harness: Harness) -> None:
    harness.advance(50)
    harness.app.run.pause()
    for jump in (TEN_MINUTES, -2 * TEN_MINUTES, 5 * TEN_MINUTES):
        harness.clock.advance(jump)
        harness.app.run.poll()
        status = harness.app.run.status()
        assert status.state is RunState.PAUSED
        assert status.remaining == pytest.approx(70)
    harness.app.run.start()  # resume
    harness.advance(10)
    assert harness.app.run.status().remaining == pytest.approx(60)
    assert harness.player.played == ["tingsha"], "only the first step's bell, once"


def test_changing_the_wall_clock_changes_nothing_in_a_running_session(
    qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    speed = 20.0
    real_time = time.time
    offset = [0.0]
    player = FakeBellPlayer()
    app = FacilitatorApp(
        Platform(
            FakeScreenProvider([LAPTOP, PROJECTOR], "laptop"),
            player,
            wall=lambda: time.time(),  # reads the patched wall clock below
        ),
        prompts=ScriptedPrompts(),
    )
    qtbot.addWidget(app.console)
    qtbot.addWidget(app.card)
    ticks: list[None] = []
    app.run.secondChanged.connect(lambda: ticks.append(None))
    assert app.start_run(STRUCTURE, speed=speed)
    app.run.start()
    started = time.monotonic()
    monkeypatch.setattr(time, "time", lambda: real_time() + offset[0])

    def position() -> tuple[float, float]:
        status = app.run.status()
        assert status is not None
        assert status.segment is not None
        at = time.monotonic()
        return status.segment.start_seconds + status.duration - status.remaining, at

    for jump in (30 * 86400.0, -365 * 86400.0, 0.0):  # a month ahead, a year back, right
        offset[0] = jump
        ticks.clear()
        # The run goes on by its own timer for a few run seconds under the moved wall clock.
        qtbot.waitUntil(lambda: len(ticks) >= TICKS_UNDER_EACH_WALL_CLOCK, timeout=2000)
        now, at = position()
        assert now == pytest.approx((at - started) * speed, abs=0.5), f"wall clock {jump:+g} s"
        assert app.run.status().state is RunState.RUNNING
        assert app.run.status().remaining >= 0
    assert player.played == ["tingsha"], "no bell came from changing the wall clock"
    saved = app.store.load()
    assert saved is not None
    assert saved.sequencer["index"] == 0
    app.end_session()


def _until_the_next_wake(qtbot, harness: Harness) -> None:
    """Let the run wake once on its own timer: whatever was due before it has happened."""
    qtbot.waitSignal(harness.app.run.secondChanged, timeout=2000).wait()


def test_a_tick_that_runs_past_a_struck_moment_never_rings_its_bell_twice(qtbot) -> None:
    """The event loop busy as a moment passes (a slow repaint) after its bell was struck
    early (a sound output's lead): the bell is not rung a second time when it is caught up."""
    harness = build_harness(qtbot)
    app, clock = harness.app, harness.clock
    heard: list[str] = []
    app.run.cueDue.connect(lambda cue, _moment, _late: heard.append(cue))
    app.run.set_cue_lead(0.2)  # as a real sound output's buffering asks
    assert app.start_run(STRUCTURE)
    app.run.start()
    harness.advance(89.9)  # the first step's warning is due at 90 s: inside the lead
    qtbot.waitUntil(lambda: heard == ["step_start", "warning"], timeout=1000)
    slow = [True]

    def busy_repaint() -> None:
        if slow.pop() if slow else False:
            clock.advance(0.1)  # the repaint of this tick takes the clock past 90 s

    app.run.secondChanged.connect(busy_repaint)
    harness.advance(0.05)  # a tick at 89.95 s, whose repaint ends at 90.05 s
    _until_the_next_wake(qtbot, harness)
    harness.advance(0.1)  # the next tick catches up with the warning
    _until_the_next_wake(qtbot, harness)
    assert heard == ["step_start", "warning"], "the warning rang once"
    assert app.run.status().warning
