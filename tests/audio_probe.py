"""Hear the bells for real: a private PulseAudio server, one recorder, and the analysis.

Shared by `tests/test_real_audio.py` and `benchmarks/bench_cue_latency.py`. A null sink
stands in for the speakers; `parec` records its monitor in 1 ms fragments and every chunk
is stamped with `time.monotonic()` as it arrives, so each recorded sample has a time on the
same clock the app's driver (`tests/rehearsal_driver.py`, a child process) uses for its cues.

The analysis knows the four bell WAV files. It finds each sound in the recording by its
waveform (the null sink passes the app's samples through, only scaled by the volume),
subtracts it, and goes on with what is left, so overlapping bells are told apart. A found
sound is also checked without its template: its dominant frequency, and for the end signal
its three strikes.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
import time
import wave
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from facilitator.cli import prepare_timeline
from facilitator.core.documents.library import load_library
from facilitator.core.settings.preferences import DEFAULT_SOUNDS
from facilitator.core.workshop.structures import NO_CUE

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping, Sequence

    from facilitator.core.timing.timeline import Timeline

REPO_ROOT = Path(__file__).resolve().parents[1]
SOUNDS_DIR = REPO_ROOT / "assets" / "sounds"
SAMPLE_RATE_HZ = 48_000
FULL_SCALE = 32_768
SINK_NAME = "bells"
REQUIRE_REAL_PARTS = "FACILITATOR_REQUIRE_REAL_PARTS"
"""When this environment variable is 1, a missing PulseAudio fails the test instead of skipping."""

SOUND_NAMES = ("tingsha", "chime", "warning", "end")
DOMINANT_BANDS_HZ: Mapping[str, tuple[float, float]] = {
    "tingsha": (2_300.0, 2_600.0),
    "end": (2_300.0, 2_600.0),
    "chime": (1_100.0, 1_250.0),
    "warning": (700.0, 920.0),
}
"""Where each sound's strongest frequency lies (tools/make_bells.py): a check without templates."""
STRIKES: Mapping[str, int] = {"tingsha": 1, "end": 3}
"""How many cymbal strikes each tingsha-like sound has."""

QT_SPIN_MARKER = "QSocketNotifier: Invalid socket"
MAX_LOG_BYTES = 1 << 20
"""A child that writes more errors than this is stopped (Qt's loop is spinning)."""
SERVER_START_TIMEOUT_S = 10.0
DRIVER_SETUP_TIMEOUT_S = 30.0
FIRST_DATA_TIMEOUT_S = 10.0
TIME_BASE_WINDOW_S = 2.0
"""The recorder's time base is fitted over chunks this close to a sample (absorbs drift)."""

THRESHOLD = 0.004
"""A sample above this (about -48 dBFS) that no found sound explains starts a new search."""
LEAD_MAX_S = 0.15
"""How long a sound may be quiet at its start (the warning's first tone starts after 50 ms)."""
HEAD_S = 0.15
"""The head of each sound that is matched against the recording."""
LONG_S = 1.4
"""Sounds that start alike (tingsha and end) are told apart over this longer stretch."""
MIN_SCORE = 0.9
"""A match must correlate at least this well with a bell's waveform."""
SKIP_S = 0.005
MAX_UNEXPLAINED = 200
MAX_STEPS = 2_000
CUT_SLACK = 48
"""A bell starting this close to where another was stopped was started in the same instant."""
STRIKE_WINDOW_S = 3.2
"""The end signal's three strikes lie within this long from its start."""
STRIKE_BAND_HZ = 7_000.0
STRIKE_FRAME = 96
"""2 ms frames."""
STRIKE_LOOKBACK_FRAMES = 25
STRIKE_RISE = 100.0
STRIKE_FLOOR = 1e-3
STRIKE_GAP_FRAMES = 50


class AudioUnavailableError(RuntimeError):
    """PulseAudio or its tools are not installed here."""


def missing_tools() -> list[str]:
    """The PulseAudio programs this probe needs that are not installed."""
    return [tool for tool in ("pulseaudio", "pactl", "parec") if shutil.which(tool) is None]


