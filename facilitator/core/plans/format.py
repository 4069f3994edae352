"""Session plans: structures and free items (a welcome, a break) chained into one session.

A plan is a document of its own (`"type": "plan"`), validated field by field like
structures. With a `Library` it gives each item's planned length and clock time,
fits the whole plan into a slot, and compiles into ONE timeline that the
sequencer runs unchanged, with a `Section` per item. `Projection` compares the
run with the wall clock: how far ahead or behind the plan is.

This module never imports documents.py or library.py (documents.py registers
the plan type by importing this module), so there is no import cycle.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from facilitator.core.documents.format import SCHEMA_VERSION, check_header
from facilitator.core.files import validation as v
from facilitator.core.files.problems import Problem
from facilitator.core.timing.fitting import (
    FitError,
    feasible_minutes,
    fit_structure,
    structure_seconds,
)
from facilitator.core.timing.sequencer import RunState, RunStatus
from facilitator.core.timing.timeline import Section, Timeline, build_timeline, seconds_of
from facilitator.core.workshop.structures import (
    EMPTY_TEXT,
    FALLBACK_LANGUAGE,
    GroupShape,
    LocalText,
    Moment,
    Question,
    QuestionSet,
    SetKind,
    Step,
    Structure,
)

if TYPE_CHECKING:
    from facilitator.core.documents.library import Library

PLAN = "plan"
"""The document type of a plan."""

MAX_ITEMS = 100
MAX_ITEM_MINUTES = 24 * 60.0
MAX_SLOT_MINUTES = 24 * 60.0

CLOCK_PATTERN = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
CLOCK_EXPECTED = "a clock time like '09:30' (HH:MM, 24-hour)"

FREE_SCALE = (0.5, 2.0)
"""How far fitting may shrink or stretch a free item that is not a break."""


class PlanError(ValueError):
    """A plan cannot be used as asked; the message names the item, the field and why."""


# --- the model -----------------------------------------------------------------


@dataclass(frozen=True)
class StructureItem:
    """A structure in a plan, with its question sets per language and optional fitted length."""

    structure_id: str
    questions: Mapping[str, str] = field(default_factory=dict)
    """Per language, the id of the question set to show instead of the structure's default."""
    minutes: float | None = None
    """The length the structure is fitted to, or None for its own timing."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "questions", dict(self.questions))

    def __hash__(self) -> int:
        return hash((self.structure_id, tuple(sorted(self.questions.items())), self.minutes))

    def question_set_id(self, language: str) -> str | None:
        """The chosen set for `language`, else the English one, else None (the default)."""
        return self.questions.get(language) or self.questions.get(FALLBACK_LANGUAGE)


@dataclass(frozen=True)
class FreeItem:
    """A plain timed item that is no structure: a welcome, open mingling, a coffee break."""

    title: LocalText
    minutes: float
    notes: LocalText = EMPTY_TEXT
    """What the facilitator does or says during the item."""
    is_break: bool = False
    """A break keeps its length when the plan is fitted to a slot."""


PlanItem = StructureItem | FreeItem


@dataclass(frozen=True)
class Plan:
    """A session: structures and free items run one after another."""

    id: str
    title: LocalText
    items: tuple[PlanItem, ...]
    summary: LocalText = EMPTY_TEXT
    start_time: str | None = None
    """The planned clock start as "HH:MM", or None."""
    slot_minutes: float | None = None
    """The length of the slot the plan should fit, or None."""

    def __hash__(self) -> int:
        return hash(self.id)

    def texts(self) -> Iterator[LocalText]:
        """Every text of the plan itself that a person reads (not its structures')."""
        yield self.title
        yield self.summary
        for item in self.items:
            if isinstance(item, FreeItem):
                yield item.title
                yield item.notes


# --- reading -------------------------------------------------------------------


def _clock_text(value: Any, path: str, problems: v.Problems) -> Any:
    if not isinstance(value, str) or not CLOCK_PATTERN.match(value):
        problems.add(path, f"expected {CLOCK_EXPECTED}, got {v.show(value)}")
        return v.INVALID
    return value


_ITEM_MINUTES = v.number(above=0, maximum=MAX_ITEM_MINUTES)


def _structure_item(value: dict[str, Any], path: str, problems: v.Problems) -> Any:
    fields = v.FieldReader(value, path, problems)
    structure_id = fields.take("structure", v.identifier)
    minutes = fields.take("minutes", _ITEM_MINUTES, default=None)
    questions = fields.take(
        "questions",
        v.mapping(v.language_code, v.identifier, noun="question set ids per language"),
        default={},
    )
    fields.finish()
    if not fields.ok or not v.all_valid([structure_id, minutes, questions]):
        return v.INVALID
    return StructureItem(structure_id, questions, minutes)


def _free_item(value: dict[str, Any], path: str, problems: v.Problems) -> Any:
    fields = v.FieldReader(value, path, problems)
    title = fields.take("title", v.local_text(max_length=200))
    minutes = fields.take("minutes", _ITEM_MINUTES)
    is_break = fields.take("break", v.boolean, default=False)
    notes = fields.take("notes", v.local_text(max_length=5000), default=LocalText())
    fields.finish()
    if not fields.ok or not v.all_valid([title, minutes, is_break, notes]):
        return v.INVALID
    return FreeItem(title, minutes, notes, is_break)


def _item(value: Any, path: str, problems: v.Problems) -> Any:
    if isinstance(value, dict) and "structure" in value:
        return _structure_item(value, path, problems)
    if isinstance(value, dict) and ("title" in value or "minutes" in value):
        return _free_item(value, path, problems)
    problems.add(
        path,
        'expected a structure item (an object with "structure") or a free item '
        f'(an object with "title" and "minutes"), got {v.show(value)}',
    )
    return v.INVALID


def plan_from_document(data: Any, problems: v.Problems) -> Plan | None:
    """The plan in `data`, or None after recording every problem found."""
    if check_header(data, problems, (PLAN,)) is None:
        return None
    fields = v.FieldReader(data, "", problems)
    fields.accept("schema_version", "type")
    parsed = {
        "id": fields.take("id", v.identifier),
        "title": fields.take("title", v.local_text(max_length=200)),
        "summary": fields.take("summary", v.local_text(), default=LocalText()),
        "start_time": fields.take("start_time", _clock_text, default=None),
        "slot_minutes": fields.take(
            "slot_minutes", v.number(above=0, maximum=MAX_SLOT_MINUTES), default=None
        ),
        "items": fields.take("items", v.items(_item, min_items=1, max_items=MAX_ITEMS)),
    }
    fields.finish()
    if problems or not v.all_valid(list(parsed.values())):
        return None
    parsed["items"] = tuple(parsed["items"])
    return Plan(**parsed)


# --- writing -------------------------------------------------------------------


def _plain_number(value: float) -> int | float:
    """Whole numbers without a decimal point; others exactly, so the file loads back as is.

    (Rounding to four decimals wrote 0.00001 minutes as 0: a valid plan was saved as a
    file that no longer loads. schema.py writes structures the same way.)
    """
    return int(value) if float(value).is_integer() else float(value)


def _item_to_document(item: PlanItem) -> dict[str, Any]:
    if isinstance(item, StructureItem):
        document: dict[str, Any] = {"structure": item.structure_id}
        if item.minutes is not None:
            document["minutes"] = _plain_number(item.minutes)
        if item.questions:
            document["questions"] = dict(item.questions)
        return document
    document = {"title": dict(item.title.by_language), "minutes": _plain_number(item.minutes)}
    if item.is_break:
        document["break"] = True
    if not item.notes.is_empty():
        document["notes"] = dict(item.notes.by_language)
    return document


def plan_to_document(plan: Plan) -> dict[str, Any]:
    """The canonical JSON form of a plan."""
    document: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "type": PLAN,
        "id": plan.id,
        "title": dict(plan.title.by_language),
    }
    if not plan.summary.is_empty():
        document["summary"] = dict(plan.summary.by_language)
    if plan.start_time is not None:
        document["start_time"] = plan.start_time
    if plan.slot_minutes is not None:
        document["slot_minutes"] = _plain_number(plan.slot_minutes)
    document["items"] = [_item_to_document(item) for item in plan.items]
    return document


