"""The cue router: each cue rings, flashes or prompts as preferred, and sound trouble is plain."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from facilitator.core.files.paths import asset_path
from facilitator.core.sessions.record import Session, SessionSpec
from facilitator.core.settings.preferences import DEFAULT_SOUNDS, BellMode, Preferences
from facilitator.core.settings.sounds import custom_sound_value
from facilitator.core.timing.clock import FakeClock
from facilitator.models.bells import CueRouter
from facilitator.models.preferences_model import PreferencesModel
from facilitator.models.run_model import RunModel
from facilitator.platform.audio import FakeBellPlayer
from tests.audio_probe import expected_cues
from tests.factories import timeline
from tests.test_sound_files import write_wav

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from facilitator.core.timing.timeline import Timeline


def _run_to_the_end(rig: Rig) -> None:
    """Step the fake clock to each next moment of the run and let the model catch up."""
    assert rig.run.session is not None
    sequencer = rig.run.session.sequencer
    for _moment in range(10_000):
        wait = sequencer.seconds_until_next_moment()
        if wait is None:
            return
        rig.clock.advance(wait)
        rig.run.poll()
    raise AssertionError("the run never came to an end")


class Rig:
    """A run model, preferences, a fake player and the router between them."""

    def __init__(
        self, preferences: Preferences | None = None, player: FakeBellPlayer | None = None
    ):
        self.run = RunModel()
        self.preferences = PreferencesModel(preferences or Preferences(), persist=False)
        self.player = player or FakeBellPlayer()
        self.clock = FakeClock()
        self.router = CueRouter(self.run, self.preferences, self.player, clock=self.clock)

    def load(self, plan: Timeline | None = None) -> None:
        """Load a session on the fake clock."""
        spec = SessionSpec("structure", "pairs-test", "en")
        self.run.load(Session.start_new(spec, plan or timeline(), self.clock))


def test_a_whole_rehearsal_rings_every_cue_with_its_sound(qtbot: QtBot) -> None:
    rig = Rig()
    plan = timeline()
    rig.load(plan)
    # The fake clock goes from moment to moment as the run's timer would, however busy the
    # machine (the real timer is heard in tests/test_real_audio.py).
    with qtbot.waitSignal(rig.run.finished, timeout=1000):
        rig.run.start()
        _run_to_the_end(rig)
    cues = expected_cues(plan)
    assert "warning" in cues
    assert "speaker_swap" in cues
    assert cues[-1] == "end"
    assert rig.player.played == [DEFAULT_SOUNDS[cue] for cue in cues]
    assert [sound for sound, _ in rig.router.play_log] == rig.player.played


def test_sound_mode_plays_the_preferred_sound_for_each_kind_of_cue(qtbot: QtBot) -> None:
    rig = Rig()
    rig.load()
    with qtbot.waitSignal(rig.router.played) as blocker:
        rig.run.start()
    assert blocker.args == ["tingsha", rig.clock.now]
    rig.run.jump(3)  # a speaker swap
    assert rig.player.played == ["tingsha", "chime"]


def test_visual_mode_flashes_the_card_and_stays_silent(qtbot: QtBot) -> None:
    rig = Rig(Preferences().with_sound(mode=BellMode.VISUAL))
    rig.load()
    with qtbot.waitSignal(rig.router.flashRequested) as blocker:
        rig.run.start()
    assert blocker.args == ["step_start"]
    assert rig.player.played == []
    assert rig.player.unheard == []


def test_physical_mode_asks_the_facilitator_to_ring(qtbot: QtBot) -> None:
    rig = Rig(Preferences().with_sound(mode=BellMode.PHYSICAL))
    rig.load()
    with (
        qtbot.waitSignal(rig.router.ringNow) as blocker,
        qtbot.assertNotEmitted(rig.router.flashRequested),
    ):
        rig.run.start()
    assert blocker.args == ["step_start"]
    assert rig.player.played == []


def test_muted_or_silent_cues_play_nothing_and_do_not_flash(qtbot: QtBot) -> None:
    rig = Rig(Preferences().with_sound(muted=True))
    rig.load()
    with qtbot.assertNotEmitted(rig.router.flashRequested):
        rig.run.start()
    assert rig.player.played == []
    assert rig.player.muted
    rig.preferences.update_sound(muted=False, sounds={**DEFAULT_SOUNDS, "transition": "none"})
    rig.run.next()  # a transition, silenced
    rig.run.next()  # a round start
    assert rig.player.played == ["tingsha"]


def test_two_cues_in_quick_succession_are_both_played(qtbot: QtBot) -> None:
    rig = Rig()
    rig.load()
    rig.run.start()
    rig.run.next()
    rig.run.next()
    assert rig.player.played == ["tingsha", "tingsha", "tingsha"]
    assert len(rig.router.play_log) == 3


def test_a_lost_device_falls_back_to_flashing_with_one_message(qtbot: QtBot) -> None:
    rig = Rig()
    rig.load()
    rig.run.start()
    with qtbot.waitSignal(rig.router.soundUnavailable) as blocker:
        rig.player.unplug("speakers")
    assert "disconnected" in blocker.args[0]
    messages: list[str] = []
    rig.router.soundUnavailable.connect(messages.append)
    with qtbot.waitSignal(rig.router.flashRequested) as flash:
        rig.run.next()
    assert flash.args == ["transition"]
    rig.run.next()
    rig.player.fail("Still broken.")
    assert messages == [], "one message per outage"
    assert rig.player.played == ["tingsha"]

    with qtbot.waitSignal(rig.router.soundRestored):
        rig.player.plug("speakers", "Built-in speakers")
    rig.run.next()
    assert rig.player.played == ["tingsha", "chime"]

    with qtbot.waitSignal(rig.router.soundUnavailable):
        rig.player.fail()  # a new outage is reported again


def test_no_sound_output_at_start_is_reported_once_the_console_listens(qtbot: QtBot) -> None:
    rig = Rig(player=FakeBellPlayer(devices=[]))
    messages: list[str] = []
    rig.router.soundUnavailable.connect(messages.append)
    qtbot.waitUntil(lambda: messages != [])
    assert messages == ["No sound output was found (no sound server is running)."]
    assert not rig.router.available
    assert rig.router.unavailable_reason == messages[0]
    rig.load()
    with qtbot.waitSignal(rig.router.flashRequested):
        rig.run.start()
    assert messages == [messages[0]]


def test_a_saved_device_missing_at_start_is_reported_once_the_console_listens(
    qtbot: QtBot,
) -> None:
    rig = Rig(Preferences().with_sound(device="usb"))
    with qtbot.waitSignal(rig.router.soundUnavailable) as blocker:
        pass
    assert blocker.args == ["The sound output “usb” is not connected."]


def test_preference_changes_reach_the_player() -> None:
    rig = Rig()
    assert rig.player.volume == 0.8
    assert not rig.player.muted
    assert rig.player.device == ""
    rig.preferences.update_sound(volume=0.3)
    rig.preferences.update_sound(muted=True)
    assert (rig.player.volume, rig.player.muted) == (0.3, True)
    rig.player.plug("usb", "USB speaker")
    rig.preferences.update_sound(device="usb")
    assert rig.player.device == "usb"
    assert rig.router.available
    assert ("usb", "USB speaker") in rig.router.devices()


def test_a_chosen_device_that_is_missing_makes_sound_unavailable(qtbot: QtBot) -> None:
    rig = Rig()
    rig.player.plug("usb", "USB speaker")
    rig.preferences.update_sound(device="usb")
    with qtbot.waitSignal(rig.router.soundUnavailable) as blocker:
        rig.player.unplug("usb")
    assert blocker.args == ["The sound output “USB speaker” is not connected."]
    with qtbot.waitSignal(rig.router.soundRestored):
        rig.player.plug("usb", "USB speaker")


def test_the_bells_are_loaded_once_with_every_sound_needed() -> None:
    rig = Rig()
    assert rig.player.loads == [
        {
            name: asset_path("sounds", f"{name}.wav")
            for name in ("chime", "end", "strike", "tingsha", "warning")
        }
    ]
    rig.preferences.update_sound(volume=0.5)
    assert len(rig.player.loads) == 1, "other changes do not reload the sounds"


def test_a_facilitators_own_wav_file_rings_for_its_cue(tmp_path: Path) -> None:
    bell = write_wav(tmp_path / "gong.wav", seconds=1.0)
    rig = Rig()
    rig.preferences.update_sound(sounds={**DEFAULT_SOUNDS, "round_start": custom_sound_value(bell)})
    assert rig.player.sounds[custom_sound_value(bell)] == bell
    rig.load()
    rig.run.jump(2)  # a round start
    assert rig.player.played == [custom_sound_value(bell)]


def test_a_bad_own_file_falls_back_to_the_default_with_one_message(
    qtbot: QtBot, tmp_path: Path
) -> None:
    bad = tmp_path / "bell.mp3"
    bad.write_bytes(b"ID3" + b"\x00" * 100)
    rig = Rig()
    sounds = {**DEFAULT_SOUNDS, "speaker_swap": custom_sound_value(bad)}
    with qtbot.waitSignal(rig.router.soundProblem) as blocker:
        rig.preferences.update_sound(sounds=sounds)
    assert blocker.args[0].startswith("bell.mp3 is not a WAV file")
    assert "built-in sound rings instead" in blocker.args[0]
    assert rig.router.sound_problems == [blocker.args[0]]
    with qtbot.assertNotEmitted(rig.router.soundProblem):
        rig.preferences.update_sound(volume=0.4)
    rig.load()
    rig.run.jump(3)
    assert rig.player.played == ["chime"]
    assert custom_sound_value(bad) not in rig.player.sounds


def test_the_test_button_rings_the_tingsha_whatever_the_mode() -> None:
    rig = Rig(Preferences().with_sound(mode=BellMode.VISUAL))
    assert rig.router.test_bell() is True
    assert rig.player.played == ["tingsha"]
    rig.preferences.update_sound(muted=True)
    assert rig.router.test_bell() is False


def test_the_test_button_reports_when_sound_is_unavailable(qtbot: QtBot) -> None:
    rig = Rig()
    rig.player.unplug("speakers")
    assert rig.router.test_bell() is False
    assert rig.player.played == []


@pytest.mark.parametrize("cue", sorted(DEFAULT_SOUNDS))
def test_every_kind_of_cue_has_a_sound_loaded(cue: str) -> None:
    rig = Rig()
    assert DEFAULT_SOUNDS[cue] in rig.player.sounds
