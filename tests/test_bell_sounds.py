"""Check the committed bell sounds by measurement: format, level, pitch, decay, beating, onsets."""

from __future__ import annotations

import importlib.util
import sys
import wave
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
SOUNDS_DIR = REPO_ROOT / "assets" / "sounds"
GENERATOR_SCRIPT = REPO_ROOT / "tools" / "make_bells.py"

SAMPLE_RATE_HZ = 48_000
FULL_SCALE = 32_768
PEAK_TOLERANCE_DB = 0.5
TINGSHA_BAND_HZ = (2_300.0, 2_600.0)


@dataclass(frozen=True)
class Expected:
    """What one file is designed to be: its length range and its peak level."""

    min_length_s: float
    max_length_s: float
    peak_dbfs: float


EXPECTED = {
    "tingsha.wav": Expected(6.0, 8.0, -1.0),
    "chime.wav": Expected(2.0, 3.0, -6.0),
    "strike.wav": Expected(2.5, 3.5, -8.0),
    "warning.wav": Expected(1.2, 1.8, -9.0),
    "end.wav": Expected(6.5, 10.0, -1.0),
}


@dataclass(frozen=True)
class Sound:
    """A decoded WAV file: its format fields and its samples scaled to [-1, 1)."""

    sample_rate_hz: int
    sample_width_bytes: int
    channels: int
    samples: np.ndarray

    @property
    def duration_s(self) -> float:
        """Length of the sound in seconds."""
        return self.samples.size / self.sample_rate_hz

    def window(self, start_s: float, end_s: float) -> np.ndarray:
        """Samples between two times in seconds."""
        start, end = round(start_s * self.sample_rate_hz), round(end_s * self.sample_rate_hz)
        return self.samples[start:end]


@cache
def load_sound(name: str) -> Sound:
    """Read one committed WAV file (cached: several tests measure the same file)."""
    with wave.open(str(SOUNDS_DIR / name), "rb") as wav_file:
        frames = wav_file.readframes(wav_file.getnframes())
        sound = Sound(
            sample_rate_hz=wav_file.getframerate(),
            sample_width_bytes=wav_file.getsampwidth(),
            channels=wav_file.getnchannels(),
            samples=np.frombuffer(frames, dtype="<i2").astype(np.float64) / FULL_SCALE,
        )
    sound.samples.flags.writeable = False
    return sound


def level_db(energy: float) -> float:
    """Mean-square energy in dB (floored so silence gives a finite number)."""
    return 10 * float(np.log10(max(energy, 1e-14)))


def peak_dbfs(samples: np.ndarray) -> float:
    """Largest absolute sample, in dB relative to full scale (silence gives -140 dB)."""
    return 20 * float(np.log10(max(np.max(np.abs(samples)), 1e-7)))


def dominant_frequency_hz(sound: Sound) -> float:
    """Frequency of the strongest line in the Hann-windowed spectrum of the whole sound."""
    magnitudes = np.abs(np.fft.rfft(sound.samples * np.hanning(sound.samples.size)))
    frequencies = np.fft.rfftfreq(sound.samples.size, 1 / sound.sample_rate_hz)
    return float(frequencies[np.argmax(magnitudes)])


def band_pass(sound: Sound, low_hz: float, high_hz: float) -> np.ndarray:
    """The sound restricted to [low_hz, high_hz] (zero-padded FFT mask, so nothing wraps)."""
    padded_size = 2 * sound.samples.size
    spectrum = np.fft.rfft(sound.samples, padded_size)
    frequencies = np.fft.rfftfreq(padded_size, 1 / sound.sample_rate_hz)
    spectrum[(frequencies < low_hz) | (frequencies > high_hz)] = 0
    return np.fft.irfft(spectrum, padded_size)[: sound.samples.size]


def band_envelope(sound: Sound, low_hz: float, high_hz: float) -> np.ndarray:
    """Amplitude envelope of the [low_hz, high_hz] band (magnitude of its analytic signal)."""
    padded_size = 2 * sound.samples.size
    spectrum = np.fft.fft(sound.samples, padded_size)
    frequencies = np.fft.fftfreq(padded_size, 1 / sound.sample_rate_hz)
    spectrum[(frequencies < low_hz) | (frequencies > high_hz)] = 0  # drops negative ones too
    return 2 * np.abs(np.fft.ifft(spectrum))[: sound.samples.size]


def fundamental_envelope(sound: Sound) -> np.ndarray:
    """Envelope of a 120 Hz wide band around the dominant frequency (both cymbals' f0)."""
    centre_hz = dominant_frequency_hz(sound)
    return band_envelope(sound, centre_hz - 60, centre_hz + 60)


