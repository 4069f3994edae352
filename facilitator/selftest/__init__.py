"""`facilitator --self-test`: can this installation run a workshop? An answer in seconds.

It checks, in order, and stops at nothing (every failure is reported):

- the built-in library loads without a single problem, and every built-in structure builds
  a timeline in each of its languages; the built-in bells are usable WAV files; every
  language of the interface has a translation Qt can load;
- a rehearsal of Impromptu Networking fitted to 10 minutes runs through the real app:
  FacilitatorApp with its RunModel, Session, sequencer, CueRouter and QtBellPlayer, on the
  screens Qt reports (offscreen unless QT_QPA_PLATFORM says otherwise). The run's clock is
  the self-test's own: it steps from one moment of the run to the next, a tenth of a second
  apart (about two seconds in all), so a busy machine cannot make the run jump over a bell
  and fail the check; how precisely bells land in real time is the benchmarks' work;
- Qt's media backend decodes a built-in bell (a facilitator's own MP3, OGG or M4A is
  decoded by it);
- every cue the timeline holds is routed (a bell, or a flash where there is no sound), and
  where a sound output exists the player accepted each bell (an effect started ringing);
- both windows were drawn, and the card painted the structure's first question.

Where no sound server runs, the test still passes and says "sound: unavailable (reason)":
the app runs on in that case too, flashing the card instead of ringing.

Nothing is read from or written to the user's own data: the self-test uses the built-in
library, default preferences (bells at a low volume) and a temporary data and cache folder.
The report is printed and also kept in `self-test.txt` in the log folder (report.py), so a
windowed build that cannot print still leaves it; the exit code is 0 or 1 either way.
"""

from __future__ import annotations

import os
import platform
import shutil
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from facilitator import APP_NAME, __version__
from facilitator.core.files.paths import DATA_DIR_VARIABLE
from facilitator.selftest.checks import (
    check_decoder,
    check_library,
    check_sounds,
    check_translations,
)
from facilitator.selftest.report import Report, report_path

if TYPE_CHECKING:
    from collections.abc import Callable

    from facilitator.core.documents.library import Library
    from facilitator.core.timing.timeline import Timeline
    from facilitator.core.workshop.structures import Moment

CACHE_DIR_VARIABLE = "FACILITATOR_CACHE_DIR"
"""facilitator.platform.translations.CACHE_DIR_VARIABLE (not imported: that module loads Qt):
translations compiled on the fly in a source tree go to the temporary folder, not the user's
cache."""
STRUCTURE = "impromptu-networking"
FIT_MINUTES = 10.0
STEP_S = 0.12
"""Real seconds between two moments of the stepped run: time for each bell to start ringing."""
LANGUAGE = "en"
VOLUME = 0.25
"""The bells ring, quietly: hearing them is part of the check on a real machine."""
LOAD_TIMEOUT_S = 5.0
TAIL_S = 0.3
"""How long to keep running after the end, so the last bell is struck and accepted."""
QT_SPIN_MARKER = "QSocketNotifier: Invalid socket"
"""What Qt prints when its event loop spins on a closed socket (docs/decisions/0001)."""

EXIT_PASSED = 0
EXIT_FAILED = 1


def run_self_test(out: TextIO | None = None, keep_in: Path | None = None) -> int:
    """Run every check, print the report and keep it in a file; 0 when all worked, else 1.

    `keep_in` is the report's file (default: self-test.txt in the log folder).
    """
    report = Report(out or sys.stdout)
    started = time.monotonic()
    report.line(
        f"{APP_NAME} {__version__} self-test "
        f"({'built app' if getattr(sys, 'frozen', False) else 'source'}; "
        f"Python {platform.python_version()}, {platform.system()} {platform.machine()})"
    )
    folder = Path(tempfile.mkdtemp(prefix="facilitator-self-test-"))
    previous_data_dir = os.environ.get(DATA_DIR_VARIABLE)
    os.environ[DATA_DIR_VARIABLE] = str(folder / "data")  # never touch the user's own data
    previous_cache_dir = os.environ.get(CACHE_DIR_VARIABLE)
    os.environ[CACHE_DIR_VARIABLE] = str(folder / "cache")
    try:
        library = check_library(report, folder / "empty-user-library")
        check_sounds(report)
        if library is not None:
            _check_app(report, library, folder / "data")
    except Exception as error:  # the report must say what broke, not just a traceback
        traceback.print_exc()
        report.fail("self-test", f"stopped by {type(error).__name__}: {error}")
    finally:
        for variable, previous in (
            (DATA_DIR_VARIABLE, previous_data_dir),
            (CACHE_DIR_VARIABLE, previous_cache_dir),
        ):
            if previous is None:
                os.environ.pop(variable, None)
            else:
                os.environ[variable] = previous
        shutil.rmtree(folder, ignore_errors=True)
    seconds = time.monotonic() - started
    where = keep_in or report_path()
    if report.failures:
        report.keep(f"self-test FAILED in {seconds:.1f} s: " + "; ".join(report.failures), where)
        return EXIT_FAILED
    report.keep(f"self-test passed in {seconds:.1f} s", where)
    return EXIT_PASSED


