"""Rounds with phases: the timeline, cues, fitting, group sizes, and the built-ins using them."""

from __future__ import annotations

import json

import pytest

from facilitator.cli import main
from facilitator.core.documents.library import Library, load_library
from facilitator.core.sessions.record import SessionSpec
from facilitator.core.sessions.setup import RunSetupError, timeline_for
from facilitator.core.timing.clock import FakeClock
from facilitator.core.timing.events import CueDue
from facilitator.core.timing.fitting import FitError, feasible_minutes, fit_structure
from facilitator.core.timing.sequencer import Sequencer
from facilitator.core.timing.timeline import SegmentKind, build_timeline
from facilitator.core.workshop.structures import Moment, Role
from tests.factories import phased_question_set, phased_structure

MINUTE = 60


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    return load_library(user_dir=tmp_path_factory.mktemp("empty-user-library"))


def _show_json(*arguments: str) -> dict:
    import io

    out = io.StringIO()
    assert main(["show", *arguments, "--json"], out) == 0
    return json.loads(out.getvalue())


def _rounds(timeline_json: dict, step: str) -> dict[int, list[dict]]:
    found: dict[int, list[dict]] = {}
    for segment in timeline_json["segments"]:
        if segment["step"] == step and segment["kind"] != "transition":
            found.setdefault(segment["round"], []).append(segment)
    return found


# --- the built-ins, phase by phase ------------------------------------------------------


def test_troika_consulting_runs_each_clients_round_in_four_phases() -> None:
    timeline = _show_json("troika-consulting")
    assert timeline["group_size"] == 3
    assert timeline["total_seconds"] == 30 * MINUTE
    rounds = _rounds(timeline, "consult")
    assert sorted(rounds) == [1, 2, 3], "one round per member of the trio"
    for number, phases in rounds.items():
        assert [p["phase_id"] for p in phases] == ["explain", "clarify", "confer", "respond"]
        assert [p["phase"] for p in phases] == [1, 2, 3, 4]
        assert {p["phases"] for p in phases} == {4}
        assert [p["duration_seconds"] for p in phases] == [
            2 * MINUTE,
            2 * MINUTE,
            4 * MINUTE,
            MINUTE,
        ]
        assert [p["role"] for p in phases] == ["client", "consultants", "consultants", "client"]
        first_cue = "step_start" if number == 1 else "round_start"
        assert [p["cue"] for p in phases] == [
            first_cue,
            "phase_change",
            "turn_back",
            "phase_change",
        ]
        assert [p["moment"] for p in phases][1:] == ["phase_change"] * 3
        confer = phases[2]
        assert confer["phase_title"] == "The consultants confer"
        assert confer["questions"] == [
            "What do you see that the client may be missing?",
            "Which ideas or first steps would you suggest?",
        ]
        # Only the end of the round is warned of, never the change of phase.
        assert [p["warning_seconds"] is not None for p in phases] == [False, False, False, True]


def test_troika_consulting_phases_stay_within_the_published_ranges(library: Library) -> None:
    [consult] = [s for s in library.structure("troika-consulting").steps if s.phases]
    ranges = {phase.id: phase.minutes_range for phase in consult.phases}
    assert ranges == {"explain": (1, 2), "clarify": (1, 2), "confer": (4, 5), "respond": (1, 2)}
    assert [phase.cue for phase in consult.phases] == [None, None, "turn_back", None]


