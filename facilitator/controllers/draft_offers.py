"""Offering back the drafts a crash (or a quit mid-edit) left behind: restore or discard."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from facilitator.core.documents.draft_store import clock_text
from facilitator.core.files.kinds import DocumentKind
from facilitator.ui.prompts import Choice

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QWidget

    from facilitator.controllers.editors import EditorController
    from facilitator.core.documents.draft_store import Draft, DraftStore
    from facilitator.core.sessions.record import WallClock
    from facilitator.models.notices import NoticeBoard
    from facilitator.models.plan_model import PlanModel
    from facilitator.ui.prompts import Prompts


class DraftOffers(QObject):
    """Posts a notice per draft left behind, and restores or discards it when asked."""

    def __init__(
        self,
        drafts: DraftStore,
        editors: EditorController,
        notices: NoticeBoard,
        *,
        prompts: Callable[[], Prompts],
        wall: WallClock,
        window: QWidget,
        plans: PlanModel,
        restore_plan: Callable[[Draft], bool],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._drafts = drafts
        self._editors = editors
        self._notices = notices
        self._prompts = prompts
        self._wall = wall
        self._window = window
        self._plans = plans
        self._restore_plan = restore_plan

    def offer_all(self) -> None:
        """Offer back every draft left behind (after a crash, or a quit mid-edit)."""
        drafts, problems = self._drafts.load_all()
        open_keys = {session.model.key for session in self._editors.sessions}
        if self._plans.is_dirty:
            open_keys.add(self._plans.key)
        for draft in drafts:
            if draft.key not in open_keys:
                self._post_draft(draft)
        if problems:
            self._notices.post(
                self.tr("Some drafts could not be read and were left alone:\n{lines}").format(
                    lines="\n".join(str(p) for p in problems[:5])
                ),
                key="drafts",
            )

    def _post_draft(self, draft: Draft) -> None:
        when = clock_text(draft.saved_at, self._wall())
        self._notices.post(
            self.tr("You have unsaved changes to \u201c{title}\u201d from {when}.").format(
                title=draft.title, when=when
            ),
            key=f"draft-{draft.key}",
            action_label=self.tr("Restore or discard…"),
            action=lambda: self.resolve_draft(draft),
        )

    def resolve_draft(self, draft: Draft) -> Choice:
        """Ask whether to restore or discard a draft, and do it."""
        when = clock_text(draft.saved_at, self._wall())
        choice = self._prompts().restore_draft(self._window, draft.title, when)
        if choice is Choice.RESTORE:
            if draft.document_type == DocumentKind.PLAN:
                if not self._restore_plan(draft):
                    self._post_draft(draft)
            else:
                self._editors.restore(draft)
        elif choice is Choice.DISCARD:
            self._drafts.discard(draft.key)
        else:
            self._post_draft(draft)
        return choice
