"""The standalone build: PyInstaller builds build.spec once, and the built app passes its
self-test (inside a private PulseAudio null sink whose recording must hold the bells).

Slow (a build takes 10-20 s here, the whole module about half a minute). Skipped when
PyInstaller is not installed, unless FACILITATOR_REQUIRE_REAL_PARTS=1 (CI), which fails
instead.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest

import facilitator
from benchmarks import bench_build
from tests import audio_probe

pytestmark = pytest.mark.slow

REPO_ROOT = Path(__file__).resolve().parents[1]
BUILD_BUDGET_S = 900
"""A clean build must stay far inside CI's 90 minutes."""
SIZE_BUDGET_MIB = 160
"""The Linux bundle is 149 MiB (docs/performance.md lists its biggest files): 35 MiB of it is
Qt's FFmpeg media backend and the Qt Quick/QML libraries it links against, kept to decode a
facilitator's own sounds, and 36 MiB ICU, which Qt Core links. A module pulled in by mistake
(WebEngine) adds 200+."""
GLIBC_AT_MOST = (2, 35)
"""Built on Debian 12 (glibc 2.36), the bundle needs glibc 2.35 (libpython's symbols; Qt from
PySide6's manylinux_2_34 wheels needs 2.34): Ubuntu 22.04 and later (README)."""
LEFT_OUT_PLUGINS = (
    "platformthemes/libqgtk3",
    "iconengines/",
    "wayland-graphics-integration-client/libdmabuf-server",
    "wayland-shell-integration/libivi-shell",
    "tls/",
)
"""Qt plugins the app never uses (build.spec, DROPPED_QT_PLUGINS)."""
LEFT_OUT_LIBRARIES = (
    "libQt6Svg",
    "libssl",
    "libcrypto",
    "_hashlib",
    "_ssl",
    "libgtk-3",
    "libcairo",
    "libpango",
    "libstdc++",
    "libexpat",
)
"""Libraries the app does not need, or takes from the system (build.spec, HOST_LIBRARIES)."""
FIRST_BELL_S = 0.06
"""How much of the first bell is looked at (at 300x the next one follows 100 ms later)."""
HEARD_WITHIN_S = 5.0
"""How long the recording may lag behind the app that played into the sink."""
RECORDING_POLL_S = 0.02
LEFT_OUT = (
    "QtWebEngineCore",
    "QtWebEngineWidgets",
    "QtQml.",
    "QtQuick.",
    "Qt3DCore",
    "QtCharts",
    "QtDataVisualization",
    "QtPdf",
    "QtSql",
    "QtBluetooth",
    "QtPositioning",
    "QtTest",
    "libQt6WebEngineCore",
    "libQt6Pdf",
    "libQt6Quick3D",
    "libQt6Charts",
)
"""Names of Qt modules and libraries that must not be in the bundle."""


@dataclass(frozen=True)
class Built:
    """The app built once for this module."""

    dist: Path
    program: Path
    folder: Path
    seconds: float


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    if importlib.util.find_spec("PyInstaller") is None:
        message = "PyInstaller is not installed (pip install -e '.[build]')"
        if audio_probe.real_parts_required():
            pytest.fail(message)
        pytest.skip(message)
    root = tmp_path_factory.mktemp("build")
    seconds = bench_build.build(root / "dist", root / "work")
    print(f"\nPyInstaller built the app in {seconds:.1f} s")
    return Built(
        root / "dist",
        bench_build.executable(root / "dist"),
        bench_build.bundle_dir(root / "dist"),
        seconds,
    )