# --- the app -------------------------------------------------------------------------------


def _check_app(report: Report, library: Library, data_dir: Path) -> None:
    """Run the rehearsal through the real app and check sound, cues and both windows."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        from PySide6 import __version__ as pyside_version
        from PySide6.QtCore import qInstallMessageHandler
        from PySide6.QtWidgets import QApplication
    except ImportError as error:
        report.fail("qt", f"Qt cannot be loaded: {error}")
        return
    application = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else APP_NAME])
    assert isinstance(application, QApplication)
    report.line(f"qt: PySide6 {pyside_version}, platform {application.platformName()}")
    messages: list[str] = []

    def keep(_kind: object, _context: object, text: str) -> None:
        messages.append(text)
        print(text, file=sys.stderr)  # Qt's messages stay where they always go

    previous_handler = qInstallMessageHandler(keep)
    try:
        check_translations(report)
        check_decoder(report)
        _rehearse(report, application, library, data_dir)
    finally:
        qInstallMessageHandler(previous_handler)
    if any(QT_SPIN_MARKER in text for text in messages):
        report.fail(
            "qt",
            f"Qt's event loop spun on a closed socket ({QT_SPIN_MARKER!r}): see "
            "docs/decisions/0001-audio-backend.md",
        )


@dataclass
class _CueLog:
    """What became of each cue the run raised."""

    routed: list[tuple[str, str]] = field(default_factory=list)
    """(cue, what the router did: "bell SOUND", "flash", "ring now" or "nothing")."""
    refused: list[str] = field(default_factory=list)
    """Bells the player was asked to ring but did not start."""
    pending: str = "nothing"


def _rehearse(report: Report, application: Any, library: Library, data_dir: Path) -> None:
    from PySide6.QtMultimedia import QSoundEffect

    from facilitator.app import FacilitatorApp
    from facilitator.core.settings.preferences import Preferences
    from facilitator.core.settings.sounds import resolve_sound
    from facilitator.core.timing.clock import FakeClock
    from facilitator.models.preferences_model import PreferencesModel
    from facilitator.platform.edges import Platform
    from facilitator.platform.qt_audio import QtBellPlayer
    from facilitator.platform.screens import QtScreenProvider

    player = QtBellPlayer()
    preferences = PreferencesModel(
        Preferences(language=LANGUAGE).with_sound(volume=VOLUME), persist=False
    )
    clock = FakeClock()
    app = FacilitatorApp(
        Platform(QtScreenProvider(), player, clock=lambda _speed: clock),
        library=library,
        preferences=preferences,
        data_dir=data_dir,
    )
    try:
        sound_available = _wait_for_bells(report, application, player)
        app.show()
        log = _CueLog()

        def note(action: str) -> Callable[..., None]:
            def record(*_arguments: object) -> None:
                log.pending = action

            return record

        def accepted(sound: str, _when: float) -> None:
            log.pending = f"bell {sound}"
            path = resolve_sound(sound)
            wanted = str(path) if path is not None else ""
            ringing = [
                effect
                for effect in player.findChildren(QSoundEffect)
                if effect.source().toLocalFile() == wanted and effect.isPlaying()
            ]
            if not ringing:
                log.refused.append(sound)

        def routed(cue: str, _moment: Moment, _late: float) -> None:
            # Connected after the app's CueRouter, so the router has acted on this cue already.
            log.routed.append((cue, log.pending))
            log.pending = "nothing"

        app.bells.played.connect(accepted)
        app.bells.flashRequested.connect(note("flash"))
        app.bells.ringNow.connect(note("ring now"))
        app.run.cueDue.connect(routed)

        if not app.start_run(STRUCTURE, fit=FIT_MINUTES, language=LANGUAGE, windowed=True):
            report.fail("run", f"{STRUCTURE} could not start: {' '.join(app.notices.texts())}")
            return
        session = app.run.session
        assert session is not None
        timeline = session.timeline
        finished: list[float] = []
        app.run.finished.connect(lambda: finished.append(time.monotonic()))
        began = time.monotonic()
        app.run.start()
        _check_windows(report, app, timeline)

        _step_through(application, app, clock, timeline)
        took = (finished[0] if finished else time.monotonic()) - began
        _pump(application, TAIL_S)  # the last bell is struck and accepted
        _judge_run(report, timeline, log, finished=bool(finished), took=took)
        _judge_sound(report, player, log, sound_available)
    finally:
        player.set_muted(True)  # silence any bell still ringing before the windows go
        app.run.clear()
        app.card.hide()
        app.console.hide()
        application.processEvents()
        app.card.deleteLater()
        app.console.deleteLater()
        app.deleteLater()
        player.deleteLater()
        application.processEvents()


def _step_through(application: Any, app: Any, clock: Any, timeline: Timeline) -> None:
    """Move the run's clock to each of its moments in turn, letting Qt work in between."""
    origin = clock.now
    for moment in sorted({planned.at_seconds for planned in timeline.planned_cues()}):
        clock.now = origin + moment + 0.001  # just past the moment: it is due
        app.run.poll()
        _pump(application, STEP_S)


