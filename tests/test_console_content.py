"""What the console's run page shows, worked out without Qt: now, next, the clock, the totals.

The run is driven by a real sequencer on a hand-moved clock; the wall clock is a plain
number, so the finish time is exact.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime

import pytest

from facilitator.core.shown.card import CardPhase
from facilitator.core.shown.console import ConsoleContent, NextKind, NextUp, console_content
from facilitator.core.timing.clock import FakeClock
from facilitator.core.timing.events import AdvanceMode, RunState
from facilitator.core.timing.sequencer import Sequencer
from facilitator.core.timing.timeline import Section, SegmentKind, Timeline
from facilitator.core.workshop.structures import Moment, Transition
from tests.factories import paired_rounds_structure, text, timeline

TEN_O_CLOCK = datetime(2030, 3, 4, 10, 0).timestamp()
"""The wall clock: ten in the morning, local time."""


class Run:
    """A sequencer on a hand-moved clock, read as the console would read it."""

    def __init__(self, shown: Timeline | None = None, speed: float = 1.0) -> None:
        self.clock = FakeClock()
        self.sequencer = Sequencer(shown or timeline(), self.clock)
        self.speed = speed
        self.wall = TEN_O_CLOCK

    def advance(self, run_seconds: float) -> None:
        """Let `run_seconds` of the run pass (fewer on the wall in a rehearsal)."""
        self.clock.advance(run_seconds)
        self.wall += run_seconds / self.speed
        self.sequencer.update()

    def content(self) -> ConsoleContent:
        """The run page now."""
        status = self.sequencer.status()
        return console_content(self.sequencer.timeline, status, self.speed, self.wall)


def _next(run: Run) -> NextUp:
    now = run.content().now
    assert now is not None
    return now.next_up


def test_before_the_start_the_page_shows_the_first_step_and_the_whole_run() -> None:
    # The paired test structure: intro 2 min, then three rounds of a 1 min change-over
    # and two 2 min turns, then a 3 min debrief: 20 min in all.
    content = Run().content()
    assert content.state is RunState.READY
    assert content.phase is CardPhase.READY
    assert content.title == "Pairs test"
    assert content.question_set_title == "Test set"
    assert content.rehearsal_speed is None
    assert not content.plan
    assert content.countdown == "2:00"
    assert content.progress == 0.0
    assert content.position == 0
    assert content.whole is not None
    assert content.whole.left == "20:00"
    assert content.whole.ends_at == "10:20"
    assert content.now is not None
    assert content.now.step_title == "Intro"
    assert content.now.kind is SegmentKind.STEP
    assert content.now.notes == ""


def test_next_names_the_change_over_swaps_the_speakers_and_ends() -> None:
    run = Run()
    # The change-over opening the paired step marks the step's start, yet it is a change-over.
    assert run.sequencer.timeline.segments[1].moment is Moment.STEP_START
    assert _next(run) == NextUp(NextKind.TRANSITION, "Find a new partner", 60)
    assert _next(run).length == "1 min"
    run.sequencer.start()
    run.sequencer.jump(2)  # round 1, person A
    assert _next(run) == NextUp(NextKind.SWAP, "Talk", 120)
    run.sequencer.jump(3)  # round 1, person B: a change-over to round 2 follows
    assert _next(run) == NextUp(NextKind.TRANSITION, "Find a new partner", 60)
    run.sequencer.jump(9)  # round 3, person B: the debrief follows
    assert _next(run) == NextUp(NextKind.STEP, "Debrief", 180)
    assert _next(run).length == "3 min"
    run.sequencer.jump(10)
    assert _next(run) == NextUp(NextKind.END)


def test_the_next_round_without_a_change_over_goes_by_its_step() -> None:
    plain = paired_rounds_structure(transition_minutes=0)
    talk = dataclasses.replace(plain.steps[1], transition=None)
    structure = dataclasses.replace(plain, steps=(plain.steps[0], talk, plain.steps[2]))
    run = Run(timeline(structure))
    run.sequencer.start()
    run.sequencer.jump(2)  # round 1, person B: round 2 starts next
    assert run.sequencer.timeline.segments[3].moment is Moment.ROUND_START
    assert _next(run) == NextUp(NextKind.STEP, "Talk", 120)


def test_a_change_over_without_instruction_is_named_by_its_step() -> None:
    plain = paired_rounds_structure()
    talk = dataclasses.replace(plain.steps[1], transition=Transition(1, text("")))
    structure = dataclasses.replace(plain, steps=(plain.steps[0], talk, plain.steps[2]))
    run = Run(timeline(structure))
    run.sequencer.start()
    run.sequencer.jump(2)  # round 1, person B: the change-over to round 2 follows
    assert _next(run) == NextUp(NextKind.TRANSITION, "Talk", 60)


def test_a_turn_is_described_as_the_card_shows_it_and_keeps_the_step_notes() -> None:
    plain = paired_rounds_structure()
    talk = dataclasses.replace(plain.steps[1], notes=text("Keep <b>time</b> & smile"))
    structure = dataclasses.replace(plain, steps=(plain.steps[0], talk, plain.steps[2]))
    run = Run(timeline(structure))
    run.sequencer.start()
    run.sequencer.jump(8)  # round 3, person A
    now = run.content().now
    assert now is not None
    assert now.step_title == "Talk"
    assert now.kind is SegmentKind.TURN
    assert now.notes == "Keep <b>time</b> & smile"
    assert (now.card.round, now.card.rounds, now.card.speaker) == (3, 3, 1)
    assert not now.card.swap
    run.sequencer.jump(9)  # person B: the card says "Swap"
    now = run.content().now
    assert now is not None
    assert now.card.swap


def test_the_clock_the_state_and_the_totals_follow_the_run() -> None:
    run = Run()
    run.sequencer.start()
    run.advance(30)
    content = run.content()
    assert (content.state, content.phase) == (RunState.RUNNING, CardPhase.RUNNING)
    assert content.countdown == "1:30"
    assert content.progress == pytest.approx(0.25)
    assert content.elapsed_seconds == pytest.approx(30)
    assert content.whole is not None
    assert (content.whole.left, content.whole.ends_at) == ("19:30", "10:20")
    run.advance(80)  # ten seconds left: the warning
    assert run.content().phase is CardPhase.WARNING
    run.sequencer.set_mode(AdvanceMode.MANUAL)
    run.advance(25)  # a manual step runs over
    content = run.content()
    assert content.phase is CardPhase.OVERRUN
    assert content.countdown == "+0:15"


def test_a_pause_moves_the_finish_on_with_the_wall_clock() -> None:
    run = Run()
    run.sequencer.start()
    run.sequencer.pause()
    run.wall += 5 * 60  # five minutes pass on the wall; the run stands still
    content = run.content()
    assert (content.state, content.phase) == (RunState.PAUSED, CardPhase.PAUSED)
    assert content.whole is not None
    assert (content.whole.left, content.whole.ends_at) == ("20:00", "10:25")


def test_a_rehearsal_ends_sooner_on_the_wall_clock() -> None:
    run = Run(speed=10)
    content = run.content()
    assert content.rehearsal_speed == 10
    assert content.whole is not None
    assert (content.whole.left, content.whole.ends_at) == ("20:00", "10:02")


def test_a_plan_names_no_question_set_and_says_it_is_a_plan() -> None:
    sections = (Section("Welcome", 0, 0), Section("Pairs", 1, 10))
    content = Run(dataclasses.replace(timeline(), sections=sections)).content()
    assert content.plan
    assert content.question_set_title == ""


def test_a_finished_run_shows_no_segment_and_nothing_left() -> None:
    run = Run()
    run.sequencer.start()
    for _ in run.sequencer.timeline.segments:
        run.sequencer.next()
    content = run.content()
    assert (content.state, content.phase) == (RunState.FINISHED, CardPhase.FINISHED)
    assert content.now is None
    assert content.whole is None
    assert content.position is None
    assert content.title == "Pairs test"
