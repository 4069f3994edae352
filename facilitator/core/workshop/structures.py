"""The things a workshop is made of: structures, their steps, and question sets.

Everything here is immutable. Texts that people read exist per language in a
`LocalText`; adding a language is adding text to the data files, never code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

FALLBACK_LANGUAGE = "en"
"""The language every built-in text exists in, used where a translation is missing."""


@dataclass(frozen=True)
class LocalText:
    """One text in several languages, e.g. {"en": "Pairs", "nl": "Tweetallen"}."""

    by_language: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Freeze the mapping so a LocalText can be shared and hashed safely.
        object.__setattr__(self, "by_language", dict(self.by_language))

    def __hash__(self) -> int:
        return hash(tuple(sorted(self.by_language.items())))

    def has(self, language: str) -> bool:
        """Whether this text is written in `language` (not a fallback)."""
        return bool(self.by_language.get(language, "").strip())

    def resolve(self, language: str) -> tuple[str, bool]:
        """The text in `language`, and whether it fell back to another language."""
        if self.has(language):
            return self.by_language[language], False
        if self.has(FALLBACK_LANGUAGE):
            return self.by_language[FALLBACK_LANGUAGE], True
        for text in self.by_language.values():
            if text.strip():
                return text, True
        return "", False

    def in_language(self, language: str) -> str:
        """The text in `language`, falling back to English, then to any language."""
        return self.resolve(language)[0]

    @property
    def languages(self) -> frozenset[str]:
        """The languages this text is written in."""
        return frozenset(lang for lang in self.by_language if self.has(lang))

    def is_empty(self) -> bool:
        """True when no language has any text."""
        return not self.languages


EMPTY_TEXT = LocalText()


class GroupShape(StrEnum):
    """How participants are grouped during a step."""

    ALONE = "alone"
    PAIRS = "pairs"
    TRIOS = "trios"
    FOURSOMES = "foursomes"
    SMALL_GROUPS = "small_groups"
    WHOLE_GROUP = "whole_group"


FIXED_GROUP_SIZES: Mapping[GroupShape, int] = {
    GroupShape.ALONE: 1,
    GroupShape.PAIRS: 2,
    GroupShape.TRIOS: 3,
    GroupShape.FOURSOMES: 4,
}
"""The group size implied by the shapes that have one."""

DEFAULT_SMALL_GROUP_SIZE = (4, 7)


class Moment(StrEnum):
    """A moment in a run that a cue can mark."""

    STEP_START = "step_start"
    ROUND_START = "round_start"
    SPEAKER_SWAP = "speaker_swap"
    WARNING = "warning"
    TRANSITION = "transition"
    END = "end"


NO_CUE = "none"
"""The cue value meaning: this moment is not marked by any cue."""


class SetKind(StrEnum):
    """Whether a question set holds questions or open sentence stems."""

    QUESTIONS = "questions"
    STEMS = "stems"


@dataclass(frozen=True)
class Transition:
    """The pause between two rounds of a step, e.g. "find a new partner"."""

    minutes: float
    instruction: LocalText = EMPTY_TEXT
    before_first_round: bool = False


@dataclass(frozen=True)
class Step:
    """One step of a structure: a group shape, a duration and what people do."""

    id: str
    title: LocalText
    group: GroupShape
    minutes: float
    """Length of one round (the whole step when it has a single round), in minutes."""
    instruction: LocalText = EMPTY_TEXT
    notes: LocalText = EMPTY_TEXT
    group_size: tuple[int, int] | None = None
    min_minutes: float | None = None
    max_minutes: float | None = None
    rounds: int = 1
    speakers: int = 1
    """Equal speaking turns per round; 1 means the round is not split into turns."""
    transition: Transition | None = None
    cues: Mapping[Moment, str] = field(default_factory=dict)
    """Overrides of which cue marks a moment: a Moment value or NO_CUE."""
    show_questions: bool = True
    warning_seconds: int | None = None
    """This step's own warning time (0: no warning); None: the structure's, else the preference."""

    def __hash__(self) -> int:
        return hash((self.id, self.minutes, self.rounds, self.speakers))

    @property
    def size_range(self) -> tuple[int, int] | None:
        """The smallest and largest group size, or None for the whole group."""
        if self.group is GroupShape.WHOLE_GROUP:
            return None
        if self.group in FIXED_GROUP_SIZES:
            size = FIXED_GROUP_SIZES[self.group]
            return size, size
        return self.group_size or DEFAULT_SMALL_GROUP_SIZE

    @property
    def minutes_range(self) -> tuple[float, float]:
        """The allowed length of one round: declared, or half to double the default."""
        low = self.min_minutes if self.min_minutes is not None else self.minutes / 2
        high = self.max_minutes if self.max_minutes is not None else self.minutes * 2
        return low, high

    def cue_for(self, moment: Moment) -> str:
        """The cue that marks `moment` in this step (NO_CUE when unmarked)."""
        return self.cues.get(moment, moment.value)

    @property
    def total_minutes(self) -> float:
        """The step's whole length: every round plus the transitions between them."""
        return self.rounds * self.minutes + self.transition_count * self.transition_minutes

    @property
    def transition_count(self) -> int:
        """How many transitions the step holds."""
        if self.transition is None:
            return 0
        return self.rounds if self.transition.before_first_round else self.rounds - 1

    @property
    def transition_minutes(self) -> float:
        """The length of one transition (0 without transitions)."""
        return self.transition.minutes if self.transition else 0.0