def _pump(application: Any, seconds: float) -> None:
    """Let Qt deliver events (bells, repaints) for `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        application.processEvents()
        time.sleep(0.005)


def _wait_for_bells(report: Report, application: Any, player: Any) -> bool:
    """Whether a sound output is there (then its bells must load); reports unavailability."""
    if not player.available:
        report.line(f"sound: unavailable ({player.unavailable_reason})")
        return False
    deadline = time.monotonic() + LOAD_TIMEOUT_S
    while not player.loaded and player.available and time.monotonic() < deadline:
        application.processEvents()
        time.sleep(0.005)
    if not player.loaded:
        reason = player.unavailable_reason or f"not ready within {LOAD_TIMEOUT_S:g} s"
        report.fail("sound", f"a sound output exists but the bells did not load: {reason}")
        return False
    return True


def _check_windows(report: Report, app: Any, timeline: Timeline) -> None:
    """Both windows are shown and drawn; the card shows the first question."""
    first_question = next((q for s in timeline.segments for q in s.questions), "")
    canvas = app.card.canvas
    card_image = app.card.grab()  # paints the card (and its canvas) now
    console_image = app.console.grab()
    painted = list(canvas.painted_texts)
    problems = []
    if not app.console.isVisible() or console_image.isNull():
        problems.append("the console was not drawn")
    if not app.card.isVisible() or card_image.isNull():
        problems.append("the card was not drawn")
    if not first_question:
        problems.append(f"{STRUCTURE} has no question to show")
    elif not any(first_question in text for text in painted):
        problems.append(f"the card did not paint the first question {first_question!r}")
    if problems:
        report.fail("windows", "; ".join(problems))
        return
    report.ok(
        "windows",
        f"console {console_image.width()}x{console_image.height()} and card "
        f"{card_image.width()}x{card_image.height()} drawn; the card shows "
        f"\u201c{first_question}\u201d",
    )


def _judge_run(
    report: Report, timeline: Timeline, log: _CueLog, *, finished: bool, took: float
) -> None:
    expected = [planned.cue for planned in timeline.planned_cues()]
    seen = [cue for cue, _ in log.routed]
    unrouted = [cue for cue, action in log.routed if action == "nothing"]
    problems = []
    if not finished:
        problems.append("the run did not finish at its last moment")
    if seen != expected:
        problems.append(f"{len(expected)} cues were due but {len(seen)} were raised ({seen})")
    if unrouted:
        problems.append(f"{len(unrouted)} cues were not routed to a bell or a flash: {unrouted}")
    if problems:
        report.fail("run", "; ".join(problems))
        return
    report.ok(
        "run",
        f"{STRUCTURE} fitted to {FIT_MINUTES:g} min, stepped from moment to moment: "
        f"{len(seen)} of {len(expected)} cues routed in {took:.1f} s",
    )


def _judge_sound(report: Report, player: Any, log: _CueLog, available: bool) -> None:
    from PySide6.QtMultimedia import QMediaDevices

    bells = [action for _, action in log.routed if action.startswith("bell ")]
    if not available:
        flashes = sum(1 for _, action in log.routed if action == "flash")
        report.line(f"sound: the card flashed for {flashes} cues instead")
        return
    problems = []
    if log.refused:
        problems.append(f"the player did not start {len(log.refused)} bells: {log.refused}")
    if not player.available:
        problems.append(f"the sound output went away: {player.unavailable_reason}")
    if len(bells) != len(log.routed):
        problems.append(f"only {len(bells)} of {len(log.routed)} cues rang a bell")
    if problems:
        report.fail("sound", "; ".join(problems))
        return
    device = QMediaDevices.defaultAudioOutput().description() or "the default output"
    report.ok("sound", f"the player accepted all {len(bells)} bells on \u201c{device}\u201d")