# --- resolving items against a library ------------------------------------------


@dataclass(frozen=True)
class ResolvedItem:
    """One plan item ready to run: its structure (fitted, or one step), set and length."""

    position: int
    """1 for the first item."""
    item: PlanItem
    title: str
    structure: Structure
    """The structure as it runs: fitted when the item has minutes; one step for a free item."""
    question_set: QuestionSet | None
    seconds: int

    @property
    def is_free(self) -> bool:
        """Whether the item is a free item (a welcome, a break) rather than a structure."""
        return isinstance(self.item, FreeItem)


def _item_path(index: int, key: str | None = None) -> str:
    return f"items[{index}]" + (f".{key}" if key else "")


def _structure_label(item: StructureItem, library: Library, language: str) -> str:
    entry = library.entry("structure", item.structure_id)
    return entry.item.title.in_language(language) if entry else item.structure_id


def item_label(item: PlanItem, library: Library, language: str = FALLBACK_LANGUAGE) -> str:
    """The title of an item in `language`: its structure's title, or the free item's."""
    if isinstance(item, FreeItem):
        return item.title.in_language(language)
    return _structure_label(item, library, language)


def free_item_structure(item: FreeItem, position: int = 1) -> Structure:
    """A one-step whole-group structure standing for a free item in a run."""
    step = Step(
        id="break" if item.is_break else "free",
        title=item.title,
        group=GroupShape.WHOLE_GROUP,
        minutes=item.minutes,
        notes=item.notes,
        show_questions=False,
    )
    return Structure(id=f"item-{position}", title=item.title, steps=(step,))


