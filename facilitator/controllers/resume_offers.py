"""Offering what another copy of the app left behind: resume it, look back at it, or restart.

At start-up every record whose copy is gone is offered in the notice bar, saying when the
session was interrupted and where it would land now. A session whose end has passed is
offered as finished, with its log to look at or to discard; a record dated in the future
cannot be trusted and is offered only to start again. Records of copies that still run
are left alone.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QObject

from facilitator.core.sessions.record import SavedSession, SessionRecordError
from facilitator.core.sessions.resume import ResumeOffer, Standing, assess
from facilitator.core.sessions.setup import RunSetupError
from facilitator.core.timing.countdown import format_countdown
from facilitator.core.timing.events import RunState
from facilitator.core.timing.timeline import SegmentKind
from facilitator.ui.labels import kind_label
from facilitator.ui.prompts import Choice

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QWidget

    from facilitator.core.sessions.record import FoundRecord, SessionStore
    from facilitator.core.timing.timeline import Timeline
    from facilitator.models.notices import NoticeBoard
    from facilitator.ui.prompts import Prompts

SECONDS_PER_DAY = 86_400


class ResumeOffers(QObject):
    """Posts one notice per interrupted session and carries out what the facilitator picks."""

    def __init__(
        self,
        *,
        store: SessionStore,
        notices: NoticeBoard,
        prompts: Prompts,
        wall: Callable[[], float],
        timeline: Callable[[SavedSession], Timeline],
        resume: Callable[[SavedSession], bool],
        restart: Callable[[SavedSession], bool],
        console: Callable[[], QWidget],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._notices = notices
        self._prompts = prompts
        self._wall = wall
        self._timeline = timeline
        self._resume = resume
        self._restart = restart
        self._console = console

    def offer_all(self) -> None:
        """Offer every session whose copy is gone (an unreadable record is set aside)."""
        for number, record in enumerate(self._store.interrupted(), start=1):
            key = "resume" if number == 1 else f"resume-{number}"
            self._offer(record, key)

    def _offer(self, record: FoundRecord, key: str) -> None:
        saved = record.saved
        if saved is None:
            self._cannot(record.problem, key)
            self._store.set_aside(record.path)
            return
        try:
            timeline = self._timeline(saved)
            offer = assess(saved, timeline, self._wall())
        except (RunSetupError, SessionRecordError, ValueError, KeyError, TypeError) as error:
            self._cannot(str(error), key)
            return
        if offer.standing is Standing.FROM_THE_FUTURE:
            self._notices.post(
                self._future_text(offer),
                key=key,
                action_label=self.tr("Start again"),
                action=lambda: self._start_again(saved, key),
            )
        elif offer.standing is Standing.FINISHED:
            self._notices.post(
                self._finished_text(offer),
                key=key,
                action_label=self.tr("View its log…"),
                action=lambda: self._review(offer, timeline, key),
            )
        else:
            self._notices.post(
                self._resumable_text(offer, timeline),
                key=key,
                action_label=self.tr("Resume"),
                action=lambda: self._resume(saved),
            )

    def _cannot(self, reason: str, key: str) -> None:
        self._notices.post(
            self.tr("An interrupted session could not be resumed: {reason}").format(reason=reason),
            key=key,
        )

    # --- the texts ------------------------------------------------------------------------

    def when(self, moment: float) -> str:
        """When something happened, for a sentence: "at 14:32", "yesterday at 14:32", ..."""
        clock = time.strftime("%H:%M", time.localtime(moment))
        then = time.localtime(moment)
        today = time.localtime(self._wall())
        days = QDate(then.tm_year, then.tm_mon, then.tm_mday).daysTo(
            QDate(today.tm_year, today.tm_mon, today.tm_mday)
        )
        if days == 0:
            return self.tr("at {clock}").format(clock=clock)
        if days == 1:
            return self.tr("yesterday at {clock}").format(clock=clock)
        if days == -1:
            return self.tr("tomorrow at {clock}").format(clock=clock)
        date = QLocale().toString(
            QDate(then.tm_year, then.tm_mon, then.tm_mday), QLocale.FormatType.LongFormat
        )
        return self.tr("on {date} at {clock}").format(date=date, clock=clock)

    def where(self, timeline: Timeline, index: int) -> str:
        """A segment for people: “Conversations in pairs”, round 2 of 3, change-over."""
        segment = timeline.segments[index]
        step = timeline.step(segment)
        parts = [f"\u201c{step.title.in_language(timeline.language)}\u201d"]
        if segment.round is not None and segment.rounds > 1:
            parts.append(
                QCoreApplication.translate("Card", "Round {number} of {count}").format(
                    number=segment.round, count=segment.rounds
                )
            )
        if segment.kind is not SegmentKind.STEP:
            parts.append(kind_label(segment.kind))
        return ", ".join(parts)

    def _resumable_text(self, offer: ResumeOffer, timeline: Timeline) -> str:
        assert offer.landing_index is not None
        where = self.where(timeline, offer.landing_index)
        left = format_countdown(offer.landing_remaining)
        if offer.paused:
            text = self.tr(
                "The session \u201c{title}\u201d was interrupted {when} while paused in {where} "
                "({left} left). Resume it there, paused?"
            )
        else:
            text = self.tr(
                "The session \u201c{title}\u201d was interrupted {when}. Resume it where it "
                "stands now: {where}, {left} left?"
            )
        return text.format(
            title=offer.saved.title, when=self.when(offer.interrupted_at), where=where, left=left
        )

    def _finished_text(self, offer: ResumeOffer) -> str:
        assert offer.ends_at is not None
        return self.tr(
            "The session \u201c{title}\u201d was interrupted {when} and would have finished "
            "{end}: there is nothing left to resume."
        ).format(
            title=offer.saved.title,
            when=self.when(offer.interrupted_at),
            end=self.when(offer.ends_at),
        )

    def _future_text(self, offer: ResumeOffer) -> str:
        return self.tr(
            "The session \u201c{title}\u201d has a record dated {when}, later than now: the "
            "computer's clock was changed, so where it stands cannot be known. Start it "
            "again from the beginning?"
        ).format(title=offer.saved.title, when=self.when(offer.interrupted_at))

    def log_lines(self, offer: ResumeOffer, timeline: Timeline) -> list[str]:
        """The session's log for people: when each segment began, then the interruption."""
        lines = []
        for entry in offer.saved.log:
            if not 0 <= entry.index < len(timeline.segments):
                continue
            clock = time.strftime("%H:%M:%S", time.localtime(entry.at))
            where = self.where(timeline, entry.index)
            if entry.state == RunState.PAUSED.value:
                where = self.tr("{where} (paused)").format(where=where)
            lines.append(f"{clock}  {where}")
        interrupted = time.strftime("%H:%M:%S", time.localtime(offer.interrupted_at))
        lines.append(self.tr("{clock}  interrupted").format(clock=interrupted))
        if offer.ends_at is not None:
            end = time.strftime("%H:%M:%S", time.localtime(offer.ends_at))
            lines.append(self.tr("{clock}  it would have finished").format(clock=end))
        return lines

    # --- what the facilitator picks --------------------------------------------------------

    def _review(self, offer: ResumeOffer, timeline: Timeline, key: str) -> None:
        choice = self._prompts.review_session(
            self._console(),
            self.tr("The session \u201c{title}\u201d").format(title=offer.saved.title),
            self._finished_text(offer),
            self.log_lines(offer, timeline),
        )
        path = offer.saved.path
        if choice is Choice.DISCARD and path is not None:
            self._store.discard(path)
            self._notices.dismiss_key(key)
        else:  # kept for later: offered again
            self._notices.post(
                self._finished_text(offer),
                key=key,
                action_label=self.tr("View its log…"),
                action=lambda: self._review(offer, timeline, key),
            )

    def _start_again(self, saved: SavedSession, key: str) -> None:
        if self._restart(saved) and saved.path is not None:
            self._store.discard(saved.path)
            self._notices.dismiss_key(key)
