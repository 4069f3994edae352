"""The real app in a child process, for the fault tests that need a process of their own.

    python -m tests.faults.app_driver rehearse impromptu-networking --speed 20 --fit 10
    python -m tests.faults.app_driver projector impromptu-networking --speed 20
    python -m tests.faults.app_driver sound impromptu-networking --speed 30 --unplug
    python -m tests.faults.app_driver cues my-structure --speed 2
    python -m tests.faults.app_driver open -

Qt chooses its display and its sound server once per process, so a fault that needs a
real one (Xvfb with RandR monitors, no sound server, a private PulseAudio server) runs the
app here. The app is built as `facilitator.launch.run_app` builds it: the real screens, the
real bell player and the real clocks. Each scenario does what the hardware (or a kill -9)
would do and reports back as JSON lines on stdout.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QApplication

from facilitator.app import FacilitatorApp
from facilitator.core.timing.events import RunState
from facilitator.platform.audio import BellPlayer, FakeBellPlayer
from facilitator.platform.edges import Platform
from facilitator.platform.qt_audio import QT_OUTPUT_LEAD, QtBellPlayer
from facilitator.platform.screens import QtScreenProvider
from tools.virtual_display import PROJECTOR

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from facilitator.core.workshop.structures import Moment

EXIT_NO_SOUND = 3
EXIT_TIMEOUT = 4
SINK = "bells"


def emit(record: dict[str, Any]) -> None:
    """One report line for the parent."""
    print(json.dumps(record), flush=True)


def build(bell: str) -> tuple[QApplication, FacilitatorApp]:
    """The app as `run_app` builds it (with a fake bell when sound is beside the point)."""
    application = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(application, QApplication)
    application.setQuitOnLastWindowClosed(False)
    player: BellPlayer = QtBellPlayer() if bell == "qt" else FakeBellPlayer()
    app = FacilitatorApp(Platform(QtScreenProvider(), player))
    app.console.quitRequested.connect(application.quit)
    app.show()
    return application, app


def wait_until(application: QApplication, condition: Callable[[], bool], seconds: float) -> bool:
    """Let the app run until `condition` holds; False if it did not within `seconds`."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        application.processEvents()
        time.sleep(0.002)
    return True


def run_for(application: QApplication, seconds: float) -> None:
    """Let the app run for `seconds`."""
    wait_until(application, lambda: False, seconds)


def snapshot(app: FacilitatorApp) -> dict[str, Any]:
    """The run at this instant: state, segment, time left and run seconds since the start."""
    status = app.run.status()
    session = app.run.session
    assert status is not None
    assert session is not None
    mono, wall = time.monotonic(), time.time()
    if status.segment is None:
        position = float(session.timeline.total_seconds)
    else:
        position = status.segment.start_seconds + status.duration - status.remaining
    content = app.presenter.content
    return {
        "state": status.state.value,
        "index": status.index,
        "remaining": status.remaining,
        "position": position,
        "monotonic": mono,
        "wall": wall,
        "countdown": content.countdown if content else "",
        "console_countdown": app.run_page.countdown.text(),
    }


def start(app: FacilitatorApp, options: argparse.Namespace) -> dict[str, Any]:
    """Start the run as a facilitator would (Start pressed at once); when it started."""
    if not app.start_run(options.structure, fit=options.fit, speed=options.speed):
        raise SystemExit(f"could not start: {app.notices.texts()}")
    before = time.time()  # the sequencer reads its clock first thing in start()
    app.run.start()
    session = app.run.session
    assert session is not None
    return {
        "event": "started",
        "pid": os.getpid(),
        "wall": before,
        "monotonic": time.monotonic(),
        "speed": options.speed,
        "segments": [
            {"start": s.start_seconds, "duration": s.duration_seconds, "kind": s.kind.value}
            for s in session.timeline.segments
        ],
    }


# --- rehearse: run until killed ------------------------------------------------------------


def rehearse(options: argparse.Namespace) -> int:
    """Start the run and keep running it until the parent kills this process.

    With --end-after, the facilitator ends the session on purpose after that many seconds
    (and the app runs on, without a session).
    """
    application, app = build(options.bell)
    emit(start(app, options))
    if options.end_after is not None:
        run_for(application, options.end_after)
        app.end_session()
        emit({"event": "ended", "record_left": app.store.path.exists()})
    return application.exec()


