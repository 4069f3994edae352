"""The file format of structures and question sets: validation and writing.

Each document is one JSON object with `"schema_version"` and `"type"`. Reading
checks every field and reports each problem with its path; unknown fields are
problems too. Writing produces the canonical form, so exporting a document and
importing it again gives the same file. docs/file-format.md describes it.
"""

from __future__ import annotations

from typing import Any

from facilitator.core.documents.phase_format import CUE_VALUES as CUE_VALUES
from facilitator.core.documents.phase_format import (
    check_group_size,
    complete_step,
    cue_value,
    phase_to_document,
    phases_check,
)
from facilitator.core.files import validation as v
from facilitator.core.files.header import SCHEMA_VERSION as SCHEMA_VERSION
from facilitator.core.files.header import document_fields
from facilitator.core.files.jsonio import plain_number
from facilitator.core.files.kinds import DocumentKind
from facilitator.core.workshop.structures import (
    GroupFollowing,
    GroupShape,
    LocalText,
    Moment,
    Question,
    QuestionSet,
    SetKind,
    Step,
    Structure,
    Transition,
)

MAX_STEPS = 200
MAX_STEP_MINUTES = 600.0
MAX_QUESTIONS = 100


# --- reading -------------------------------------------------------------------


def _transition(value: Any, path: str, problems: v.Problems) -> Any:
    fields = v.FieldReader(value, path, problems)
    minutes = fields.take("minutes", v.number(above=0, maximum=60))
    instruction = fields.take("instruction", v.local_text(), default=LocalText())
    before_first = fields.take("before_first_round", v.boolean, default=False)
    fields.finish()
    if not fields.ok or not v.all_valid([minutes, instruction, before_first]):
        return v.INVALID
    return Transition(minutes, instruction, before_first)


def _step(value: Any, path: str, problems: v.Problems) -> Any:
    fields = v.FieldReader(value, path, problems)
    parsed = {
        "id": fields.take("id", v.identifier),
        "title": fields.take("title", v.local_text(max_length=200, one_line=True)),
        "group": fields.take("group", v.choice(GroupShape)),
        "group_size": fields.take(
            "group_size", v.pair_of_integers(minimum=2, maximum=50), default=None
        ),
        "minutes": fields.take(
            "minutes", v.number(above=0, maximum=MAX_STEP_MINUTES), default=None
        ),
        "min_minutes": fields.take(
            "min_minutes", v.number(above=0, maximum=MAX_STEP_MINUTES), default=None
        ),
        "max_minutes": fields.take(
            "max_minutes", v.number(above=0, maximum=MAX_STEP_MINUTES), default=None
        ),
        "rounds": fields.take("rounds", v.integer(minimum=1, maximum=50), default=1),
        "speakers": fields.take("speakers", v.integer(minimum=1, maximum=30), default=1),
        "transition": fields.take("transition", _transition, default=None),
        "instruction": fields.take("instruction", v.local_text(), default=LocalText()),
        "notes": fields.take("notes", v.local_text(max_length=5000), default=LocalText()),
        "cues": fields.take(
            "cues", v.mapping(v.choice(Moment), cue_value, noun="cues"), default={}
        ),
        "show_questions": fields.take("show_questions", v.boolean, default=True),
        "warning_seconds": fields.take(
            "warning_seconds", v.integer(minimum=0, maximum=600), default=None
        ),
        "follows_group": fields.take("follows_group", v.choice(GroupFollowing), default=None),
        "phases": fields.take("phases", phases_check, default=[]),
    }
    fields.finish()
    if not fields.ok or not v.all_valid(list(parsed.values())):
        return v.INVALID
    if not complete_step(parsed, set(fields.data), path, problems):
        return v.INVALID
    parsed["phases"] = tuple(parsed["phases"])
    return _checked_step(Step(**parsed), path, problems)


