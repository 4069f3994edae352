"""docs/file-format.md cannot go stale: its examples validate, are canonical and use every field."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest

from facilitator.core.documents import format as schema
from facilitator.core.documents.library import load_library
from facilitator.core.documents.registry import DOCUMENT_TYPES, document_of, parse_document
from facilitator.core.files.header import SCHEMA_VERSION
from facilitator.core.files.jsonio import dumps_document
from facilitator.core.files.kinds import DocumentKind
from facilitator.core.files.problems import DocumentError
from facilitator.core.plans.format import Plan
from facilitator.core.plans.schedule import plan_problems
from facilitator.core.workshop.structures import (
    GroupFollowing,
    GroupShape,
    QuestionSet,
    Role,
    SetKind,
    Structure,
)

DOC = Path(__file__).resolve().parents[1] / "docs" / "file-format.md"
BOGUS = "zz-not-a-field"


def _examples() -> list[dict[str, Any]]:
    text = DOC.read_text(encoding="utf-8")
    return [json.loads(block) for block in re.findall(r"```json\n(.*?)```", text, re.DOTALL)]


def _example(kind: str) -> dict[str, Any]:
    [found] = [example for example in _examples() if example["type"] == kind]
    return found


def _allowed_fields(document: dict[str, Any], path: tuple[str | int, ...]) -> set[str]:
    """The fields the app accepts in the object at `path`, as its own message lists them."""
    probe = copy.deepcopy(document)
    target = probe
    for part in path:
        target = target[part]
    target[BOGUS] = True
    with pytest.raises(DocumentError) as caught:
        parse_document(probe, "probe")
    [message] = [p.message for p in caught.value.problems if p.field.endswith(BOGUS)]
    return {name.strip() for name in message.split("expected one of:")[1].split(",")}


def _used(objects: list[dict[str, Any]]) -> set[str]:
    return set().union(*(set(o) for o in objects))


def test_there_is_one_complete_example_of_each_type() -> None:
    kinds = sorted(example["type"] for example in _examples())
    assert kinds == sorted(DOCUMENT_TYPES) == ["plan", "question_set", "structure"]


@pytest.mark.parametrize("kind", sorted(DOCUMENT_TYPES))
def test_each_example_validates_and_is_written_exactly_so(kind: str) -> None:
    example = _example(kind)
    item = parse_document(example, f"docs example {kind}")
    assert isinstance(
        item, {"structure": Structure, "question_set": QuestionSet, "plan": Plan}[kind]
    )
    assert dumps_document(document_of(item)) == dumps_document(example), "canonical form"


def test_the_examples_use_every_field() -> None:
    structure = _example(DocumentKind.STRUCTURE)
    assert set(structure) == _allowed_fields(structure, ())
    steps = structure["steps"]
    assert _used(steps) == _allowed_fields(structure, ("steps", 0))
    transition = next(step["transition"] for step in steps if "transition" in step)
    index = next(i for i, step in enumerate(steps) if "transition" in step)
    assert set(transition) == _allowed_fields(structure, ("steps", index, "transition"))
    phased = next(i for i, step in enumerate(steps) if "phases" in step)
    assert _used(steps[phased]["phases"]) == _allowed_fields(
        structure, ("steps", phased, "phases", 0)
    )

    questions = _example(DocumentKind.QUESTION_SET)
    assert set(questions) == _allowed_fields(questions, ())
    objects = [q for q in questions["questions"] if isinstance(q, dict)]
    assert any(isinstance(q, str) for q in questions["questions"])
    position = questions["questions"].index(objects[0])
    assert _used(objects) == _allowed_fields(questions, ("questions", position))

    plan = _example("plan")
    assert set(plan) == _allowed_fields(plan, ())
    structure_items = [i for i in plan["items"] if "structure" in i]
    free_items = [i for i in plan["items"] if "structure" not in i]
    first_structure = plan["items"].index(structure_items[0])
    first_free = plan["items"].index(free_items[0])
    assert _used(structure_items) == _allowed_fields(plan, ("items", first_structure))
    assert _used(free_items) == _allowed_fields(plan, ("items", first_free))


def test_the_examples_work_together_in_a_library(tmp_path: Path) -> None:
    for example in _examples():
        folder = tmp_path / DOCUMENT_TYPES[example["type"]].folder
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{example['id']}.json").write_text(json.dumps(example), encoding="utf-8")
    library = load_library(user_dir=tmp_path)
    assert library.problems == []
    assert library.reference_problems() == []
    plan = library.entry("plan", "my-morning").item
    assert plan_problems(plan, library) == []
    assert (
        library.default_question_set(library.structure("my-check-in"), "en").kind is SetKind.STEMS
    )


def test_every_value_of_the_enumerations_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    for value in [
        *schema.CUE_VALUES,
        *(shape.value for shape in GroupShape),
        *(kind.value for kind in SetKind),
        *(role.value for role in Role),
        *(following.value for following in GroupFollowing),
    ]:
        assert f"`{value}`" in text or f'`"{value}"`' in text, value
    assert f"`{SCHEMA_VERSION}`" in text
