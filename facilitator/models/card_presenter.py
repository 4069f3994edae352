"""Feeds the card: turns the run into `CardContent` whenever something visible changes."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from facilitator.core.shown.card import CardContent, as_the_room_sees, card_content

if TYPE_CHECKING:
    from facilitator.models.groups_model import GroupsModel
    from facilitator.models.preferences_model import PreferencesModel
    from facilitator.models.run_model import RunModel


class CardPresenter(QObject):
    """The content of the projector card, recomputed from the run model's signals."""

    contentChanged = Signal()
    """Anything on the card may have changed: repaint all of it."""
    clockChanged = Signal()
    """Only the countdown, the progress or the phase changed: repaint those."""

    def __init__(
        self,
        run_model: RunModel,
        parent: QObject | None = None,
        *,
        groups: GroupsModel | None = None,
        preferences: PreferencesModel | None = None,
    ) -> None:
        super().__init__(parent)
        self._run = run_model
        self._groups = groups
        self._preferences = preferences
        self._content: CardContent | None = None
        if groups is not None:
            groups.changed.connect(self._refresh_all)
        if preferences is not None:
            preferences.changed.connect(self._refresh_all)
        run_model.changed.connect(self._refresh_all)
        run_model.sessionChanged.connect(self._refresh_all)
        run_model.secondChanged.connect(self._refresh_clock)
        self._refresh_all()

    @property
    def content(self) -> CardContent | None:
        """What the card shows now, or None when no session is loaded."""
        return self._content

    def _compute(self) -> CardContent | None:
        session = self._run.session
        status = self._run.status()
        if session is None or status is None:
            return None
        time_up_shown = self._preferences is not None and self._preferences.value.time_up_on_card
        content = as_the_room_sees(
            card_content(session.timeline, status), time_up_shown=time_up_shown
        )
        shown = self._groups.card_groups() if self._groups is not None else None
        return dataclasses.replace(content, groups=shown) if shown is not None else content

    def _refresh_all(self) -> None:
        self._content = self._compute()
        self.contentChanged.emit()

    def _refresh_clock(self) -> None:
        previous = self._content
        self._content = self._compute()
        if previous is None or self._content is None or _layout_differs(previous, self._content):
            self.contentChanged.emit()
        else:
            self.clockChanged.emit()


def _layout_differs(before: CardContent, after: CardContent) -> bool:
    """Whether more than the clock area changed between two contents."""
    same = (
        before.step_title,
        before.instruction,
        before.questions,
        before.round,
        before.speaker,
        before.transition,
        before.section_title,
        before.groups,
        before.phase_number,
        before.who_acts,
        before.language,
    )
    return same != (
        after.step_title,
        after.instruction,
        after.questions,
        after.round,
        after.speaker,
        after.transition,
        after.section_title,
        after.groups,
        after.phase_number,
        after.who_acts,
        after.language,
    )


class StaticCardPresenter(QObject):
    """A presenter showing fixed content, for previews (the editor, screenshots)."""

    contentChanged = Signal()
    clockChanged = Signal()

    def __init__(self, content: CardContent | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._content = content

    @property
    def content(self) -> CardContent | None:
        """The content shown."""
        return self._content

    def set_content(self, content: CardContent | None) -> None:
        """Show other content."""
        self._content = content
        self.contentChanged.emit()
