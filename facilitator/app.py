"""The one place where models, platform edges and windows are wired together.

`FacilitatorApp` builds everything from a `Platform` (the real one, or fakes in
tests), so the same wiring runs in front of a room and in the test suite.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QLocale, QObject
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from facilitator import APP_NAME, __version__
from facilitator.controllers.actions import RunActions
from facilitator.controllers.card_placement import CardPlacement
from facilitator.controllers.library_actions import LibraryActions
from facilitator.core.clock import Clock, ScaledClock, system_clock
from facilitator.core.library import Library
from facilitator.core.model import FALLBACK_LANGUAGE
from facilitator.core.runs import RunSetupError, timeline_for
from facilitator.core.sequencer import RunState
from facilitator.core.session import (
    SavedSession,
    Session,
    SessionRecordError,
    SessionSpec,
    SessionStore,
    WallClock,
)
from facilitator.models.bells import CueRouter
from facilitator.models.card_presenter import CardPresenter
from facilitator.models.library_model import LibraryModel
from facilitator.models.notices import NoticeBoard
from facilitator.models.preferences_model import PreferencesModel
from facilitator.models.presentation import PresentationModel
from facilitator.models.run_model import RunModel
from facilitator.platform.audio import BellPlayer, QtBellPlayer
from facilitator.platform.screens import QtScreenProvider, ScreenProvider
from facilitator.ui.card_canvas import CardCanvas
from facilitator.ui.card_window import CardWindow
from facilitator.ui.console_window import ConsoleWindow
from facilitator.ui.help_dialog import ShortcutHelp
from facilitator.ui.labels import SUPPORTED_LANGUAGES
from facilitator.ui.library_page import LibraryPage
from facilitator.ui.plain import plain_message
from facilitator.ui.prompts import Prompts
from facilitator.ui.run_page import RunPage
from facilitator.ui.sound_panel import SoundPanel

ClockFactory = Callable[[float], Clock]


def real_clock(speed: float) -> Clock:
    """The system clock, sped up for a rehearsal."""
    base = system_clock()
    return base if speed == 1 else ScaledClock(base, speed)


@dataclass
class Platform:
    """The edges of the app that tests replace: screens, sound and time."""

    screens: ScreenProvider
    player: BellPlayer
    clock: ClockFactory = real_clock
    wall: WallClock = time.time
    prompts: Prompts = field(default_factory=Prompts)
    """The questions the app asks (modal dialogs); tests script the answers."""


def system_language() -> str:
    """The system's language if the app speaks it, else English."""
    code = QLocale.system().name().split("_")[0]
    return code if code in SUPPORTED_LANGUAGES else FALLBACK_LANGUAGE


