"""Every kind of broken file in the user library: one line each, and the rest loads.

A user library full of damage (truncated JSON, wrong types, unknown fields, huge numbers,
negative and zero durations, an empty question list, 10,000 steps, a 50 MB file, invalid
UTF-8, a folder and a symbolic link loop where files should be, a line break in a file's
name) next to one good file of
the user's own. Each broken file must be reported in exactly one line, naming the file;
every built-in and the good file must load; the app must start, say so in the console, and
run both a built-in and the user's own structure. The command line reports the same lines.
"""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

from facilitator.core.documents.library import load_library
from facilitator.core.files.paths import builtin_library_dir
from facilitator.core.timing.events import RunState
from tests.app_harness import build_harness
from tests.faults.support import REPO_ROOT

if TYPE_CHECKING:
    from pathlib import Path

GOOD_STRUCTURE = {
    "schema_version": 1,
    "type": "structure",
    "id": "my-check-in",
    "title": {"en": "My check-in"},
    "steps": [
        {"id": "alone", "title": {"en": "Think alone"}, "group": "alone", "minutes": 1},
        {"id": "all", "title": {"en": "Share"}, "group": "whole_group", "minutes": 2},
    ],
}
GOOD_SET = {
    "schema_version": 1,
    "type": "question_set",
    "id": "my-check-in-en",
    "language": "en",
    "title": "Check-in questions",
    "structures": ["my-check-in"],
    "questions": ["How do you arrive today?"],
}
FIFTY_MB = 50 * 1024 * 1024


def _structure(**changes: object) -> dict:
    document = copy.deepcopy(GOOD_STRUCTURE)
    document.update(changes)
    return document


def _step(**changes: object) -> dict:
    document = copy.deepcopy(GOOD_STRUCTURE)
    document["steps"][0].update(changes)
    return document


def _dump(document: object) -> bytes:
    return json.dumps(document).encode()


STRUCTURES: dict[str, tuple[bytes, str]] = {
    "truncated.json": (
        _dump(GOOD_STRUCTURE)[:57],
        "is not valid JSON: Unterminated string starting at line 1, column 50",
    ),
    "wrong-type.json": (_dump(_structure(title=42)), "title: expected texts per language"),
    "unknown-field.json": (_dump(_step(minuets=3)), "steps[0].minuets: unknown field"),
    "huge-number.json": (
        _dump(_step(minutes=10**40)),
        "steps[0].minutes: expected a number greater than 0 and at most 600, got a huge number",
    ),
    "infinite.json": (
        _dump(GOOD_STRUCTURE).replace(b'"minutes": 1', b'"minutes": 1e999'),
        "got an infinite number",
    ),
    "too-many-digits.json": (
        _dump(GOOD_STRUCTURE).replace(b'"minutes": 1', b'"minutes": ' + b"9" * 5000),
        "a number or nesting is too large to read",
    ),
    "negative.json": (_dump(_step(minutes=-3)), "steps[0].minutes: expected a number greater"),
    "zero.json": (_dump(_step(minutes=0)), "steps[0].minutes: expected a number greater than 0"),
    "ten-thousand-steps.json": (
        _dump(
            _structure(
                steps=[
                    {"id": f"s{n}", "title": {"en": "S"}, "group": "alone", "minutes": 1}
                    for n in range(10_000)
                ]
            )
        ),
        "steps: expected at most 200 steps, got 10000",
    ),
    "fifty-megabytes.json": (b"", "is larger than 1024 KB; files this big are refused"),
    "not-utf8.json": (
        json.dumps(_structure(title={"en": "Caf\u00e9"}), ensure_ascii=False)
        .encode()
        .replace("\u00e9".encode(), b"\xe9"),  # Latin-1, as an old editor might save it
        "is not UTF-8 text",
    ),
    "a-folder.json": (b"", "is a folder, not a file"),
    "line\nbreak.json": (b'{"schema_version": 1,', "is not valid JSON"),
    "loop.json": (b"", "is a symbolic link that points to itself (a link loop)"),
}
QUESTION_SETS: dict[str, tuple[bytes, str]] = {
    "no-questions.json": (
        _dump({**GOOD_SET, "id": "empty-set", "questions": []}),
        "questions: expected at least one question, got 0",
    ),
}
PLANS: dict[str, tuple[bytes, str]] = {
    "broken-plan.json": (b'{"schema_version": 1, "type": "plan", "items": [', "is not valid JSON"),
}
FOLDERS = {"structures": STRUCTURES, "question-sets": QUESTION_SETS, "plans": PLANS}
BROKEN = len(STRUCTURES) + len(QUESTION_SETS) + len(PLANS)


