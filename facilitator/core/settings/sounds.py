"""Bell sound files: which file a sound preference means, and whether a WAV file is usable.

A facilitator may choose their own WAV file for a cue. It is checked before use, so a
wrong file is refused with one plain sentence instead of failing silently mid-workshop.
The check walks the RIFF chunks itself (the standard library's reader raises more than
its own errors on damaged files) and holds the format to what the player decodes: PCM of
8, 16 or 24 bits whose block size fits its channels.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from facilitator.core.files.paths import asset_path
from facilitator.core.files.problems import DocumentError
from facilitator.core.files.reading import (
    FileTooLargeError,
    MissingFileError,
    NotAFileError,
    read_bytes,
)
from facilitator.core.settings.preferences import BUILT_IN_SOUNDS, CUSTOM_PREFIX, SILENT

MAX_BYTES = 5 * 1024 * 1024
SAMPLE_BITS = (8, 16, 24)
CHANNEL_COUNTS = (1, 2)
MIN_RATE_HZ = 8_000
MAX_RATE_HZ = 96_000
MIN_SECONDS = 0.05
MAX_SECONDS = 30.0
WAVE_FORMAT_PCM = 1
WAVE_FORMAT_EXTENSIBLE = 0xFFFE


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


def is_built_in_sound(path: Path) -> bool:
    """Whether `path` is one of the bells that ship with the app."""
    return any(path == asset_path("sounds", f"{name}.wav") for name in BUILT_IN_SOUNDS)


def custom_sound_value(path: Path | str) -> str:
    """The sound preference value for the facilitator's own file at `path`."""
    return f"{CUSTOM_PREFIX}{path}"


def is_custom_sound(value: str) -> bool:
    """Whether a sound preference value names the facilitator's own file."""
    return value.startswith(CUSTOM_PREFIX)


def check_sound_file(path: Path | str) -> SoundFileInfo:
    """Check that `path` is a WAV file the bells can play; SoundFileError says why not.

    Nothing else ever escapes: whatever the bytes hold, the answer is the file's info or
    one plain sentence.
    """
    path = Path(path)
    name = path.name or str(path)
    try:
        data = read_bytes(path, max_bytes=MAX_BYTES)
    except MissingFileError:
        raise SoundFileError(f"{name} was not found in {path.parent}.") from None
    except NotAFileError as error:
        raise SoundFileError(f"{name} is not a file: it is {error.what}.") from None
    except FileTooLargeError as error:
        raise SoundFileError(
            f"{name} is {_megabytes(error.size)} MB; the limit is {MAX_BYTES // (1024 * 1024)} MB."
        ) from None
    except DocumentError as error:
        reason = error.problems[0].message if error.problems else "it cannot be read"
        raise SoundFileError(f"{name} {reason}.") from None
    if len(data) < 12 or data[:4] != b"RIFF" or data[8:12] != b"WAVE":
        raise SoundFileError(
            f"{name} is not a WAV file: it does not start with a RIFF/WAVE header."
        )
    return _check_wave(path, name, data)


@dataclass(frozen=True)
class _Format:
    """The fields of a `fmt ` chunk the bells care about."""

    code: int
    channels: int
    rate: int
    block_align: int
    bits: int


def _chunks(data: bytes, name: str) -> dict[bytes, tuple[int, int]]:
    """The first `fmt ` and `data` chunks: (where the body starts, its length in the file)."""
    riff_end = min(len(data), 8 + _u32(data, 4))
    found: dict[bytes, tuple[int, int]] = {}
    position = 12
    while position + 8 <= riff_end and len(found) < 2:
        chunk_id = data[position : position + 4]
        size = _u32(data, position + 4)
        body = position + 8
        if chunk_id not in found and chunk_id in (b"fmt ", b"data"):
            if chunk_id == b"data" and body + size > riff_end:
                found[chunk_id] = (body, riff_end - body)  # cut short: said below
                break
            found[chunk_id] = (body, size)
        if body + size > riff_end:
            raise SoundFileError(
                f"{name} is not a WAV file: it is damaged or cut short (its "
                f"{_chunk_name(chunk_id)} chunk runs past the end of the file)."
            )
        position = body + size + (size & 1)
        missing_pad = (
            size & 1
            and not _looks_like_chunk(data, position, riff_end)
            and _looks_like_chunk(data, position - 1, riff_end)
        )
        if missing_pad:
            raise SoundFileError(
                f"{name} is not a WAV file: it is damaged (its {_chunk_name(chunk_id)} "
                "chunk has an odd size without the pad byte the WAV format requires)."
            )
    return found


