"""Expanding structures into timelines: segments, cues, questions."""

from __future__ import annotations

from facilitator.core.timing.timeline import SegmentKind, build_timeline
from facilitator.core.workshop.structures import Moment
from tests.factories import one_step_structure, paired_rounds_structure, question_set, timeline


def test_rounds_expand_into_transitions_and_equal_turns() -> None:
    segments = timeline().segments
    kinds = [s.kind for s in segments]
    assert kinds == [
        SegmentKind.STEP,
        SegmentKind.TRANSITION,
        SegmentKind.TURN,
        SegmentKind.TURN,
        SegmentKind.TRANSITION,
        SegmentKind.TURN,
        SegmentKind.TURN,
        SegmentKind.TRANSITION,
        SegmentKind.TURN,
        SegmentKind.TURN,
        SegmentKind.STEP,
    ]
    turns = [s for s in segments if s.kind is SegmentKind.TURN]
    assert {s.duration_seconds for s in turns} == {120}
    assert [(s.round, s.speaker) for s in turns] == [(1, 1), (1, 2), (2, 1), (2, 2), (3, 1), (3, 2)]


def test_each_moment_gets_its_own_cue() -> None:
    cues = [s.cue for s in timeline().segments]
    assert cues == [
        "step_start",
        "transition",
        "round_start",
        "speaker_swap",
        "transition",
        "round_start",
        "speaker_swap",
        "transition",
        "round_start",
        "speaker_swap",
        "step_start",
    ]


def test_segments_tile_the_total_without_gaps() -> None:
    built = timeline()
    position = 0
    for segment in built.segments:
        assert segment.start_seconds == position
        position += segment.duration_seconds
    assert built.total_seconds == position == (2 + 3 * (1 + 4) + 3) * 60


def test_questions_show_only_where_the_step_shows_them() -> None:
    built = timeline()
    assert built.segments[0].questions == ("What brings you here?", "What can you offer?")
    assert built.segments[1].questions == (), "a transition shows its instruction, not questions"
    assert built.segments[-1].questions == (), "the debrief hides the questions"


def test_warning_only_on_segments_long_enough_and_silenced_by_the_step() -> None:
    built = timeline()
    intro, transition, turn = built.segments[0], built.segments[1], built.segments[2]
    assert intro.warning_seconds == 30
    assert intro.warning_cue == Moment.WARNING.value
    assert transition.warning_seconds is None
    assert turn.warning_seconds == 30
    assert turn.warning_cue == "none"
    short = build_timeline(one_step_structure(minutes=0.75), None, "en")
    assert short.segments[0].warning_seconds is None, "45 s is too short for a 30 s warning"


def test_json_has_the_documented_fields() -> None:
    document = build_timeline(paired_rounds_structure(), question_set(), "en").to_json()
    assert {"id", "title", "total_seconds", "segments"} <= document.keys()
    segment = document["segments"][2]
    for key in (
        "index",
        "step",
        "kind",
        "round",
        "rounds",
        "speaker",
        "speakers",
        "start_seconds",
        "duration_seconds",
        "cue",
        "questions",
    ):
        assert key in segment
    assert segment["kind"] == "turn"
    assert segment["speakers"] == 2
    assert segment["round"] == 1


def test_texts_follow_the_language_with_english_fallback() -> None:
    structure = paired_rounds_structure()
    dutch = build_timeline(structure, None, "nl")
    assert dutch.to_json()["title"] == "Tweetallen-test"
    french = build_timeline(structure, None, "fr")
    assert french.to_json()["title"] == "Pairs test"


def test_planned_cues_list_every_bell_of_an_uninterrupted_run_in_order() -> None:
    planned = timeline().planned_cues()
    assert [(p.at_seconds, p.cue) for p in planned] == [
        (0, "step_start"),
        (90, "warning"),
        (120, "transition"),
        (180, "round_start"),
        (300, "speaker_swap"),
        (420, "transition"),
        (480, "round_start"),
        (600, "speaker_swap"),
        (720, "transition"),
        (780, "round_start"),
        (900, "speaker_swap"),
        (1020, "step_start"),
        (1170, "warning"),
        (1200, "end"),
    ]
    assert planned[-1].moment is Moment.END
    assert planned[-1].index == 10