def estimate_t60_s(envelope: np.ndarray, rate_hz: int, start_s: float, end_s: float) -> float:
    """T60 from a straight-line fit to the band's energy in 1 s windows (averages out beats)."""
    window_starts_s = np.arange(start_s, end_s - 1.0 + 1e-9, 0.25)
    levels_db = [
        level_db(np.mean(envelope[round(t * rate_hz) : round((t + 1.0) * rate_hz)] ** 2))
        for t in window_starts_s
    ]
    slope_db_per_s = np.polyfit(window_starts_s, levels_db, 1)[0]
    return -60.0 / slope_db_per_s


def beat_frequency_and_depth(
    envelope: np.ndarray, rate_hz: int, start_s: float, end_s: float
) -> tuple[float, float]:
    """Strongest modulation (0.5-20 Hz) of a decaying envelope, and its depth as a fraction."""
    step = rate_hz // 1000  # the envelope of a 120 Hz band needs no more than 1 kHz
    segment = envelope[round(start_s * rate_hz) : round(end_s * rate_hz) : step]
    times_s = np.arange(segment.size) / 1000
    decay_fit = np.polyfit(times_s, np.log(segment), 1)
    modulation = segment / np.exp(np.polyval(decay_fit, times_s)) - 1
    window = np.hanning(segment.size)
    spectrum = np.abs(np.fft.rfft((modulation - modulation.mean()) * window))
    frequencies = np.fft.rfftfreq(segment.size, 1 / 1000)
    searched = (frequencies >= 0.5) & (frequencies <= 20)
    strongest = np.flatnonzero(searched)[np.argmax(spectrum[searched])]
    depth = 2 * spectrum[strongest] / window.sum()
    return float(frequencies[strongest]), float(depth)


def onset_times_s(sound: Sound) -> list[float]:
    """Strike times: 10 ms frames whose energy above 7 kHz jumps 20 dB over the last 100 ms."""
    bright = band_pass(sound, 7_000, sound.sample_rate_hz / 2)
    frame_size = sound.sample_rate_hz // 100
    frame_count = bright.size // frame_size
    energies = np.mean(bright[: frame_count * frame_size].reshape(frame_count, -1) ** 2, axis=1)
    loudest_db = level_db(energies.max())
    history = np.concatenate([np.zeros(10), energies])  # silence before the file starts
    onsets: list[float] = []
    for index, energy in enumerate(energies):
        frame_db = level_db(energy)
        is_jump = frame_db > level_db(np.mean(history[index : index + 10])) + 20
        is_loud = frame_db > loudest_db - 30
        time_s = index / 100
        if is_jump and is_loud and (not onsets or time_s - onsets[-1] > 0.25):
            onsets.append(time_s)
    return onsets


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_format_is_48k_16bit_mono(name: str) -> None:
    sound = load_sound(name)
    assert (sound.sample_rate_hz, sound.sample_width_bytes, sound.channels) == (
        SAMPLE_RATE_HZ,
        2,
        1,
    )


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_length_is_in_designed_range(name: str) -> None:
    expected = EXPECTED[name]
    assert expected.min_length_s <= load_sound(name).duration_s <= expected.max_length_s


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_peak_has_headroom_and_sits_at_designed_level(name: str) -> None:
    samples = load_sound(name).samples
    assert np.count_nonzero(np.abs(samples) >= 32_767 / FULL_SCALE) == 0, "clipped samples"
    assert peak_dbfs(samples) < 0
    assert peak_dbfs(samples) == pytest.approx(EXPECTED[name].peak_dbfs, abs=PEAK_TOLERANCE_DB)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_ends_in_silence_without_a_click(name: str) -> None:
    sound = load_sound(name)
    assert sound.samples[-1] == 0
    assert peak_dbfs(sound.window(sound.duration_s - 0.01, sound.duration_s)) < -60


def test_tingsha_dominant_frequency_is_in_the_tingsha_range() -> None:
    low_hz, high_hz = TINGSHA_BAND_HZ
    assert low_hz <= dominant_frequency_hz(load_sound("tingsha.wav")) <= high_hz


def test_tingsha_decays() -> None:
    tingsha = load_sound("tingsha.wav")
    early_db = level_db(np.mean(tingsha.window(0.0, 1.0) ** 2))
    late_db = level_db(np.mean(tingsha.window(4.0, 5.0) ** 2))
    assert late_db < early_db - 20


def test_tingsha_fundamental_rings_for_seconds() -> None:
    tingsha = load_sound("tingsha.wav")
    envelope = fundamental_envelope(tingsha)
    fit_end_s = tingsha.duration_s - 1.0  # stay clear of the closing fade
    t60_s = estimate_t60_s(envelope, tingsha.sample_rate_hz, 0.5, fit_end_s)
    assert 6.0 <= t60_s <= 12.0