def run_built(
    built: Built, env: dict[str, str], *arguments: str
) -> subprocess.CompletedProcess[str]:
    """Run the built program offscreen, away from the source tree."""
    return subprocess.run(
        [str(built.program), *arguments],
        env={**env, "QT_QPA_PLATFORM": "offscreen"},
        cwd=built.dist,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_build_is_quick(built: Built, record_property) -> None:
    record_property("build_seconds", round(built.seconds, 1))
    assert built.seconds < BUILD_BUDGET_S


def _first_bell(recorder: audio_probe.Recorder, before: int) -> np.ndarray | None:
    """The beginning (FIRST_BELL_S) of the first bell recorded after sample `before`.

    Waits until the recording holds it; None when no bell reached it within HEARD_WITHIN_S.
    """
    length = round(FIRST_BELL_S * audio_probe.SAMPLE_RATE_HZ)
    deadline = time.monotonic() + HEARD_WITHIN_S
    while True:
        heard = recorder.recording().samples[before:]
        loud = np.flatnonzero(np.abs(heard) > audio_probe.THRESHOLD)
        if loud.size and heard.size >= loud[0] + length:
            return heard[loud[0] : loud[0] + length]
        if time.monotonic() > deadline:
            return None
        time.sleep(RECORDING_POLL_S)


def test_the_built_app_passes_its_self_test_and_is_heard(built: Built, tmp_path: Path) -> None:
    missing = audio_probe.missing_tools()
    if missing:
        message = f"PulseAudio is not installed here (missing {', '.join(missing)})"
        if audio_probe.real_parts_required():
            pytest.fail(message)
        pytest.skip(message)
    with audio_probe.pulse_session(tmp_path / "pulse") as (server, recorder):
        before = recorder.recording().samples.size
        started = time.monotonic()
        result = run_built(built, dict(server.env), "--self-test")
        took = time.monotonic() - started
        first = _first_bell(recorder, before)
    report = result.stdout
    assert result.returncode == 0, f"{report}\n{result.stderr[-3000:]}"
    lines = report.splitlines()
    assert "self-test (built app;" in lines[0]
    assert any(line.startswith("sound files: ok (Qt decoded tingsha.wav") for line in lines)
    assert any(line.startswith("sound: ok (the player accepted all ") for line in lines), report
    assert took < 30, f"the built self-test took {took:.1f} s"
    assert first is not None, "the null sink recorded nothing: the built app's bells were not heard"
    # The first cue starts a step: a tingsha.
    low, high = audio_probe.DOMINANT_BANDS_HZ["tingsha"]
    assert low <= audio_probe.dominant_frequency(first) <= high


def test_the_built_app_passes_without_a_sound_server(built: Built, tmp_path: Path) -> None:
    env = {
        **os.environ,
        "PULSE_SERVER": f"unix:{tmp_path}/no-such-server",
        "PIPEWIRE_REMOTE": f"{tmp_path}/no-such-pipewire",
    }
    result = run_built(built, env, "--self-test")
    assert result.returncode == 0, f"{result.stdout}\n{result.stderr[-3000:]}"
    assert any(line.startswith("sound: unavailable (") for line in result.stdout.splitlines())


def test_the_built_app_knows_its_version_and_library(built: Built) -> None:
    version = run_built(built, dict(os.environ), "--version")
    assert version.stdout.strip() == f"facilitator {facilitator.__version__}"
    listing = run_built(built, dict(os.environ), "list")
    assert listing.returncode == 0
    assert "impromptu-networking" in listing.stdout


def test_every_asset_is_bundled(built: Built) -> None:
    source = REPO_ROOT / "assets"
    bundled = next(built.folder.rglob("assets/library")).parent
    wanted = [
        path.relative_to(source)
        for path in source.rglob("*")
        if path.is_file() and path.suffix not in {".ts", ".md"} and not path.name.startswith(".")
    ]
    assert any(path.suffix == ".wav" for path in wanted)
    missing = [str(path) for path in wanted if not (bundled / path).is_file()]
    assert not missing, f"not bundled: {missing}"
    assert not list(bundled.rglob("*.ts")), "translation sources are not shipped"


def test_unused_qt_is_left_out_and_the_size_stays_small(built: Built) -> None:
    names = [path.name for path in built.folder.rglob("*")]
    present = sorted({left for left in LEFT_OUT for name in names if name.startswith(left)})
    assert not present, f"left-out Qt parts were bundled: {present}"
    assert not list(built.folder.rglob("plugins/tls/*")), "no TLS backend: no network"
    size_mib = bench_build.size_bytes(built.folder) / 2**20
    assert size_mib < SIZE_BUDGET_MIB, f"the bundle is {size_mib:.0f} MiB"


def test_what_the_app_never_uses_is_left_out_and_the_decoder_kept(built: Built) -> None:
    files = [path.relative_to(built.folder).as_posix() for path in built.folder.rglob("*")]
    plugins = [name for name in files if "/plugins/" in name]
    assert not [p for p in plugins if any(left in p for left in LEFT_OUT_PLUGINS)], plugins
    names = [name.rsplit("/", 1)[-1] for name in files]
    bundled = sorted({n for n in names if n.startswith(LEFT_OUT_LIBRARIES)})
    assert not bundled, f"bundled although never used or the system's own: {bundled}"
    # Qt Multimedia's FFmpeg backend decodes a facilitator's own MP3, OGG, FLAC or M4A.
    assert any(p.endswith("plugins/multimedia/libffmpegmediaplugin.so") for p in plugins)
    assert any(n.startswith("libavcodec") for n in names)


def test_the_bundle_says_which_glibc_it_needs(built: Built) -> None:
    result = subprocess.run(
        [sys.executable, str(REPO_ROOT / "tools" / "glibc_needed.py"), str(built.folder)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    first = result.stdout.splitlines()[0]
    needed = tuple(int(part) for part in first.split()[2].split("."))
    assert needed <= GLIBC_AT_MOST, result.stdout
    assert needed >= (2, 34), "PySide6's Qt needs glibc 2.34: the tool must have read it"
