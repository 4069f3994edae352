"""The run model: one precise timer, cues struck on time, and early by the output's lead."""

from __future__ import annotations

import pytest

from facilitator.core.sessions.record import Session, SessionSpec
from facilitator.core.timing.clock import FakeClock
from facilitator.core.workshop.structures import Moment
from facilitator.models.run_model import RunModel
from tests.factories import timeline


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def run(qtbot, clock: FakeClock) -> RunModel:
    model = RunModel()
    model.load(Session.start_new(SessionSpec("structure", "pairs-test", "en"), timeline(), clock))
    return model


def _past_the_warning(run: RunModel, clock: FakeClock) -> None:
    run.start()
    clock.advance(100)  # the intro's warning (at 90 s) has rung
    run.poll()


def test_the_timer_wakes_at_the_next_shown_second(run: RunModel, clock: FakeClock) -> None:
    run.start()
    clock.advance(0.25)
    run.poll()
    assert run.next_wake_ms() in (750, 751, 752)


def test_a_cue_is_struck_once_ahead_of_its_moment_by_the_lead(
    qtbot, run: RunModel, clock: FakeClock
) -> None:
    heard: list[tuple[str, float]] = []
    run.cueDue.connect(lambda cue, moment, late: heard.append((cue, late)))
    run.set_cue_lead(0.2)
    _past_the_warning(run, clock)
    heard.clear()
    clock.advance(19.9)  # 0.1 s before the transition: inside the 0.2 s lead
    run.poll()
    qtbot.waitUntil(lambda: len(heard) == 1, timeout=1000)
    assert heard[0][0] == "transition"
    assert heard[0][1] == pytest.approx(-0.1)
    clock.advance(0.2)
    run.poll()  # the moment itself: the sequencer's cue is not rung a second time
    assert [cue for cue, _ in heard] == ["transition"]
    assert run.status().index == 1


def test_without_a_lead_cues_ring_at_their_moment(qtbot, run: RunModel, clock: FakeClock) -> None:
    heard: list[str] = []
    run.cueDue.connect(lambda cue, moment, late: heard.append(cue))
    _past_the_warning(run, clock)
    clock.advance(19.9)
    run.poll()
    # The model wakes on its own timer at the moment (0.1 s on); a lead strike would come first.
    qtbot.waitSignal(run.secondChanged, timeout=1000).wait()
    assert heard == ["step_start", "warning"]
    clock.advance(0.2)
    run.poll()
    assert heard == ["step_start", "warning", "transition"]


def test_a_command_after_an_early_strike_does_not_swallow_the_next_cue(
    qtbot, run: RunModel, clock: FakeClock
) -> None:
    heard: list[str] = []
    run.cueDue.connect(lambda cue, moment, late: heard.append(cue))
    run.set_cue_lead(0.2)
    _past_the_warning(run, clock)
    heard.clear()
    clock.advance(19.9)
    run.poll()
    qtbot.waitUntil(lambda: heard == ["transition"], timeout=1000)
    run.pause()  # the facilitator paused within the lead: the run stays where it was
    assert run.status().index == 0
    run.next()  # ...and then moved on by hand: that rings its own cue
    assert heard == ["transition", "transition"]
    assert run.status().index == 1


@pytest.mark.parametrize("lead", [0.0, 0.2])
def test_each_cue_names_the_moment_it_marks(qtbot, run: RunModel, clock: FakeClock, lead) -> None:
    heard: list[tuple[str, object]] = []
    run.cueDue.connect(lambda cue, moment, late: heard.append((cue, moment)))
    run.set_cue_lead(lead)
    _past_the_warning(run, clock)
    clock.advance(20.1)  # into the change-over that opens the paired step
    run.poll()
    qtbot.waitUntil(lambda: len(heard) == 3, timeout=1000)
    assert heard == [
        ("step_start", Moment.STEP_START),
        ("warning", Moment.WARNING),
        ("transition", Moment.STEP_START),  # rung with the change-over's own cue
    ]
    assert all(type(moment) is Moment for _, moment in heard)
