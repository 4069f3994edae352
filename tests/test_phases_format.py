"""Phases in files: bad input refused in one line, old files loading exactly as before."""

from __future__ import annotations

import copy
import io
import json
from pathlib import Path
from typing import Any

import pytest

from facilitator.cli import main
from facilitator.core.documents.format import structure_to_document
from facilitator.core.documents.library import load_library
from facilitator.core.documents.registry import document_of, load_document, parse_document
from facilitator.core.files.header import SCHEMA_VERSION
from facilitator.core.files.problems import DocumentError
from facilitator.core.plans.format import Plan
from facilitator.core.sessions.record import Session, SessionSpec, SessionStore
from facilitator.core.timing.clock import FakeClock
from facilitator.core.timing.timeline import build_timeline
from facilitator.core.workshop.structures import QuestionSet, Structure
from tests.factories import phased_structure

FORMAT_1 = Path(__file__).resolve().parent / "format_1"

TIMELINE_KEYS_BEFORE_PHASES = {
    "end_cue",
    "id",
    "language",
    "questions_id",
    "segments",
    "title",
    "total_seconds",
}
SEGMENT_KEYS_BEFORE_PHASES = {
    "cue",
    "duration_seconds",
    "group",
    "index",
    "kind",
    "moment",
    "questions",
    "round",
    "rounds",
    "speaker",
    "speakers",
    "start_seconds",
    "step",
    "title",
    "warning_cue",
    "warning_seconds",
}
"""The fields `facilitator show ID --json` printed for every built-in before phases existed."""


def _document() -> dict[str, Any]:
    return structure_to_document(phased_structure())


def _consult(document: dict[str, Any]) -> dict[str, Any]:
    return document["steps"][1]


def _problems(document: Any) -> list[str]:
    with pytest.raises(DocumentError) as caught:
        parse_document(document, "mine.json")
    return [str(problem) for problem in caught.value.problems]


# --- bad input ----------------------------------------------------------------------------------


def test_a_good_phased_document_round_trips_unchanged() -> None:
    structure = phased_structure()
    document = document_of(structure)
    assert document["schema_version"] == SCHEMA_VERSION == 2
    assert "minutes" not in _consult(document), "the phases carry the time"
    assert "rounds" not in _consult(document), "the rounds follow the group"
    assert parse_document(json.loads(json.dumps(document)), "x.json") == structure


def test_phases_that_do_not_fit_their_round_are_refused() -> None:
    document = _document()
    _consult(document)["minutes"] = 8
    assert _problems(document) == [
        "mine.json: steps[1].phases: expected phases that fill one round of 8 minutes, "
        "got 9 minutes in all"
    ]


def test_an_empty_list_of_phases_is_refused() -> None:
    document = _document()
    _consult(document)["phases"] = []
    assert _problems(document) == ["mine.json: steps[1].phases: expected at least one phase, got 0"]


def test_a_phase_without_minutes_is_refused() -> None:
    document = _document()
    del _consult(document)["phases"][2]["minutes"]
    assert _problems(document) == [
        "mine.json: steps[1].phases[2].minutes: missing; this field is required"
    ]


