"""Plans, structures and libraries built in code, so plan tests do not use the shipped library."""

from __future__ import annotations

from pathlib import Path

from facilitator.core.documents.library import Entry, Library, Origin
from facilitator.core.documents.registry import type_of_item
from facilitator.core.plans.format import FreeItem, Plan, StructureItem
from facilitator.core.workshop.structures import GroupShape, Question, QuestionSet, Step, Structure
from tests.factories import paired_rounds_structure, question_set, text

PAIRS_QUESTIONS = ("What brings you here?", "What can you offer?")
FOUNDATION_QUESTIONS = ("Do we share a purpose?", "What stands out for you?")


def one_two_four_structure() -> Structure:
    """A 1-2-4-All-like structure of 12 minutes: alone, pairs, foursomes, whole group."""
    return Structure(
        id="one-two-four",
        title=text("One two four", "Een twee vier"),
        steps=(
            Step("alone", text("Alone", "Alleen"), GroupShape.ALONE, 1),
            Step("pairs", text("Pairs", "Tweetallen"), GroupShape.PAIRS, 2),
            Step("fours", text("Foursomes", "Viertallen"), GroupShape.FOURSOMES, 4),
            Step("all", text("All", "Allen"), GroupShape.WHOLE_GROUP, 5),
        ),
        purpose=text("Everyone takes part at once.", "Iedereen doet tegelijk mee."),
        setup=text("Chairs that move; paper and pens.", "Verplaatsbare stoelen; papier."),
        tips=(text("Repeat the cycle rather than lengthen steps."),),
        default_questions={"en": "one-two-four-default-en"},
    )


def foundation_set(language: str = "en") -> QuestionSet:
    """Two questions for one-two-four; the second only in the whole-group step."""
    first, second = FOUNDATION_QUESTIONS
    if language != "en":
        first, second = f"{first} ({language})", f"{second} ({language})"
    return QuestionSet(
        f"foundations-{language}",
        language,
        f"Foundations {language}",
        (Question(first), Question(second, ("all",))),
        structures=("one-two-four",),
    )


def default_one_two_four_set() -> QuestionSet:
    """The default (English) set of one-two-four."""
    return QuestionSet(
        "one-two-four-default-en",
        "en",
        "Default",
        (Question("What is our challenge?"),),
        structures=("one-two-four",),
    )


def library_of(*items: object, folder: Path | None = None) -> Library:
    """A library holding exactly `items` as built-ins (nothing is read from disk)."""
    root = folder or Path("/nonexistent-library")
    entries: dict[str, dict[str, Entry]] = {}
    for item in items:
        kind = type_of_item(item)
        path = root / kind.folder / f"{item.id}.json"  # type: ignore[attr-defined]
        entries.setdefault(kind.name, {})[item.id] = Entry(item, path, Origin.BUILT_IN)  # type: ignore[attr-defined]
    return Library(root / "builtin", root / "user", entries=entries)


def standard_library() -> Library:
    """The structures and sets the standard plan uses."""
    return library_of(
        paired_rounds_structure(),
        one_two_four_structure(),
        question_set(),
        foundation_set("en"),
        foundation_set("nl"),
        default_one_two_four_set(),
    )


def welcome(minutes: float = 5) -> FreeItem:
    """A welcome free item."""
    return FreeItem(
        text("Welcome", "Welkom"), minutes, notes=text("Say why we are here.", "Zeg waarom.")
    )


def coffee(minutes: float = 15) -> FreeItem:
    """A coffee break."""
    return FreeItem(text("Coffee", "Koffie"), minutes, is_break=True)


def standard_plan(**changes: object) -> Plan:
    """Welcome 5, pairs-test 20, coffee 15 (a break), one-two-four 12 with chosen sets: 52 min."""
    fields: dict[str, object] = {
        "id": "test-plan",
        "title": text("Test plan", "Testplan"),
        "items": (
            welcome(),
            StructureItem("pairs-test"),
            coffee(),
            StructureItem("one-two-four", {"en": "foundations-en", "nl": "foundations-nl"}),
        ),
    }
    fields.update(changes)
    return Plan(**fields)  # type: ignore[arg-type]