def _checked_step(step: Step, path: str, problems: v.Problems) -> Any:
    """Checks that involve several fields of one step."""
    ok = True
    if step.min_minutes is not None and step.min_minutes > step.minutes:
        problems.add(
            v.child(path, "min_minutes"),
            f"expected at most minutes ({step.minutes:g}), got {step.min_minutes:g}",
        )
        ok = False
    if step.max_minutes is not None and step.max_minutes < step.minutes:
        problems.add(
            v.child(path, "max_minutes"),
            f"expected at least minutes ({step.minutes:g}), got {step.max_minutes:g}",
        )
        ok = False
    if step.group_size is not None and step.group is not GroupShape.SMALL_GROUPS:
        problems.add(
            v.child(path, "group_size"),
            f"only small_groups take a size range; {step.group.value} have a fixed size",
        )
        ok = False
    follows_rounds = step.follows_group is GroupFollowing.ROUNDS
    if (
        step.transition is not None
        and step.rounds == 1
        and not follows_rounds
        and not step.transition.before_first_round
    ):
        problems.add(
            v.child(path, "transition"),
            "a transition comes between rounds, but this step has one round; "
            "set rounds above 1 or before_first_round to true",
        )
        ok = False
    if step.minutes * 60 / step.speakers < 5:
        problems.add(
            v.child(path, "minutes"),
            f"expected at least 5 seconds per speaking turn, got "
            f"{step.minutes * 60 / step.speakers:.1f} seconds",
        )
        ok = False
    return step if ok else v.INVALID


def _local_text_list(value: Any, path: str, problems: v.Problems) -> Any:
    return v.items(v.local_text(), max_items=50, noun="texts")(value, path, problems)


def structure_from_document(data: Any, problems: v.Problems) -> Structure | None:
    """The structure in `data`, or None after recording every problem found."""
    fields = document_fields(data, problems, DocumentKind.STRUCTURE)
    if fields is None:
        return None
    parsed = {
        "id": fields.take("id", v.identifier),
        "title": fields.take("title", v.local_text(max_length=200, one_line=True)),
        "summary": fields.take("summary", v.local_text(), default=LocalText()),
        "purpose": fields.take("purpose", v.local_text(max_length=5000), default=LocalText()),
        "setup": fields.take("setup", v.local_text(max_length=5000), default=LocalText()),
        "tips": fields.take("tips", _local_text_list, default=[]),
        "attribution": fields.take("attribution", v.text(max_length=500), default=""),
        "source": fields.take("source", v.text(max_length=2000), default=""),
        "default_questions": fields.take(
            "default_questions",
            v.mapping(v.language_code, v.identifier, noun="question set ids"),
            default={},
        ),
        "adjustable": fields.take("adjustable", v.boolean, default=False),
        "warning_seconds": fields.take(
            "warning_seconds", v.integer(minimum=0, maximum=600), default=None
        ),
        "group_size": fields.take(
            "default_group_size", v.integer(minimum=2, maximum=50), default=None
        ),
        "steps": fields.take(
            "steps", v.items(_step, min_items=1, max_items=MAX_STEPS, noun="steps")
        ),
    }
    fields.finish()
    if problems or not v.all_valid(list(parsed.values())):
        return None
    seen: set[str] = set()
    for index, step in enumerate(parsed["steps"]):
        if step.id in seen:
            problems.add(
                f"steps[{index}].id", f"expected an id no other step has, got {step.id!r} again"
            )
        seen.add(step.id)
    if problems:
        return None
    parsed["steps"] = tuple(parsed["steps"])
    parsed["tips"] = tuple(parsed["tips"])
    return check_group_size(Structure(**parsed), "default_group_size" in fields.data, problems)


def _question(value: Any, path: str, problems: v.Problems) -> Any:
    if isinstance(value, str):
        result = v.text(max_length=1000)(value, path, problems)
        return v.INVALID if result is v.INVALID else Question(result)
    if not isinstance(value, dict):
        problems.add(
            path,
            f"expected a question as a text, or an object with text and steps, got {v.show(value)}",
        )
        return v.INVALID
    fields = v.FieldReader(value, path, problems)
    question = fields.take("text", v.text(max_length=1000))
    steps = fields.take(
        "steps",
        v.items(v.identifier, min_items=1, max_items=MAX_STEPS, noun="step ids"),
        default=[],
    )
    phases = fields.take(
        "phases",
        v.items(v.identifier, min_items=1, max_items=MAX_STEPS, noun="phase ids"),
        default=[],
    )
    fields.finish()
    if not v.all_valid([question, steps, phases]):
        return v.INVALID
    return Question(question, tuple(steps), tuple(phases))


