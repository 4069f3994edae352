"""Hostile text: characters and numbers that used to pass validation and then did harm.

A lone surrogate validated, then crashed `import` (UnicodeEncodeError) and, once in the
library, every save of the crash record. Control characters in a title were printed raw by
`facilitator list`: an escape sequence cleared the terminal, a line break forged a row. An
id `"abc\\n"` passed (the pattern's `$` matches before a final newline) and became a file
name with a line break; `con` or `nul` passed though Windows cannot create such a file. A
key given twice was read silently (the last won) and NaN was called "an infinite number".
`run --speed nan`, `--speed 1e-300` and `show --fit 1e308` ended in tracebacks. Each is
now refused with one line saying what was expected, and the terminal never receives a
character that is not printable.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from typing import TYPE_CHECKING, Any

import pytest

from facilitator import cli
from facilitator.core.documents.library import Library, load_library
from facilitator.core.documents.registry import DOCUMENT_TYPES, parse_document
from facilitator.core.files import validation as v
from facilitator.core.files.jsonio import read_json
from facilitator.core.files.kinds import DocumentKind
from facilitator.core.files.paths import builtin_library_dir
from facilitator.core.files.problems import DocumentError
from facilitator.core.timing.fitting import FitError, fit_structure
from tests.app_harness import build_harness
from tests.faults.support import REPO_ROOT

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot

STRUCTURE: dict[str, Any] = {
    "schema_version": 1,
    "type": "structure",
    "id": "my-check-in",
    "title": {"en": "My check-in"},
    "summary": {"en": "Two lines\nof summary are fine."},
    "steps": [
        {"id": "alone", "title": {"en": "Think alone"}, "group": "alone", "minutes": 1},
        {"id": "all", "title": {"en": "Share"}, "group": "whole_group", "minutes": 2},
    ],
}


def _structure(**changes: Any) -> dict[str, Any]:
    return {**json.loads(json.dumps(STRUCTURE)), **changes}


def _problems(document: Any) -> list[str]:
    with pytest.raises(DocumentError) as caught:
        parse_document(document, "hostile.json")
    lines = [str(problem) for problem in caught.value.problems]
    assert all(line.isprintable() for line in lines), lines
    return lines


def _write(path: Path, document: Any) -> Path:
    # ensure_ascii keeps a lone surrogate as the escape "\ud800", as a hostile file holds it
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


# --- lone surrogates --------------------------------------------------------------------


def test_a_lone_surrogate_is_refused_in_one_line() -> None:
    [line] = _problems(_structure(title={"en": "Caf\ud800"}))
    assert line == (
        "hostile.json: title.en: expected a text of valid characters, "
        "got a lone surrogate (U+D800) at character 4"
    )


def test_import_of_a_lone_surrogate_says_why_and_writes_nothing(
    tmp_path: Path, user_data_dir: Path
) -> None:
    path = _write(tmp_path / "surrogate.json", _structure(title={"en": "\udfff"}))
    for command in ("validate", "import"):
        out = io.StringIO()
        assert cli.main([command, str(path)], out=out) == cli.EXIT_PROBLEMS
        assert "lone surrogate (U+DFFF)" in out.getvalue()
    assert not (user_data_dir / "library" / "structures" / "my-check-in.json").exists()


def test_the_import_dialog_lists_the_problem_and_the_app_goes_on(
    qtbot: QtBot, tmp_path: Path
) -> None:
    harness = build_harness(qtbot)
    path = _write(tmp_path / "surrogate.json", _structure(title={"en": "a\ud83d"}))
    harness.prompts.files_to_open = [path]
    harness.app.library_actions.ask_import()  # raised past its dialog before
    [lines] = harness.prompts.problems
    assert any("lone surrogate (U+D83D)" in line for line in lines), lines
    assert harness.app.library.library.find_structure("my-check-in") is None


def test_a_surrogate_in_the_library_is_skipped_and_sessions_still_save(
    qtbot: QtBot, user_data_dir: Path
) -> None:
    structures = user_data_dir / "library" / "structures"
    structures.mkdir(parents=True)
    _write(structures / "my-check-in.json", _structure(title={"en": "x\udc00"}))
    harness = build_harness(qtbot)
    assert harness.app.library.library.find_structure("my-check-in") is None
    assert harness.app.start_run("impromptu-networking")
    harness.app.run.start()
    harness.advance(1)
    assert not [n for n in harness.app.notices.notices if n.key == "session-save"]


# --- control characters -------------------------------------------------------------------

CONTROL_TITLES = {
    "\x1b[2J\x1b[HCleared": "an escape character (U+001B) at character 1",
    "Back\x08space": "a backspace (U+0008) at character 5",
    "Nul\x00": "a NUL character (U+0000) at character 4",
    "Forged\nmy-row  Fake  1": "a line break (U+000A) at character 7",
    "Tab\there": "a tab (U+0009) at character 4",
    "C1\x9bcontrol": "a control character (U+009B) at character 3",
}


@pytest.mark.parametrize("title", sorted(CONTROL_TITLES))
def test_a_control_character_in_a_title_is_refused(title: str) -> None:
    [line] = _problems(_structure(title={"en": title}))
    assert line == (
        "hostile.json: title.en: expected a text without control characters, "
        f"got {CONTROL_TITLES[title]}"
    )


def test_line_breaks_are_kept_where_a_field_allows_them() -> None:
    structure = parse_document(_structure(), "fine.json")
    assert structure.summary.in_language("en") == "Two lines\nof summary are fine."
    [line] = _problems(_structure(summary={"en": "Two\x07lines"}))
    assert "a control character (U+0007) at character 4" in line


def test_the_list_skips_a_hostile_file_and_prints_nothing_raw(
    tmp_path: Path, user_data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    structures = user_data_dir / "library" / "structures"
    structures.mkdir(parents=True)
    _write(structures / "my-check-in.json", _structure(title={"en": "\x1b[2JGone\nx  y  1"}))
    out = io.StringIO()
    assert cli.main(["list"], out=out) == cli.EXIT_OK
    printed = out.getvalue() + capsys.readouterr().err
    assert "\x1b" not in printed
    assert "my-check-in" not in out.getvalue()
    assert "skipped structures/my-check-in.json: title.en:" in printed


def test_the_terminal_never_receives_what_is_not_printable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Whatever reaches the command line's tables (here a library built by hand)."""
    built_in = load_library(builtin_library_dir(), builtin_library_dir() / "none")
    structure = built_in.structure("impromptu-networking")
    hostile = type(structure.title)({"en": "Evil\x1b[2J\rrow\nforged\x00"})
    library = Library(built_in.builtin_dir, built_in.user_dir)
    library.entries = {name: {} for name in DOCUMENT_TYPES}
    entry = built_in.entry(DocumentKind.STRUCTURE, structure.id)
    assert entry is not None
    library.entries[DocumentKind.STRUCTURE] = {
        structure.id: type(entry)(
            type(structure)(**{**structure.__dict__, "title": hostile}),
            entry.path,
            entry.origin,
        )
    }
    monkeypatch.setattr(cli, "load_library", lambda: library)
    for command in (["list"], ["show", structure.id]):
        out = io.StringIO()
        assert cli.main(command, out=out) == cli.EXIT_OK
        lines = out.getvalue().splitlines()
        assert all(line.isprintable() for line in lines), lines
        assert any("Evil\\x1b[2J\\rrow\\nforged\\x00" in line for line in lines), lines