def _base_structure(
    item: StructureItem, index: int, library: Library, found: list[Problem], label: str
) -> Structure | None:
    entry = library.entry("structure", item.structure_id)
    if entry is None:
        found.append(
            Problem(
                label,
                _item_path(index, "structure"),
                f"no structure {item.structure_id!r} in the library; "
                "`facilitator list` shows the ids",
            )
        )
        return None
    return entry.item


def _fitted(
    item: StructureItem, structure: Structure, index: int, found: list[Problem], label: str
) -> Structure | None:
    if item.minutes is None:
        return structure
    try:
        return fit_structure(structure, item.minutes)
    except FitError as error:
        found.append(Problem(label, _item_path(index, "minutes"), str(error)))
        return None


def _question_set(
    item: StructureItem,
    structure: Structure,
    index: int,
    library: Library,
    language: str,
    found: list[Problem],
    label: str,
) -> QuestionSet | None:
    set_id = item.question_set_id(language)
    if set_id is None:
        return library.default_question_set(structure, language)
    entry = library.entry("question_set", set_id)
    if entry is None:
        key = language if language in item.questions else FALLBACK_LANGUAGE
        found.append(
            Problem(
                label,
                _item_path(index, f"questions.{key}"),
                f"no question set {set_id!r} in the library",
            )
        )
        return None
    return entry.item


def resolve_plan(
    plan: Plan, library: Library, language: str = FALLBACK_LANGUAGE
) -> tuple[ResolvedItem, ...]:
    """Every item of `plan` ready to run in `language`; PlanError naming every problem.

    A structure item shows its chosen set for the language, else its chosen
    English set, else the library's default set for its structure.
    """
    found: list[Problem] = []
    resolved: list[ResolvedItem] = []
    for index, item in enumerate(plan.items):
        position = index + 1
        if isinstance(item, FreeItem):
            structure = free_item_structure(item, position)
            resolved.append(
                ResolvedItem(
                    position,
                    item,
                    item.title.in_language(language),
                    structure,
                    None,
                    structure_seconds(structure),
                )
            )
            continue
        base = _base_structure(item, index, library, found, plan.id)
        if base is None:
            continue
        fitted = _fitted(item, base, index, found, plan.id)
        question_set = _question_set(item, base, index, library, language, found, plan.id)
        if fitted is None:
            continue
        resolved.append(
            ResolvedItem(
                position,
                item,
                base.title.in_language(language),
                fitted,
                question_set,
                structure_seconds(fitted),
            )
        )
    if found:
        raise PlanError("; ".join(str(problem) for problem in found))
    return tuple(resolved)