def test_wise_crowds_gives_2_3_8_2_minutes_to_each_client() -> None:
    timeline = _show_json("wise-crowds")
    assert timeline["group_size"] == 4
    assert timeline["total_seconds"] == 60 * MINUTE
    rounds = _rounds(timeline, "rounds")
    assert sorted(rounds) == [1, 2, 3, 4]
    for phases in rounds.values():
        assert [p["duration_seconds"] // MINUTE for p in phases] == [2, 3, 8, 2]
        assert [p["role"] for p in phases] == ["client", "consultants", "consultants", "client"]
        assert phases[2]["cue"] == "turn_back"


def test_wise_crowds_for_groups_of_five_takes_75_minutes() -> None:
    timeline = _show_json("wise-crowds", "--group-size", "5")
    assert timeline["group_size"] == 5
    assert timeline["total_seconds"] == 75 * MINUTE
    rounds = _rounds(timeline, "rounds")
    assert sorted(rounds) == [1, 2, 3, 4, 5]
    assert all(len(phases) == 4 for phases in rounds.values())
    assert {segment["rounds"] for segment in timeline["segments"]} == {5}


def test_conversation_cafe_gives_one_turn_per_person_at_the_table() -> None:
    for size, total in ((5, 40), (7, 46)):
        timeline = _show_json("conversation-cafe", "--group-size", str(size))
        assert timeline["total_seconds"] == total * MINUTE
        for step in ("round-1", "round-2", "round-4"):
            turns = [s for s in timeline["segments"] if s["step"] == step]
            assert [s["speaker"] for s in turns] == list(range(1, size + 1))
            assert {s["duration_seconds"] for s in turns} == {MINUTE}
        [open_round] = [s for s in timeline["segments"] if s["step"] == "round-3"]
        assert open_round["duration_seconds"] == 20 * MINUTE


def test_the_open_round_of_conversation_cafe_is_20_to_40_minutes(library: Library) -> None:
    structure = library.structure("conversation-cafe")
    open_round = structure.steps[structure.step_index("round-3")]
    assert open_round.minutes >= 20
    assert open_round.minutes_range == (20, 40)


def test_fifteen_percent_solutions_shares_then_consults_per_person() -> None:
    timeline = _show_json("15-percent-solutions", "--group-size", "3")
    turns = [s for s in timeline["segments"] if s["step"] == "share"]
    assert [(s["speaker"], s["phase_id"], s["duration_seconds"] // MINUTE) for s in turns] == [
        (1, "share", 3),
        (1, "consult", 5),
        (2, "share", 3),
        (2, "consult", 5),
        (3, "share", 3),
        (3, "consult", 5),
    ]
    assert [s["role"] for s in turns[:2]] == ["speaker", "group"]


def test_helping_heuristics_tries_four_helping_styles(library: Library) -> None:
    structure = library.structure("helping-heuristics")
    assert structure.total_minutes == 15
    assert "Schein" in structure.attribution
    styles = structure.steps[structure.step_index("styles")]
    assert [p.id for p in styles.phases] == [
        "quiet-presence",
        "guided-discovery",
        "loving-provocation",
        "process-mindfulness",
    ]
    assert {p.minutes_range for p in styles.phases} == {(1, 2)}
    for language in ("en", "nl"):
        assert library.question_set(structure.default_questions[language]).language == language


# --- group sizes ------------------------------------------------------------------------------


def test_the_group_size_is_checked_against_what_the_steps_allow(library: Library) -> None:
    spec = SessionSpec("structure", "wise-crowds", "en", group_size=6)
    with pytest.raises(RunSetupError) as refused:
        timeline_for(library, spec)
    assert str(refused.value) == "wise-crowds: expected a group size of 4 to 5, got 6"
    spec = SessionSpec("structure", "1-2-4-all", "en", group_size=4)
    with pytest.raises(RunSetupError, match="no step's rounds or turns follow"):
        timeline_for(library, spec)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["wise-crowds", "--group-size", "many"], "--group-size: expected a whole number from 2"),
        (["wise-crowds", "--group-size", "1"], "--group-size: expected a whole number from 2"),
        (["wise-crowds", "--group-size", "9"], "expected a group size of 4 to 5, got 9"),
        (["troika-consulting", "--group-size", "4"], "expected a group size of 3, got 4"),
        (["network-check-up", "--group-size", "4"], "is a plan"),
    ],
)
def test_a_wrong_group_size_is_refused_in_one_line(
    capsys: pytest.CaptureFixture[str], arguments: list[str], message: str
) -> None:
    assert main(["show", *arguments]) == 2
    error = capsys.readouterr().err
    assert message in error
    assert error.count("\n") == 1


def test_the_timeline_follows_the_group_size() -> None:
    three = build_timeline(phased_structure(group_size=3), None, "en")
    five = build_timeline(phased_structure(group_size=5), None, "en")
    round_seconds = 9 * MINUTE
    assert five.total_seconds - three.total_seconds == 2 * (round_seconds + MINUTE)
    assert {s.rounds for s in five.segments if s.step_id == "consult"} == {5}


def test_turns_that_follow_the_group_hold_the_phases() -> None:
    timeline = build_timeline(phased_structure(group_size=4, turns=True), None, "en")
    turns = [s for s in timeline.segments if s.step_id == "consult"]
    assert len(turns) == 4 * 4
    assert [s.kind for s in turns] == [SegmentKind.TURN] * 16
    assert [s.moment for s in turns[:5]] == [
        Moment.STEP_START,
        Moment.PHASE_CHANGE,
        Moment.PHASE_CHANGE,
        Moment.PHASE_CHANGE,
        Moment.SPEAKER_SWAP,
    ]


# --- fitting ----------------------------------------------------------------------------------


