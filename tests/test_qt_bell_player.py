"""The Qt bell player: no crash without sound, and devices that come and go on a real server.

Qt Multimedia picks its sound server when it starts, so each case runs the player in a
child process with the environment it needs: none at all, or a private PulseAudio server.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from facilitator.core.files.paths import asset_path
from facilitator.platform.audio import FakeBellPlayer
from facilitator.platform.qt_audio import perceived_to_linear, wav_duration_ms
from tests import audio_probe

REPO_ROOT = Path(__file__).resolve().parents[1]

PRELUDE = """
import json, sys, time
from PySide6.QtCore import QCoreApplication, QTimer
from facilitator.core.files.paths import asset_path
from facilitator.platform.qt_audio import QtBellPlayer

app = QCoreApplication([])
NAMES = ("tingsha", "chime", "warning", "end")
SOUNDS = {name: asset_path("sounds", name + ".wav") for name in NAMES}

def wait_until(condition, seconds=10.0):
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    return condition()
"""

WITHOUT_SOUND = (
    PRELUDE
    + """
player = QtBellPlayer()
changes = []
player.availabilityChanged.connect(lambda available, reason: changes.append([available, reason]))
player.load(SOUNDS)
for name in SOUNDS:
    player.play(name)
player.play("no-such-sound")
player.set_volume(0.5)
player.set_muted(True)
player.set_muted(False)
player.set_device("usb-speaker")
missing = player.unavailable_reason
player.set_device("")
print(json.dumps({
    "available": player.available, "reason": player.unavailable_reason, "loaded": player.loaded,
    "devices": player.devices(), "missing": missing, "changes": changes,
}))
"""
)

WITH_SOUND = (
    PRELUDE
    + """
import subprocess

def pactl(*arguments):
    return subprocess.run(["pactl", *arguments], capture_output=True, text=True).stdout.strip()

def plug():
    return pactl("load-module", "module-null-sink", "sink_name=usb",
                 "sink_properties=device.description=USB-speaker")

report = {}
player = QtBellPlayer()
changes = []
player.availabilityChanged.connect(lambda available, reason: changes.append([available, reason]))
player.load(SOUNDS)
report["loaded"] = wait_until(lambda: player.loaded)
report["devices"] = player.devices()
# Overlapping bells of different sounds, as in a fast rehearsal, from a waiting event loop:
# the warning and the chime end while the tingsha rings, which Qt 6.11 gets wrong unless
# each effect is stopped before its natural end (docs/decisions/0001-audio-backend.md).
for delay, name in ((100, "tingsha"), (400, "warning"), (700, "chime")):
    QTimer.singleShot(delay, lambda name=name: player.play(name))
QTimer.singleShot(3600, app.quit)
app.exec()

module = plug()
pactl("set-default-sink", "usb")  # a USB speaker in use is normally the default output
wait_until(lambda: "usb" in dict(player.devices()))
player.set_device("usb")
report["loaded_on_usb"] = wait_until(lambda: player.loaded)
player.play("tingsha")
pactl("unload-module", module)  # pulled out
report["lost"] = wait_until(lambda: not player.available)
report["reason"] = player.unavailable_reason
player.play("tingsha")  # must not raise
module = plug()
report["back"] = wait_until(lambda: player.available and player.loaded)
report["changes"] = changes
pactl("unload-module", module)
print(json.dumps(report))
"""
)


def run_child(code: str, env: dict[str, str], tmp_path: Path) -> dict:
    """Run `code` in a child Python with `env`; its last line of output, as JSON."""
    child_env = {
        **env,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(REPO_ROOT),
        "FACILITATOR_DATA_DIR": str(tmp_path / "data"),
    }
    stdout = audio_probe.run_watched(
        [sys.executable, "-c", code], child_env, tmp_path / "child.log", timeout_s=60
    )
    return json.loads(stdout.decode().strip().splitlines()[-1])


def test_without_a_sound_server_the_player_is_unavailable_and_never_crashes(
    tmp_path: Path,
) -> None:
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    env = {
        **os.environ,
        "PULSE_SERVER": f"unix:{tmp_path}/no-server/native",
        "PIPEWIRE_REMOTE": "no-such-pipewire",
        "XDG_RUNTIME_DIR": str(runtime),
    }
    report = run_child(WITHOUT_SOUND, env, tmp_path)
    assert report["available"] is False
    assert report["loaded"] is False
    assert report["reason"] == "No sound output was found (no sound server is running)."
    assert report["devices"] == []
    assert report["missing"] == "The sound output “usb-speaker” is not connected."


@pytest.mark.realaudio
def test_on_a_sound_server_it_rings_overlapping_bells_and_follows_a_usb_speaker(
    pulse_server: audio_probe.PulseServer, tmp_path: Path
) -> None:
    report = run_child(WITH_SOUND, pulse_server.env, tmp_path)  # fails if Qt's loop spun
    assert report["loaded"], "the four bells load on the default output"
    assert ["bells", "Null Output"] in report["devices"]
    assert report["loaded_on_usb"]
    assert report["lost"]
    assert report["reason"] == "The sound output “USB-speaker” is not connected."
    assert report["back"], "the bells reload on the speaker when it returns"
    assert [available for available, _ in report["changes"]][-2:] == [False, True]


def test_durations_and_loudness() -> None:
    assert wav_duration_ms(asset_path("sounds", "tingsha.wav")) == 7000
    assert wav_duration_ms(Path("/no/such.wav")) is None
    assert perceived_to_linear(0) == 0
    assert perceived_to_linear(1) == pytest.approx(1)
    assert 0 < perceived_to_linear(0.5) < 0.5, "half as loud to the ear is much less than half"


def test_the_fake_player_follows_devices_like_the_real_one() -> None:
    player = FakeBellPlayer()
    changes: list[tuple[bool, str]] = []
    player.availabilityChanged.connect(
        lambda available, reason: changes.append((available, reason))
    )
    player.load({"tingsha": asset_path("sounds", "tingsha.wav")})
    player.play("tingsha")
    player.unplug("speakers")
    player.play("tingsha")
    player.plug("speakers", "Built-in speakers")
    player.set_muted(True)
    player.play("tingsha")
    assert player.played == ["tingsha"]
    assert player.unheard == ["tingsha", "tingsha"]
    assert changes == [
        (False, "The sound output was disconnected, and no other one was found."),
        (True, ""),
    ]