@dataclass(frozen=True)
class Structure:
    """A Liberating Structure (or a facilitator's own): a named sequence of steps."""

    id: str
    title: LocalText
    steps: tuple[Step, ...]
    summary: LocalText = EMPTY_TEXT
    purpose: LocalText = EMPTY_TEXT
    setup: LocalText = EMPTY_TEXT
    tips: tuple[LocalText, ...] = ()
    attribution: str = ""
    source: str = ""
    default_questions: Mapping[str, str] = field(default_factory=dict)
    """Per language, the id of the question set used unless another is chosen."""
    adjustable: bool = False
    """True when the published timing varies widely and these minutes are a suggestion."""
    warning_seconds: int | None = None
    """The file's own warning time (0: no warning); None: the preference decides."""

    def __hash__(self) -> int:
        return hash(self.id)

    @property
    def total_minutes(self) -> float:
        """The structure's length at its default timing."""
        return sum(step.total_minutes for step in self.steps)

    @property
    def group_shapes(self) -> tuple[GroupShape, ...]:
        """The distinct group shapes used, in the order they first appear."""
        return tuple(dict.fromkeys(step.group for step in self.steps))

    def texts(self) -> Iterable[LocalText]:
        """Every text of the structure that a person reads."""
        yield self.title
        yield self.summary
        yield from self.tips
        for step in self.steps:
            yield step.title
            yield step.instruction
            yield step.notes
            if step.transition is not None:
                yield step.transition.instruction
        yield self.purpose
        yield self.setup

    def languages(self) -> frozenset[str]:
        """The languages in which every text of the structure is written."""
        texts = [text for text in self.texts() if not text.is_empty()]
        if not texts:
            return frozenset()
        return frozenset.intersection(*(text.languages for text in texts))

    def missing_translations(self, language: str) -> int:
        """How many of the structure's texts lack `language` and fall back to another."""
        return sum(1 for text in self.texts() if not text.is_empty() and not text.has(language))

    def step_index(self, step_id: str) -> int:
        """The position of the step with `step_id`; ValueError if there is none."""
        for index, step in enumerate(self.steps):
            if step.id == step_id:
                return index
        raise ValueError(f"{self.id} has no step {step_id!r}")


@dataclass(frozen=True)
class Question:
    """One question or sentence stem, optionally shown only in some steps."""

    text: str
    steps: tuple[str, ...] = ()
    """Ids of the steps that show this question; empty means every step."""

    def shown_in(self, step_id: str) -> bool:
        """Whether the question belongs on the card during step `step_id`."""
        return not self.steps or step_id in self.steps


@dataclass(frozen=True)
class QuestionSet:
    """An ordered set of questions or sentence stems in one language."""

    id: str
    language: str
    title: str
    questions: tuple[Question, ...]
    structures: tuple[str, ...] = ()
    """Ids of the structures this set fits."""
    kind: SetKind = SetKind.QUESTIONS
    description: str = ""

    def for_step(self, step_id: str) -> tuple[str, ...]:
        """The texts to show during step `step_id`, in order."""
        return tuple(q.text for q in self.questions if q.shown_in(step_id))

    def fits(self, structure_id: str) -> bool:
        """Whether the set was written for the structure `structure_id`."""
        return structure_id in self.structures
