"""Sound files of every kind a facilitator brings, made from the built-in bells with sox and
ffmpeg (`apt-get install sox libsox-fmt-all ffmpeg`; `.ci/run` installs them)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests import audio_probe

SOUNDS = Path(__file__).resolve().parents[1] / "assets" / "sounds"

SOX = ["sox", "{src}"]
FFMPEG = ["ffmpeg", "-v", "error", "-y", "-i", "{src}", "-c:a"]
KINDS: dict[str, tuple[str, list[str]]] = {
    "wav-8bit-stereo-22k": ("wav", [*SOX, "-b", "8", "-e", "unsigned", "-c", "2", "-r", "22050"]),
    "wav-16bit-stereo-44k": ("wav", [*SOX, "-b", "16", "-c", "2", "-r", "44100"]),
    "wav-24bit": ("wav", [*SOX, "-b", "24"]),
    "wav-32bit-96k": ("wav", [*SOX, "-b", "32", "-e", "signed", "-r", "96000"]),
    "wav-float": ("wav", [*SOX, "-b", "32", "-e", "floating-point"]),
    "mp3": ("mp3", [*FFMPEG, "libmp3lame", "-b:a", "192k"]),
    "ogg": ("ogg", [*FFMPEG, "libvorbis", "-q:a", "6"]),
    "opus": ("opus", [*FFMPEG, "libopus", "-b:a", "128k"]),
    "flac": ("flac", [*FFMPEG, "flac"]),
    "m4a": ("m4a", [*FFMPEG, "aac", "-b:a", "192k"]),
}
"""How each kind of file is made from a source WAV: (suffix, command)."""


def require_tools() -> None:
    """Skip (or fail, where real parts are required) when sox or ffmpeg is missing."""
    missing = [tool for tool in ("sox", "ffmpeg") if shutil.which(tool) is None]
    if missing:
        reason = f"{' and '.join(missing)} not installed (apt-get install sox ffmpeg)"
        if audio_probe.real_parts_required():
            pytest.fail(f"{reason}, and {audio_probe.REQUIRE_REAL_PARTS}=1 requires it")
        pytest.skip(reason)


def make_sound(kind: str, source: Path, folder: Path, *, stem: str | None = None) -> Path:
    """A file of `kind` made from the WAV `source` in `folder`."""
    suffix, command = KINDS[kind]
    out = folder / f"{stem or kind}.{suffix}"
    arguments = [part.format(src=source) for part in command] + [str(out)]
    subprocess.run(arguments, check=True, capture_output=True, timeout=60)
    return out


def variant(name: str, folder: Path, speed: float) -> Path:
    """A built-in bell played `speed` times faster (another pitch: a sound of its own)."""
    out = folder / f"{name}-x{speed:g}.wav"
    subprocess.run(
        ["sox", str(SOUNDS / f"{name}.wav"), str(out), "speed", str(speed), "rate", "48000"],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return out