def real_parts_required() -> bool:
    """Whether a missing PulseAudio must fail the run rather than skip it (CI sets this)."""
    return os.environ.get(REQUIRE_REAL_PARTS) == "1"


# --- the server ----------------------------------------------------------------------------


class PulseServer:
    """A private PulseAudio server with one null sink, owned by this process."""

    def __init__(self, folder: Path) -> None:
        runtime = folder / "runtime"
        home = folder / "home"
        runtime.mkdir(mode=0o700, parents=True, exist_ok=True)
        home.mkdir(parents=True, exist_ok=True)
        self.env = {
            **os.environ,
            "XDG_RUNTIME_DIR": str(runtime),
            "HOME": str(home),
            "PULSE_SERVER": f"unix:{runtime}/pulse/native",
        }
        self.log_path = folder / "pulseaudio.log"
        self._process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        """Start the server and wait until it answers; AudioUnavailableError without PulseAudio."""
        missing = missing_tools()
        if missing:
            raise AudioUnavailableError(
                f"PulseAudio is not installed here (missing {', '.join(missing)})"
            )
        with self.log_path.open("wb") as log:
            self._process = subprocess.Popen(
                [
                    "pulseaudio",
                    "--daemonize=no",
                    "-n",
                    "--exit-idle-time=-1",
                    "--use-pid-file=no",
                    "-L",
                    "module-native-protocol-unix auth-anonymous=1",
                    "-L",
                    f"module-null-sink sink_name={SINK_NAME} rate={SAMPLE_RATE_HZ} channels=2",
                    "-L",
                    "module-always-sink",
                ],
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + SERVER_START_TIMEOUT_S
        while self.pactl("info").returncode != 0:
            if self._process.poll() is not None or time.monotonic() > deadline:
                log_text = self.log_path.read_text(errors="replace")[-2000:]
                self.stop()
                raise RuntimeError(f"PulseAudio did not start:\n{log_text}")
            time.sleep(0.02)
        self.pactl("set-default-sink", SINK_NAME, check=True)

    def pactl(self, *arguments: str, check: bool = False) -> subprocess.CompletedProcess[str]:
        """Run pactl against this server."""
        return subprocess.run(
            ["pactl", *arguments], env=self.env, capture_output=True, text=True, check=check
        )

    def stop(self) -> None:
        """Stop the server (also after a failure); safe to call twice."""
        _stop_process(self._process)
        self._process = None


def _stop_process(process: subprocess.Popen[bytes] | None) -> None:
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=5)


# --- the recorder ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Recording:
    """What the sink played: samples in [-1, 1) and when each chunk of them arrived."""

    samples: np.ndarray
    arrivals: np.ndarray
    """time.monotonic() at which each chunk arrived."""
    chunk_ends: np.ndarray
    """The index just past each chunk's last sample."""

    def _offsets(self) -> np.ndarray:
        return self.arrivals - self.chunk_ends / SAMPLE_RATE_HZ

    def time_of(self, index: int) -> float:
        """When sample `index` reached the recorder (the earliest time every chunk agrees with)."""
        window = round(TIME_BASE_WINDOW_S * SAMPLE_RATE_HZ)
        near = np.abs(self.chunk_ends - index) <= window
        offsets = self._offsets()
        base = float(offsets[near].min() if near.any() else offsets.min())
        return base + index / SAMPLE_RATE_HZ

    def index_at(self, when: float) -> int:
        """The sample that reached the recorder at monotonic time `when` (clipped to the data)."""
        guess = round((when - float(self._offsets().min())) * SAMPLE_RATE_HZ)
        guess = min(max(guess, 0), self.samples.size)
        refined = guess + round((when - self.time_of(guess)) * SAMPLE_RATE_HZ)
        return min(max(refined, 0), self.samples.size)