class FacilitatorApp(QObject):
    """Builds and connects the whole app: models, the two windows, keys, screens, bells."""

    def __init__(
        self,
        platform: Platform,
        *,
        library: Library | None = None,
        preferences: PreferencesModel | None = None,
        data_dir: Path | None = None,
    ) -> None:
        super().__init__()
        self.platform = platform
        self.prompts = platform.prompts
        self.notices = NoticeBoard(self)
        self.preferences = preferences or PreferencesModel(folder=data_dir, parent=self)
        self.library = LibraryModel(library, self)
        self.run = RunModel(self)
        self.presentation = PresentationModel(self)
        self.presenter = CardPresenter(self.run, self)
        self.store = SessionStore(
            data_dir, on_error=lambda text: self.notices.post(text, key="session-save")
        )

        self.card = CardWindow(CardCanvas(self.presenter, self.preferences, self.presentation))
        preview = CardCanvas(self.presenter, self.preferences, self.presentation)
        self.actions = RunActions(
            self.run,
            self.presentation,
            toggle_full_screen=self.card.toggle_full_screen,
            leave_full_screen=self.card.leave_full_screen,
            show_help=self.show_help,
            parent=self,
        )
        self.library_page = LibraryPage(self.library, self.language())
        self.run_page = RunPage(self.run, self.actions, preview)
        self.console = ConsoleWindow(
            self.run,
            self.notices,
            self.library_page,
            self.run_page,
            self.actions,
            close_guard=self._may_quit,
        )
        self.actions.install(self.console, self.card)
        self.placement = CardPlacement(
            platform.screens, self.card, self.console, self.preferences, self.notices, self
        )
        self.bells = CueRouter(self.run, self.preferences, platform.player, self)
        self.run.set_cue_lead(platform.player.output_lead)
        self.sound_panel = SoundPanel(self.preferences, self.bells)
        self.console.add_side_panel(self.tr("Sound"), self.sound_panel)
        self._connect()
        # Editing, import/export (menu and drops), drafts, preferences dialog and UI state:
        # facilitator/controllers/library_actions.py.
        self.library_actions = LibraryActions(
            self, data_dir=data_dir, prompts=self.prompts, parent=self
        )
        self._report_load_problems()

    # --- wiring --------------------------------------------------------------------

    def _connect(self) -> None:
        self.library_page.startRequested.connect(self._start_from_library)
        self.run_page.endRequested.connect(self.end_session)
        self.console.screen_menu.aboutToShow.connect(self._fill_screen_menu)
        self.console.quitRequested.connect(self._quit)
        self.card.closeRequested.connect(lambda: None)
        self.bells.flashRequested.connect(lambda _cue: self.presentation.flash())
        self.bells.ringNow.connect(
            lambda _cue: self.run_page.show_ring_prompt(self.tr("Ring the bell now"))
        )
        self.bells.soundUnavailable.connect(
            lambda reason: self.notices.post(
                self.tr(
                    "Sound is unavailable: {reason} The run goes on; the card flashes "
                    "instead of the bell."
                ).format(reason=reason),
                key="sound",
            )
        )
        self.bells.soundRestored.connect(
            lambda: self.notices.post(self.tr("Sound is back."), key="sound")
        )
        self.bells.soundProblem.connect(lambda text: self.notices.post(text, key="sound-file"))
        self.run.warningDue.connect(self.presentation.flash)
        self.run.overrunBegan.connect(self.presentation.flash)
        self.preferences.saveFailed.connect(lambda text: self.notices.post(text, key="prefs"))
        self.preferences.changed.connect(self._on_preferences_changed)

    def _report_load_problems(self) -> None:
        problems = [*self.library.library.problems, *self.library.library.reference_problems()]
        if problems:
            lines = "\n".join(str(p) for p in problems[:5])
            more = len(problems) - 5
            extra = self.tr("\n…and {count} more.").format(count=more) if more > 0 else ""
            self.notices.post(
                self.tr(
                    "Some files in your library could not be used and were skipped:\n{lines}{extra}"
                ).format(lines=lines, extra=extra),
                key="library",
            )
        for text in self.preferences.load_problems:
            self.notices.post(text, key="prefs")

    def language(self) -> str:
        """The language of content and interface: the preference, else the system's."""
        return self.preferences.value.language or system_language()

    def _on_preferences_changed(self) -> None:
        self.library_page.set_language(self.language())

    # --- sessions --------------------------------------------------------------------

    def _start_from_library(self, structure_id: str, questions_id: str, fit: float) -> None:
        self.start_run(structure_id, questions_id=questions_id or None, fit=fit or None)

    def start_run(
        self,
        structure_id: str,
        *,
        questions_id: str | None = None,
        fit: float | None = None,
        language: str | None = None,
        speed: float = 1.0,
        screen: str | None = None,
        windowed: bool = False,
    ) -> bool:
        """Load a new session of `structure_id` and show the card; False if it cannot be."""
        if not self._may_replace_session():
            return False
        spec = SessionSpec(
            "structure",
            structure_id,
            language or self.language(),
            questions_id=questions_id,
            fit_minutes=fit,
            speed=speed,
        )
        try:
            timeline = timeline_for(
                self.library.library, spec, warning_seconds=self.preferences.value.warning_seconds
            )
        except RunSetupError as error:
            self.notices.post(
                self.tr("Cannot start: {reason}").format(reason=str(error)), key="start"
            )
            return False
        session = Session.start_new(
            spec,
            timeline,
            self.platform.clock(speed),
            mode=self.preferences.value.advance_mode,
            store=self.store,
            wall=self.platform.wall,
        )
        self.presentation.set_blackout(False)
        self.run.load(session)
        session.save()
        self.placement.show_card(screen_name=screen, windowed=windowed)
        return True

    def _may_replace_session(self) -> bool:
        status = self.run.status()
        if status is None or status.state in (RunState.READY, RunState.FINISHED):
            return True
        return self.prompts.confirm(
            self.console,
            self.tr("Replace the running session?"),
            self.tr("A session is running. End it and start another?"),
            self.tr("End it and start"),
        )

    def _may_quit(self) -> bool:
        status = self.run.status()
        if status is None or status.state not in (RunState.RUNNING, RunState.PAUSED):
            return True
        return self.prompts.confirm(
            self.console,
            self.tr("Quit during a session?"),
            self.tr(
                "A session is running. If you quit now, Facilitator offers to resume it "
                "where it stands when you start it again."
            ),
            self.tr("Quit"),
        )

    def end_session(self) -> None:
        """Close the current session on purpose (its crash record goes too)."""
        self.run.clear()
        self.card.hide()

    def offer_resume(self) -> None:
        """If a session was interrupted, offer to resume it where it stands now."""
        try:
            saved = self.store.load()
        except SessionRecordError as error:
            self.notices.post(
                self.tr("An interrupted session could not be resumed: {reason}").format(
                    reason=str(error)
                ),
                key="resume",
            )
            self.store.clear()
            return
        if saved is None:
            return
        self.notices.post(
            self.tr(
                "The session \u201c{title}\u201d was interrupted. Resume it where it stands now?"
            ).format(title=saved.title),
            key="resume",
            action_label=self.tr("Resume"),
            action=lambda: self.resume(saved),
        )

    def resume(self, saved: SavedSession) -> bool:
        """Resume a saved session, caught up with the wall clock."""
        try:
            timeline = timeline_for(
                self.library.library,
                saved.spec,
                warning_seconds=self.preferences.value.warning_seconds,
            )
            session = Session.resume(
                saved,
                timeline,
                self.platform.clock(saved.spec.speed),
                store=self.store,
                wall=self.platform.wall,
            )
        except (RunSetupError, SessionRecordError, ValueError) as error:
            self.notices.post(
                self.tr("The interrupted session could not be resumed: {reason}").format(
                    reason=str(error)
                ),
                key="resume",
            )
            return False
        self.run.load(session)
        session.save()
        self.placement.show_card()
        return True

    # --- windows ---------------------------------------------------------------------

    def show(self) -> None:
        """Show the console."""
        self.console.show()

    def show_help(self) -> None:
        """List every shortcut."""
        parent: QWidget = self.console
        ShortcutHelp(self.actions.shortcut_table(), parent).exec()

    def _fill_screen_menu(self) -> None:
        menu = self.console.screen_menu
        menu.clear()
        for screen in self.placement.available():
            action = menu.addAction(screen.label)
            action.triggered.connect(
                lambda _checked=False, name=screen.name: self.placement.show_card(screen_name=name)
            )
        menu.addSeparator()
        windowed = menu.addAction(self.tr("A window beside the console"))
        windowed.triggered.connect(lambda: self.placement.show_card(windowed=True))

    def _quit(self) -> None:
        self.card.close()
        app = QApplication.instance()
        if app is not None:
            app.quit()


def run_app(options: argparse.Namespace) -> int:
    """Open the console (and with `facilitator run`, a session straight away)."""
    application = QApplication.instance() or QApplication(sys.argv[:1])
    application.setApplicationName(APP_NAME)
    application.setApplicationVersion(__version__)
    application.setQuitOnLastWindowClosed(False)
    app = FacilitatorApp(Platform(QtScreenProvider(), QtBellPlayer()))
    app.console.quitRequested.connect(application.quit)
    app.show()
    if getattr(options, "command", None) == "run":
        screens = app.placement.available()
        screen = None
        if options.screen is not None:
            if not 0 <= options.screen < len(screens):
                box = plain_message(
                    app.console,
                    QMessageBox.Icon.Warning,
                    APP_NAME,
                    app.tr(
                        "There is no screen {number}; the card opens on the default screen."
                    ).format(number=options.screen),
                )
                box.exec()
            else:
                screen = screens[options.screen].name
        app.start_run(
            options.id,
            questions_id=options.questions,
            fit=options.fit,
            language=options.lang,
            speed=options.speed,
            screen=screen,
            windowed=options.windowed,
        )
    else:
        app.offer_resume()
    return application.exec()