def plan_problems(plan: Plan, library: Library) -> list[Problem]:
    """Everything in `plan` that does not match the library, in every language it names."""
    found: list[Problem] = []
    for index, item in enumerate(plan.items):
        if not isinstance(item, StructureItem):
            continue
        structure = _base_structure(item, index, library, found, plan.id)
        if structure is not None:
            _fitted(item, structure, index, found, plan.id)
        for language, set_id in item.questions.items():
            entry = library.entry("question_set", set_id)
            where = _item_path(index, f"questions.{language}")
            if entry is None:
                found.append(Problem(plan.id, where, f"no question set {set_id!r} in the library"))
            elif entry.item.language != language:
                found.append(
                    Problem(
                        plan.id,
                        where,
                        f"question set {set_id!r} is in {entry.item.language!r}, not {language!r}",
                    )
                )
    return found


# --- lengths and clock times ----------------------------------------------------


def item_seconds(item: PlanItem, library: Library) -> int:
    """How long an item runs, in whole seconds (a fitted structure's real total)."""
    if isinstance(item, FreeItem):
        return seconds_of(item.minutes)
    found: list[Problem] = []
    structure = _base_structure(item, 0, library, found, "plan")
    if structure is not None:
        structure = _fitted(item, structure, 0, found, "plan")
    if structure is None:
        raise PlanError("; ".join(problem.message for problem in found))
    return structure_seconds(structure)


def plan_seconds(plan: Plan, library: Library) -> int:
    """The whole plan's planned length in seconds."""
    return sum(item.seconds for item in resolve_plan(plan, library))


def parse_clock_time(value: time | str) -> time:
    """A clock time from a `time` or from text like "09:30" or "9:30"; ValueError if not."""
    if isinstance(value, time):
        return value
    match = re.fullmatch(r"\s*(\d{1,2}):(\d{2})\s*", value)
    if match is None or int(match[1]) > 23 or int(match[2]) > 59:
        raise ValueError(f"expected {CLOCK_EXPECTED}, got {value!r}")
    return time(int(match[1]), int(match[2]))


def clock_after(start: time, seconds: float) -> time:
    """The clock time `seconds` after `start`, wrapping past midnight."""
    moment = datetime.combine(date(2000, 1, 1), start) + timedelta(seconds=seconds)
    return moment.time()


@dataclass(frozen=True)
class PlannedItem:
    """One item's place in the plan: its offset and length, and its clock times."""

    position: int
    item: PlanItem
    offset_seconds: int
    seconds: int
    start: time | None
    """The planned clock start, or None when the plan has no start time."""
    end: time | None

    @property
    def end_offset_seconds(self) -> int:
        """The offset at which the item ends."""
        return self.offset_seconds + self.seconds


def plan_schedule(
    plan: Plan, library: Library, start: time | str | None = None
) -> tuple[PlannedItem, ...]:
    """Each item's planned offset, length and clock times from `start` (else the plan's)."""
    begin = start if start is not None else plan.start_time
    clock = parse_clock_time(begin) if begin is not None else None
    planned: list[PlannedItem] = []
    offset = 0
    for resolved in resolve_plan(plan, library):
        planned.append(
            PlannedItem(
                resolved.position,
                resolved.item,
                offset,
                resolved.seconds,
                clock_after(clock, offset) if clock else None,
                clock_after(clock, offset + resolved.seconds) if clock else None,
            )
        )
        offset += resolved.seconds
    return tuple(planned)


# --- fitting a plan into a slot -------------------------------------------------


@dataclass(frozen=True)
class _Room:
    """How far one item can be scaled, in seconds; fixed items have low == high."""

    base: int
    low: int
    high: int
    label: str
    fixed_reason: str = ""

    @property
    def fixed(self) -> bool:
        return bool(self.fixed_reason)


def _room_of(item: PlanItem, library: Library, label: str) -> _Room:
    if isinstance(item, FreeItem):
        base = seconds_of(item.minutes)
        if item.is_break:
            return _Room(base, base, base, label, "a break keeps its length")
        low = math.ceil(base * FREE_SCALE[0])
        high = math.floor(base * FREE_SCALE[1])
        return _Room(base, min(low, base), max(high, base), label)
    structure = library.structure(item.structure_id)
    base = item_seconds(item, library)
    shortest, longest = feasible_minutes(structure)
    low, high = round(shortest * 60), round(longest * 60)
    if low > high:
        return _Room(base, base, base, label, "its steps leave no room to scale it")
    return _Room(base, low, high, label)


