"""Property tests of the sequencer: any commands, any clock jumps, the rules always hold."""

from __future__ import annotations

import itertools
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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
from facilitator.core.timing.timeline import build_timeline
from tests.factories import paired_rounds_structure, question_set

# CI runs several thousand cases; a developer's run stays quick.
EXAMPLES = int(os.environ.get("FACILITATOR_PROPERTY_EXAMPLES", "300"))
PROPERTY = settings(
    max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def _timeline(rounds: int, minutes: float, speakers: int):
    structure = paired_rounds_structure(rounds=rounds, minutes=minutes, speakers=speakers)
    return build_timeline(structure, question_set(), "en")


timelines = st.builds(
    _timeline, st.integers(1, 4), st.sampled_from([1, 2, 3.5, 4, 7]), st.integers(1, 3)
)

commands = st.one_of(
    st.tuples(st.just("advance"), st.floats(0, 400, allow_nan=False)),
    st.tuples(st.just("jump_clock"), st.floats(-50, 5000, allow_nan=False)),
    st.tuples(
        st.sampled_from(
            ["start", "pause", "resume", "toggle", "next", "previous", "restart_segment", "update"]
        ),
        st.none(),
    ),
    st.tuples(st.just("add_time"), st.sampled_from([60.0, -60.0, 15.0, -300.0])),
    st.tuples(st.just("jump"), st.integers(0, 40)),
    st.tuples(st.just("mode"), st.sampled_from(list(AdvanceMode))),
)


def _apply(sequencer: Sequencer, clock: FakeClock, command: tuple[str, object]) -> list:
    name, argument = command
    if name == "advance":
        clock.advance(float(argument))  # type: ignore[arg-type]
        return sequencer.update()
    if name == "jump_clock":
        clock.advance(float(argument))  # type: ignore[arg-type]
        return sequencer.update()
    if name == "add_time":
        return sequencer.add_time(float(argument))  # type: ignore[arg-type]
    if name == "jump":
        index = int(argument) % len(sequencer.timeline.segments)  # type: ignore[call-overload]
        return sequencer.jump(index)
    if name == "mode":
        return sequencer.set_mode(argument)  # type: ignore[arg-type]
    return getattr(sequencer, name)()


@PROPERTY
@given(timelines)
def test_segments_tile_the_total_with_no_gap_or_overlap(timeline) -> None:
    position = 0
    for segment in timeline.segments:
        assert segment.start_seconds == position
        assert segment.duration_seconds > 0
        position = segment.end_seconds
    assert position == timeline.total_seconds


@PROPERTY
@given(timelines, st.lists(commands, max_size=40))
def test_any_command_sequence_leaves_a_valid_state(timeline, steps) -> None:
    clock = FakeClock()
    sequencer = Sequencer(timeline, clock)
    for command in steps:
        events = _apply(sequencer, clock, command)
        status = sequencer.status()
        assert 0 <= sequencer.index < len(timeline.segments)
        assert status.total_remaining >= 0
        assert 0.0 <= status.progress <= 1.0
        if sequencer.state is RunState.FINISHED:
            assert status.total_remaining == 0
        if (
            sequencer.state is RunState.RUNNING
            and sequencer.mode_of(sequencer.segment.step_index) is AdvanceMode.AUTO
        ):
            assert sequencer.remaining() > 0, "an automatic segment never shows negative time"
        cues = [e for e in events if isinstance(e, CueDue)]
        assert len(cues) <= 2, "a command rings its own cue and at most one for the time passed"
        if command[0] in ("advance", "jump_clock", "update"):
            assert len(cues) <= 1, "time passing rings at most one cue, whatever the jump"


@PROPERTY
@given(timelines, st.lists(commands, max_size=40))
def test_every_event_fires_at_most_once_per_visit(timeline, steps) -> None:
    clock = FakeClock()
    sequencer = Sequencer(timeline, clock)
    seen: set[tuple[type, int, int]] = set()
    finished_visits: set[int] = set()
    sequencer.subscribe(lambda event: _record(event, seen, finished_visits))
    for command in steps:
        _apply(sequencer, clock, command)


def _record(event, seen: set, finished: set) -> None:
    if isinstance(event, SegmentStarted | WarningDue | OverrunBegan):
        key = (type(event), event.index, event.visit)
        assert key not in seen, f"{event} fired twice"
        seen.add(key)
    elif isinstance(event, Finished):
        assert event.visit not in finished
        finished.add(event.visit)


@PROPERTY
@given(timelines, st.floats(0.1, 100), st.floats(0, 10_000), st.floats(0.1, 100))
def test_pausing_consumes_no_segment_time(timeline, before, paused_for, after) -> None:
    clock = FakeClock()
    sequencer = Sequencer(timeline, clock, default_mode=AdvanceMode.MANUAL)
    sequencer.start()
    clock.advance(before)
    sequencer.update()
    sequencer.pause()
    remaining = sequencer.remaining()
    index = sequencer.index
    clock.advance(paused_for)
    assert sequencer.update() == []
    sequencer.resume()
    assert sequencer.index == index
    assert sequencer.remaining() == pytest.approx(remaining)
    clock.advance(after)
    assert sequencer.remaining() == pytest.approx(remaining - after)


@PROPERTY
@given(timelines, st.floats(0, 30), st.sampled_from([60.0, 30.0, 5.0, -10.0]))
def test_adding_time_changes_only_the_current_segment(timeline, elapsed, seconds) -> None:
    clock = FakeClock()
    sequencer = Sequencer(timeline, clock, default_mode=AdvanceMode.MANUAL)
    sequencer.start()
    clock.advance(elapsed)
    sequencer.update()
    remaining = sequencer.remaining()
    later_before = [s.duration_seconds for s in timeline.segments[sequencer.index + 1 :]]
    total_before = sequencer.status().total_remaining
    sequencer.add_time(seconds)
    expected = max(remaining + seconds, min(remaining, 0.0))
    assert sequencer.remaining() == pytest.approx(expected)
    later_after = [s.duration_seconds for s in timeline.segments[sequencer.index + 1 :]]
    assert later_after == later_before
    assert sequencer.status().total_remaining == pytest.approx(
        total_before + (max(expected, 0) - max(remaining, 0))
    )


@PROPERTY
@given(timelines, st.lists(st.floats(0.5, 30), min_size=1, max_size=50))
def test_a_run_left_alone_rings_every_moment_once_in_order(timeline, ticks) -> None:
    clock = FakeClock()
    sequencer = Sequencer(timeline, clock)
    events = sequencer.start()
    for tick in itertools.cycle(ticks):
        if sequencer.state is RunState.FINISHED:
            break
        clock.advance(min(tick, 4.0))  # shorter than any segment: no moment is ever skipped
        events += sequencer.update()
    started = [e.index for e in events if isinstance(e, SegmentStarted)]
    assert started == list(range(len(timeline.segments)))
    cue_times = [e.scheduled for e in events if isinstance(e, CueDue)]
    assert cue_times == sorted(cue_times)
    expected = [s.cue for s in timeline.segments if s.cue != "none"]
    boundary_cues = [e.cue for e in events if isinstance(e, CueDue) and e.cue != "warning"]
    assert boundary_cues == [*expected, "end"]


@settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.floats(0, 20_000))
def test_a_clock_jump_lands_where_the_time_falls(jump) -> None:
    timeline = _timeline(3, 4, 2)
    clock = FakeClock()
    sequencer = Sequencer(timeline, clock)
    sequencer.start()
    clock.advance(jump)
    events = sequencer.update()
    if jump >= timeline.total_seconds:
        assert sequencer.state is RunState.FINISHED
    else:
        expected = timeline.segment_at(jump)
        assert sequencer.index == expected.index
        assert sequencer.remaining() == pytest.approx(expected.end_seconds - jump)
    assert len([e for e in events if isinstance(e, CueDue)]) <= 1