class Recorder:
    """One `parec` on the sink's monitor; every chunk is timestamped as it arrives."""

    def __init__(self, env: Mapping[str, str]) -> None:
        self._process = subprocess.Popen(
            [
                "parec",
                f"--device={SINK_NAME}.monitor",
                "--format=s16le",
                f"--rate={SAMPLE_RATE_HZ}",
                "--channels=1",
                "--latency-msec=1",
                "--raw",
            ],
            env=dict(env),
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self._chunks: list[bytes] = []
        self._arrivals: list[float] = []
        self._lock = threading.Lock()
        self._first_data = threading.Event()
        self._thread = threading.Thread(target=self._read, name="parec-reader", daemon=True)
        self._thread.start()

    def _read(self) -> None:
        assert self._process.stdout is not None
        descriptor = self._process.stdout.fileno()
        while True:
            data = os.read(descriptor, 1 << 16)
            arrived = time.monotonic()
            if not data:
                return
            with self._lock:
                self._chunks.append(data)
                self._arrivals.append(arrived)
            self._first_data.set()

    def wait_for_data(self, timeout: float = FIRST_DATA_TIMEOUT_S) -> None:
        """Block until the first samples arrive (about 2 s on an idle null sink)."""
        if not self._first_data.wait(timeout):
            raise RuntimeError(f"parec delivered no data within {timeout:g} s")

    def recording(self) -> Recording:
        """Everything recorded so far."""
        with self._lock:
            chunks = list(self._chunks)
            arrivals = np.array(self._arrivals)
        sizes = np.array([len(chunk) for chunk in chunks], dtype=np.int64)
        chunk_ends = np.cumsum(sizes) // 2
        data = b"".join(chunks)
        samples = np.frombuffer(data[: len(data) // 2 * 2], dtype="<i2") / FULL_SCALE
        return Recording(samples, arrivals, chunk_ends)

    def stop(self) -> None:
        """Stop recording (also after a failure); safe to call twice."""
        _stop_process(self._process)  # type: ignore[arg-type]
        self._thread.join(timeout=5)


@contextmanager
def pulse_session(folder: Path) -> Iterator[tuple[PulseServer, Recorder]]:
    """A private server and one recorder that already delivers data; both stopped at the end."""
    server = PulseServer(folder)
    server.start()
    recorder: Recorder | None = None
    try:
        recorder = Recorder(server.env)
        recorder.wait_for_data()
        yield server, recorder
    finally:
        if recorder is not None:
            recorder.stop()
        server.stop()


# --- the app, in a child process ------------------------------------------------------------


@dataclass(frozen=True)
class ScheduledCue:
    """One cue as the driver saw it: when it was due and when play() was called."""

    cue: str
    moment: str
    scheduled: float
    """time.monotonic() of the cue's planned moment."""
    played: float | None
    """time.monotonic() at which the bell's play() was called, or None when none was."""
    sound: str | None


def run_driver(
    env: Mapping[str, str],
    data_dir: Path,
    *,
    structure: str,
    speed: float,
    fit_minutes: float | None,
    tail_s: float,
    timeout_s: float,
    sounds: Mapping[str, str] | None = None,
    volume: float | None = None,
) -> list[ScheduledCue]:
    """Run a whole rehearsal with the real app parts in a child process; its cues.

    `sounds` sets the sound of some cues (cue -> a built-in name or `file:PATH`).
    """
    command = [
        sys.executable,
        "-m",
        "tests.rehearsal_driver",
        structure,
        "--speed",
        str(speed),
        "--tail",
        str(tail_s),
    ]
    if fit_minutes is not None:
        command += ["--fit", str(fit_minutes)]
    if sounds:
        command += ["--sounds", json.dumps(dict(sounds))]
    if volume is not None:
        command += ["--volume", str(volume)]
    data_dir.mkdir(parents=True, exist_ok=True)
    child_env = {
        **env,
        "QT_QPA_PLATFORM": "offscreen",
        "FACILITATOR_DATA_DIR": str(data_dir),
        "PYTHONPATH": str(REPO_ROOT),
    }
    stdout = run_watched(command, child_env, data_dir / "driver.log", timeout_s)
    cues = []
    for line in stdout.decode().splitlines():
        if not line.startswith("{"):
            continue
        record = json.loads(line)
        if record.get("event") == "cue":
            cues.append(
                ScheduledCue(
                    record["cue"],
                    record["moment"],
                    record["scheduled"],
                    record["played"],
                    record["sound"],
                )
            )
    return cues


def run_watched(
    command: Sequence[str], env: Mapping[str, str], log_path: Path, timeout_s: float
) -> bytes:
    """Run a child with its errors in `log_path`; its output. Stops it if Qt floods the log."""
    with log_path.open("wb") as log:  # a file, not a pipe: Qt may print a great deal
        child = subprocess.Popen(
            list(command), env=dict(env), cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=log
        )
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                stdout, _ = child.communicate(timeout=0.5)
                break
            except subprocess.TimeoutExpired:
                if log_path.stat().st_size > MAX_LOG_BYTES or time.monotonic() > deadline:
                    child.kill()
                    child.communicate()
                    check_qt_log(log_path)
                    raise RuntimeError(f"the child did not finish in {timeout_s:g} s") from None
    if child.returncode != 0:
        tail = log_path.read_bytes()[-3000:].decode(errors="replace")
        raise RuntimeError(f"{' '.join(command[:3])} failed ({child.returncode}):\n{tail}")
    check_qt_log(log_path)
    return stdout


def check_qt_log(path: Path) -> None:
    """Fail if Qt's event loop spun on a closed socket (the Qt 6.11 QSoundEffect fault)."""
    with path.open("rb") as log:
        head = log.read(1 << 16).decode(errors="replace")
    if QT_SPIN_MARKER in head:
        raise RuntimeError(
            f"Qt's event loop spun on a closed socket ({QT_SPIN_MARKER!r} in {path}): a bell "
            "voice was destroyed on the audio thread (docs/decisions/0001-audio-backend.md)"
        )


def expected_cues(timeline: Timeline) -> list[str]:
    """Every cue of a timeline in the order it is due: segment starts, warnings and the end."""
    return [planned.cue for planned in timeline.planned_cues()]


@dataclass(frozen=True)
class Rehearsal:
    """One rehearsal run through the real sound system, and what was heard."""

    expected: list[str]
    """The timeline's cues, in order."""
    cues: list[ScheduledCue]
    """The cues the app saw due, in order."""
    analysis: Analysis
    heard: list[Heard]
    bands: Mapping[str, tuple[float, float]] = field(default_factory=lambda: DOMINANT_BANDS_HZ)
    """Where each rung sound's strongest frequency lies."""

    def problems(self, bound_ms: float) -> list[str]:
        """Everything wrong: cues not due as planned, bells missing, wrong, garbled or late."""
        problems = []
        seen = [cue.cue for cue in self.cues]
        if seen != self.expected:
            problems.append(f"the app saw the cues {seen}, the timeline has {self.expected}")
        return problems + problems_with(self.heard, self.analysis, bound_ms, self.bands)

    def heard_right(self) -> int:
        """How many cues were heard with their own sound."""
        return sum(1 for item in self.heard if item.onset and item.onset.sound == item.expected)

    def first_late_ms(self) -> float | None:
        """How late the first cue's bell was, in milliseconds."""
        return self.heard[0].late_ms if self.heard else None

    def later_late_ms(self) -> list[float]:
        """How late every later cue's bell was, in milliseconds."""
        return [late for item in self.heard[1:] if (late := item.late_ms) is not None]


def rehearse(
    server: PulseServer,
    recorder: Recorder,
    data_dir: Path,
    *,
    structure: str,
    speed: float,
    fit_minutes: float | None = None,
    tail_s: float = 3.5,
    sounds: Mapping[str, str] | None = None,
    volume: float | None = None,
) -> Rehearsal:
    """Rehearse a structure with the real app parts and find every bell in the recording.

    With `sounds` (cue -> `file:PATH` of a facilitator's own bell), those cues ring those
    files, and the analysis looks for exactly the sounds the rehearsal rings.
    """
    timeline = prepare_timeline(
        load_library(), structure, questions=None, fit=fit_minutes, language="en"
    )
    expected = expected_cues(timeline)
    timeout = timeline.total_seconds / speed + tail_s + DRIVER_SETUP_TIMEOUT_S
    cues = run_driver(
        server.env,
        data_dir,
        structure=structure,
        speed=speed,
        fit_minutes=fit_minutes,
        tail_s=tail_s,
        timeout_s=timeout,
        sounds=sounds,
        volume=volume,
    )
    recording = recorder.recording()
    start = recording.index_at(cues[0].scheduled - 0.5) if cues else recording.samples.size
    chosen = {**DEFAULT_SOUNDS, **(sounds or {})}
    templates = load_templates()
    if sounds:
        templates = {name: load_wav(sound_file(name)) for name in set(chosen.values())}
    analysis = find_bells(recording, templates, start=start)
    played = [chosen.get(cue.cue, NO_CUE) for cue in cues]
    heard = pair_cues_with_bells(cues, played, analysis.onsets)
    return Rehearsal(expected, cues, analysis, heard, bands_for(templates))


# --- the analysis ---------------------------------------------------------------------------


def load_templates(folder: Path = SOUNDS_DIR) -> dict[str, np.ndarray]:
    """The four bells as float samples in [-1, 1), read from their WAV files."""
    return {name: load_wav(folder / f"{name}.wav") for name in SOUND_NAMES}


def load_wav(path: Path) -> np.ndarray:
    """A 16-bit mono WAV file's samples in [-1, 1)."""
    with wave.open(str(path), "rb") as wav_file:
        frames = wav_file.readframes(wav_file.getnframes())
    return np.frombuffer(frames, dtype="<i2") / FULL_SCALE


def sound_file(value: str) -> Path:
    """The file of a sound value: a built-in bell's name or `file:PATH`."""
    if value.startswith("file:"):
        return Path(value.removeprefix("file:"))
    return SOUNDS_DIR / f"{value}.wav"


BAND_MARGIN = 0.08
"""A sound other than the four bells must show its own strongest frequency within 8%."""


def bands_for(templates: Mapping[str, np.ndarray]) -> dict[str, tuple[float, float]]:
    """Where each template's strongest frequency lies: the bells' own bands, else measured."""
    bands = {}
    for name, template in templates.items():
        if name in DOMINANT_BANDS_HZ:
            bands[name] = DOMINANT_BANDS_HZ[name]
            continue
        peak = dominant_frequency(template[: round(0.3 * SAMPLE_RATE_HZ)])
        bands[name] = (peak * (1 - BAND_MARGIN), peak * (1 + BAND_MARGIN))
    return bands


@dataclass(frozen=True)
class Onset:
    """One bell found in the recording."""

    sound: str
    index: int
    """The sample at which the bell's first sample was heard."""
    time: float
    """When that sample reached the recorder (time.monotonic())."""
    score: float
    """How well the bell's waveform matches (normalised correlation, 1 is exact)."""
    gain: float
    dominant_hz: float
    strikes: int
    """Strikes counted without the template (tingsha-like sounds only, else 0)."""
    heard_s: float
    """How long it rang before it ended or was stopped for a later bell."""


@dataclass(frozen=True)
class Analysis:
    """Every bell found, and samples that no bell explained."""

    onsets: list[Onset]
    unexplained: list[float]
    """Times of loud samples that matched no bell."""


@dataclass
class _Match:
    """A bell placed in the recording: which one, where, how well and how loud."""

    sound: str
    lag: int
    score: float
    gain: float
    length: int
    """Samples of it in the recording (shorter than its file when stopped early)."""

    def contribution(
        self, templates: Mapping[str, np.ndarray], start: int, stop: int
    ) -> np.ndarray:
        """Its samples between recording positions `start` and `stop` (zero outside it)."""
        out = np.zeros(stop - start)
        begin, end = max(start, self.lag), min(stop, self.lag + self.length)
        if begin < end:
            out[begin - start : end - start] = (
                self.gain * templates[self.sound][begin - self.lag : end - self.lag]
            )
        return out


def _sliding_scores(segment: np.ndarray, head: np.ndarray, lags: int) -> np.ndarray:
    """Normalised correlation of `head` with `segment` at lags 0..lags-1."""
    width = head.size
    size = 1 << int(np.ceil(np.log2(segment.size + width)))
    dots = np.fft.irfft(np.fft.rfft(segment, size) * np.conj(np.fft.rfft(head, size)), size)
    dots = dots[:lags]
    energy = np.concatenate(([0.0], np.cumsum(segment**2)))
    windows = energy[width : width + lags] - energy[:lags]
    return dots / np.sqrt(np.maximum(windows, 1e-20) * float(head @ head))


def _fit(residual: np.ndarray, lag: int, template: np.ndarray, length: int) -> tuple[float, float]:
    """Correlation and least-squares gain of `template` placed at `lag`, over `length` samples."""
    end = min(lag + length, residual.size, lag + template.size)
    part = residual[lag:end]
    model = template[: end - lag]
    energy = float(model @ model) or 1e-20
    denominator = float(np.sqrt((part @ part) * energy)) or 1e-20
    return float(part @ model) / denominator, float(part @ model) / energy


def _best_match(
    residual: np.ndarray, first: int, templates: Mapping[str, np.ndarray]
) -> _Match | None:
    """The bell and lag that best explain the sound starting near sample `first`."""
    lead = round(LEAD_MAX_S * SAMPLE_RATE_HZ)
    head_length = round(HEAD_S * SAMPLE_RATE_HZ)
    start = max(0, first - lead)
    lags = first + 2 - start
    segment = residual[start : start + lags + head_length]
    if segment.size < lags + head_length:
        return None
    heads = {}
    for name, template in templates.items():
        scores = _sliding_scores(segment, template[:head_length], lags)
        best = int(np.argmax(scores))
        heads[name] = (float(scores[best]), start + best)
    top = max(score for score, _ in heads.values())
    contenders = [name for name, (score, _) in heads.items() if score >= top - 0.05]
    long_length = round(LONG_S * SAMPLE_RATE_HZ)
    fits = {n: _fit(residual, heads[n][1], templates[n], long_length)[0] for n in contenders}
    name = max(contenders, key=lambda n: fits[n])
    score, lag = heads[name]
    _, gain = _fit(residual, lag, templates[name], head_length)
    return _Match(name, lag, score, gain, templates[name].size)


def _leftover(
    local: np.ndarray, match: _Match | None, templates: Mapping[str, np.ndarray]
) -> float:
    """Energy left over the stretch after `match` once it is subtracted (inf for no match)."""
    if match is None or match.score < MIN_SCORE:
        return float("inf")
    stop = min(local.size, match.lag + round(LONG_S * SAMPLE_RATE_HZ))
    rest = local[match.lag : stop] - match.contribution(templates, match.lag, stop)
    return float(rest @ rest)


def _stopped_bell(
    residual: np.ndarray,
    first: int,
    found: Sequence[_Match],
    templates: Mapping[str, np.ndarray],
) -> tuple[_Match, int] | None:
    """A bell found earlier that was stopped near `first`, and where it stopped, if one was.

    Subtracting a whole bell that was cut short leaves its missing tail, negated, in the
    residual. That tail either explains the loud sample by itself, or hides a bell that
    started in the same instant (the player stops its oldest effect to ring a new one).
    """
    check = round(0.02 * SAMPLE_RATE_HZ)
    lead = round(LEAD_MAX_S * SAMPLE_RATE_HZ)
    start = max(0, first - lead)
    stop = min(residual.size, first + round((HEAD_S + LONG_S) * SAMPLE_RATE_HZ))
    local = residual[start:stop]
    here = first - start
    plain = _leftover(local, _best_match(local, here, templates), templates)
    before = float(local[here : here + check] @ local[here : here + check])
    best: tuple[float, _Match, int] | None = None
    for bell in found:
        cut_already = bell.length < templates[bell.sound].size
        if cut_already or not bell.lag + CUT_SLACK < first < bell.lag + bell.length:
            continue
        restored = local.copy()
        restored[here:] += bell.contribution(templates, first, stop)
        part = restored[here : here + check]
        if float(part @ part) < 0.01 * before:
            return bell, first
        match = _best_match(restored, here, templates)
        left = _leftover(restored, match, templates)
        cut = min(first, start + match.lag) if match is not None else first
        if left < 0.25 * plain and cut > bell.lag + CUT_SLACK and (best is None or left < best[0]):
            best = (left, bell, cut)
    return (best[1], best[2]) if best else None


def dominant_frequency(signal: np.ndarray) -> float:
    """The strongest frequency in `signal` (Hann window)."""
    if signal.size < 16:
        return 0.0
    spectrum = np.abs(np.fft.rfft(signal * np.hanning(signal.size)))
    return float(np.fft.rfftfreq(signal.size, 1 / SAMPLE_RATE_HZ)[int(np.argmax(spectrum))])


def count_strikes(signal: np.ndarray) -> int:
    """How many cymbal strikes `signal` holds, found without a template.

    A strike sets the cymbals' high modes (above 7 kHz) ringing at once; they die away
    within a second, so each strike is a sudden jump of the energy up there, far above
    anything in the 50 ms before it (the modes' beating is much slower than that).
    """
    if signal.size < STRIKE_FRAME:
        return 0
    spectrum = np.fft.rfft(signal)
    spectrum[np.fft.rfftfreq(signal.size, 1 / SAMPLE_RATE_HZ) < STRIKE_BAND_HZ] = 0
    high = np.fft.irfft(spectrum, signal.size)
    frames = high[: high.size // STRIKE_FRAME * STRIKE_FRAME].reshape(-1, STRIKE_FRAME)
    energy = (frames**2).sum(axis=1)
    floor = energy.max() * STRIKE_FLOOR
    strikes = 0
    last = -STRIKE_GAP_FRAMES
    for index, value in enumerate(energy):
        before = energy[max(0, index - STRIKE_LOOKBACK_FRAMES) : index]
        rising = value > STRIKE_RISE * (before.max() if before.size else 0.0)
        if value > floor and rising and index - last >= STRIKE_GAP_FRAMES:
            strikes += 1
            last = index
    return strikes


def _next_loud(signal: np.ndarray, cursor: int) -> int | None:
    """The first sample from `cursor` on that is louder than the threshold."""
    block = SAMPLE_RATE_HZ
    while cursor < signal.size:
        loud = np.flatnonzero(np.abs(signal[cursor : cursor + block]) > THRESHOLD)
        if loud.size:
            return cursor + int(loud[0])
        cursor += block
    return None


def find_bells(
    recording: Recording,
    templates: Mapping[str, np.ndarray] | None = None,
    *,
    start: int = 0,
) -> Analysis:
    """Find every bell in the recording from sample `start` on, in the order they were heard.

    Each bell found is subtracted, so the next one is found in what is left, even while
    earlier bells still ring; a bell stopped early is subtracted only as far as it rang.
    """
    templates = templates or load_templates()
    residual = np.array(recording.samples[start:], dtype=np.float64)
    found: list[_Match] = []
    unexplained: list[float] = []
    cursor = steps = 0
    skip = round(SKIP_S * SAMPLE_RATE_HZ)
    while (first := _next_loud(residual, cursor)) is not None:
        steps += 1
        if len(unexplained) > MAX_UNEXPLAINED or steps > MAX_STEPS:
            break  # the recording is nothing like the bells; enough has been said
        stopped = _stopped_bell(residual, first, found, templates)
        if stopped is not None:
            bell, cut = stopped
            residual[cut:] += bell.contribution(templates, cut, residual.size)
            bell.length = cut - bell.lag
            # A bell fitted at the cut before the cut was seen is fitted again without it.
            for other in [m for m in found if m is not bell and m.lag >= cut - CUT_SLACK]:
                residual[other.lag :] += other.contribution(templates, other.lag, residual.size)
                found.remove(other)
                cursor = min(cursor, other.lag)
            continue
        match = _best_match(residual, first, templates)
        if match is None or match.score < MIN_SCORE:
            unexplained.append(recording.time_of(start + first))
            cursor = first + skip
            continue
        residual[match.lag :] -= match.contribution(templates, match.lag, residual.size)
        found.append(match)
        cursor = max(first + 1, match.lag + skip)
    return Analysis([_onset(m, residual, templates, recording, start) for m in found], unexplained)


def _onset(
    match: _Match,
    residual: np.ndarray,
    templates: Mapping[str, np.ndarray],
    recording: Recording,
    start: int,
) -> Onset:
    """Describe one bell, measured on the recording with every other bell taken out."""
    end = min(residual.size, match.lag + match.length)
    alone = residual[match.lag : end] + match.contribution(templates, match.lag, end)
    strikes = (
        count_strikes(alone[: round(STRIKE_WINDOW_S * SAMPLE_RATE_HZ)])
        if match.sound in STRIKES
        else 0
    )
    return Onset(
        match.sound,
        start + match.lag,
        recording.time_of(start + match.lag),
        match.score,
        match.gain,
        dominant_frequency(alone[: round(0.3 * SAMPLE_RATE_HZ)]),
        strikes,
        match.length / SAMPLE_RATE_HZ,
    )


@dataclass(frozen=True)
class Heard:
    """A scheduled cue and the bell heard for it."""

    cue: ScheduledCue
    expected: str
    onset: Onset | None

    @property
    def late_ms(self) -> float | None:
        """Milliseconds from the cue's moment to its bell's first sample at the sink."""
        return None if self.onset is None else (self.onset.time - self.cue.scheduled) * 1000


def pair_cues_with_bells(
    cues: Sequence[ScheduledCue], expected_sounds: Sequence[str], onsets: Sequence[Onset]
) -> list[Heard]:
    """Pair the n-th cue with the n-th bell heard (both in time order)."""
    paired = []
    for position, (cue, expected) in enumerate(zip(cues, expected_sounds, strict=True)):
        onset = onsets[position] if position < len(onsets) else None
        paired.append(Heard(cue, expected, onset))
    return paired


def problems_with(
    heard: Sequence[Heard],
    analysis: Analysis,
    bound_ms: float,
    bands: Mapping[str, tuple[float, float]] = DOMINANT_BANDS_HZ,
) -> list[str]:
    """Everything wrong with what was heard: missing, extra, wrong, garbled or late bells."""
    problems = []
    onsets = analysis.onsets
    if len(onsets) != len(heard):
        problems.append(f"{len(heard)} cues were due but {len(onsets)} bells were heard")
    if analysis.unexplained:
        problems.append(
            f"{len(analysis.unexplained)} loud moments matched no bell (a garbled or foreign "
            f"sound), the first at monotonic {analysis.unexplained[0]:.3f}"
        )
    for position, item in enumerate(heard):
        label = f"cue {position} ({item.cue.cue})"
        onset = item.onset
        if onset is None:
            problems.append(f"{label}: no bell was heard")
            continue
        if onset.sound != item.expected:
            problems.append(f"{label}: heard {onset.sound}, expected {item.expected}")
        low, high = bands[item.expected]
        if not low <= onset.dominant_hz <= high:
            problems.append(
                f"{label}: its strongest frequency is {onset.dominant_hz:.0f} Hz, "
                f"expected {low:.0f}-{high:.0f} Hz for {item.expected}"
            )
        if item.expected in STRIKES and onset.strikes != STRIKES[item.expected]:
            problems.append(
                f"{label}: {onset.strikes} strikes heard, expected {STRIKES[item.expected]}"
            )
        late = item.late_ms
        if late is not None and not -EARLIEST_MS <= late <= bound_ms:
            problems.append(f"{label}: first sample {late:.1f} ms after its moment")
    return problems


EARLIEST_MS = 10.0
"""Bells are struck a little ahead (RunModel.set_cue_lead) to land on their moment; one
arriving more than this early means the lead is wrong."""


def _label(sound: str) -> str:
    """A sound as the table shows it: a bell's name, or an own file's name."""
    return sound_file(sound).name if sound.startswith("file:") else sound


def format_table(heard: Sequence[Heard]) -> str:
    """What was due and what was heard, one line per cue."""
    header = (
        f"{'#':>2}  {'cue':<13} {'expected':<8} {'heard':<8} {'Hz':>5} {'strikes':>7} "
        f"{'fit':>6} {'to play ms':>10} {'late ms':>8}"
    )
    lines = [header]
    for position, item in enumerate(heard):
        cue, onset = item.cue, item.onset
        to_play = f"{(cue.played - cue.scheduled) * 1000:.2f}" if cue.played is not None else "-"
        start = f"{position:>2}  {cue.cue:<13} {_label(item.expected):<8}"
        if onset is None:
            lines.append(f"{start} {'-':<8}")
            continue
        lines.append(
            f"{start} {_label(onset.sound):<8} {onset.dominant_hz:>5.0f} {onset.strikes or '':>7} "
            f"{onset.score:>6.4f} {to_play:>10} {item.late_ms:>8.2f}"
        )
    return "\n".join(lines)
