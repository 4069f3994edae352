"""A decoded sound becomes a bell: trimmed, normalised, stored; bad ones refused in one line."""

from __future__ import annotations

import math
import wave
from array import array
from typing import TYPE_CHECKING, Any

import pytest

from facilitator.core.settings import sound_import as si
from facilitator.core.settings.sound_import import (
    RATE_HZ,
    DecodedSound,
    check_before_decoding,
    describe_length,
    import_sound_file,
)
from facilitator.core.settings.sounds import SoundFileError, check_sound_file

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path


def tone(seconds: float, *, level: float = 0.5, hz: float = 440.0) -> list[float]:
    return [
        level * math.sin(2 * math.pi * hz * n / RATE_HZ) for n in range(round(seconds * RATE_HZ))
    ]


def decoder(
    samples: list[float], *, declared: float | None = None, cut_short: bool = False
) -> Callable[[Path], DecodedSound]:
    """A decoder that returns these samples, whatever the file."""

    def decode(_path: Path) -> DecodedSound:
        return DecodedSound(array("f", samples), declared, cut_short=cut_short)

    return decode


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "My Gong (take 2).mp3"
    path.write_bytes(b"anything: the fake decoder does not read it")
    return path


def read_stored(path: Path) -> tuple[Any, array[int]]:
    with wave.open(str(path), "rb") as wav_file:
        params = wav_file.getparams()
        frames = array("h", wav_file.readframes(wav_file.getnframes()))
    return params, frames


def test_a_sound_is_stored_as_a_16_bit_mono_wav_like_the_built_in_bells(
    source: Path, tmp_path: Path
) -> None:
    stored = import_sound_file(source, tmp_path / "bells", decoder(tone(1.0)))
    assert stored.parent == tmp_path / "bells"
    assert stored.name == "My-Gong-take-2.wav"
    params, _ = read_stored(stored)
    assert (params.nchannels, params.sampwidth, params.framerate) == (1, 2, 48_000)
    info = check_sound_file(stored)  # the player's own check passes
    assert info.seconds == pytest.approx(1.0, abs=0.01)


def test_leading_silence_is_trimmed_so_the_bell_starts_on_its_cue(
    source: Path, tmp_path: Path
) -> None:
    hiss = [0.0005 * (-1) ** n for n in range(RATE_HZ // 2)]  # half a second at -66 dBFS
    stored = import_sound_file(source, tmp_path, decoder(hiss + tone(1.0)))
    _, frames = read_stored(stored)
    first_loud = next(i for i, value in enumerate(frames) if abs(value) > 1000)
    assert first_loud <= round(0.003 * RATE_HZ), "the tone starts within 3 ms"
    assert len(frames) == pytest.approx(RATE_HZ * 1.002, abs=2)


def test_the_peak_is_set_to_minus_one_dbfs_whatever_the_level(source: Path, tmp_path: Path) -> None:
    quiet = import_sound_file(source, tmp_path / "a", decoder(tone(0.5, level=0.05)))
    loud = import_sound_file(source, tmp_path / "b", decoder(tone(0.5, level=1.4)))
    for stored in (quiet, loud):
        _, frames = read_stored(stored)
        peak = max(max(frames), -min(frames)) / 32767
        assert 20 * math.log10(peak) == pytest.approx(-1.0, abs=0.01)


@pytest.mark.parametrize(
    ("samples", "options", "message"),
    [
        ([], {}, "gong.ogg holds no sound: it has no audio in it."),
        ([0.0] * RATE_HZ, {}, "gong.ogg is silent: it holds no sound loud enough for a bell."),
        (tone(31.0), {}, "gong.ogg is too long (31.0 s); a bell lasts at most 30 s."),
        (tone(60.0), {"cut_short": True}, "gong.ogg is too long (1 min 0 s)"),
        (
            tone(60.0),
            {"cut_short": True, "declared": 3 * 3600.0},
            "gong.ogg is too long (3 h 0 min); a bell lasts at most 30 s.",
        ),
        (
            tone(3.0),
            {"declared": 20.0},
            "gong.ogg is damaged: it says it lasts 20.0 s but holds 3.0 s of sound.",
        ),
        (tone(0.01), {}, "gong.ogg is too short (0.01 s); a bell lasts at least 0.05 s."),
        ([math.nan] * 100, {}, "gong.ogg is damaged: its samples are not numbers."),
    ],
    ids=["no-audio", "silent", "too-long", "cut-short", "hours", "lies", "too-short", "nan"],
)
def test_a_sound_that_cannot_be_a_bell_is_refused_in_one_line_and_nothing_is_stored(
    tmp_path: Path, samples: list[float], options: dict[str, object], message: str
) -> None:
    source = tmp_path / "gong.ogg"
    source.write_bytes(b"x")
    folder = tmp_path / "bells"
    with pytest.raises(SoundFileError) as refused:
        import_sound_file(source, folder, decoder(samples, **options))  # type: ignore[arg-type]
    assert str(refused.value).startswith(message)
    assert "\n" not in str(refused.value)
    assert not folder.exists()


def test_a_length_a_little_off_is_not_called_a_lie(source: Path, tmp_path: Path) -> None:
    # Compressed formats state lengths a few frames off (encoder padding): not damage.
    import_sound_file(source, tmp_path, decoder(tone(7.0), declared=7.032))


def test_a_missing_empty_or_huge_file_is_refused_before_decoding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(SoundFileError, match=r"^gone\.mp3 was not found in "):
        check_before_decoding(tmp_path / "gone.mp3")
    empty = tmp_path / "empty.flac"
    empty.write_bytes(b"")
    with pytest.raises(SoundFileError, match=r"^empty\.flac is empty: it holds no sound\.$"):
        check_before_decoding(empty)
    huge = tmp_path / "concert.m4a"
    with huge.open("wb") as file:
        file.truncate(si.MAX_FILE_BYTES + 1)  # sparse: no disk is used
    with pytest.raises(SoundFileError, match=r"^concert\.m4a is 64 MB; a bell's sound file"):
        check_before_decoding(huge)
    with pytest.raises(SoundFileError, match=r"is not a file"):
        check_before_decoding(tmp_path)


def test_the_same_sound_twice_is_stored_once_and_another_never_overwrites_it(
    source: Path, tmp_path: Path
) -> None:
    first = import_sound_file(source, tmp_path, decoder(tone(0.5, hz=440)))
    again = import_sound_file(source, tmp_path, decoder(tone(0.5, hz=440)))
    other = import_sound_file(source, tmp_path, decoder(tone(0.5, hz=880)))
    assert first == again
    assert other != first
    assert other.name == "My-Gong-take-2-2.wav"
    assert read_stored(first)[1] != read_stored(other)[1]


def test_lengths_are_said_as_a_person_says_them() -> None:
    assert describe_length(12.46) == "12.5 s"
    assert describe_length(250) == "4 min 10 s"
    assert describe_length(7500) == "2 h 5 min"


def test_the_end_fades_out_so_the_players_early_stop_cuts_nothing_audible(
    source: Path, tmp_path: Path
) -> None:
    stored = import_sound_file(source, tmp_path, decoder(tone(1.0, level=0.9)))
    _, frames = read_stored(stored)
    last_40_ms = frames[-round(0.04 * RATE_HZ) :]
    assert max(abs(value) for value in last_40_ms) < 0.7 * 32767
    assert frames[-1] == 0
