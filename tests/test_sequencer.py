"""The sequencer against a fake clock: timing, commands and events. No test sleeps."""

from __future__ import annotations

import pytest

from facilitator.core.timing.clock import FakeClock
from facilitator.core.timing.events import (
    AdvanceMode,
    CueDue,
    Finished,
    OverrunBegan,
    RunState,
    SegmentStarted,
    WarningDue,
)
from facilitator.core.timing.sequencer import Sequencer
from facilitator.core.workshop.structures import Moment
from tests.factories import one_step_structure, timeline


def _of(events, kind):
    return [e for e in events if isinstance(e, kind)]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def run(clock: FakeClock) -> Sequencer:
    return Sequencer(timeline(), clock)


def test_start_enters_the_first_segment_and_rings_its_cue(run: Sequencer) -> None:
    events = run.start()
    assert _of(events, SegmentStarted) == [SegmentStarted(0, 1)]
    [cue] = _of(events, CueDue)
    assert cue.cue == "step_start"
    assert cue.late == 0
    assert run.state is RunState.RUNNING
    assert run.remaining() == 120


def test_remaining_comes_from_the_deadline_not_from_ticks(run: Sequencer, clock: FakeClock) -> None:
    run.start()
    for _ in range(1000):  # irregular ticks must not make the time drift
        clock.advance(0.0937)
        run.update()
    assert run.remaining() == pytest.approx(120 - 93.7)


def test_segments_chain_from_deadlines_even_when_updates_come_late(
    run: Sequencer, clock: FakeClock
) -> None:
    run.start()
    clock.advance(120.4)  # the update arrives 0.4 s after the boundary
    events = run.update()
    assert run.index == 1
    assert run.remaining() == pytest.approx(60 - 0.4), "the next segment started at the boundary"
    [cue] = _of(events, CueDue)
    assert cue.cue == "transition"
    assert cue.late == pytest.approx(0.4)


def test_a_whole_run_fires_each_segment_once_and_finishes_once(
    run: Sequencer, clock: FakeClock
) -> None:
    events = run.start()
    while run.state is RunState.RUNNING:
        clock.advance(0.5)
        events += run.update()
    started = [e.index for e in _of(events, SegmentStarted)]
    assert started == list(range(len(run.timeline.segments)))
    assert len(_of(events, Finished)) == 1
    cues = [e.cue for e in _of(events, CueDue)]
    assert cues[-1] == Moment.END.value
    assert cues.count("speaker_swap") == 3
    assert cues.count("round_start") == 3
    assert cues.count("warning") == 2, "the intro's and the debrief's; turns are silenced"
    assert run.status().total_remaining == 0


def test_pausing_consumes_no_time(run: Sequencer, clock: FakeClock) -> None:
    run.start()
    clock.advance(50)
    run.pause()
    clock.advance(600)
    assert run.update() == []
    assert run.remaining() == pytest.approx(70)
    run.resume()
    clock.advance(10)
    assert run.remaining() == pytest.approx(60)
    assert run.index == 0


def test_manual_advance_runs_into_overrun_until_next(clock: FakeClock) -> None:
    run = Sequencer(timeline(), clock, default_mode=AdvanceMode.MANUAL)
    run.start()
    clock.advance(130)
    events = run.update()
    assert _of(events, OverrunBegan) == [OverrunBegan(0, 1)]
    assert run.index == 0
    assert run.remaining() == pytest.approx(-10)
    assert run.status().overrun
    clock.advance(5)
    assert _of(run.update(), OverrunBegan) == [], "overrun is reported once"
    run.next()
    assert run.index == 1
    assert run.remaining() == pytest.approx(60)


def test_manual_can_be_set_for_one_step_only(clock: FakeClock) -> None:
    run = Sequencer(timeline(), clock)
    run.set_mode(AdvanceMode.MANUAL, step_index=2)
    run.start()
    clock.advance(1020 + 200)
    run.update()
    assert run.index == 10
    assert run.status().overrun


def test_a_clock_jump_lands_where_the_time_falls_with_one_cue(
    run: Sequencer, clock: FakeClock
) -> None:
    run.start()
    clock.advance(600 + 5)  # ten minutes asleep: we are 5 s into turn 2 of round 2
    events = run.update()
    assert run.index == 6
    assert run.remaining() == pytest.approx(115)
    assert [e.index for e in _of(events, SegmentStarted)] == [6], "passed segments stay quiet"
    cues = _of(events, CueDue)
    assert len(cues) == 1
    assert cues[0].cue == "speaker_swap"
    assert not _of(events, WarningDue), "warnings of passed segments are not replayed"