def test_fitting_shares_the_new_length_among_the_phases_within_their_ranges() -> None:
    structure = phased_structure()  # phases 2, 2, 4, 1 with ranges 1-2, 1-2, 4-5, 1-2
    shortest, longest = feasible_minutes(structure)
    assert (shortest, longest) == (24, 36)
    for target in (25, 36):
        fitted = fit_structure(structure, target)
        [consult] = [step for step in fitted.steps if step.phases]
        for phase, original in zip(consult.phases, structure.steps[1].phases, strict=True):
            low, high = original.minutes_range
            assert low <= phase.minutes <= high, phase.id
            assert phase.minutes_range == original.minutes_range, "kept for fitting again"
        assert build_timeline(fitted, None, "en").total_seconds == target * MINUTE
    longest = fit_structure(structure, 36).steps[1].phases
    assert [phase.minutes for phase in longest][:3] == [2, 2, 5], "stretched to their ends"
    with pytest.raises(FitError, match="choose between 24 and 36 minutes"):
        fit_structure(structure, 20)


def test_troika_consulting_fits_between_its_published_extremes(library: Library) -> None:
    structure = library.structure("troika-consulting")
    shortest, longest = feasible_minutes(structure)
    assert shortest <= 1 + 3 * 7 + 2
    assert longest >= 1 + 3 * 11 + 2 - 1


# --- running --------------------------------------------------------------------------------------


def test_next_previous_restart_and_a_minute_more_work_on_a_phase() -> None:
    timeline = build_timeline(phased_structure(), phased_question_set(), "en")
    clock = FakeClock()
    sequencer = Sequencer(timeline, clock)
    sequencer.start()
    sequencer.next()
    sequencer.next()
    assert (sequencer.segment.round, sequencer.segment.phase_id) == (1, "clarify")
    events = sequencer.next()
    assert sequencer.segment.phase_id == "confer"
    assert [e.cue for e in events if isinstance(e, CueDue)] == ["turn_back"]
    clock.advance(30)
    sequencer.add_time(60)
    assert sequencer.remaining() == pytest.approx(4 * MINUTE - 30 + 60)
    sequencer.add_time(-60)
    sequencer.restart_segment()
    assert sequencer.remaining() == pytest.approx(4 * MINUTE)
    sequencer.previous()
    assert sequencer.segment.phase_id == "clarify"


def test_a_run_rings_the_turn_back_strike_when_the_client_turns_away() -> None:
    timeline = build_timeline(phased_structure(), None, "en")
    clock = FakeClock()
    sequencer = Sequencer(timeline, clock)
    began = clock()
    events = sequencer.start()
    while sequencer.status().segment is not None:
        clock.advance(10)
        events += sequencer.update()
    cues = [(e.cue, round(e.scheduled - began)) for e in events if isinstance(e, CueDue)]
    turn_backs = [at for cue, at in cues if cue == "turn_back"]
    assert turn_backs == [(1 + 4) * MINUTE, (1 + 10 + 4) * MINUTE, (1 + 20 + 4) * MINUTE]


def test_roles_are_a_closed_set_the_card_can_name() -> None:
    assert {role.value for role in Role} == {
        "everyone",
        "each_person",
        "client",
        "consultants",
        "coach",
        "observer",
        "pair",
        "speaker",
        "listeners",
        "table",
        "group",
    }


def test_the_facilitators_sheet_lists_each_phase_with_who_acts(library: Library) -> None:
    from facilitator.core.shown.sheet_markdown import structure_sheet_markdown

    structure = library.structure("troika-consulting")
    sheet = structure_sheet_markdown(structure, library.default_question_set(structure, "en"))
    assert (
        "**Phases of each round:** 2 min: The client explains (the client); 2 min: Clarifying "
        "questions (the consultants); 4 min: The consultants confer (the consultants); 1 min: "
        "The client responds (the client)"
    ) in sheet
    assert (
        "Which ideas or first steps would you suggest? (only during: The consultants confer)"
        in (sheet)
    )


def test_a_group_stays_together_through_the_rounds_that_follow_it(library: Library) -> None:
    from facilitator.core.groups.rounds import group_rounds

    spec = SessionSpec("structure", "wise-crowds", "en", group_size=5)
    timeline = timeline_for(library, spec)
    [only] = group_rounds(timeline)
    assert (only.step.default_size, only.step.rounds) == (5, 1)
    assert (only.first_index, only.last_index) == (0, len(timeline.segments) - 1)
    troika = build_timeline(library.structure("troika-consulting"), None, "en")
    [consult] = [r for r in group_rounds(troika) if r.step.key == "consult"]
    consult_segments = [s.index for s in troika.segments if s.step_id == "consult"]
    assert (consult.first_index, consult.last_index) == (consult_segments[0], consult_segments[-1])
    assert consult.step.default_size == 3, "a phase is no new round of groups"
