"""The facilitator's preferences: typed, with every default in one place.

Preferences are choices a facilitator makes on purpose (language, theme, bells).
Window geometry and last-used choices are UI state, kept apart in `ui_state.py`.
Reading is forgiving: a value that is missing or wrong falls back to its default
and is reported, so a hand-edited file never stops the app from starting.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from facilitator.core.files import validation as v
from facilitator.core.files.jsonio import write_json
from facilitator.core.files.paths import user_data_dir
from facilitator.core.settings.settings_file import read_settings, snapshot, write_settings
from facilitator.core.timing.events import AdvanceMode
from facilitator.core.workshop.structures import Moment

if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path

    from facilitator.core.files.problems import Problem

PREFERENCES_FILE = "preferences.json"


class Theme(StrEnum):
    """The look of the projector card."""

    DARK = "dark"
    LIGHT = "light"
    HIGH_CONTRAST = "high_contrast"


class BellMode(StrEnum):
    """How moments are marked in the room."""

    SOUND = "sound"
    """The app rings its bells."""
    PHYSICAL = "physical"
    """No sound: the facilitator rings a real tingsha when the console says so."""
    VISUAL = "visual"
    """No sound: the projector card flashes instead."""


BUILT_IN_SOUNDS = ("tingsha", "chime", "strike", "warning", "end")
SILENT = "none"
CUSTOM_PREFIX = "file:"
"""A sound value starting with this names the facilitator's own WAV file."""

DEFAULT_SOUNDS: Mapping[str, str] = {
    Moment.STEP_START.value: "tingsha",
    Moment.ROUND_START.value: "tingsha",
    Moment.SPEAKER_SWAP.value: "chime",
    Moment.PHASE_CHANGE.value: "chime",
    Moment.TURN_BACK.value: "strike",
    Moment.WARNING.value: "warning",
    Moment.TRANSITION.value: "tingsha",
    Moment.END.value: "end",
}
"""Which sound marks each kind of cue, unless the facilitator chooses otherwise."""


@dataclass(frozen=True)
class SoundPreferences:
    """How the bells sound: mode, loudness, device and the sound for each cue."""

    mode: BellMode = BellMode.SOUND
    volume: float = 0.8
    muted: bool = False
    device: str = ""
    """The chosen output device's id; empty means the system default."""
    sounds: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_SOUNDS))

    def __hash__(self) -> int:
        return hash(
            (self.mode, self.volume, self.muted, self.device, tuple(sorted(self.sounds.items())))
        )

    def sound_for(self, cue: str) -> str:
        """The sound for a cue: a built-in name, `file:PATH`, or `none`."""
        return self.sounds.get(cue, DEFAULT_SOUNDS.get(cue, SILENT))


@dataclass(frozen=True)
class Preferences:
    """Everything the facilitator chooses in the preferences dialog."""

    language: str = ""
    """The interface and content language; empty follows the system."""
    theme: Theme = Theme.DARK
    text_scale: float = 1.0
    """Size of the card's text relative to the fitted size, from 0.6 to 1.6."""
    flash: bool = True
    """Whether the card flashes briefly at the warning and in overrun."""
    advance_mode: AdvanceMode = AdvanceMode.AUTO
    time_up_on_card: bool = False
    """In manual advance, whether the room sees a calm "Time is up" when a part runs over
    (else the card's clock simply stops at 0:00 until Next)."""
    warning_seconds: int = 30
    projector_screen: str = ""
    """The name of the screen for the card; empty picks the first one that is not the console's."""
    sound: SoundPreferences = field(default_factory=SoundPreferences)

    def with_sound(self, **changes: Any) -> Preferences:
        """A copy with some sound preferences changed."""
        return dataclasses.replace(self, sound=dataclasses.replace(self.sound, **changes))


def _sound_value(value: Any, path: str, problems: v.Problems) -> Any:
    if value in BUILT_IN_SOUNDS or value == SILENT:
        return value
    if (
        isinstance(value, str)
        and value.startswith(CUSTOM_PREFIX)
        and len(value) > len(CUSTOM_PREFIX)
    ):
        return value
    problems.add(
        path,
        f"expected one of {', '.join(BUILT_IN_SOUNDS)}, none or file:PATH, got {v.show(value)}",
    )
    return v.INVALID


