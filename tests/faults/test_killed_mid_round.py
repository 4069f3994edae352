"""Killed with SIGKILL mid-round, then started again: the run resumes where the room is.

A real child process runs the real app (real screens module, real bell player without a
sound server, the real CLOCK_BOOTTIME clock) through a rehearsal at 20x. Once its crash
record shows a speaking turn of round 1 it is killed with `kill -9`; nothing gets a chance
to tidy up. After a known real time a new app (built in this process with the real clocks,
on the same data folder) offers to resume, the facilitator accepts, and the run must stand
where the wall clock says: the right segment, the time right within one run second,
without replaying the bells it missed.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from typing import TYPE_CHECKING, Any

import pytest

from facilitator.app import FacilitatorApp
from facilitator.core.sessions.record import SavedSession, SessionStore
from facilitator.core.timing.countdown import format_countdown
from facilitator.core.timing.events import RunState
from facilitator.platform.audio import FakeBellPlayer
from facilitator.platform.edges import Platform
from facilitator.platform.screens import FakeScreenProvider
from tests.app_harness import LAPTOP, PROJECTOR
from tests.faults.support import REPO_ROOT, child_env, driver_command, log_tail, read_json_line
from tests.scripted_prompts import ScriptedPrompts

if TYPE_CHECKING:
    from pathlib import Path

STRUCTURE = "impromptu-networking"
FIT_MINUTES = 10.0
SPEED = 20.0
"""Ten minutes in thirty seconds; one run second is 50 ms of real time."""
INTO_THE_TURN_S = 0.6
"""Real seconds to let the turn run before the kill (12 run seconds)."""
DOWN_FOR_S = 2.5
"""Real seconds between the kill and the new start (50 run seconds)."""
TOLERANCE_RUN_S = 1.0
GOES_ON_FOR_MS = 400
"""Real time the resumed run is left to itself (8 run seconds), to see it keeps the clock's pace."""
RECORD_POLL_S = 0.02
"""How often the child's crash record is read while waiting for a speaking turn."""


def _segment_at(segments: list[dict[str, Any]], position: float) -> int:
    for index, segment in enumerate(segments):
        if position < segment["start"] + segment["duration"]:
            return index
    return len(segments) - 1


