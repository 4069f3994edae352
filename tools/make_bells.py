"""Synthesise the app's bell sounds (tingsha, chime, strike, warning, end) as WAV files.

Our own modal synthesis, fully deterministic (fixed random seeds, no timestamps), so running
it again gives byte-identical files:

    python tools/make_bells.py [--out DIR]
"""

from __future__ import annotations

import argparse
import wave
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from collections.abc import Sequence

SAMPLE_RATE_HZ = 48_000
FULL_SCALE = 32_767
DEFAULT_OUT_DIR = Path(__file__).resolve().parents[1] / "assets" / "sounds"

# An exponential decay exp(-k t) falls by 60 dB (a factor 1000) in T60 = ln(1000) / k.
NEPERS_PER_60_DB = float(np.log(1000.0))


@dataclass(frozen=True)
class Partial:
    """One vibration mode: frequency ratio to f0, relative amplitude and 60 dB decay time."""

    ratio: float
    amplitude: float
    t60_s: float


# A small cymbal: inharmonic modes, the fundamental rings longest, the next pair for a few
# seconds, the rest only in the first second (they carry the bright "strike"). A negative
# amplitude is a mode whose shape has the opposite sign at the strike point; these signs were
# chosen to keep the strike's first peak low, so the ring itself can sit closer to -1 dBFS.
TINGSHA_PARTIALS: tuple[Partial, ...] = (
    Partial(1.00, 1.00, 9.0),
    Partial(2.23, 0.40, 3.4),
    Partial(2.25, 0.34, 3.1),
    Partial(3.47, -0.18, 0.90),
    Partial(3.56, 0.15, 0.80),
    Partial(3.62, -0.13, 0.75),
    Partial(3.94, 0.10, 0.60),
    Partial(4.34, -0.08, 0.50),
    Partial(4.37, -0.07, 0.45),
    Partial(6.04, 0.05, 0.30),
)
TINGSHA_F0_HZ = 2450.0
TINGSHA_MISTUNING_HZ = 3.0  # the second cymbal is this much higher: the pair beats at ~3 Hz
SECOND_CYMBAL_LEVEL = 0.75
TINGSHA_LENGTH_S = 7.0
TINGSHA_SEED = 2_450
STRIKE_CONTACT_S = 0.0003  # metal on metal: the ring builds up over a fraction of a millisecond
CLINK_LENGTH_S = 0.0025
CLINK_BAND_HZ = (5_000.0, 12_000.0)
CLINK_LEVEL = 0.8  # peak of the clink, relative to the fundamental's amplitude

END_STRIKE_SPACING_S = 1.3
END_STRIKE_COUNT = 3
END_RING_OUT_S = 5.4  # the last strike rings this long
END_SEED = 3_030

# A softer, lower bell for a speaker swap: near-harmonic modes, no beating.
CHIME_PARTIALS: tuple[Partial, ...] = (
    Partial(1.00, 1.00, 4.0),
    Partial(2.01, 0.30, 2.2),
    Partial(3.03, 0.12, 1.2),
    Partial(4.07, 0.05, 0.8),
)
CHIME_F0_HZ = 1_175.0  # D6
CHIME_LENGTH_S = 2.5
CHIME_ATTACK_S = 0.006

# A soft single strike for a phase in which someone turns their back: one cymbal of the
# tingsha (no second one, so no beating), struck lightly, ringing out in about three seconds.
STRIKE_DECAY_SCALE = 0.3  # every mode dies this much faster than in the tingsha
STRIKE_LENGTH_S = 3.0
STRIKE_CLINK_LEVEL = 0.3
STRIKE_SEED = 1_225

# Two soft, low, falling tones with slow edges.
WARNING_TONES_HZ = (880.0, 740.0)
WARNING_TONE_STARTS_S = (0.05, 0.75)
WARNING_TONE_LENGTH_S = 0.6
WARNING_TONE_EDGE_S = 0.06
WARNING_TONE_T60_S = 1.2  # each tone fades as it sounds, like a softly struck bar
WARNING_SECOND_HARMONIC = 0.12
WARNING_LENGTH_S = 1.5

PEAK_DBFS = {"tingsha": -1.0, "chime": -6.0, "strike": -8.0, "warning": -9.0, "end": -1.0}
END_FADE_S = {"tingsha": 0.5, "chime": 0.4, "strike": 0.4, "warning": 0.05, "end": 0.5}


def sample_times(length_s: float) -> np.ndarray:
    """Return the sample times in seconds for a sound of the given length."""
    return np.arange(round(length_s * SAMPLE_RATE_HZ)) / SAMPLE_RATE_HZ