# --- projector: the card's screen goes away and comes back ----------------------------------


def _card(app: FacilitatorApp) -> dict[str, Any]:
    card = app.card
    screen = card.screen()
    geometry = card.geometry()
    return {
        "placement": app.placement.current,
        "screen": screen.name() if screen is not None else None,
        "geometry": [geometry.x(), geometry.y(), geometry.width(), geometry.height()],
        "full_screen": card.isFullScreen(),
        "visible": card.isVisible(),
    }


def _xrandr(*arguments: str) -> None:
    subprocess.run(
        ["xrandr", "--display", os.environ["DISPLAY"], *arguments],
        check=True,
        capture_output=True,
        timeout=20,
    )


def projector(options: argparse.Namespace) -> int:
    """Pull the projector out mid-round, then plug it back in and accept the offer."""
    application, app = build("fake")
    app.console.move(0, 0)
    report: dict[str, Any] = {"event": "report", "started": start(app, options)}

    def on_projector() -> bool:
        return app.card.isVisible() and _card(app)["screen"] == PROJECTOR.name

    report["card_on_projector"] = wait_until(application, on_projector, 10)
    report["mid_round"] = wait_until(
        application, lambda: app.run.status().index >= options.index, 30
    )
    report["before"] = {**snapshot(app), "card": _card(app)}

    _xrandr("--delmonitor", PROJECTOR.name)
    report["moved"] = wait_until(
        application,
        lambda: (
            app.placement.current != PROJECTOR.name
            and any("disconnected" in text for text in app.notices.texts())
        ),
        10,
    )
    report["after"] = {**snapshot(app), "card": _card(app), "notices": app.notices.texts()}
    run_for(application, options.pause)
    report["later"] = {**snapshot(app), "card": _card(app)}

    _xrandr("--setmonitor", PROJECTOR.name, PROJECTOR.randr_geometry(), "none")

    def offer() -> Any:
        return next(
            (n for n in app.notices.notices if n.key == "screens" and n.action is not None), None
        )

    report["offered"] = wait_until(application, lambda: offer() is not None, 10)
    notice = offer()
    if notice is not None:
        report["offer"] = {"text": notice.text, "label": notice.action_label}
        app.notices.dismiss(notice.id)  # as the notice's button does
        notice.action()
    report["back"] = wait_until(application, lambda: on_projector() and app.card.isFullScreen(), 10)
    report["final"] = {**snapshot(app), "card": _card(app), "notices": app.notices.texts()}
    emit(report)
    return 0


# --- sound: no sound server, or the output pulled out mid-run -------------------------------


def _pactl(*arguments: str) -> str:
    done = subprocess.run(["pactl", *arguments], capture_output=True, text=True, timeout=20)
    return done.stdout.strip()


def _sink_module() -> str:
    for line in _pactl("list", "short", "modules").splitlines():
        fields = line.split("\t")
        if len(fields) > 2 and fields[1] == "module-null-sink" and f"sink_name={SINK}" in line:
            return fields[0]
    raise RuntimeError(f"no null sink {SINK!r} on this sound server")


