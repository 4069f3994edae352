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
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QObject
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from facilitator import APP_NAME, __version__
from facilitator.controllers.actions import RunActions
from facilitator.controllers.card_placement import CardPlacement
from facilitator.controllers.library_actions import LibraryActions
from facilitator.controllers.plans import PlansController
from facilitator.controllers.sessions import SessionController
from facilitator.core.documents.draft_store import DRAFTS_FOLDER, DraftStore
from facilitator.core.documents.library import Library
from facilitator.core.files.kinds import DocumentKind
from facilitator.core.files.paths import user_data_dir
from facilitator.core.sessions.record import (
    SavedSession,
    SessionStore,
    WallClock,
)
from facilitator.core.timing.clock import Clock, ScaledClock, system_clock
from facilitator.core.workshop.structures import FALLBACK_LANGUAGE
from facilitator.i18n import install_translators
from facilitator.models.agenda_model import AgendaModel
from facilitator.models.bells import CueRouter
from facilitator.models.card_presenter import CardPresenter
from facilitator.models.editing.autosave import DraftKeeper
from facilitator.models.groups_model import GroupsModel
from facilitator.models.library_model import LibraryModel
from facilitator.models.notices import NoticeBoard
from facilitator.models.plan_model import PlanModel
from facilitator.models.preferences_model import PreferencesModel
from facilitator.models.presentation import PresentationModel
from facilitator.models.run_model import RunModel
from facilitator.platform.audio import BellPlayer, QtBellPlayer
from facilitator.platform.screens import QtScreenProvider, ScreenProvider
from facilitator.ui.card_canvas import CardCanvas
from facilitator.ui.card_window import CardWindow
from facilitator.ui.console_window import ConsoleWindow
from facilitator.ui.help_dialog import ShortcutHelp
from facilitator.ui.labels import SUPPORTED_LANGUAGES, language_name
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