def _looks_like_chunk(data: bytes, position: int, end: int) -> bool:
    if position >= end:
        return True  # nothing follows: the pad byte at the very end may be left out
    chunk_id = data[position : position + 4]
    return len(chunk_id) == 4 and all(32 <= byte < 127 for byte in chunk_id)


def _chunk_name(chunk_id: bytes) -> str:
    text = chunk_id.decode("latin-1")
    shown = "".join(c if c.isprintable() else "?" for c in text).strip()
    return f"\u201c{shown}\u201d" if shown else "unnamed"


def _u32(data: bytes, offset: int) -> int:
    return int.from_bytes(data[offset : offset + 4], "little")


def _u16(data: bytes, offset: int) -> int:
    return int.from_bytes(data[offset : offset + 2], "little")


def _format(data: bytes, where: tuple[int, int], name: str) -> _Format:
    body, size = where
    if size < 16:
        raise SoundFileError(f"{name} is damaged: its format (fmt) chunk is too short.")
    code = _u16(data, body)
    if code == WAVE_FORMAT_EXTENSIBLE and size >= 26:
        code = _u16(data, body + 24)  # the sub-format's first two bytes
    return _Format(
        code=code,
        channels=_u16(data, body + 2),
        rate=_u32(data, body + 4),
        block_align=_u16(data, body + 12),
        bits=_u16(data, body + 14),
    )


def _check_wave(path: Path, name: str, data: bytes) -> SoundFileInfo:
    chunks = _chunks(data, name)
    if b"fmt " not in chunks:
        raise SoundFileError(
            f"{name} is not a WAV file the bells can play: it has no format (fmt) chunk."
        )
    if b"data" not in chunks:
        raise SoundFileError(f"{name} is not a WAV file: it holds no sound data (no data chunk).")
    form = _format(data, chunks[b"fmt "], name)
    if form.code != WAVE_FORMAT_PCM:
        raise SoundFileError(
            f"{name} is not a WAV file the bells can play: its samples are not plain PCM "
            f"(format {form.code}); save it as 16-bit PCM WAV."
        )
    if form.bits not in SAMPLE_BITS:
        raise SoundFileError(f"{name} has {form.bits}-bit samples; use 8, 16 or 24-bit PCM.")
    if form.channels not in CHANNEL_COUNTS:
        raise SoundFileError(f"{name} has {form.channels} channels; use mono or stereo.")
    if not MIN_RATE_HZ <= form.rate <= MAX_RATE_HZ:
        raise SoundFileError(
            f"{name} is sampled at {form.rate} Hz; use {MIN_RATE_HZ} to {MAX_RATE_HZ} Hz."
        )
    frame_bytes = form.channels * form.bits // 8
    if form.block_align != frame_bytes:
        raise SoundFileError(
            f"{name} is damaged: its block size ({form.block_align} bytes) does not fit "
            f"{form.channels} channel(s) of {form.bits}-bit samples ({frame_bytes} bytes)."
        )
    body, size = chunks[b"data"]
    if body + size > len(data) or size < _u32(data, body - 4):
        raise SoundFileError(f"{name} is damaged: its sound data is cut short.")
    seconds = size // frame_bytes / form.rate
    if seconds < MIN_SECONDS:
        raise SoundFileError(
            f"{name} is too short ({seconds:.2f} s); a bell lasts at least {MIN_SECONDS:g} s."
        )
    if seconds > MAX_SECONDS:
        raise SoundFileError(f"{name} is {seconds:.0f} s long; the limit is {MAX_SECONDS:g} s.")
    return SoundFileInfo(path, form.channels, form.bits, form.rate, seconds)


def _megabytes(size: int) -> str:
    megabytes = size / (1024 * 1024)
    return f"{megabytes:.0f}" if megabytes >= 10 else f"{megabytes:.1f}"
