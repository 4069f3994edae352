"""Property-based fuzzing of the plan loader (facilitator/core/plans/format.py via parse_document).

Plans are generated near the valid ones (built-in structure ids and sets, clock times,
lengths from tiny to huge) and then damaged at random places, and random bytes are read
from disk behind a plan's header. Whatever comes in, the loader answers with a plan or
with its own DocumentError, one line per problem naming the file; a plan that loads is
written as a file that loads again to the same file; and it compiles into a timeline the
sequencer runs, or PlanError says why. FACILITATOR_PROPERTY_EXAMPLES sets the number of
cases (300 by default; CI runs several thousand).
"""

from __future__ import annotations

import copy
import json
import os
from functools import cache
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from facilitator.core.documents import format as schema
from facilitator.core.documents.library import Library, load_library
from facilitator.core.documents.registry import document_of, load_document, parse_document
from facilitator.core.files.header import SCHEMA_VERSION
from facilitator.core.files.jsonio import dumps_document
from facilitator.core.files.kinds import DocumentKind
from facilitator.core.files.paths import builtin_library_dir
from facilitator.core.files.problems import DocumentError
from facilitator.core.plans.compile import compile_plan
from facilitator.core.plans.fit import fit_plan
from facilitator.core.plans.format import Plan, plan_to_document
from facilitator.core.plans.schedule import PlanError, plan_problems
from facilitator.core.timing.clock import FakeClock
from facilitator.core.timing.events import CueDue, RunState
from facilitator.core.timing.sequencer import Sequencer

EXAMPLES = int(os.environ.get("FACILITATOR_PROPERTY_EXAMPLES", "300"))
PROPERTY = settings(
    max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
LABEL = "fuzzed-plan.json"


@cache
def built_ins() -> Library:
    """The built-in library only (no user folder)."""
    return load_library(builtin_library_dir(), Path("/nonexistent-user-library"))


def _ids(type_name: str) -> list[str]:
    return sorted(built_ins().entries.get(type_name, {}))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=20,
)

# Near-valid plans: what a person or the app would write, lengths from tiny to the limit.
valid_characters = st.characters(exclude_categories=("Cc", "Cs"))  # no controls, no surrogates
texts = st.dictionaries(
    st.sampled_from(["en", "nl"]),
    st.text(valid_characters, min_size=1, max_size=30),
    min_size=1,
    max_size=2,
)
lengths = st.one_of(
    st.floats(min_value=1e-7, max_value=1440, allow_nan=False),
    st.integers(1, 1440),
    st.sampled_from([1e-5, 0.00004, 0.083334, 2.3333333333333335, 1440]),
)
clock_times = st.builds("{:02d}:{:02d}".format, st.integers(0, 23), st.integers(0, 59))
structure_items = st.fixed_dictionaries(
    {"structure": st.sampled_from(_ids(DocumentKind.STRUCTURE))},
    optional={
        "minutes": lengths,
        "questions": st.dictionaries(
            st.sampled_from(["en", "nl"]),
            st.sampled_from(_ids(DocumentKind.QUESTION_SET)),
            max_size=2,
        ),
    },
)
free_items = st.fixed_dictionaries(
    {"title": texts, "minutes": lengths},
    optional={"break": st.booleans(), "notes": texts},
)
plans = st.fixed_dictionaries(
    {
        "schema_version": st.just(SCHEMA_VERSION),
        "type": st.just("plan"),
        "id": st.sampled_from(["a-plan", "day-2", "x"]),
        "title": texts,
        "items": st.lists(st.one_of(structure_items, free_items), min_size=1, max_size=6),
    },
    optional={"summary": texts, "start_time": clock_times, "slot_minutes": lengths},
)

# Wild plans: a plan's shape with anything at all in its fields.
wild_texts = st.one_of(
    st.dictionaries(st.sampled_from(["en", "nl", "EN", "english", "", "\n"]), json_values),
    json_values,
)
wild_numbers = st.one_of(
    st.integers(-5, 1500),
    st.floats(),
    st.sampled_from([0, -0.0, 1440.00001, 10**40, 10**400, "5", None, True]),
)
wild_plans = st.fixed_dictionaries(
    {
        "schema_version": st.sampled_from([SCHEMA_VERSION, 0, 99, "1"]),
        "type": st.sampled_from(["plan", "plans", "structure"]),
        "id": st.sampled_from(["a-plan", "Not An Id", "", "-x"]),
        "title": wild_texts,
        "items": st.lists(
            st.one_of(
                st.fixed_dictionaries(
                    {"structure": st.sampled_from(["impromptu-networking", "no-such", "A B"])},
                    optional={"minutes": wild_numbers, "questions": wild_texts},
                ),
                st.fixed_dictionaries(
                    {"title": wild_texts, "minutes": wild_numbers},
                    optional={"break": json_values, "notes": wild_texts},
                ),
                json_values,
            ),
            max_size=5,
        ),
    },
    optional={
        "summary": wild_texts,
        "start_time": st.one_of(clock_times, st.text(max_size=6), json_values),
        "slot_minutes": wild_numbers,
    },
)