def _whole_minutes(seconds: float) -> str:
    return f"{seconds / 60:g}"


def _refusal(plan: Plan, slot: float, rooms: Sequence[_Room], too_short: bool) -> PlanError:
    shortest = sum(room.low for room in rooms)
    longest = sum(room.high for room in rooms)
    limits = []
    for room in rooms:
        if room.fixed:
            limits.append(f"{room.label} {_whole_minutes(room.low)} min ({room.fixed_reason})")
        elif too_short:
            limits.append(f"{room.label} at least {_whole_minutes(room.low)} min")
        else:
            limits.append(f"{room.label} at most {_whole_minutes(room.high)} min")
    low_minutes, high_minutes = math.ceil(shortest / 60), math.floor(longest / 60)
    if low_minutes <= high_minutes:
        choose = f"choose between {low_minutes} and {high_minutes} minutes"
    else:
        choose = f"it can only last about {_whole_minutes(round(shortest / 60) * 60)} minutes"
    need = "at least" if too_short else "at most"
    need_seconds = shortest if too_short else longest
    return PlanError(
        f"{plan.title.in_language(FALLBACK_LANGUAGE)} cannot be fitted into {slot:g} minutes: "
        f"it can last {need} {_whole_minutes(need_seconds)} minutes "
        f"({'; '.join(limits)}); {choose}"
    )


def _allocation(rooms: Sequence[_Room], need: int) -> list[float]:
    """Scale every scalable item by one factor, clamped to its range, to sum to `need`."""

    def total(factor: float) -> float:
        return sum(min(max(room.base * factor, room.low), room.high) for room in rooms)

    low, high = 0.0, 1.0
    while total(high) < need and high < 1e6:
        high *= 2
    for _ in range(200):
        middle = (low + high) / 2
        if total(middle) < need:
            low = middle
        else:
            high = middle
    return [min(max(room.base * high, room.low), room.high) for room in rooms]


def _apportion(
    wanted: Sequence[float], rooms: Sequence[_Room], need: int, unit: int
) -> list[int] | None:
    """Round `wanted` to multiples of `unit` within each range, summing to `need`; or None.

    When `need` is no multiple of `unit`, one item takes the odd remainder.
    """
    odd = need % unit
    need -= odd
    lows = [math.ceil(room.low / unit) * unit for room in rooms]
    highs = [math.floor(room.high / unit) * unit for room in rooms]
    if any(low > high for low, high in zip(lows, highs, strict=True)):
        return None
    chosen = [
        min(max(math.floor(w / unit) * unit, low), high)
        for w, low, high in zip(wanted, lows, highs, strict=True)
    ]
    for _ in range(10_000):
        gap = need - sum(chosen)
        if gap == 0:
            return _with_remainder(chosen, wanted, rooms, odd)
        if gap > 0:
            options = [i for i in range(len(rooms)) if chosen[i] + unit <= highs[i]]
            pick = max(options, key=lambda i: wanted[i] - chosen[i], default=None)
            step = unit
        else:
            options = [i for i in range(len(rooms)) if chosen[i] - unit >= lows[i]]
            pick = min(options, key=lambda i: wanted[i] - chosen[i], default=None)
            step = -unit
        if pick is None:
            return None
        chosen[pick] += step
    return None


def _with_remainder(
    chosen: list[int], wanted: Sequence[float], rooms: Sequence[_Room], odd: int
) -> list[int] | None:
    """Give `odd` seconds to the item furthest below what it wanted that has room for them."""
    if odd == 0:
        return chosen
    options = [i for i in range(len(rooms)) if chosen[i] + odd <= rooms[i].high]
    pick = max(options, key=lambda i: wanted[i] - chosen[i], default=None)
    if pick is None:
        return None
    chosen[pick] += odd
    return chosen


