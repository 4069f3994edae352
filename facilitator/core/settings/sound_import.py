"""A facilitator's own sound becomes a bell: trimmed, normalised, stored as a 16-bit WAV copy.

The platform decodes the chosen file once (MP3, OGG/Vorbis, Opus, FLAC, M4A/AAC or any
common WAV) into mono 32-bit float samples at the bells' rate; `import_sound_file` does
the rest without Qt. Leading silence is trimmed so the bell starts on its cue, the peak is
set to -1 dBFS like the built-in tingsha, the end fades out as theirs do, and the result
is written as 16-bit mono PCM at 48 kHz, the format of the built-in bells, into the
user's data folder. The bell then
loads and rings exactly as a built-in one does. A file that cannot become a bell is
refused with one plain sentence (SoundFileError) and nothing is written.
"""

from __future__ import annotations

import io
import math
import re
import wave
from array import array
from dataclasses import dataclass
from typing import TYPE_CHECKING

from facilitator.core.files.jsonio import SaveError, atomic_write
from facilitator.core.settings.sounds import MAX_SECONDS, MIN_SECONDS, SoundFileError

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

SOUNDS_FOLDER = "sounds"
"""The folder of the user's data folder that holds the imported bells."""
RATE_HZ = 48_000
"""The rate of the built-in bells, and of every imported one."""
MAX_FILE_BYTES = 64 * 1024 * 1024
"""Larger files are refused before decoding: 30 s of 96 kHz 32-bit stereo WAV is 23 MB."""
MAX_DECODED_SECONDS = 2 * MAX_SECONDS
"""Decoding stops here: room for leading silence before a sound of at most MAX_SECONDS."""
PEAK = 10 ** (-1 / 20)
"""-1 dBFS: the peak of the built-in tingsha."""
SILENCE_BELOW = 10 ** (-40 / 20)
"""A sample this far below the peak (-40 dB) or quieter is silence before the sound."""
SILENT_PEAK = 10 ** (-70 / 20)
"""A file whose loudest sample stays under -70 dBFS holds no sound worth ringing."""
PRE_ROLL_SECONDS = 0.002
"""Kept before the first loud sample, so a soft attack is not cut."""
FADE_OUT_SECONDS = 0.06
"""The last 60 ms fade to silence: the player stops a bell 40 ms before its end
(platform/qt_audio.py), which must cut nothing audible, as with the built-in bells."""
LENGTH_TOLERANCE_SECONDS = 1.0
LENGTH_TOLERANCE_RATIO = 0.25
"""How far the decoded length may differ from the length a file declares."""
SUFFIXES = (
    ".wav",
    ".wave",
    ".mp3",
    ".ogg",
    ".oga",
    ".opus",
    ".flac",
    ".m4a",
    ".aac",
    ".mp4",
)
"""The kinds of file the file dialog offers (the decoder decides by content, not name)."""

_BLOCK = 4_800
"""Samples looked at a time when searching for the first loud one (100 ms)."""
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True)
class DecodedSound:
    """What the decoder made of a file: mono float samples at RATE_HZ, and its stated length."""

    samples: array[float]
    declared_seconds: float | None
    """The length the file states (its header), None when it states none."""
    cut_short: bool = False
    """Decoding stopped at MAX_DECODED_SECONDS: there was more."""


def import_sound_file(source: Path, folder: Path, decode: Callable[[Path], DecodedSound]) -> Path:
    """Decode `source` once and store it as a bell in `folder`; the stored copy's path.

    SoundFileError (one plain sentence) when the file cannot become a bell.
    """
    name = source.name or str(source)
    check_before_decoding(source)
    decoded = decode(source)
    pcm = prepare_bell(name, decoded)
    return store_bell(folder, source.stem, wav_bytes(pcm))


def check_before_decoding(source: Path) -> None:
    """Refuse a missing, empty or huge file before the decoder sees it."""
    name = source.name or str(source)
    try:
        size = source.stat().st_size
    except FileNotFoundError:
        raise SoundFileError(f"{name} was not found in {source.parent}.") from None
    except OSError as error:
        raise SoundFileError(f"{name} cannot be read: {error.strerror or error}.") from None
    if not source.is_file():
        raise SoundFileError(f"{name} is not a file.")
    if size == 0:
        raise SoundFileError(f"{name} is empty: it holds no sound.")
    try:
        with source.open("rb") as file:
            file.read(16)
    except OSError as error:
        raise SoundFileError(f"{name} cannot be read: {error.strerror or error}.") from None
    if size > MAX_FILE_BYTES:
        megabytes = size / (1024 * 1024)
        raise SoundFileError(
            f"{name} is {megabytes:.0f} MB; a bell's sound file is at most "
            f"{MAX_FILE_BYTES // (1024 * 1024)} MB (and {MAX_SECONDS:g} s)."
        )


def too_long(name: str, seconds: float) -> SoundFileError:
    """The refusal of a sound longer than a bell may be."""
    return SoundFileError(
        f"{name} is too long ({describe_length(seconds)}); a bell lasts at most {MAX_SECONDS:g} s."
    )


