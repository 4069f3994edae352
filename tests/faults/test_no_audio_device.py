"""No sound at the start, and the sound output vanishing mid-run.

Without a sound server the real app (in a child process, since Qt picks its sound server
once per process) must run on, flash the card for every bell, and say once, plainly, that
sound is unavailable and why. When the output is pulled out mid-run (the fake player in
this process; and the real player on a private PulseAudio server whose null sink is
unloaded with pactl) the same holds, and sound comes back by itself when it returns.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from facilitator.cli import prepare_timeline
from facilitator.core.documents.library import load_library
from facilitator.core.timing.events import RunState
from tests.app_harness import Harness, build_harness
from tests.audio_probe import expected_cues
from tests.faults.support import child_env, run_driver

if TYPE_CHECKING:
    from pathlib import Path

    from tests import audio_probe

STRUCTURE = "impromptu-networking"
SPEED = 30.0
FIT_MINUTES = 10.0
CUES = 4
NO_SERVER = "No sound output was found (no sound server is running)."
DISCONNECTED = "The sound output was disconnected, and no other one was found."
THE_RUN_GOES_ON = "The run goes on; the card flashes instead of the bell."


def _expected(count: int) -> list[str]:
    """The first `count` cues of the rehearsal, in order."""
    timeline = prepare_timeline(
        load_library(), STRUCTURE, questions=None, fit=FIT_MINUTES, language="en"
    )
    return expected_cues(timeline)[:count]


def _unavailable(reason: str) -> str:
    return f"Sound is unavailable: {reason} {THE_RUN_GOES_ON}"


def test_without_a_sound_server_the_run_goes_on_and_the_card_flashes(
    tmp_path: Path, user_data_dir: Path
) -> None:
    env = child_env(tmp_path, user_data_dir)  # PULSE_SERVER points at nothing
    report = run_driver(
        [
            "sound",
            STRUCTURE,
            "--speed",
            str(SPEED),
            "--fit",
            str(FIT_MINUTES),
            "--cues",
            str(CUES),
        ],
        env,
        tmp_path / "child.log",
        timeout_s=90,
    )
    assert report["cues_heard"], report
    assert [cue["cue"] for cue in report["cues"]] == _expected(len(report["cues"])), "once each"
    assert [cue["outcome"] for cue in report["cues"]] == ["flashed"] * len(report["cues"])
    assert report["sound_notices"] == [_unavailable(NO_SERVER)], "said once, plainly"
    assert report["panel"] == {"text": f"Sound is unavailable: {NO_SERVER}", "visible": True}
    assert report["available"] is False
    # The fourth cue is round 1's start, 90 s in (struck a hair early, as every bell is).
    assert report["status"]["state"] == "running"
    assert report["status"]["position"] > 89


def _cue(harness: Harness) -> None:
    """Run on to the next segment (its start cue)."""
    status = harness.app.run.status()
    harness.advance(status.remaining + 0.01)


def test_the_output_pulled_out_mid_run_flashes_the_card_and_comes_back_by_itself(
    qtbot,
) -> None:
    harness = build_harness(qtbot)
    app, player = harness.app, harness.player
    sound_posts: list[str] = []
    app.bells.soundUnavailable.connect(sound_posts.append)
    flashes: list[str] = []
    app.bells.flashRequested.connect(flashes.append)
    assert app.start_run(STRUCTURE)
    app.run.start()
    _cue(harness)
    assert player.played == ["tingsha", "tingsha"]
    assert flashes == []

    player.unplug("speakers")
    assert app.notices.texts() == [_unavailable(DISCONNECTED)]
    panel = app.sound_panel.status
    assert not panel.isHidden()
    assert panel.text() == f"Sound is unavailable: {DISCONNECTED}"
    for _ in range(3):  # three more cues while it is out
        _cue(harness)
        assert app.card.canvas.is_flashing
    assert len(flashes) == 3
    assert player.played == ["tingsha", "tingsha"]
    assert player.unheard == [], "nothing is sent to an output that is gone"
    assert sound_posts == [DISCONNECTED], "said once for the whole outage"
    assert app.run.status().state is RunState.RUNNING
    assert app.run.status().index == 4

    player.plug("speakers", "Built-in speakers")  # plugged back in
    assert app.notices.texts() == ["Sound is back."]
    assert panel.isHidden()
    _cue(harness)
    assert player.played == ["tingsha", "tingsha", "tingsha"]
    assert len(flashes) == 3


@pytest.mark.realaudio
def test_the_real_output_unloaded_mid_run_flashes_the_card_and_comes_back_by_itself(
    pulse_server: audio_probe.PulseServer, tmp_path: Path, user_data_dir: Path
) -> None:
    env = child_env(tmp_path, user_data_dir, PULSE_SERVER=pulse_server.env["PULSE_SERVER"])
    env.update(XDG_RUNTIME_DIR=pulse_server.env["XDG_RUNTIME_DIR"], HOME=pulse_server.env["HOME"])
    report = run_driver(
        [
            "sound",
            STRUCTURE,
            "--speed",
            str(SPEED),
            "--fit",
            str(FIT_MINUTES),
            "--unplug",
            "--pause",
            "2.5",
        ],
        env,
        tmp_path / "child.log",
        timeout_s=120,
    )
    cues = report["cues"]
    assert report["first_played"], report
    assert report["lost"], report
    assert [cue["cue"] for cue in cues] == _expected(len(cues)), "every cue once, in order"
    assert report["reason"] == DISCONNECTED
    assert report["flashed_while_out"]
    assert report["restored"]
    assert report["played_when_back"]
    outcomes = {
        phase: [c["outcome"] for c in cues if c["phase"] == phase]
        for phase in ("before", "out", "back")
    }
    assert outcomes["before"]
    assert set(outcomes["before"]) == {"played"}
    assert len(outcomes["out"]) >= 2, outcomes
    assert set(outcomes["out"]) == {"flashed"}, outcomes
    assert outcomes["back"]
    assert set(outcomes["back"]) == {"played"}
    assert report["sound_notices"] == [_unavailable(DISCONNECTED), "Sound is back."]
    assert report["panel_while_out"] == {
        "text": f"Sound is unavailable: {DISCONNECTED}",
        "visible": True,
    }
    assert report["panel"]["visible"] is False
    assert report["available"] is True
    assert report["status"]["state"] == "running"