def fit_plan(plan: Plan, library: Library, slot_minutes: float | None = None) -> Plan:
    """A copy of `plan` whose items are scaled to fill `slot_minutes` (else the plan's slot).

    Structure items scale within the range their steps allow, free items from
    half to double their length; breaks keep theirs. Lengths are whole minutes
    where possible. PlanError names the limiting items and the possible range.
    """
    slot = plan.slot_minutes if slot_minutes is None else slot_minutes
    if slot is None:
        raise PlanError(
            f"{plan.id}: slot_minutes: give the length of the slot to fit the plan into"
        )
    if not math.isfinite(slot) or not 0 < slot <= MAX_SLOT_MINUTES:
        raise PlanError(
            f"{plan.id}: slot_minutes: expected a number of minutes greater than 0 and at most "
            f"{MAX_SLOT_MINUTES:g}, got {slot}"
        )
    resolve_plan(plan, library)  # unknown structures and sets are reported first
    target = round(slot * 60)
    rooms = [_room_of(item, library, item_label(item, library)) for item in plan.items]
    if target < sum(room.low for room in rooms):
        raise _refusal(plan, slot, rooms, too_short=True)
    if target > sum(room.high for room in rooms):
        raise _refusal(plan, slot, rooms, too_short=False)
    scalable = [i for i, room in enumerate(rooms) if not room.fixed]
    need = target - sum(room.low for room in rooms if room.fixed)
    lengths = {i: rooms[i].base for i in range(len(rooms))}
    if scalable:
        subset = [rooms[i] for i in scalable]
        wanted = _allocation(subset, need)
        for unit in (60, 5, 1):
            chosen = _apportion(wanted, subset, need, unit)
            if chosen is not None:
                lengths.update(zip(scalable, chosen, strict=True))
                break
        else:  # pragma: no cover - whole seconds always fit between the integer bounds
            raise PlanError(f"{plan.id}: the items cannot be rounded to fill {slot:g} minutes")
    items = [
        item if rooms[i].fixed else _with_length(item, lengths[i])
        for i, item in enumerate(plan.items)
    ]
    items = _absorb_residual(items, rooms, target, library)
    return dataclasses.replace(plan, items=tuple(items), slot_minutes=slot)


def _with_length(item: PlanItem, seconds: int) -> PlanItem:
    return dataclasses.replace(item, minutes=seconds / 60)


def _absorb_residual(
    items: list[PlanItem], rooms: Sequence[_Room], target: int, library: Library
) -> list[PlanItem]:
    """Fitting a structure rounds its steps; a scalable free item takes up the difference."""
    residual = target - sum(item_seconds(item, library) for item in items)
    if residual == 0:
        return items
    for index, item in enumerate(items):
        room = rooms[index]
        if isinstance(item, FreeItem) and not room.fixed:
            seconds = seconds_of(item.minutes) + residual
            if room.low <= seconds <= room.high:
                items[index] = dataclasses.replace(item, minutes=seconds / 60)
                break
    return items


# --- one timeline for the whole plan ---------------------------------------------


def compile_plan(
    plan: Plan, library: Library, language: str, *, warning_seconds: int | None = None
) -> Timeline:
    """The whole plan as one timeline, with one section per item, for the sequencer.

    Step ids are prefixed with the item's position ("2-pairs"), so they are
    unique; each item's questions show only in that item's steps. Each item
    starts with its own step-start cue; only the end of the plan rings the end cue.
    """
    resolved = resolve_plan(plan, library, language)
    steps: list[Step] = []
    segments = []
    sections: list[Section] = []
    questions: list[Question] = []
    kinds: set[SetKind] = set()
    attributions: list[str] = []
    offset = 0
    for item in resolved:
        prefix = f"{item.position}-"
        own = build_timeline(
            item.structure, item.question_set, language, warning_seconds=warning_seconds
        )
        first_step, first_segment = len(steps), len(segments)
        for step in item.structure.steps:
            warning = (
                step.warning_seconds
                if step.warning_seconds is not None
                else item.structure.warning_seconds
            )
            steps.append(dataclasses.replace(step, id=prefix + step.id, warning_seconds=warning))
        for segment in own.segments:
            segments.append(
                dataclasses.replace(
                    segment,
                    index=first_segment + segment.index,
                    step_index=first_step + segment.step_index,
                    step_id=prefix + segment.step_id,
                    start_seconds=offset + segment.start_seconds,
                )
            )
        sections.append(Section(item.title, first_segment, len(segments) - 1))
        offset += own.total_seconds
        if item.question_set is not None:
            kinds.add(item.question_set.kind)
            questions.extend(_item_questions(item.structure, item.question_set, prefix))
        if item.structure.attribution and item.structure.attribution not in attributions:
            attributions.append(item.structure.attribution)
    structure = Structure(
        id=plan.id,
        title=plan.title,
        steps=tuple(steps),
        summary=plan.summary,
        attribution=" ".join(attributions),
    )
    question_set = None
    if questions:
        question_set = QuestionSet(
            id=f"{plan.id}-questions",
            language=language,
            title=plan.title.in_language(language),
            questions=tuple(questions),
            structures=(plan.id,),
            kind=SetKind.STEMS if kinds == {SetKind.STEMS} else SetKind.QUESTIONS,
        )
    return Timeline(
        structure, language, question_set, tuple(segments), Moment.END.value, tuple(sections)
    )