def _read_sound(data: Any, problems: v.Problems) -> SoundPreferences:
    defaults = SoundPreferences()
    fields = v.FieldReader(data, "sound", problems)
    sounds = fields.take(
        "sounds", v.mapping(v.choice(Moment), _sound_value, noun="sounds"), default={}
    )
    values = {
        "mode": fields.take("mode", v.choice(BellMode), default=defaults.mode),
        "volume": fields.take("volume", v.number(minimum=0, maximum=1), default=defaults.volume),
        "muted": fields.take("muted", v.boolean, default=defaults.muted),
        "device": fields.take(
            "device", v.text(max_length=500, allow_empty=True), default=defaults.device
        ),
        "sounds": {**DEFAULT_SOUNDS, **{m.value: s for m, s in (sounds or {}).items()}}
        if sounds is not v.INVALID
        else dict(DEFAULT_SOUNDS),
    }
    fields.finish()
    return SoundPreferences(**_keep_valid(values, defaults))


def _keep_valid(values: dict[str, Any], defaults: Any) -> dict[str, Any]:
    return {
        key: getattr(defaults, key) if value is v.INVALID else value
        for key, value in values.items()
    }


def preferences_from_document(data: Any) -> tuple[Preferences, list[tuple[str, str]]]:
    """Preferences from JSON, falling back to defaults field by field; and the problems."""
    problems = v.Problems()
    defaults = Preferences()
    fields = v.FieldReader(data, "", problems)
    fields.accept("schema_version")
    values = {
        "language": fields.take(
            "language", v.text(max_length=12, allow_empty=True), default=defaults.language
        ),
        "theme": fields.take("theme", v.choice(Theme), default=defaults.theme),
        "text_scale": fields.take(
            "text_scale", v.number(minimum=0.6, maximum=1.6), default=defaults.text_scale
        ),
        "flash": fields.take("flash", v.boolean, default=defaults.flash),
        "advance_mode": fields.take(
            "advance_mode", v.choice(AdvanceMode), default=defaults.advance_mode
        ),
        "time_up_on_card": fields.take(
            "time_up_on_card", v.boolean, default=defaults.time_up_on_card
        ),
        "warning_seconds": fields.take(
            "warning_seconds", v.integer(minimum=0, maximum=600), default=defaults.warning_seconds
        ),
        "projector_screen": fields.take(
            "projector_screen",
            v.text(max_length=200, allow_empty=True),
            default=defaults.projector_screen,
        ),
    }
    sound = _read_sound(data["sound"], problems) if fields.ok and "sound" in data else None
    fields.accept("sound")
    fields.finish()
    preferences = Preferences(**_keep_valid(values, defaults), sound=sound or SoundPreferences())
    return preferences, problems.items


def preferences_to_document(preferences: Preferences) -> dict[str, Any]:
    """The JSON form of the preferences."""
    sound = preferences.sound
    return {
        "schema_version": 1,
        "language": preferences.language,
        "theme": preferences.theme.value,
        "text_scale": preferences.text_scale,
        "flash": preferences.flash,
        "advance_mode": preferences.advance_mode.value,
        "time_up_on_card": preferences.time_up_on_card,
        "warning_seconds": preferences.warning_seconds,
        "projector_screen": preferences.projector_screen,
        "sound": {
            "mode": sound.mode.value,
            "volume": sound.volume,
            "muted": sound.muted,
            "device": sound.device,
            "sounds": dict(sorted(sound.sounds.items())),
        },
    }


def preferences_path(folder: Path | None = None) -> Path:
    """Where the preferences are stored."""
    return (folder or user_data_dir()) / PREFERENCES_FILE


def load_preferences(folder: Path | None = None) -> tuple[Preferences, list[Problem]]:
    """The saved preferences (defaults when there are none) and any problems found."""
    return read_settings(
        preferences_path(folder),
        Preferences(),
        preferences_from_document,
        instead="using the default",
    )


def save_preferences(preferences: Preferences, folder: Path | None = None) -> None:
    """Save the preferences atomically (SaveError with a plain message on failure)."""
    write_json(preferences_path(folder), preferences_to_document(preferences))


def save_preferences_merged(
    preferences: Preferences, folder: Path | None, base: Any
) -> tuple[Preferences, Any]:
    """Save this window's preferences over another window's changes since `base` was read.

    Returns the preferences now on disk (with the other window's changes) and the document
    written, the `base` of the next save. SaveError with a plain message on failure.
    """
    path = preferences_path(folder)
    written = write_settings(path, preferences_to_document(preferences), base)
    merged, _problems = preferences_from_document(written)
    return merged, written


def preferences_snapshot(folder: Path | None = None) -> Any:
    """The preferences file's content now, for a later merged save."""
    return snapshot(preferences_path(folder))
