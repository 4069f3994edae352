"""Property tests of phases: they tile their round, fitting keeps them in range, cues ring once."""

from __future__ import annotations

import itertools
import os
from collections import Counter

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from facilitator.core.timing.clock import FakeClock
from facilitator.core.timing.events import CueDue, RunState, SegmentStarted, WarningDue
from facilitator.core.timing.fitting import feasible_minutes, fit_structure
from facilitator.core.timing.sequencer import Sequencer
from facilitator.core.timing.timeline import SegmentKind, Timeline, build_timeline
from facilitator.core.workshop.structures import NO_CUE, Moment, Phase, Role, Structure
from tests.factories import phased_structure, text

EXAMPLES = int(os.environ.get("FACILITATOR_PROPERTY_EXAMPLES", "300"))
PROPERTY = settings(
    max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@st.composite
def phase_lists(draw: st.DrawFn) -> tuple[Phase, ...]:
    count = draw(st.integers(1, 5))
    phases = []
    for number in range(count):
        minutes = draw(st.sampled_from([0.5, 1, 1.5, 2, 3, 4, 5, 8]))
        low = minutes * draw(st.sampled_from([0.5, 0.75, 1.0]))
        high = minutes * draw(st.sampled_from([1.0, 1.25, 2.0]))
        cue = draw(st.sampled_from([None, Moment.TURN_BACK.value, NO_CUE]))
        role = draw(st.sampled_from(list(Role)))
        phases.append(
            Phase(f"p{number}", text(f"Phase {number}"), role, minutes, low, high, cue=cue)
        )
    return tuple(phases)


structures = st.builds(
    lambda phases, size, turns, transition: phased_structure(
        phases=phases, group_size=size, turns=turns, transition_minutes=transition
    ),
    phase_lists(),
    st.integers(2, 6),
    st.booleans(),
    st.sampled_from([None, 0.5, 1]),
)


def _phased_parts(timeline: Timeline) -> dict[tuple[int | None, int | None], list]:
    """The phase segments of each round (and turn), in timeline order."""
    parts: dict[tuple[int | None, int | None], list] = {}
    for segment in timeline.segments:
        if segment.phase is not None:
            parts.setdefault((segment.round, segment.speaker), []).append(segment)
    return parts


@PROPERTY
@given(structures)
def test_phases_tile_their_round_exactly(structure: Structure) -> None:
    _assert_phases_tile_their_rounds(structure)


def _assert_phases_tile_their_rounds(structure: Structure) -> None:
    timeline = build_timeline(structure, None, "en")
    step = structure.steps[1]
    position = 0
    for segment in timeline.segments:
        assert segment.start_seconds == position
        position = segment.end_seconds
    assert position == timeline.total_seconds
    parts = _phased_parts(timeline)
    assert len(parts) == step.rounds * step.speakers
    for segments in parts.values():
        assert [s.phase for s in segments] == list(range(1, len(step.phases) + 1))
        assert [s.phase_id for s in segments] == [p.id for p in step.phases]
        assert [s.role for s in segments] == [p.role for p in step.phases]
        for before, after in itertools.pairwise(segments):
            assert after.start_seconds == before.end_seconds, "no gap inside a round"
        length = segments[-1].end_seconds - segments[0].start_seconds
        assert length == sum(round(p.minutes * 60) for p in step.phases)
        assert {s.kind for s in segments} <= {SegmentKind.STEP, SegmentKind.TURN}
        assert all(s.moment is Moment.PHASE_CHANGE for s in segments[1:])
    expected_seconds = round(structure.steps[0].minutes * 60) + step.rounds * step.speakers * sum(
        round(p.minutes * 60) for p in step.phases
    )
    expected_seconds += step.transition_count * round(step.transition_minutes * 60)
    assert timeline.total_seconds == expected_seconds


@PROPERTY
@given(structures, st.floats(0, 1))
def test_fitting_keeps_every_phase_inside_its_range(structure: Structure, where: float) -> None:
    shortest, longest = feasible_minutes(structure)
    assume(shortest <= longest)
    target = round(shortest + where * (longest - shortest))
    fitted = fit_structure(structure, target)
    original = structure.steps[1]
    step = fitted.steps[1]
    assert [p.id for p in step.phases] == [p.id for p in original.phases]
    for phase, before in zip(step.phases, original.phases, strict=True):
        low, high = before.minutes_range
        seconds = round(phase.minutes * 60)
        kept = round(before.minutes * 60)
        assert low * 60 - 1e-6 <= seconds <= high * 60 + 1e-6 or seconds == kept, phase.id
        assert phase.minutes_range == before.minutes_range
    assert step.minutes == pytest.approx(sum(p.minutes for p in step.phases) * step.speakers)
    timeline = build_timeline(fitted, None, "en")
    assert abs(timeline.total_seconds - target * 60) <= 60, "about the length asked for"
    _assert_phases_tile_their_rounds(fitted)


@PROPERTY
@given(structures, st.lists(st.floats(0.5, 4.0), min_size=1, max_size=20))
def test_every_event_of_a_phased_run_fires_exactly_once(structure: Structure, ticks) -> None:
    timeline = build_timeline(structure, None, "en")
    shortest = min(segment.duration_seconds for segment in timeline.segments)
    clock = FakeClock()
    sequencer = Sequencer(timeline, clock)
    events = sequencer.start()
    for tick in itertools.cycle(ticks):
        if sequencer.state is RunState.FINISHED:
            break
        clock.advance(min(tick, shortest / 2))  # shorter than any segment: nothing is skipped
        events += sequencer.update()
    started = [e.index for e in events if isinstance(e, SegmentStarted)]
    assert started == list(range(len(timeline.segments))), "each segment starts once, in order"
    rung = [(e.cue, e.moment, e.index) for e in events if isinstance(e, CueDue)]
    planned = [(c.cue, c.moment, c.index) for c in timeline.planned_cues()]
    assert rung == planned, "every planned cue rings once, in order, and nothing else"
    warnings = Counter(e.index for e in events if isinstance(e, WarningDue))
    assert all(count == 1 for count in warnings.values())
    assert set(warnings) == {s.index for s in timeline.segments if s.warning_seconds}