def preferred_language(preferences: PreferencesModel) -> str:
    """The language of content and interface: the preference, else the system's."""
    return preferences.value.language or system_language()


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
        self.groups = GroupsModel(self.run, self)
        self.presenter = CardPresenter(self.run, self, groups=self.groups)
        self.agenda = AgendaModel(self.run, platform.wall, self)
        self.plans = PlanModel(self.library, self.language, self)
        self.drafts = DraftStore((data_dir or user_data_dir()) / DRAFTS_FOLDER, wall=platform.wall)
        # The plan on the Plans tab keeps its unsaved changes on disk, as an editor does.
        self.plan_drafts = DraftKeeper(self.plans, self.drafts, parent=self)
        self.plan_drafts.draftFailed.connect(lambda text: self.notices.post(text, key="plan-draft"))
        self.plan_drafts.draftSaved.connect(lambda _path: self.notices.dismiss_key("plan-draft"))
        self.store = SessionStore(
            data_dir,
            on_error=lambda text: self.notices.post(text, key="session-save"),
            on_recovered=lambda: self.notices.dismiss_key("session-save"),
        )
        self.bells = CueRouter(self.run, self.preferences, platform.player, self)
        self.run.set_cue_lead(platform.player.output_lead)
        self._data_dir = data_dir

        # The interface language is set before any window is built (run_app sets it even
        # earlier); windows built later show the language of that moment.
        self._language = self.language()
        self._install_language(self._language)
        self.sessions = SessionController(
            run=self.run,
            library=self.library,
            preferences=self.preferences,
            presentation=self.presentation,
            notices=self.notices,
            store=self.store,
            platform=platform,
            language=self.language,
            console=lambda: self.console,
            parent=self,
        )
        self.card = CardWindow(CardCanvas(self.presenter, self.preferences, self.presentation))
        self._build_windows()
        self.placement = CardPlacement(
            platform.screens, self.card, self.console, self.preferences, self.notices, self
        )
        self.sessions.placement = self.placement
        self.sessions.card = self.card
        self._connect()
        self._report_load_problems()

    def _build_windows(self) -> None:
        """Build the console (pages, menus, sound panel) and the keys of both windows.

        Everything built here shows the interface language of the moment, and holds no
        state that the models do not hold too: when the language changes it is simply
        built again (`_rebuild_windows`), while the models and the card window live on.
        """
        preview = CardCanvas(self.presenter, self.preferences, self.presentation)
        self.actions = RunActions(
            self.run,
            self.presentation,
            toggle_full_screen=self.card.toggle_full_screen,
            leave_full_screen=self.card.leave_full_screen,
            show_help=self.show_help,
            parent=self,
        )
        self.actions.blackout.setChecked(self.presentation.blackout)
        self.library_page = LibraryPage(self.library, self.language())
        self.run_page = RunPage(self.run, self.actions, preview)
        self.console = ConsoleWindow(
            self.run,
            self.notices,
            self.library_page,
            self.run_page,
            self.actions,
            close_guard=self.may_quit,
        )
        self.actions.install(self.console, self.card)
        self.sound_panel = SoundPanel(self.preferences, self.bells)
        self.sound_dock = self.console.add_side_panel(self.tr("Sound"), self.sound_panel)
        self.library_page.startRequested.connect(self._start_from_library)
        self.run_page.endRequested.connect(self.end_session)
        self.console.screen_menu.aboutToShow.connect(self._fill_screen_menu)
        self.console.quitRequested.connect(self._quit)
        # Editing, import/export (menu and drops), drafts, preferences dialog and UI state:
        # facilitator/controllers/library_actions.py.
        self.library_actions = LibraryActions(
            self, data_dir=self._data_dir, prompts=self.prompts, parent=self
        )
        # The Plans tab, the agenda, the groups panel and keys, the facilitator's sheet:
        # facilitator/controllers/plans.py.
        self.plan_actions = PlansController(self, parent=self)

    # --- wiring --------------------------------------------------------------------

    def _connect(self) -> None:
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
        self.preferences.saveFailed.connect(lambda text: self.notices.post(text, key="prefs-save"))
        self.preferences.saved.connect(lambda: self.notices.dismiss_key("prefs-save"))
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
        return preferred_language(self.preferences)

    def _on_preferences_changed(self) -> None:
        language = self.language()
        if language != self._language:
            self.switch_language(language)

    # --- language ----------------------------------------------------------------------

    def _install_language(self, language: str) -> bool:
        """Install the translators for `language`; a notice when it cannot be shown."""
        application = QCoreApplication.instance()
        if install_translators(application, language):
            self.notices.dismiss_key("interface-language")
            return True
        self.notices.post(
            self.tr(
                "The interface cannot be shown in {language}: its translation is missing. "
                "It is shown in English; the structures and questions still follow your choice."
            ).format(language=language_name(language)),
            key="interface-language",
        )
        return False

    def switch_language(self, language: str) -> None:
        """Show the interface and new runs in `language` now, without a restart.

        The console is built again in the new language; the run, the card and every
        model go on untouched. A running session keeps the language it was started in.
        """
        self._language = language
        self._install_language(language)
        self._rebuild_windows()
        session = self.run.session
        if session is not None and session.timeline.language != language:
            self.notices.post(
                self.tr(
                    "The running session stays in {language} until you start it again; "
                    "new runs are in {new_language}."
                ).format(
                    language=language_name(session.timeline.language),
                    new_language=language_name(language),
                ),
                key="session-language",
            )
        else:
            self.notices.dismiss_key("session-language")

    def _rebuild_windows(self) -> None:
        """Build the console again in the current language, as it stood.

        The console comes back at the same place and size, on the same page, with the
        same search, filters, structure and questions chosen, the sound panel shown or
        not, and the preferences dialog open if it was. The card window is kept (the
        projector never blinks): only its keys and title change, and it repaints. Open
        editors move to the new console as they are, unsaved changes and undo included.
        """
        old_console, old_page, old_actions = self.console, self.library_page, self.actions
        old_library_actions = self.library_actions
        console_visible = old_console.isVisible()
        console_active = old_console.isActiveWindow()
        window_state = old_console.windowState()
        geometry = old_console.normalGeometry() if window_state else old_console.geometry()
        on_run_page = old_console.pages.currentWidget() is self.run_page
        browse_tab = old_console.browse_tabs.currentIndex()
        sound_hidden = self.sound_dock.isHidden()
        dialog = old_library_actions.preferences_dialog
        dialog_geometry = (
            dialog.saveGeometry() if dialog is not None and dialog.isVisible() else None
        )
        for action in old_actions.all():
            self.card.removeAction(action)
        if dialog is not None:
            dialog.hide()
        old_console.hide()
        self.plan_actions.retire()  # its keys leave the card; it is built again below

        self._build_windows()
        # The placement keeps its choices; only the console it measures is new.
        self.placement._console = self.console
        _restore_library_view(old_page, self.library_page)
        self.console.setGeometry(geometry)
        self.console.setWindowState(window_state)
        self.console.browse_tabs.setCurrentIndex(browse_tab)
        if on_run_page:
            self.console.show_run()
        if sound_hidden:
            self.sound_dock.hide()
        self._move_editors(old_library_actions, self.library_actions)
        if console_visible:
            self.console.show()
            if console_active:
                self.console.activateWindow()
        if dialog_geometry is not None:
            self.library_actions.show_preferences().restoreGeometry(dialog_geometry)
        self.card.setWindowTitle(QCoreApplication.translate("CardWindow", "Facilitator: card"))
        self.card.canvas.update()

        old_console.quitRequested.disconnect()
        for retired in (old_library_actions, old_actions, old_console):
            retired.deleteLater()

    def _move_editors(self, old: LibraryActions, new: LibraryActions) -> None:
        """Hand the open editor windows over to the new console's controller, as they are."""
        for session in list(old.editors.sessions):
            old.editors.sessions.remove(session)
            window = session.window
            geometry = window.saveGeometry()
            visible = window.isVisible()
            window.setParent(self.console, window.windowFlags())
            window.restoreGeometry(geometry)
            session.model.setParent(new.editors)
            window.close_guard = lambda session=session: new.editors.may_close(session)
            window.closed.disconnect()
            window.closed.connect(lambda session=session: new.editors._forget(session))
            new.editors.sessions.append(session)
            # The new controller offered this editor's draft back: it is open, so no need.
            self.notices.dismiss_key(f"draft-{session.model.key}")
            if visible:
                window.show()

    # --- sessions (facilitator/controllers/sessions.py) -----------------------------

    def _start_from_library(self, structure_id: str, questions_id: str, fit: float) -> None:
        self.sessions.start_structure(
            structure_id, questions_id=questions_id or None, fit=fit or None
        )

    def start_run(self, structure_id: str, **options: Any) -> bool:
        """Load a new session of a structure and show the card (SessionController)."""
        return self.sessions.start_structure(structure_id, **options)

    def start_plan(self, plan_id: str, **options: Any) -> bool:
        """Load a whole plan as one session and show the card (SessionController)."""
        return self.sessions.start_plan(plan_id, **options)

    def end_session(self) -> None:
        """Close the current session on purpose (its crash record goes too)."""
        self.sessions.end()

    def offer_resume(self) -> None:
        """If a session was interrupted, offer to resume it where it stands now."""
        self.sessions.offer_resume()

    def resume(self, saved: SavedSession) -> bool:
        """Resume a saved session, caught up with the wall clock."""
        return self.sessions.resume(saved)

    # --- windows ---------------------------------------------------------------------

    def show(self) -> None:
        """Show the console."""
        self.console.show()

    def show_help(self) -> None:
        """List every shortcut."""
        parent: QWidget = self.console
        rows = self.actions.shortcut_table() + self.plan_actions.shortcut_table()
        ShortcutHelp(rows, parent).exec()

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

    def may_quit(self) -> bool:
        """Whether the app may quit: asks about a running session, then unsaved work."""
        return (
            self.sessions.may_quit()
            and self.library_actions.may_quit()
            and self.plan_actions.may_quit()
        )

    def _quit(self) -> None:
        self.plan_drafts.flush()
        self.card.close()
        app = QApplication.instance()
        if app is not None:
            app.quit()