def sound(options: argparse.Namespace) -> int:
    """Run with whatever sound there is; with --unplug, pull the output out and back."""
    application, app = build("qt")
    player = app.platform.player
    bells = app.bells
    flashes: list[str] = []
    plays: list[str] = []
    cues: list[dict[str, Any]] = []
    sound_notices: list[str] = []
    seen: set[int] = set()
    phase = ["before"]

    def on_notices() -> None:
        for notice in app.notices.notices:
            if notice.key == "sound" and notice.id not in seen:
                seen.add(notice.id)
                sound_notices.append(notice.text)

    counts = [0, 0]

    def on_cue(cue: str, _moment: Moment, _late: float) -> None:
        # Connected after the router, so the router has already rung or flashed.
        outcome = (
            "played" if len(plays) > counts[0] else "flashed" if len(flashes) > counts[1] else ""
        )
        counts[:] = [len(plays), len(flashes)]
        cues.append({"cue": cue, "outcome": outcome, "phase": phase[0]})

    app.notices.changed.connect(on_notices)
    bells.flashRequested.connect(flashes.append)
    bells.played.connect(lambda key, _when: plays.append(key))
    app.run.cueDue.connect(on_cue)

    if options.unplug and not wait_until(application, lambda: player.loaded, 10):
        emit({"event": "error", "reason": f"the bells did not load: {bells.unavailable_reason}"})
        return EXIT_NO_SOUND
    report: dict[str, Any] = {"event": "report", "started": start(app, options)}

    def cue_in(wanted: str) -> Callable[[], bool]:
        return lambda: any(c["phase"] == wanted for c in cues)

    if options.unplug:
        report["first_played"] = wait_until(application, cue_in("before"), 20)
        module = _sink_module()
        phase[0] = "out"
        _pactl("unload-module", module)
        report["lost"] = wait_until(application, lambda: not bells.available, 10)
        report["reason"] = bells.unavailable_reason
        report["flashed_while_out"] = wait_until(application, cue_in("out"), 20)
        run_for(application, options.pause)  # more cues while the output is gone
        report["panel_while_out"] = {
            "text": app.sound_panel.status.text(),
            "visible": not app.sound_panel.status.isHidden(),
        }
        _pactl("load-module", "module-null-sink", f"sink_name={SINK}")
        report["restored"] = wait_until(application, lambda: bells.available and player.loaded, 10)
        phase[0] = "back"
        report["played_when_back"] = wait_until(application, cue_in("back"), 20)
    else:
        report["cues_heard"] = wait_until(application, lambda: len(cues) >= options.cues, 30)
    report.update(
        cues=cues,
        sound_notices=sound_notices,
        notices=app.notices.texts(),
        panel={
            "text": app.sound_panel.status.text(),
            "visible": not app.sound_panel.status.isHidden(),
        },
        available=bells.available,
        status=snapshot(app),
    )
    emit(report)
    if app.run.status().state is RunState.RUNNING:
        app.end_session()
    return 0


# --- cues: every cue as it is struck, until killed ------------------------------------------


def cues(options: argparse.Namespace) -> int:
    """Run, striking bells early as the Qt player does, and report each cue when it is due."""
    application, app = build("fake")
    app.run.set_cue_lead(QT_OUTPUT_LEAD)

    def on_cue(cue: str, _moment: Moment, late: float) -> None:
        emit({"event": "cue", "cue": cue, "late": late, "monotonic": time.monotonic()})

    app.run.cueDue.connect(on_cue)
    emit(start(app, options))
    return application.exec()


# --- open: start as a facilitator does, and say what the console shows ---------------------


def open_app(options: argparse.Namespace) -> int:
    """Start the app (offering what was interrupted) and report the console's notices."""
    application, app = build("fake")
    app.offer_resume()
    shown = wait_until(application, lambda: app.console.isVisible(), 10)
    run_for(application, options.pause)
    emit({"event": "report", "shown": shown, "notices": app.notices.texts()})
    return 0


SCENARIOS = {
    "rehearse": rehearse,
    "projector": projector,
    "sound": sound,
    "cues": cues,
    "open": open_app,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run one scenario."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenario", choices=sorted(SCENARIOS))
    parser.add_argument("structure")
    parser.add_argument("--speed", type=float, default=20.0)
    parser.add_argument("--fit", type=float, default=None, metavar="MINUTES")
    parser.add_argument("--bell", choices=("qt", "fake"), default="qt")
    parser.add_argument("--index", type=int, default=2, help="projector: pull it out here")
    parser.add_argument("--pause", type=float, default=0.5, help="seconds to run on")
    parser.add_argument("--unplug", action="store_true", help="sound: pull the output out")
    parser.add_argument("--cues", type=int, default=3, help="sound: cues to wait for")
    parser.add_argument("--end-after", type=float, default=None, help="rehearse: end it then")
    options = parser.parse_args(argv)
    return SCENARIOS[options.scenario](options)


if __name__ == "__main__":
    raise SystemExit(main())