def _item_questions(
    structure: Structure, question_set: QuestionSet, prefix: str
) -> Iterator[Question]:
    """The set's questions restricted to the item's steps that show questions."""
    for question in question_set.questions:
        shown = tuple(
            prefix + step.id
            for step in structure.steps
            if step.show_questions and question.shown_in(step.id)
        )
        if shown:  # an empty list would mean "every step", leaking into other items
            yield Question(question.text, shown)


# --- ahead or behind by the wall clock --------------------------------------------


@dataclass(frozen=True)
class Projection:
    """When the run was planned to finish, and when it will finish at this pace."""

    planned_finish: datetime
    projected_finish: datetime

    @property
    def behind_seconds(self) -> float:
        """Seconds behind the plan; negative when ahead."""
        return (self.projected_finish - self.planned_finish).total_seconds()


def project(
    planned_start: datetime,
    planned_seconds: float,
    now: datetime,
    remaining_seconds: float,
    *,
    started: bool = True,
) -> Projection:
    """The projected finish from the wall time `now` and the run's remaining total.

    Before the run has started it is expected to start at the planned start, or
    now if that has passed.
    """
    planned_finish = planned_start + timedelta(seconds=planned_seconds)
    begin = now if started else max(now, planned_start)
    return Projection(planned_finish, begin + timedelta(seconds=remaining_seconds))


def project_run(
    timeline: Timeline, planned_start: datetime, now: datetime, status: RunStatus
) -> Projection:
    """The projection of a run of `timeline` in the state `status`, read at `now`."""
    started = status.state is not RunState.READY
    remaining = status.total_remaining if started else timeline.total_seconds
    return project(planned_start, timeline.total_seconds, now, remaining, started=started)


@dataclass(frozen=True)
class ItemProjection:
    """When one item (a timeline section) was planned to start and will start now."""

    section: Section
    planned_start: datetime
    projected_start: datetime | None
    """None once the item has begun."""

    @property
    def behind_seconds(self) -> float | None:
        """Seconds this item will start late (negative: early), None once it has begun."""
        if self.projected_start is None:
            return None
        return (self.projected_start - self.planned_start).total_seconds()


def project_items(
    timeline: Timeline, planned_start: datetime, now: datetime, status: RunStatus
) -> tuple[ItemProjection, ...]:
    """Each section's planned start and, for those still to come, its projected start."""
    started = status.state is not RunState.READY
    begin = now if started else max(now, planned_start)
    result = []
    for section in timeline.sections:
        offset = timeline.segments[section.first_index].start_seconds
        planned = planned_start + timedelta(seconds=offset)
        if not started:
            projected: datetime | None = begin + timedelta(seconds=offset)
        elif status.state is RunState.FINISHED or section.first_index <= status.index:
            projected = None
        else:
            until = status.total_remaining - (timeline.total_seconds - offset)
            projected = now + timedelta(seconds=until)
        result.append(ItemProjection(section, planned, projected))
    return tuple(result)


def planned_start_on(day: date, start: time | str) -> datetime:
    """The planned start as a wall time on `day`, e.g. from a plan's "09:30"."""
    return datetime.combine(day, parse_clock_time(start))
