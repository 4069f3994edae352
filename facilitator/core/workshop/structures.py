"""The things a workshop is made of: structures, their steps, and question sets.

Everything here is immutable. Texts that people read exist per language in a
`LocalText`; adding a language is adding text to the data files, never code.
"""

from __future__ import annotations

import dataclasses
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
    PHASE_CHANGE = "phase_change"
    """A new phase of a round or speaking turn begins (not its first)."""
    TURN_BACK = "turn_back"
    """A phase begins in which someone turns their back (Troika, Wise Crowds)."""
    WARNING = "warning"
    TRANSITION = "transition"
    END = "end"


NO_CUE = "none"
"""The cue value meaning: this moment is not marked by any cue."""


class SetKind(StrEnum):
    """Whether a question set holds questions or open sentence stems."""

    QUESTIONS = "questions"
    STEMS = "stems"


class Role(StrEnum):
    """Who acts during a phase; a closed set, so the card can name each one."""

    EVERYONE = "everyone"
    EACH_PERSON = "each_person"
    CLIENT = "client"
    CONSULTANTS = "consultants"
    COACH = "coach"
    OBSERVER = "observer"
    PAIR = "pair"
    SPEAKER = "speaker"
    LISTENERS = "listeners"
    TABLE = "table"
    GROUP = "group"


class GroupFollowing(StrEnum):
    """How a step's length follows the size of the group the facilitator chooses."""

    ROUNDS = "rounds"
    """One round per member of the group (Wise Crowds, Troika Consulting)."""
    TURNS = "turns"
    """One speaking turn per person at the table (Conversation Cafe's talking-object rounds)."""


@dataclass(frozen=True)
class Phase:
    """One timed part of every round (or speaking turn) of a step, with who acts in it."""

    id: str
    title: LocalText
    role: Role
    minutes: float
    min_minutes: float | None = None
    max_minutes: float | None = None
    instruction: LocalText = EMPTY_TEXT
    """Who does what now, in a sentence for the card: "Consultants talk; the client listens"."""
    cue: str | None = None
    """The cue at the phase's start (a Moment value or NO_CUE); None: the step's phase change.
    The first phase of a round or turn is marked by the round's or turn's own cue."""

    @property
    def minutes_range(self) -> tuple[float, float]:
        """The allowed length of the phase: declared, or half to double the default."""
        low = self.min_minutes if self.min_minutes is not None else self.minutes / 2
        high = self.max_minutes if self.max_minutes is not None else self.minutes * 2
        return low, high


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
    phases: tuple[Phase, ...] = ()
    """The ordered parts of every round (of every speaking turn with turns); empty: none."""
    follows_group: GroupFollowing | None = None
    """Whether the rounds or the turns follow the group size; None: they are fixed."""

    def __hash__(self) -> int:
        return hash((self.id, self.minutes, self.rounds, self.speakers, self.phases))

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
        """The allowed length of one round: declared, from its phases, or half to double."""
        if self.phases:
            low = sum(phase.minutes_range[0] for phase in self.phases) * self.speakers
            high = sum(phase.minutes_range[1] for phase in self.phases) * self.speakers
            return low, high
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

    @property
    def turn_minutes(self) -> float:
        """The length of one speaking turn (the whole round without turns)."""
        return self.minutes / self.speakers

    def phase_cue(self, phase: Phase) -> str:
        """The cue at the start of `phase` when it is not the first of its round or turn."""
        return phase.cue if phase.cue is not None else self.cue_for(Moment.PHASE_CHANGE)

    def with_group_size(self, size: int) -> Step:
        """This step for groups of `size`: its rounds or turns set to the size if they follow it."""
        if self.follows_group is None:
            return self
        if self.follows_group is GroupFollowing.ROUNDS:
            return dataclasses.replace(self, rounds=size)
        factor = size / self.speakers
        return dataclasses.replace(
            self,
            speakers=size,
            minutes=self.minutes * factor,
            min_minutes=None if self.min_minutes is None else self.min_minutes * factor,
            max_minutes=None if self.max_minutes is None else self.max_minutes * factor,
        )


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
    group_size: int | None = None
    """The size of the groups whose members the following steps' rounds or turns count;
    None when no step follows the group."""

    def __hash__(self) -> int:
        return hash(self.id)

    @property
    def follows_group(self) -> bool:
        """Whether some step's rounds or turns follow the size of the group."""
        return any(step.follows_group is not None for step in self.steps)

    @property
    def group_size_range(self) -> tuple[int, int] | None:
        """The group sizes every following step allows, or None when no step follows the group."""
        ranges = [
            step.size_range or (2, 2) for step in self.steps if step.follows_group is not None
        ]
        if not ranges:
            return None
        return max(low for low, _ in ranges), min(high for _, high in ranges)

    def with_group_size(self, size: int) -> Structure:
        """This structure for groups of `size` (ValueError when its steps do not allow it)."""
        allowed = self.group_size_range
        if allowed is None:
            raise ValueError(f"{self.id}: no step follows the size of the group")
        low, high = allowed
        if not low <= size <= high:
            raise ValueError(f"{self.id}: groups of {size}; expected {group_sizes_text(allowed)}")
        steps = tuple(step.with_group_size(size) for step in self.steps)
        return dataclasses.replace(self, steps=steps, group_size=size)

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
            for phase in step.phases:
                yield phase.title
                yield phase.instruction
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


def group_sizes_text(allowed: tuple[int, int]) -> str:
    """A range of group sizes in words: "3", "4 to 5"."""
    low, high = allowed
    return f"{low}" if low == high else f"{low} to {high}"


@dataclass(frozen=True)
class Question:
    """One question or sentence stem, optionally shown only in some steps or phases."""

    text: str
    steps: tuple[str, ...] = ()
    """Ids of the steps that show this question; empty means every step."""
    phases: tuple[str, ...] = ()
    """Ids of the phases that show this question in a step with phases; empty means every
    phase. A step without phases is not affected."""

    def shown_in(self, step_id: str, phase_id: str | None = None) -> bool:
        """Whether the question belongs on the card during step `step_id` (phase `phase_id`)."""
        if self.steps and step_id not in self.steps:
            return False
        return not self.phases or phase_id is None or phase_id in self.phases


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

    def for_step(self, step_id: str, phase_id: str | None = None) -> tuple[str, ...]:
        """The texts to show during step `step_id` (and its phase `phase_id`), in order."""
        return tuple(q.text for q in self.questions if q.shown_in(step_id, phase_id))

    def fits(self, structure_id: str) -> bool:
        """Whether the set was written for the structure `structure_id`."""
        return structure_id in self.structures
