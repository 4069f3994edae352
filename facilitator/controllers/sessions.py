"""Starting, replacing, ending and resuming sessions: structures and plans alike.

A session starts from a spec (what to run), gets its timeline from the library,
is loaded into the run model and shows the card. Its crash record is written on
every change; after a crash the next start offers to resume it by the wall clock
(`resume_offers.py`), never a session another copy of the app is still running.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from facilitator.controllers.resume_offers import ResumeOffers
from facilitator.core.files.kinds import DocumentKind
from facilitator.core.plans.format import Plan, plan_to_document
from facilitator.core.plans.schedule import parse_clock_time
from facilitator.core.sessions.record import (
    SavedSession,
    Session,
    SessionRecordError,
    SessionSpec,
    SessionStore,
)
from facilitator.core.sessions.setup import RunSetupError, timeline_for
from facilitator.core.timing.events import RunState
from facilitator.core.workshop.structures import FALLBACK_LANGUAGE
from facilitator.ui.labels import language_name

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable

    from PySide6.QtWidgets import QWidget

    from facilitator.controllers.card_placement import CardPlacement
    from facilitator.core.timing.timeline import Timeline
    from facilitator.models.library_model import LibraryModel
    from facilitator.models.notices import NoticeBoard
    from facilitator.models.preferences_model import PreferencesModel
    from facilitator.models.presentation import PresentationModel
    from facilitator.models.run_model import RunModel
    from facilitator.platform.edges import Platform
    from facilitator.ui.card_window import CardWindow
    from facilitator.ui.prompts import Prompts


class SessionController(QObject):
    """Everything about the life of a session, from start to end or crash and back."""

    def __init__(
        self,
        *,
        run: RunModel,
        library: LibraryModel,
        preferences: PreferencesModel,
        presentation: PresentationModel,
        notices: NoticeBoard,
        store: SessionStore,
        platform: Platform,
        prompts: Prompts,
        placement: CardPlacement,
        card: CardWindow,
        language: Callable[[], str],
        console: Callable[[], QWidget],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._run = run
        self._library = library
        self._preferences = preferences
        self._presentation = presentation
        self._notices = notices
        self._store = store
        self._platform = platform
        self._prompts = prompts
        self._placement = placement
        self._card = card
        self._language = language
        self._console = console
        self.offers = ResumeOffers(
            store=store,
            notices=notices,
            prompts=prompts,
            wall=platform.wall,
            timeline=lambda saved: self._timeline(saved.spec),
            resume=self.resume,
            restart=self.restart,
            console=console,
            parent=self,
        )

    # --- starting ------------------------------------------------------------------

    def start_structure(
        self,
        structure_id: str,
        *,
        questions_id: str | None = None,
        fit: float | None = None,
        language: str | None = None,
        speed: float = 1.0,
        screen: str | None = None,
        windowed: bool = False,
        group_size: int | None = None,
    ) -> bool:
        """Load a new session of `structure_id` and show the card; False if it cannot be.

        `group_size` sets how many rounds or turns follow the group (None: the default).
        """
        if not self.may_replace():
            return False
        spec = SessionSpec(
            DocumentKind.STRUCTURE,
            structure_id,
            language or self._language(),
            questions_id=questions_id,
            fit_minutes=fit,
            speed=speed,
            group_size=group_size,
        )
        return self._start(spec, screen=screen, windowed=windowed)

    def start_plan(
        self,
        plan_id: str,
        *,
        plan: Plan | None = None,
        start_time: str | dt.time | None = None,
        fit: float | None = None,
        language: str | None = None,
        speed: float = 1.0,
        screen: str | None = None,
        windowed: bool = False,
    ) -> bool:
        """Load a whole plan as ONE session and show the card; False if it cannot be.

        `plan` runs a plan as edited (it is kept in the session's record, so it resumes
        after a crash even unsaved); without it the library's plan `plan_id` runs.
        `start_time` ("HH:MM") is the planned start, else the plan's own; without
        either, the plan counts from the first Start.
        """
        if not self.may_replace():
            return False
        if start_time is None:
            own = plan or self._library.library.find_plan(plan_id)
            start_time = own.start_time if own is not None else None
        clock = parse_clock_time(start_time).strftime("%H:%M") if start_time else None
        spec = SessionSpec(
            DocumentKind.PLAN,
            plan_id,
            language or self._language(),
            fit_minutes=fit,
            speed=speed,
            start_time=clock,
            plan=plan_to_document(plan) if plan is not None else None,
        )
        return self._start(spec, screen=screen, windowed=windowed)

    def _timeline(self, spec: SessionSpec) -> Timeline:
        return timeline_for(
            self._library.library, spec, warning_seconds=self._preferences.value.warning_seconds
        )

    def _start(self, spec: SessionSpec, *, screen: str | None, windowed: bool) -> bool:
        """Build the timeline of `spec`, load it and show the card; False if it cannot be."""
        try:
            timeline = self._timeline(spec)
        except RunSetupError as error:
            self._notices.post(
                self.tr("Cannot start: {reason}").format(reason=str(error)), key="start"
            )
            return False
        session = Session.start_new(
            spec,
            timeline,
            self._platform.clock(spec.speed),
            mode=self._preferences.value.advance_mode,
            store=self._store,
            wall=self._platform.wall,
        )
        self._presentation.set_blackout(False)
        self._show(session, timeline, screen=screen, windowed=windowed)
        return True

    def _show(
        self,
        session: Session,
        timeline: Timeline,
        *,
        screen: str | None = None,
        windowed: bool = False,
    ) -> None:
        self._run.load(session)
        session.save()
        self._report_missing_texts(timeline, session.spec.language)
        self._placement.show_card(screen_name=screen, windowed=windowed)

    def _report_missing_texts(self, timeline: Timeline, language: str) -> None:
        """Say so when the card shows texts in another language than the one asked for."""
        lines = []
        missing = timeline.structure.missing_translations(language)
        if missing:
            title = timeline.structure.title.in_language(language)
            if language == FALLBACK_LANGUAGE:
                text = self.tr(
                    "{count} texts of \u201c{title}\u201d are not written in {language}: "
                    "the card shows them in the language they were written in."
                )
            else:
                text = self.tr(
                    "{count} texts of \u201c{title}\u201d are not translated into {language} "
                    "yet: the card shows them in English."
                )
            lines.append(text.format(count=missing, title=title, language=language_name(language)))
        question_set = timeline.question_set
        if question_set is not None and question_set.language != language:
            lines.append(
                self.tr(
                    "The questions \u201c{title}\u201d are in {set_language}, not in {language}: "
                    "the whole card speaks {set_language}."
                ).format(
                    title=question_set.title,
                    set_language=language_name(question_set.language),
                    language=language_name(language),
                )
            )
        if lines:
            self._notices.post("\n".join(lines), key="run-language")
        else:
            self._notices.dismiss_key("run-language")

    # --- asking before losing a session --------------------------------------------

    def may_replace(self) -> bool:
        """Whether a new session may take the place of the current one (asks if it runs)."""
        status = self._run.status()
        if status is None or status.state in (RunState.READY, RunState.FINISHED):
            return True
        return self._prompts.confirm(
            self._console(),
            self.tr("Replace the running session?"),
            self.tr("A session is running. End it and start another?"),
            self.tr("End it and start"),
        )

    def may_quit(self) -> bool:
        """Whether the app may quit now (asks while a session runs; it can be resumed)."""
        status = self._run.status()
        if status is None or status.state not in (RunState.RUNNING, RunState.PAUSED):
            return True
        return self._prompts.confirm(
            self._console(),
            self.tr("Quit during a session?"),
            self.tr(
                "A session is running. If you quit now, Facilitator offers to resume it "
                "where it stands when you start it again."
            ),
            self.tr("Quit"),
        )

    def may_end(self) -> bool:
        """Whether the session may be ended now (asks while it runs or is paused)."""
        status = self._run.status()
        if status is None or status.state not in (RunState.RUNNING, RunState.PAUSED):
            return True
        return self._prompts.confirm(
            self._console(),
            self.tr("End the session?"),
            self.tr("The card closes, and this session cannot be resumed afterwards."),
            self.tr("End session"),
        )

    # --- ending and resuming -------------------------------------------------------

    def end(self) -> None:
        """Close the current session on purpose (its crash record goes too)."""
        self._run.clear()
        self._card.hide()

    def offer_resume(self) -> None:
        """Offer each session that another copy left behind (see `ResumeOffers`)."""
        self.offers.offer_all()

    def restart(self, saved: SavedSession) -> bool:
        """Start a saved session's structure or plan again from the beginning."""
        if not self.may_replace():
            return False
        return self._start(saved.spec, screen=None, windowed=False)

    def resume(self, saved: SavedSession) -> bool:
        """Resume a saved session, caught up with the wall clock."""
        try:
            timeline = self._timeline(saved.spec)
            session = Session.resume(
                saved,
                timeline,
                self._platform.clock(saved.spec.speed),
                store=self._store,
                wall=self._platform.wall,
            )
        except (RunSetupError, SessionRecordError, ValueError) as error:
            self._notices.post(
                self.tr("The interrupted session could not be resumed: {reason}").format(
                    reason=str(error)
                ),
                key="resume",
            )
            return False
        if not self._store.claim(saved):
            self._notices.post(
                self.tr("The session “{title}” is already running in another window.").format(
                    title=saved.title
                ),
                key="resume",
            )
            return False
        self._show(session, timeline)
        return True
