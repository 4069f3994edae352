"""Editing documents as drafts: new drafts, typed numbers, cleaning and checking.

A draft is the JSON form of a structure or question set as the editor holds it
while the facilitator types: `None` marks a field that is not set, and texts may
be empty. `clean_draft` turns a draft into a document, and `check_draft` runs
the very validation a file gets, so every problem has the path of its field
(`steps[2].minutes`, see doc_paths.py) and the editor can show it right there.
"""

from __future__ import annotations

import copy
import re
from typing import TYPE_CHECKING, Any

from facilitator.core.documents.library import Library, Origin
from facilitator.core.documents.registry import DOCUMENT_TYPES, Item, document_of
from facilitator.core.files import validation as v
from facilitator.core.files.header import SCHEMA_VERSION, check_header
from facilitator.core.files.kinds import DocumentKind
from facilitator.core.workshop.structures import DEFAULT_SMALL_GROUP_SIZE, GroupShape, Role, Step

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence

    from facilitator.core.documents.doc_paths import Found

EDITABLE_TYPES = (DocumentKind.STRUCTURE, DocumentKind.QUESTION_SET)


def sentence(message: str) -> str:
    """A validator's message as a sentence: capital first letter, full stop."""
    text = message.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "?", "!")) else text + "."


# --- numbers typed by people ---------------------------------------------------


def parse_number_text(text: str) -> int | float | str | None:
    """A typed number: None when empty, int or float when it reads as one, else the text.

    A comma is read as a decimal point ("2,5" is 2.5). Text that is no number is
    kept as typed, so validation can say what is wrong with it.
    """
    stripped = text.strip()
    if not stripped:
        return None
    candidate = stripped.replace(",", ".")
    try:
        number = float(candidate)
    except ValueError:
        return stripped
    if number != number or number in (float("inf"), float("-inf")):
        return stripped
    if number.is_integer() and re.fullmatch(r"[+-]?\d+", candidate):
        return int(number)
    return number


def format_number(value: Any) -> str:
    """A number as the editor shows it (2, 2.5), or the text that was typed."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float):
        return f"{value:g}" if isinstance(value, float) else str(value)
    return str(value)


# --- drafts --------------------------------------------------------------------


def draft_of(item: Item) -> dict[str, Any]:
    """The draft of an item: its canonical document, with every question as an object."""
    document = document_of(item)
    if document.get("type") == DocumentKind.QUESTION_SET:
        document["questions"] = [
            {"text": q} if isinstance(q, str) else q for q in document["questions"]
        ]
    return document


def new_question_set_draft(set_id: str, language: str, structure_id: str | None) -> dict[str, Any]:
    """A new question set's draft: one empty question, fitting `structure_id`."""
    return {
        "schema_version": SCHEMA_VERSION,
        "type": DocumentKind.QUESTION_SET,
        "id": set_id,
        "language": language,
        "title": "",
        "structures": [structure_id] if structure_id else [],
        "questions": [{"text": ""}],
    }


def new_step(step_id: str) -> dict[str, Any]:
    """A new step's draft: five minutes for the whole group."""
    return {"id": step_id, "title": {}, "group": GroupShape.WHOLE_GROUP.value, "minutes": 5}


def free_step_id(taken: Iterable[str], prefix: str = "step") -> str:
    """An id not in `taken`: step-1, step-2, ... (or phase-1, ... with another prefix)."""
    used = set(taken)
    number = 1
    while f"{prefix}-{number}" in used:
        number += 1
    return f"{prefix}-{number}"


def new_phase(phase_id: str, minutes: float) -> dict[str, Any]:
    """A new phase's draft: `minutes` long, everyone acting."""
    return {"id": phase_id, "title": {}, "role": Role.EVERYONE.value, "minutes": minutes}


def default_group_size() -> list[int]:
    """The size range a step gets when it becomes small groups."""
    return list(DEFAULT_SMALL_GROUP_SIZE)


def _clean_text(value: Any) -> Any:
    if not isinstance(value, dict):
        return value
    return {
        language: text
        for language, text in value.items()
        if not (text is None or (isinstance(text, str) and not text.strip()))
    }


def _clean_optional_text(holder: dict[str, Any], key: str) -> None:
    if key in holder:
        cleaned = _clean_text(holder[key])
        if cleaned == {} or cleaned is None:
            holder.pop(key)
        else:
            holder[key] = cleaned


def _clean_optional_string(holder: dict[str, Any], key: str) -> None:
    if isinstance(holder.get(key), str) and not holder[key].strip():
        holder.pop(key)


def _without_none(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _without_none(item) for key, item in value.items() if item is not None}
    if isinstance(value, list):
        return [_without_none(item) for item in value]
    return value


