"""The warning time: a structure's or a step's own value wins over the preference.

A structure (or one of its steps) may say `"warning_seconds": 0`: no warning. The run used
to pass the preference (30 s) down as an override, so the warning rang anyway while
`facilitator show --json` said there was none. Now the file's own value wins wherever it
gives one, the preference applies where it gives none, and the timeline the command line
prints is the one the run rings.
"""

from __future__ import annotations

import io
import json
from typing import TYPE_CHECKING, Any

import pytest

from facilitator import cli
from facilitator.core.documents.registry import parse_document
from facilitator.core.settings.preferences import Preferences, save_preferences
from facilitator.core.timing.timeline import build_timeline
from facilitator.core.workshop.structures import Structure
from tests.app_harness import build_harness

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot


def _structure(structure_warning: int | None, step_warning: int | None) -> dict[str, Any]:
    first: dict[str, Any] = {"id": "a", "title": {"en": "A"}, "group": "alone", "minutes": 3}
    if step_warning is not None:
        first["warning_seconds"] = step_warning
    document: dict[str, Any] = {
        "schema_version": 1,
        "type": "structure",
        "id": "quiet-one",
        "title": {"en": "Quiet one"},
        "steps": [first, {"id": "b", "title": {"en": "B"}, "group": "pairs", "minutes": 3}],
    }
    if structure_warning is not None:
        document["warning_seconds"] = structure_warning
    return document


def _warnings(document: dict[str, Any], preference: int) -> list[int | None]:
    structure = parse_document(document, "quiet-one.json")
    assert isinstance(structure, Structure)
    built = build_timeline(structure, None, "en", warning_seconds=preference)
    return [segment.warning_seconds for segment in built.segments]


@pytest.mark.parametrize(
    ("structure_warning", "step_warning", "expected"),
    [
        (0, None, [None, None]),  # the structure says: no warning
        (None, 0, [None, 45]),  # the first step says so; the second takes the preference
        (20, None, [20, 20]),  # the structure's own time
        (20, 0, [None, 20]),
        (0, 60, [60, None]),
        (None, None, [45, 45]),  # the file gives none: the preference
    ],
)
def test_the_files_own_warning_wins_over_the_preference(
    structure_warning: int | None, step_warning: int | None, expected: list[int | None]
) -> None:
    assert _warnings(_structure(structure_warning, step_warning), preference=45) == expected


def test_a_structure_without_its_own_warning_keeps_none_when_saved() -> None:
    structure = parse_document(_structure(None, None), "quiet-one.json")
    assert isinstance(structure, Structure)
    assert structure.warning_seconds is None
    explicit = parse_document(_structure(30, None), "quiet-one.json")
    assert isinstance(explicit, Structure)
    assert explicit.warning_seconds == 30, "an explicit 30 is the file's own, kept as given"


def test_the_run_and_the_timeline_json_agree(
    qtbot: QtBot, user_data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = user_data_dir / "library" / "structures"
    folder.mkdir(parents=True)
    (folder / "quiet-one.json").write_text(json.dumps(_structure(0, None)), encoding="utf-8")
    save_preferences(Preferences(warning_seconds=45), user_data_dir)
    out = io.StringIO()
    assert cli.main(["show", "quiet-one", "--json"], out=out) == cli.EXIT_OK
    shown = json.loads(out.getvalue())
    assert [segment["warning_seconds"] for segment in shown["segments"]] == [None, None]

    harness = build_harness(qtbot)
    assert harness.app.start_run("quiet-one")
    harness.app.run.start()
    warnings: list[str] = []
    harness.app.run.warningDue.connect(lambda: warnings.append("warning"))
    for _ in range(3):
        harness.advance(60)
    assert warnings == [], "no warning rings where the file says none"
    assert "warning" not in harness.player.played
    run_segments = harness.app.run.session.timeline.to_json()["segments"]
    assert run_segments == shown["segments"]


def test_the_preference_reaches_the_timeline_json_where_the_file_gives_none(
    user_data_dir: Path,
) -> None:
    folder = user_data_dir / "library" / "structures"
    folder.mkdir(parents=True)
    (folder / "quiet-one.json").write_text(json.dumps(_structure(None, 0)), encoding="utf-8")
    save_preferences(Preferences(warning_seconds=45), user_data_dir)
    out = io.StringIO()
    assert cli.main(["show", "quiet-one", "--json"], out=out) == cli.EXIT_OK
    segments = json.loads(out.getvalue())["segments"]
    assert [segment["warning_seconds"] for segment in segments] == [None, 45]
