"""A stop just before a cue: the process frozen (SIGSTOP, as a closing laptop lid does).

Bells are struck a few milliseconds early, by a timer of their own, so their first sample
reaches the speakers on the moment. When the process stopped less than a second before a
cue and woke much later, that timer fired for a moment long gone ("late 89.6 s") and the
run then rang again for the segment it landed in: two bells at once. The README promises
one. A strike whose moment is more than a few hundred milliseconds in the past is dropped
now: after any stop or sleep, exactly one bell, for the landing segment.

The model runs here on a hand-moved clock with timers the test fires itself, in either
order; and the real app, in a child process, is stopped with SIGSTOP and woken with SIGCONT.
"""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import time
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import QObject, Signal

from facilitator.core.sessions.record import Session, SessionSpec
from facilitator.core.timing.clock import FakeClock
from facilitator.models.run_model import RunModel
from tests.factories import timeline
from tests.faults.support import child_env, driver_command, log_tail

if TYPE_CHECKING:
    from pathlib import Path

LEAD_S = 0.2
STOPPED_S = 90.0


class HandTimer(QObject):
    """A timer that only fires when the test says so (as a QTimer would, when due)."""

    timeout = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.active = False
        self.interval_ms = 0
        self.single_shot = False

    def setSingleShot(self, single: bool) -> None:
        self.single_shot = single

    def setTimerType(self, _kind: object) -> None:
        pass

    def setInterval(self, milliseconds: int) -> None:
        self.interval_ms = milliseconds

    def start(self, milliseconds: int | None = None) -> None:
        if milliseconds is not None:
            self.interval_ms = milliseconds
        self.active = True

    def stop(self) -> None:
        self.active = False

    def isActive(self) -> bool:
        return self.active

    def remainingTime(self) -> int:
        return self.interval_ms if self.active else -1

    def fire(self) -> None:
        """Fire now if the timer is set (a stopped timer does nothing)."""
        if self.active:
            self.active = not self.single_shot
            self.timeout.emit()


class Rig:
    """A run model on a hand-moved clock with hand-fired timers, and every cue it struck."""

    def __init__(self) -> None:
        self.clock = FakeClock()
        self.timers: dict[str, HandTimer] = {}
        self.model = RunModel(make_timer=self._timer)
        self.cues: list[tuple[str, float]] = []
        self.model.cueDue.connect(lambda cue, _moment, late: self.cues.append((cue, late)))
        spec = SessionSpec("structure", "pairs-test", "en")
        self.model.load(Session.start_new(spec, timeline(), self.clock))
        self.model.set_cue_lead(LEAD_S)

    def _timer(self, role: str, parent: QObject) -> Any:
        self.timers[role] = HandTimer(parent)
        return self.timers[role]


@pytest.mark.parametrize("first", ["early-strike", "wake"])
def test_a_stop_just_before_a_cue_rings_once_for_the_landing_segment(qtbot, first: str) -> None:
    rig = Rig()
    rig.model.start()
    rig.clock.advance(119.5)  # half a second before the change-over (the intro lasts 120 s)
    rig.model.poll()
    assert rig.timers["early-strike"].isActive(), "the strike is aimed at the coming moment"
    rig.cues.clear()
    rig.clock.advance(STOPPED_S)  # stopped; on waking both timers are overdue
    second = "wake" if first == "early-strike" else "early-strike"
    rig.timers[first].fire()
    rig.timers[second].fire()
    status = rig.model.status()
    assert status.index == 2, "landed in round 1's first turn (from 180 s)"
    assert [cue for cue, _ in rig.cues] == ["round_start"], "one bell, for the landing segment"
    assert rig.cues[0][1] == pytest.approx(209.5 - 180), "rung as late as the segment began"


def test_a_strike_on_time_still_rings_early_and_once(qtbot) -> None:
    rig = Rig()
    rig.model.start()
    rig.clock.advance(119.9)  # inside the lead
    rig.model.poll()
    rig.cues.clear()  # the start's and the warning's bells
    rig.timers["early-strike"].fire()
    assert rig.cues == [("transition", pytest.approx(-0.1))]
    rig.clock.advance(0.2)
    rig.timers["wake"].fire()
    assert [cue for cue, _ in rig.cues] == ["transition"], "the moment itself rings no more"
    assert rig.model.status().index == 1