def decaying_partials(f0_hz: float, partials: Sequence[Partial], length_s: float) -> np.ndarray:
    """Sum exponentially decaying sine partials, all starting at zero phase (a struck body)."""
    times = sample_times(length_s)
    signal = np.zeros_like(times)
    for partial in partials:
        decay = np.exp(-NEPERS_PER_60_DB * times / partial.t60_s)
        signal += partial.amplitude * decay * np.sin(2 * np.pi * partial.ratio * f0_hz * times)
    return signal


def band_limited_noise(
    rng: np.random.Generator, n_samples: int, low_hz: float, high_hz: float
) -> np.ndarray:
    """Return white noise restricted to [low_hz, high_hz] by zeroing the rest of its spectrum."""
    block = 4096
    spectrum = np.fft.rfft(rng.standard_normal(block))
    frequencies = np.fft.rfftfreq(block, 1 / SAMPLE_RATE_HZ)
    spectrum[(frequencies < low_hz) | (frequencies > high_hz)] = 0
    return np.fft.irfft(spectrum, block)[:n_samples]


def clink(rng: np.random.Generator) -> np.ndarray:
    """Return the 2-3 ms metallic noise burst of two cymbals hitting, normalised to peak 1."""
    n_samples = round(CLINK_LENGTH_S * SAMPLE_RATE_HZ)
    noise = band_limited_noise(rng, n_samples, *CLINK_BAND_HZ)
    times = np.arange(n_samples) / SAMPLE_RATE_HZ
    rise_time_s = CLINK_LENGTH_S / 6
    envelope = (times / rise_time_s) * np.exp(1 - times / rise_time_s)
    envelope *= 0.5 * (1 + np.cos(np.pi * np.arange(n_samples) / n_samples))  # close to zero
    burst = noise * envelope
    return burst / np.max(np.abs(burst))


def tingsha_strike(
    rng: np.random.Generator,
    length_s: float,
    f0_hz: float = TINGSHA_F0_HZ,
    mistuning_hz: float = TINGSHA_MISTUNING_HZ,
) -> np.ndarray:
    """Return one strike of the pair of cymbals: two mistuned rings plus the clink."""
    first_cymbal = decaying_partials(f0_hz, TINGSHA_PARTIALS, length_s)
    second_cymbal = decaying_partials(f0_hz + mistuning_hz, TINGSHA_PARTIALS, length_s)
    signal = fade_in(first_cymbal + SECOND_CYMBAL_LEVEL * second_cymbal, STRIKE_CONTACT_S)
    burst = clink(rng)
    signal[: burst.size] += CLINK_LEVEL * burst
    return signal


def fade_in(signal: np.ndarray, length_s: float) -> np.ndarray:
    """Return the signal with a raised-cosine rise over its first length_s seconds."""
    n_samples = round(length_s * SAMPLE_RATE_HZ)
    ramp = 0.5 * (1 - np.cos(np.pi * np.arange(n_samples) / n_samples))
    faded = signal.copy()
    faded[:n_samples] *= ramp
    return faded


def fade_out(signal: np.ndarray, length_s: float) -> np.ndarray:
    """Return the signal with a raised-cosine fall to exactly zero over its last length_s."""
    n_samples = round(length_s * SAMPLE_RATE_HZ)
    ramp = 0.5 * (1 + np.cos(np.pi * np.arange(1, n_samples + 1) / n_samples))
    faded = signal.copy()
    faded[-n_samples:] *= ramp
    return faded


def normalise_peak(signal: np.ndarray, peak_dbfs: float) -> np.ndarray:
    """Scale the signal so its largest absolute sample sits at peak_dbfs."""
    return signal * (10 ** (peak_dbfs / 20) / np.max(np.abs(signal)))


def make_tingsha(
    f0_hz: float = TINGSHA_F0_HZ,
    mistuning_hz: float = TINGSHA_MISTUNING_HZ,
    seed: int = TINGSHA_SEED,
) -> np.ndarray:
    """Return the tingsha: one strike of two beating cymbals, left to ring for ~7 s."""
    rng = np.random.default_rng(seed)
    signal = tingsha_strike(rng, TINGSHA_LENGTH_S, f0_hz, mistuning_hz)
    signal = fade_out(signal, END_FADE_S["tingsha"])
    return normalise_peak(signal, PEAK_DBFS["tingsha"])


