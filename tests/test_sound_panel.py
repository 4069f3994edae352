"""The sound panel changes the sound preferences and says plainly when sound is unavailable."""

from __future__ import annotations

import math
import wave
from array import array
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt

from facilitator.core.settings.preferences import (
    DEFAULT_SOUNDS,
    BellMode,
    Preferences,
    SoundPreferences,
)
from facilitator.core.settings.sounds import custom_sound_value
from facilitator.models.bells import CueRouter
from facilitator.models.preferences_model import PreferencesModel
from facilitator.models.run_model import RunModel
from facilitator.platform.audio import FakeBellPlayer
from facilitator.ui.sound_panel import CHOOSE_FILE, SoundPanel

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot


def write_tone(path: Path, *, seconds: float, rate: int = 48_000) -> Path:
    """A 16-bit mono WAV file of a 440 Hz tone at half scale."""
    frames = round(seconds * rate)
    tone = array(
        "h", (round(16_000 * math.sin(2 * math.pi * 440 * n / rate)) for n in range(frames))
    )
    with wave.open(str(path), "wb") as wav_file:
        wav_file.setnchannels(1)
        wav_file.setsampwidth(2)
        wav_file.setframerate(rate)
        wav_file.writeframes(tone.tobytes())
    return path


class Console:
    """A sound panel on a preferences model, a router and a fake player."""

    def __init__(self, qtbot: QtBot, *, chosen_file: str = "") -> None:
        self.preferences = PreferencesModel(Preferences(), persist=False)
        self.player = FakeBellPlayer()
        self.router = CueRouter(RunModel(), self.preferences, self.player)
        self.chosen_file = chosen_file
        self.panel = SoundPanel(
            self.preferences, self.router, choose_file=lambda _parent: self.chosen_file
        )
        qtbot.addWidget(self.panel)

    @property
    def sound(self) -> SoundPreferences:
        """The sound preferences now."""
        return self.preferences.value.sound

    def pick(self, cue: str, data: str) -> None:
        combo = self.panel.sounds[cue]
        combo.setCurrentIndex(combo.findData(data))


def test_the_panel_shows_the_current_preferences(qtbot: QtBot) -> None:
    console = Console(qtbot)
    panel = console.panel
    assert panel.mode.currentData() == BellMode.SOUND
    assert panel.volume.value() == 80
    assert not panel.mute.isChecked()
    assert panel.device.currentData() == ""
    assert [panel.device.itemText(i) for i in range(panel.device.count())] == [
        "System default",
        "Built-in speakers",
    ]
    assert panel.sounds["speaker_swap"].currentData() == "chime"
    assert panel.sounds["end"].currentData() == "end"
    assert panel.status.isHidden()


def test_bell_mode_volume_and_mute_change_the_preferences(qtbot: QtBot) -> None:
    console = Console(qtbot)
    console.panel.mode.setCurrentIndex(console.panel.mode.findData(BellMode.PHYSICAL))
    assert console.sound.mode is BellMode.PHYSICAL
    console.panel.mode.setCurrentIndex(console.panel.mode.findData(BellMode.VISUAL))
    assert console.sound.mode is BellMode.VISUAL
    console.panel.volume.setValue(35)
    assert console.sound.volume == 0.35
    assert console.player.volume == 0.35
    console.panel.mute.click()
    assert console.sound.muted
    assert console.player.muted


def test_the_output_device_is_remembered_and_the_list_follows_the_devices(qtbot: QtBot) -> None:
    console = Console(qtbot)
    console.player.plug("usb", "USB speaker")
    assert console.panel.device.findData("usb") >= 0, "the list refreshes by itself"
    console.panel.device.setCurrentIndex(console.panel.device.findData("usb"))
    assert console.sound.device == "usb"
    assert console.player.device == "usb"
    console.player.unplug("usb")
    assert console.panel.device.currentText() == "usb (not connected)"
    assert console.sound.device == "usb", "pulling the speaker out does not change the choice"
    assert "“USB speaker” is not connected" in console.panel.status.text()