# --- ids ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("wanted", "expected"),
    [
        ("abc\n", "expected lowercase letters, digits and hyphens"),
        ("con", "'con' is a name Windows keeps for a device"),
        ("nul", "'nul' is a name Windows keeps for a device"),
        ("aux", "'aux' is a name Windows keeps for a device"),
        ("prn", "'prn' is a name Windows keeps for a device"),
        ("com1", "'com1' is a name Windows keeps for a device"),
        ("lpt9", "'lpt9' is a name Windows keeps for a device"),
    ],
)
def test_an_id_matches_as_a_whole_and_never_names_a_windows_device(
    wanted: str, expected: str
) -> None:
    [line] = _problems(_structure(id=wanted))
    assert line.startswith("hostile.json: id: ")
    assert expected in line


@pytest.mark.parametrize("fine", ["console", "com10", "con-1", "nul-points", "lpt", "a"])
def test_ids_near_the_reserved_names_are_fine(fine: str) -> None:
    assert parse_document(_structure(id=fine), "fine.json").id == fine


def test_a_language_code_and_a_clock_time_match_as_a_whole() -> None:
    problems = v.Problems()
    v.language_code("en\n", "language", problems)
    assert problems.items
    [line] = _problems(_structure(title={"en\n": "Title"}))
    assert "expected a language code" in line