def _wait_for_record(
    store: SessionStore, segments: list[dict[str, Any]], child: subprocess.Popen[bytes]
) -> SavedSession:
    """The first crash record that shows the run in a speaking turn (mid-round)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert child.poll() is None, "the app stopped by itself"
        saved = _childs_record(store)
        if (
            saved is not None
            and saved.sequencer["state"] == RunState.RUNNING.value
            and segments[saved.sequencer["index"]]["kind"] == "turn"
        ):
            return saved
        time.sleep(RECORD_POLL_S)
    raise AssertionError("the crash record never showed a speaking turn")


def _childs_record(store: SessionStore) -> SavedSession | None:
    """The record the child keeps of its session (a copy of the app of its own)."""
    return next((found.saved for found in store.found() if found.saved is not None), None)


def _position(saved: SavedSession, segments: list[dict[str, Any]]) -> float:
    segment = segments[saved.sequencer["index"]]
    duration = segment["duration"] + saved.sequencer["added"]
    return segment["start"] + duration - saved.sequencer["remaining"]


def test_killed_mid_round_and_restarted_it_lands_where_the_wall_clock_says(
    qtbot, tmp_path: Path, user_data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = tmp_path / "child.log"
    command = driver_command(
        "rehearse", STRUCTURE, "--speed", str(SPEED), "--fit", str(FIT_MINUTES)
    )
    env = child_env(tmp_path, user_data_dir)
    store = SessionStore(user_data_dir)
    with log.open("wb") as errors:
        child = subprocess.Popen(
            command, env=env, cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=errors
        )
        try:
            started = read_json_line(child, 60)
            segments = started["segments"]
            mid_round = _wait_for_record(store, segments, child)
            time.sleep(INTO_THE_TURN_S)  # deliberately real time: the child runs on its own
            os.kill(child.pid, signal.SIGKILL)
            killed_at = time.time()
            assert child.wait(10) == -signal.SIGKILL
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()
    truth_started = started["wall"]  # when the child pressed Start, by the wall clock

    # What kill -9 left behind: one intact record of the round, true to the wall clock.
    left = _childs_record(store)
    assert left is not None, log_tail(log)
    assert left.sequencer["state"] == RunState.RUNNING.value
    assert left.sequencer["index"] >= mid_round.sequencer["index"]
    record_error = _position(left, segments) - (left.saved_at - truth_started) * SPEED
    assert abs(record_error) < TOLERANCE_RUN_S / 4, f"the record is {record_error:+.3f} s off"

    time.sleep(DOWN_FOR_S)  # deliberately real time: the room goes on while the app is down

    # The facilitator starts the app again: real clocks, the same data folder.
    player = FakeBellPlayer()
    app = FacilitatorApp(
        Platform(FakeScreenProvider([LAPTOP, PROJECTOR], "laptop"), player),
        prompts=ScriptedPrompts(),
    )
    qtbot.addWidget(app.console)
    qtbot.addWidget(app.card)
    app.offer_resume()
    [offer] = [notice for notice in app.notices.notices if notice.key == "resume"]
    interrupted_at = time.strftime("%H:%M", time.localtime(left.saved_at))
    assert offer.text.startswith(
        f"The session \u201cImpromptu Networking\u201d was interrupted at {interrupted_at}. "
        "Resume it where it stands now: \u201cConversations in pairs\u201d"
    ), offer.text
    assert offer.action_label == "Resume"
    assert offer.action is not None
    app.notices.dismiss(offer.id)  # as the notice's button does
    offer.action()
    before = time.time()
    status = app.run.status()
    after = time.time()
    resumed_at = (before + after) / 2

    assert status is not None
    assert status.state is RunState.RUNNING
    assert status.segment is not None
    expected = (resumed_at - truth_started) * SPEED
    position = status.segment.start_seconds + status.duration - status.remaining
    error = position - expected
    expected_index = _segment_at(segments, expected)
    with capsys.disabled():
        print(
            f"\nkilled at run second {(killed_at - truth_started) * SPEED:.2f} "
            f"(segment {left.sequencer['index']}), down {resumed_at - killed_at:.3f} s real "
            f"= {(resumed_at - killed_at) * SPEED:.1f} run s; resumed in segment {status.index} "
            f"at run second {position:.3f}, the wall clock says {expected:.3f}: "
            f"off by {error:+.3f} run s ({error / SPEED * 1000:+.1f} ms real)"
        )
    assert abs(error) < TOLERANCE_RUN_S
    boundary = segments[expected_index]["start"]
    if abs(expected - boundary) > TOLERANCE_RUN_S:
        assert status.index == expected_index
    assert status.index > left.sequencer["index"], "the time down moved the run on"

    # The card and the console show that moment; the bells passed are not replayed.
    assert app.presenter.content is not None
    # (The card was painted an instant before `status` was read: at 20x, a run second or so.)
    shown = app.presenter.content.countdown
    assert shown in {format_countdown(status.remaining + s) for s in (0, 0.5, 1, 1.5)}, shown
    assert app.run_page.countdown.text() == shown
    assert app.card.isVisible()
    assert app.placement.current == "projector"
    assert player.played == []
    assert app.store.load() is not None, "the resumed run keeps its own crash record"

    # And the run goes on from there, by the clock: a real-time pause is what this measures.
    qtbot.wait(GOES_ON_FOR_MS)
    later = app.run.status()
    assert later is not None
    assert later.state is RunState.RUNNING
    assert later.segment is not None
    moved = later.segment.start_seconds + later.duration - later.remaining - position
    assert moved == pytest.approx((time.time() - resumed_at) * SPEED, abs=TOLERANCE_RUN_S)
    app.end_session()
