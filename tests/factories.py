"""Small structures built in code, so tests do not depend on the shipped library."""

from __future__ import annotations

from facilitator.core.timing.timeline import Timeline, build_timeline
from facilitator.core.workshop.structures import (
    GroupShape,
    LocalText,
    Moment,
    Question,
    QuestionSet,
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
