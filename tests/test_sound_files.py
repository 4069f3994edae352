"""A facilitator's own bell file is checked before use, and refused in one plain sentence."""

from __future__ import annotations

import struct
import wave
from pathlib import Path

import pytest

from facilitator.core.files.paths import asset_path
from facilitator.core.settings.preferences import BUILT_IN_SOUNDS
from facilitator.core.settings.sounds import (
    SoundFileError,
    check_sound_file,
    custom_sound_value,
    is_custom_sound,
    resolve_sound,
)


def write_wav(
    path: Path, *, seconds: float = 0.5, rate: int = 48_000, channels: int = 1, width: int = 2
) -> Path:
    """A PCM WAV file of silence with the given format."""
    frames = round(seconds * rate)
    with wave.open(str(path), "wb") as wav_file:
        wav_file.setnchannels(channels)
        wav_file.setsampwidth(width)
        wav_file.setframerate(rate)
        wav_file.writeframes(b"\x00" * frames * channels * width)
    return path


def write_float_wav(path: Path, seconds: float = 0.5, rate: int = 48_000) -> Path:
    """A WAV file of 32-bit float samples (format 3), which the stdlib cannot read."""
    data = b"\x00" * round(seconds * rate) * 4
    fmt = struct.pack("<HHIIHH", 3, 1, rate, rate * 4, 4, 32)
    body = b"WAVE" + b"fmt " + struct.pack("<I", len(fmt)) + fmt
    body += b"data" + struct.pack("<I", len(data)) + data
    path.write_bytes(b"RIFF" + struct.pack("<I", len(body)) + body)
    return path


@pytest.mark.parametrize(
    ("width", "channels", "rate"),
    [(1, 1, 8_000), (2, 1, 48_000), (2, 2, 44_100), (3, 2, 96_000), (3, 1, 22_050)],
)
def test_plain_pcm_files_are_accepted(tmp_path: Path, width: int, channels: int, rate: int) -> None:
    path = write_wav(tmp_path / "bell.wav", width=width, channels=channels, rate=rate)
    info = check_sound_file(path)
    assert (info.bits, info.channels, info.rate_hz) == (width * 8, channels, rate)
    assert info.seconds == pytest.approx(0.5, abs=0.001)


@pytest.mark.parametrize("name", BUILT_IN_SOUNDS)
def test_the_built_in_bells_pass_their_own_check(name: str) -> None:
    info = check_sound_file(asset_path("sounds", f"{name}.wav"))
    assert (info.bits, info.channels, info.rate_hz) == (16, 1, 48_000)


def refusal(path: Path) -> str:
    with pytest.raises(SoundFileError) as caught:
        check_sound_file(path)
    message = str(caught.value)
    assert path.name in message, "the message names the file"
    assert "\n" not in message, "the message is one line"
    return message


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    assert "was not found" in refusal(tmp_path / "gone.wav")


def test_a_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "bells.wav"
    folder.mkdir()
    assert "is not a file" in refusal(folder)


def test_a_file_over_five_megabytes_is_refused_with_its_size(tmp_path: Path) -> None:
    path = tmp_path / "huge.wav"
    with path.open("wb") as file:
        file.write(b"RIFF")
        file.truncate(12 * 1024 * 1024)
    assert refusal(path) == "huge.wav is 12 MB; the limit is 5 MB."


def test_an_mp3_is_not_a_wav_file(tmp_path: Path) -> None:
    path = tmp_path / "bell.mp3"
    path.write_bytes(b"ID3\x04\x00\x00\x00\x00\x00\x00" + b"\xff\xfb" * 500)
    assert refusal(path).startswith("bell.mp3 is not a WAV file: ")


def test_a_riff_file_that_is_not_wave_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "movie.wav"
    path.write_bytes(b"RIFF\x10\x00\x00\x00AVI LIST" + b"\x00" * 64)
    assert refusal(path).startswith("movie.wav is not a WAV file")


def test_float_samples_are_refused_with_advice(tmp_path: Path) -> None:
    message = refusal(write_float_wav(tmp_path / "float.wav"))
    assert "not plain PCM" in message
    assert "16-bit PCM" in message


def test_32_bit_integer_samples_are_refused(tmp_path: Path) -> None:
    message = refusal(write_wav(tmp_path / "deep.wav", width=4))
    assert "32-bit samples" in message


def test_more_than_two_channels_are_refused(tmp_path: Path) -> None:
    assert "6 channels" in refusal(write_wav(tmp_path / "surround.wav", channels=6))


@pytest.mark.parametrize("rate", [4_000, 192_000])
def test_sample_rates_outside_8_to_96_khz_are_refused(tmp_path: Path, rate: int) -> None:
    assert f"{rate} Hz" in refusal(write_wav(tmp_path / "odd.wav", rate=rate))


def test_a_click_shorter_than_50_ms_is_refused(tmp_path: Path) -> None:
    assert "too short" in refusal(write_wav(tmp_path / "click.wav", seconds=0.02))


def test_a_sound_over_30_seconds_is_refused(tmp_path: Path) -> None:
    path = write_wav(tmp_path / "song.wav", seconds=31, rate=8_000, width=1)
    assert refusal(path) == "song.wav is 31 s long; the limit is 30 s."


def test_a_file_cut_short_is_refused(tmp_path: Path) -> None:
    path = write_wav(tmp_path / "cut.wav", seconds=1.0)
    path.write_bytes(path.read_bytes()[:20_000])
    assert "cut short" in refusal(path)


def test_a_header_cut_short_is_refused(tmp_path: Path) -> None:
    path = write_wav(tmp_path / "stub.wav")
    path.write_bytes(path.read_bytes()[:30])
    assert refusal(path).startswith("stub.wav is not a WAV file")


def test_sound_values_resolve_to_files() -> None:
    assert resolve_sound("tingsha") == asset_path("sounds", "tingsha.wav")
    assert resolve_sound("end") == asset_path("sounds", "end.wav")
    assert resolve_sound("none") is None
    assert resolve_sound("file:/home/me/bell.wav") == Path("/home/me/bell.wav")
    with pytest.raises(ValueError, match="gong"):
        resolve_sound("gong")


def test_a_custom_value_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "my bell.wav"
    value = custom_sound_value(path)
    assert is_custom_sound(value)
    assert not is_custom_sound("chime")
    assert resolve_sound(value) == path
