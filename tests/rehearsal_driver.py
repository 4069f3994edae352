"""Run one rehearsal with the real app parts and print when each cue was due and rung.

A child process of the real-audio test and the latency benchmark, so Qt Multimedia starts
with their private PulseAudio server (PULSE_SERVER) in its environment:

    python -m tests.rehearsal_driver impromptu-networking --speed 20 --fit 10 --tail 3.5

It builds the real RunModel, Session (on a ScaledClock over time.monotonic), CueRouter and
QtBellPlayer, waits until the bells are loaded, runs the structure from the built-in
library, and prints one JSON line per cue: its planned moment and the play() call, both
on time.monotonic(), which the parent's recorder shares.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer

from facilitator.cli import prepare_timeline
from facilitator.core.documents.library import load_library
from facilitator.core.sessions.record import Session, SessionSpec
from facilitator.core.settings.preferences import DEFAULT_SOUNDS, Preferences
from facilitator.core.timing.clock import ScaledClock
from facilitator.models.bells import CueRouter
from facilitator.models.preferences_model import PreferencesModel
from facilitator.models.run_model import RunModel
from facilitator.platform.qt_audio import QtBellPlayer

if TYPE_CHECKING:
    from collections.abc import Sequence

    from facilitator.core.workshop.structures import Moment

LOAD_TIMEOUT_S = 10.0
EXIT_NO_SOUND = 3


def main(argv: Sequence[str] | None = None) -> int:
    """Run the rehearsal; exit 0 when it finished, 3 when the bells could not load."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("structure")
    parser.add_argument("--speed", type=float, default=20.0)
    parser.add_argument("--fit", type=float, default=None, metavar="MINUTES")
    parser.add_argument("--tail", type=float, default=3.5, help="seconds to ring on at the end")
    parser.add_argument("--volume", type=float, default=None, help="the bells' volume, 0 to 1")
    parser.add_argument(
        "--sounds", default="{}", help='JSON: the sound of some cues, {"end": "file:PATH"}'
    )
    options = parser.parse_args(argv)

    app = QCoreApplication([sys.argv[0]])
    timeline = prepare_timeline(
        load_library(), options.structure, questions=None, fit=options.fit, language="en"
    )
    spec = SessionSpec(
        "structure", options.structure, "en", fit_minutes=options.fit, speed=options.speed
    )
    clock = ScaledClock(time.monotonic, options.speed)
    session = Session.start_new(spec, timeline, clock)
    run = RunModel()
    chosen = {**DEFAULT_SOUNDS, **json.loads(options.sounds)}
    preferences = Preferences().with_sound(sounds=chosen)
    if options.volume is not None:
        preferences = preferences.with_sound(volume=options.volume)
    preferences = PreferencesModel(preferences, persist=False)
    player = QtBellPlayer()
    router = CueRouter(run, preferences, player)  # connected to cueDue before anything else

    run.set_cue_lead(player.output_lead)  # as the app does: bells struck to land on time

    cues: list[dict[str, object]] = []
    plays: list[tuple[str, float]] = []

    def on_cue(cue: str, moment: Moment, late: float) -> None:
        # `late` is on the run's clock: negative when the bell is struck ahead of its moment.
        scheduled = time.monotonic() - late / options.speed
        played = plays.pop() if plays else None
        cues.append(
            {
                "event": "cue",
                "cue": cue,
                "moment": moment.value,
                "scheduled": scheduled,
                "played": played[1] if played else None,
                "sound": played[0] if played else None,
            }
        )
        plays.clear()

    router.played.connect(lambda sound, when: plays.append((sound, when)))
    run.cueDue.connect(on_cue)
    run.finished.connect(lambda: QTimer.singleShot(round(options.tail * 1000), app.quit))

    deadline = time.monotonic() + LOAD_TIMEOUT_S
    while not player.loaded and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.005)
    if not player.loaded:
        print(f"the bells did not load: {player.unavailable_reason}", file=sys.stderr)
        return EXIT_NO_SOUND

    run.load(session)
    started = time.monotonic()
    run.start()
    app.exec()
    for record in cues:
        print(json.dumps(record))
    print(json.dumps({"event": "finished", "started": started, "speed": options.speed}))
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
