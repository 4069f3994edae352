"""Unplayable sounds: a damaged bell file, and one the sound output cannot decode.

A facilitator's own WAV file can be damaged in ways the standard library's reader does not
survive (a chunk whose size runs past the RIFF size, an odd-sized chunk without its pad
byte, a block size of 0): the check answers in one plain sentence, whatever the bytes, and
a fuzzer holds it to that. Named in the preferences, such a file never keeps the app from
starting. And a file the sound output cannot decode (the player's own verdict, Qt's
QSoundEffect going to Error) rings the built-in sound for its cue alone, with one notice:
the other cues keep their sounds and sound stays available.
"""

from __future__ import annotations

import io
import json
import os
import struct
import sys
import wave
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator.core.files.paths import asset_path
from facilitator.core.settings.preferences import DEFAULT_SOUNDS, Preferences, save_preferences
from facilitator.core.settings.sounds import SoundFileError, check_sound_file, custom_sound_value
from facilitator.models.bells import CueRouter
from facilitator.models.preferences_model import PreferencesModel
from facilitator.models.run_model import RunModel
from facilitator.platform.audio import FakeBellPlayer
from facilitator.ui.sound_panel import CHOOSE_FILE, SoundPanel
from tests import audio_probe
from tests.app_harness import build_harness
from tests.faults.support import REPO_ROOT

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot

EXAMPLES = int(os.environ.get("FACILITATOR_PROPERTY_EXAMPLES", "300"))
RATE = 16_000