def test_tingsha_pair_beats_at_a_few_hertz() -> None:
    tingsha = load_sound("tingsha.wav")
    envelope = fundamental_envelope(tingsha)
    beat_hz, depth = beat_frequency_and_depth(
        envelope, tingsha.sample_rate_hz, 0.2, tingsha.duration_s - 1.0
    )
    assert 2.0 <= beat_hz <= 5.0
    assert depth > 0.2, f"envelope modulated by only {depth:.0%}"


def test_tingsha_is_a_single_strike() -> None:
    assert onset_times_s(load_sound("tingsha.wav")) == [0.0]


def test_end_is_three_strikes_at_a_steady_spacing_then_rings_out() -> None:
    end = load_sound("end.wav")
    onsets = onset_times_s(end)
    assert len(onsets) == 3, f"onsets at {onsets} s"
    assert onsets[0] == pytest.approx(0.0, abs=0.02)
    spacings = np.diff(onsets)
    assert np.all((spacings >= 1.2) & (spacings <= 1.5)), f"spacings {spacings} s"
    assert end.duration_s - onsets[-1] >= 4.0
    ring_3_s_later_db = level_db(np.mean(end.window(onsets[-1] + 3.0, onsets[-1] + 4.0) ** 2))
    assert ring_3_s_later_db > -60, "the last strike should still ring 3 s later"


def test_end_rings_at_the_tingsha_pitch_and_beats_like_it() -> None:
    end = load_sound("end.wav")
    low_hz, high_hz = TINGSHA_BAND_HZ
    assert low_hz <= dominant_frequency_hz(end) <= high_hz
    last_strike_s = onset_times_s(end)[-1]
    beat_hz, depth = beat_frequency_and_depth(
        fundamental_envelope(end), end.sample_rate_hz, last_strike_s + 0.2, end.duration_s - 1.0
    )
    assert 2.0 <= beat_hz <= 5.0
    assert depth > 0.2, f"envelope modulated by only {depth:.0%}"


def test_chime_is_lower_softer_and_shorter_than_the_tingsha() -> None:
    chime, tingsha = load_sound("chime.wav"), load_sound("tingsha.wav")
    chime_hz = dominant_frequency_hz(chime)
    assert 1_000 <= chime_hz <= 1_300
    assert chime_hz < 0.6 * dominant_frequency_hz(tingsha)
    assert peak_dbfs(chime.samples) <= peak_dbfs(tingsha.samples) - 4
    assert chime.duration_s < tingsha.duration_s - 2


def test_strike_is_one_soft_short_cymbal_strike_at_the_tingsha_pitch() -> None:
    strike, tingsha, chime = (load_sound(f"{n}.wav") for n in ("strike", "tingsha", "chime"))
    low_hz, high_hz = TINGSHA_BAND_HZ
    assert low_hz <= dominant_frequency_hz(strike) <= high_hz
    assert abs(dominant_frequency_hz(strike) - dominant_frequency_hz(chime)) > 1_000
    assert onset_times_s(strike) == [0.0]
    assert peak_dbfs(strike.samples) <= peak_dbfs(tingsha.samples) - 6
    assert strike.duration_s < tingsha.duration_s - 3
    t60_s = estimate_t60_s(fundamental_envelope(strike), strike.sample_rate_hz, 0.2, 2.4)
    assert 1.5 <= t60_s <= 4.0, "it rings out in a few seconds"
    _, depth = beat_frequency_and_depth(
        fundamental_envelope(strike), strike.sample_rate_hz, 0.2, strike.duration_s - 0.5
    )
    assert depth < 0.1, "one cymbal: no beating"


def test_warning_is_gentle_and_distinct_from_chime_and_tingsha() -> None:
    warning, chime = load_sound("warning.wav"), load_sound("chime.wav")
    tingsha = load_sound("tingsha.wav")
    warning_hz, chime_hz = dominant_frequency_hz(warning), dominant_frequency_hz(chime)
    assert 700 <= warning_hz <= 900
    assert abs(warning_hz - chime_hz) > 0.15 * chime_hz
    assert warning.duration_s < chime.duration_s - 0.5
    assert peak_dbfs(warning.samples) <= peak_dbfs(chime.samples) - 2
    warning_db = level_db(np.mean(warning.samples**2))
    assert warning_db <= level_db(np.mean(tingsha.window(0.0, 1.0) ** 2)) - 3


def test_generator_reproduces_the_committed_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = importlib.util.spec_from_file_location("make_bells", GENERATOR_SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    generator = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "make_bells", generator)
    spec.loader.exec_module(generator)

    assert generator.main(["--out", str(tmp_path)]) == 0

    regenerated = sorted(path.name for path in tmp_path.glob("*.wav"))
    assert regenerated == sorted(EXPECTED)
    for name in regenerated:
        committed = (SOUNDS_DIR / name).read_bytes()
        assert (tmp_path / name).read_bytes() == committed, f"{name} differs from the script"