def test_a_strike_a_little_late_still_rings(qtbot) -> None:
    """A busy machine may wake the strike late by a few milliseconds: it still rings."""
    rig = Rig()
    rig.model.start()
    rig.clock.advance(119.9)
    rig.model.poll()
    rig.cues.clear()
    rig.clock.advance(0.15)  # 50 ms after the moment
    rig.timers["early-strike"].fire()
    assert rig.cues == [("transition", pytest.approx(0.05))]
    rig.timers["wake"].fire()
    assert [cue for cue, _ in rig.cues] == ["transition"]


# --- the real app, stopped with SIGSTOP -------------------------------------------------------

SPEED = 2.0
"""Slow enough that the last run second before a cue (where the strike's timer is due before
the model's own) lasts half a real second: the stop reliably falls inside it."""
STEPS_MINUTES = (0.2, 0.1, 0.1, 0.2)
"""12, 6, 6 and 12 run seconds: the stop spans two boundaries."""
STOP_BEFORE_S = 0.2
"""Real seconds before the first boundary at which the child is stopped."""
STOP_FOR_S = 4.0
"""Real seconds stopped (8 run seconds): from 11.6 to 19.6 run s, past 12 and 18."""


def _write_short_structure(data_dir: Path) -> None:
    folder = data_dir / "library" / "structures"
    folder.mkdir(parents=True, exist_ok=True)
    steps = [
        {"id": f"s{n}", "title": {"en": f"Step {n}"}, "group": "alone", "minutes": minutes}
        for n, minutes in enumerate(STEPS_MINUTES, start=1)
    ]
    document = {
        "schema_version": 1,
        "type": "structure",
        "id": "short-steps",
        "title": {"en": "Short steps"},
        "steps": steps,
    }
    (folder / "short-steps.json").write_text(json.dumps(document), encoding="utf-8")


class Lines:
    """The JSON lines a child prints, one at a time (several may arrive in one read)."""

    def __init__(self, child: subprocess.Popen[bytes]) -> None:
        assert child.stdout is not None
        self._descriptor = child.stdout.fileno()
        self._buffer = b""

    def next(self, until: float) -> dict[str, Any] | None:
        """The next line, or None when none came before the monotonic time `until`."""
        while b"\n" not in self._buffer:
            left = until - time.monotonic()
            if left <= 0:
                return None
            ready, _, _ = select.select([self._descriptor], [], [], left)
            if ready:
                chunk = os.read(self._descriptor, 4096)
                if not chunk:
                    return None
                self._buffer += chunk
        line, self._buffer = self._buffer.split(b"\n", 1)
        return json.loads(line)

    def all_until(self, until: float) -> list[dict[str, Any]]:
        """Every line printed before the monotonic time `until`."""
        found = []
        while (line := self.next(until)) is not None:
            found.append(line)
        return found


def test_the_real_app_stopped_just_before_a_cue_rings_once_when_it_wakes(
    tmp_path: Path, user_data_dir: Path
) -> None:
    _write_short_structure(user_data_dir)
    log = tmp_path / "child.log"
    with log.open("wb") as errors:
        child = subprocess.Popen(
            driver_command("cues", "short-steps", "--speed", str(SPEED)),
            env=child_env(tmp_path, user_data_dir),
            stdout=subprocess.PIPE,
            stderr=errors,
        )
    try:
        lines = Lines(child)
        # Start rings step 1's bell at once, so its line comes before the "started" one.
        first = lines.next(time.monotonic() + 60)
        assert first is not None, log_tail(log)
        assert first.get("cue") == "step_start"
        started = lines.next(time.monotonic() + 5)
        assert started is not None
        assert started["event"] == "started"
        boundary = started["monotonic"] + 12 / SPEED  # step 2 begins at 12 run seconds
        time.sleep(max(0.0, boundary - STOP_BEFORE_S - time.monotonic()))
        os.kill(child.pid, signal.SIGSTOP)
        stopped_at = time.monotonic()
        time.sleep(STOP_FOR_S)
        # Read before SIGCONT: the woken child may ring before this process runs again.
        woke_at = time.monotonic()
        os.kill(child.pid, signal.SIGCONT)
        # Until just before step 4 begins (24 run s): only what waking up rang.
        after = lines.all_until(started["monotonic"] + 23.5 / SPEED)
    finally:
        child.kill()
        child.wait()
    assert stopped_at < boundary - 0.02, "stopped before the moment (and its early strike)"
    assert [cue["cue"] for cue in after] == ["step_start"], after
    [landing] = after
    assert landing["monotonic"] >= woke_at
    expected_late = (woke_at - started["monotonic"]) * SPEED - 18
    assert landing["late"] == pytest.approx(expected_late, abs=1.0), "step 3's bell, not step 2's"