def good_wav(seconds: float = 0.5, *, channels: int = 1, width: int = 2) -> bytes:
    """A plain PCM WAV file of a quiet tone."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as wav_file:
        wav_file.setnchannels(channels)
        wav_file.setsampwidth(width)
        wav_file.setframerate(RATE)
        wav_file.writeframes(b"\x01\x02" * (round(seconds * RATE) * channels * width // 2))
    return buffer.getvalue()


def _riff(*chunks: bytes) -> bytes:
    body = b"WAVE" + b"".join(chunks)
    return b"RIFF" + struct.pack("<I", len(body)) + body


def _chunk(chunk_id: bytes, body: bytes, *, size: int | None = None, pad: bool = True) -> bytes:
    padding = b"\x00" if pad and len(body) % 2 else b""
    return chunk_id + struct.pack("<I", len(body) if size is None else size) + body + padding


def _fmt(*, block_align: int = 2, code: int = 1, channels: int = 1, bits: int = 16) -> bytes:
    return struct.pack("<HHIIHH", code, channels, RATE, RATE * block_align, block_align, bits)


SAMPLES = b"\x01\x02" * (RATE // 2)

DAMAGED: dict[str, tuple[bytes, str]] = {
    "fmt-size-past-riff.wav": (
        _riff(_chunk(b"fmt ", _fmt(), size=0xFFFFFF00), _chunk(b"data", SAMPLES)),
        "is not a WAV file: it is damaged or cut short",
    ),
    "odd-list-without-pad.wav": (
        _riff(
            _chunk(b"LIST", b"abc", pad=False), _chunk(b"fmt ", _fmt()), _chunk(b"data", SAMPLES)
        ),
        "without the pad byte",
    ),
    "list-size-past-riff.wav": (
        _riff(_chunk(b"LIST", b"abcd", size=0xFFFFFFFF), _chunk(b"fmt ", _fmt())),
        "runs past the end of the file",
    ),
    "block-align-zero.wav": (
        _riff(_chunk(b"fmt ", _fmt(block_align=0)), _chunk(b"data", SAMPLES)),
        "block size (0 bytes)",
    ),
    "fmt-too-short.wav": (
        _riff(_chunk(b"fmt ", _fmt()[:10]), _chunk(b"data", SAMPLES)),
        "format (fmt) chunk is too short",
    ),
    "no-fmt.wav": (_riff(_chunk(b"data", SAMPLES)), "no format (fmt) chunk"),
    "no-data.wav": (_riff(_chunk(b"fmt ", _fmt())), "no data chunk"),
    "zero-channels.wav": (
        _riff(_chunk(b"fmt ", _fmt(channels=0)), _chunk(b"data", SAMPLES)),
        "0 channels",
    ),
    "twelve-bits.wav": (
        _riff(_chunk(b"fmt ", _fmt(bits=12)), _chunk(b"data", SAMPLES)),
        "12-bit samples",
    ),
}


def _refusal(path: Path) -> str:
    with pytest.raises(SoundFileError) as caught:
        check_sound_file(path)
    message = str(caught.value)
    assert message.startswith(path.name), message
    assert "\n" not in message
    return message


@pytest.mark.parametrize("name", sorted(DAMAGED))
def test_a_damaged_wav_file_is_refused_in_one_plain_sentence(tmp_path: Path, name: str) -> None:
    content, expected = DAMAGED[name]
    path = tmp_path / name
    path.write_bytes(content)
    assert expected in _refusal(path)


def test_a_wav_file_with_a_pad_byte_after_an_odd_chunk_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "tagged.wav"
    path.write_bytes(
        _riff(_chunk(b"LIST", b"abc"), _chunk(b"fmt ", _fmt()), _chunk(b"data", SAMPLES))
    )
    assert check_sound_file(path).seconds == pytest.approx(0.5)


_GOOD = good_wav(0.1)
_CHUNK_SIZE_OFFSETS = (4, 16, 40)
"""Where a plain WAV file keeps its RIFF, fmt and data sizes."""


@st.composite
def damaged_wavs(draw: st.DrawFn) -> bytes:
    """A good WAV file damaged at random: bytes flipped, sizes rewritten, cut, chunks added."""
    data = bytearray(_GOOD)
    for _ in range(draw(st.integers(0, 4))):
        offset = draw(st.integers(0, 59))
        data[offset] = draw(st.integers(0, 255))
    for offset in draw(st.lists(st.sampled_from(_CHUNK_SIZE_OFFSETS), max_size=3)):
        size = draw(st.sampled_from([0, 1, 15, 0x7FFFFFFF, 0xFFFFFF00, 0xFFFFFFFF]) | st.integers())
        data[offset : offset + 4] = struct.pack("<I", size % 2**32)
    if draw(st.booleans()):
        extra = draw(st.binary(max_size=64))
        at = draw(st.sampled_from([12, 36, len(data)]))
        data[at:at] = draw(st.sampled_from([b"LIST", b"JUNK", b"fmt ", b"data"])) + extra
    cut = draw(st.integers(0, len(data)))
    return bytes(data[:cut] if draw(st.booleans()) else data)


def random_riff() -> st.SearchStrategy[bytes]:
    """Random bytes behind a RIFF/WAVE header."""
    return st.binary(max_size=200).map(lambda tail: b"RIFF" + tail[:4] + b"WAVE" + tail)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(content=damaged_wavs() | random_riff())
def test_whatever_the_bytes_the_check_answers_with_its_own_error_or_a_sound(
    tmp_path_factory: pytest.TempPathFactory, content: bytes
) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "fuzzed.wav"
    path.write_bytes(content)
    try:
        info = check_sound_file(path)
    except SoundFileError as error:
        assert str(error).startswith("fuzzed.wav"), str(error)
        assert "\n" not in str(error)
        return
    assert info.channels in (1, 2)
    assert info.bits in (8, 16, 24)
    assert 0.05 <= info.seconds <= 30


def test_a_damaged_file_named_in_the_preferences_never_keeps_the_app_from_starting(
    qtbot: QtBot, tmp_path: Path, user_data_dir: Path
) -> None:
    damaged = tmp_path / "warning-bell.wav"
    damaged.write_bytes(DAMAGED["fmt-size-past-riff.wav"][0])
    sounds = {**DEFAULT_SOUNDS, "warning": custom_sound_value(damaged)}
    save_preferences(Preferences().with_sound(sounds=sounds), user_data_dir)
    harness = build_harness(qtbot)  # built as every start builds it
    [notice] = [text for text in harness.app.notices.texts() if "warning-bell.wav" in text]
    assert "is not a WAV file" in notice
    assert "The built-in sound rings instead." in notice
    assert harness.player.sounds["warning"] == asset_path("sounds", "warning.wav")


def test_a_damaged_file_picked_in_the_sound_panel_is_refused_with_its_message(
    qtbot: QtBot, tmp_path: Path
) -> None:
    damaged = tmp_path / "odd.wav"
    damaged.write_bytes(DAMAGED["odd-list-without-pad.wav"][0])
    preferences = PreferencesModel(Preferences(), persist=False)
    router = CueRouter(RunModel(), preferences, FakeBellPlayer())
    panel = SoundPanel(preferences, router, choose_file=lambda _parent: str(damaged))
    qtbot.addWidget(panel)
    combo = panel.sounds["warning"]
    combo.setCurrentIndex(combo.findData(CHOOSE_FILE))
    assert preferences.value.sound.sound_for("warning") == "warning", "nothing changed"
    assert combo.currentData() == "warning", "the panel does not claim the file is in use"
    message = panel.status.text()
    assert message.startswith("odd.wav "), message  # said in one plain sentence, naming it
    assert "\n" not in message


def test_a_sound_the_output_cannot_decode_falls_back_for_its_cue_alone(
    qtbot: QtBot, tmp_path: Path
) -> None:
    undecodable = tmp_path / "warning-bell.wav"
    undecodable.write_bytes(good_wav())  # passes the file check; the player refuses it
    mine = tmp_path / "my-chime.wav"
    mine.write_bytes(good_wav(0.8))
    harness = build_harness(qtbot)
    app, player = harness.app, harness.player
    player.undecodable.add(undecodable)
    sounds = {
        **DEFAULT_SOUNDS,
        "warning": custom_sound_value(undecodable),
        "round_start": custom_sound_value(mine),
    }
    app.preferences.update_sound(sounds=sounds)
    qtbot.waitUntil(lambda: player.sounds.get("warning") is not None, timeout=2000)
    assert player.available, "one unplayable file does not take the bells away"
    assert app.bells.available
    sound_notices = [n.text for n in app.notices.notices if n.key.startswith("sound")]
    assert sound_notices == [
        "warning-bell.wav cannot be played by the sound output. The built-in sound rings instead."
    ], "one notice"
    assert custom_sound_value(undecodable) not in player.sounds
    assert player.sounds[custom_sound_value(mine)] == mine, "the other cues keep their sounds"

    flashes: list[str] = []
    app.bells.flashRequested.connect(flashes.append)
    assert app.start_run("impromptu-networking")
    app.run.start()
    harness.advance(90.1)  # the invitation's warning, 30 s before its end
    for _ in range(2):  # the change-over, then round 1
        harness.advance(app.run.status().remaining + 0.1)
    assert player.played == ["tingsha", "warning", "tingsha", custom_sound_value(mine)]
    assert flashes == [], "nothing only flashes"
    app.preferences.update_sound(volume=0.5)
    assert len([n for n in app.notices.notices if n.key.startswith("sound")]) == 1


# --- the real player: Qt's own decoder on a private PulseAudio server -----------------------

QT_PLAYER = """
import json, sys, time
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from facilitator.core.files.paths import asset_path
from facilitator.platform.qt_audio import QtBellPlayer