def test_the_test_button_rings_the_tingsha(qtbot: QtBot) -> None:
    console = Console(qtbot)
    qtbot.mouseClick(console.panel.test_button, Qt.MouseButton.LeftButton)
    assert console.player.played == ["tingsha"]


def test_testing_while_muted_says_so(qtbot: QtBot) -> None:
    console = Console(qtbot)
    console.panel.mute.setChecked(True)
    qtbot.mouseClick(console.panel.test_button, Qt.MouseButton.LeftButton)
    assert console.player.played == []
    assert "muted" in console.panel.status.text()


def test_a_cue_can_use_another_bell_or_none(qtbot: QtBot) -> None:
    console = Console(qtbot)
    console.pick("round_start", "chime")
    console.pick("warning", "none")
    assert console.sound.sound_for("round_start") == "chime"
    assert console.sound.sound_for("warning") == "none"
    assert console.sound.sound_for("end") == DEFAULT_SOUNDS["end"]


def test_an_own_wav_file_is_checked_and_chosen(
    qtbot: QtBot, tmp_path: Path, user_data_dir: Path
) -> None:
    bell = write_tone(tmp_path / "gong.wav", seconds=1.0)
    console = Console(qtbot, chosen_file=str(bell))
    console.pick("transition", CHOOSE_FILE)
    # The bell rings a copy made for it in the data folder (core/settings/sound_import.py).
    stored = user_data_dir / "sounds" / "gong.wav"
    assert console.sound.sound_for("transition") == custom_sound_value(stored)
    combo = console.panel.sounds["transition"]
    assert combo.currentText() == "Own file: gong.wav"
    assert console.player.sounds[custom_sound_value(stored)] == stored


def test_a_bad_file_is_refused_with_a_clear_message(qtbot: QtBot, tmp_path: Path) -> None:
    bad = tmp_path / "bell.mp3"
    bad.write_bytes(b"ID3" + b"\x00" * 200)
    console = Console(qtbot, chosen_file=str(bad))
    console.pick("transition", CHOOSE_FILE)
    assert console.sound.sound_for("transition") == "tingsha", "nothing changed"
    assert console.panel.sounds["transition"].currentData() == "tingsha"
    assert console.panel.status.text().startswith("bell.mp3 is not a sound file the app can read")
    assert console.panel.status.textFormat() == Qt.TextFormat.PlainText


def test_cancelling_the_file_dialog_keeps_the_sound(qtbot: QtBot) -> None:
    console = Console(qtbot, chosen_file="")
    console.pick("end", CHOOSE_FILE)
    assert console.sound.sound_for("end") == "end"
    assert console.panel.sounds["end"].currentData() == "end"


def test_the_status_says_plainly_when_sound_is_unavailable_and_when_it_is_back(
    qtbot: QtBot,
) -> None:
    console = Console(qtbot)
    console.player.unplug("speakers")
    assert console.panel.status.isVisibleTo(console.panel)
    assert console.panel.status.text() == (
        "Sound is unavailable: The sound output was disconnected, and no other one was found."
    )
    console.player.plug("speakers", "Built-in speakers")
    assert console.panel.status.text() == ""


@pytest.mark.parametrize(
    "cue", ["step_start", "round_start", "speaker_swap", "phase_change", "turn_back", "warning"]
)
def test_every_kind_of_cue_has_its_own_sound_choice(qtbot: QtBot, cue: str) -> None:
    console = Console(qtbot)
    combo = console.panel.sounds[cue]
    items = [combo.itemData(i) for i in range(combo.count())]
    assert items == ["tingsha", "chime", "strike", "warning", "end", "none", CHOOSE_FILE]


def test_each_cue_offers_the_built_in_sounds_by_name_then_none(qtbot: QtBot) -> None:
    console = Console(qtbot)
    combo = console.panel.sounds["end"]
    offered = [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())]
    assert offered == [
        ("Tingsha", "tingsha"),
        ("Chime", "chime"),
        ("Soft strike", "strike"),
        ("Warning tones", "warning"),
        ("End signal (three strikes)", "end"),
        ("None", "none"),
        ("Your own sound file…", CHOOSE_FILE),
    ]
