"""Preferences: defaults in one place, saved atomically, forgiving when hand-edited."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from facilitator.core.settings.preferences import (
    BellMode,
    Preferences,
    Theme,
    load_preferences,
    preferences_path,
    save_preferences,
)

if TYPE_CHECKING:
    from pathlib import Path


def test_no_file_gives_the_defaults(user_data_dir: Path) -> None:
    preferences, problems = load_preferences()
    assert preferences == Preferences()
    assert problems == []
    assert preferences.sound.sound_for("speaker_swap") == "chime"
    assert preferences.sound.sound_for("round_start") == "tingsha"


def test_saved_preferences_come_back(user_data_dir: Path) -> None:
    chosen = Preferences(
        language="nl", theme=Theme.HIGH_CONTRAST, text_scale=1.3, warning_seconds=45
    ).with_sound(mode=BellMode.VISUAL, volume=0.5, sounds={"end": "none"})
    save_preferences(chosen)
    loaded, problems = load_preferences()
    assert problems == []
    assert loaded.language == "nl"
    assert loaded.theme is Theme.HIGH_CONTRAST
    assert loaded.sound.mode is BellMode.VISUAL
    assert loaded.sound.volume == 0.5
    assert loaded.sound.sound_for("end") == "none"
    assert loaded.sound.sound_for("speaker_swap") == "chime", "unlisted cues keep their default"


def test_a_bad_value_falls_back_to_its_default_and_is_reported(user_data_dir: Path) -> None:
    path = preferences_path()
    path.parent.mkdir(parents=True)
    path.write_text(
        json.dumps(
            {
                "theme": "purple",
                "text_scale": 1.2,
                "colour": "x",
                "sound": {"volume": 7, "mode": "visual"},
            }
        )
    )
    loaded, problems = load_preferences()
    assert loaded.theme is Theme.DARK
    assert loaded.text_scale == 1.2
    assert loaded.sound.volume == 0.8
    assert loaded.sound.mode is BellMode.VISUAL
    lines = [str(p) for p in problems]
    assert any("theme" in line and "purple" in line for line in lines)
    assert any("colour" in line and "unknown field" in line for line in lines)
    assert any("sound.volume" in line for line in lines)


def test_a_broken_file_gives_defaults_and_one_clear_line(user_data_dir: Path) -> None:
    path = preferences_path()
    path.parent.mkdir(parents=True)
    path.write_text("{ not json")
    loaded, problems = load_preferences()
    assert loaded == Preferences()
    assert len(problems) == 1
    assert "not valid JSON" in str(problems[0])