def test_a_role_the_card_cannot_show_is_refused() -> None:
    document = _document()
    _consult(document)["phases"][0]["role"] = "audience"
    [problem] = _problems(document)
    assert problem.startswith("mine.json: steps[1].phases[0].role: expected one of everyone, ")
    assert problem.endswith(', got "audience"')


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda d: _consult(d)["phases"][1].update(id="explain"),
            "steps[1].phases[1].id: expected an id no other phase of this step has, got 'explain'",
        ),
        (
            lambda d: _consult(d).update(min_minutes=5),
            "steps[1].min_minutes: a step with phases takes its allowed length from its phases",
        ),
        (
            lambda d: _consult(d).update(rounds=3),
            "steps[1].rounds: the rounds follow the size of the group here (follows_group)",
        ),
        (
            lambda d: _consult(d)["phases"][2].update(max_minutes=3),
            "steps[1].phases[2].max_minutes: expected at least minutes (4), got 3",
        ),
        (
            lambda d: _consult(d)["phases"][3].update(cue="gong"),
            "steps[1].phases[3].cue: expected one of step_start, ",
        ),
        (
            lambda d: d.update(default_group_size=9),
            "default_group_size: expected a group size its steps allow (2 to 6), got 9",
        ),
        (
            lambda d: d["steps"][0].update(follows_group="rounds"),
            "steps[0].follows_group: expected a step in pairs, trios, foursomes or small_groups",
        ),
    ],
)
def test_other_mistakes_with_phases_are_refused_in_one_line(change, expected: str) -> None:
    document = _document()
    change(document)
    [problem] = _problems(document)
    assert expected in problem
    assert "\n" not in problem


def test_the_cli_validates_a_file_with_bad_phases_in_one_line(tmp_path: Path) -> None:
    document = _document()
    _consult(document)["phases"][0]["role"] = "audience"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    out = io.StringIO()
    assert main(["validate", str(path)], out) == 1
    [line] = out.getvalue().splitlines()
    assert line.startswith(f"{path}: steps[1].phases[0].role: expected one of")


# --- old files ------------------------------------------------------------------------------------


@pytest.mark.parametrize("structure_id", ["troika-consulting", "conversation-cafe"])
def test_a_format_1_file_loads_and_runs_exactly_as_before(structure_id: str) -> None:
    document = json.loads((FORMAT_1 / f"{structure_id}.json").read_text(encoding="utf-8"))
    assert document["schema_version"] == 1
    structure = load_document(FORMAT_1 / f"{structure_id}.json")
    questions = load_document(FORMAT_1 / f"{structure_id}-en.json")
    assert isinstance(structure, Structure)
    assert isinstance(questions, QuestionSet)
    assert not any(step.phases or step.follows_group for step in structure.steps)
    assert structure.group_size is None
    before = json.loads((FORMAT_1 / f"{structure_id}.timeline.json").read_text(encoding="utf-8"))
    now = build_timeline(structure, questions, "en").to_json()
    for key, value in before.items():
        if key != "segments":
            assert now[key] == value, key
    assert len(now["segments"]) == len(before["segments"])
    for old, new in zip(before["segments"], now["segments"], strict=True):
        assert {key: new[key] for key in old} == old
        assert (new["phase"], new["phases"], new["role"]) == (None, 1, None)


def test_a_format_1_file_is_written_back_in_the_current_format() -> None:
    structure = load_document(FORMAT_1 / "troika-consulting.json")
    written = document_of(structure)
    original = json.loads((FORMAT_1 / "troika-consulting.json").read_text(encoding="utf-8"))
    assert written["schema_version"] == SCHEMA_VERSION
    assert {**written, "schema_version": 1} == original, "nothing else changes"


def test_a_format_1_plan_still_loads() -> None:
    plan = load_document(FORMAT_1 / "network-check-up.json")
    assert isinstance(plan, Plan)
    assert plan.id == "network-check-up"


def test_a_file_from_a_newer_app_is_still_refused() -> None:
    document = _document()
    document["schema_version"] = SCHEMA_VERSION + 1
    [problem] = _problems(document)
    assert "written by a newer Facilitator" in problem


def test_show_json_keeps_every_field_it_had_for_every_built_in() -> None:
    library = load_library()
    for structure in library.structures():
        out = io.StringIO()
        assert main(["show", structure.id, "--json"], out) == 0
        timeline = json.loads(out.getvalue())
        assert set(timeline) >= TIMELINE_KEYS_BEFORE_PHASES, structure.id
        assert set(timeline) - TIMELINE_KEYS_BEFORE_PHASES == {"group_size"}
        for segment in timeline["segments"]:
            assert set(segment) >= SEGMENT_KEYS_BEFORE_PHASES, structure.id
            added = set(segment) - SEGMENT_KEYS_BEFORE_PHASES
            assert added == {"phase", "phases", "phase_id", "phase_title", "role"}