def test_a_jump_past_the_end_finishes_with_one_end_cue(run: Sequencer, clock: FakeClock) -> None:
    run.start()
    clock.advance(5000)
    events = run.update()
    assert run.state is RunState.FINISHED
    assert [e.cue for e in _of(events, CueDue)] == ["end"]


def test_a_clock_running_backwards_never_replays_or_goes_negative(
    run: Sequencer, clock: FakeClock
) -> None:
    run.start()
    clock.advance(130)
    first = run.update()
    clock.advance(-100)
    assert run.update() == []
    assert run.index == 1
    assert 0 <= run.remaining() <= 60
    assert len(_of(first, SegmentStarted)) == 1


def test_adding_time_changes_only_the_current_segment(run: Sequencer, clock: FakeClock) -> None:
    run.start()
    clock.advance(20)
    total_before = run.status().total_remaining
    run.add_time(60)
    assert run.remaining() == pytest.approx(160)
    assert run.status().total_remaining == pytest.approx(total_before + 60)
    clock.advance(160)
    run.update()
    assert run.index == 1
    assert run.remaining() == pytest.approx(60)


def test_removing_more_time_than_is_left_ends_the_segment_now(
    run: Sequencer, clock: FakeClock
) -> None:
    run.start()
    clock.advance(100)
    events = run.add_time(-60)
    assert run.index == 1, "the segment ended at once and the run moved on"
    assert run.remaining() == pytest.approx(60)
    assert [e.cue for e in _of(events, CueDue)] == ["transition"]


def test_previous_restart_and_jump(run: Sequencer, clock: FakeClock) -> None:
    run.start()
    run.jump(5)
    clock.advance(30)
    assert run.index == 5
    assert run.remaining() == pytest.approx(90)
    run.restart_segment()
    assert run.remaining() == pytest.approx(120)
    run.previous()
    assert run.index == 4
    assert run.remaining() == pytest.approx(60)
    with pytest.raises(IndexError):
        run.jump(99)


def test_navigation_while_paused_stays_paused(run: Sequencer, clock: FakeClock) -> None:
    run.start()
    run.pause()
    run.next()
    clock.advance(100)
    assert run.state is RunState.PAUSED
    assert run.index == 1
    assert run.remaining() == 60


def test_the_warning_is_due_once_before_the_end(clock: FakeClock) -> None:
    run = Sequencer(timeline(one_step_structure(minutes=2)), clock)
    run.start()
    clock.advance(89)
    assert not _of(run.update(), WarningDue)
    clock.advance(1)
    events = run.update()
    assert _of(events, WarningDue) == [WarningDue(0, 1)]
    assert [e.cue for e in _of(events, CueDue)] == ["warning"]
    assert run.status().warning
    clock.advance(1)
    assert not _of(run.update(), WarningDue)


def test_seconds_until_next_moment_tells_the_ui_when_to_wake(
    run: Sequencer, clock: FakeClock
) -> None:
    assert run.seconds_until_next_moment() is None
    run.start()
    assert run.seconds_until_next_moment() == pytest.approx(90)  # the intro's warning
    clock.advance(91)
    run.update()
    assert run.seconds_until_next_moment() == pytest.approx(29)  # the end of the intro


def test_a_saved_run_resumes_where_the_wall_clock_says(run: Sequencer, clock: FakeClock) -> None:
    run.start()
    clock.advance(100)
    run.update()
    record = run.to_record()
    later = FakeClock(5000)
    resumed = Sequencer.from_record(run.timeline, later, record, elapsed=30)
    assert resumed.index == 1
    assert resumed.remaining() == pytest.approx(50)
    assert resumed.state is RunState.RUNNING


def test_a_paused_run_resumes_paused_with_the_same_time(run: Sequencer, clock: FakeClock) -> None:
    run.start()
    clock.advance(40)
    run.pause()
    resumed = Sequencer.from_record(run.timeline, FakeClock(9), run.to_record(), elapsed=999)
    assert resumed.state is RunState.PAUSED
    assert resumed.remaining() == pytest.approx(80)


def test_subscribers_receive_every_event(run: Sequencer, clock: FakeClock) -> None:
    received = []
    stop = run.subscribe(received.append)
    returned = run.start()
    assert received == returned
    stop()
    run.next()
    assert received == returned