@pytest.fixture
def broken_library(user_data_dir: Path) -> Path:
    """The user library with every broken file, and one good structure with its set."""
    library = user_data_dir / "library"
    for folder, cases in FOLDERS.items():
        (library / folder).mkdir(parents=True)
        for name, (content, _) in cases.items():
            path = library / folder / name
            if name == "a-folder.json":
                path.mkdir()
            elif name == "loop.json":
                path.symlink_to(path)
            elif name == "fifty-megabytes.json":
                with path.open("wb") as stream:
                    stream.write(b'{"schema_version": 1, "padding": "')
                    stream.write(b"x" * FIFTY_MB)
                    stream.write(b'"}')
            else:
                path.write_bytes(content)
    (library / "structures" / "my-check-in.json").write_bytes(_dump(GOOD_STRUCTURE))
    (library / "question-sets" / "my-check-in-en.json").write_bytes(_dump(GOOD_SET))
    return library


def _expected_lines() -> dict[str, str]:
    return {
        f"{folder}/{name}": expected
        for folder, cases in FOLDERS.items()
        for name, (_, expected) in cases.items()
    }


def test_each_broken_file_is_one_line_and_the_rest_of_the_library_loads(
    broken_library: Path,
) -> None:
    library = load_library(user_dir=broken_library)
    lines = [str(problem) for problem in library.problems]
    by_file: dict[str, list[str]] = {}
    for problem in library.problems:
        by_file.setdefault(problem.file, []).append(str(problem))
    expected = _expected_lines()
    assert sorted(by_file) == sorted(expected), lines
    for label, wanted in expected.items():
        [line] = by_file[label]  # exactly one line per broken file
        shown = label.replace("\n", "\\n")  # a line break in a name is shown escaped
        assert line.startswith(f"{shown}: "), line
        assert wanted in line, line
        assert len(line.splitlines()) == 1, line
        assert len(line) < 300, line
    builtins = load_library(user_dir=broken_library.parent / "nothing-here")
    assert not builtins.problems
    for type_name, entries in builtins.entries.items():
        assert set(entries) <= set(library.entries[type_name]), f"a built-in {type_name} is lost"
    assert library.entry("structure", "my-check-in") is not None
    assert library.entry("question_set", "my-check-in-en") is not None
    assert library.reference_problems() == []


def test_the_app_starts_says_what_was_skipped_and_runs(qtbot, broken_library: Path) -> None:
    harness = build_harness(qtbot)
    app = harness.app
    [notice] = [n for n in app.notices.notices if n.key == "library"]
    lines = notice.text.splitlines()
    assert lines[0] == "Some files in your library could not be used and were skipped:"
    problems = [str(problem) for problem in app.library.library.problems]
    assert lines[1:6] == problems[:5]
    assert lines[6] == f"…and {BROKEN - 5} more."
    ids = set(app.library_page.visible_ids())
    assert {"my-check-in", "impromptu-networking", "1-2-4-all"} <= ids
    assert app.start_run("my-check-in")
    app.run.start()
    harness.advance(30)
    assert "How do you arrive today?" in harness.card_texts()
    app.end_session()
    assert app.start_run("impromptu-networking")
    app.run.start()
    harness.advance(130)
    status = app.run.status()
    assert status.state is RunState.RUNNING
    assert status.index == 1


def test_the_command_line_lists_the_library_and_skips_each_broken_file_in_a_line(
    broken_library: Path,
) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "facilitator", "list"],
        env={**os.environ, "FACILITATOR_DATA_DIR": str(broken_library.parent)},
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    skipped = done.stderr.splitlines()
    assert len(skipped) == BROKEN
    assert all(line.startswith("skipped ") for line in skipped)
    listed = {line.split()[0] for line in done.stdout.splitlines()[1:]}
    builtin = {p.stem for p in (builtin_library_dir() / "structures").glob("*.json")}
    assert builtin | {"my-check-in"} <= listed