def make_end(
    strike_spacing_s: float = END_STRIKE_SPACING_S,
    strike_count: int = END_STRIKE_COUNT,
    seed: int = END_SEED,
) -> np.ndarray:
    """Return the end signal: tingsha strikes at a steady spacing, the last one rings out."""
    rng = np.random.default_rng(seed)
    length_s = (strike_count - 1) * strike_spacing_s + END_RING_OUT_S
    signal = np.zeros(round(length_s * SAMPLE_RATE_HZ))
    for strike_index in range(strike_count):
        start = round(strike_index * strike_spacing_s * SAMPLE_RATE_HZ)
        strike = tingsha_strike(rng, (signal.size - start) / SAMPLE_RATE_HZ)
        signal[start : start + strike.size] += strike
    signal = fade_out(signal, END_FADE_S["end"])
    return normalise_peak(signal, PEAK_DBFS["end"])


def make_chime(f0_hz: float = CHIME_F0_HZ) -> np.ndarray:
    """Return the speaker-swap chime: a soft, lower, near-harmonic bell of ~2.5 s."""
    signal = decaying_partials(f0_hz, CHIME_PARTIALS, CHIME_LENGTH_S)
    signal = fade_in(signal, CHIME_ATTACK_S)
    signal = fade_out(signal, END_FADE_S["chime"])
    return normalise_peak(signal, PEAK_DBFS["chime"])


def make_strike(f0_hz: float = TINGSHA_F0_HZ, seed: int = STRIKE_SEED) -> np.ndarray:
    """Return the turn-your-back strike: one lightly struck cymbal, no beating, ~3 s."""
    rng = np.random.default_rng(seed)
    partials = tuple(
        Partial(p.ratio, p.amplitude, p.t60_s * STRIKE_DECAY_SCALE) for p in TINGSHA_PARTIALS
    )
    signal = fade_in(decaying_partials(f0_hz, partials, STRIKE_LENGTH_S), STRIKE_CONTACT_S)
    burst = clink(rng)
    signal[: burst.size] += STRIKE_CLINK_LEVEL * burst
    signal = fade_out(signal, END_FADE_S["strike"])
    return normalise_peak(signal, PEAK_DBFS["strike"])


def make_warning(tones_hz: Sequence[float] = WARNING_TONES_HZ) -> np.ndarray:
    """Return the warning: two soft, low, falling tones with slow edges, ~1.5 s in all."""
    signal = np.zeros(round(WARNING_LENGTH_S * SAMPLE_RATE_HZ))
    times = sample_times(WARNING_TONE_LENGTH_S)
    for frequency_hz, start_s in zip(tones_hz, WARNING_TONE_STARTS_S, strict=True):
        tone = np.sin(2 * np.pi * frequency_hz * times)
        tone += WARNING_SECOND_HARMONIC * np.sin(4 * np.pi * frequency_hz * times)
        tone *= np.exp(-NEPERS_PER_60_DB * times / WARNING_TONE_T60_S)
        tone = fade_out(fade_in(tone, WARNING_TONE_EDGE_S), WARNING_TONE_EDGE_S * 2)
        start = round(start_s * SAMPLE_RATE_HZ)
        signal[start : start + tone.size] += tone
    signal = fade_out(signal, END_FADE_S["warning"])
    return normalise_peak(signal, PEAK_DBFS["warning"])


def to_pcm16(signal: np.ndarray) -> bytes:
    """Convert a float signal in [-1, 1] to little-endian 16-bit PCM bytes."""
    if np.max(np.abs(signal)) > 1.0:
        raise ValueError("signal would clip")
    return np.round(signal * FULL_SCALE).astype("<i2").tobytes()


def write_wav(path: Path, signal: np.ndarray) -> None:
    """Write a mono 16-bit 48 kHz WAV file (no timestamps or other varying metadata)."""
    with wave.open(str(path), "wb") as wav_file:
        wav_file.setnchannels(1)
        wav_file.setsampwidth(2)
        wav_file.setframerate(SAMPLE_RATE_HZ)
        wav_file.writeframes(to_pcm16(signal))


def build_all(out_dir: Path) -> list[Path]:
    """Synthesise every bell sound into out_dir and return the paths written."""
    sounds = {
        "tingsha.wav": make_tingsha(),
        "chime.wav": make_chime(),
        "strike.wav": make_strike(),
        "warning.wav": make_warning(),
        "end.wav": make_end(),
    }
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, signal in sounds.items():
        path = out_dir / name
        write_wav(path, signal)
        written.append(path)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the command line, write the WAV files and list them."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out", type=Path, default=DEFAULT_OUT_DIR, help="folder for the WAV files"
    )
    arguments = parser.parse_args(argv)
    for path in build_all(arguments.out):
        print(f"{path}  {path.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
