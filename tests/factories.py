"""Small structures built in code, so tests do not depend on the shipped library."""

from __future__ import annotations

from facilitator.core.timing.timeline import Timeline, build_timeline
from facilitator.core.workshop.structures import (
    GroupFollowing,
    GroupShape,
    LocalText,
    Moment,
    Phase,
    Question,
    QuestionSet,
    Role,
    Step,
    Structure,
    Transition,
)


def text(english: str, dutch: str | None = None) -> LocalText:
    """A LocalText in English (and Dutch when given)."""
    values = {"en": english}
    if dutch is not None:
        values["nl"] = dutch
    return LocalText(values)


def paired_rounds_structure(
    *, rounds: int = 3, minutes: float = 4, speakers: int = 2, transition_minutes: float = 1
) -> Structure:
    """An Impromptu-Networking-like structure: intro, rounds of turns, debrief."""
    return Structure(
        id="pairs-test",
        title=text("Pairs test", "Tweetallen-test"),
        steps=(
            Step(
                "intro",
                text("Intro", "Intro"),
                GroupShape.WHOLE_GROUP,
                2,
                instruction=text("Think", "Denk na"),
            ),
            Step(
                "talk",
                text("Talk", "Praat"),
                GroupShape.PAIRS,
                minutes,
                rounds=rounds,
                speakers=speakers,
                transition=Transition(
                    transition_minutes, text("Find a new partner", "Zoek"), before_first_round=True
                ),
                cues={Moment.WARNING: "none"},
            ),
            Step(
                "debrief",
                text("Debrief", "Nabespreking"),
                GroupShape.WHOLE_GROUP,
                3,
                show_questions=False,
            ),
        ),
        attribution="test",
    )


def one_step_structure(minutes: float = 2) -> Structure:
    """A structure of a single whole-group step."""
    return Structure(
        id="single",
        title=text("Single"),
        steps=(Step("only", text("Only"), GroupShape.WHOLE_GROUP, minutes),),
    )


def question_set(structure_id: str = "pairs-test") -> QuestionSet:
    """Two questions for `structure_id`."""
    return QuestionSet(
        "test-set",
        "en",
        "Test set",
        (Question("What brings you here?"), Question("What can you offer?")),
        structures=(structure_id,),
    )


def timeline(structure: Structure | None = None) -> Timeline:
    """A timeline of `structure` (the paired rounds one by default) with the test set."""
    structure = structure or paired_rounds_structure()
    return build_timeline(structure, question_set(structure.id), "en")


def consulting_phases(
    minutes: tuple[float, float, float, float] = (2, 2, 4, 1),
) -> tuple[Phase, ...]:
    """Troika-like phases: explain, clarify, confer (back turned), respond."""
    explain, clarify, confer, respond = minutes
    return (
        Phase("explain", text("Explain"), Role.CLIENT, explain, 1, 2, text("The client explains")),
        Phase("clarify", text("Clarify"), Role.CONSULTANTS, clarify, 1, 2),
        Phase(
            "confer",
            text("Confer"),
            Role.CONSULTANTS,
            confer,
            4,
            5,
            text("Consultants talk; the client listens with their back turned"),
            cue=Moment.TURN_BACK.value,
        ),
        Phase("respond", text("Respond"), Role.CLIENT, respond, 1, 2),
    )


def phased_structure(
    *,
    group_size: int = 3,
    phases: tuple[Phase, ...] | None = None,
    transition_minutes: float | None = 1,
    turns: bool = False,
) -> Structure:
    """A Troika-like structure: a quiet minute, then one round per member of a group, in phases.

    With `turns`, the phases split every speaking turn of one round instead (one turn per
    member, as 15% Solutions shares and consults).
    """
    phases = phases or consulting_phases()
    turn = sum(phase.minutes for phase in phases)
    consult = Step(
        "consult",
        text("Consult"),
        GroupShape.SMALL_GROUPS,
        turn,
        group_size=(2, 6),
        transition=(
            Transition(transition_minutes, text("Next client"))
            if transition_minutes is not None and not turns
            else None
        ),
        phases=phases,
        follows_group=GroupFollowing.TURNS if turns else GroupFollowing.ROUNDS,
    )
    structure = Structure(
        id="phased-test",
        title=text("Phased test"),
        steps=(Step("reflect", text("Reflect"), GroupShape.ALONE, 1), consult),
        attribution="test",
    )
    return structure.with_group_size(group_size)


def phased_question_set() -> QuestionSet:
    """A question for the quiet minute and one for each consulting phase."""
    return QuestionSet(
        "phased-set",
        "en",
        "Phased set",
        (
            Question("Which challenge?", ("reflect",)),
            Question("What is your challenge?", ("consult",), ("explain",)),
            Question("What do you want to know?", ("consult",), ("clarify",)),
            Question("What would you suggest?", ("consult",), ("confer",)),
            Question("What was useful?", ("consult",), ("respond",)),
        ),
        structures=("phased-test",),
    )