def _clean_step(step: Any) -> Any:
    if not isinstance(step, dict):
        return step
    if "title" in step:
        step["title"] = _clean_text(step["title"])
    _clean_optional_text(step, "instruction")
    _clean_optional_text(step, "notes")
    if step.get("group_size") in ([None, None], []):
        step.pop("group_size")
    if step.get("cues") == {}:
        step.pop("cues")
    transition = step.get("transition")
    if isinstance(transition, dict):
        _clean_optional_text(transition, "instruction")
    for phase in step.get("phases") or []:
        if isinstance(phase, dict):
            if "title" in phase:
                phase["title"] = _clean_text(phase["title"])
            _clean_optional_text(phase, "instruction")
    return step


def clean_structure(draft: dict[str, Any]) -> dict[str, Any]:
    """The structure document a draft stands for: unset fields and empty texts left out."""
    document: dict[str, Any] = _without_none(copy.deepcopy(draft))
    if "title" in document:
        document["title"] = _clean_text(document["title"])
    for key in ("summary", "purpose", "setup"):
        _clean_optional_text(document, key)
    if isinstance(document.get("tips"), list):
        document["tips"] = [_clean_text(tip) for tip in document["tips"]]
    for key in ("attribution", "source"):
        _clean_optional_string(document, key)
    if isinstance(document.get("steps"), list):
        document["steps"] = [_clean_step(step) for step in document["steps"]]
    return document


def clean_question_set(draft: dict[str, Any]) -> dict[str, Any]:
    """The question set document a draft stands for."""
    document: dict[str, Any] = _without_none(copy.deepcopy(draft))
    _clean_optional_string(document, "description")
    for question in document.get("questions", []) if isinstance(document, dict) else []:
        if isinstance(question, dict) and question.get("steps") == []:
            question.pop("steps")
    return document


def clean_draft(draft: dict[str, Any]) -> dict[str, Any]:
    """The document a draft of any editable type stands for."""
    if draft.get("type") == DocumentKind.QUESTION_SET:
        return clean_question_set(draft)
    return clean_structure(draft)


def check_draft(draft: dict[str, Any]) -> tuple[Item | None, list[Found]]:
    """The item a draft makes, or None; and every problem, with the path of its field."""
    problems = v.Problems()
    document = clean_draft(draft)
    kind = check_header(document, problems, EDITABLE_TYPES)
    item = None
    if kind is not None:
        item = DOCUMENT_TYPES[kind].read(document, problems)
    return (item if not problems else None), list(problems.items)


def question_set_reference_problems(draft: dict[str, Any], library: Library) -> list[Found]:
    """Problems a question set has with the library: a step its structures do not have."""
    found: list[Found] = []
    structures = draft.get("structures") or []
    questions = draft.get("questions") or []
    for structure_id in structures:
        structure = library.find_structure(structure_id) if isinstance(structure_id, str) else None
        if structure is None:
            continue
        step_ids = {step.id for step in structure.steps}
        phase_ids = {phase.id for step in structure.steps for phase in step.phases}
        for index, question in enumerate(questions):
            steps = (question.get("steps") or []) if isinstance(question, dict) else []
            missing = [s for s in steps if s not in step_ids]
            if missing:
                found.append(
                    (
                        f"questions[{index}].steps",
                        f"{structure_id} has no step {', '.join(map(repr, missing))}",
                    )
                )
            phases = (question.get("phases") or []) if isinstance(question, dict) else []
            missing = [p for p in phases if p not in phase_ids]
            if missing:
                found.append(
                    (
                        f"questions[{index}].phases",
                        f"{structure_id} has no phase {', '.join(map(repr, missing))}",
                    )
                )
    return found


def id_clash_problem(
    draft: dict[str, Any], library: Library, original_id: str | None
) -> list[Found]:
    """A problem when a new item would take an id the library already uses."""
    item_id = draft.get("id")
    kind = draft.get("type")
    if not isinstance(item_id, str) or kind not in DOCUMENT_TYPES or item_id == original_id:
        return []
    existing = library.entry(kind, item_id)
    if existing is None:
        return []
    where = "a built-in" if existing.origin is Origin.BUILT_IN else "one of your own"
    label = DOCUMENT_TYPES[kind].label
    return [
        ("id", f"the library already has {where} {label} with the id {item_id!r}; choose another")
    ]


def _steps_of(library: Library, structure_ids: Sequence[str]) -> Iterator[Step]:
    """Every step of the given structures that the library has, in order."""
    for structure_id in structure_ids:
        structure = library.find_structure(structure_id)
        if structure is not None:
            yield from structure.steps


def step_choices(
    library: Library, structure_ids: Sequence[str], language: str
) -> list[tuple[str, str]]:
    """(step id, step title) of the given structures, in order, each id once."""
    found: dict[str, str] = {}
    for step in _steps_of(library, structure_ids):
        found.setdefault(step.id, step.title.in_language(language))
    return list(found.items())


def phase_choices(
    library: Library, structure_ids: Sequence[str], language: str
) -> list[tuple[str, str]]:
    """(phase id, "step title: phase title") of the given structures, in order, each id once."""
    found: dict[str, str] = {}
    for step in _steps_of(library, structure_ids):
        for phase in step.phases:
            title = f"{step.title.in_language(language)}: {phase.title.in_language(language)}"
            found.setdefault(phase.id, title)
    return list(found.items())
