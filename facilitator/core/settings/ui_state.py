"""UI state: what the app remembers without being asked (not preferences).

Window geometry, the question set last chosen for each structure, the last fitted
length and the last folders used for import and export. Reading is forgiving:
anything missing or wrong is left out and reported, and the app starts anyway.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from facilitator.core.files import validation as v
from facilitator.core.files.jsonio import write_json
from facilitator.core.files.paths import user_data_dir
from facilitator.core.settings.settings_file import read_settings, snapshot, write_settings

if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path

    from facilitator.core.files.problems import Problem

UI_STATE_FILE = "ui-state.json"
UI_STATE_VERSION = 1
MAX_GEOMETRY_CHARS = 20_000


@dataclass(frozen=True)
class UiState:
    """What the app remembers between starts."""

    geometry: Mapping[str, str] = field(default_factory=dict)
    """Per window name, Qt's saved geometry as base64 text."""
    question_sets: Mapping[str, str] = field(default_factory=dict)
    """Per structure id, the id of the question set chosen last."""
    fit_minutes: Mapping[str, float] = field(default_factory=dict)
    """Per structure id, the length it was last fitted to."""
    export_folder: str = ""
    import_folder: str = ""

    def __post_init__(self) -> None:
        for name in ("geometry", "question_sets", "fit_minutes"):
            object.__setattr__(self, name, dict(getattr(self, name)))

    def __hash__(self) -> int:
        return hash((self.export_folder, self.import_folder))

    def with_geometry(self, window: str, encoded: str) -> UiState:
        """A copy remembering one window's geometry."""
        return dataclasses.replace(self, geometry={**self.geometry, window: encoded})

    def with_question_set(self, structure_id: str, set_id: str) -> UiState:
        """A copy remembering the set chosen for a structure."""
        return dataclasses.replace(self, question_sets={**self.question_sets, structure_id: set_id})

    def with_fit(self, structure_id: str, minutes: float | None) -> UiState:
        """A copy remembering (or, with None, forgetting) a structure's fitted length."""
        fits = {**self.fit_minutes}
        if minutes is None:
            fits.pop(structure_id, None)
        else:
            fits[structure_id] = minutes
        return dataclasses.replace(self, fit_minutes=fits)


def _lenient_mapping(check: v.Check, noun: str) -> v.Check:
    """A mapping check that keeps the good entries and reports the bad ones."""

    def read(value: Any, path: str, problems: v.Problems) -> Any:
        if not isinstance(value, dict):
            problems.add(path, f"expected an object of {noun}, got {v.show(value)}")
            return v.INVALID
        result = {}
        for key, entry in value.items():
            parsed = check(entry, v.child(path, key), problems)
            if parsed is not v.INVALID and isinstance(key, str):
                result[key] = parsed
        return result

    return read


def ui_state_from_document(data: Any) -> tuple[UiState, list[tuple[str, str]]]:
    """UI state from JSON, keeping what is readable; and the problems found."""
    problems = v.Problems()
    fields = v.FieldReader(data, "", problems)
    fields.accept("schema_version")
    values = {
        "geometry": fields.take(
            "geometry",
            _lenient_mapping(v.text(max_length=MAX_GEOMETRY_CHARS), "geometries"),
            default={},
        ),
        "question_sets": fields.take(
            "question_sets", _lenient_mapping(v.identifier, "question set ids"), default={}
        ),
        "fit_minutes": fields.take(
            "fit_minutes", _lenient_mapping(v.number(above=0, maximum=1440), "lengths"), default={}
        ),
        "export_folder": fields.take(
            "export_folder", v.text(max_length=4000, allow_empty=True), default=""
        ),
        "import_folder": fields.take(
            "import_folder", v.text(max_length=4000, allow_empty=True), default=""
        ),
    }
    fields.finish()
    defaults = UiState()
    kept = {
        key: getattr(defaults, key) if value is v.INVALID else value
        for key, value in values.items()
    }
    return UiState(**kept), problems.items


def ui_state_to_document(state: UiState) -> dict[str, Any]:
    """The JSON form of the UI state."""
    return {
        "schema_version": UI_STATE_VERSION,
        "geometry": dict(sorted(state.geometry.items())),
        "question_sets": dict(sorted(state.question_sets.items())),
        "fit_minutes": dict(sorted(state.fit_minutes.items())),
        "export_folder": state.export_folder,
        "import_folder": state.import_folder,
    }


def ui_state_path(folder: Path | None = None) -> Path:
    """Where the UI state is stored."""
    return (folder or user_data_dir()) / UI_STATE_FILE


def load_ui_state(folder: Path | None = None) -> tuple[UiState, list[Problem]]:
    """The remembered UI state (empty when there is none) and any problems found."""
    return read_settings(
        ui_state_path(folder), UiState(), ui_state_from_document, instead="ignored"
    )


def save_ui_state(state: UiState, folder: Path | None = None) -> None:
    """Save the UI state atomically (SaveError with a plain message on failure)."""
    write_json(ui_state_path(folder), ui_state_to_document(state))


def save_ui_state_merged(state: UiState, folder: Path | None, base: Any) -> tuple[UiState, Any]:
    """Save this window's UI state over another window's changes since `base`; see preferences."""
    written = write_settings(ui_state_path(folder), ui_state_to_document(state), base)
    merged, _problems = ui_state_from_document(written)
    return merged, written


def ui_state_snapshot(folder: Path | None = None) -> Any:
    """The UI state file's content now, for a later merged save."""
    return snapshot(ui_state_path(folder))
