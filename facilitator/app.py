"""The one place where models, platform edges and windows are wired together.

`FacilitatorApp` builds everything from a `Platform` (the real one, or fakes in
tests), so the same wiring runs in front of a room and in the test suite. The
models and the card window live as long as the app; the console and what hangs
on it are built by `_build_console` and built again when the language changes.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QApplication

from facilitator.controllers.actions import RunActions
from facilitator.controllers.card_placement import CardPlacement
from facilitator.controllers.console_view import ConsoleView
from facilitator.controllers.help_menu import HelpMenu
from facilitator.controllers.language import InterfaceLanguage
from facilitator.controllers.library_actions import LibraryActions
from facilitator.controllers.plans import PlansController
from facilitator.controllers.sessions import SessionController
from facilitator.core.documents.draft_store import DRAFTS_FOLDER, DraftStore
from facilitator.core.files.paths import user_data_dir, user_log_dir
from facilitator.core.sessions.record import SavedSession, SessionStore
from facilitator.models.agenda_model import AgendaModel
from facilitator.models.bells import CueRouter
from facilitator.models.card_presenter import CardPresenter
from facilitator.models.console_presenter import ConsolePresenter
from facilitator.models.editing.autosave import DraftKeeper
from facilitator.models.groups_model import GroupsModel
from facilitator.models.library_model import LibraryModel
from facilitator.models.notices import NoticeBoard
from facilitator.models.plan_model import PlanModel
from facilitator.models.preferences_model import PreferencesModel
from facilitator.models.presentation import PresentationModel
from facilitator.models.run_model import RunModel
from facilitator.models.screen_awake import ScreenAwake
from facilitator.models.structure_choice import StructureChoiceModel
from facilitator.platform.sound_import import import_sound
from facilitator.ui.card_canvas import CardCanvas
from facilitator.ui.card_window import CardWindow
from facilitator.ui.console_window import ConsoleWindow
from facilitator.ui.help_dialog import HelpDialog
from facilitator.ui.keyboard import install_focused_controls_first
from facilitator.ui.labels import language_name
from facilitator.ui.library_page import LibraryPage
from facilitator.ui.prompts import Prompts
from facilitator.ui.run_page import RunPage
from facilitator.ui.sound_panel import SoundPanel
from facilitator.ui.style import make_placeholders_readable
from facilitator.ui.window_fit import as_rect, install_windows_stay_on_screen

if TYPE_CHECKING:
    from pathlib import Path

    from facilitator.core.documents.library import Library
    from facilitator.core.settings.placement import Rect
    from facilitator.platform.app_log import LogSetup
    from facilitator.platform.edges import Platform


class FacilitatorApp(QObject):
    """Builds and connects the whole app: models, the two windows, keys, screens, bells."""

    def __init__(
        self,
        platform: Platform,
        *,
        prompts: Prompts | None = None,
        library: Library | None = None,
        preferences: PreferencesModel | None = None,
        data_dir: Path | None = None,
    ) -> None:
        super().__init__()
        self.platform = platform
        self.prompts = prompts or Prompts()
        """The questions the app asks (modal dialogs); tests script the answers."""
        self._data_dir = data_dir
        self.notices = NoticeBoard(self)
        self.preferences = preferences or PreferencesModel(folder=data_dir, parent=self)
        # Before any window is built: widgets take their texts when they are made.
        self.languages = InterfaceLanguage(self.preferences, self.notices, self)
        self.library = LibraryModel(library, self)
        self.structure_choice = StructureChoiceModel(self)
        self.run = RunModel(self)
        self.presentation = PresentationModel(self)
        self.groups = GroupsModel(self.run, self, background=platform.background)
        self.presenter = CardPresenter(
            self.run, self, groups=self.groups, preferences=self.preferences
        )
        self.console_presenter = ConsolePresenter(self.run, platform.wall, self)
        self.agenda = AgendaModel(self.run, platform.wall, self)
        self.plans = PlanModel(self.library, self.language, self)
        self.drafts = DraftStore((data_dir or user_data_dir()) / DRAFTS_FOLDER, wall=platform.wall)
        # The plan on the Plans tab keeps its unsaved changes on disk, as an editor does.
        self.plan_drafts = DraftKeeper(self.plans, self.drafts, parent=self)
        self.store = SessionStore(
            data_dir,
            on_error=lambda text: self.notices.post(text, key="session-save"),
            on_recovered=lambda: self.notices.dismiss_key("session-save"),
        )
        self.bells = CueRouter(self.run, self.preferences, platform.player, self)
        self.run.set_cue_lead(platform.player.output_lead)
        self.screen_awake = ScreenAwake(self.run, platform.awake, self.notices, self)

        self.card = CardWindow(CardCanvas(self.presenter, self.preferences, self.presentation))
        # Space and Return press the focused button before they mean Next (ui/keyboard.py).
        application = QApplication.instance()
        if isinstance(application, QApplication):
            install_focused_controls_first(application)
            make_placeholders_readable(application)
            # Every editor and dialog opens inside the console's screen (ui/window_fit.py).
            install_windows_stay_on_screen(application)
        self._build_console()
        self.placement = CardPlacement(
            platform.screens,
            self.card,
            lambda: self.console,
            self.preferences,
            self.notices,
            self,
        )
        self.sessions = SessionController(
            run=self.run,
            library=self.library,
            preferences=self.preferences,
            presentation=self.presentation,
            notices=self.notices,
            store=self.store,
            platform=platform,
            prompts=self.prompts,
            placement=self.placement,
            card=self.card,
            language=self.language,
            console=lambda: self.console,
            parent=self,
        )
        self._connect()
        self._report_load_problems()

    # --- the console ------------------------------------------------------------------

    def _build_console(self) -> None:
        """Build the console (pages, menus, side panels) and the keys of both windows.

        Everything built here shows the interface language of the moment, and holds no
        state that the models do not hold too: when the language changes it is simply
        built again (`_rebuild_console`), while the models and the card window live on.
        """
        preview = CardCanvas(self.presenter, self.preferences, self.presentation)
        # The preview shows the card in the projector's shape, exactly as the room sees it.
        preview.set_shape(self.card.canvas.width(), self.card.canvas.height())
        self.card.canvas.shapeChanged.connect(preview.set_shape)
        self.actions = RunActions(
            self.run,
            self.presentation,
            toggle_full_screen=self.card.toggle_full_screen,
            back_to_run=lambda: self.console.back_to_run(),
            present_card=self.present_card,
            show_help=self.show_help,
            end_session=self.request_end,
            parent=self,
        )
        self.library_page = LibraryPage(self.library, self.structure_choice, self.language())
        self.run_page = RunPage(self.run, self.console_presenter, self.actions, preview)
        self.console = ConsoleWindow(
            self.run,
            self.notices,
            self.library_page,
            self.run_page,
            self.actions,
            close_guard=self.may_quit,
        )
        self.console.home_area = self._console_work_area
        self.actions.install(self.console, self.card)
        importer = partial(import_sound, data_dir=self._data_dir)
        self.sound_panel = SoundPanel(self.preferences, self.bells, import_sound=importer)
        self.sound_dock = self.console.add_side_panel(self.tr("Sound"), self.sound_panel)
        self.library_page.startRequested.connect(self._start_from_library)
        self.run_page.endRequested.connect(self.request_end)
        self.console.screen_menu.aboutToShow.connect(self._fill_screen_menu)
        self.console.quitRequested.connect(self._quit)
        # Editing, import/export (menu and drops), drafts, preferences dialog and UI state.
        self.library_actions = LibraryActions(
            self, data_dir=self._data_dir, prompts=self.prompts, parent=self
        )
        # The Plans tab, the agenda, the groups panel and keys, the facilitator's sheet.
        self.plan_actions = PlansController(self, parent=self)
        self.help_menu = HelpMenu(
            self.console,
            self.library,
            self.notices,
            language=self.language,
            log_folder=user_log_dir(),
            parent=self.console,
        )

    def _rebuild_console(self) -> None:
        """Build the console again in the current language, as it stood.

        The console comes back at the same place and size, showing what it showed
        (console_view.py), with the preferences dialog open if it was. The card window
        is kept (the projector never blinks): only its keys and title change. Open
        editors move to the new console as they are, unsaved changes and undo included.
        """
        old_console, old_actions, old_library_actions = (
            self.console,
            self.actions,
            self.library_actions,
        )
        dialog = old_library_actions.preferences_dialog
        view = ConsoleView.of(old_console, dialog)
        for action in old_actions.all():
            self.card.removeAction(action)
        if dialog is not None:
            dialog.hide()
        old_console.hide()
        self.plan_actions.retire()  # its keys leave the card; it is built again below

        self._build_console()
        view.restore(self.console)
        old_library_actions.editors.hand_over(self.library_actions.editors)
        for session in self.library_actions.editors.sessions:
            # The new console offered this editor's draft back: it is open, so no need.
            self.notices.dismiss_key(f"draft-{session.model.key}")
        view.show(self.console)
        if view.dialog_geometry is not None:
            self.library_actions.show_preferences().restoreGeometry(view.dialog_geometry)
        self.card.setWindowTitle(QCoreApplication.translate("CardWindow", "Facilitator: card"))
        self.card.canvas.update()

        old_console.quitRequested.disconnect()
        for retired in (old_library_actions, old_actions, old_console):
            retired.deleteLater()

    # --- wiring --------------------------------------------------------------------

    def _connect(self) -> None:
        self.plan_drafts.draftFailed.connect(lambda text: self.notices.post(text, key="plan-draft"))
        self.plan_drafts.draftSaved.connect(lambda _path: self.notices.dismiss_key("plan-draft"))
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
        self.run.overrunBegan.connect(self._flash_when_time_is_up)
        self.preferences.saveFailed.connect(lambda text: self.notices.post(text, key="prefs-save"))
        self.preferences.saved.connect(lambda: self.notices.dismiss_key("prefs-save"))
        self.languages.switched.connect(self._on_language_switched)

    def _flash_when_time_is_up(self) -> None:
        """A part runs over (manual advance): the card flashes only if the room sees it."""
        if self.preferences.value.time_up_on_card:
            self.presentation.flash()

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
        for text in self.bells.sound_problems:  # found before the console listened
            self.notices.post(text, key="sound-file")

    # --- language ----------------------------------------------------------------------

    def language(self) -> str:
        """The language of content and interface: the preference, else the system's."""
        return self.languages.wanted()

    def _on_language_switched(self, language: str) -> None:
        """The console is built again in the new language; the run and the card go on."""
        self._rebuild_console()
        self.library_actions.ui_keeper.follow_language(language)
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

    # --- sessions (facilitator/controllers/sessions.py) -----------------------------

    def _start_from_library(
        self, structure_id: str, questions_id: str, fit: float, group_size: int = 0
    ) -> None:
        self.sessions.start_structure(
            structure_id,
            questions_id=questions_id or None,
            fit=fit or None,
            group_size=group_size or None,
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

    def request_end(self) -> None:
        """End session (the button, the Run menu, Ctrl+E): asks first while it runs."""
        if self.sessions.may_end():
            self.end_session()

    def offer_resume(self) -> None:
        """If a session was interrupted, offer to resume it where it stands now."""
        self.sessions.offer_resume()

    def resume(self, saved: SavedSession) -> bool:
        """Resume a saved session, caught up with the wall clock."""
        return self.sessions.resume(saved)

    # --- windows ---------------------------------------------------------------------

    def show(self) -> None:
        """Show the console, inside its screen (console_window.py `fit_to_screen`)."""
        self.console.fit_to_screen()
        self.console.show()

    def _console_work_area(self) -> Rect:
        """The work area of the console's screen, as the screen provider tells it."""
        name = self.platform.screens.screen_of(self.console)
        screens = self.platform.screens.screens()
        screen = next((s for s in screens if s.name == name), screens[0] if screens else None)
        if screen is None:
            return as_rect(self.console.screen().availableGeometry())
        return screen.work_area

    def present_card(self) -> None:
        """F5: the card full screen on the projector again, whatever happened to it."""
        if self.run.session is not None:
            self.placement.present()

    def help_dialog(self) -> HelpDialog:
        """Help: getting started, and every key of the run, the console and the groups."""
        console = self.console
        actions = [
            *self.actions.all(),
            self.plan_actions.show_groups,
            self.plan_actions.next_groups_page,
            console.find_action,
            console.library_action,
            console.run_action,
        ]
        return HelpDialog(actions, console)

    def show_help(self) -> None:
        """F1: the help, until closed."""
        self.help_dialog().exec()

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

    def report_log(self, setup: LogSetup) -> None:
        """Say once (in the notice bar) when the log cannot be written; the app runs on."""
        if setup.problem:
            self.notices.post(
                self.tr(
                    "The log cannot be written in {folder} ({reason}); the app works as always, "
                    "without a log."
                ).format(folder=setup.folder, reason=setup.problem),
                key="log",
            )

    def may_quit(self) -> bool:
        """Whether the app may quit: asks about a running session, then unsaved work."""
        return (
            self.sessions.may_quit()
            and self.library_actions.may_quit()
            and self.plan_actions.may_quit()
        )

    def _quit(self) -> None:
        self.plan_drafts.flush()
        self.screen_awake.release()
        self.card.close()
        app = QApplication.instance()
        if app is not None:
            app.quit()
