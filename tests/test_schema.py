"""Validation of structure and question-set files: one clear line per problem."""

from __future__ import annotations

import copy
import json
import os
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator.core.documents.format import SCHEMA_VERSION, structure_to_document
from facilitator.core.documents.registry import document_of, load_document, parse_document
from facilitator.core.files.problems import DocumentError
from tests.factories import paired_rounds_structure, question_set

if TYPE_CHECKING:
    from pathlib import Path

EXAMPLES = int(os.environ.get("FACILITATOR_PROPERTY_EXAMPLES", "300"))


def _structure_document() -> dict:
    return structure_to_document(paired_rounds_structure())


def _problems(document: object, label: str = "my.json") -> list[str]:
    with pytest.raises(DocumentError) as caught:
        parse_document(document, label)
    return [str(p) for p in caught.value.problems]


def test_a_good_document_round_trips_unchanged() -> None:
    for item in (paired_rounds_structure(), question_set()):
        document = document_of(item)
        assert parse_document(json.loads(json.dumps(document)), "x.json") == item
        assert document_of(parse_document(document, "x.json")) == document


def test_a_negative_duration_names_the_file_the_field_and_the_expectation() -> None:
    document = _structure_document()
    document["steps"][2]["minutes"] = -3
    assert _problems(document, "my-set.json") == [
        "my-set.json: steps[2].minutes: expected a number greater than 0 and at most 600, got -3"
    ]


def test_every_problem_is_reported_not_just_the_first() -> None:
    document = _structure_document()
    document["steps"][0]["group"] = "crowd"
    document["steps"][1]["rounds"] = 0
    document["title"] = "no languages"
    problems = _problems(document)
    assert len(problems) == 3
    assert any("steps[0].group: expected one of alone, pairs" in p for p in problems)
    assert any(
        "steps[1].rounds: expected a whole number from 1 to 50, got 0" in p for p in problems
    )
    assert any(p.startswith("my.json: title: expected texts per language") for p in problems)


def test_unknown_fields_are_errors_so_typos_are_caught() -> None:
    document = _structure_document()
    document["steps"][0]["minuets"] = 3
    [problem] = _problems(document)
    assert problem.startswith("my.json: steps[0].minuets: unknown field; expected one of: id,")


def test_a_newer_schema_version_is_refused_clearly() -> None:
    document = _structure_document()
    document["schema_version"] = SCHEMA_VERSION + 1
    [problem] = _problems(document)
    assert "newer Facilitator" in problem
    assert "update the app" in problem


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d.pop("schema_version"), "schema_version: missing"),
        (lambda d: d.update(type="poster"), "type: expected one of structure, question_set, plan"),
        (lambda d: d.update(id="Not An Id"), "id: expected lowercase letters"),
        (lambda d: d.update(steps=[]), "steps: expected at least one step, got 0"),
        (lambda d: d["steps"][0].update(minutes=1e999), "got an infinite number"),
        (lambda d: d["steps"][0].update(minutes=10**40), "got a huge number"),
        (
            lambda d: d["steps"][0].update(minutes="5"),
            'expected a number greater than 0 and at most 600, got "5"',
        ),
        (
            lambda d: d["steps"][0].update(minutes=0),
            "steps[0].minutes: expected a number greater than 0",
        ),
        (
            lambda d: d["steps"][1].update(id="intro"),
            "steps[1].id: expected an id no other step has",
        ),
        (
            lambda d: d["steps"][1].update(max_minutes=1),
            "steps[1].max_minutes: expected at least minutes",
        ),
        (lambda d: d["steps"][0].update(cues={"round_start": "gong"}), "steps[0].cues.round_start"),
    ],
)
def test_specific_problems_have_specific_messages(change, expected: str) -> None:
    document = _structure_document()
    change(document)
    problems = _problems(document)
    assert any(expected in p for p in problems), problems


def test_a_question_set_needs_questions() -> None:
    document = document_of(question_set())
    document["questions"] = []
    assert _problems(document) == ["my.json: questions: expected at least one question, got 0"]


def test_ten_thousand_steps_are_refused_in_one_line() -> None:
    document = _structure_document()
    document["steps"] = [copy.deepcopy(document["steps"][0]) for _ in range(10_000)]
    assert _problems(document) == ["my.json: steps: expected at most 200 steps, got 10000"]


def test_files_that_cannot_be_read_each_get_one_line(tmp_path: Path) -> None:
    cases = {
        "truncated.json": b'{"schema_version": 1, "type": "struc',
        "latin1.json": '{"title": "caf\u00e9"}'.encode("latin-1"),
        "empty.json": b"",
        "list.json": b"[1, 2]",
        "big.json": b" " * (1024 * 1024 + 10),
    }
    for name, content in cases.items():
        (tmp_path / name).write_bytes(content)
    (tmp_path / "folder.json").mkdir()
    (tmp_path / "loop.json").symlink_to(tmp_path / "loop.json")
    expectations = {
        "truncated.json": "is not valid JSON",
        "latin1.json": "is not UTF-8 text",
        "empty.json": "is empty",
        "list.json": "expected an object with fields, got a list of 2",
        "big.json": "larger than 1024 KB",
        "folder.json": "is a folder",
        "loop.json": "link loop",
    }
    for name, expected in expectations.items():
        with pytest.raises(DocumentError) as caught:
            load_document(tmp_path / name)
        [problem] = caught.value.problems
        assert str(problem).startswith(f"{name}: "), str(problem)
        assert expected in str(problem), str(problem)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=12), children, max_size=6)
    ),
    max_leaves=40,
)


def _mutations() -> st.SearchStrategy:
    base = _structure_document()
    keys = [
        "schema_version",
        "type",
        "id",
        "title",
        "steps",
        "cues",
        "minutes",
        "rounds",
        "speakers",
        "transition",
        "group",
        "questions",
        "warning_seconds",
    ]
    return st.fixed_dictionaries(
        {
            "key": st.sampled_from(keys),
            "value": json_values,
            "step": st.integers(0, len(base["steps"]) - 1),
        }
    )


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(json_values)
def test_the_loader_never_raises_anything_but_its_own_error_on_garbage(value) -> None:
    try:
        parse_document(value, "garbage.json")
    except DocumentError as error:
        assert error.problems
        assert all(str(p).startswith("garbage.json: ") for p in error.problems)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_mutations())
def test_a_damaged_structure_gives_clear_problems_or_a_valid_structure(mutation) -> None:
    document = _structure_document()
    target = (
        document["steps"][mutation["step"]]
        if mutation["key"] in ("cues", "minutes", "rounds", "speakers", "transition", "group")
        else document
    )
    target[mutation["key"]] = mutation["value"]
    try:
        parse_document(document, "damaged.json")
    except DocumentError as error:
        for problem in error.problems:
            assert str(problem).startswith("damaged.json: ")
            assert "\n" not in problem.message


@settings(
    max_examples=max(50, EXAMPLES // 4),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.binary(max_size=400))
def test_random_bytes_on_disk_never_crash_the_loader(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "random.json"
    path.write_bytes(content)
    try:
        load_document(path)
    except DocumentError as error:
        assert len(error.problems) >= 1