def describe_length(seconds: float) -> str:
    """A length as a person says it: 12.5 s, 4 min 10 s, 2 h 5 min."""
    if seconds < 60:
        return f"{seconds:.1f} s"
    minutes = round(seconds / 60) if seconds >= 3600 else int(seconds // 60)
    if seconds >= 3600:
        return f"{minutes // 60} h {minutes % 60} min"
    return f"{minutes} min {round(seconds - minutes * 60)} s"


def prepare_bell(name: str, decoded: DecodedSound) -> array[int]:
    """The bell's 16-bit samples: leading silence trimmed, peak at -1 dBFS; or SoundFileError."""
    samples = decoded.samples
    if decoded.cut_short:
        raise too_long(name, max(decoded.declared_seconds or 0.0, MAX_DECODED_SECONDS))
    if not samples:
        raise SoundFileError(f"{name} holds no sound: it has no audio in it.")
    decoded_seconds = len(samples) / RATE_HZ
    declared = decoded.declared_seconds
    if declared is not None and _lengths_disagree(declared, decoded_seconds):
        raise SoundFileError(
            f"{name} is damaged: it says it lasts {describe_length(declared)} but holds "
            f"{describe_length(decoded_seconds)} of sound."
        )
    peak = max(max(samples), -min(samples))
    if not math.isfinite(peak):
        raise SoundFileError(f"{name} is damaged: its samples are not numbers.")
    if peak < SILENT_PEAK:
        raise SoundFileError(f"{name} is silent: it holds no sound loud enough for a bell.")
    start = max(0, first_loud_sample(samples, peak * SILENCE_BELOW) - _pre_roll())
    seconds = (len(samples) - start) / RATE_HZ
    if seconds > MAX_SECONDS:
        raise too_long(name, seconds)
    if seconds < MIN_SECONDS:
        raise SoundFileError(
            f"{name} is too short ({seconds:.2f} s); a bell lasts at least {MIN_SECONDS:g} s."
        )
    return fade_out(to_pcm16(samples[start:], PEAK / peak), round(FADE_OUT_SECONDS * RATE_HZ))


def fade_out(pcm: array[int], length: int) -> array[int]:
    """`pcm` with its last `length` samples faded linearly to silence."""
    length = min(length, len(pcm))
    begin = len(pcm) - length
    for index in range(length):
        pcm[begin + index] = round(pcm[begin + index] * (length - 1 - index) / length)
    return pcm


def _pre_roll() -> int:
    return round(PRE_ROLL_SECONDS * RATE_HZ)


def _lengths_disagree(declared: float, decoded: float) -> bool:
    allowed = max(LENGTH_TOLERANCE_SECONDS, LENGTH_TOLERANCE_RATIO * max(declared, decoded))
    return abs(declared - decoded) > allowed


def first_loud_sample(samples: array[float], threshold: float) -> int:
    """The index of the first sample at least `threshold` loud (len(samples) if none is)."""
    for begin in range(0, len(samples), _BLOCK):
        block = samples[begin : begin + _BLOCK]
        if max(block) >= threshold or -min(block) >= threshold:
            for offset, value in enumerate(block):
                if abs(value) >= threshold:
                    return begin + offset
    return len(samples)


def to_pcm16(samples: array[float], gain: float) -> array[int]:
    """Float samples times `gain` as 16-bit integers (clipped to the 16-bit range)."""
    scale = gain * 32767.0
    return array("h", (max(-32768, min(32767, round(value * scale))) for value in samples))


def wav_bytes(pcm: array[int]) -> bytes:
    """A 16-bit mono WAV file at RATE_HZ holding `pcm`."""
    if pcm.itemsize != 2:
        raise ValueError("16-bit samples expected")
    little_endian = pcm
    if array("h", [1]).tobytes()[0] != 1:  # a big-endian machine: WAV is little-endian
        little_endian = array("h", pcm)
        little_endian.byteswap()
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as wav_file:
        wav_file.setnchannels(1)
        wav_file.setsampwidth(2)
        wav_file.setframerate(RATE_HZ)
        wav_file.writeframes(little_endian.tobytes())
    return buffer.getvalue()


def store_bell(folder: Path, stem: str, data: bytes) -> Path:
    """Write a bell into `folder` under a safe name, never over another bell; its path.

    The same sound imported twice is stored once.
    """
    base = _UNSAFE_NAME.sub("-", stem).strip("-.") or "bell"
    base = base[:60]
    for number in range(1, 1000):
        path = folder / (f"{base}.wav" if number == 1 else f"{base}-{number}.wav")
        if path.is_file():
            try:
                if path.read_bytes() == data:
                    return path
            except OSError:
                pass
            continue
        try:
            atomic_write(path, data, keep_backup=False)
        except SaveError as error:
            raise SoundFileError(str(error)) from None
        return path
    raise SoundFileError(f"{folder} holds too many bells named {base}; remove some first.")
