"""Every kind of sound file a facilitator brings is decoded by Qt and becomes a bell.

The files are made from the built-in tingsha with sox and ffmpeg; each stored copy must be
the tingsha itself (trimmed and normalised), whatever the file's kind, rate and channels.
"""

from __future__ import annotations

import subprocess
import wave
from typing import TYPE_CHECKING

import numpy as np
import pytest

from facilitator.core.settings.sounds import SoundFileError, check_sound_file
from facilitator.platform.sound_import import decoder_available, import_sound
from tests.sound_makers import KINDS, SOUNDS, make_sound, require_tools

if TYPE_CHECKING:
    from pathlib import Path

SOURCE = SOUNDS / "tingsha.wav"
LOSSLESS = {"wav-16bit-stereo-44k", "wav-24bit", "wav-float", "flac"}


def samples_of(path: Path) -> np.ndarray:
    with wave.open(str(path), "rb") as wav_file:
        assert (wav_file.getnchannels(), wav_file.getsampwidth()) == (1, 2)
        assert wav_file.getframerate() == 48_000
        return np.frombuffer(wav_file.readframes(wav_file.getnframes()), "<i2") / 32768


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    require_tools()
    folder = tmp_path_factory.mktemp("kinds")
    return {kind: make_sound(kind, SOURCE, folder) for kind in KINDS}


def test_qt_has_a_decoder_here(qapp) -> None:
    assert decoder_available() == (True, "")


@pytest.mark.parametrize("kind", list(KINDS))
def test_each_kind_of_file_becomes_the_same_bell(
    qapp, made: dict[str, Path], kind: str, user_data_dir: Path
) -> None:
    stored = import_sound(made[kind])
    assert stored.parent == user_data_dir / "sounds"
    check_sound_file(stored)
    bell = samples_of(stored)
    original = samples_of(SOURCE)
    assert 20 * np.log10(np.abs(bell).max()) == pytest.approx(-1.0, abs=0.05)
    assert abs(len(bell) - len(original)) < 0.03 * 48_000, "no padding or loss at either end"
    length = min(len(bell), len(original), 48_000)
    head, reference = bell[:length], original[:length]
    likeness = float(head @ reference / np.sqrt((head @ head) * (reference @ reference)))
    # Lossless kinds are the tingsha itself; lossy ones close to it, and not shifted in time.
    assert likeness > (0.999 if kind in LOSSLESS else 0.97), f"{kind}: {likeness:.4f}"


@pytest.mark.slow
def test_refused_files_say_why_in_one_line(qapp, tmp_path: Path, user_data_dir: Path) -> None:
    require_tools()
    empty = tmp_path / "empty.mp3"
    empty.write_bytes(b"")
    text = tmp_path / "notes.ogg"
    text.write_text("not a sound at all\n" * 50)
    video = tmp_path / "clip.mp4"
    subprocess.run(
        ["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=32x32:rate=5",
         "-t", "1", "-c:v", "mpeg4", str(video)],
        check=True, timeout=60,
    )  # fmt: skip
    hours = tmp_path / "hours.flac"
    subprocess.run(
        ["sox", "-n", "-r", "8000", "-c", "1", str(hours), "trim", "0", "7200"],
        check=True, timeout=120,
    )  # fmt: skip
    silent = tmp_path / "silent.wav"
    subprocess.run(
        ["sox", "-n", "-r", "48000", "-c", "1", str(silent), "trim", "0", "2"],
        check=True, timeout=60,
    )  # fmt: skip
    long_mp3 = tmp_path / "long.mp3"
    subprocess.run(
        ["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "sine=frequency=880:sample_rate=48000",
         "-t", "20", "-c:a", "libmp3lame", "-b:a", "64k", str(long_mp3)],
        check=True, timeout=60,
    )  # fmt: skip
    cut = tmp_path / "cut.mp3"  # a download cut short: its header still says 20 s
    cut.write_bytes(long_mp3.read_bytes()[:30_000])
    expected = {
        empty: "empty.mp3 is empty: it holds no sound.",
        text: "notes.ogg is not a sound file the app can read",
        video: "clip.mp4 holds no sound: it has no audio in it.",
        hours: "hours.flac is too long (2 h 0 min); a bell lasts at most 30 s.",
        silent: "silent.wav is silent",
        cut: "cut.mp3 is damaged: it says it lasts 20.0 s but holds 3.",
    }
    for path, message in expected.items():
        with pytest.raises(SoundFileError) as refused:
            import_sound(path)
        assert str(refused.value).startswith(message), str(refused.value)
        assert "\n" not in str(refused.value)
    assert not (user_data_dir / "sounds").exists(), "nothing was stored"