# --- duplicate keys and NaN -----------------------------------------------------------------


def test_a_key_given_twice_is_an_error_naming_the_key(tmp_path: Path) -> None:
    path = tmp_path / "twice.json"
    path.write_text(
        '{"schema_version": 1, "type": "structure", "title": {"en": "A"}, '
        '"id": "x", "title": {"en": "B"}}'
    )
    with pytest.raises(DocumentError) as caught:
        read_json(path)
    assert str(caught.value) == (
        'twice.json: is not valid JSON: the key "title" is given twice in one object; keep one'
    )


@pytest.mark.parametrize(
    ("literal", "expected"),
    [
        ("NaN", "NaN (not a number) is not a number JSON allows, at line 3, column 14"),
        ("-Infinity", "-Infinity (infinite) is not a number JSON allows, at line 3, column 14"),
    ],
)
def test_nan_gets_its_own_message(tmp_path: Path, literal: str, expected: str) -> None:
    path = tmp_path / "nan.json"
    path.write_text('{\n  "title": "NaN in a text is fine",\n  "minutes": ' + literal + "\n}")
    with pytest.raises(DocumentError) as caught:
        read_json(path)
    assert str(caught.value) == f"nan.json: is not valid JSON: {expected}"


def test_a_computed_nan_is_not_called_infinite() -> None:
    assert v.show(float("nan")) == "NaN (not a number)"
    assert v.show(float("inf")) == "an infinite number"


# --- numbers on the command line ------------------------------------------------------------


def _command(*arguments: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "FACILITATOR_DATA_DIR": str(data_dir),
        "PYTHONPATH": str(REPO_ROOT),
        "QT_QPA_PLATFORM": "offscreen",
    }
    return subprocess.run(
        [sys.executable, "-m", "facilitator", *arguments],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


NUMBERS = [
    (["run", "impromptu-networking", "--speed", "nan"], "--speed: expected a number from"),
    (["run", "impromptu-networking", "--speed", "1e-300"], "--speed: expected a number from"),
    (["run", "impromptu-networking", "--speed", "inf"], "--speed: expected a number from"),
    (["run", "impromptu-networking", "--speed", "-2"], "--speed: expected a number from"),
    (["run", "impromptu-networking", "--fit", "1e308"], "--fit: expected a number greater than 0"),
    (["show", "impromptu-networking", "--fit", "1e308"], "--fit: expected a number greater than 0"),
    (["show", "impromptu-networking", "--fit", "nan"], "--fit: expected a number greater than 0"),
    (["show", "impromptu-networking", "--fit=-inf"], "--fit: expected a number greater than 0"),
    (["run", "impromptu-networking", "--screen", "99999999999999999999"], "--screen: expected"),
    (["groups", "names.txt", "--size", "2", "--rounds", "1000000000"], "--rounds: expected"),
    (["groups", "names.txt", "--size", "2", "--rounds", "2", "--seconds", "1e308"], "--seconds"),
]


@pytest.mark.parametrize(("arguments", "expected"), NUMBERS, ids=[" ".join(a) for a, _ in NUMBERS])
def test_numeric_options_are_checked_with_a_one_line_message(
    tmp_path: Path, user_data_dir: Path, arguments: list[str], expected: str
) -> None:
    (tmp_path / "names.txt").write_text("Ann\nBob\nCy\nDee\n")
    arguments = [str(tmp_path / a) if a == "names.txt" else a for a in arguments]
    try:
        done = _command(*arguments, data_dir=user_data_dir)
    except subprocess.TimeoutExpired:
        pytest.fail("the command went on with the number (the app opened, or it ran on)")
    assert done.returncode == cli.EXIT_USAGE, done.stderr
    assert done.stdout == ""
    [line] = done.stderr.splitlines()
    assert line.startswith(f"facilitator {arguments[0]}: {expected}"), line


def test_fitting_refuses_a_length_beyond_a_day_without_overflowing() -> None:
    structure = load_library(builtin_library_dir(), builtin_library_dir() / "none").structure(
        "impromptu-networking"
    )
    for minutes in (1e308, 24 * 60 + 1, float("nan")):
        with pytest.raises(FitError, match="minutes"):
            fit_structure(structure, minutes)