def _restore_library_view(old: LibraryPage, new: LibraryPage) -> None:
    """Show on `new` what `old` showed: the search, filters, structure, questions and fit."""
    new.search.setText(old.search.text())
    for before, after in (
        (old.length_filter, new.length_filter),
        (old.shape_filter, new.shape_filter),
        (old.language_filter, new.language_filter),
    ):
        after.setCurrentIndex(before.currentIndex())
    if old.selected is not None and old.selected.id in new.visible_ids():
        new.select(old.selected.id)
    chosen = new.details.questions.findData(old.details.questions.currentData())
    if chosen >= 0:
        new.details.questions.setCurrentIndex(chosen)
    new.details.fit_minutes.setValue(old.details.fit_minutes.value())
    new.details.fit.setChecked(old.details.fit.isChecked())


def run_app(options: argparse.Namespace) -> int:
    """Open the console (and with `facilitator run`, a session straight away)."""
    application = QApplication.instance() or QApplication(sys.argv[:1])
    application.setApplicationName(APP_NAME)
    application.setApplicationVersion(__version__)
    application.setQuitOnLastWindowClosed(False)
    preferences = PreferencesModel()
    # Before any window is built: widgets take their texts when they are made.
    install_translators(application, preferred_language(preferences))
    app = FacilitatorApp(Platform(QtScreenProvider(), QtBellPlayer()), preferences=preferences)
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
                    QCoreApplication.translate(
                        "FacilitatorApp",
                        "There is no screen {number}; the card opens on the default screen.",
                    ).format(number=options.screen),
                )
                box.exec()
            else:
                screen = screens[options.screen].name
        where = {"speed": options.speed, "screen": screen, "windowed": options.windowed}
        if getattr(options, "kind", DocumentKind.STRUCTURE) is DocumentKind.PLAN:
            app.start_plan(options.id, fit=options.fit, language=options.lang, **where)
        else:
            app.start_run(
                options.id,
                questions_id=options.questions,
                fit=options.fit,
                language=options.lang,
                **where,
            )
    else:
        app.offer_resume()
    report_startup_if_asked(app)
    return application.exec()


STARTUP_REPORT_VARIABLE = "FACILITATOR_REPORT_STARTUP"


def report_startup_if_asked(app: FacilitatorApp) -> None:
    """For benchmarks/bench_startup.py only: with FACILITATOR_REPORT_STARTUP=1 in the
    environment, print `startup: painted <time.monotonic()>` once every window shown at start
    has painted. Without the variable this does nothing."""
    import os

    from PySide6.QtCore import QEvent, QTimer

    if os.environ.get(STARTUP_REPORT_VARIABLE) != "1":
        return
    # The card window itself never paints: its canvas covers it.
    waiting = [widget for widget in (app.console, app.card.canvas) if widget.isVisible()]

    class _PaintWatcher(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and watched in waiting:
                waiting.remove(watched)
                watched.removeEventFilter(self)
                if not waiting:  # the last window is painting now; report once it is done
                    QTimer.singleShot(
                        0, lambda: print(f"startup: painted {time.monotonic():.6f}", flush=True)
                    )
            return False

    app.startup_watcher = _PaintWatcher(app)
    for widget in waiting:
        widget.installEventFilter(app.startup_watcher)