def _paths(value: Any, prefix: tuple = ()) -> list[tuple]:
    """Every place in a JSON value where something could be changed."""
    found = [prefix]
    if isinstance(value, dict):
        for key, child in value.items():
            found += _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += _paths(child, (*prefix, index))
    return found


@st.composite
def damaged_plans(draw: st.DrawFn) -> Any:
    """A generated plan damaged in one to three places: a value replaced, a key dropped or
    added, an item duplicated."""
    document = copy.deepcopy(draw(plans))
    for _ in range(draw(st.integers(1, 3))):
        paths = _paths(document)
        path = draw(st.sampled_from(paths))
        if not path:
            document = draw(json_values) if draw(st.integers(0, 9)) == 0 else document
            continue
        parent = document
        for key in path[:-1]:
            parent = parent[key]
        action = draw(st.sampled_from(["replace", "drop", "add", "duplicate"]))
        last = path[-1]
        if action == "replace":
            parent[last] = draw(json_values)
        elif action == "drop":
            del parent[last]
        elif action == "add" and isinstance(parent, dict):
            parent[draw(st.text(max_size=10))] = draw(json_values)
        elif action == "duplicate" and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[last]))
    return document


def _parse(document: Any) -> Plan | None:
    """The plan, or None after checking the loader's error is its own and plain."""
    try:
        item = parse_document(document, LABEL)
    except DocumentError as error:
        assert error.problems
        for problem in error.problems:
            line = str(problem)
            assert line.startswith(f"{LABEL}: "), line
            assert len(line.splitlines()) == 1, line
        return None
    assert isinstance(item, Plan), item
    return item


@PROPERTY
@given(st.one_of(plans, wild_plans, damaged_plans()))
def test_the_plan_loader_answers_a_plan_or_its_own_plain_error(document: Any) -> None:
    _parse(document)


@PROPERTY
@given(st.one_of(plans, damaged_plans()))
def test_a_plan_that_loads_is_saved_as_a_file_that_loads_to_the_same_file(document: Any) -> None:
    plan = _parse(document)
    assume(plan is not None)
    written = dumps_document(plan_to_document(plan))
    again = _parse(json.loads(written))
    assert again is not None, f"a saved plan no longer loads: {written.decode()}"
    assert dumps_document(plan_to_document(again)) == written


@PROPERTY
@given(plans)
def test_a_plan_that_loads_compiles_and_runs_or_says_why(document: Any) -> None:
    plan = _parse(document)
    assume(plan is not None)
    library = built_ins()
    problems = plan_problems(plan, library)
    assert all(len(str(problem).splitlines()) == 1 for problem in problems)
    try:
        timeline = compile_plan(plan, library, "en")
    except PlanError as error:
        assert str(error), "compiling fails only for a problem plan_problems names"
        assert problems, "compiling fails only for a problem plan_problems names"
        return
    position = 0
    for segment in timeline.segments:
        assert segment.start_seconds == position
        assert segment.duration_seconds > 0
        position += segment.duration_seconds
    assert timeline.total_seconds == position
    assert len(timeline.sections) == len(plan.items)
    clock = FakeClock()
    sequencer = Sequencer(timeline, clock)
    sequencer.start()
    clock.advance(timeline.total_seconds + 1)
    events = sequencer.update()
    assert sequencer.state is RunState.FINISHED
    assert len([e for e in events if isinstance(e, CueDue)]) <= 1, "one bell for the jump"
    if plan.slot_minutes is not None:
        try:
            fitted = fit_plan(plan, library)
        except PlanError as error:
            assert str(error)
        else:
            assert isinstance(fitted, Plan)


@settings(
    max_examples=max(50, EXAMPLES // 4),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.binary(max_size=300))
def test_random_bytes_behind_a_plan_header_never_crash_the_loader(
    tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / LABEL
    path.write_bytes(b'{"schema_version": 1, "type": "plan", "id": "p", ' + content)
    try:
        load_document(path)
    except DocumentError as error:
        assert error.problems
        for problem in error.problems:
            line = str(problem)
            assert line.startswith(f"{LABEL}: "), line
            assert len(line.splitlines()) == 1, line


def test_a_tiny_length_is_written_so_that_it_loads_again() -> None:
    """Found by the fuzzing above: 0.00001 minutes was written as 0, which never loads (and
    a structure's 0.083334 minutes, five seconds, as 0.0833, under five seconds)."""
    plan = {
        "schema_version": 1,
        "type": "plan",
        "id": "p",
        "title": {"en": "P"},
        "items": [{"title": {"en": "Hello"}, "minutes": 0.00001}],
    }
    structure = schema.structure_to_document(
        parse_document(
            {
                "schema_version": 1,
                "type": "structure",
                "id": "s",
                "title": {"en": "S"},
                "steps": [
                    {"id": "a", "title": {"en": "A"}, "group": "alone", "minutes": 0.083334},
                    {
                        "id": "b",
                        "title": {"en": "B"},
                        "group": "pairs",
                        "minutes": 2,
                        "rounds": 2,
                        "transition": {"minutes": 0.00001},
                    },
                ],
            },
            "s.json",
        )
    )
    for document in (plan_to_document(parse_document(plan, "p.json")), structure):
        again = parse_document(json.loads(dumps_document(document)), "again.json")
        assert dumps_document(document_of(again)) == dumps_document(document)