def question_set_from_document(data: Any, problems: v.Problems) -> QuestionSet | None:
    """The question set in `data`, or None after recording every problem found."""
    fields = document_fields(data, problems, DocumentKind.QUESTION_SET)
    if fields is None:
        return None
    parsed = {
        "id": fields.take("id", v.identifier),
        "language": fields.take("language", v.language_code),
        "title": fields.take("title", v.text(max_length=200, one_line=True)),
        "description": fields.take("description", v.text(max_length=2000), default=""),
        "kind": fields.take("kind", v.choice(SetKind), default=SetKind.QUESTIONS),
        "structures": fields.take(
            "structures", v.items(v.identifier, max_items=200, noun="structure ids"), default=[]
        ),
        "questions": fields.take(
            "questions", v.items(_question, min_items=1, max_items=MAX_QUESTIONS, noun="questions")
        ),
    }
    fields.finish()
    if problems or not v.all_valid(list(parsed.values())):
        return None
    parsed["structures"] = tuple(parsed["structures"])
    parsed["questions"] = tuple(parsed["questions"])
    return QuestionSet(**parsed)


# --- writing -------------------------------------------------------------------


def _text_json(text: LocalText) -> dict[str, str]:
    return dict(text.by_language)


def _put_text(document: dict[str, Any], key: str, text: LocalText) -> None:
    if not text.is_empty():
        document[key] = _text_json(text)


def step_to_document(step: Step) -> dict[str, Any]:
    """The canonical JSON form of one step."""
    document: dict[str, Any] = {
        "id": step.id,
        "title": _text_json(step.title),
        "group": step.group.value,
    }
    following = step.follows_group
    if step.group_size is not None:
        document["group_size"] = list(step.group_size)
    if following is not None:
        document["follows_group"] = following.value
    per_turn = following is GroupFollowing.TURNS
    if not step.phases:
        for key, minutes in (
            ("minutes", step.minutes),
            ("min_minutes", step.min_minutes),
            ("max_minutes", step.max_minutes),
        ):
            if minutes is not None:
                document[key] = plain_number(minutes / step.speakers if per_turn else minutes)
    if step.rounds != 1 and following is not GroupFollowing.ROUNDS:
        document["rounds"] = step.rounds
    if step.speakers != 1 and not per_turn:
        document["speakers"] = step.speakers
    if step.transition is not None:
        transition: dict[str, Any] = {"minutes": plain_number(step.transition.minutes)}
        _put_text(transition, "instruction", step.transition.instruction)
        if step.transition.before_first_round:
            transition["before_first_round"] = True
        document["transition"] = transition
    _put_text(document, "instruction", step.instruction)
    _put_text(document, "notes", step.notes)
    if step.cues:
        document["cues"] = {moment.value: cue for moment, cue in step.cues.items()}
    if not step.show_questions:
        document["show_questions"] = False
    if step.warning_seconds is not None:
        document["warning_seconds"] = step.warning_seconds
    if step.phases:
        document["phases"] = [phase_to_document(phase) for phase in step.phases]
    return document


def structure_to_document(structure: Structure) -> dict[str, Any]:
    """The canonical JSON form of a structure."""
    document: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "type": DocumentKind.STRUCTURE.value,
        "id": structure.id,
        "title": _text_json(structure.title),
    }
    _put_text(document, "summary", structure.summary)
    _put_text(document, "purpose", structure.purpose)
    _put_text(document, "setup", structure.setup)
    if structure.tips:
        document["tips"] = [_text_json(tip) for tip in structure.tips]
    if structure.attribution:
        document["attribution"] = structure.attribution
    if structure.source:
        document["source"] = structure.source
    if structure.default_questions:
        document["default_questions"] = dict(structure.default_questions)
    if structure.adjustable:
        document["adjustable"] = True
    if structure.warning_seconds is not None:
        document["warning_seconds"] = structure.warning_seconds
    allowed = structure.group_size_range
    if allowed is not None and structure.group_size not in (None, allowed[0]):
        document["default_group_size"] = structure.group_size
    document["steps"] = [step_to_document(step) for step in structure.steps]
    return document


def question_set_to_document(question_set: QuestionSet) -> dict[str, Any]:
    """The canonical JSON form of a question set."""
    document: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "type": DocumentKind.QUESTION_SET.value,
        "id": question_set.id,
        "language": question_set.language,
        "title": question_set.title,
    }
    if question_set.description:
        document["description"] = question_set.description
    if question_set.kind is not SetKind.QUESTIONS:
        document["kind"] = question_set.kind.value
    if question_set.structures:
        document["structures"] = list(question_set.structures)
    document["questions"] = [_question_json(q) for q in question_set.questions]
    return document


def _question_json(question: Question) -> str | dict[str, Any]:
    if not question.steps and not question.phases:
        return question.text
    document: dict[str, Any] = {"text": question.text}
    if question.steps:
        document["steps"] = list(question.steps)
    if question.phases:
        document["phases"] = list(question.phases)
    return document