# --- the session's record --------------------------------------------------------------------


def test_the_group_size_is_kept_in_the_crash_record(tmp_path: Path) -> None:
    store = SessionStore(tmp_path)
    spec = SessionSpec("structure", "wise-crowds", "en", group_size=5)
    timeline = build_timeline(phased_structure(group_size=5), None, "en")
    session = Session.start_new(spec, timeline, FakeClock(), store=store)
    session.save()
    saved = store.load()
    assert saved is not None
    assert saved.spec.group_size == 5


def test_a_crash_record_written_before_group_sizes_still_loads(tmp_path: Path) -> None:
    store = SessionStore(tmp_path)
    spec = SessionSpec("structure", "troika-consulting", "en")
    timeline = build_timeline(phased_structure(), None, "en")
    Session.start_new(spec, timeline, FakeClock(), store=store).save()
    record = json.loads(store.path.read_text(encoding="utf-8"))
    old = copy.deepcopy(record)
    del old["spec"]["group_size"]
    store.path.write_text(json.dumps(old), encoding="utf-8")
    saved = store.load()
    assert saved is not None
    assert saved.spec.group_size is None
    assert saved.spec.item_id == "troika-consulting"


def test_a_resumed_session_runs_for_the_group_size_it_was_started_with(tmp_path: Path) -> None:
    from facilitator.core.sessions.setup import timeline_for

    store = SessionStore(tmp_path)
    library = load_library()
    spec = SessionSpec("structure", "wise-crowds", "en", group_size=5)
    timeline = timeline_for(library, spec)
    Session.start_new(spec, timeline, FakeClock(), store=store).save()
    saved = store.load()
    assert saved is not None
    resumed = timeline_for(library, saved.spec)
    assert resumed.total_seconds == 75 * 60
    assert len(resumed.segments) == saved.segment_count


def test_run_with_a_group_size_opens_a_session_for_that_size(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys
    import time

    data = tmp_path / "data"
    environment = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "FACILITATOR_DATA_DIR": str(data),
        "PULSE_SERVER": "unix:/nonexistent",
    }
    command = [sys.executable, "-m", "facilitator", "run", "wise-crowds", "--group-size", "5"]
    app = subprocess.Popen(
        [*command, "--windowed"],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while (
            not (records := sorted(data.glob("running-session-*.json")))  # the copy's own
            and time.monotonic() < deadline
            and app.poll() is None
        ):
            time.sleep(0.05)
        saved = json.loads(records[0].read_text(encoding="utf-8"))
        assert (saved["spec"]["item_id"], saved["spec"]["group_size"]) == ("wise-crowds", 5)
        assert saved["segment_count"] == 5 * 4
    finally:
        app.terminate()
        app.wait(timeout=10)


def test_run_refuses_a_wrong_group_size_before_opening_a_window(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["run", "wise-crowds", "--group-size", "3"]) == 2
    assert capsys.readouterr().err == (
        "facilitator run: wise-crowds: expected a group size of 4 to 5, got 3\n"
    )


def test_a_question_for_a_phase_the_structure_lacks_is_reported(tmp_path: Path) -> None:
    folder = tmp_path / "question-sets"
    folder.mkdir()
    document = {
        "schema_version": 2,
        "type": "question_set",
        "id": "mine-en",
        "language": "en",
        "title": "Mine",
        "structures": ["troika-consulting"],
        "questions": [{"text": "What now?", "phases": ["nope"]}],
    }
    (folder / "mine-en.json").write_text(json.dumps(document), encoding="utf-8")
    library = load_library(user_dir=tmp_path)
    assert [str(p) for p in library.reference_problems()] == [
        "mine-en.json: questions[0].phases: troika-consulting has no phase 'nope'"
    ]
