"""Bell sound files: which file a sound preference means, and whether a WAV file is usable.

A facilitator may choose their own WAV file for a cue. It is checked before use, so a
wrong file is refused with one plain sentence instead of failing silently mid-workshop.
"""

from __future__ import annotations

import wave
from dataclasses import dataclass
from pathlib import Path

from facilitator.core.files.paths import asset_path
from facilitator.core.settings.preferences import BUILT_IN_SOUNDS, CUSTOM_PREFIX, SILENT

MAX_BYTES = 5 * 1024 * 1024
SAMPLE_WIDTHS_BYTES = (1, 2, 3)
CHANNEL_COUNTS = (1, 2)
MIN_RATE_HZ = 8_000
MAX_RATE_HZ = 96_000
MIN_SECONDS = 0.05
MAX_SECONDS = 30.0


class SoundFileError(ValueError):
    """A sound file cannot be used; the message is one plain sentence naming the file."""


@dataclass(frozen=True)
class SoundFileInfo:
    """What a usable WAV file holds."""

    path: Path
    channels: int
    bits: int
    rate_hz: int
    seconds: float


def resolve_sound(value: str) -> Path | None:
    """The file a sound preference value names: a built-in bell, `file:PATH`, or None for none."""
    if value == SILENT:
        return None
    if value.startswith(CUSTOM_PREFIX) and len(value) > len(CUSTOM_PREFIX):
        return Path(value[len(CUSTOM_PREFIX) :])
    if value in BUILT_IN_SOUNDS:
        return asset_path("sounds", f"{value}.wav")
    raise ValueError(f"{value!r} is not a sound: expected a built-in bell, none or file:PATH")


def custom_sound_value(path: Path | str) -> str:
    """The sound preference value for the facilitator's own file at `path`."""
    return f"{CUSTOM_PREFIX}{path}"


def is_custom_sound(value: str) -> bool:
    """Whether a sound preference value names the facilitator's own file."""
    return value.startswith(CUSTOM_PREFIX)


def check_sound_file(path: Path | str) -> SoundFileInfo:
    """Check that `path` is a WAV file the bells can play; SoundFileError says why not."""
    path = Path(path)
    name = path.name or str(path)
    if not path.exists():
        raise SoundFileError(f"{name} was not found in {path.parent}.")
    if not path.is_file():
        raise SoundFileError(f"{name} is not a file.")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise SoundFileError(
            f"{name} is {_megabytes(size)} MB; the limit is {MAX_BYTES // (1024 * 1024)} MB."
        )
    try:
        with path.open("rb") as file:
            header = file.read(12)
    except OSError as error:
        raise SoundFileError(f"{name} cannot be read: {error.strerror or error}.") from None
    if len(header) < 12 or header[:4] != b"RIFF" or header[8:12] != b"WAVE":
        raise SoundFileError(
            f"{name} is not a WAV file: it does not start with a RIFF/WAVE header."
        )
    return _check_wave(path, name)


def _check_wave(path: Path, name: str) -> SoundFileInfo:
    try:
        with wave.open(str(path), "rb") as wav_file:
            channels = wav_file.getnchannels()
            width = wav_file.getsampwidth()
            rate = wav_file.getframerate()
            frames = wav_file.getnframes()
            data = wav_file.readframes(frames)
    except wave.Error as error:
        raise SoundFileError(
            f"{name} is not a WAV file the bells can play: {_wave_reason(error)}."
        ) from None
    except (EOFError, OSError) as error:
        raise SoundFileError(
            f"{name} is not a WAV file: it is damaged or cut short ({error})."
        ) from None
    if width not in SAMPLE_WIDTHS_BYTES:
        raise SoundFileError(f"{name} has {width * 8}-bit samples; use 8, 16 or 24-bit PCM.")
    if channels not in CHANNEL_COUNTS:
        raise SoundFileError(f"{name} has {channels} channels; use mono or stereo.")
    if not MIN_RATE_HZ <= rate <= MAX_RATE_HZ:
        raise SoundFileError(
            f"{name} is sampled at {rate} Hz; use {MIN_RATE_HZ} to {MAX_RATE_HZ} Hz."
        )
    if len(data) < frames * width * channels:
        raise SoundFileError(f"{name} is damaged: its sound data is cut short.")
    seconds = frames / rate
    if seconds < MIN_SECONDS:
        raise SoundFileError(
            f"{name} is too short ({seconds:.2f} s); a bell lasts at least {MIN_SECONDS:g} s."
        )
    if seconds > MAX_SECONDS:
        raise SoundFileError(f"{name} is {seconds:.0f} s long; the limit is {MAX_SECONDS:g} s.")
    return SoundFileInfo(path, channels, width * 8, rate, seconds)


def _wave_reason(error: wave.Error) -> str:
    text = str(error)
    if text.startswith("unknown format"):
        code = text.rsplit(":", 1)[-1].strip()
        return f"its samples are not plain PCM (format {code}); save it as 16-bit PCM WAV"
    return text


def _megabytes(size: int) -> str:
    megabytes = size / (1024 * 1024)
    return f"{megabytes:.0f}" if megabytes >= 10 else f"{megabytes:.1f}"
