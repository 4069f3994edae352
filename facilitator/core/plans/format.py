"""Session plans as documents: structures and free items (a welcome, a break) in one session.

A plan is a document of its own (`"type": "plan"`), validated field by field like
structures. `schedule.py` resolves it against the library and gives clock times,
`fit.py` fits it into a slot, `compile.py` turns it into ONE timeline for the
sequencer, `projection.py` compares a run with the wall clock.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from facilitator.core.files import validation as v
from facilitator.core.files.header import SCHEMA_VERSION, document_fields
from facilitator.core.files.jsonio import plain_number
from facilitator.core.files.kinds import DocumentKind
from facilitator.core.workshop.structures import EMPTY_TEXT, FALLBACK_LANGUAGE, LocalText

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

MAX_ITEMS = 100
MAX_ITEM_MINUTES = 24 * 60.0
MAX_SLOT_MINUTES = 24 * 60.0

CLOCK_PATTERN = re.compile(r"\A([01]\d|2[0-3]):[0-5]\d\Z")
CLOCK_EXPECTED = "a clock time like '09:30' (HH:MM, 24-hour)"


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
    title = fields.take("title", v.local_text(max_length=200, one_line=True))
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
    fields = document_fields(data, problems, DocumentKind.PLAN)
    if fields is None:
        return None
    parsed = {
        "id": fields.take("id", v.identifier),
        "title": fields.take("title", v.local_text(max_length=200, one_line=True)),
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


def _item_to_document(item: PlanItem) -> dict[str, Any]:
    if isinstance(item, StructureItem):
        document: dict[str, Any] = {"structure": item.structure_id}
        if item.minutes is not None:
            document["minutes"] = plain_number(item.minutes)
        if item.questions:
            document["questions"] = dict(item.questions)
        return document
    document = {"title": dict(item.title.by_language), "minutes": plain_number(item.minutes)}
    if item.is_break:
        document["break"] = True
    if not item.notes.is_empty():
        document["notes"] = dict(item.notes.by_language)
    return document


def plan_to_document(plan: Plan) -> dict[str, Any]:
    """The canonical JSON form of a plan."""
    document: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "type": DocumentKind.PLAN.value,
        "id": plan.id,
        "title": dict(plan.title.by_language),
    }
    if not plan.summary.is_empty():
        document["summary"] = dict(plan.summary.by_language)
    if plan.start_time is not None:
        document["start_time"] = plan.start_time
    if plan.slot_minutes is not None:
        document["slot_minutes"] = plain_number(plan.slot_minutes)
    document["items"] = [_item_to_document(item) for item in plan.items]
    return document