app = QCoreApplication([])
player = QtBellPlayer()
failed, changes = [], []
player.soundFailed.connect(lambda key, name: failed.append([key, name]))
player.availabilityChanged.connect(lambda available, reason: changes.append([available, reason]))
player.load({"warning": asset_path("sounds", "warning.wav"), "mine": Path(sys.argv[1])})
deadline = time.monotonic() + 10
while not failed and time.monotonic() < deadline:
    app.processEvents()
    time.sleep(0.01)
deadline = time.monotonic() + 10
while not player.loaded and time.monotonic() < deadline:
    app.processEvents()
    time.sleep(0.01)
player.play("warning")
print(json.dumps({"failed": failed, "changes": changes, "available": player.available,
                  "loaded": player.loaded}))
"""


@pytest.mark.realaudio
def test_the_real_player_reports_a_sound_it_cannot_decode_and_keeps_the_others(
    pulse_server: audio_probe.PulseServer, tmp_path: Path
) -> None:
    undecodable = tmp_path / "block-align-zero.wav"
    undecodable.write_bytes(DAMAGED["block-align-zero.wav"][0])
    env = {**pulse_server.env, "PYTHONPATH": str(REPO_ROOT), "QT_QPA_PLATFORM": "offscreen"}
    stdout = audio_probe.run_watched(
        [sys.executable, "-c", QT_PLAYER, str(undecodable)], env, tmp_path / "child.log", 60
    )
    report = json.loads(stdout.decode().strip().splitlines()[-1])
    assert report["failed"] == [["mine", "block-align-zero.wav"]]
    assert report["available"] is True, "the output itself works"
    assert report["loaded"] is True, "the other sounds are ready"
    assert [available for available, _ in report["changes"]] in ([], [True])
